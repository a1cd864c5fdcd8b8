"""The shipped default form loads, matches the published schema and behaves as a visit should."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from huisbezoek import paths
from huisbezoek.domain import NOT_ASKED, NOT_SAYING, LeafletTopic, Severity, Theme
from huisbezoek.forms import (
    WELLBEING_DOMAINS,
    Form,
    FormRegistry,
    FormSpec,
    FormState,
    ScaleQuestion,
    evaluate,
)
from huisbezoek.forms.schema import SCHEMA_FILE_NAME, form_json_schema, schema_text

BASE = {"toestemming_gesprek": True, "bezoekdatum": dt.date(2025, 3, 4), "afspraak": "geen_vervolg"}


def test_schema_file_matches_the_model() -> None:
    committed = (paths.forms_dir() / SCHEMA_FILE_NAME).read_text(encoding="utf-8")
    assert committed == schema_text(), "run: python -m huisbezoek.forms.schema"
    assert json.loads(committed)["properties"]["format"]["const"] == 1


def test_default_form_validates_against_the_schema_model(default_form_path: Path) -> None:
    # The schema is generated from FormSpec, so validating with FormSpec is validating with it.
    data = YAML(typ="safe").load(default_form_path.read_text(encoding="utf-8"))
    spec = FormSpec.model_validate(data)
    assert spec.id == "samen-sterker-75plus"
    schema = form_json_schema()
    assert set(data) <= set(schema["properties"])
    assert set(schema["required"]) <= set(data)


def test_default_form_header_and_sections(default_form: Form) -> None:
    assert (default_form.id, default_form.version) == ("samen-sterker-75plus", 1)
    assert default_form.title == "Samen sterker — gesprek 75+"
    titles = [s.title for s in default_form.sections]
    assert titles[0] == "Kennismaking en toestemming"
    assert titles[-1] == "Informatie gegeven en afspraken"
    assert len(titles) == 11
    assert len(default_form.definition_hash) == 64


def test_every_question_type_is_used(default_form: Form) -> None:
    used = {q.type for q in default_form.all_questions()}
    assert used == {
        "info",
        "yes_no",
        "single_choice",
        "multiple_choice",
        "scale",
        "number",
        "date",
        "short_text",
        "long_text",
    }


def test_six_wellbeing_questions(default_form: Form) -> None:
    found = default_form.wellbeing_questions
    assert tuple(sorted(found)) == tuple(sorted(WELLBEING_DOMAINS))
    for question in found.values():
        assert isinstance(question, ScaleQuestion)
        assert (question.min, question.max) == (0, 10)
    state = FormState(default_form, {**BASE, "welzijn_lichaam": 7, "welzijn_mentaal": NOT_SAYING})
    ratings = state.wellbeing()
    assert ratings["lichaam"] == 7
    assert ratings["mentaal"] is None
    assert set(ratings) == set(WELLBEING_DOMAINS)


def test_no_consent_hides_the_conversation(default_form: Form) -> None:
    state = FormState(default_form, {"toestemming_gesprek": False, "gevallen": True})
    evaluation = state.evaluation
    assert not evaluation.is_relevant("gevallen")
    assert evaluation.is_relevant("afspraak")
    # The answer is kept for the GUI but does not count.
    assert state.answer("gevallen") is True
    assert evaluation.scores["valrisico"].value is None
    assert [s.id for s in state.visible_sections()] == ["kennismaking", "afspraken"]


def test_quiet_visit_raises_nothing(default_form: Form) -> None:
    answers = {
        **BASE,
        "gevallen": False,
        "bang_vallen": False,
        "moeite_lopen": False,
        "afgevallen": "nee",
        "minder_eetlust": False,
        "trap_zonder_rust": True,
        "rookmelder": True,
        "veilig_gevoel": "ja",
        **{f"eenzaam_e{i}": "nee" for i in (1, 2, 3)},
        **{f"eenzaam_s{i}": "ja" for i in (1, 2, 3)},
    }
    evaluation = evaluate(default_form, answers)
    assert evaluation.signals == ()
    assert evaluation.complete
    assert evaluation.scores["eenzaamheid"].band == "niet"
    assert evaluation.scores["valrisico"].band == "laag"
    assert evaluation.scores["voeding"].band == "groen"


def test_worrying_visit_raises_the_expected_signals(default_form: Form) -> None:
    answers = {
        **BASE,
        "veilig_gevoel": "nee",
        "nu_in_gevaar": True,
        "gevallen": True,
        "val_aantal": 3,
        "afgevallen": "veel",
        **{f"eenzaam_e{i}": "ja" for i in (1, 2, 3)},
        **{f"eenzaam_s{i}": "nee" for i in (1, 2, 3)},
        "geeft_zorg": True,
        "zorg_uren": 50,
        "rondkomen": "moeilijk",
        "post_blijft_liggen": True,
        "achterstand": ["huur", "energie"],
        "aanpassing_nodig": True,
        "achteruitgang": True,
        "hulp_bij": ["boodschappen", "huishouden"],
        "andere_zorg_ja": True,
        "andere_zorg": "  Veel lege flessen in de keuken.  ",
    }
    evaluation = evaluate(default_form, answers)
    by_rule = {s.rule_id: s for s in evaluation.signals}
    assert set(by_rule) >= {
        "direct_gevaar",
        "eenzaam_sterk",
        "valrisico_hoog",
        "ondervoeding_rood",
        "mantelzorg_zwaar",
        "geldzorgen",
        "dagelijks_achteruit",
        "woning_onveilig",
        "hulp_thuis",
        "andere_zorg",
    }
    assert evaluation.signals[0].severity is Severity.DIRECT
    assert evaluation.highest_severity is Severity.DIRECT
    assert by_rule["eenzaam_sterk"].theme == Theme.EENZAAMHEID
    assert LeafletTopic.ONTMOETING in by_rule["eenzaam_sterk"].leaflets
    assert "valpreventie" in by_rule["valrisico_hoog"].services
    assert by_rule["andere_zorg"].note == "Veel lege flessen in de keuken."
    assert "dagelijks_let_op" not in by_rule
    assert evaluation.scores["eenzaamheid"].value == 6
    assert evaluation.scores["geldzorgen"].value == 5


def test_sections_discussed_skip_not_asked(default_form: Form) -> None:
    state = FormState(
        default_form,
        {**BASE, "gevallen": True, "rondkomen": NOT_ASKED, "eenzaam_e1": NOT_SAYING},
    )
    titles = [s.title for s in state.sections_discussed()]
    assert "Bewegen en vallen" in titles
    assert "Contacten en eenzaamheid" in titles  # "wil ik niet zeggen" was still talked about
    assert "Geldzaken" not in titles


def test_registry_loads_the_shipped_folder() -> None:
    registry = FormRegistry.from_folder()
    form = registry.latest("samen-sterker-75plus")
    assert form.version >= 1


SIGNAL_SCENARIOS: dict[str, dict[str, object]] = {
    "direct_gevaar": {"veilig_gevoel": "nee", "nu_in_gevaar": True},
    "direct_niet_aankunnen": {"welzijn_mentaal": 2, "niet_aankunnen": True},
    "eenzaam_sterk": {
        **{f"eenzaam_e{i}": "ja" for i in (1, 2, 3)},
        **{f"eenzaam_s{i}": "min_of_meer" for i in (1, 2)},
    },
    "eenzaam_matig": {"meer_ontmoeten": True, "contact_vaak": "minder"},
    "valrisico_hoog": {"gevallen": True, "moeite_lopen": True},
    "valrisico_verhoogd": {"bang_vallen": True},
    "ondervoeding_rood": {"bovenarm": 22.0},
    "ondervoeding_oranje": {"minder_eetlust": True, "trap_zonder_rust": False},
    "mantelzorg_zwaar": {"geeft_zorg": True, "zorg_zwaar": 6, "zorg_overnemen": False},
    "mantelzorg_helper": {"krijgt_zorg": True, "helper_te_zwaar": "ja"},
    "geldzorgen": {"achterstand": ["huur", "zorgverzekering"]},
    "geldzaken_hulp": {"hulp_papieren": True},
    "dagelijks_achteruit": {"achteruitgang": True, "welzijn_dagelijks": 3},
    "dagelijks_let_op": {"achteruitgang": True, "welzijn_dagelijks": 8},
    "woning_onveilig": {"rookmelder": False},
    "oplichting": {"bedrogen": True},
    "hulp_thuis": {"hulp_bij": ["koken"], "hulp_geregeld": "deels"},
    "medicijnen_nakijken": {"medicijnen_aantal": 7, "medicijnen_besproken": False},
    "andere_zorg": {"andere_zorg_ja": True, "andere_zorg": "Zorg over de buurvrouw."},
}


def test_every_signal_rule_has_a_scenario(default_form: Form) -> None:
    assert set(SIGNAL_SCENARIOS) == {rule.id for rule in default_form.spec.signals}
    directs = [r.id for r in default_form.spec.signals if r.severity == "direct"]
    assert len(directs) >= 1
    themes = {rule.theme for rule in default_form.spec.signals}
    assert themes >= {
        Theme.EENZAAMHEID,
        Theme.VALLEN,
        Theme.VOEDING,
        Theme.MANTELZORG,
        Theme.GELDZAKEN,
        Theme.DAGELIJKS_FUNCTIONEREN,
        Theme.WONEN_VEILIGHEID,
        Theme.HULP_THUIS,
        Theme.OVERIG,
    }


def test_each_signal_scenario_raises_its_rule(default_form: Form) -> None:
    for rule_id, answers in SIGNAL_SCENARIOS.items():
        raised = {s.rule_id for s in evaluate(default_form, {**BASE, **answers}).signals}
        assert rule_id in raised, rule_id
        # Without consent nothing from the conversation is counted.
        no_consent = {**BASE, **answers, "toestemming_gesprek": False}
        raised = {s.rule_id for s in evaluate(default_form, no_consent).signals}
        assert raised <= {"andere_zorg"}, rule_id


def test_declined_answers_raise_nothing(default_form: Form) -> None:
    for answers in SIGNAL_SCENARIOS.values():
        declined = {key: NOT_SAYING for key in answers}
        assert evaluate(default_form, {**BASE, **declined}).signals == ()


EXTRA_SHOWN = {
    "gevallen": True,
    "geeft_zorg": True,
    "krijgt_zorg": True,
    "trap_in_huis": True,
    "zorgen_toekomst": "soms",
    "afspraak": "nieuw_bezoek",
}


def test_every_condition_hides_and_shows_something(default_form: Form) -> None:
    """Each question with its own condition is hidden by some answers and shown by others."""
    conditional = [q.id for q in default_form.all_questions() if q.relevant is not None]
    assert len(conditional) >= 10
    shown: set[str] = set()
    for answers in [*SIGNAL_SCENARIOS.values(), EXTRA_SHOWN]:
        shown |= evaluate(default_form, {**BASE, **answers}).relevant
    no_consent = evaluate(default_form, {**BASE, "toestemming_gesprek": False}).relevant
    with_consent = evaluate(default_form, BASE).relevant
    for question_id in conditional:
        assert question_id in shown, question_id
        assert question_id not in no_consent or question_id not in with_consent, question_id


@pytest.mark.parametrize(
    ("answers", "expected", "absent"),
    [
        # unknown parts must not swallow a signal, nor raise two levels at once
        ({"achteruitgang": True}, "dagelijks_let_op", "dagelijks_achteruit"),
        ({"welzijn_dagelijks": 3}, "dagelijks_let_op", "dagelijks_achteruit"),
        (
            {"achteruitgang": True, "hulp_bij": ["koken", "vervoer"]},
            "dagelijks_achteruit",
            "dagelijks_let_op",
        ),
        ({"warme_maaltijd": "zelden"}, "ondervoeding_oranje", "ondervoeding_rood"),
        (
            {"warme_maaltijd": "zelden", "afgevallen": "veel"},
            "ondervoeding_rood",
            "ondervoeding_oranje",
        ),
        ({"meer_ontmoeten": True, "contact_vaak": "minder"}, "eenzaam_matig", "eenzaam_sterk"),
        (
            {
                "meer_ontmoeten": True,
                "contact_vaak": "minder",
                **{f"eenzaam_e{i}": "ja" for i in (1, 2, 3)},
                **{f"eenzaam_s{i}": "nee" for i in (1, 2, 3)},
            },
            "eenzaam_sterk",
            "eenzaam_matig",
        ),
    ],
)
def test_signal_levels_exclude_each_other(
    default_form: Form, answers: dict[str, object], expected: str, absent: str
) -> None:
    raised = {s.rule_id for s in evaluate(default_form, {**BASE, **answers}).signals}
    assert expected in raised
    assert absent not in raised


def test_follow_up_date_check(default_form: Form) -> None:
    answers = {**BASE, "afspraak": "terugbellen"}
    assert evaluate(default_form, answers).messages_for("vervolg_datum")
    too_early = {**answers, "vervolg_datum": dt.date(2025, 3, 1)}
    assert evaluate(default_form, too_early).messages_for("vervolg_datum") == (
        "Deze datum ligt voor de datum van het bezoek.",
    )
    assert evaluate(default_form, {**answers, "vervolg_datum": "2025-03-10"}).complete
