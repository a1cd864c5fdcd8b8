"""The expression language: parsing, printing, type checking and three-valued evaluation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from huisbezoek.domain import NOT_SAYING
from huisbezoek.forms.expr import (
    BAND_PREFIX,
    SPECIAL_PREFIX,
    Binary,
    Bool,
    Call,
    ExprError,
    ExprType,
    ListLit,
    Node,
    Num,
    Ref,
    Str,
    Symbol,
    Unary,
    check,
    compile_expr,
    parse,
    to_source,
)

# Hypothesis: no example database in the repository, no deadlines (CI machines are slow), and
# a fixed seed so the suite takes the same time on every run.
QUICK = settings(
    database=None,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


CHOICES = frozenset({"a", "b", "c"})
SYMBOLS: dict[str, Symbol] = {
    "n1": Symbol("n1", ExprType.NUMBER, "vraag"),
    "n2": Symbol("n2", ExprType.NUMBER, "vraag"),
    "b1": Symbol("b1", ExprType.BOOL, "vraag"),
    "b2": Symbol("b2", ExprType.BOOL, "vraag"),
    "t1": Symbol("t1", ExprType.TEXT, "vraag", CHOICES),
    "m1": Symbol("m1", ExprType.SET, "vraag", CHOICES),
    "d1": Symbol("d1", ExprType.DATE, "vraag"),
    "s1": Symbol("s1", ExprType.NUMBER, "score", None, frozenset({"laag", "hoog"})),
}


def run(source: str, env: Mapping[str, object]) -> object:
    checked = check(source, SYMBOLS, None)
    return compile_expr(checked.tree, SYMBOLS)(env)


# --- examples -----------------------------------------------------------------------------


def test_precedence_and_printing() -> None:
    tree = parse("not a = 1 and b or c")
    assert tree == Binary(
        "or",
        Binary("and", Unary("not", Binary("=", Ref("a"), Num(1))), Ref("b")),
        Ref("c"),
    )
    assert to_source(tree) == "not a = 1 and b or c"
    assert to_source(parse("(1 + 2) * -(3 - 4)")) == "(1 + 2) * -(3 - 4)"
    assert to_source(parse("1 - (2 - 3)")) == "1 - (2 - 3)"
    assert to_source(parse("(1 - 2) - 3")) == "1 - 2 - 3"
    assert parse("x == 'it\\'s'") == Binary("=", Ref("x"), Str("it's"))
    assert parse("['a', 'b']") == ListLit(("a", "b"))
    assert parse("count(a, not b)") == Call("count", (Ref("a"), Unary("not", Ref("b"))))


@pytest.mark.parametrize(
    ("source", "env", "expected"),
    [
        ("n1 > 3", {}, None),
        ("n1 > 3", {"n1": 4}, True),
        ("not (n1 > 3)", {}, None),
        ("n1 > 3 and b1", {"b1": False}, False),
        ("n1 > 3 or b1", {"b1": True}, True),
        ("n1 > 3 or b1", {"b1": False}, None),
        ("answered(n1)", {}, False),
        ("answered(n1)", {"n1": 0}, True),
        ("declined(n1)", {SPECIAL_PREFIX + "n1": NOT_SAYING}, True),
        ("n1 / n2", {"n1": 1, "n2": 0}, None),
        ("(n1 + n2) / 2", {"n1": 1, "n2": 2}, 1.5),
        ("-n1 * 2", {"n1": 3}, -6),
        ("t1 in ['a', 'b']", {"t1": "b"}, True),
        ("t1 in ['a', 'b']", {"t1": "c"}, False),
        ("m1 contains 'a'", {"m1": frozenset({"a"})}, True),
        ("'b' in m1", {"m1": frozenset({"a"})}, False),
        ("count(m1)", {}, 0),
        ("count(m1)", {"m1": frozenset({"a", "c"})}, 2),
        ("count(b1, b2, n1 > 1)", {"b1": True, "n1": 5}, 2),
        ("min(n1, n2, 7)", {"n1": 3, "n2": 9}, 3),
        ("max(n1, n2)", {"n1": 3}, None),
        ("d1 >= date('2025-01-01')", {"d1": dt.date(2025, 1, 1)}, True),
        ("band(s1) = 'hoog'", {BAND_PREFIX + "s1": "hoog"}, True),
        ("s1 >= 2", {"s1": 2}, True),
        ("true and not false", {}, True),
        ("is_true(n1 > 3)", {}, False),
        ("not is_true(n1 > 3)", {}, True),
        ("is_true(n1 > 3)", {"n1": 4}, True),
        ("1.5e1 = 15", {}, True),
    ],
)
def test_evaluation_examples(source: str, env: Mapping[str, object], expected: object) -> None:
    assert run(source, env) == expected
    assert type(run(source, env)) is type(expected)


@pytest.mark.parametrize(
    "source",
    [
        "",
        "(",
        "n1 >",
        "n1 > 1 < 2",
        "m1 = 'a'",
        "t1 = 'z'",
        "t1 in ['a', 'z']",
        "n1 in m1",
        "t1 contains 'a'",
        "'q' in m1",
        "b1 + 1",
        "not n1",
        "answered(1)",
        "band(n1)",
        "date('2025-13-01')",
        "date(n1)",
        "count()",
        "min(b1)",
        "is_true(n1)",
        "is_true(b1, b2)",
        "foo(n1)",
        "[n1]",
        "d1 > 3",
        "x1",
        "'open",
        "'a\\q'",
        "and",
        "n1 n2",
        "(" * 100 + "1" + ")" * 100,
        "n1 > " + "1 + " * 1900 + "1",
        "n1 > " + "-" * 1900 + "1",
        "not " * 900 + "b1",
    ],
)
def test_rejected_expressions(source: str) -> None:
    with pytest.raises(ExprError) as caught:
        check(source, SYMBOLS, None)
    assert caught.value.message_nl
    assert 0 <= caught.value.pos <= len(source)


def test_yes_no_compared_with_text_gets_a_hint() -> None:
    with pytest.raises(ExprError, match="schrijft u true of false"):
        check("b1 = 'ja'", SYMBOLS, None)


def test_result_type_is_checked() -> None:
    with pytest.raises(ExprError, match="de uitkomst moet"):
        check("n1 + 1", SYMBOLS, ExprType.BOOL)
    assert check("n1 + 1", SYMBOLS, ExprType.NUMBER).refs == {"n1"}


# --- generated expressions ----------------------------------------------------------------

LITERAL_TEXT = st.sampled_from(sorted(CHOICES))
NUMBERS = st.one_of(
    st.integers(min_value=0, max_value=1000),
    st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False),
)


def number_exprs() -> st.SearchStrategy[Node]:
    base = st.one_of(
        NUMBERS.map(Num),
        st.sampled_from(["n1", "n2", "s1"]).map(Ref),
        st.just(Call("count", (Ref("m1"),))),
    )
    return st.recursive(
        base,
        lambda inner: st.one_of(
            inner.map(lambda n: Unary("-", n)),
            st.tuples(st.sampled_from(["+", "-", "*", "/"]), inner, inner).map(
                lambda t: Binary(t[0], t[1], t[2])
            ),
            st.lists(inner, min_size=1, max_size=3).flatmap(
                lambda args: st.sampled_from(["min", "max"]).map(
                    lambda name: Call(name, tuple(args))
                )
            ),
        ),
        max_leaves=8,
    )


def bool_exprs() -> st.SearchStrategy[Node]:
    numbers = number_exprs()
    base = st.one_of(
        st.booleans().map(Bool),
        st.sampled_from(["b1", "b2"]).map(Ref),
        st.tuples(st.sampled_from(["=", "!=", "<", "<=", ">", ">="]), numbers, numbers).map(
            lambda t: Binary(t[0], t[1], t[2])
        ),
        st.tuples(st.sampled_from(["=", "!="]), LITERAL_TEXT).map(
            lambda t: Binary(t[0], Ref("t1"), Str(t[1]))
        ),
        st.lists(LITERAL_TEXT, max_size=3).map(
            lambda xs: Binary("in", Ref("t1"), ListLit(tuple(xs)))
        ),
        LITERAL_TEXT.map(lambda x: Binary("contains", Ref("m1"), Str(x))),
        LITERAL_TEXT.map(lambda x: Binary("in", Str(x), Ref("m1"))),
        st.sampled_from(["n1", "b1", "t1", "m1", "d1", "s1"]).map(
            lambda name: Call("answered", (Ref(name),))
        ),
        st.sampled_from(["n1", "b1"]).map(lambda name: Call("declined", (Ref(name),))),
        st.sampled_from(["laag", "hoog"]).map(
            lambda b: Binary("=", Call("band", (Ref("s1"),)), Str(b))
        ),
        st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 1, 1)).map(
            lambda d: Binary("<", Ref("d1"), Call("date", (Str(d.isoformat()),)))
        ),
    )
    return st.recursive(
        base,
        lambda inner: st.one_of(
            inner.map(lambda n: Unary("not", n)),
            inner.map(lambda n: Call("is_true", (n,))),
            st.tuples(st.sampled_from(["and", "or"]), inner, inner).map(
                lambda t: Binary(t[0], t[1], t[2])
            ),
            st.lists(inner, min_size=1, max_size=3)
            .map(lambda xs: Call("count", tuple(xs)))
            .map(lambda c: Binary(">=", c, Num(1))),
        ),
        max_leaves=10,
    )


def envs() -> st.SearchStrategy[dict[str, object]]:
    maybe = st.none
    return st.fixed_dictionaries(
        {
            "n1": st.one_of(maybe(), st.integers(-5, 20)),
            "n2": st.one_of(maybe(), st.integers(-5, 20), st.just(0)),
            "s1": st.one_of(maybe(), st.integers(0, 6)),
            "b1": st.one_of(maybe(), st.booleans()),
            "b2": st.one_of(maybe(), st.booleans()),
            "t1": st.one_of(maybe(), LITERAL_TEXT),
            "m1": st.one_of(maybe(), st.frozensets(LITERAL_TEXT, min_size=1)),
            "d1": st.one_of(maybe(), st.dates(dt.date(2000, 1, 1), dt.date(2030, 1, 1))),
            SPECIAL_PREFIX + "n1": st.one_of(maybe(), st.just(NOT_SAYING)),
            SPECIAL_PREFIX + "b1": st.one_of(maybe(), st.just(NOT_SAYING)),
            BAND_PREFIX + "s1": st.one_of(maybe(), st.sampled_from(["laag", "hoog"])),
        }
    )


def reference(node: Node, env: Mapping[str, object]) -> object:
    """A plain tree-walking interpreter of the documented semantics, written separately."""
    if isinstance(node, Num | Str | Bool):
        return node.value
    if isinstance(node, ListLit):
        return frozenset(node.items)
    if isinstance(node, Ref):
        return env.get(node.name)
    if isinstance(node, Unary):
        value = reference(node.operand, env)
        if value is None:
            return None
        return (not value) if node.op == "not" else -value  # type: ignore[operator]
    if isinstance(node, Call):
        if node.name == "answered":
            return reference(node.args[0], env) is not None
        if node.name == "declined":
            assert isinstance(node.args[0], Ref)
            return env.get(SPECIAL_PREFIX + node.args[0].name) == NOT_SAYING
        if node.name == "band":
            assert isinstance(node.args[0], Ref)
            return env.get(BAND_PREFIX + node.args[0].name)
        if node.name == "is_true":
            return reference(node.args[0], env) is True
        if node.name == "date":
            assert isinstance(node.args[0], Str)
            return dt.date.fromisoformat(node.args[0].value)
        values = [reference(arg, env) for arg in node.args]
        if node.name == "count":
            if isinstance(node.args[0], Ref) and node.args[0].name == "m1":
                return len(values[0]) if values[0] is not None else 0  # type: ignore[arg-type]
            return sum(1 for v in values if v is True)
        if None in values:
            return None
        return min(values) if node.name == "min" else max(values)  # type: ignore[type-var]
    assert isinstance(node, Binary)
    left = reference(node.left, env)
    right = reference(node.right, env)
    if node.op == "and":
        if left is False or right is False:
            return False
        return None if left is None or right is None else True
    if node.op == "or":
        if left is True or right is True:
            return True
        return None if left is None or right is None else False
    if left is None or right is None:
        return None
    ops = {
        "=": lambda a, b: a == b,
        "!=": lambda a, b: a != b,
        "<": lambda a, b: a < b,
        "<=": lambda a, b: a <= b,
        ">": lambda a, b: a > b,
        ">=": lambda a, b: a >= b,
        "in": lambda a, b: a in b,
        "contains": lambda a, b: b in a,
        "+": lambda a, b: a + b,
        "-": lambda a, b: a - b,
        "*": lambda a, b: a * b,
        "/": lambda a, b: None if b == 0 else a / b,
    }
    return ops[node.op](left, right)


FAST = settings(QUICK, max_examples=150)


@FAST
@given(bool_exprs())
def test_print_parse_round_trip(tree: Node) -> None:
    source = to_source(tree)
    assert parse(source) == tree
    assert to_source(parse(source)) == source


@FAST
@given(number_exprs())
def test_print_parse_round_trip_numbers(tree: Node) -> None:
    assert parse(to_source(tree)) == tree


@FAST
@given(bool_exprs(), envs())
def test_compiled_matches_reference(tree: Node, env: dict[str, object]) -> None:
    checked = check(to_source(tree), SYMBOLS, ExprType.BOOL)
    assert checked.tree == tree
    result = compile_expr(checked.tree, SYMBOLS)(env)
    assert result == reference(tree, env)
    assert result is None or isinstance(result, bool)


@FAST
@given(number_exprs(), envs())
def test_compiled_numbers_match_reference(tree: Node, env: dict[str, object]) -> None:
    checked = check(to_source(tree), SYMBOLS, ExprType.NUMBER)
    assert compile_expr(checked.tree, SYMBOLS)(env) == reference(tree, env)


@settings(QUICK, max_examples=300)
@given(
    st.lists(
        st.sampled_from([*"abn12 ()[]'\",.=<>!+-*/_\\", " and ", " or ", "not ", " in ", "n1"]),
        max_size=30,
    ).map("".join)
)
def test_random_text_parses_or_fails_cleanly(source: str) -> None:
    try:
        check(source, SYMBOLS, None)
    except ExprError as exc:
        assert exc.message_nl
