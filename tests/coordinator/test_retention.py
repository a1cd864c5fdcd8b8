"""Retention (preview, erase identity of old closed follow-ups, keep counts, audit) and subject
rights (everything about one resident in print; erase one resident completely)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from huisbezoek.coordinator import dashboard, documents, retention
from huisbezoek.coordinator import followup as fu
from huisbezoek.coordinator.addresses import import_address_list
from huisbezoek.coordinator.settings import set_retention_months
from huisbezoek.coordinator.store.backend import CoordinatorStore
from huisbezoek.coordinator.store.models import AreaResident, FollowUpEvent, ImportedSignal
from huisbezoek.domain import Theme
from huisbezoek.errors import InvalidInputError

from .helpers import add_batch, add_signal, add_volunteer, address_csv, resident_row
from .pdftext import text_of

TODAY = date(2027, 6, 1)


def _setup(store: CoordinatorStore) -> tuple[str, str, str]:
    with store.session() as session:
        import_address_list(
            session, address_csv([resident_row(1, "Noord", "1234 AB")]), today=date(2026, 11, 23)
        )
        add_volunteer(session)
        batch = add_batch(session)
        old = add_signal(session, batch, name="Mevrouw Oud", text="Valt vaak; woont alleen.")
        recent = add_signal(session, batch, name="Meneer Recent", theme=Theme.VOEDING)
        still_open = add_signal(session, batch, name="Mevrouw Open", theme=Theme.GELDZAKEN)
        fu.sync_followups(session, today=date(2026, 11, 23))
    with store.session() as session:
        fu.update_followup(session, old, by="Carla", note="Dochter belt terug op 06-1234.")
        fu.update_followup(session, old, by="Carla", status=fu.FollowUpStatus.DONE,
                           now=datetime(2026, 1, 10, tzinfo=UTC))  # fmt: skip
        fu.update_followup(session, recent, by="Carla", status=fu.FollowUpStatus.NO_ACTION,
                           now=datetime(2027, 5, 1, tzinfo=UTC))  # fmt: skip
        set_retention_months(session, 12)
    return old, recent, still_open


def test_retention_preview_then_erase_keeps_counts(store: CoordinatorStore) -> None:
    old, recent, still_open = _setup(store)
    with store.session() as session:
        before = {r.neighbourhood: (r.themes, r.visited) for r in dashboard.coverage(session)}
        preview = retention.preview_retention(session, TODAY)
    assert preview.cutoff == date(2026, 6, 1)
    assert [(c.signal_id, c.has_identity) for c in preview.candidates] == [(old, True)]
    assert (preview.total, preview.with_identity, preview.per_theme) == (1, 1, {Theme.VALLEN: 1})

    assert retention.run_retention(store, TODAY) == 1
    with store.session() as session:
        gone = session.get(ImportedSignal, old)
        assert gone is not None
        assert (gone.resident_name, gone.resident_phone, gone.text, gone.agreed) == (
            None, None, "", "",
        )  # fmt: skip
        notes = session.scalars(
            select(FollowUpEvent.new_value).where(
                FollowUpEvent.signal_id == old, FollowUpEvent.field == "notitie"
            )
        ).all()
        assert notes == [""]
        assert fu.get_item(session, old).notes == ""
        assert fu.get_item(session, old).status is fu.FollowUpStatus.DONE
        # recent and open ones keep everything
        assert fu.get_item(session, recent).resident == "Meneer Recent"
        assert fu.get_item(session, still_open).resident == "Mevrouw Open"
        after = {r.neighbourhood: (r.themes, r.visited) for r in dashboard.coverage(session)}
        assert retention.preview_retention(session, TODAY).candidates == []
        fu.sync_followups(session, today=TODAY)
        assert fu.get_item(session, old).resident == fu.ANONYMOUS_NL
    assert after == before
    events = [e for e in store.audit_events() if e.event == "erase"]
    assert events[0].detail == {"reason": "retention", "months": 12, "followups": 1}
    assert "Oud" not in str(events[0].detail)


def test_retention_period_is_bounded(store: CoordinatorStore) -> None:
    with pytest.raises(InvalidInputError) as caught, store.session() as session:
        set_retention_months(session, 0)
    assert "bewaartermijn" in caught.value.message_nl


def test_dossier_prints_everything_then_erase_removes_it(store: CoordinatorStore) -> None:
    _setup(store)
    with store.session() as session:
        add_signal(session, add_batch(session, sequence=2), name="Bewoner 1", postcode="1234ab")
        fu.sync_followups(session, today=TODAY)
    ref = retention.ResidentRef("bewoner 1", "1234 AB")
    with store.session() as session:
        pdf = documents.resident_dossier_pdf(session, ref, made_on=TODAY)
    assert store.audit_events()[0].detail == {
        "document": "subject_access", "address_list": 1, "signals": 1,
    }  # fmt: skip
    text = " ".join(text_of(pdf).split())
    assert "Bewoner 1" in text and "Dorpsstraat 1" in text and "01-03-1948" in text
    assert "Is twee keer gevallen dit jaar." in text
    assert "Mevrouw Oud" not in text

    erased = retention.erase_resident(store, ref)
    assert (erased.address_list, erased.signals) == (1, 1)
    with store.session() as session:
        assert session.scalars(select(AreaResident)).all() == []
        with pytest.raises(retention.ResidentNotFoundError):
            retention.resident_dossier(session, ref)
        fu.sync_followups(session, today=TODAY)  # the tombstone does not come back as work
        names = {i.resident for i in fu.queue(session, include_closed=True)}
        assert names == {"Mevrouw Oud", "Meneer Recent", "Mevrouw Open"}
    assert store.audit_events()[0].detail == {
        "reason": "subject_request", "address_list": 1, "signals": 1,
    }  # fmt: skip


def test_referral_letter_only_with_consent(store: CoordinatorStore) -> None:
    with store.session() as session:
        add_volunteer(session)
        batch = add_batch(session)
        allowed = add_signal(session, batch, name="Meneer Bakker", referral=True)
        refused = add_signal(session, batch, name="Mevrouw Smit")
        fu.sync_followups(session, today=TODAY)
        fu.update_followup(session, allowed, by="Carla", status=fu.FollowUpStatus.REFERRED,
                           service="Valpreventie Teststad")  # fmt: skip
    with store.session() as session:
        pdf = documents.referral_letter_pdf(session, allowed, coordinator="Carla", made_on=TODAY)
        with pytest.raises(fu.NoReferralConsentError):
            documents.referral_letter_pdf(session, refused, coordinator="Carla", made_on=TODAY)
        *_, last, letter = fu.history(session, allowed)
    text = " ".join(text_of(pdf).split())
    assert "Verwijzing naar Valpreventie Teststad" in text
    assert "Meneer Bakker" in text and "mondeling" in text
    assert last.new_value == "Verwijsbrief gemaakt voor Valpreventie Teststad."
    assert (letter.field, letter.new_value) == ("verwijsbrief", "Valpreventie Teststad")
