"""Form version 2: every signal rule raises on the answers it is meant for and stays quiet on
the nearest answers it is not meant for; the revised thresholds; the language fixes."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from huisbezoek import paths
from huisbezoek.domain import NOT_ASKED, NOT_SAYING, Severity, Theme
from huisbezoek.forms import Form, FormRegistry, evaluate, load_form
from huisbezoek.forms.model import AnswerableQuestion
from huisbezoek.printing import load_leaflets, service_kind

BASE: dict[str, Any] = {
    "toestemming_gesprek": True,
    "bezoekdatum": dt.date(2026, 12, 1),
    "afspraak": "geen_vervolg",
}
LONELY_MODERATE = {  # 3 points: matig
    "eenzaam_e1": "ja",
    "eenzaam_e2": "min_of_meer",
    "eenzaam_e3": "nee",
    "eenzaam_s1": "nee",
    "eenzaam_s2": "ja",
    "eenzaam_s3": "ja",
}
LONELY_STRONG = {k: "ja" for k in ("eenzaam_e1", "eenzaam_e2", "eenzaam_e3")} | {
    k: "nee" for k in ("eenzaam_s1", "eenzaam_s2", "eenzaam_s3")
}
NOT_LONELY = {k: "nee" for k in ("eenzaam_e1", "eenzaam_e2", "eenzaam_e3")} | {
    k: "ja" for k in ("eenzaam_s1", "eenzaam_s2", "eenzaam_s3")
}
FOUR_SIGNS = {
    "moeite_lopen": True,
    "zien_moeite": True,
    "horen_moeite": True,
    "medicijnen_aantal": 4,
}

#: rule id -> (answers that raise it, the nearest answers that must not).
CASES: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "direct_gevaar": (
        {"veilig_gevoel": "nee", "nu_in_gevaar": True},
        {"veilig_gevoel": "nee", "nu_in_gevaar": False},
    ),
    "direct_niet_aankunnen": (
        {"welzijn_mentaal": 2, "niet_aankunnen": True},
        {"welzijn_mentaal": 2, "niet_aankunnen": False},
    ),
    "eenzaam_sterk": (LONELY_STRONG, LONELY_MODERATE),
    "eenzaam_matig": (LONELY_MODERATE, NOT_LONELY),
    "eenzaam_wil_contact": (
        {**LONELY_MODERATE, "meer_ontmoeten": True},
        {**LONELY_MODERATE, "meer_ontmoeten": False},
    ),
    "valrisico_hoog": (
        {"gevallen": True, "val_niet_opstaan": True},
        # A fall with difficulty walking is intermediate (World Falls Guidelines 2022).
        {"gevallen": True, "val_aantal": 1, "moeite_lopen": True, "val_letsel": False},
    ),
    "valrisico_verhoogd": (
        {"gevallen": False, "bang_vallen": True, "moeite_lopen": False},
        {"gevallen": False, "bang_vallen": False, "moeite_lopen": False},
    ),
    "alarm_nodig": (
        {"woonsituatie": "alleen", "gevallen": True, "aanpassingen": ["beugels"]},
        {"woonsituatie": "alleen", "gevallen": True, "aanpassingen": ["alarm"]},
    ),
    "weinig_bewegen": ({"beweegdagen": 2}, {"beweegdagen": 3}),
    "ondervoeding_rood": ({"afgevallen": "veel"}, {"afgevallen": "beetje"}),
    "ondervoeding_oranje": (
        {"afgevallen": "nee", "minder_eetlust": True, "trap_zonder_rust": False},
        {"afgevallen": "nee", "minder_eetlust": True, "trap_zonder_rust": True},
    ),
    "mantelzorg_zwaar": (
        # 30 hours a week at 7 out of 10 raised nothing in version 1.
        {"geeft_zorg": True, "zorg_uren": 30, "zorg_zwaar": 7, "zorg_overnemen": True},
        {"geeft_zorg": True, "zorg_uren": 6, "zorg_zwaar": 7, "zorg_overnemen": True},
    ),
    "mantelzorg_intensief": (
        {"geeft_zorg": True, "zorg_uren": 12, "zorg_zwaar": 3},
        {"geeft_zorg": True, "zorg_uren": 8, "zorg_zwaar": 3},
    ),
    "mantelzorg_helper": (
        {"krijgt_zorg": True, "helper_te_zwaar": "ja"},
        {"krijgt_zorg": True, "helper_te_zwaar": "misschien"},
    ),
    "geldzorgen": (
        # One arrear on rent is enough (early-warning signals, Wgs).
        {"rondkomen": "makkelijk", "post_blijft_liggen": False, "achterstand": ["huur"]},
        {"rondkomen": "makkelijk", "post_blijft_liggen": False, "achterstand": ["anders"]},
    ),
    "geldzaken_hulp": ({"hulp_papieren": True}, {"hulp_papieren": False}),
    "toeslagen": (
        {"rondkomen": "net", "toeslagen_nagekeken": False},
        {"rondkomen": "net", "toeslagen_nagekeken": True},
    ),
    "misbruik": ({"geld_misbruik": True}, {"geld_misbruik": False, "bang_voor_iemand": False}),
    "dagelijks_achteruit": (
        {"achteruitgang": True, "hulp_bij": ["koken", "huishouden"]},
        {"achteruitgang": True, "hulp_bij": ["koken"], "welzijn_dagelijks": 8},
    ),
    "dagelijks_let_op": (
        {"achteruitgang": False, "welzijn_dagelijks": 4},
        {"achteruitgang": False, "welzijn_dagelijks": 5},
    ),
    "kwetsbaar": (FOUR_SIGNS, {**FOUR_SIGNS, "medicijnen_aantal": 3}),
    "geheugen": (
        {"onthouden": True, "onthouden_zorgen": True},
        {"onthouden": True, "onthouden_zorgen": False},
    ),
    "zien_horen": (
        {"zien_moeite": False, "horen_moeite": True},
        {"zien_moeite": False, "horen_moeite": False},
    ),
    "somber": (
        {"welzijn_mentaal": 4, "niet_aankunnen": False},
        {"welzijn_mentaal": 5},
    ),
    "rouw": ({"verlies": True, "verlies_zwaar": True}, {"verlies": True, "verlies_zwaar": False}),
    "pijn_slaap": (
        {"pijn": "vaak", "pijn_belemmert": True},
        {"pijn": "vaak", "pijn_belemmert": False, "slaap_slecht": False},
    ),
    "urineverlies": (
        {"urineverlies": True, "urineverlies_besproken": False},
        {"urineverlies": True, "urineverlies_besproken": True},
    ),
    "alcohol": (
        {"alcohol_dagen": 4, "alcohol_glazen": 2},
        {"alcohol_dagen": 7, "alcohol_glazen": 1},
    ),
    "medicijnen_nakijken": (
        {"medicijnen_aantal": 4, "medicijnen_besproken": False},
        {"medicijnen_aantal": 3},
    ),
    "woning_onveilig": ({"rookmelder": False}, {"rookmelder": True}),
    "oplichting": ({"bedrogen": True}, {"bedrogen": False}),
    "hulp_thuis": (
        {"hulp_bij": ["koken"], "hulp_geregeld": "deels"},
        {"hulp_bij": ["koken"], "hulp_geregeld": "ja"},
    ),
    "digitaal_hulp": (
        {"digitaal_lukt": "lukt_niet", "digitaal_hulp": True},
        {"digitaal_lukt": "lukt_niet", "digitaal_hulp": False},
    ),
    "meedoen": ({"meedoen_hulp": True}, {"meedoen_hulp": False}),
    "wensen_later": (
        {"zorgen_toekomst": "soms", "later_info": True},
        {"zorgen_toekomst": "soms", "later_info": False},
    ),
    "andere_zorg": (
        {"andere_zorg_ja": True, "andere_zorg": "De buurvrouw maakt zich zorgen."},
        {"andere_zorg_ja": False},
    ),
}


@pytest.fixture(scope="module")
def v2() -> Form:
    return load_form(paths.forms_dir() / "samen-sterker-75plus.v2.yaml")


def raised(form: Form, answers: dict[str, Any]) -> set[str]:
    return {s.rule_id for s in evaluate(form, {**BASE, **answers}).signals}


def test_every_rule_has_a_case(v2: Form) -> None:
    assert set(CASES) == {rule.id for rule in v2.spec.signals}


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_raises_on_its_case(v2: Form, rule_id: str) -> None:
    assert rule_id in raised(v2, CASES[rule_id][0])


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_stays_quiet_on_the_nearest_other_case(v2: Form, rule_id: str) -> None:
    assert rule_id not in raised(v2, CASES[rule_id][1])


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_stays_quiet_when_the_resident_declines(v2: Form, rule_id: str) -> None:
    declined = {key: NOT_SAYING for key in CASES[rule_id][0]}
    assert rule_id not in raised(v2, declined)


def test_new_visits_use_version_2_and_version_1_still_loads() -> None:
    registry = FormRegistry.from_folder(paths.forms_dir())
    assert registry.latest("samen-sterker-75plus").version == 2
    assert registry.get("samen-sterker-75plus", 1).version == 1


def test_rules_name_leaflets_and_services_that_exist(v2: Form) -> None:
    leaflets = load_leaflets()
    for rule in v2.spec.signals:
        assert set(rule.leaflets) <= set(leaflets), rule.id
        for tag in rule.services:
            assert service_kind(tag) is not None, (rule.id, tag)


def test_declared_themes_and_built_in_ones(v2: Form) -> None:
    used = {rule.theme for rule in v2.spec.signals}
    declared = set(v2.theme_labels)
    assert {"geheugen", "zintuigen", "stemming", "kwetsbaarheid", "misbruik"} <= declared
    assert used <= declared | {t.value for t in Theme}
    assert v2.theme_labels["zintuigen"] == "Zien en horen"


def test_health_signals_that_need_care_name_the_huisarts(v2: Form) -> None:
    for rule in v2.spec.signals:
        if rule.theme in {"gezondheid", "voeding", "stemming"} and rule.severity in {
            "zorg",
            "direct",
        }:
            assert rule.services[0] == "huisarts", rule.id
    [rule] = [r for r in v2.spec.signals if r.id == "direct_niet_aankunnen"]
    assert rule.services == ("huisarts", "zelfmoordpreventie", "luisterlijn")


def test_moderate_loneliness_is_information_unless_more_contact_is_wanted(v2: Form) -> None:
    result = evaluate(v2, {**BASE, **LONELY_MODERATE})
    [signal] = [s for s in result.signals if s.theme == "eenzaamheid"]
    assert (signal.rule_id, signal.severity) == ("eenzaam_matig", Severity.INFORMATIE)
    wants = evaluate(v2, {**BASE, **LONELY_MODERATE, "meer_ontmoeten": True})
    [signal] = [s for s in wants.signals if s.theme == "eenzaamheid"]
    assert (signal.rule_id, signal.severity) == ("eenzaam_wil_contact", Severity.AANDACHT)


def test_falls_follow_the_world_falls_guidelines(v2: Form) -> None:
    def band(answers: dict[str, Any]) -> str | None:
        return evaluate(v2, {**BASE, **answers}).scores["valrisico"].band

    quiet = {"bang_vallen": False, "moeite_lopen": False}
    assert band({"gevallen": True, "moeite_lopen": True, "bang_vallen": False}) == "verhoogd"
    assert band({"gevallen": True, "val_niet_opstaan": True, **quiet}) == "hoog"
    assert band({"gevallen": True, "val_flauw": True, **quiet}) == "hoog"
    assert band({"gevallen": True, "val_aantal": 2, **quiet}) == "hoog"
    assert band({"gevallen": False, **quiet}) == "laag"


def test_green_food_without_the_arm_measurement_says_so(v2: Form) -> None:
    green = {"afgevallen": "nee", "minder_eetlust": False, "trap_zonder_rust": True}
    without = evaluate(v2, {**BASE, **green, "bovenarm": NOT_ASKED}).scores["voeding"]
    assert (without.band, without.display) == ("groen_zonder_arm", "groen, arm niet gemeten")
    measured = evaluate(v2, {**BASE, **green, "bovenarm": 28.0}).scores["voeding"]
    assert measured.band == "groen"


def test_no_averaged_wellbeing_score(v2: Form) -> None:
    assert "welzijn_gemiddeld" not in {score.id for score in v2.spec.scores}


def test_frailty_counts_signs_from_questions_already_asked(v2: Form) -> None:
    score = evaluate(v2, {**BASE, **FOUR_SIGNS}).scores["kwetsbaarheid"]
    assert (score.value, score.band) == (4, "meerdere")
    three = evaluate(v2, {**BASE, **FOUR_SIGNS, "horen_moeite": False}).scores["kwetsbaarheid"]
    assert (three.value, three.band) == (3, "weinig")


def test_money_misuse_and_danger_make_paper_unsafe(v2: Form) -> None:
    unsafe = {r.id for r in v2.spec.signals if r.paper_unsafe}
    assert unsafe == {"direct_gevaar", "misbruik"}


def test_language_table_of_the_issue(v2: Form) -> None:
    labels = {q.id: q.label for q in v2.all_questions()}
    assert labels["helper_te_zwaar"] == "Wordt het helpen te zwaar voor de mensen die u helpen?"
    assert labels["rondkomen"] == "Kunt u rondkomen van uw inkomen?"
    assert labels["welzijn_zingeving"] == "Heeft u zin in het leven?"
    assert labels["welzijn_mentaal"] == "Hoe voelt u zich de laatste tijd?"
    assert labels["andere_zorg_ja"] == "Maakt u zich nog ergens anders zorgen over?"
    texts = {r.id: r.text for r in v2.spec.signals}
    assert texts["ondervoeding_rood"].startswith("Kans op ondervoeding.")


def test_questions_ask_one_thing_per_sentence_and_say_u(v2: Form) -> None:
    for question in v2.all_questions():
        label = question.label
        assert label.count("?") <= 2, question.id
        for sentence in label.replace("?", "?|").split("|"):
            assert sentence.count("?") <= 1
        words = label.casefold().replace("?", " ").replace(",", " ").split()
        assert "je" not in words and "jij" not in words and "jouw" not in words, question.id


def test_volunteer_questions_are_marked(v2: Form) -> None:
    marked = {
        q.id
        for q in v2.all_questions()
        if isinstance(q, AnswerableQuestion) and q.for_volunteer  # type: ignore[arg-type]
    }
    assert {"bovenarm", "folders", "andere_zorg_ja", "afspraak"} <= marked
    assert "welzijn_mentaal" not in marked
