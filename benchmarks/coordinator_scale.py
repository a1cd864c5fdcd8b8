"""The large coordinator store for ``bench_coordinator.py --large``: 1,000,000 residents in the
age band and 600,000 shared signals in one PostgreSQL store, as a regional organisation (a GGD
region, or several welfare organisations sharing one server) would hold after a two-year round.

Loading that many rows through the importer one batch at a time would take most of an hour, so
the bulk is written with ``COPY`` straight into the tables the importer and the follow-up sync
fill, in the stored form the column types produce (each value goes through the column's own
bind processor): residents from the address lists, volunteers, the import ledger, imported
signals (a third with the resident's name and address), the volunteers' per-quarter counts
(made by ``figures.period_metrics``, as the importer makes them), follow-ups in every state,
the synced-batch marks and the coverage timeline. Then a slice goes through the real code:
an address list through ``addresses.import_address_list`` and new volunteers' signed batches
of 1,000 signals through ``importer.check_and_apply`` and ``followup.sync_followups``.

The shape: 12 municipalities ("gemeenten") with 15 to 35 neighbourhoods each, residents spread
unevenly over them; 3,000 volunteers, each working one to three neighbourhoods of one
municipality and sending small batches (5 to 40 signals) over two years; themes, severities,
follow-up states, due dates and closing dates spread as a busy queue has them.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Table

from huisbezoek.coordinator.figures import period_metrics
from huisbezoek.coordinator.store.backend import CoordinatorStore
from huisbezoek.coordinator.store.models import (
    AreaResident,
    CoverageSnapshot,
    FollowUp,
    ImportedSignal,
    ImportLedger,
    NeighbourhoodCount,
    SyncedBatch,
    Volunteer,
)
from huisbezoek.domain import ConsentMethod, ConsentScope, Severity, Theme
from huisbezoek.exchange.keys import VolunteerKeys
from huisbezoek.exchange.payload import PeriodCounts

TOWNS = 12
VOLUNTEERS = 3000
QUARTERS = [f"{2025 + q // 4}Q{q % 4 + 1}" for q in range(8)]
ROUND_START = date(2025, 1, 6)
TODAY = date(2026, 11, 23)
STAMP = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)

# How often each comes up in a busy round (weights, not exact shares).
THEME_WEIGHTS = {
    Theme.EENZAAMHEID: 24, Theme.VALLEN: 18, Theme.GEZONDHEID: 14, Theme.MANTELZORG: 9,
    Theme.HULP_THUIS: 9, Theme.DAGELIJKS_FUNCTIONEREN: 8, Theme.WONEN_VEILIGHEID: 7,
    Theme.VOEDING: 6, Theme.GELDZAKEN: 5,
}  # fmt: skip
SEVERITY_WEIGHTS = {Severity.INFORMATIE: 30, Severity.AANDACHT: 40, Severity.ZORG: 25,
                    Severity.DIRECT: 5}  # fmt: skip
# (status, is_open, outcome) and its weight
STATES = [
    ("nieuw", 1, None, 14), ("opgepakt", 1, None, 9), ("contact_gelegd", 1, None, 6),
    ("doorverwezen", 1, None, 6), ("afgerond", 0, "hulp_gestart", 30),
    ("afgerond", 0, "wilde_niet", 10), ("afgerond", 0, "niet_nodig", 10),
    ("geen_actie_nodig", 0, None, 15),
]  # fmt: skip
SERVICES = ["wmo-loket", "stevig-staan", "thuiszorg", "schuldhulp", "mantelzorgsteunpunt"]
WORKERS = [f"medewerker_{i:02d}" for i in range(40)]


@dataclass(slots=True)
class Hood:
    name: str
    town: str
    base_postcode: int  # four digits; the neighbourhood has 25 of them
    residents: int = 0
    volunteers: list[str] = field(default_factory=list)

    def postcode(self, k: int) -> str:
        return f"{self.base_postcode + k % 25} {chr(65 + k % 26)}{chr(65 + k // 26 % 26)}"


@dataclass(slots=True)
class Plan:
    """What the bulk load made, for the slice and the printout."""

    hoods: list[Hood]
    volunteers: list[str]
    counts: dict[str, int] = field(default_factory=dict)


def _weighted(rng: random.Random, weights: dict[Any, int]) -> Callable[[], Any]:
    keys, values = list(weights), list(weights.values())
    cumulative = [sum(values[: i + 1]) for i in range(len(values))]
    total = cumulative[-1]

    def pick() -> Any:
        return rng.choices(keys, cum_weights=cumulative, k=1)[0] if total else keys[0]

    return pick


def make_hoods(rng: random.Random, residents: int) -> list[Hood]:
    hoods: list[Hood] = []
    for t in range(TOWNS):
        town = f"Gemeente {chr(65 + t)}"
        for h in range(rng.randint(15, 35)):
            hoods.append(Hood(f"{town} - Wijk {h + 1:02d}", town, 1000 + 25 * len(hoods)))
    weights = [rng.uniform(0.3, 1.7) for _ in hoods]
    total = sum(weights)
    for hood, weight in zip(hoods, weights, strict=True):
        hood.residents = int(residents * weight / total)
    hoods[0].residents += residents - sum(h.residents for h in hoods)
    return hoods


def copy_rows(store: CoordinatorStore, table: Table, rows: Iterable[dict[str, Any]]) -> int:
    """``COPY`` rows into ``table``, each value in the stored form its column type makes."""
    columns = [c for c in table.columns if not (c.primary_key and c.autoincrement is True)]
    names = [c.name for c in columns]
    dialect = store.engine.dialect
    processors = [c.type.bind_processor(dialect) for c in columns]
    raw = store.engine.raw_connection()
    n = 0
    try:
        cursor = raw.cursor()
        with cursor.copy(f"COPY {table.name} ({', '.join(names)}) FROM STDIN") as copy:  # type: ignore[attr-defined]
            for row in rows:
                copy.write_row(
                    [
                        p(row.get(name)) if p is not None else row.get(name)
                        for name, p in zip(names, processors, strict=True)
                    ]
                )
                n += 1
        raw.commit()
    finally:
        raw.close()
    return n


def _residents(rng: random.Random, hoods: Sequence[Hood]) -> Iterator[dict[str, Any]]:
    n = 0
    imported = datetime(2025, 1, 2, tzinfo=UTC)
    for hood in hoods:
        assigned = hood.volunteers[0] if hood.volunteers and rng.random() < 0.8 else None
        for k in range(hood.residents):
            postcode = hood.postcode(k).replace(" ", "")  # as the address-list import stores it
            number = str(1 + k // 25)
            name = f"Bewoner {n}"
            born = date(1946 + rng.randint(1, 4), rng.randint(1, 12), rng.randint(1, 28))
            yield {
                "match_key": "|".join((postcode, number, name.casefold(), str(born))),
                "name": name,
                "street": f"{hood.name.split(' - ')[1]}laan",
                "house_number": number,
                "postcode": postcode,
                "place": hood.town,
                "birth_date": born,
                "neighbourhood": hood.name,
                "assigned_key_id": assigned,
                "assigned_at": imported if assigned else None,
                "imported_at": imported,
            }
            n += 1


def bulk_load(store: CoordinatorStore, residents: int, signals: int, seed: int = 17) -> Plan:
    """Fill an empty PostgreSQL store; returns what it made (row counts in ``counts``)."""
    rng = random.Random(seed)
    hoods = make_hoods(rng, residents)
    by_town: dict[str, list[Hood]] = {}
    for hood in hoods:
        by_town.setdefault(hood.town, []).append(hood)
    keys = [VolunteerKeys.generate() for _ in range(VOLUNTEERS)]
    volunteers = [k.key_id_hex for k in keys]
    worked: dict[str, list[Hood]] = {}
    towns = list(by_town)
    for i, key_id in enumerate(volunteers):
        town_hoods = by_town[towns[i % len(towns)]]
        start = rng.randrange(len(town_hoods))
        mine = [town_hoods[(start + j) % len(town_hoods)] for j in range(rng.choice((1, 2, 2, 3)))]
        worked[key_id] = mine
        for hood in mine:
            hood.volunteers.append(key_id)
    plan = Plan(hoods, volunteers)
    counts = plan.counts
    enrolled = datetime(2024, 12, 1, tzinfo=UTC)
    counts["volunteers"] = copy_rows(store, Volunteer.__table__, (  # type: ignore[arg-type]
        {"key_id": k.key_id_hex, "name": f"Vrijwilliger {i}",
         "public_key": k.minisign_public_key, "age_recipient": k.age_recipient,
         "fingerprint": k.fingerprint, "enrolled_at": enrolled, "approved_at": enrolled,
         "revoked_at": datetime(2026, 3, 1, tzinfo=UTC) if i % 50 == 0 else None}
        for i, k in enumerate(keys)
    ))  # fmt: skip
    counts["residents"] = copy_rows(store, AreaResident.__table__, _residents(rng, hoods))  # type: ignore[arg-type]

    # Signals per volunteer: uneven (some volunteers do far more visits), in small batches.
    share = [rng.uniform(0.2, 1.8) for _ in volunteers]
    scale = signals / sum(share)
    per_volunteer = [int(s * scale) for s in share]
    per_volunteer[0] += signals - sum(per_volunteer)
    ledger: list[dict[str, Any]] = []
    signal_rows: list[dict[str, Any]] = []
    followups: list[dict[str, Any]] = []
    last_batch: dict[str, str] = {}
    theme = _weighted(rng, THEME_WEIGHTS)
    severity = _weighted(rng, SEVERITY_WEIGHTS)
    state = _weighted(rng, {s[:3]: s[3] for s in STATES})
    n_signal = 0
    for key_id, total in zip(volunteers, per_volunteer, strict=True):
        mine = worked[key_id]
        sequence = 0
        day = ROUND_START + timedelta(rng.randint(0, 30))
        left = total
        while left > 0:
            size = min(left, rng.randint(5, 40))
            left -= size
            sequence += 1
            day = min(day + timedelta(rng.randint(1, 20)), TODAY - timedelta(3))
            created = datetime(day.year, day.month, day.day, 18, tzinfo=UTC)
            imported = created + timedelta(days=rng.randint(0, 4), hours=2)
            batch_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            last_batch[key_id] = batch_id
            ledger.append({
                "batch_id": batch_id, "key_id": key_id, "sequence": sequence,
                "created_at": created, "file_sha256": format(rng.getrandbits(256), "064x"),
                "payload_sha256": format(rng.getrandbits(256), "064x"),
                "imported_at": imported, "new_count": size, "updated_count": 0,
                "unchanged_count": 0, "missing_before": "",
            })  # fmt: skip
            for _ in range(size):
                hood = mine[rng.randrange(len(mine))]
                sid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
                named = rng.random() < 1 / 3
                scopes = [ConsentScope.RECORD_VISIT, ConsentScope.SHARE_SIGNAL]
                if named:
                    scopes += [ConsentScope.SHARE_IDENTITY, ConsentScope.REFERRAL]
                given = day - timedelta(rng.randint(0, 10))
                referral = rng.choice(SERVICES) if named and rng.random() < 0.4 else None
                k = rng.randrange(max(hood.residents, 1))
                postcode = hood.postcode(k)
                the_theme, the_severity = theme(), severity()
                revision = 2 if rng.random() < 0.1 else 1
                status, is_open, outcome = state()
                closed_at = None
                if not is_open:
                    closed_day = given + timedelta(rng.randint(3, 90))
                    closed_day = min(closed_day, TODAY - timedelta(1))
                    closed_at = datetime(closed_day.year, closed_day.month, closed_day.day, 11,
                                         tzinfo=UTC)  # fmt: skip
                erased = closed_at is not None and closed_at < datetime(2025, 6, 1, tzinfo=UTC)
                erased = erased and rng.random() < 0.5  # retention ran on part of the oldest
                signal_rows.append({
                    "id": sid, "revision": revision, "source_key_id": key_id,
                    "batch_id": batch_id, "theme": the_theme, "severity": the_severity,
                    "text": "" if erased else "Verzonnen signaal voor de benchmark.",
                    "agreed": "" if erased else "Coördinator belt binnen een week.",
                    "consent_scopes": ",".join(sorted(s.value for s in scopes)),
                    "consent_given_on": given, "consent_method": ConsentMethod.ORAL,
                    "resident_name": f"Bewoner {n_signal}" if named and not erased else None,
                    "resident_address": f"Laan {k // 25 + 1}" if named and not erased else None,
                    "resident_postcode": postcode if named and not erased else None,
                    "resident_place": hood.town if named and not erased else None,
                    "resident_phone": "0612345678" if named and not erased else None,
                    "first_imported_at": imported, "updated_at": imported,
                    "referral_service_id": referral, "neighbourhood": hood.name,
                    "erased_at": STAMP if erased else None,
                })  # fmt: skip
                due = None
                if is_open and rng.random() < 0.6:
                    due = given + timedelta(rng.randint(7, 60))
                taken = status != "nieuw"
                followups.append({
                    "signal_id": sid, "theme": the_theme, "severity": the_severity,
                    "neighbourhood": hood.name, "source_key_id": key_id, "signal_date": given,
                    "status": status,
                    "service": (referral or "") if status == "doorverwezen" else "",
                    "assigned_to": rng.choice(WORKERS) if taken else "",
                    "notes": "Gebeld, terugbellen." if taken and not erased else "",
                    "due_on": due, "is_open": is_open, "closed_at": closed_at,
                    "created_at": imported, "updated_at": closed_at or imported,
                    "identity_erased_at": STAMP if erased else None,
                    "has_identity": 1 if named and not erased else 0,
                    "outcome": outcome, "referral_service_id": referral, "withdrawn_at": None,
                    "service_told": "",
                })  # fmt: skip
                n_signal += 1
    counts["batches"] = copy_rows(store, ImportLedger.__table__, ledger)  # type: ignore[arg-type]
    counts["signals"] = copy_rows(store, ImportedSignal.__table__, signal_rows)  # type: ignore[arg-type]
    del signal_rows
    counts["follow-ups"] = copy_rows(store, FollowUp.__table__, followups)  # type: ignore[arg-type]
    del followups
    counts["synced batches"] = copy_rows(store, SyncedBatch.__table__, (  # type: ignore[arg-type]
        {"batch_id": row["batch_id"], "synced_at": row["imported_at"]} for row in ledger
    ))  # fmt: skip
    counts["neighbourhood counts"] = copy_rows(
        store,
        NeighbourhoodCount.__table__,
        _count_rows(rng, worked, last_batch),  # type: ignore[arg-type]
    )
    counts["timeline days"] = copy_rows(store, CoverageSnapshot.__table__, (  # type: ignore[arg-type]
        {"day": ROUND_START + timedelta(7 * w), "in_band": residents,
         "invited": residents * w // 104, "visited": residents * w // 300}
        for w in range((TODAY - ROUND_START).days // 7)
    ))  # fmt: skip
    return plan


def _count_rows(
    rng: random.Random, worked: dict[str, list[Hood]], last_batch: dict[str, str]
) -> Iterator[dict[str, Any]]:
    """Each volunteer's newest snapshot: residents per quarter and stage, per neighbourhood."""
    for key_id, hoods in worked.items():
        batch_id = last_batch.get(key_id)
        if batch_id is None:
            continue
        for hood in hoods:
            metrics: dict[str, int] = {}
            for quarter in QUARTERS:
                each = rng.randint(2, 14)
                counts = PeriodCounts(
                    invited=4 * each, reached=3 * each, accepted=each, visited=each,
                    not_reached=each // 2, signalled=each // 2, gone=rng.randint(0, 3),
                    declined={"geen_behoefte": each, "al_hulp": each // 2,
                              "niet_gegeven": rng.randint(0, 4)},
                    themes={Theme.EENZAAMHEID: each // 3, Theme.VALLEN: rng.randint(0, 6),
                            Theme.GEZONDHEID: rng.randint(0, 3)},
                    referrals={"wmo-loket": rng.randint(0, 4), "stevig-staan": each // 4},
                )  # fmt: skip
                metrics.update(period_metrics(quarter, counts))
            for metric, value in metrics.items():
                yield {"key_id": key_id, "neighbourhood": hood.name, "metric": metric,
                       "value": value, "batch_id": batch_id}  # fmt: skip
