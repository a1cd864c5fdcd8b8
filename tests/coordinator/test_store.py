"""The coordinator store opens on both backends with the same tables and an append-only log."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from huisbezoek.coordinator import followup as fu
from huisbezoek.coordinator import importer, organisation
from huisbezoek.coordinator.store.backend import CoordinatorStore, init_organisation_in
from huisbezoek.domain import Severity, Theme
from huisbezoek.exchange.keys import VolunteerKeys
from huisbezoek.vault.audit import AuditEvent
from huisbezoek.vault.keyslots import KdfParams

from .conftest import PASSPHRASE
from .helpers import batch_file


def test_store_has_exchange_and_work_tables(store: CoordinatorStore) -> None:
    names = set(inspect(store.engine).get_table_names())
    assert {"imported_signals", "volunteers", "neighbourhood_counts", "audit_log"} <= names
    assert {"cw_followups", "cw_followup_events", "cw_area_residents", "cw_settings"} <= names


def test_audit_log_is_append_only_on_both_backends(store: CoordinatorStore) -> None:
    with store.session() as session:
        store.audit(session, AuditEvent.ERASE, {"n": 1})
    assert store.audit_events()[0].detail == {"n": 1}
    with pytest.raises(DBAPIError), store.session() as session:
        session.execute(text("DELETE FROM audit_log"))
    assert store.audit_events()[0].event == "erase"


def test_exchange_services_work_on_both_backends(store: CoordinatorStore, tmp_path: Path) -> None:
    """Organisation, enrolment, approval and batch import (the exchange area's services, which
    need only ``session()`` and ``schema``), then the follow-up queue, on SQLCipher and PG."""
    config = init_organisation_in(store, "Welzijn Teststad", PASSPHRASE, kdf=KdfParams.FLOOR)
    keys = VolunteerKeys.generate()
    enrolment = tmp_path / "aanmelding.json"
    enrolment.write_bytes(keys.enrolment("Vera").to_bytes())
    row = organisation.enrol_volunteer(store, enrolment)  # type: ignore[arg-type]
    organisation.approve_volunteer(store, row.key_id)  # type: ignore[arg-type]
    path = batch_file(tmp_path, keys, config)
    report = importer.import_batches(store, [path])  # type: ignore[arg-type]
    assert (report.new, report.rejected) == (2, 0)
    again = importer.import_batches(store, [path])  # type: ignore[arg-type]
    assert again.new == 0
    with store.session() as session:
        assert fu.sync_followups(session) == 2
        items = fu.queue(session)
    assert [i.severity for i in items] == [Severity.DIRECT, Severity.AANDACHT]
    assert items[0].volunteer == "Vera"
    assert {e.event for e in store.audit_events()} >= {"org_init", "import"}


def test_mixed_batches_write_the_same_rows_on_both_backends(
    store: CoordinatorStore, tmp_path: Path
) -> None:
    """The import's write path (COPY through a staging table on PostgreSQL): new, newer and
    unchanged signals in one batch, several batches in one transaction, and a batch that
    reuses another volunteer's signal id refused with nothing of it written."""
    import uuid
    from datetime import UTC, datetime

    from sqlalchemy import select

    from huisbezoek.coordinator.store.models import ImportedSignal, ImportLedger
    from huisbezoek.exchange import batch
    from huisbezoek.exchange.payload import BatchHeader, BatchPayload

    from .helpers import _signal

    config = init_organisation_in(store, "Welzijn Teststad", PASSPHRASE, kdf=KdfParams.FLOOR)
    vera, wim = VolunteerKeys.generate(), VolunteerKeys.generate()
    for i, keys in enumerate((vera, wim)):
        (tmp_path / f"a{i}.json").write_bytes(keys.enrolment(f"V{i}").to_bytes())
        row = organisation.enrol_volunteer(store, tmp_path / f"a{i}.json")  # type: ignore[arg-type]
        organisation.approve_volunteer(store, row.key_id)  # type: ignore[arg-type]

    def file(keys: VolunteerKeys, seq: int, signals: list) -> Path:  # type: ignore[type-arg]
        header = BatchHeader(org_id=config.org_id, batch_id=uuid.uuid4(), key_id=keys.key_id_hex,
                             sequence=seq, created=datetime(2026, 11, 20, tzinfo=UTC))  # fmt: skip
        path = tmp_path / f"{keys.key_id_hex}-{seq}.hbz"
        payload = BatchPayload(header=header, signals=signals, neighbourhoods=[])
        path.write_bytes(batch.build(payload, keys, config)[1])
        return path

    x = _signal(Severity.ZORG, Theme.VALLEN, named=True)
    y = _signal(Severity.AANDACHT, Theme.EENZAAMHEID, named=False)
    z = _signal(Severity.DIRECT, Theme.VOEDING, named=False)
    x2 = x.model_copy(update={"revision": 2, "text": "Is weer gevallen."})
    first, second = file(vera, 1, [x, y]), file(vera, 2, [x2, y, z])
    report = importer.import_batches(store, [first, second])  # type: ignore[arg-type]
    assert (report.new, report.updated, report.unchanged, report.rejected) == (3, 1, 1, 0)
    stolen = file(wim, 1, [_signal(Severity.ZORG, Theme.VALLEN, named=False), y])
    refused = importer.import_batches(store, [stolen])  # type: ignore[arg-type]
    assert (refused.new, refused.rejected) == (0, 1)
    with store.session() as s:
        rows = {r.id: r for r in s.scalars(select(ImportedSignal))}
        assert set(rows) == {str(x.id), str(y.id), str(z.id)}
        stored_x = rows[str(x.id)]
        assert (stored_x.revision, stored_x.text, stored_x.resident_name) == (
            2, "Is weer gevallen.", "Mevrouw Visser")  # fmt: skip
        assert stored_x.theme is Theme.VALLEN and stored_x.first_imported_at.tzinfo is not None
        assert rows[str(y.id)].resident_name is None
        counts = s.execute(
            select(ImportLedger.sequence, ImportLedger.new_count, ImportLedger.updated_count,
                   ImportLedger.unchanged_count).order_by(ImportLedger.sequence)
        ).all()  # fmt: skip
        assert [tuple(c) for c in counts] == [(1, 2, 0, 0), (2, 1, 1, 1)]


def test_neighbourhood_totals_follow_each_volunteers_newest_counts(
    store: CoordinatorStore, tmp_path: Path
) -> None:
    """The sums the dashboard reads (``neighbourhood_totals``, c0005) are kept by the import:
    a volunteer's newer batch replaces their counts, in a neighbourhood they left too, and the
    totals stay the sum over every volunteer's newest counts, on both backends."""
    import uuid
    from datetime import UTC, datetime

    from sqlalchemy import func, select

    from huisbezoek.coordinator import dashboard
    from huisbezoek.coordinator.store.models import NeighbourhoodCount, NeighbourhoodTotal
    from huisbezoek.exchange import batch
    from huisbezoek.exchange.payload import (
        BatchHeader,
        BatchPayload,
        NeighbourhoodCounts,
        PeriodCounts,
    )

    config = init_organisation_in(store, "Welzijn Teststad", PASSPHRASE, kdf=KdfParams.FLOOR)
    vera, wim = VolunteerKeys.generate(), VolunteerKeys.generate()
    for i, keys in enumerate((vera, wim)):
        (tmp_path / f"a{i}.json").write_bytes(keys.enrolment(f"V{i}").to_bytes())
        row = organisation.enrol_volunteer(store, tmp_path / f"a{i}.json")  # type: ignore[arg-type]
        organisation.approve_volunteer(store, row.key_id)  # type: ignore[arg-type]

    def send(keys: VolunteerKeys, sequence: int, visited: dict[str, int]) -> Path:
        payload = BatchPayload(
            header=BatchHeader(org_id=config.org_id, batch_id=uuid.uuid4(),
                               key_id=keys.key_id_hex, sequence=sequence,
                               created=datetime(2026, 11, 20, tzinfo=UTC)),
            signals=[],
            neighbourhoods=[
                NeighbourhoodCounts(neighbourhood=hood, periods={
                    "2026Q4": PeriodCounts(invited=n + 1, reached=n, accepted=n, visited=n)})
                for hood, n in visited.items()
            ],
        )  # fmt: skip
        path = tmp_path / f"{keys.key_id_hex}-{sequence}.hbz"
        path.write_bytes(batch.build(payload, keys, config)[1])
        return path

    def visited() -> dict[str, int]:
        with store.session() as session:
            summed = dict(
                session.execute(  # the sums straight from every volunteer's counts
                    select(NeighbourhoodCount.neighbourhood, func.sum(NeighbourhoodCount.value))
                    .where(NeighbourhoodCount.metric == "p:2026Q4:visited")
                    .group_by(NeighbourhoodCount.neighbourhood)
                ).all()
            )
            kept = dict(
                session.execute(
                    select(NeighbourhoodTotal.neighbourhood, NeighbourhoodTotal.total).where(
                        NeighbourhoodTotal.metric == "p:2026Q4:visited"
                    )
                ).all()
            )
            shown = {r.neighbourhood: r.visited for r in dashboard.coverage(session) if r.visited}
        assert kept == summed
        return shown

    report = importer.import_batches(store, [send(vera, 1, {"Noord": 5, "West": 2}),  # type: ignore[arg-type]
                                             send(wim, 1, {"Noord": 3})])  # fmt: skip
    assert report.rejected == 0
    assert visited() == {"Noord": 8, "West": 2}
    # Vera's newer batch: fewer in Noord (she corrected it), and no longer in West.
    assert importer.import_batches(store, [send(vera, 2, {"Noord": 4, "Oost": 6})]).rejected == 0  # type: ignore[arg-type]
    assert visited() == {"Noord": 7, "Oost": 6}
