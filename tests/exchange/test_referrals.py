"""Structured referrals end to end: the volunteer records the service by its sociale kaart id,
the batch carries it, the coordinator's letter goes there (or refuses another service), a
withdrawal after the referral keeps a minimal record and asks whether to tell the service,
and outcomes reach the municipal report."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from huisbezoek.coordinator import documents, importer, report
from huisbezoek.coordinator import followup as fu
from huisbezoek.coordinator.figures import since_start
from huisbezoek.coordinator.sociale_kaart import service_name
from huisbezoek.coordinator.store.models import FollowUp, FollowUpEvent, ImportedSignal
from huisbezoek.domain import ConsentMethod, ConsentScope, Severity, Theme
from huisbezoek.services import exchange as svc
from huisbezoek.services import review
from huisbezoek.vault.models import Signal

from .conftest import SHARE_ID, add_visit

REFER = [ConsentScope.SHARE_SIGNAL, ConsentScope.SHARE_IDENTITY, ConsentScope.REFERRAL]


def _refer(volunteer, signal_id: int, service_id: str, name: str) -> None:
    with volunteer.session() as s:
        visit_id = s.get(Signal, signal_id).visit_id
    review.reopen(volunteer, visit_id)
    review.set_signal_consent(
        volunteer, signal_id, scopes=REFER, method=ConsentMethod.ORAL,
        referral_service=name, service_id=service_id,
    )  # fmt: skip
    review.finalise(volunteer, visit_id, raised=[], open_required=0)


@pytest.fixture
def referred(linked, tmp_path):
    volunteer, coordinator = linked
    ids = add_visit(volunteer, signals=[(Theme.VALLEN, Severity.ZORG, "Valt vaak", SHARE_ID)])
    _refer(volunteer, ids[0], "stevig-staan", "Stevig Staan")
    path = svc.export_signals(volunteer, tmp_path / "1").path
    assert importer.import_batches(coordinator, [path]).rejected == 0
    with coordinator.session() as s:
        fu.sync_followups(s)
        sid = s.scalars(select(ImportedSignal.id)).one()
    return volunteer, coordinator, ids[0], sid


def test_the_batch_carries_the_service_and_the_letter_goes_there(referred):
    _volunteer, coordinator, _row, sid = referred
    with coordinator.session() as s:
        signal = s.get(ImportedSignal, sid)
        assert (signal.referral_service_id, signal.neighbourhood) == ("stevig-staan", "Noord")
        item = fu.get_item(s, sid)
        assert item.referral_service_id == "stevig-staan"
        # the detail shows the contact details the resident shared
        assert (item.phone, item.postcode) == ("076-1234567", "4811 AB")
        # referring without naming a service takes the one the resident agreed to
        item = fu.update_followup(s, sid, by="Carla", status=fu.FollowUpStatus.REFERRED)
        assert item.service == service_name("stevig-staan") != "stevig-staan"
        pdf = documents.referral_letter_pdf(s, sid, coordinator="Carla", made_on=date(2026, 12, 3))
        assert pdf.startswith(b"%PDF")
        letters = s.scalars(
            select(FollowUpEvent.new_value).where(FollowUpEvent.field == "verwijsbrief")
        ).all()
        assert letters == [item.service]


def test_a_letter_to_another_service_is_refused(referred):
    _volunteer, coordinator, _row, sid = referred
    with coordinator.session() as s:
        fu.update_followup(
            s, sid, by="Carla", status=fu.FollowUpStatus.REFERRED, service="Schuldhulp"
        )
        with pytest.raises(fu.ReferralServiceMismatchError) as raised:
            documents.referral_letter_pdf(s, sid, coordinator="Carla", made_on=date(2026, 12, 3))
    assert "andere dienst" in raised.value.message_nl


def test_withdrawal_after_a_referral_keeps_a_minimal_record_and_asks(referred, tmp_path):
    volunteer, coordinator, row, sid = referred
    with coordinator.session() as s:
        fu.update_followup(s, sid, by="Carla", status=fu.FollowUpStatus.REFERRED,
                           note="Mevrouw Jansen gebeld")  # fmt: skip
        documents.referral_letter_pdf(s, sid, coordinator="Carla", made_on=date(2026, 12, 3))
    with volunteer.session() as s:
        visit_id = s.get(Signal, row).visit_id
    review.reopen(volunteer, visit_id)
    review.set_signal_consent(volunteer, row, scopes=[], method=ConsentMethod.ORAL)
    review.finalise(volunteer, visit_id, raised=[], open_required=0)
    path = svc.export_signals(volunteer, tmp_path / "2").path
    assert importer.import_batches(coordinator, [path]).withdrawn == 1
    with coordinator.session() as s:
        item = fu.get_item(s, sid)
        assert item.withdrawn and item.status_text == fu.WITHDRAWN_NL
        assert item.resident == fu.ANONYMOUS_NL and item.notes == "" and item.phone == ""
        fields = [h.field for h in fu.history(s, sid)]
        assert "notitie" not in fields  # notes may name the resident: gone
        assert "verwijsbrief" in fields and "status" in fields  # the minimal history stays
        assert fu.open_count(s) == 1  # it waits for the coordinator's answer
        with pytest.raises(Exception) as refused:
            fu.update_followup(s, sid, by="Carla", note="nog iets")
        assert "ingetrokken" in refused.value.message_nl
        item = fu.decide_withdrawn_referral(s, sid, by="Carla", tell_service=True)
        assert item.service_told == "ja" and fu.open_count(s) == 0
        assert fu.history(s, sid)[-1].field == "dienst_ingelicht"
        followup = s.get(FollowUp, sid)
        assert followup.withdrawn_at is not None


def test_outcomes_in_the_report(referred):
    _volunteer, coordinator, _row, sid = referred
    with coordinator.session() as s:
        item = fu.update_followup(
            s, sid, by="Carla", status=fu.FollowUpStatus.DONE,
            outcome=fu.FollowUpOutcome.HELP_STARTED, now=datetime(2026, 12, 1, tzinfo=UTC),
        )  # fmt: skip
        assert item.status_text == "Afgerond (hulp gestart)"
        assert fu.outcomes_in_period(s, since_start(date(2026, 12, 3))) == {"Hulp gestart": 1}
        made = report.municipal_report(s, since_start(date(2026, 12, 3)), date(2026, 12, 3))
    outcomes = made.tables[2]
    assert outcomes.rows == ("Hulp gestart", "Totaal")
    assert [line[0] for line in outcomes.values] == [None, None]  # 1 < 5, and its total
    referrals = made.tables[1]
    assert referrals.rows == (service_name("stevig-staan"), "Totaal")


def test_short_id_and_a_referral_id_needs_referral_consent(referred):
    from huisbezoek.exchange.payload import BatchPayload

    _volunteer, coordinator, _row, sid = referred
    with coordinator.session() as s:
        assert fu.resolve_signal_id(s, sid[:8]) == sid
        with pytest.raises(fu.FollowUpNotFoundError):
            fu.resolve_signal_id(s, "ffffffff")
    from .helpers import make_org, make_payload, make_signal

    _identity, config = make_org()
    keys = svc.ensure_volunteer_keys(_volunteer)
    payload = make_payload(keys, config, signals=[make_signal()])
    wrong = payload.signals[0].model_copy(update={"referral_service_id": "wmo-loket"})
    with pytest.raises(ValueError, match="without consent to refer"):
        BatchPayload.model_validate(
            {**payload.model_dump(by_alias=True), "signals": [wrong.model_dump()]}
        )
