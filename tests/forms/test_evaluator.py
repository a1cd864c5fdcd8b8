"""Answers against a form: every question type, relevance chains, checks, incremental updates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from huisbezoek.domain import NOT_ASKED, NOT_SAYING
from huisbezoek.forms import Evaluation, Form, FormState, evaluate, load_form
from huisbezoek.forms.evaluator import REQUIRED_MESSAGE

# Hypothesis: no example database in the repository, no deadlines (CI machines are slow), and
# a fixed seed so the suite takes the same time on every run.
QUICK = settings(
    database=None,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


ALL_TYPES = """\
sections:
  - id: alles
    title: Alle soorten
    questions:
      - {id: uitleg, type: info, label: Lees dit voor.}
      - {id: jn, type: yes_no, label: Ja of nee?, required: true}
      - id: een
        type: single_choice
        label: Een keuze
        options: [{value: x, label: X}, {value: y, label: Y}]
      - id: meer
        type: multiple_choice
        label: Meer keuzes
        options:
          - {value: x, label: X}
          - {value: y, label: Y}
          - {value: geen, label: Geen, exclusive: true}
      - {id: cijfer, type: scale, label: Cijfer, min: 1, max: 5, min_label: slecht, max_label: goed}
      - {id: getal, type: number, label: Getal, unit: kg, min: 30, max: 250, decimals: 1}
      - {id: heel, type: number, label: Heel getal}
      - {id: dag, type: date, label: Datum, min: 2024-01-01, max: 2030-12-31}
      - {id: kort, type: short_text, label: Kort, max_length: 5}
      - {id: lang, type: long_text, label: Lang}
"""

CHAIN = """\
sections:
  - id: s
    title: S
    questions:
      - {id: a, type: yes_no, label: A}
      - {id: b, type: number, label: B, relevant: a}
      - {id: c, type: yes_no, label: C, relevant: b > 3}
      - {id: d, type: short_text, label: D, relevant: c and answered(b), required: true}
  - id: later
    title: Later
    relevant: d = 'ja'
    questions:
      - id: e
        type: number
        label: E
        constraints:
          - {check: e >= b, message: E moet minstens B zijn.}
          - {check: e < 100, message: E moet onder de honderd.}
scores:
  - id: totaal
    label: Totaal
    kind: formula
    formula: b + e
    bands: [{id: laag, label: laag, from: 0}, {id: hoog, label: hoog, from: 10}]
signals:
  - id: hoog
    when: band(totaal) = 'hoog'
    theme: overig
    severity: zorg
    text: Hoog.
    leaflets: [wmo]
    services: [ouderenadviseur]
"""


@pytest.fixture
def all_types(write_form: Callable[..., Path]) -> Form:
    return load_form(write_form(ALL_TYPES))


@pytest.fixture
def chain(write_form: Callable[..., Path]) -> Form:
    return load_form(write_form(CHAIN))


@pytest.mark.parametrize(
    ("question", "value", "message"),
    [
        ("jn", True, None),
        ("jn", 1, "Kies ja of nee."),
        ("een", "x", None),
        ("een", "z", "Dit antwoord past niet bij deze vraag."),
        ("meer", ["x", "y"], None),
        ("meer", ("geen",), None),
        ("meer", ["geen", "x"], "'Geen' kan niet samen met andere antwoorden."),
        ("meer", ["q"], "Dit antwoord past niet bij deze vraag."),
        ("meer", "x", "Dit antwoord past niet bij deze vraag."),
        ("cijfer", 5, None),
        ("cijfer", 3.0, None),
        ("cijfer", 6, "Kies een cijfer van 1 tot en met 5."),
        ("cijfer", 2.5, "Kies een cijfer van 1 tot en met 5."),
        ("cijfer", True, "Kies een cijfer van 1 tot en met 5."),
        ("getal", 72.5, None),
        ("getal", 72.55, "Gebruik hoogstens 1 cijfers achter de komma."),
        ("getal", 20, "Het getal moet 30 kg of meer zijn."),
        ("getal", 300, "Het getal mag hoogstens 250 kg zijn."),
        ("getal", float("nan"), "Vul een getal in."),
        ("getal", "72", "Vul een getal in."),
        ("heel", 3.5, "Vul een heel getal in."),
        ("heel", -4, None),
        ("dag", dt.date(2025, 5, 1), None),
        ("dag", "2025-05-01", None),
        ("dag", "1-5-2025", "Dit is geen datum."),
        ("dag", dt.date(2023, 12, 31), "De datum mag niet voor 01-01-2024 liggen."),
        ("dag", dt.date(2031, 1, 1), "De datum mag niet na 31-12-2030 liggen."),
        ("kort", "abc", None),
        ("kort", "abcdef", "De tekst is te lang: hoogstens 5 tekens."),
        ("lang", "x" * 3000, None),
        ("lang", 12, "Dit antwoord past niet bij deze vraag."),
    ],
)
def test_each_question_type_checks_its_answer(
    all_types: Form, question: str, value: object, message: str | None
) -> None:
    evaluation = FormState(all_types, {"jn": True, question: value}).evaluation
    assert evaluation.messages_for(question) == ((message,) if message else ())
    assert (question in evaluation.answered) == (message is None)


@pytest.mark.parametrize("special", [NOT_SAYING, NOT_ASKED])
def test_special_answers_count_as_answered_but_have_no_value(all_types: Form, special: str) -> None:
    state = FormState(all_types)
    assert state.evaluation.messages_for("jn") == (REQUIRED_MESSAGE,)
    evaluation = state.set_answer("jn", special)
    assert evaluation.messages_for("jn") == ()
    assert "jn" in evaluation.answered
    for question in ("een", "meer", "cijfer", "getal", "dag", "kort", "lang"):
        assert FormState(all_types, {"jn": True, question: special}).evaluation.complete


def test_info_text_and_empty_answers(all_types: Form) -> None:
    evaluation = FormState(all_types, {"jn": True, "kort": "   ", "meer": []}).evaluation
    assert evaluation.is_relevant("uitleg")
    assert "uitleg" not in evaluation.answered
    assert "kort" not in evaluation.answered
    assert "meer" not in evaluation.answered
    assert evaluation.complete


def test_relevance_chain(chain: Form) -> None:
    state = FormState(chain)
    ev = state.evaluation
    assert ev.relevant == {"a"}
    ev = state.set_answer("a", True)
    assert ev.relevant == {"a", "b"}
    ev = state.set_answer("b", 5)
    assert ev.relevant == {"a", "b", "c"}
    ev = state.set_answer("c", True)
    assert ev.relevant == {"a", "b", "c", "d"}
    assert ev.messages_for("d") == (REQUIRED_MESSAGE,)
    ev = state.set_answer("d", "ja")
    assert ev.relevant == {"a", "b", "c", "d", "e"}
    assert [s.id for s in state.visible_sections()] == ["s", "later"]
    ev = state.set_answer("e", 7)
    assert ev.scores["totaal"].value == 12
    assert [s.rule_id for s in ev.signals] == ["hoog"]
    # Switching the first answer off hides the whole chain; answers are kept, not counted.
    ev = state.set_answer("a", False)
    assert ev.relevant == {"a"}
    assert ev.scores["totaal"].value is None
    assert ev.signals == ()
    assert ev.complete
    assert state.answers["e"] == 7
    # And back on: everything returns.
    ev = state.set_answer("a", True)
    assert ev.scores["totaal"].value == 12
    assert len(ev.signals) == 1


def test_navigation_follows_relevance(chain: Form) -> None:
    state = FormState(chain, {"a": True, "b": 1})
    assert state.next_question() == "a"
    assert state.next_question("a") == "b"
    assert state.next_question("b") is None
    assert state.previous_question("b") == "a"
    assert state.previous_question("a") is None


def test_constraints_have_their_own_messages(chain: Form) -> None:
    answers = {"a": True, "b": 5, "c": True, "d": "ja"}
    assert evaluate(chain, {**answers, "e": 3}).messages_for("e") == ("E moet minstens B zijn.",)
    assert evaluate(chain, {**answers, "e": 150}).messages_for("e") == ("E moet onder de honderd.",)
    assert evaluate(chain, {**answers, "e": 50}).messages_for("e") == ()
    # A constraint re-runs when a question it reads changes.
    state = FormState(chain, {**answers, "e": 6})
    assert state.evaluation.complete
    assert state.set_answer("b", 9).messages_for("e") == ("E moet minstens B zijn.",)


def test_unknown_question_is_a_programming_error(chain: Form) -> None:
    with pytest.raises(KeyError):
        FormState(chain).set_answer("bestaat_niet", 1)
    # Stale answers from elsewhere are ignored when a state is opened.
    assert FormState(chain, {"oud": 1}).answers == {}


# --- incremental equals full ----------------------------------------------------------------


def _same(a: Evaluation, b: Evaluation) -> None:
    assert a.relevant == b.relevant
    assert a.messages == b.messages
    assert a.scores == b.scores
    assert a.signals == b.signals
    assert a.answered == b.answered


DEFAULT_VALUES: dict[str, list[object]] = {}


def _values_for(form: Form) -> dict[str, list[object]]:
    from huisbezoek.forms import (
        DateQuestion,
        LongTextQuestion,
        MultipleChoiceQuestion,
        NumberQuestion,
        ScaleQuestion,
        ShortTextQuestion,
        SingleChoiceQuestion,
        YesNoQuestion,
    )

    values: dict[str, list[object]] = {}
    for q in form.all_questions():
        special: list[object] = [None, NOT_SAYING, NOT_ASKED]
        if isinstance(q, YesNoQuestion):
            values[q.id] = [True, False, *special]
        elif isinstance(q, SingleChoiceQuestion):
            values[q.id] = [o.value for o in q.options or ()] + special
        elif isinstance(q, MultipleChoiceQuestion):
            opts = [o.value for o in q.options or ()]
            values[q.id] = [[opts[0]], opts[:2], opts[-1:], *special]
        elif isinstance(q, ScaleQuestion):
            values[q.id] = [q.min, q.max, (q.min + q.max) // 2, 3, *special]
        elif isinstance(q, NumberQuestion):
            values[q.id] = [0, 1, 2, 5, 24, 60, 120, *special]
        elif isinstance(q, DateQuestion):
            values[q.id] = [dt.date(2025, 3, 4), dt.date(2025, 1, 1), *special]
        elif isinstance(q, ShortTextQuestion | LongTextQuestion):
            values[q.id] = ["ja", "iets", *special]
    return values


@settings(QUICK, max_examples=60)
@given(data=st.data())
def test_incremental_equals_full_on_default_form(default_form: Form, data: st.DataObject) -> None:
    values = _values_for(default_form)
    ids = sorted(values)
    state = FormState(default_form, {"toestemming_gesprek": True})
    for _ in range(data.draw(st.integers(1, 40))):
        question = data.draw(st.sampled_from(ids))
        value = data.draw(st.sampled_from(values[question]))
        incremental = state.set_answer(question, value)
        _same(incremental, evaluate(default_form, state.answers))


def test_set_answers_is_all_or_nothing(chain: Form) -> None:
    state = FormState(chain)
    with pytest.raises(KeyError):
        state.set_answers({"a": True, "bestaat_niet": 1})
    assert state.answers == {}
    evaluation = state.set_answers({"a": True, "b": 5, "c": True})
    assert evaluation.relevant == {"a", "b", "c", "d"}


def test_yaml_scalars_in_expression_fields_are_formulas(write_form: Callable[..., Path]) -> None:
    body = """\
    sections:
      - id: s
        title: S
        questions:
          - {id: a, type: yes_no, label: A, relevant: true}
          - {id: b, type: yes_no, label: B, relevant: false}
    scores:
      - {id: vast, label: Vast, kind: formula, formula: 12}
    """
    evaluation = evaluate(load_form(write_form(body)), {})
    assert evaluation.relevant == {"a"}
    assert evaluation.scores["vast"].value == 12


# --- random forms: the dependency graph keeps incremental and full evaluation equal -------


@st.composite
def random_form_and_changes(draw: st.DrawFn) -> tuple[str, list[tuple[str, object]]]:
    """A small form whose questions depend on each other in a random (acyclic) order that
    differs from the order in the file, with scores and signals on top; plus answer changes."""
    n = draw(st.integers(3, 9))
    kinds = [draw(st.sampled_from(["yes_no", "number", "single_choice"])) for _ in range(n)]
    rank = draw(st.permutations(list(range(n))))  # dependency order, not file order

    def condition(i: int) -> str | None:
        earlier = [j for j in range(n) if rank[j] < rank[i]]
        if not earlier or not draw(st.booleans()):
            return None
        j = draw(st.sampled_from(earlier))
        return {
            "yes_no": f"q{j}",
            "number": f"q{j} > {draw(st.integers(0, 3))}",
            "single_choice": f"q{j} != 'b'",
        }[kinds[j]]

    lines = ["sections:"]
    for s in range(0, n, 3):
        lines += [f"  - id: s{s}", f"    title: S{s}", "    questions:"]
        for i in range(s, min(s + 3, n)):
            extra = ""
            if kinds[i] == "single_choice":
                extra = ", options: [{value: a, label: A}, {value: b, label: B}]"
            cond = condition(i)
            if cond is not None:
                extra += f', relevant: "{cond}"'
            required = ", required: true" if draw(st.booleans()) else ""
            lines.append(f"      - {{id: q{i}, type: {kinds[i]}, label: Q{i}{extra}{required}}}")
    numbers = [f"q{i}" for i in range(n) if kinds[i] == "number"]
    choices = [f"q{i}" for i in range(n) if kinds[i] != "number"]
    lines.append("scores:")
    if choices:
        items = ", ".join(f"{{question: {q}}}" for q in choices)
        lines += [
            "  - id: som",
            "    label: Som",
            "    kind: sum",
            "    option_scores: {a: 1, b: 0, ja: 1, nee: 0}",
            f"    items: [{items}]",
            f"    max_missing: {draw(st.integers(0, 2))}",
            "    bands: [{id: laag, label: L, from: 0}, {id: hoog, label: H, from: 2}]",
        ]
    formula = " + ".join(numbers) if numbers else "1"
    lines += [f"  - {{id: reken, label: R, kind: formula, formula: '{formula}'}}"]
    lines += [
        "signals:",
        "  - {id: sig1, when: 'reken > 4', theme: overig, severity: zorg, text: T}",
    ]
    if choices:
        lines.append(
            "  - {id: sig2, when: \"band(som) = 'hoog'\", theme: overig, severity: direct, text: T}"
        )
    values: dict[str, list[object]] = {
        "yes_no": [True, False, None, NOT_SAYING],
        "number": [0, 2, 5, None, "x", NOT_ASKED],
        "single_choice": ["a", "b", None, "c"],
    }
    changes = draw(
        st.lists(
            st.integers(0, n - 1).flatmap(
                lambda i: st.sampled_from(values[kinds[i]]).map(lambda v: (f"q{i}", v))
            ),
            min_size=1,
            max_size=25,
        )
    )
    return "\n".join(lines) + "\n", changes


@settings(QUICK, max_examples=60)
@given(random_form_and_changes())
def test_incremental_equals_full_on_random_forms(
    case: tuple[str, list[tuple[str, object]]],
) -> None:
    from huisbezoek.forms import load_form_source

    body, changes = case
    form = load_form_source("format: 1\nid: r\nversion: 1\ntitle: R\n" + body, "r.yaml")
    state = FormState(form)
    for question_id, value in changes:
        _same(state.set_answer(question_id, value), evaluate(form, state.answers))
