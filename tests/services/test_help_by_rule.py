"""Help chosen by the signal rules: leaflets and contacts on the summary, most urgent first,
the huisarts first for health signals that need care; referrals, own words, leaving parts
out, the example mark; and a visit made on form version 1 still renders."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from huisbezoek import paths
from huisbezoek.domain import ConsentMethod, ConsentScope, ReferralCaller
from huisbezoek.forms import FormRegistry, FormState, load_form
from huisbezoek.printing import EXAMPLE_MARK, load_directory, render_summary
from huisbezoek.services import documents, review, visit_resume
from huisbezoek.services import residents as residents_svc
from huisbezoek.services.startup import set_volunteer_name
from huisbezoek.vault.core import Vault
from huisbezoek.vault.keyslots import KdfParams

#: The visit of the issue: "ik kan het niet meer aan", and a red food score.
CANNOT_COPE: dict[str, Any] = {
    "bezoekdatum": date(2026, 11, 20),
    "toestemming_gesprek": True,
    "welzijn_mentaal": 2,
    "welzijn_zingeving": 3,
    "niet_aankunnen": True,
    "afgevallen": "veel",
    "waardevol": "Mijn kleinkinderen en de tuin.",
    "wens": "Nog een keer naar zee.",
    "geven_leren": "Ik kan goed breien, dat wil ik leren aan anderen.",
    "afspraak": "terugbellen",
    "vervolg_datum": date(2026, 11, 23),
}


def pdf_pages(pdf: bytes) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    opened, _ = Vault.create(tmp_path / "vault", "proef wachtwoord lang", kdf=KdfParams.FLOOR)
    set_volunteer_name(opened, "Gerda Mulder")
    yield opened
    opened.close()


def make_visit(vault: Vault, answers: dict[str, Any], form: Any = None) -> int:
    form = form or visit_resume.default_form()
    rid = residents_svc.add_resident(vault, residents_svc.ResidentInput(name="Jan Verzonnen"))
    opened = visit_resume.start_or_resume(vault, rid, form)
    for qid, value in answers.items():
        visit_resume.save_answer(vault, opened.visit_id, qid, value)
    review.sync_signals(vault, opened.visit_id, FormState(form, answers).evaluation.signals)
    return opened.visit_id


def test_cannot_cope_with_red_food_puts_the_rules_services_first_huisarts_on_top(vault):
    visit_id = make_visit(vault, CANNOT_COPE)
    rules = [s.source_rule for s in review.review(vault, visit_id).signals]
    assert rules[0] == "direct_niet_aankunnen" and "ondervoeding_rood" in rules
    data = documents.summary_input(vault, visit_id, show_wellbeing_chart=False)
    names = [c.name for c in data.contacts]
    # direct_niet_aankunnen: huisarts, 113, De Luisterlijn; then ondervoeding_rood: huisarts
    # (already there), diëtist, meals. The sociale kaart lists the own huisarts first.
    assert names[:5] == [
        "Uw eigen huisarts",
        "Huisartsenpost Voorbeeldstad",
        "113 Zelfmoordpreventie",
        "De Luisterlijn",
        "Diëtistenpraktijk Voorbeeldstad",
    ]
    assert "Cursus Stevig Staan" not in names  # version 1 listed falls help here
    # The leaflets follow the rules as well: eten, nothing about falling.
    assert documents.suggested_topics(vault, visit_id)[0] == "eten"
    assert "vallen" not in documents.suggested_topics(vault, visit_id)
    # And on paper, in that order, with the national numbers.
    # The contacts for the "direct" signal sit in one short block on the first page.
    assert data.urgent_contacts == 4
    pages = pdf_pages(render_summary(data))
    first = pages[0]
    assert "Heeft u het moeilijk? Bel gerust" in first
    assert "0800-0113" in first and "088-0767000" in first
    assert first.index("Uw eigen huisarts") < first.index("113 Zelfmoordpreventie")
    text = " ".join(pages)
    assert text.index("113 Zelfmoordpreventie") < text.index("Diëtistenpraktijk")


def test_help_for_a_health_signal_that_needs_care_starts_with_the_huisarts():
    form = load_form(paths.forms_dir() / "samen-sterker-75plus.v2.yaml")
    answers = {"toestemming_gesprek": True, "gevallen": True, "val_niet_opstaan": True}
    signals = FormState(form, answers).evaluation.signals
    chosen = documents.choose_help(signals, load_directory(), documents.load_leaflets())
    assert chosen.contacts[0].name == "Uw eigen huisarts"
    assert chosen.leaflets[:2] == ("vallen", "bewegen")
    # A fall risk that only needs attention does not put the huisarts first.
    answers = {"toestemming_gesprek": True, "bang_vallen": True}
    signals = FormState(form, answers).evaluation.signals
    chosen = documents.choose_help(signals, load_directory(), documents.load_leaflets())
    assert chosen.contacts[0].name == "Cursus Stevig Staan"
    assert all(c.name != "Uw eigen huisarts" for c in chosen.contacts)


def test_summary_shows_referral_own_words_and_no_leftover_label(vault):
    visit_id = make_visit(vault, CANNOT_COPE)
    food = next(
        s for s in review.review(vault, visit_id).signals if s.source_rule == "ondervoeding_rood"
    )
    review.set_signal_consent(
        vault,
        food.id,
        scopes=[ConsentScope.REFERRAL],
        method=ConsentMethod.ORAL,
        referral_service="Diëtistenpraktijk Voorbeeldstad",
        referral_caller=ReferralCaller.VOLUNTEER,
        referral_due=date(2026, 11, 27),
    )
    review.update_signal_notes(vault, food.id, note="", agreed_action="Elke week wegen.")
    data = documents.summary_input(vault, visit_id, show_wellbeing_chart=False)
    [referral] = data.referrals
    assert (referral.service, referral.who, referral.when) == (
        "Diëtistenpraktijk Voorbeeldstad",
        "De vrijwilliger belt",
        "uiterlijk 27 november 2026",
    )
    text = " ".join(pdf_pages(render_summary(data)))
    assert "Doorverwezen naar: Diëtistenpraktijk Voorbeeldstad" in text
    assert "Wie belt: De vrijwilliger belt" in text
    assert "Wanneer: uiterlijk 27 november 2026" in text
    assert "Elke week wegen." in text
    assert "Afgesproken" not in text  # the old "Wie doet het: Afgesproken" leftover
    assert "Mijn kleinkinderen en de tuin." in text
    assert "Nog een keer naar zee." in text
    assert "breien" in text
    # The consent record keeps who calls and by when.
    [consent] = next(c for c in review.review(vault, visit_id).signals if c.id == food.id).consents
    assert (consent.referral_caller, consent.referral_due) == (
        ReferralCaller.VOLUNTEER,
        date(2026, 11, 27),
    )


def test_the_volunteer_can_leave_out_any_part(vault):
    visit_id = make_visit(vault, {**CANNOT_COPE, "achterstand": ["huur"], "rondkomen": "net"})
    parts = dict(documents.summary_parts(vault, visit_id))
    assert parts[documents.OWN_WORDS_KEY] == "In uw eigen woorden"
    money_section = documents.section_key("geldzaken")
    assert parts[money_section] == "Geldzaken"
    money = next(s for s in review.review(vault, visit_id).signals if s.source_rule == "geldzorgen")
    assert parts[documents.signal_key(money.id)] == "Hulp bij geldzaken"
    full = documents.summary_input(vault, visit_id, show_wellbeing_chart=False)
    assert "Geldzaken" in full.topics
    assert any(c.name == "Schuldhulp gemeente Voorbeeldstad" for c in full.contacts)
    left_out = documents.summary_input(
        vault,
        visit_id,
        show_wellbeing_chart=False,
        leave_out=[documents.OWN_WORDS_KEY, money_section, documents.signal_key(money.id)],
    )
    assert "Geldzaken" not in left_out.topics
    assert not any("Schuld" in c.name for c in left_out.contacts)
    assert left_out.own_words == ()
    text = " ".join(pdf_pages(render_summary(left_out)))
    assert "Geldzaken" not in text and "Schuldhulp" not in text and "kleinkinderen" not in text


def test_summary_with_the_demo_sociale_kaart_says_example_on_every_page(vault):
    visit_id = make_visit(vault, CANNOT_COPE)
    data = documents.summary_input(vault, visit_id, show_wellbeing_chart=True)
    assert data.contacts_fictional
    pages = pdf_pages(render_summary(data))
    assert len(pages) >= 2
    for page in pages:
        assert EXAMPLE_MARK in page
    # The note next to the contacts says the national lines are real.
    assert "De landelijke hulplijnen zijn wel echt." in " ".join(pages)


def test_paper_unsafe_rule_is_reported(vault):
    safe = make_visit(vault, CANNOT_COPE)
    assert documents.paper_unsafe(vault, safe) is False
    unsafe = make_visit(vault, {**CANNOT_COPE, "geld_misbruik": True})
    assert documents.paper_unsafe(vault, unsafe) is True
    contacts = documents.visit_help(vault, unsafe).contacts
    assert any(c.name == "Veilig Thuis" for c in contacts)


def test_recorded_leaflets_are_those_on_the_form_and_those_printed(vault):
    visit_id = make_visit(vault, {**CANNOT_COPE, "folders": ["wonen", "geheugen"]})
    documents.record_leaflets_given(vault, visit_id, ["later"])
    assert documents.recorded_topics(vault, visit_id) == ["geheugen", "wonen", "later"]


def test_a_visit_started_on_version_1_stays_on_it_and_still_renders(vault):
    registry = FormRegistry.from_folder(paths.forms_dir())
    v1 = registry.get("samen-sterker-75plus", 1)
    answers = {
        "bezoekdatum": date(2026, 10, 1),
        "toestemming_gesprek": True,
        "gevallen": True,
        "val_aantal": 2,
        "niet_aankunnen": True,
        "welzijn_mentaal": 2,
        "afspraak": "geen_vervolg",
    }
    visit_id = make_visit(vault, answers, form=v1)
    assert visit_resume.open_visit(vault, visit_id).form.version == 1
    assert visit_resume.default_form().version == 2
    jobs = documents.visit_documents(
        vault, visit_id, documents.suggested_topics(vault, visit_id), show_wellbeing_chart=True
    )
    text = " ".join(pdf_pages(jobs[0].pdf))
    assert "Uw gesprek van 1 oktober 2026" in text
    # Version 1 rules name wijkagent/huisarts; the huisarts comes first for its direct signal.
    assert text.index("Uw eigen huisarts") < text.index("Cursus Stevig Staan")
    assert [j.topic for j in jobs[1:]] == ["vallen", "bewegen"]


def test_a_signal_added_by_hand_falls_back_to_its_themes_leaflets(vault):
    from huisbezoek.domain import Severity

    visit_id = make_visit(vault, {"toestemming_gesprek": True, "afspraak": "geen_vervolg"})
    assert documents.suggested_topics(vault, visit_id) == []
    review.add_manual_signal(
        vault, visit_id, theme="geheugen", severity=Severity.AANDACHT, text="Vergeet veel."
    )
    assert documents.suggested_topics(vault, visit_id) == ["geheugen"]
    names = [c.name for c in documents.visit_help(vault, visit_id).contacts]
    assert names == ["Steunpunt Geheugen Voorbeeldstad"]  # the geheugen leaflet's first contact


def test_the_demo_vaults_finished_visits_use_version_2_with_a_referral(vault):
    from huisbezoek.services.demo import fill_demo_vault
    from huisbezoek.vault.models import Visit

    fill_demo_vault(vault)
    with vault.session() as s:
        visits = [(v.id, v.form_version) for v in s.query(Visit).order_by(Visit.id)]
    assert [int(version) for _, version in visits] == [2, 2]
    first = visits[0][0]
    data = documents.summary_input(vault, first, show_wellbeing_chart=True)
    [referral] = data.referrals
    assert (referral.service, referral.who) == ("Cursus Stevig Staan", "U belt zelf")
    assert referral.when is not None and referral.when.startswith("uiterlijk ")
    assert (
        "Wat voor u belangrijk is",
        "Mijn kleinkinderen. En 's ochtends koffie in de tuin.",
    ) in (data.own_words)
    # Falls, contact and a missing smoke alarm: one service of each kind before a second one,
    # so the fire brigade is not pushed out by a second course or meeting place.
    names = [c.name for c in data.contacts]
    assert names[0] == "Uw eigen huisarts" and data.urgent_contacts == 0
    assert "Cursus Stevig Staan" in names and "Samen Bewegen in de Wijk" in names
    assert "Brandweer Voorbeeldregio, brandveilig wonen" in names
    assert len(names) == documents.MAX_CONTACTS
