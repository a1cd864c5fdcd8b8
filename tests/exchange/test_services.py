"""Volunteer -> batch file -> coordinator through the services, and the ledger rules."""

import threading
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from huisbezoek.coordinator import importer, organisation
from huisbezoek.coordinator.store.models import ImportedSignal, ImportLedger, NeighbourhoodCount
from huisbezoek.domain import Severity, Theme
from huisbezoek.domain.status import quarter_of
from huisbezoek.errors import InvalidInputError
from huisbezoek.exchange.errors import ExportCancelledError, NoOrganisationConfigError
from huisbezoek.services import exchange as svc
from huisbezoek.vault.models import ExportBatch, Signal

from .conftest import NO_SHARE, SHARE, SHARE_ID, add_visit


def imported(store):
    with store.session() as s:
        return {r.text: r for r in s.scalars(select(ImportedSignal))}


def test_round_trip_through_services(linked, tmp_path):
    volunteer, coordinator = linked
    add_visit(
        volunteer,
        signals=[
            (Theme.VALLEN, Severity.ZORG, "Valt vaak", SHARE_ID),
            (Theme.EENZAAMHEID, Severity.AANDACHT, "Weinig contact", SHARE),
            (Theme.GELDZAKEN, Severity.AANDACHT, "Post blijft liggen", NO_SHARE),
        ],
    )
    add_visit(volunteer, name="Meneer Bakker", neighbourhood="Zuid", final=False,
              signals=[(Theme.VOEDING, Severity.ZORG, "Concept", SHARE)])  # fmt: skip
    fractions = []
    result = svc.export_signals(
        volunteer, tmp_path / "out", progress=lambda f, m: fractions.append(f)
    )
    assert result.sequence == 1 and result.signals == 2
    assert fractions[0] == 0.0 and fractions[-1] == 1.0
    report = importer.import_batches(coordinator, [result.path])
    assert (report.new, report.updated, report.unchanged, report.rejected) == (2, 0, 0, 0)
    rows = imported(coordinator)
    assert set(rows) == {"Valt vaak", "Weinig contact"}
    assert rows["Valt vaak"].resident_name == "Mevrouw Jansen"
    assert rows["Valt vaak"].resident_phone == "076-1234567"
    assert rows["Weinig contact"].resident_name is None
    assert rows["Valt vaak"].agreed == "Coördinator belt volgende week."
    # written on the fast path, read back through the typed models
    row = rows["Valt vaak"]
    assert row.consent_given_on == datetime.now(UTC).date()
    assert row.updated_at.tzinfo is not None and row.severity is Severity.ZORG
    assert row.consent_scopes == "delen_identiteit,delen_signaal,vastleggen"
    with coordinator.session() as s:
        counts = {
            (c.neighbourhood, c.metric): c.value for c in s.scalars(select(NeighbourhoodCount))
        }
    quarter = quarter_of(datetime.now(UTC).date())
    # residents per stage: Mevrouw Jansen visited with three themes, Meneer Bakker in a draft
    assert counts[("Noord", f"p:{quarter}:theme:geldzaken")] == 1
    assert counts[("Noord", f"p:{quarter}:visited")] == 1
    assert counts[("Noord", f"p:{quarter}:signalled")] == 1
    assert counts[("Zuid", f"p:{quarter}:accepted")] == 1
    assert ("Zuid", f"p:{quarter}:visited") not in counts
    # exported items are marked, recorded, and nothing was deleted
    with volunteer.session() as s:
        assert {sig.exported_revision for sig in s.scalars(select(Signal))} == {1, None}
        assert len(list(s.scalars(select(Signal)))) == 4
        assert [b.sequence for b in s.scalars(select(ExportBatch))] == [1]
    assert any(e.event == "export" for e in volunteer.audit_events())
    assert any(e.event == "import" for e in coordinator.audit_events())


def test_second_export_holds_only_changes_and_updates_replace(linked, tmp_path):
    volunteer, coordinator = linked
    signals = [
        (Theme.VALLEN, Severity.ZORG, "Valt vaak", SHARE),
        (Theme.VOEDING, Severity.ZORG, "Eet slecht", SHARE),
    ]
    ids = add_visit(volunteer, signals=signals)
    first = svc.export_signals(volunteer, tmp_path)
    empty = svc.export_signals(volunteer, tmp_path)
    assert (empty.sequence, empty.signals) == (2, 0)
    with volunteer.session() as s:
        sig = s.get(Signal, ids[0])
        sig.text, sig.revision = "Valt heel vaak", sig.revision + 1
    third = svc.export_signals(volunteer, tmp_path)
    assert third.signals == 1
    report = importer.import_batches(coordinator, [first.path, empty.path, third.path])
    assert (report.new, report.updated, report.rejected) == (2, 1, 0)
    assert set(imported(coordinator)) == {"Valt heel vaak", "Eet slecht"}
    # everything again: a full re-send under a new number changes nothing
    again = svc.export_signals(volunteer, tmp_path, everything=True)
    assert again.signals == 2
    report = importer.import_batches(coordinator, [again.path])
    assert (report.new, report.updated, report.unchanged) == (0, 0, 2)


@pytest.mark.parametrize("raw", [True, False], ids=["sqlite-path", "core-path"])
def test_one_batch_with_new_updated_and_unchanged_signals(linked, tmp_path, monkeypatch, raw):
    """The counts of a mixed batch, in the report and in the ledger (a duplicate reports the
    ledger's total), on the SQLite path and on the typed path other databases take."""

    monkeypatch.setattr(importer, "_use_raw", lambda conn: raw)
    volunteer, coordinator = linked
    signals = [
        (Theme.VALLEN, Severity.ZORG, "Valt vaak", SHARE),
        (Theme.VOEDING, Severity.ZORG, "Eet slecht", SHARE_ID),
    ]
    ids = add_visit(volunteer, signals=signals)
    first = svc.export_signals(volunteer, tmp_path)
    with volunteer.session() as s:
        sig = s.get(Signal, ids[0])
        sig.text, sig.revision = "Valt heel vaak", sig.revision + 1
    new_signal = (Theme.VALLEN, Severity.DIRECT, "Nieuw", SHARE)
    add_visit(volunteer, name="Meneer Bakker", signals=[new_signal])
    everything = svc.export_signals(volunteer, tmp_path, everything=True)
    assert everything.signals == 3
    report = importer.import_batches(coordinator, [first.path, everything.path, everything.path])
    counts = [(r.status, r.new, r.updated, r.unchanged) for r in report.results]
    assert counts == [
        (importer.ImportStatus.IMPORTED, 2, 0, 0),
        (importer.ImportStatus.IMPORTED, 1, 1, 1),
        (importer.ImportStatus.UNCHANGED, 0, 0, 3),
    ]
    with coordinator.session() as s:
        ledger = s.scalars(select(ImportLedger).order_by(ImportLedger.sequence)).all()
    assert [(r.new_count, r.updated_count, r.unchanged_count) for r in ledger] == [
        (2, 0, 0),
        (1, 1, 1),
    ]
    rows = imported(coordinator)
    assert set(rows) == {"Valt heel vaak", "Eet slecht", "Nieuw"}
    assert rows["Valt heel vaak"].revision == 2
    assert rows["Valt heel vaak"].first_imported_at < rows["Valt heel vaak"].updated_at
    assert rows["Eet slecht"].batch_id == str(first.batch_id)
    # a later run replaces the volunteer's neighbourhood snapshot
    add_visit(volunteer, name="Mevrouw Smit", neighbourhood="Zuid")
    later = svc.export_signals(volunteer, tmp_path)
    assert importer.import_batches(coordinator, [later.path]).rejected == 0
    quarter = quarter_of(datetime.now(UTC).date())
    with coordinator.session() as s:
        visits = {
            c.neighbourhood: (c.value, c.batch_id)
            for c in s.scalars(
                select(NeighbourhoodCount).where(
                    NeighbourhoodCount.metric == f"p:{quarter}:visited"
                )
            )
        }
    assert visits == {"Noord": (2, str(later.batch_id)), "Zuid": (1, str(later.batch_id))}


def test_same_batch_twice_is_unchanged(linked, tmp_path):
    volunteer, coordinator = linked
    add_visit(volunteer, signals=[(Theme.VALLEN, Severity.ZORG, "Valt vaak", SHARE)])
    result = svc.export_signals(volunteer, tmp_path)
    copy = tmp_path / "kopie.zip"
    copy.write_bytes(result.path.read_bytes())
    report = importer.import_batches(coordinator, [result.path, copy])
    assert [r.status for r in report.results] == [
        importer.ImportStatus.IMPORTED,
        importer.ImportStatus.UNCHANGED,
    ]
    before = organisation.store_counts(coordinator)
    report = importer.import_batches(coordinator, [result.path])
    assert report.results[0].status is importer.ImportStatus.UNCHANGED
    assert organisation.store_counts(coordinator) == before


def test_files_checked_ahead_in_runs_keep_their_order(linked, tmp_path, monkeypatch):
    """Files are read and verified a run ahead of applying them; outcomes stay in file order,
    whichever run a refused file or a copy of an earlier one falls in."""
    monkeypatch.setattr(importer, "CHECK_AHEAD_FILES", 2)
    volunteer, coordinator = linked
    paths = []
    for text in ("Een", "Twee", "Drie"):
        add_visit(volunteer, signals=[(Theme.VALLEN, Severity.ZORG, text, SHARE)])
        paths.append(svc.export_signals(volunteer, tmp_path / "out").path)
    broken = tmp_path / "kapot.zip"
    broken.write_bytes(paths[1].read_bytes()[:-10])
    missing = tmp_path / "weg.zip"
    report = importer.import_batches(
        coordinator, [paths[0], broken, paths[1], paths[0], missing, paths[2]]
    )
    assert [(r.status, r.new) for r in report.results] == [
        (importer.ImportStatus.IMPORTED, 1),
        (importer.ImportStatus.REJECTED, 0),
        (importer.ImportStatus.IMPORTED, 1),
        (importer.ImportStatus.UNCHANGED, 0),
        (importer.ImportStatus.REJECTED, 0),
        (importer.ImportStatus.IMPORTED, 1),
    ]
    assert [r.file_name for r in report.results] == [
        p.name for p in (paths[0], broken, paths[1], paths[0], missing, paths[2])
    ]
    assert set(imported(coordinator)) == {"Een", "Twee", "Drie"}


def test_cancelled_import_keeps_what_was_imported(linked, tmp_path):
    volunteer, coordinator = linked
    paths = []
    for text in ("Een", "Twee", "Drie"):
        add_visit(volunteer, signals=[(Theme.VALLEN, Severity.ZORG, text, SHARE)])
        paths.append(svc.export_signals(volunteer, tmp_path / "out").path)
    cancel = threading.Event()
    messages = []

    def progress(fraction, message):
        messages.append(message)
        if len(messages) == 2:  # while the second file is being read in
            cancel.set()

    report = importer.import_batches(coordinator, paths, progress=progress, cancel=cancel)
    assert report.cancelled
    assert [r.status for r in report.results] == [
        importer.ImportStatus.IMPORTED,
        importer.ImportStatus.IMPORTED,
    ]
    assert set(imported(coordinator)) == {"Een", "Twee"}
    assert "afgebroken" in report.lines_nl()[-1]


def test_older_batch_never_rolls_back(linked, tmp_path):
    volunteer, coordinator = linked
    ids = add_visit(volunteer, signals=[(Theme.VALLEN, Severity.ZORG, "Oud", SHARE)])
    old = svc.export_signals(volunteer, tmp_path)
    with volunteer.session() as s:
        sig = s.get(Signal, ids[0])
        sig.text, sig.revision = "Nieuw", 2
    new = svc.export_signals(volunteer, tmp_path)
    report = importer.import_batches(coordinator, [new.path, old.path])
    # The older batch arrives late: it fills its place in the ledger but changes nothing.
    assert report.results[1].status is importer.ImportStatus.IMPORTED
    assert (report.results[1].new, report.results[1].updated) == (0, 0)
    assert report.results[1].unchanged == 1
    assert set(imported(coordinator)) == {"Nieuw"}
    assert imported(coordinator)["Nieuw"].revision == 2


def test_gap_is_reported_and_still_imported(linked, tmp_path):
    volunteer, coordinator = linked
    add_visit(volunteer, signals=[(Theme.VALLEN, Severity.ZORG, "Een", SHARE)])
    lost = svc.export_signals(volunteer, tmp_path / "lost")
    add_visit(volunteer, signals=[(Theme.VALLEN, Severity.ZORG, "Twee", SHARE)])
    second = svc.export_signals(volunteer, tmp_path)
    report = importer.import_batches(coordinator, [second.path])
    result = report.results[0]
    assert result.status is importer.ImportStatus.IMPORTED and result.new == 1
    assert result.warnings_nl and "zending 1 " in result.warnings_nl[0]
    assert any("Let op" in line for line in report.lines_nl())
    # The lost batch turns up later (a USB stick, a second coordinator): it fills the gap.
    late = importer.import_batches(coordinator, [lost.path]).results[0]
    assert late.status is importer.ImportStatus.IMPORTED and late.new == 1
    assert not late.warnings_nl
    assert set(imported(coordinator)) == {"Een", "Twee"}


def test_export_needs_org_config(volunteer, tmp_path):
    with pytest.raises(NoOrganisationConfigError):
        svc.export_signals(volunteer, tmp_path)


def test_cancelled_export_writes_and_marks_nothing(linked, tmp_path):
    volunteer, _ = linked
    add_visit(volunteer, signals=[(Theme.VALLEN, Severity.ZORG, "Valt", SHARE)])
    flag = threading.Event()
    flag.set()
    with pytest.raises(ExportCancelledError):
        svc.export_signals(volunteer, tmp_path / "out", cancel=flag)
    assert not list((tmp_path / "out").glob("*.zip"))
    with volunteer.session() as s:
        assert s.scalar(select(Signal.exported_revision)) is None
        assert not list(s.scalars(select(ExportBatch)))
    assert svc.export_signals(volunteer, tmp_path / "out").sequence == 1


def test_volunteer_registry(linked, coordinator):
    rows = organisation.list_volunteers(coordinator)
    assert [(r.name, r.status_nl) for r in rows] == [("Anna de Vries", "goedgekeurd")]
    organisation.revoke_volunteer(coordinator, rows[0].key_id)
    assert organisation.list_volunteers(coordinator)[0].status_nl == "ingetrokken"
    with pytest.raises(InvalidInputError):
        organisation.approve_volunteer(coordinator, rows[0].key_id)


@pytest.mark.parametrize("identity", [True, False])
def test_raw_signal_rows_match_the_typed_row(identity):
    """The raw path's tuple is the typed row, column by column, in the columns' stored form."""
    from sqlalchemy.dialects import sqlite

    from .helpers import make_signal

    sig = make_signal(identity=identity, severity=Severity.DIRECT, theme=Theme.GELDZAKEN)
    now = datetime(2026, 11, 23, 10, 0, 1, 5, tzinfo=UTC)
    dialect = sqlite.dialect()
    stamp = importer._SIGNALS.c.updated_at.type.process_bind_param(now, dialect)
    # the second row is made from the texts cached for the first
    values, again = importer._signal_rows("K", "B", stamp, [sig, sig], [str(sig.id)] * 2)
    typed = importer._signal_row("K", "B", now, sig, str(sig.id))
    assert list(typed) == importer._SIGNAL_COLUMNS
    assert len(values) == len(importer._SIGNAL_COLUMNS) and values == again
    for value, (name, typed_value) in zip(values, typed.items(), strict=True):
        # The column type's own bind processing (TypeDecorators included) on SQLite.
        processor = importer._SIGNALS.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        expected = typed_value if processor is None else processor(typed_value)
        assert value == expected and type(value) in (type(expected), str), name
    assert (values[5], values[4]) == (4, "geldzaken")
    assert (values[11] is None) is not identity


def test_typed_core_path_gives_the_same_result(linked, tmp_path, monkeypatch):
    """The path other databases (PostgreSQL) take, exercised here on SQLCipher."""

    monkeypatch.setattr(importer, "_use_raw", lambda conn: False)
    volunteer, coordinator = linked
    ids = add_visit(volunteer, signals=[(Theme.VALLEN, Severity.ZORG, "Oud", SHARE_ID)])
    first = svc.export_signals(volunteer, tmp_path)
    with volunteer.session() as s:
        sig = s.get(Signal, ids[0])
        sig.text, sig.revision = "Nieuw", 2
    second = svc.export_signals(volunteer, tmp_path)
    report = importer.import_batches(coordinator, [first.path, second.path, first.path])
    assert (report.new, report.updated, report.rejected) == (1, 1, 0)
    row = imported(coordinator)["Nieuw"]
    assert (row.revision, row.resident_name, row.theme) == (2, "Mevrouw Jansen", Theme.VALLEN)
    with coordinator.session() as s:
        assert s.scalar(select(NeighbourhoodCount.value).where(
            NeighbourhoodCount.metric.like("p:%:visited"))) == 1  # fmt: skip


def test_check_and_apply_alone_writes_the_counts(linked, tmp_path):
    """Callers of the importer without ``finish`` (other services) still get the snapshot."""

    volunteer, coordinator = linked
    add_visit(volunteer, signals=[(Theme.VALLEN, Severity.ZORG, "Valt", SHARE)])
    data = svc.export_signals(volunteer, tmp_path).path.read_bytes()
    with coordinator.session() as s:
        context = importer._import_context(s)
        importer.check_and_apply(s, context, data)
    with coordinator.session() as s:
        metrics = set(s.scalars(select(NeighbourhoodCount.metric)))
    assert f"p:{quarter_of(datetime.now(UTC).date())}:visited" in metrics


@pytest.mark.parametrize("raw", [True, False], ids=["sqlite-path", "core-path"])
def test_sharing_withdrawn_after_export_erases_it_at_the_coordinator(
    linked, tmp_path, monkeypatch, raw
):
    """Consent withdrawn, or a signal removed from a reopened visit, after the signal went out:
    the next batch tells the coordinator, which erases its words, identity and follow-up."""

    monkeypatch.setattr(importer, "_use_raw", lambda conn: raw)
    from huisbezoek.coordinator.followup import sync_followups
    from huisbezoek.coordinator.store.models import FollowUp, FollowUpEvent
    from huisbezoek.domain import ConsentMethod
    from huisbezoek.services import review

    volunteer, coordinator = linked
    ids = add_visit(
        volunteer,
        signals=[
            (Theme.VALLEN, Severity.ZORG, "Valt vaak", SHARE_ID),
            (Theme.EENZAAMHEID, Severity.AANDACHT, "Weinig contact", SHARE),
            (Theme.VOEDING, Severity.AANDACHT, "Eet goed", SHARE),
        ],
    )
    first = svc.export_signals(volunteer, tmp_path / "1")
    importer.import_batches(coordinator, [first.path])
    with coordinator.session() as s:
        assert sync_followups(s) == 3
        s.add(FollowUpEvent(signal_id=_uid(volunteer, ids[0]), by="Coördinator",
                            field="notitie", new_value="Mevrouw Jansen gebeld"))  # fmt: skip
    gone = {_uid(volunteer, ids[0]), _uid(volunteer, ids[1])}

    with volunteer.session() as s:
        visit_id = s.get(Signal, ids[0]).visit_id
    review.reopen(volunteer, visit_id)
    review.set_signal_consent(volunteer, ids[0], scopes=[], method=ConsentMethod.ORAL)
    review.remove_manual_signal(volunteer, ids[1])
    review.finalise(volunteer, visit_id, raised=[], open_required=0)

    second = svc.export_signals(volunteer, tmp_path / "2")
    assert second.signals == 0
    report = importer.import_batches(coordinator, [second.path])
    assert (report.rejected, report.withdrawn) == (0, 2)
    assert "2 ingetrokken en gewist" in report.lines_nl()[0]
    with coordinator.session() as s:
        rows = {r.id: r for r in s.scalars(select(ImportedSignal))}
        for uid in gone:
            row = rows[uid]
            assert (row.text, row.agreed, row.consent_scopes) == ("", "", "")
            assert row.resident_name is None and row.resident_phone is None
            assert row.revision >= 2
        assert rows[_uid(volunteer, ids[2])].text == "Eet goed"
        followed = {f.signal_id for f in s.scalars(select(FollowUp))}
        assert followed == {_uid(volunteer, ids[2])}
        assert not list(s.scalars(select(FollowUpEvent)))
        sync_followups(s)  # a tombstone never comes back as work
        assert {f.signal_id for f in s.scalars(select(FollowUp))} == followed
    assert any(e.detail.get("withdrawn") == 2 for e in coordinator.audit_events())

    # Said once; a full re-send says it again and changes nothing.
    assert svc.export_signals(volunteer, tmp_path / "3").signals == 0
    again = svc.export_signals(volunteer, tmp_path / "4", everything=True)
    report = importer.import_batches(coordinator, [again.path])
    assert (report.rejected, report.withdrawn, report.unchanged) == (0, 0, 1)


def _uid(vault, signal_id):
    with vault.session() as s:
        return s.get(Signal, signal_id).uid
