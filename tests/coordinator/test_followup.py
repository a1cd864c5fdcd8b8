"""The follow-up queue: order, status changes with history, referral consent."""

from __future__ import annotations

from datetime import date

import pytest

from huisbezoek.coordinator import followup as fu
from huisbezoek.coordinator.addresses import import_address_list
from huisbezoek.coordinator.store.backend import CoordinatorStore
from huisbezoek.domain import Severity, Theme
from huisbezoek.errors import InvalidInputError

from .helpers import add_batch, add_signal, add_volunteer, address_csv, resident_row

TODAY = date(2026, 11, 23)


def test_queue_puts_direct_first_then_severity_then_oldest(store: CoordinatorStore) -> None:
    with store.session() as session:
        add_volunteer(session)
        batch = add_batch(session)
        old_zorg = add_signal(session, batch, severity=Severity.ZORG, given_on=date(2026, 10, 1))
        new_zorg = add_signal(session, batch, severity=Severity.ZORG, given_on=date(2026, 11, 1))
        info = add_signal(session, batch, severity=Severity.INFORMATIE, given_on=date(2026, 9, 1))
        direct = add_signal(session, batch, severity=Severity.DIRECT, given_on=date(2026, 11, 5))
        assert fu.sync_followups(session, today=TODAY) == 4
        assert fu.sync_followups(session, today=TODAY) == 0  # idempotent
    with store.session() as session:
        order = [item.signal_id for item in fu.queue(session)]
    assert order == [direct, old_zorg, new_zorg, info]


def test_status_changes_are_recorded_with_who_and_when(store: CoordinatorStore) -> None:
    with store.session() as session:
        add_volunteer(session)
        sid = add_signal(session, add_batch(session), name="Mevrouw Jansen", referral=True)
        fu.sync_followups(session, today=TODAY)
    with store.session() as session:
        fu.update_followup(session, sid, by="Carla", status=fu.FollowUpStatus.TAKEN,
                           assigned_to="Carla", due_on=date(2026, 12, 1))  # fmt: skip
        fu.update_followup(session, sid, by="Carla", note="Gebeld, belt terug.")
        item = fu.update_followup(
            session, sid, by="Piet", status=fu.FollowUpStatus.REFERRED, service="Valpreventie"
        )
    assert item.status_text == "Doorverwezen naar Valpreventie"
    assert item.resident == "Mevrouw Jansen"
    with store.session() as session:
        done = fu.update_followup(session, sid, by="Piet", status=fu.FollowUpStatus.DONE)
        events = fu.history(session, sid)
        assert fu.queue(session) == []
        assert [i.signal_id for i in fu.queue(session, include_closed=True)] == [sid]
    assert done.status is fu.FollowUpStatus.DONE
    fields = [(e.by, e.field, e.new_value) for e in events]
    assert fields == [
        ("Carla", "status", "opgepakt"),
        ("Carla", "toegewezen_aan", "Carla"),
        ("Carla", "termijn", "2026-12-01"),
        ("Carla", "notitie", "Gebeld, belt terug."),
        ("Piet", "dienst", "Valpreventie"),
        ("Piet", "status", "doorverwezen"),
        ("Piet", "status", "afgerond"),
    ]
    assert all(e.at.tzinfo is not None for e in events)


def test_referral_needs_a_service_and_the_consent(store: CoordinatorStore) -> None:
    with store.session() as session:
        add_volunteer(session)
        batch = add_batch(session)
        anonymous = add_signal(session, batch, referral=True)
        named_no_referral = add_signal(session, batch, name="Meneer de Vries")
        allowed = add_signal(session, batch, name="Meneer Bakker", referral=True)
        fu.sync_followups(session, today=TODAY)
    with store.session() as session:
        with pytest.raises(InvalidInputError) as no_service:
            fu.update_followup(session, allowed, by="C", status=fu.FollowUpStatus.REFERRED)
        assert "dienst" in no_service.value.message_nl
        with pytest.raises(fu.NoReferralConsentError) as refused:
            fu.check_referral_allowed(fu.get_item(session, named_no_referral))
        assert "geen toestemming" in refused.value.message_nl
        with pytest.raises(fu.NoIdentityConsentError):
            fu.check_referral_allowed(fu.get_item(session, anonymous))
        fu.check_referral_allowed(fu.get_item(session, allowed))
        assert fu.get_item(session, anonymous).resident == fu.ANONYMOUS_NL


def test_signal_gets_neighbourhood_from_address_list_postcode(store: CoordinatorStore) -> None:
    with store.session() as session:
        import_address_list(session, address_csv([resident_row(1, "Oost", "4321 ZX")]), today=TODAY)
        add_volunteer(session)
        batch = add_batch(session)
        known = add_signal(session, batch, name="Iemand", postcode="4321zx", theme=Theme.VOEDING)
        unknown = add_signal(session, batch)
        fu.sync_followups(session, today=TODAY)
        assert fu.get_item(session, known).neighbourhood == "Oost"
        assert fu.get_item(session, unknown).neighbourhood == "Wijk onbekend"


def test_later_revision_and_later_address_list_are_picked_up(store: CoordinatorStore) -> None:
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import update

    from huisbezoek.coordinator.store.models import ImportedSignal

    with store.session() as session:
        add_volunteer(session)
        sid = add_signal(session, add_batch(session), name="Iemand", postcode="4321 ZX")
        fu.sync_followups(session, today=TODAY)
        assert fu.get_item(session, sid).neighbourhood == "Wijk onbekend"
    with store.session() as session:  # the volunteer sent revision 2 in a new batch: now urgent
        later = add_batch(session, sequence=2)
        session.execute(
            update(ImportedSignal)
            .where(ImportedSignal.id == sid)
            .values(revision=2, severity=Severity.DIRECT, batch_id=later,
                    updated_at=datetime.now(UTC) + timedelta(seconds=1))
        )  # fmt: skip
        assert fu.sync_followups(session, today=TODAY) == 0
        assert fu.get_item(session, sid).severity is Severity.DIRECT
        import_address_list(session, address_csv([resident_row(1, "Oost", "4321 ZX")]), today=TODAY)
        assert fu.get_item(session, sid).neighbourhood == "Oost"
