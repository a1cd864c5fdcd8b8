"""Scores against hand-computed cases, reverse scoring, missing-item rules and bands."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from huisbezoek.domain import NOT_ASKED, NOT_SAYING
from huisbezoek.forms import Form, FormState, evaluate, load_form

# Hypothesis: no example database in the repository, no deadlines (CI machines are slow), and
# a fixed seed so the suite takes the same time on every run.
QUICK = settings(
    database=None,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


ON = {"toestemming_gesprek": True}
EMOTIONAL = ("eenzaam_e1", "eenzaam_e2", "eenzaam_e3")
SOCIAL = ("eenzaam_s1", "eenzaam_s2", "eenzaam_s3")


@pytest.mark.parametrize(
    ("answers", "total", "emotional", "social", "band"),
    [
        # all favourable
        (("nee", "nee", "nee", "ja", "ja", "ja"), 0, 0, 0, "niet"),
        # "min of meer" always counts as unfavourable, on both subscales
        (("min_of_meer",) * 6, 6, 3, 3, "sterk"),
        # social items are reverse-scored: "nee" is the unfavourable answer there
        (("nee", "nee", "nee", "nee", "nee", "nee"), 3, 0, 3, "matig"),
        (("ja", "ja", "ja", "ja", "ja", "ja"), 3, 3, 0, "matig"),
        (("ja", "nee", "nee", "ja", "ja", "ja"), 1, 1, 0, "niet"),
        (("ja", "ja", "nee", "ja", "ja", "ja"), 2, 2, 0, "matig"),
        (("ja", "ja", "ja", "nee", "min_of_meer", "ja"), 5, 3, 2, "sterk"),
        (("ja", "ja", "min_of_meer", "ja", "nee", "min_of_meer"), 5, 3, 2, "sterk"),
        (("nee", "nee", "ja", "ja", "ja", "min_of_meer"), 2, 1, 1, "matig"),
        # one item missing: total still counts the five given; that subscale is missing
        ((None, "ja", "ja", "nee", "nee", "ja"), 4, None, 2, "matig"),
        ((NOT_SAYING, "nee", "nee", "ja", "ja", "ja"), 0, None, 0, "niet"),
        # two items missing: total is missing
        ((None, NOT_ASKED, "ja", "nee", "nee", "nee"), None, None, 3, None),
        ((None, None, None, None, None, None), None, None, None, None),
    ],
)
def test_loneliness_hand_computed(
    default_form: Form,
    answers: tuple[str | None, ...],
    total: int | None,
    emotional: int | None,
    social: int | None,
    band: str | None,
) -> None:
    given = {q: a for q, a in zip(EMOTIONAL + SOCIAL, answers, strict=True) if a is not None}
    scores = evaluate(default_form, {**ON, **given}).scores
    assert scores["eenzaamheid"].value == total
    assert scores["eenzaamheid_emotioneel"].value == emotional
    assert scores["eenzaamheid_sociaal"].value == social
    assert scores["eenzaamheid"].band == band
    assert scores["eenzaamheid_sociaal"].part_of == "eenzaamheid"
    if total is None:
        assert scores["eenzaamheid"].display == "onvolledig"


LONELY_ANSWER = st.sampled_from(["ja", "min_of_meer", "nee", None, NOT_SAYING, NOT_ASKED])


@settings(QUICK, max_examples=200)
@given(st.tuples(*[LONELY_ANSWER] * 6))
def test_loneliness_property(default_form: Form, answers: tuple[str | None, ...]) -> None:
    emotional = [a for a in answers[:3]]
    social = [a for a in answers[3:]]
    real = ("ja", "min_of_meer", "nee")
    missing = sum(1 for a in answers if a not in real)
    e_points = sum(1 for a in emotional if a in ("ja", "min_of_meer"))
    s_points = sum(1 for a in social if a in ("nee", "min_of_meer"))
    expected_total = None if missing > 1 else e_points + s_points
    given = {q: a for q, a in zip(EMOTIONAL + SOCIAL, answers, strict=True) if a is not None}
    scores = FormState(default_form, {**ON, **given}).evaluation.scores
    assert scores["eenzaamheid"].value == expected_total
    assert scores["eenzaamheid"].missing_items == missing
    if expected_total is not None:
        assert 0 <= expected_total <= 6
        expected_band = (
            "niet" if expected_total <= 1 else "matig" if expected_total <= 4 else "sterk"
        )
        assert scores["eenzaamheid"].band == expected_band
    e_missing = any(a not in real for a in emotional)
    s_missing = any(a not in real for a in social)
    assert scores["eenzaamheid_emotioneel"].value == (None if e_missing else e_points)
    assert scores["eenzaamheid_sociaal"].value == (None if s_missing else s_points)
    # A subscale that is present is never larger than the total that is present.
    if expected_total is not None and not e_missing:
        assert e_points <= expected_total


@pytest.mark.parametrize(
    ("answers", "band"),
    [
        ({"afgevallen": "veel"}, "rood"),
        ({"afgevallen": "nee", "bovenarm": 23.5}, "rood"),
        ({"afgevallen": "nee", "minder_eetlust": True, "trap_zonder_rust": False}, "oranje"),
        ({"afgevallen": "beetje", "minder_eetlust": True, "trap_zonder_rust": True}, "groen"),
        ({"afgevallen": "nee", "minder_eetlust": False, "trap_zonder_rust": False}, "groen"),
        ({"afgevallen": "weet_niet", "minder_eetlust": False, "trap_zonder_rust": True}, None),
        ({"afgevallen": "nee", "minder_eetlust": NOT_SAYING, "trap_zonder_rust": True}, None),
        ({"minder_eetlust": True, "trap_zonder_rust": False}, "oranje"),
    ],
)
def test_malnutrition_traffic_light(
    default_form: Form, answers: dict[str, object], band: str | None
) -> None:
    result = evaluate(default_form, {**ON, **answers}).scores["voeding"]
    assert result.band == band
    if band is None:
        assert result.display == "onvolledig"


@pytest.mark.parametrize(
    ("answers", "band"),
    [
        ({"gevallen": False, "bang_vallen": False, "moeite_lopen": False}, "laag"),
        ({"gevallen": False, "bang_vallen": True, "moeite_lopen": False}, "verhoogd"),
        (
            {"gevallen": True, "val_aantal": 1, "val_letsel": False, "moeite_lopen": False},
            "verhoogd",
        ),
        ({"gevallen": True, "val_aantal": 2}, "hoog"),
        ({"gevallen": True, "val_letsel": True}, "hoog"),
        ({"gevallen": False, "bang_vallen": False}, None),
        # an answer to a question that is not relevant does not count
        (
            {"gevallen": False, "val_letsel": True, "bang_vallen": False, "moeite_lopen": False},
            "laag",
        ),
    ],
)
def test_fall_risk(default_form: Form, answers: dict[str, object], band: str | None) -> None:
    assert evaluate(default_form, {**ON, **answers}).scores["valrisico"].band == band


def test_money_checklist_sums_multiple_choice(default_form: Form) -> None:
    answers = {"rondkomen": "net", "post_blijft_liggen": False, "achterstand": ["huur", "water"]}
    result = evaluate(default_form, {**ON, **answers}).scores["geldzorgen"]
    assert (result.value, result.band) == (3, "zorgen")
    answers = {"rondkomen": "net", "achterstand": ["geen"]}
    result = evaluate(default_form, {**ON, **answers}).scores["geldzorgen"]
    assert (result.value, result.band, result.missing_items) == (1, "geen", 1)


def test_wellbeing_average_formula(default_form: Form) -> None:
    ids = [q.id for q in default_form.wellbeing_questions.values()]
    answers = dict(zip(ids, [8, 7, 9, 6, 8, 7], strict=True))
    result = evaluate(default_form, {**ON, **answers}).scores["welzijn_gemiddeld"]
    assert result.value == pytest.approx(7.5)
    assert result.band == "hoog"
    answers[ids[0]] = NOT_SAYING
    assert evaluate(default_form, {**ON, **answers}).scores["welzijn_gemiddeld"].value is None


SCALES = """\
sections:
  - id: s
    title: S
    questions:
      - {id: p, type: scale, label: P, min: 1, max: 5, min_label: weinig, max_label: veel}
      - {id: q, type: scale, label: Q, min: 1, max: 5, min_label: weinig, max_label: veel}
      - {id: r, type: yes_no, label: R}
      - id: k
        type: single_choice
        label: K
        options: [{value: a, label: A}, {value: b, label: B}, {value: c, label: C}]
      - {id: n, type: number, label: N}
scores:
  - id: schaal
    label: Schaal
    kind: sum
    items:
      - {question: p}
      - {question: q, reverse: true}
      - {question: r, option_scores: {ja: 2, nee: 0}}
      - {question: k, option_scores: {a: 0, b: 1, c: 5}, reverse: true}
      - {question: n}
    max_missing: 2
    bands:
      - {id: laag, label: laag, from: -100}
      - {id: hoog, label: hoog, from: 10}
  - id: dubbel
    label: Dubbel
    kind: formula
    formula: schaal * 2
"""


@pytest.mark.parametrize(
    ("answers", "value", "band"),
    [
        ({"p": 1, "q": 1, "r": True, "k": "a", "n": 0}, 1 + 5 + 2 + 5 + 0, "hoog"),
        ({"p": 5, "q": 5, "r": False, "k": "c", "n": -3}, 5 + 1 + 0 + 0 - 3, "laag"),
        ({"p": 2, "q": 4, "k": "b"}, 2 + 2 + 1, "laag"),
        ({"p": 2, "k": "b"}, None, None),
        ({"p": 2, "q": 4, "r": True, "k": "b", "n": 3}, 2 + 2 + 2 + 1 + 3, "hoog"),
        # an invalid answer (not a whole number) counts as missing
        ({"p": 2, "q": 4, "r": True, "k": "b", "n": 2.5}, 2 + 2 + 2 + 1, "laag"),
    ],
)
def test_reverse_scoring_of_scales_and_options(
    write_form: Callable[..., Path],
    answers: dict[str, object],
    value: float | None,
    band: str | None,
) -> None:
    form = load_form(write_form(SCALES))
    scores = evaluate(form, answers).scores
    assert scores["schaal"].value == value
    assert scores["schaal"].band == band
    assert scores["dubbel"].value == (None if value is None else value * 2)


@pytest.fixture(scope="module")
def scales_form() -> Form:
    from huisbezoek.forms import load_form_source

    head = "format: 1\nid: test\nversion: 1\ntitle: Test\n"
    return load_form_source(head + SCALES, "scales.v1.yaml")


@settings(QUICK, max_examples=100)
@given(
    st.fixed_dictionaries(
        {
            "p": st.one_of(st.none(), st.integers(1, 5)),
            "q": st.one_of(st.none(), st.integers(1, 5)),
            "r": st.one_of(st.none(), st.booleans()),
            "k": st.one_of(st.none(), st.sampled_from("abc")),
            "n": st.one_of(st.none(), st.integers(-50, 50)),
        }
    )
)
def test_sum_score_property(scales_form: Form, answers: dict[str, object]) -> None:
    given = {k: v for k, v in answers.items() if v is not None}
    parts = [
        answers["p"],
        None if answers["q"] is None else 6 - answers["q"],  # type: ignore[operator]
        None if answers["r"] is None else (2 if answers["r"] else 0),
        None if answers["k"] is None else {"a": 5, "b": 1, "c": 0}[answers["k"]],  # type: ignore[index]
        answers["n"],
    ]
    missing = sum(1 for part in parts if part is None)
    expected = None if missing > 2 else sum(p for p in parts if p is not None)  # type: ignore[misc]
    result = evaluate(scales_form, given).scores["schaal"]
    assert result.value == expected
    assert result.missing_items == missing
    if expected is not None:
        assert result.band == ("hoog" if expected >= 10 else "laag")
