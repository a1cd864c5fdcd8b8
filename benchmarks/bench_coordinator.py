"""Benchmark of the coordinator store: import and dashboard query times for 100,000 residents in
the age band, 30,000 visits and 60,000 shared signals, on SQLCipher and on PostgreSQL (a
throwaway server started here, as the tests do; skipped when PostgreSQL is not installed).

Target: every dashboard query (coverage, report per period, the queue's filtered pages) under
300 ms and the follow-up sync that runs on every refresh under 50 ms, on both backends. The
floor is a bare
``SELECT count(*)`` over the address list in the same store and run.

    .venv/bin/python benchmarks/bench_coordinator.py [--small]
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select, text, update  # noqa: E402

from huisbezoek.coordinator import (  # noqa: E402
    addresses,
    dashboard,
    figures,
    followup,
    report,
    retention,
)
from huisbezoek.coordinator.importer import ImportContext, check_and_apply  # noqa: E402
from huisbezoek.coordinator.store.backend import CoordinatorStore  # noqa: E402
from huisbezoek.coordinator.store.models import (  # noqa: E402
    AreaResident,
    FollowUp,
    Volunteer,
)
from huisbezoek.coordinator.store.schema import COORDINATOR_SCHEMA  # noqa: E402
from huisbezoek.domain import ConsentMethod, ConsentScope, Severity, Theme  # noqa: E402
from huisbezoek.exchange import batch  # noqa: E402
from huisbezoek.exchange.keys import OrgConfig, OrgIdentity, VolunteerKeys  # noqa: E402
from huisbezoek.exchange.payload import (  # noqa: E402
    BatchHeader,
    BatchPayload,
    Consent,
    NeighbourhoodCounts,
    PeriodCounts,
    ResidentIdentity,
    SharedSignal,
)
from huisbezoek.vault import KdfParams, Vault  # noqa: E402

SMALL = "--small" in sys.argv
SCALE = 10 if SMALL else 1
RESIDENTS = 100_000 // SCALE
VISITS = 30_000 // SCALE
SIGNALS = 60_000 // SCALE
VOLUNTEERS = 30
NEIGHBOURHOODS = 40
PER_BATCH = 1000 // SCALE if SMALL else 1000
TARGET_MS = 300.0
SYNC_TARGET_MS = 50.0  # the follow-up sync runs on every refresh
REPEATS = 5
TODAY = date(2026, 11, 23)


def hood_name(i: int) -> str:
    return f"Wijk {i:02d}"


def postcode(hood: int, k: int) -> str:
    return f"{1000 + hood * 25 + k % 25} A{chr(65 + k % 26)}"


def address_list() -> bytes:
    rng = random.Random(7)
    lines = ["naam;straat;huisnummer;postcode;woonplaats;geboortedatum;wijk"]
    for n in range(RESIDENTS):
        hood = n % NEIGHBOURHOODS
        born = date(1947 + rng.randint(0, 3), rng.randint(1, 12), rng.randint(1, 28))
        lines.append(
            f"Bewoner {n};Laan {hood};{n};{postcode(hood, n)};Benchstad;"
            f"{born.strftime('%d-%m-%Y')};{hood_name(hood)}"
        )
    return ("\n".join(lines) + "\n").encode()


def build_batches(config: OrgConfig, keys: list[VolunteerKeys]) -> list[bytes]:
    rng = random.Random(11)
    per_volunteer = SIGNALS // len(keys)
    visits_each = VISITS // len(keys)
    files: list[bytes] = []
    for v, vkeys in enumerate(keys):
        hoods = [(2 * v + j) % NEIGHBOURHOODS for j in range(2)]
        # residents per quarter over two years (schema 2), as a volunteer's app counts them
        quarters = [f"{2025 + q // 4}Q{q % 4 + 1}" for q in range(8)]
        each = max(visits_each // 2 // len(quarters), 1)
        counts = [
            NeighbourhoodCounts(
                neighbourhood=hood_name(h),
                periods={
                    quarter: PeriodCounts(
                        invited=4 * each, reached=3 * each, accepted=each, visited=each,
                        not_reached=each // 2, signalled=each // 2, gone=rng.randint(0, 3),
                        declined={"geen_behoefte": each, "al_hulp": each // 2,
                                  "niet_gegeven": rng.randint(0, 4)},
                        themes={Theme.EENZAAMHEID: each // 3, Theme.VALLEN: rng.randint(0, 6)},
                        referrals={"wmo-loket": rng.randint(0, 4), "stevig-staan": each // 4},
                    )
                    for quarter in quarters
                },
            )
            for h in hoods
        ]  # fmt: skip
        for sequence, start in enumerate(range(0, per_volunteer, PER_BATCH), start=1):
            signals = []
            for k in range(start, min(start + PER_BATCH, per_volunteer)):
                named = k % 3 == 0
                scopes = [ConsentScope.RECORD_VISIT, ConsentScope.SHARE_SIGNAL]
                if named:
                    scopes += [ConsentScope.SHARE_IDENTITY, ConsentScope.REFERRAL]
                signals.append(
                    SharedSignal(
                        id=uuid.uuid4(),
                        revision=1,
                        theme=rng.choice(list(Theme)),
                        severity=rng.choice(list(Severity)),
                        text="Verzonnen signaal voor de benchmark.",
                        agreed="Coördinator belt.",
                        consent=Consent(
                            scopes=scopes,
                            given_on=date(2026, rng.randint(1, 11), rng.randint(1, 28)),
                            method=ConsentMethod.ORAL,
                        ),
                        identity=ResidentIdentity(
                            name=f"Bewoner {v}-{k}",
                            address="Laan 1",
                            postcode=postcode(hoods[0], k),
                            place="Benchstad",
                        )
                        if named
                        else None,
                    )
                )
            header = BatchHeader(
                org_id=config.org_id,
                batch_id=uuid.uuid4(),
                key_id=vkeys.key_id_hex,
                sequence=sequence,
                created=datetime(2026, 11, 20, tzinfo=UTC),
            )
            payload = BatchPayload(header=header, signals=signals, neighbourhoods=counts)
            files.append(batch.build(payload, vkeys, config)[1])
    return files


def timed(fn: Callable[[], Any]) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def median_ms(store: CoordinatorStore, query: Callable[[Any], Any]) -> float:
    def once() -> None:
        with store.session() as session:
            query(session)

    once()  # warm
    return statistics.median(timed(once) for _ in range(REPEATS))


Q = followup.QueueFilter


def page(spec: followup.QueueFilter, offset: int = 0) -> Callable[[Any], Any]:
    return lambda s: followup.queue_page(s, spec, limit=50, offset=offset, today=TODAY)


QUERIES: list[tuple[str, Callable[[Any], Any]]] = [
    ("coverage per neighbourhood", dashboard.coverage),
    ("progress and timeline", lambda s: dashboard.progress(s, TODAY)),
    ("queue, first 50 open (+ count)", page(Q())),
    ("queue, page 100 incl. closed", page(Q(include_closed=True), offset=5000)),
    ("queue: theme + neighbourhood", page(Q(theme=Theme.VALLEN, neighbourhood=hood_name(3)))),
    ("queue: severity direct, page 5", page(Q(severity=Severity.DIRECT), offset=200)),
    ("queue: one volunteer, by due date", lambda s: followup.queue_page(
        s, Q(volunteer=s.scalar(select(Volunteer.key_id).limit(1)) or "",
             sort=followup.QueueSort.DUE), limit=50, today=TODAY)),
    ("queue: status opgepakt", page(Q(status=followup.FollowUpStatus.TAKEN))),
    ("queue: overdue", page(Q(due=followup.DueFilter.OVERDUE))),
    ("queue: search a name", page(Q(search="Bewoner 7-3"))),
    ("queue: search a postcode", page(Q(search="1075 AX"))),
    ("open and overdue counts", lambda s: (followup.open_count(s), followup.overdue(s, TODAY))),
    ("report: since the start", lambda s: report.municipal_report(
        s, figures.since_start(TODAY), TODAY)),
    ("report: year 2026", lambda s: report.municipal_report(
        s, figures.year_period(2026), TODAY)),
    ("report: quarter 2026-K3", lambda s: report.municipal_report(
        s, figures.quarter_period(2026, 3), TODAY)),
    ("split by neighbourhood", addresses.split_by_neighbourhood),
    ("retention preview", lambda s: retention.preview_retention(s, TODAY)),
]  # fmt: skip


def run(store: CoordinatorStore, label: str, csv_data: bytes, files: list[bytes],
        context: ImportContext, keys: list[VolunteerKeys]) -> dict[str, float]:  # fmt: skip
    results: dict[str, float] = {}
    with store.session() as session:
        now = datetime.now(UTC)
        for i, vk in enumerate(keys):
            session.add(
                Volunteer(key_id=vk.key_id_hex, name=f"Vrijwilliger {i}",
                          public_key=vk.minisign_public_key, age_recipient=vk.age_recipient,
                          fingerprint=vk.fingerprint, enrolled_at=now, approved_at=now)
            )  # fmt: skip

    def load_addresses() -> None:
        with store.session() as session:
            addresses.import_address_list(session, csv_data, today=TODAY)

    results["import: address list CSV"] = timed(load_addresses)

    with store.session() as session:
        context = ImportContext.load(session, context.org_id, context.identities)

    def import_batches() -> None:
        for data in files:
            with store.session() as session:
                check_and_apply(session, context, data)

    results[f"import: {len(files)} batches, {SIGNALS} signals"] = timed(import_batches)

    def sync() -> None:
        with store.session() as session:
            followup.sync_followups(session, today=TODAY)

    results["import: follow-ups from signals"] = timed(sync)
    with store.session() as session:  # close a third, long ago, so retention has work to show
        ids = session.scalars(select(FollowUp.signal_id).limit(SIGNALS // 3)).all()
        closed = datetime(2025, 1, 1, tzinfo=UTC)
        for start in range(0, len(ids), 500):
            session.execute(
                update(FollowUp).where(FollowUp.signal_id.in_(ids[start : start + 500]))
                .values(status="afgerond", is_open=0, closed_at=closed),
                execution_options={"synchronize_session": False},
            )  # fmt: skip
    with store.session() as session:
        counts = (
            session.scalar(select(func.count()).select_from(AreaResident)),
            session.scalar(select(func.count()).select_from(FollowUp)),
        )
    if store.backend == "postgresql":
        with store.engine.begin() as conn:
            conn.execute(text("ANALYZE"))
    else:
        with store.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    results["floor: count(*) over the address list"] = median_ms(
        store, lambda s: s.scalar(select(func.count()).select_from(AreaResident))
    )
    for name, query in QUERIES:
        results[f"dashboard: {name}"] = median_ms(store, query)
    results["refresh: sync with nothing new"] = median_ms(
        store, lambda s: followup.sync_followups(s, today=TODAY)
    )
    print(f"\n{label}: {counts[0]} residents, {counts[1]} follow-ups")
    floor = results["floor: count(*) over the address list"]
    for name, ms in results.items():
        flag = ""
        target = SYNC_TARGET_MS if name.startswith("refresh:") else TARGET_MS
        if name.startswith(("dashboard:", "refresh:")):
            flag = "  ok" if ms < target else f"  OVER {target:.0f} ms"
            flag += f"  ({ms / floor:.1f}x floor)" if floor > 0 else ""
        print(f"  {name:<48} {ms:10.1f} ms{flag}")
    return results


def over(results: dict[str, float]) -> list[str]:
    return [
        name
        for name, ms in results.items()
        if (name.startswith("dashboard:") and ms >= TARGET_MS)
        or (name.startswith("refresh:") and ms >= SYNC_TARGET_MS)
    ]


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="hb-bench-coord-"))
    os.environ["HUISBEZOEK_HOME"] = str(home)
    identity = OrgIdentity.generate()
    config = OrgConfig.create(uuid.uuid4(), "Welzijn Benchstad", [identity.recipient])
    context = ImportContext(org_id=config.org_id, identities=[identity])
    keys = [VolunteerKeys.generate() for _ in range(VOLUNTEERS)]
    started = time.perf_counter()
    csv_data = address_list()
    files = build_batches(config, keys)
    print(f"prepared {RESIDENTS} residents and {len(files)} batches "
          f"in {time.perf_counter() - started:.1f} s")  # fmt: skip
    vault, _ = Vault.create(home / "coordinator", "benchmark wachtwoord zin", kind="coordinator",
                            schema=COORDINATOR_SCHEMA, kdf=KdfParams.FLOOR)  # fmt: skip
    try:
        sqlcipher = run(CoordinatorStore.from_vault(vault), "SQLCipher", csv_data, files,
                        context, keys)  # fmt: skip
    finally:
        vault.close()
    slow = [f"SQLCipher {n}" for n in over(sqlcipher)]

    from tests.coordinator.pgserver import PgServer, find_bin_dir

    bin_dir = find_bin_dir()
    if bin_dir is None:
        print("\nPostgreSQL: not installed, skipped")
    else:
        server = PgServer(bin_dir)
        server.start()
        try:
            store = CoordinatorStore.open_url(server.new_database())
            try:
                postgres = run(store, "PostgreSQL", csv_data, files, context, keys)
                slow += [f"PostgreSQL {n}" for n in over(postgres)]
            finally:
                store.close()
        finally:
            server.stop()
    print(f"\ntarget: every dashboard query under {TARGET_MS:.0f} ms, the refresh sync under "
          f"{SYNC_TARGET_MS:.0f} ms, on both backends: "
          + ("met" if not slow else f"NOT met ({', '.join(slow)})"))  # fmt: skip
    return 0 if not slow else 1


if __name__ == "__main__":
    sys.exit(main())
