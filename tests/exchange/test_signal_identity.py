"""A signal's exchange id is its own random ``uid``, never derived from the reusable row id."""

import uuid

from sqlalchemy import select

from huisbezoek.coordinator import importer
from huisbezoek.coordinator.store.models import ImportedSignal
from huisbezoek.domain import Severity, Theme
from huisbezoek.services import exchange as svc
from huisbezoek.vault.models import ConsentRecord, Signal

from .conftest import SHARE, add_visit


def test_new_signal_on_a_reused_row_id_arrives_as_new(linked, tmp_path):
    volunteer, coordinator = linked
    ids = add_visit(
        volunteer,
        signals=[
            (Theme.VALLEN, Severity.ZORG, "Valt vaak", SHARE),
            (Theme.VOEDING, Severity.ZORG, "Eet slecht", SHARE),
        ],
    )
    first = svc.export_signals(volunteer, tmp_path / "een")
    report = importer.import_batches(coordinator, [first.path])
    assert (report.new, report.unchanged) == (2, 0)

    # The volunteer deletes the newest signal (consent goes with it) and adds another one.
    newest = max(ids)
    with volunteer.session() as s:
        old_uid = s.get(Signal, newest).uid
        s.delete(s.get(Signal, newest))
    with volunteer.session() as s:
        assert s.scalars(select(ConsentRecord).where(ConsentRecord.signal_id == newest)).all() == []
    [reused] = add_visit(
        volunteer, name="Meneer Bakker",
        signals=[(Theme.EENZAAMHEID, Severity.AANDACHT, "Ziet bijna niemand", SHARE)],
    )  # fmt: skip
    assert reused == newest  # SQLite reused the row id: the case that used to go wrong
    with volunteer.session() as s:
        new_uid = s.get(Signal, reused).uid
    assert new_uid != old_uid
    assert uuid.UUID(new_uid).version == 4

    second = svc.export_signals(volunteer, tmp_path / "twee")
    assert second.signals == 1
    report = importer.import_batches(coordinator, [second.path])
    assert (report.new, report.updated, report.unchanged, report.rejected) == (1, 0, 0, 0)
    with coordinator.session() as s:
        rows = {r.id: r.text for r in s.scalars(select(ImportedSignal))}
    assert rows[new_uid] == "Ziet bijna niemand"
    assert rows[old_uid] == "Eet slecht"  # the coordinator keeps what it was sent
    assert len(rows) == 3


def test_exported_id_is_the_stored_uid_and_stays_put(linked, tmp_path):
    volunteer, coordinator = linked
    [sid] = add_visit(volunteer, signals=[(Theme.VALLEN, Severity.ZORG, "Valt vaak", SHARE)])
    first = svc.export_signals(volunteer, tmp_path / "een")
    with volunteer.session() as s:
        sig = s.get(Signal, sid)
        uid = sig.uid
        sig.revision += 1
        sig.text = "Valt vaak, nu ook buiten"
    second = svc.export_signals(volunteer, tmp_path / "twee")
    report = importer.import_batches(coordinator, [first.path, second.path])
    assert (report.new, report.updated) == (1, 1)
    with coordinator.session() as s:
        [row] = s.scalars(select(ImportedSignal)).all()
    assert (row.id, row.revision, row.text) == (uid, 2, "Valt vaak, nu ook buiten")
