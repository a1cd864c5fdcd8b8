"""Malformed and random form files give a clean load or a FormDefinitionError, nothing else."""

from __future__ import annotations

import copy
import io
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from huisbezoek import paths
from huisbezoek.forms import FormDefinitionError, load_form_source

# Hypothesis: no example database in the repository, no deadlines (CI machines are slow), and
# a fixed seed so the suite takes the same time on every run.
QUICK = settings(
    database=None,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


DEFAULT_TEXT = (paths.forms_dir() / "samen-sterker-75plus.v1.yaml").read_text(encoding="utf-8")
DEFAULT_LINES = DEFAULT_TEXT.splitlines(keepends=True)
DEFAULT_DATA: Any = YAML(typ="safe").load(DEFAULT_TEXT)


def must_load_or_fail_cleanly(source: str | bytes) -> None:
    try:
        form = load_form_source(source, "fuzz.yaml")
    except FormDefinitionError as exc:
        assert exc.problems
        assert all(p.file == "fuzz.yaml" for p in exc.problems)
        assert exc.message_nl
        assert all(p.line is None or p.line >= 1 for p in exc.problems)
    else:
        assert form.definition_hash


@settings(QUICK, max_examples=40)
@given(st.data())
def test_line_mutations_of_the_default_form(data: st.DataObject) -> None:
    lines = list(DEFAULT_LINES)
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["drop", "dup", "swap", "indent", "dedent", "chars"]))
        if action == "drop":
            del lines[i]
        elif action == "dup":
            lines.insert(i, lines[i])
        elif action == "swap":
            j = data.draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif action == "indent":
            lines[i] = "  " + lines[i]
        elif action == "dedent":
            lines[i] = lines[i][2:]
        else:
            pos = data.draw(st.integers(0, max(0, len(lines[i]) - 1)))
            junk = data.draw(st.text(alphabet="ab:-[]{}'\"#&*!|>%@`\t 0\\", max_size=3))
            lines[i] = lines[i][:pos] + junk + lines[i][pos + 1 :]
        if not lines:
            break
    must_load_or_fail_cleanly("".join(lines))


SMALL = """\
format: 1
id: klein
version: 1
title: Klein
option_sets:
  jn: [{value: ja, label: Ja}, {value: nee, label: Nee}]
sections:
  - id: s
    title: S
    questions:
      - {id: a, type: yes_no, label: A}
      - {id: b, type: single_choice, label: B, option_set: jn, relevant: a}
      - {id: c, type: scale, label: C, min_label: x, max_label: y, wellbeing_domain: lichaam}
      - id: d
        type: number
        label: D
        constraints: [{check: d > 0, message: Positief.}]
      - {id: e, type: multiple_choice, label: E, options: [{value: x, label: X}]}
      - {id: f, type: date, label: F}
      - {id: g, type: long_text, label: G}
scores:
  - id: t
    label: T
    kind: sum
    items: [{question: b}, {question: c, reverse: true}]
    option_scores: {ja: 1, nee: 0}
    max_missing: 1
    bands: [{id: l, label: L, from: 0}, {id: h, label: H, from: 5}]
  - {id: u, label: U, kind: formula, formula: t + d}
  - id: v
    label: V
    kind: classify
    bands: [{id: ok, label: OK}]
    rules: [{when: answered(a), band: ok}]
signals:
  - {id: s1, when: band(t) = 'h', theme: overig, severity: direct, text: T., note_from: g}
"""
SMALL_DATA: Any = YAML(typ="safe").load(SMALL)

WEIRD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 5),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=8),
    st.sampled_from(["a", "t", "u", "v", "info", "scale", "sum", "direct", "(", "a and", "1 +"]),
    st.lists(st.integers(0, 3), max_size=2),
    st.dictionaries(st.sampled_from(["id", "type", "label", "x"]), st.text(max_size=3), max_size=2),
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


def _dump(data: Any) -> str:
    out = io.StringIO()
    YAML(typ="safe", pure=True).dump(data, out)
    return out.getvalue()


def _mutate(data: st.DataObject, tree: Any) -> Any:
    tree = copy.deepcopy(tree)
    for _ in range(data.draw(st.integers(1, 3))):
        where = data.draw(st.sampled_from(_paths(tree)))
        if not where:
            tree = data.draw(WEIRD_VALUES)
            continue
        parent = tree
        try:
            for key in where[:-1]:
                parent = parent[key]
            action = data.draw(st.sampled_from(["replace", "delete", "rename"]))
            if action == "replace":
                parent[where[-1]] = data.draw(WEIRD_VALUES)
            elif action == "delete":
                del parent[where[-1]]
            elif isinstance(parent, dict):
                parent[data.draw(st.text(min_size=1, max_size=6))] = parent.pop(where[-1])
        except (KeyError, IndexError, TypeError):
            pass  # an earlier mutation changed the shape; fine
    return tree


@settings(QUICK, max_examples=250)
@given(st.data())
def test_structural_mutations_of_a_small_form(data: st.DataObject) -> None:
    must_load_or_fail_cleanly(_dump(_mutate(data, SMALL_DATA)))


@settings(QUICK, max_examples=25)
@given(st.data())
def test_structural_mutations_of_the_default_form(data: st.DataObject) -> None:
    must_load_or_fail_cleanly(_dump(_mutate(data, DEFAULT_DATA)))


@settings(QUICK, max_examples=200)
@given(st.binary(max_size=300))
def test_random_bytes(blob: bytes) -> None:
    must_load_or_fail_cleanly(blob)


@settings(QUICK, max_examples=150)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_random_text(text: str) -> None:
    must_load_or_fail_cleanly(text)


def test_small_form_is_valid() -> None:
    form = load_form_source(SMALL, "klein.yaml")
    assert form.id == "klein"


def test_special_cases() -> None:
    cases: list[str | bytes] = [
        "",
        "---\n",
        "[]",
        "- 1\n- 2\n",
        "42",
        "a: &x [*x]\n",  # a recursive alias
        # "billion laughs": aliases that expand to millions of nodes
        "a: &a [1]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c]\n"
        "e: &e [*d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e]\n"
        "g: [*f, *f, *f, *f, *f, *f, *f, *f]\n",
        "x: !!python/object:os.system [ls]\n",
        "a: " + "[" * 800 + "]" * 800 + "\n",
        SMALL.replace("description", "x") + "description: " + "[" * 400 + "]" * 400 + "\n",
        "x: !custom 3\n",
        SMALL.replace("version: 1", "version: 2026-01-01"),
        SMALL.replace("format: 1", "format: 2"),
        SMALL + "\t\n",
        b"\x00" * 10,
        "\ufeff" + SMALL,
        SMALL.replace("from: 0", "from: .nan"),
        SMALL.replace("max_missing: 1", "max_missing: -1"),
        SMALL.replace("formula: t + d", "formula: '" + "(" * 5000 + "'"),
        SMALL.replace("formula: t + d", "formula: '" + "1+" * 3000 + "1'"),
        SMALL.replace("formula: t + d", "formula: '" + "1+" * 1900 + "1'"),
        SMALL.replace("formula: t + d", "formula: '" + "-" * 1900 + "1'"),
        SMALL.replace("formula: t + d", "formula: 'max(" + "1," * 1900 + "1)'"),
    ]
    for case in cases:
        must_load_or_fail_cleanly(case)


def test_file_that_cannot_be_read(tmp_path: Path) -> None:
    from huisbezoek.forms import load_form

    try:
        load_form(tmp_path / "bestaat-niet.yaml")
    except FormDefinitionError as exc:
        assert "bestaat niet" in exc.message_nl  # the bounded reader says why
    else:
        raise AssertionError("expected an error")
