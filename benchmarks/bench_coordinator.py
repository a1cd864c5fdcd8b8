"""Benchmark of the coordinator store: import and dashboard query times.

1. 100,000 residents in the age band, 30,000 visits and 60,000 shared signals (60 batches of
   1,000 through the real importer), on SQLCipher and on PostgreSQL (a throwaway server
   started here, as the tests do; skipped when PostgreSQL is not installed), with the import
   time of PostgreSQL against SQLCipher (target: within 1.5x).
2. The large store on PostgreSQL: 1,000,000 residents and 600,000 signals, the scale of every
   Dutch resident in the age band across several organisations (``coordinator_scale``: a bulk
   load with ``COPY`` in the importer's stored form, then an address list and 20 signed batches
   through the real importer and follow-up sync). About a minute and a half.

Target: every dashboard query (coverage, report per period, the queue's filtered pages) under
300 ms and the follow-up sync that runs on every refresh under 50 ms. The floor is a bare
``SELECT count(*)`` over the address list in the same store and run.

    .venv/bin/python benchmarks/bench_coordinator.py [--quick | --large-only | --small]

``--quick`` leaves out the large store, ``--large-only`` runs only that, ``--small`` is part 1
at a tenth of the size.
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

from sqlalchemy import func, select, update  # noqa: E402

from huisbezoek.coordinator import (  # noqa: E402
    addresses,
    dashboard,
    figures,
    followup,
    organisation,
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
LARGE_ONLY = "--large-only" in sys.argv  # only the 1,000,000 store
LARGE = not (SMALL or "--quick" in sys.argv) or LARGE_ONLY
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


def build_batches(
    config: OrgConfig,
    keys: list[VolunteerKeys],
    signals_total: int = SIGNALS,
    hoods_of: Callable[[int], list[str]] | None = None,
    postcode_of: Callable[[int, int], str] | None = None,
    seed: int = 11,
) -> list[bytes]:
    """Signed batches of ``PER_BATCH`` signals per volunteer, as the volunteers' apps make them;
    ``hoods_of(v)`` names volunteer ``v``'s two neighbourhoods, ``postcode_of(v, k)`` the
    postcode of their ``k``-th named resident."""
    rng = random.Random(seed)
    per_volunteer = signals_total // len(keys)
    visits_each = VISITS // len(keys)
    files: list[bytes] = []
    for v, vkeys in enumerate(keys):
        if hoods_of is None:
            hood_ids = [(2 * v + j) % NEIGHBOURHOODS for j in range(2)]
            hoods = [hood_name(h) for h in hood_ids]
        else:
            hoods = hoods_of(v)
        # residents per quarter over two years (schema 2), as a volunteer's app counts them
        quarters = [f"{2025 + q // 4}Q{q % 4 + 1}" for q in range(8)]
        each = max(visits_each // 2 // len(quarters), 1)
        counts = [
            NeighbourhoodCounts(
                neighbourhood=h,
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
                            postcode=(
                                postcode_of(v, k)
                                if postcode_of
                                else postcode(2 * v % NEIGHBOURHOODS, k)
                            ),
                            place="Benchstad",
                        )
                        if named
                        else None,
                        neighbourhood=hoods[k % len(hoods)] if hoods_of else None,
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


def queries(hood: str, name: str, code: str) -> list[tuple[str, Callable[[Any], Any]]]:
    """Every query the dashboard, the queue and the report screen run; ``hood`` is a
    neighbourhood, ``name`` part of a shared name and ``code`` a postcode in the store."""
    return [
        ("coverage per neighbourhood", dashboard.coverage),
        ("progress and timeline", lambda s: dashboard.progress(s, TODAY)),
        ("queue, first 50 open (+ count)", page(Q())),
        ("queue, page 100 incl. closed", page(Q(include_closed=True), offset=5000)),
        ("queue: theme + neighbourhood", page(Q(theme=Theme.VALLEN, neighbourhood=hood))),
        ("queue: severity direct, page 5", page(Q(severity=Severity.DIRECT), offset=200)),
        ("queue: one volunteer, by due date", lambda s: followup.queue_page(
            s, Q(volunteer=s.scalar(select(Volunteer.key_id).limit(1)) or "",
                 sort=followup.QueueSort.DUE), limit=50, today=TODAY)),
        ("queue: status opgepakt", page(Q(status=followup.FollowUpStatus.TAKEN))),
        ("queue: overdue", page(Q(due=followup.DueFilter.OVERDUE))),
        ("queue: search a name", page(Q(search=name))),
        ("queue: search a postcode", page(Q(search=code))),
        ("open and overdue counts", lambda s: (followup.open_count(s),
                                               followup.overdue(s, TODAY))),
        ("report: since the start", lambda s: report.municipal_report(
            s, figures.since_start(TODAY), TODAY)),
        ("report: year 2026", lambda s: report.municipal_report(
            s, figures.year_period(2026), TODAY)),
        ("report: quarter 2026-K3", lambda s: report.municipal_report(
            s, figures.quarter_period(2026, 3), TODAY)),
        ("split by neighbourhood", addresses.split_by_neighbourhood),
        ("retention preview", lambda s: retention.preview_retention(s, TODAY)),
        ("volunteers still on old batches", figures.legacy_volunteers),
        ("queue filter choices", followup.queue_choices),
        ("volunteers who can get work", organisation.approved_volunteers),
    ]  # fmt: skip


def add_volunteers(store: CoordinatorStore, keys: list[VolunteerKeys], first: int = 0) -> None:
    with store.session() as session:
        now = datetime.now(UTC)
        for i, vk in enumerate(keys, start=first):
            session.add(
                Volunteer(key_id=vk.key_id_hex, name=f"Vrijwilliger {i}",
                          public_key=vk.minisign_public_key, age_recipient=vk.age_recipient,
                          fingerprint=vk.fingerprint, enrolled_at=now, approved_at=now)
            )  # fmt: skip


def import_all(store: CoordinatorStore, context: ImportContext, files: list[bytes]) -> None:
    """Each file in its own unit of work, as the import screen does it."""
    with store.session() as session:
        context = ImportContext.load(session, context.org_id, context.identities)
    for data in files:
        with store.session() as session:
            check_and_apply(session, context, data)


def sync(store: CoordinatorStore) -> None:
    with store.session() as session:
        followup.sync_followups(session, today=TODAY)


def analyse(store: CoordinatorStore) -> None:
    with store.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")


def measure(
    store: CoordinatorStore, results: dict[str, float], hood: str, name: str, code: str
) -> None:
    results["floor: count(*) over the address list"] = median_ms(
        store, lambda s: s.scalar(select(func.count()).select_from(AreaResident))
    )
    for label, query in queries(hood, name, code):
        results[f"dashboard: {label}"] = median_ms(store, query)
    results["dashboard: volunteers tab (list, last batches)"] = median_ms(
        store, lambda _: (organisation.list_volunteers(store), organisation.last_batches(store))
    )
    results["refresh: sync with nothing new"] = median_ms(
        store, lambda s: followup.sync_followups(s, today=TODAY)
    )


def show(store: CoordinatorStore, label: str, results: dict[str, float]) -> None:
    with store.session() as session:
        counts = (
            session.scalar(select(func.count()).select_from(AreaResident)),
            session.scalar(select(func.count()).select_from(FollowUp)),
        )
    print(f"\n{label}: {counts[0]} residents, {counts[1]} follow-ups")
    floor = results["floor: count(*) over the address list"]
    for name, ms in results.items():
        flag = ""
        target = SYNC_TARGET_MS if name.startswith("refresh:") else TARGET_MS
        if name.startswith(("dashboard:", "refresh:", "follow-up worker:", "reporting account:")):
            flag = "  ok" if ms < target else f"  OVER {target:.0f} ms"
            flag += f"  ({ms / floor:.1f}x floor)" if floor > 0 else ""
        print(f"  {name:<48} {ms:10.1f} ms{flag}")


def run(store: CoordinatorStore, label: str, csv_data: bytes, files: list[bytes],
        context: ImportContext, keys: list[VolunteerKeys]) -> dict[str, float]:  # fmt: skip
    results: dict[str, float] = {}
    add_volunteers(store, keys)

    def load_addresses() -> None:
        with store.session() as session:
            addresses.import_address_list(session, csv_data, today=TODAY)

    results["import: address list CSV"] = timed(load_addresses)
    results[IMPORT_LABEL] = timed(lambda: import_all(store, context, files))
    results["import: follow-ups from signals"] = timed(lambda: sync(store))
    with store.session() as session:  # close a third, long ago, so retention has work to show
        ids = session.scalars(select(FollowUp.signal_id).limit(SIGNALS // 3)).all()
        closed = datetime(2025, 1, 1, tzinfo=UTC)
        for start in range(0, len(ids), 500):
            session.execute(
                update(FollowUp).where(FollowUp.signal_id.in_(ids[start : start + 500]))
                .values(status="afgerond", is_open=0, closed_at=closed),
                execution_options={"synchronize_session": False},
            )  # fmt: skip
    analyse(store)
    measure(store, results, hood_name(3), "Bewoner 7-3", "1075 AX")
    show(store, label, results)
    return results


IMPORT_LABEL = f"import: {SIGNALS // PER_BATCH} batches, {SIGNALS} signals"


def over(results: dict[str, float]) -> list[str]:
    return [
        name
        for name, ms in results.items()
        if (
            name.startswith(("dashboard:", "follow-up worker:", "reporting account:"))
            and ms >= TARGET_MS
        )
        or (name.startswith("refresh:") and ms >= SYNC_TARGET_MS)
    ]


# -- the large store (left out by --quick): 1,000,000 residents, 600,000 signals, PostgreSQL --

LARGE_RESIDENTS = 1_000_000
LARGE_SIGNALS = 600_000
SLICE_RESIDENTS = 10_000  # through the real address-list import
SLICE_VOLUNTEERS = 10  # each sends two signed batches of 1,000 through the real importer
SLICE_SIGNALS = SLICE_VOLUNTEERS * 2 * 1000


def run_large(server: Any, config: OrgConfig, context: ImportContext) -> dict[str, float]:
    import coordinator_scale as scale

    store = CoordinatorStore.open_url(server.new_database())
    results: dict[str, float] = {}
    try:
        plan: scale.Plan | None = None

        def bulk() -> None:
            nonlocal plan
            plan = scale.bulk_load(
                store, LARGE_RESIDENTS - SLICE_RESIDENTS, LARGE_SIGNALS - SLICE_SIGNALS
            )

        results["bulk load with COPY (the rows above)"] = timed(bulk)
        assert plan is not None
        print("\nbulk-loaded: " + ", ".join(f"{n} {what}" for what, n in plan.counts.items()))
        vacuum = store.engine.execution_options(isolation_level="AUTOCOMMIT")
        with vacuum.connect() as conn:  # what autovacuum does after a bulk load
            started = time.perf_counter()
            conn.exec_driver_sql("VACUUM ANALYZE")
            results["VACUUM ANALYZE after the bulk load"] = (time.perf_counter() - started) * 1000
        hoods = plan.hoods
        last = hoods[-1]
        lines = ["naam;straat;huisnummer;postcode;woonplaats;geboortedatum;wijk"]
        rng = random.Random(5)
        for n in range(SLICE_RESIDENTS):  # a municipality's list with new residents
            born = date(1947 + rng.randint(0, 3), rng.randint(1, 12), rng.randint(1, 28))
            lines.append(f"Nieuwe bewoner {n};Nieuwlaan;{n + 1};{last.postcode(n)};"
                         f"{last.town};{born.strftime('%d-%m-%Y')};{last.name}")  # fmt: skip
        csv_data = ("\n".join(lines) + "\n").encode()

        def load_addresses() -> None:
            with store.session() as session:
                addresses.import_address_list(session, csv_data, today=TODAY)

        results[f"real import: address list of {SLICE_RESIDENTS} residents"] = timed(load_addresses)
        keys = [VolunteerKeys.generate() for _ in range(SLICE_VOLUNTEERS)]
        add_volunteers(store, keys, first=len(plan.volunteers))
        picked = [hoods[(37 * v) % len(hoods)] for v in range(SLICE_VOLUNTEERS)]
        files = build_batches(
            config, keys, SLICE_SIGNALS,
            hoods_of=lambda v: [picked[v].name],
            postcode_of=lambda v, k: picked[v].postcode(k),
            seed=23,
        )  # fmt: skip
        results[f"real import: {len(files)} batches, {SLICE_SIGNALS} signals"] = timed(
            lambda: import_all(store, context, files)
        )
        results["real import: follow-ups from signals"] = timed(lambda: sync(store))
        # no ANALYZE by hand here: the queries run as a coordinator meets them after an import
        measure(store, results, hoods[5].name, "Bewoner 12345", hoods[7].postcode(3))
        measure_worker(store, results)
        show(store, "PostgreSQL, large", results)
    finally:
        store.close()
    return results


def measure_worker(store: CoordinatorStore, results: dict[str, float]) -> None:
    """A follow-up worker's own queue under row-level security (``roles``): their account
    sees only the items assigned to them, among 600,000."""
    from sqlalchemy import create_engine, make_url

    from huisbezoek.coordinator.store.roles import Role, create_login, setup_roles

    worker = "medewerker_07"  # has items in the bulk load
    with store.engine.begin() as conn:
        setup_roles(conn)
        create_login(conn, worker, Role.FOLLOWUP, "een wachtwoord voor de bench")
    url = make_url(store.engine.url).set(username=worker).render_as_string(hide_password=False)
    own = CoordinatorStore.open_url(url)  # the throwaway server trusts local connections
    try:
        results["follow-up worker: own queue (row-level security)"] = median_ms(
            own, lambda s: followup.queue_page(s, Q(), limit=50, today=TODAY)
        )
        results["follow-up worker: own overdue items"] = median_ms(
            own, page(Q(due=followup.DueFilter.OVERDUE))
        )
    finally:
        own.close()
    reader = "rapportage_01"
    with store.engine.begin() as conn:
        create_login(conn, reader, Role.REPORTING, "een wachtwoord voor de bench")
    url = make_url(store.engine.url).set(username=reader).render_as_string(hide_password=False)
    engine = create_engine(url)
    try:
        for view in ("report_signals_per_theme", "report_followups_per_status",
                     "report_neighbourhood_counts", "report_coverage"):  # fmt: skip

            def read(view: str = view) -> None:
                with engine.connect() as conn:
                    conn.exec_driver_sql(f"SELECT * FROM {view}").all()

            read()
            label = f"reporting account: {view}"
            results[label] = statistics.median(timed(read) for _ in range(REPEATS))
    finally:
        engine.dispose()


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="hb-bench-coord-"))
    os.environ["HUISBEZOEK_HOME"] = str(home)
    identity = OrgIdentity.generate()
    config = OrgConfig.create(uuid.uuid4(), "Welzijn Benchstad", [identity.recipient])
    context = ImportContext(org_id=config.org_id, identities=[identity])
    slow: list[str] = []
    if not LARGE_ONLY:
        slow += run_standard(home, config, context)
    from tests.coordinator.pgserver import PgServer, find_bin_dir

    if LARGE:
        bin_dir = find_bin_dir()
        if bin_dir is None:
            print("\nPostgreSQL, large: not installed, skipped")
        else:
            server = PgServer(bin_dir)
            server.start()
            try:
                slow += [f"PostgreSQL large {n}" for n in over(run_large(server, config, context))]
            finally:
                server.stop()
    else:
        print(f"\nthe large store ({LARGE_RESIDENTS:,} residents, {LARGE_SIGNALS:,} signals, "
              "PostgreSQL) was left out: python3 dev.py bench coordinator")  # fmt: skip
    print(f"\ntarget: every dashboard query under {TARGET_MS:.0f} ms, the refresh sync under "
          f"{SYNC_TARGET_MS:.0f} ms: "
          + ("met" if not slow else f"NOT met ({', '.join(slow)})"))  # fmt: skip
    return 0 if not slow else 1


def run_standard(home: Path, config: OrgConfig, context: ImportContext) -> list[str]:
    """The 100,000-resident store on SQLCipher and on PostgreSQL; returns what was too slow."""
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
        return slow
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
    ratio = postgres[IMPORT_LABEL] / sqlcipher[IMPORT_LABEL]
    print(f"\n{IMPORT_LABEL}: PostgreSQL {postgres[IMPORT_LABEL] / 1000:.1f} s, SQLCipher "
          f"{sqlcipher[IMPORT_LABEL] / 1000:.1f} s: {ratio:.2f}x (target: within 1.5x) "
          + ("ok" if ratio <= 1.5 else "OVER"))  # fmt: skip
    if ratio > 1.5:
        slow.append(f"PostgreSQL import {ratio:.2f}x SQLCipher")
    return slow


if __name__ == "__main__":
    sys.exit(main())
