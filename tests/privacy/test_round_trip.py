"""Receipts, retention and erasure notices between a volunteer's laptop and the coordinator,
end to end through real batch files and signed packages."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from huisbezoek.coordinator import importer, organisation
from huisbezoek.coordinator import packages as coordinator_packages
from huisbezoek.coordinator.retention import ResidentRef, erase_resident
from huisbezoek.coordinator.store.backend import CoordinatorStore
from huisbezoek.coordinator.store.models import ErasureNotice, ImportedSignal
from huisbezoek.domain import ContactMethod, ContactOutcome, DeclineReason
from huisbezoek.exchange import batch
from huisbezoek.services import exchange, packages, privacy, review
from huisbezoek.services import residents as res
from huisbezoek.vault.core import Vault
from huisbezoek.vault.keyslots import KdfParams
from huisbezoek.vault.models import Answer, ContactAttempt, Erasure, Resident, Signal, Visit

from .conftest import NAME, OTHER, PASSPHRASE, fill_resident


@dataclass
class World:
    store: CoordinatorStore
    coordinator: Vault
    laptop: Vault
    key_id: str
    outbox: Path

    def export(self, *, everything: bool = False) -> Path:
        return exchange.export_signals(self.laptop, self.outbox, everything=everything).path

    def import_(self, path: Path) -> importer.BatchImportResult:
        report = importer.import_batches(self.coordinator, [path])
        return report.results[0]

    def send_assignment(self) -> packages.AssignmentResult:
        with self.store.session() as session:
            data, _ = coordinator_packages.export_assignment(session, self.key_id)
        return packages.accept_assignment(self.laptop, data)

    def payload(self, path: Path):  # type: ignore[no-untyped-def]
        with self.coordinator.session() as s:
            ids = organisation.identities(s)
        return batch.open_payload(batch.read(path.read_bytes()), ids)


@pytest.fixture
def world(tmp_path: Path, vault: Vault) -> Iterator[World]:
    created = organisation.init_organisation(
        tmp_path / "coord", PASSPHRASE, "Welzijn Teststad", kdf=KdfParams.FLOOR
    )
    config = tmp_path / "org.json"
    config.write_bytes(created.config.to_bytes())
    exchange.import_org_config(vault, config)
    enrolment = exchange.write_enrolment(vault, tmp_path / "aanmelding.json")
    row = organisation.enrol_volunteer(created.store, enrolment.path)
    organisation.approve_volunteer(created.store, row.key_id)
    yield World(
        CoordinatorStore.from_vault(created.store), created.store, vault, row.key_id,
        tmp_path / "uit",
    )  # fmt: skip
    created.store.close()


def _declined(vault: Vault, name: str, when: datetime) -> int:
    rid = res.add_resident(vault, res.ResidentInput(name=name, neighbourhood="Noord"))
    res.log_contact(
        vault, rid, method=ContactMethod.DOOR, outcome=ContactOutcome.DECLINED,
        decline_reason=DeclineReason.NO_NEED, at=when,
    )  # fmt: skip
    return rid


def _count(vault: Vault, model) -> int:  # type: ignore[no-untyped-def]
    with vault.session() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_purge_after_a_receipt_removes_exactly_the_previewed_records(world, form) -> None:
    laptop = world.laptop
    now = datetime.now(UTC)
    visited = fill_resident(laptop, form)  # finished visit, a shared signal
    declined = _declined(laptop, "Afgewezen Persoon", now - timedelta(days=2))
    recent = _declined(laptop, "Recent Afgewezen", now + timedelta(days=300))  # stays: recent
    busy = fill_resident(laptop, form, **OTHER)  # finished too, but will get a draft visit
    review.reopen(laptop, busy.visit_id)
    later = now.date() + timedelta(days=7 * 31)  # past the 6-month default

    # Before any receipt: the finished visit waits; the resident who declined is due.
    before = privacy.retention_preview(laptop, later)
    assert before.months == privacy.DEFAULT_RETENTION_MONTHS
    assert before.resident_ids == [declined]
    assert [item.reason for item in before.items] == ["afgezien"]

    sent = world.export()
    assert world.import_(sent).new == 1
    result = world.send_assignment()
    assert result.received == 1 and result.erased == 0

    preview = privacy.retention_preview(laptop, later)
    assert sorted(preview.resident_ids) == sorted([declined, visited.resident_id])
    reasons = {item.scope.resident_id: item.reason for item in preview.items}
    assert reasons == {declined: "afgezien", visited.resident_id: "ontvangen"}
    goes = {item.scope.resident_id: item.scope for item in preview.items}
    counts_before = {m: _count(laptop, m) for m in (Resident, Visit, Answer, ContactAttempt)}

    done = privacy.run_retention(laptop, later, only=preview.resident_ids)
    assert sorted(done.removed) == sorted(preview.resident_ids)
    # Exactly what the preview listed, to the row.
    assert _count(laptop, Resident) == counts_before[Resident] - 2
    assert _count(laptop, Visit) == counts_before[Visit] - goes[visited.resident_id].visits
    assert _count(laptop, Answer) == counts_before[Answer] - goes[visited.resident_id].answers
    assert _count(laptop, ContactAttempt) == counts_before[ContactAttempt] - sum(
        s.contacts for s in goes.values()
    )
    with laptop.session() as s:
        left = set(s.scalars(select(Resident.id)))
        tomb = s.scalars(select(Erasure)).one()
    assert left == {recent, busy.resident_id}
    assert tomb.reason == "bewaartermijn"
    # Retention on the laptop does not erase the coordinator's follow-up.
    with world.coordinator.session() as s:
        kept = s.scalars(select(ImportedSignal)).one()
    assert kept.resident_name == NAME and kept.erased_at is None
    assert privacy.retention_preview(laptop, later).items == []


def test_preview_is_held_to_what_was_confirmed(world, form) -> None:
    """A resident who became due after the preview was shown is not purged by that run."""
    laptop = world.laptop
    now = datetime.now(UTC)
    first = _declined(laptop, "Eerste Persoon", now - timedelta(days=2))
    later = now.date() + timedelta(days=7 * 31)
    shown = privacy.retention_preview(laptop, later)
    second = _declined(laptop, "Tweede Persoon", now - timedelta(days=1))
    done = privacy.run_retention(laptop, later, only=shown.resident_ids)
    assert done.removed == [first]
    with laptop.session() as s:
        assert set(s.scalars(select(Resident.id))) == {second}


def test_purge_runs_at_unlock_and_is_audited(world, form, tmp_path) -> None:
    from huisbezoek.services import startup as session

    laptop = world.laptop
    rid = _declined(laptop, "Oud Afgewezen", datetime.now(UTC) - timedelta(days=400))
    with laptop.session() as s:  # made long ago too
        s.execute(
            Resident.__table__.update().values(
                created_at=datetime(2025, 1, 1, tzinfo=UTC),
                updated_at=datetime(2025, 1, 1, tzinfo=UTC),
            )
        )
    folder = laptop.folder
    laptop.close()
    opened = session.unlock(PASSPHRASE, folder=folder)
    try:
        assert opened.purged == 1
        with opened.vault.session() as s:
            assert s.get(Resident, rid) is None
        events = [e for e in opened.vault.audit_events() if e.event == "erase"]
        assert events[-1].detail["reason"] == "bewaartermijn"
        assert events[-1].detail["residents"] == 1
    finally:
        opened.vault.close()


def test_erasure_notice_erases_on_the_laptop_and_export_no_longer_carries_them(world, form):
    laptop = world.laptop
    gone = fill_resident(laptop, form)
    stays = fill_resident(laptop, form, **OTHER)
    first = world.export()
    assert world.import_(first).new == 2
    with laptop.session() as s:
        gone_uids = set(
            s.scalars(
                select(Signal.uid)
                .join(Visit, Signal.visit_id == Visit.id)
                .where(Visit.resident_id == gone.resident_id, Signal.exported_revision.is_not(None))
            )
        )
    assert len(gone_uids) == 1

    erased = erase_resident(world.store, ResidentRef(NAME, "9999zz"))
    assert erased.signals == 1
    with world.coordinator.session() as s:
        notices = s.scalars(select(ErasureNotice)).all()
    assert {(n.signal_id, n.key_id) for n in notices} == {(next(iter(gone_uids)), world.key_id)}

    result = world.send_assignment()
    assert result.erased == 1
    with laptop.session() as s:
        assert s.get(Resident, gone.resident_id) is None
        assert s.get(Resident, stays.resident_id) is not None
        assert s.scalars(select(Erasure.reason)).all() == ["coordinator"]
    # A full re-export ("alles opnieuw") carries the other resident, never the erased one.
    again = world.export(everything=True)
    payload = world.payload(again)
    shared = {str(sig.id) for sig in payload.signals}
    assert shared and not shared & gone_uids
    assert all(sig.identity is None or sig.identity.name != NAME for sig in payload.signals)
    # The same package read twice changes nothing more.
    assert world.send_assignment().erased == 0


def test_an_edit_after_a_coordinator_erasure_does_not_restore_the_identity(world, form):
    laptop = world.laptop
    filled = fill_resident(laptop, form)
    assert world.import_(world.export()).new == 1
    erase_resident(world.store, ResidentRef(NAME, "9999 ZZ"))
    # The volunteer has not yet read the erasure notice and edits the visit: the signal goes
    # out again at a higher revision, with name and address.
    review.reopen(laptop, filled.visit_id)
    with laptop.session() as s:
        shared_id = s.scalars(select(Signal.id).where(Signal.exported_revision.is_not(None))).one()
    review.update_signal_notes(laptop, shared_id, note="Nieuwe notitie", agreed_action="Bellen")
    from huisbezoek.forms import FormState

    answers = {"toestemming": True, "gevallen": True, "hoe_vaak": 3, "onveilig": True}
    review.finalise(
        laptop, filled.visit_id, raised=FormState(form, answers).evaluation.signals,
        open_required=0,
    )  # fmt: skip
    sent = world.export()
    assert any(sig.identity is not None for sig in world.payload(sent).signals)
    result = world.import_(sent)
    assert (result.updated, result.kept_erased) == (0, 1)
    with world.coordinator.session() as s:
        row = s.scalars(select(ImportedSignal)).one()
    assert row.resident_name is None and row.resident_address is None and row.text == ""
    assert row.erased_at is not None
    lines = importer.ImportReport((result,)).lines_nl()
    assert "0 bijgewerkt" in lines[0] and "gewist gebleven" in lines[0]


def _assign_three(world: World) -> list[res.ResidentRow]:
    """Three address-list entries assigned to the volunteer, read in from a package."""
    from tests.coordinator.helpers import address_csv, resident_row

    from huisbezoek.coordinator.addresses import assign_neighbourhood, import_address_list

    with world.store.session() as session:
        import_address_list(
            session, address_csv([resident_row(n) for n in (1, 2, 3)]), today=date(2026, 11, 23)
        )
        assign_neighbourhood(session, "Noord", world.key_id)
    assert world.send_assignment().added == 3
    return res.list_residents(world.laptop)


def test_an_erased_assigned_resident_is_not_handed_out_again(world, form) -> None:
    from huisbezoek.coordinator.store.models import AreaResident
    from huisbezoek.vault.models import ErasedAssignment

    rows = _assign_three(world)
    target = next(r for r in rows if r.name == "Bewoner 2")
    with world.store.session() as session:
        stale, _ = coordinator_packages.export_assignment(session, world.key_id)

    privacy.erase_resident(world.laptop, target.id)
    # A package made before the coordinator heard of it still lists the resident: skipped.
    again = packages.accept_assignment(world.laptop, stale)
    assert (again.added, again.skipped) == (0, 3)  # two still here, one erased
    assert "Bewoner 2" not in {r.name for r in res.list_residents(world.laptop)}

    # The next batch tells the coordinator, who drops the address-list entry.
    sent = world.export()
    assert world.payload(sent).erased_addresses != []
    result = world.import_(sent)
    assert result.addresses_erased == 1
    with world.store.session() as session:
        names = set(session.scalars(select(AreaResident.name)))
    assert names == {"Bewoner 1", "Bewoner 3"}
    # The receipt for that batch lets the laptop forget the number too.
    assert world.send_assignment().received == 1
    with world.laptop.session() as s:
        assert s.scalars(select(ErasedAssignment)).all() == []
    assert "Bewoner 2" not in {r.name for r in res.list_residents(world.laptop)}


def test_a_batch_cannot_drop_another_volunteers_addresses(world, form) -> None:
    from huisbezoek.coordinator.store.models import AreaResident
    from huisbezoek.vault.models import ErasedAssignment

    _assign_three(world)
    with world.store.session() as session:
        other = session.scalars(select(AreaResident).where(AreaResident.name == "Bewoner 1")).one()
        other.assigned_key_id = None  # handed back: no longer this volunteer's
        other_id = other.id
    with world.laptop.session() as s:
        s.add(ErasedAssignment(ref=str(other_id), notify=True))
    result = world.import_(world.export())
    assert result.addresses_erased == 0
    with world.store.session() as session:
        assert session.get(AreaResident, other_id) is not None


def test_retention_does_not_bring_a_declined_resident_back(world, form) -> None:
    from huisbezoek.vault.models import ErasedAssignment

    rows = _assign_three(world)
    declined = next(r for r in rows if r.name == "Bewoner 3")
    res.log_contact(
        world.laptop, declined.id, method=ContactMethod.DOOR, outcome=ContactOutcome.DECLINED,
        decline_reason=DeclineReason.NO_NEED,
    )  # fmt: skip
    later = datetime.now(UTC).date() + timedelta(days=7 * 31)
    done = privacy.run_retention(world.laptop, later, only=[declined.id])
    assert done.removed == [declined.id]
    assert world.send_assignment().added == 0  # not handed out again in this round
    with world.laptop.session() as s:
        kept = s.scalars(select(ErasedAssignment)).one()
    assert kept.notify is False  # the coordinator keeps the entry: retention is not a request
    assert world.payload(world.export()).erased_addresses == []


def test_a_receipt_releases_the_outbox_copy(world, form) -> None:
    """A batch queued in the outbox keeps its encrypted bytes until the receipt names it."""
    from huisbezoek.vault.models import OutboxItem

    fill_resident(world.laptop, form)
    queued = exchange.export_signals(world.laptop, None)
    assert queued.path is None
    with world.laptop.session() as s:
        item = s.get(OutboxItem, queued.batch_id)
        assert item is not None and item.data is not None
        data = item.data
    assert importer.import_batch_bytes(world.coordinator, data).new == 1
    assert world.send_assignment().received == 1
    with world.laptop.session() as s:
        item = s.get(OutboxItem, queued.batch_id)
        assert item is not None and item.received_at is not None and item.data is None


def test_a_fetch_from_the_drop_sends_the_receipt_back(world, form, tmp_path) -> None:
    """Through a shared folder: the volunteer sends, the coordinator fetches and publishes the
    receipt, the volunteer's next send reads it; the outbox and retention both see it."""
    from huisbezoek.coordinator import drop as coordinator_drop
    from huisbezoek.coordinator.receipts import publish_receipts
    from huisbezoek.services import outbox
    from huisbezoek.vault.models import ExportBatch, OutboxItem

    folder = tmp_path / "gedeeld"
    folder.mkdir()
    outbox.set_folder(world.laptop, folder)
    with world.coordinator.session() as s:
        coordinator_drop.set_folder(s, folder)
        drop = coordinator_drop.open_drop(s)
    fill_resident(world.laptop, form)
    queued = exchange.export_signals(world.laptop, None)
    assert outbox.send_now(world.laptop).sent == 1
    fetched = coordinator_drop.fetch(world.coordinator, drop)
    assert fetched.report.new == 1
    assert publish_receipts(world.coordinator, drop, fetched.report) == [world.key_id]
    outbox.send_now(world.laptop)  # also reads what waits for this volunteer
    with world.laptop.session() as s:
        item = s.get(OutboxItem, queued.batch_id)
        sent = s.get(ExportBatch, queued.batch_id)
    assert item is not None and item.received_at is not None and item.data is None
    assert sent is not None and sent.received_at is not None
    assert outbox.status(world.laptop).unconfirmed == 0
