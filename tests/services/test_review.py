from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from huisbezoek.domain import ConsentMethod, ConsentScope, Severity, Theme, VisitStatus
from huisbezoek.errors import InvalidInputError
from huisbezoek.forms import FormState, load_form
from huisbezoek.services import residents as res
from huisbezoek.services import review as svc
from huisbezoek.services import visit_answers
from huisbezoek.vault.core import Vault
from huisbezoek.vault.errors import VisitFinalisedError
from huisbezoek.vault.keyslots import KdfParams

FORM = Path(__file__).parents[1] / "gui" / "data" / "proef.v1.yaml"


@pytest.fixture
def setup(tmp_path):
    vault, _ = Vault.create(tmp_path / "v", "proef wachtwoord lang", kdf=KdfParams.FLOOR)
    form = load_form(FORM)
    rid = res.add_resident(vault, res.ResidentInput(name="Anna de Boer"))
    vid = visit_answers.start_visit(vault, rid, form)
    yield vault, form, vid
    vault.close()


def raised(form, **answers):
    return FormState(form, answers).evaluation.signals


def test_sync_adds_updates_and_drops_rule_signals(setup):
    vault, form, vid = setup
    data = svc.sync_signals(vault, vid, raised(form, gevallen=True, hoe_vaak=3, onveilig=True))
    assert [s.severity for s in data.signals] == [Severity.DIRECT, Severity.ZORG]
    manual = svc.add_manual_signal(
        vault, vid, theme=Theme.GELDZAKEN, severity=Severity.AANDACHT, text="Post ligt ongeopend"
    )
    data = svc.sync_signals(vault, vid, raised(form, gevallen=True, hoe_vaak=3))
    assert {s.source_rule for s in data.signals} == {"valrisico", None}
    assert any(s.id == manual and s.manual for s in data.signals)


def test_signal_with_consent_survives_a_changed_answer(setup):
    vault, form, vid = setup
    data = svc.sync_signals(vault, vid, raised(form, onveilig=True))
    sid = data.signals[0].id
    svc.set_signal_consent(
        vault, sid, scopes={ConsentScope.SHARE_SIGNAL}, method=ConsentMethod.ORAL
    )
    data = svc.sync_signals(vault, vid, raised(form, onveilig=False))
    assert [s.id for s in data.signals] == [sid]


def test_consent_rules_and_history(setup):
    vault, form, vid = setup
    sid = svc.sync_signals(vault, vid, raised(form, onveilig=True)).signals[0].id
    with pytest.raises(InvalidInputError, match="identity"):
        svc.set_signal_consent(
            vault, sid, scopes={ConsentScope.SHARE_IDENTITY}, method=ConsentMethod.ORAL
        )
    with pytest.raises(InvalidInputError) as info:
        svc.set_signal_consent(
            vault, sid, scopes={ConsentScope.REFERRAL}, method=ConsentMethod.ORAL
        )
    assert "organisatie" in info.value.message_nl
    when = datetime.now(UTC) - timedelta(minutes=5)
    row = svc.set_signal_consent(
        vault,
        sid,
        scopes={ConsentScope.SHARE_SIGNAL, ConsentScope.REFERRAL},
        method=ConsentMethod.WRITTEN,
        given_at=when,
        referral_service="Valpreventie Oudebrug",
    )
    assert row.has(ConsentScope.SHARE_SIGNAL) and row.has(ConsentScope.REFERRAL)
    referral = next(c for c in row.consents if c.scope is ConsentScope.REFERRAL)
    assert referral.referral_service == "Valpreventie Oudebrug"
    assert referral.given_at == when and referral.method is ConsentMethod.WRITTEN
    row = svc.set_signal_consent(
        vault, sid, scopes={ConsentScope.SHARE_SIGNAL}, method=ConsentMethod.WRITTEN
    )
    assert not row.has(ConsentScope.REFERRAL)
    from huisbezoek.vault.models import ConsentRecord

    with vault.session() as s:
        records = s.query(ConsentRecord).filter_by(signal_id=sid).all()
        withdrawn = [r for r in records if r.withdrawn_at is not None]
    assert len(records) == 2 and [r.scope for r in withdrawn] == [ConsentScope.REFERRAL]


def test_finalise_needs_answers_then_locks_and_reopen_is_audited(setup):
    vault, form, vid = setup
    with pytest.raises(svc.OpenQuestionsError) as info:
        svc.finalise(vault, vid, raised=(), open_required=2)
    assert "2 vragen open" in info.value.message_nl
    assert "niet zeggen" not in info.value.message_nl  # never the way out of a safety question
    with pytest.raises(svc.UndecidedSignalsError) as undecided:
        svc.finalise(vault, vid, raised=raised(form, onveilig=True), open_required=0)
    assert "Voelt zich thuis onveilig." in undecided.value.message_nl
    data = svc.sync_signals(vault, vid, raised(form, onveilig=True))
    assert data.status is VisitStatus.DRAFT
    sid = data.signals[0].id
    svc.set_signal_consent(vault, sid, scopes=(), method=ConsentMethod.ORAL)  # "niet delen"
    data = svc.finalise(vault, vid, raised=raised(form, onveilig=True), open_required=0)
    assert data.status is VisitStatus.FINAL and data.finalised_at is not None
    assert len(data.signals) == 1
    with pytest.raises(VisitFinalisedError):
        visit_answers.save_answer(vault, vid, "onveilig", False)
    with pytest.raises(VisitFinalisedError):
        svc.add_manual_signal(vault, vid, theme=Theme.OVERIG, severity=Severity.ZORG, text="x")
    data = svc.reopen(vault, vid)
    assert data.status is VisitStatus.DRAFT and data.reopened_count == 1
    events = vault.audit_events()
    reopened = [e for e in events if str(e.event) == "visit_reopened"]
    assert len(reopened) == 1
    assert reopened[0].detail == {"visit_id": vid, "times": 1}  # no names, no answers
    assert vault.verify_audit_chain().ok


def test_sharing_decision_is_a_tristate_and_every_change_is_audited(setup):
    vault, form, vid = setup
    sid = svc.sync_signals(vault, vid, raised(form, onveilig=True)).signals[0].id
    row = svc.review(vault, vid).signals[0]
    assert not row.decided and not row.share_declined
    row = svc.set_signal_consent(vault, sid, scopes=(), method=ConsentMethod.ORAL, undecided=True)
    assert not row.decided  # e.g. only the note was typed so far
    row = svc.set_signal_consent(vault, sid, scopes=(), method=ConsentMethod.ORAL)
    assert row.decided and row.share_declined
    row = svc.set_signal_consent(
        vault, sid, scopes={ConsentScope.SHARE_SIGNAL}, method=ConsentMethod.ORAL
    )
    assert row.decided and not row.share_declined
    # Saving the same thing again changes nothing and logs nothing.
    before = len(vault.audit_events())
    svc.set_signal_consent(
        vault, sid, scopes={ConsentScope.SHARE_SIGNAL}, method=ConsentMethod.ORAL
    )
    assert len(vault.audit_events()) == before
    changes = sorted(
        (e for e in vault.audit_events() if str(e.event) == "consent_changed"), key=lambda e: e.id
    )
    assert [e.detail["declined"] for e in changes] == [True, False]
    assert changes[-1].detail == {
        "visit_id": vid,
        "signal_id": sid,
        "scopes": ["delen_signaal"],
        "declined": False,
    }
    assert vault.verify_audit_chain().ok


def test_moving_the_consent_time_replaces_the_record(setup):
    vault, form, vid = setup
    sid = svc.sync_signals(vault, vid, raised(form, onveilig=True)).signals[0].id
    first = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
    row = svc.set_signal_consent(
        vault, sid, scopes={ConsentScope.SHARE_SIGNAL}, method=ConsentMethod.ORAL, given_at=first
    )
    assert row.consents[0].given_at == first
    later = first + timedelta(days=2)
    row = svc.set_signal_consent(
        vault, sid, scopes={ConsentScope.SHARE_SIGNAL}, method=ConsentMethod.ORAL, given_at=later
    )
    assert [c.given_at for c in row.consents] == [later]
