"""The small, safe expression language of form files: parser, type checker, printer, compiler.

Expressions decide skip logic (``relevant``), answer checks (``check``), formula and
classification scores, and signal rules. They are parsed by a hand-written Pratt parser (no
third-party grammar engine, no ``eval``), type-checked against the form's questions and scores
at load time, and compiled once into nested Python closures so that evaluation is a handful of
function calls.

Logic is three-valued (Kleene): a missing answer ("no value", "wil ik niet zeggen", "niet
gevraagd", or a question that is not relevant) makes comparisons *unknown* (``None``), and
``and``/``or``/``not`` handle unknown the way a person would: ``unknown and false`` is false,
``unknown or true`` is true, ``not unknown`` stays unknown. A rule only fires when its condition
is really true, so ``not (x > 3)`` does not fire for an unanswered ``x``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Final

from huisbezoek.domain import NOT_SAYING

# --- values -------------------------------------------------------------------------------

#: What an expression can produce at run time. ``None`` means unknown / missing.
Value = bool | int | float | str | dt.date | frozenset[str] | None
Env = Mapping[str, object]
Compiled = Callable[[Env], Value]


class ExprType(Enum):
    """Static types of the language; ``SET`` is a set of texts (a multiple-choice answer)."""

    BOOL = "ja/nee"
    NUMBER = "getal"
    TEXT = "tekst"
    DATE = "datum"
    SET = "lijst van keuzes"


#: Keys in the evaluation environment besides the plain ids (kept here so the evaluator and the
#: compiled closures agree). ``SPECIAL_PREFIX + id`` holds NOT_SAYING / NOT_ASKED for a question;
#: ``BAND_PREFIX + id`` holds a score's band id.
SPECIAL_PREFIX: Final = "?"
BAND_PREFIX: Final = "#"

KEYWORDS: Final = frozenset({"and", "or", "not", "in", "contains", "true", "false"})
FUNCTIONS: Final = frozenset(
    {"answered", "declined", "is_true", "count", "band", "min", "max", "date"}
)
RESERVED_WORDS: Final = KEYWORDS | FUNCTIONS

MAX_DEPTH: Final = 60
MAX_LENGTH: Final = 4000


class ExprError(Exception):
    """A problem in one expression; ``message_nl`` is Dutch, ``pos`` a 0-based offset."""

    def __init__(self, message_nl: str, pos: int = 0) -> None:
        super().__init__(message_nl)
        self.message_nl = message_nl
        self.pos = pos


# --- syntax tree --------------------------------------------------------------------------


@dataclass(frozen=True)
class Num:
    value: int | float
    pos: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Str:
    value: str
    pos: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Bool:
    value: bool
    pos: int = field(default=0, compare=False)


@dataclass(frozen=True)
class ListLit:
    items: tuple[str, ...]
    pos: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Ref:
    name: str
    pos: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Call:
    name: str
    args: tuple[Node, ...]
    pos: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Unary:
    op: str  # "not" or "-"
    operand: Node
    pos: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Binary:
    op: str
    left: Node
    right: Node
    pos: int = field(default=0, compare=False)


Node = Num | Str | Bool | ListLit | Ref | Call | Unary | Binary

# Binding powers: higher binds tighter. Comparisons do not chain.
_BINARY_POWER: Final = {
    "or": 10,
    "and": 20,
    "=": 40,
    "!=": 40,
    "<": 40,
    "<=": 40,
    ">": 40,
    ">=": 40,
    "in": 40,
    "contains": 40,
    "+": 50,
    "-": 50,
    "*": 60,
    "/": 60,
}
_NOT_POWER: Final = 30
_NEG_POWER: Final = 70
_COMPARISONS: Final = frozenset({"=", "!=", "<", "<=", ">", ">=", "in", "contains"})


# --- lexer --------------------------------------------------------------------------------

_TOKEN_RE: Final = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<num>\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)
  | (?P<str>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<op>==|!=|<=|>=|[=<>+\-*/(),\[\]])
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class _Token:
    kind: str  # num, str, name, op, end
    text: str
    pos: int


def _tokenize(source: str) -> list[_Token]:
    if len(source) > MAX_LENGTH:
        raise ExprError(f"de formule is te lang (meer dan {MAX_LENGTH} tekens)", 0)
    tokens: list[_Token] = []
    pos = 0
    while pos < len(source):
        match = _TOKEN_RE.match(source, pos)
        if match is None:
            raise ExprError(f"onbekend teken '{source[pos]}'", pos)
        kind = match.lastgroup or ""
        text = match.group()
        if kind == "op" and text == "==":
            text = "="
        if kind != "ws":
            tokens.append(_Token(kind, text, pos))
        pos = match.end()
    tokens.append(_Token("end", "", len(source)))
    return tokens


def _unquote(text: str, pos: int) -> str:
    body = text[1:-1]
    out: list[str] = []
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            nxt = body[i + 1]
            if nxt not in "\\'\"":
                raise ExprError(f"onbekende escape '\\{nxt}' in tekst", pos + i + 1)
            out.append(nxt)
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


# --- parser -------------------------------------------------------------------------------


class _Parser:
    def __init__(self, source: str) -> None:
        self.tokens = _tokenize(source)
        self.index = 0
        self.depth = 0

    def peek(self) -> _Token:
        return self.tokens[self.index]

    def advance(self) -> _Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def expect(self, text: str) -> _Token:
        token = self.advance()
        if token.kind != "op" or token.text != text:
            raise ExprError(f"hier verwacht ik '{text}', niet {_describe(token)}", token.pos)
        return token

    def parse(self) -> Node:
        node = self.expression(0)
        token = self.peek()
        if token.kind != "end":
            raise ExprError(f"onverwacht {_describe(token)}; mist er 'and' of 'or'?", token.pos)
        return node

    def expression(self, min_power: int) -> Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExprError("de formule is te diep genest", self.peek().pos)
        left = self.prefix()
        while True:
            token = self.peek()
            op = _binary_op(token)
            if op is None:
                break
            power = _BINARY_POWER[op]
            if power <= min_power:
                break
            self.advance()
            # Comparisons do not chain: parse the right side above comparison level.
            right = self.expression(power)
            left = Binary(op, left, right, token.pos)
            if op in _COMPARISONS and _binary_op(self.peek()) in _COMPARISONS:
                raise ExprError(
                    "twee vergelijkingen achter elkaar; zet 'and' ertussen", self.peek().pos
                )
        self.depth -= 1
        return left

    def prefix(self) -> Node:
        token = self.advance()
        if token.kind == "num":
            return Num(_number(token.text), token.pos)
        if token.kind == "str":
            return Str(_unquote(token.text, token.pos), token.pos)
        if token.kind == "name":
            word = token.text
            if word == "true":
                return Bool(True, token.pos)
            if word == "false":
                return Bool(False, token.pos)
            if word == "not":
                return Unary("not", self.expression(_NOT_POWER), token.pos)
            if word in KEYWORDS:
                raise ExprError(f"'{word}' staat op een verkeerde plek", token.pos)
            if self.peek().kind == "op" and self.peek().text == "(":
                return self.call(token)
            return Ref(word, token.pos)
        if token.kind == "op":
            if token.text == "(":
                inner = self.expression(0)
                self.expect(")")
                return inner
            if token.text == "-":
                operand = self.expression(_NEG_POWER)
                return Unary("-", operand, token.pos)
            if token.text == "[":
                return self.list_literal(token)
        if token.kind == "end":
            raise ExprError("de formule houdt te vroeg op", token.pos)
        raise ExprError(f"onverwacht {_describe(token)}", token.pos)

    def call(self, name_token: _Token) -> Node:
        self.expect("(")
        args: list[Node] = []
        if not (self.peek().kind == "op" and self.peek().text == ")"):
            while True:
                args.append(self.expression(0))
                if self.peek().kind == "op" and self.peek().text == ",":
                    self.advance()
                    continue
                break
        self.expect(")")
        return Call(name_token.text, tuple(args), name_token.pos)

    def list_literal(self, open_token: _Token) -> Node:
        items: list[str] = []
        if not (self.peek().kind == "op" and self.peek().text == "]"):
            while True:
                token = self.advance()
                if token.kind != "str":
                    raise ExprError(
                        f"in een lijst staan alleen teksten tussen aanhalingstekens, "
                        f"niet {_describe(token)}",
                        token.pos,
                    )
                items.append(_unquote(token.text, token.pos))
                if self.peek().kind == "op" and self.peek().text == ",":
                    self.advance()
                    continue
                break
        self.expect("]")
        return ListLit(tuple(items), open_token.pos)


def _binary_op(token: _Token) -> str | None:
    if token.kind == "op" and token.text in _BINARY_POWER:
        return token.text
    if token.kind == "name" and token.text in ("and", "or", "in", "contains"):
        return token.text
    return None


def _number(text: str) -> int | float:
    if re.fullmatch(r"\d+", text):
        return int(text)
    return float(text)


def _describe(token: _Token) -> str:
    if token.kind == "end":
        return "het einde van de formule"
    return f"'{token.text}'"


def parse(source: str) -> Node:
    """Parse one expression; raises :class:`ExprError` with a Dutch message."""
    tree = _Parser(source).parse()
    # Long chains such as 1+1+1+... build deep trees without nested brackets; the checker,
    # printer and compiler recurse, so the depth is capped here, counted without recursion.
    stack: list[tuple[Node, int]] = [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ExprError("de formule is te lang of te diep genest; splits haar op", node.pos)
        stack.extend((child, depth + 1) for child in _children(node))
    return tree


def _children(node: Node) -> tuple[Node, ...]:
    if isinstance(node, Binary):
        return (node.left, node.right)
    if isinstance(node, Unary):
        return (node.operand,)
    if isinstance(node, Call):
        return node.args
    return ()


# --- printer ------------------------------------------------------------------------------


def _quote(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _power(node: Node) -> int:
    if isinstance(node, Binary):
        return _BINARY_POWER[node.op]
    if isinstance(node, Unary):
        return _NOT_POWER if node.op == "not" else _NEG_POWER
    return 100


def to_source(node: Node) -> str:
    """Print an expression so that ``parse(to_source(n)) == n``, with as few brackets as needed."""
    if isinstance(node, Num):
        text = repr(node.value)
        return text
    if isinstance(node, Str):
        return _quote(node.value)
    if isinstance(node, Bool):
        return "true" if node.value else "false"
    if isinstance(node, ListLit):
        return "[" + ", ".join(_quote(item) for item in node.items) + "]"
    if isinstance(node, Ref):
        return node.name
    if isinstance(node, Call):
        return node.name + "(" + ", ".join(to_source(arg) for arg in node.args) + ")"
    if isinstance(node, Unary):
        inner = to_source(node.operand)
        # A negative literal or another minus needs brackets so "- -3" does not read as "--3".
        if _power(node.operand) < _power(node) or (
            node.op == "-" and (isinstance(node.operand, Unary) or _is_negative(node.operand))
        ):
            inner = f"({inner})"
        return f"not {inner}" if node.op == "not" else f"-{inner}"
    power = _BINARY_POWER[node.op]
    left = to_source(node.left)
    right = to_source(node.right)
    left_power = _power(node.left)
    right_power = _power(node.right)
    comparison = node.op in _COMPARISONS
    if left_power < power or (comparison and left_power == power):
        left = f"({left})"
    if right_power <= power:
        right = f"({right})"
    return f"{left} {node.op} {right}"


def _is_negative(node: Node) -> bool:
    return isinstance(node, Num) and node.value < 0


# --- symbols and type checking ------------------------------------------------------------


@dataclass(frozen=True)
class Symbol:
    """Something an expression may name: an answerable question or a score."""

    name: str
    type: ExprType
    kind: str  # "vraag" or "score"
    #: For choice questions (and classification scores): the allowed text values.
    allowed: frozenset[str] | None = None
    #: For scores: the ids of its bands (for ``band(x)``).
    bands: frozenset[str] | None = None
    #: Ids that are known but may not be used in expressions (information texts).
    usable: bool = True


@dataclass(frozen=True)
class Checked:
    """A parsed, type-checked expression with the ids it reads."""

    source: str
    tree: Node
    type: ExprType
    refs: frozenset[str]


def check(source: str, symbols: Mapping[str, Symbol], expect: ExprType | None) -> Checked:
    """Parse and type-check ``source``; raise :class:`ExprError` on the first problem."""
    tree = parse(source)
    refs: set[str] = set()
    result = _Checker(symbols, refs).type_of(tree)
    if expect is not None and result is not expect:
        raise ExprError(
            f"de uitkomst moet {_article(expect)} zijn, maar is {_article(result)}", tree.pos
        )
    return Checked(source, tree, result, frozenset(refs))


def _article(kind: ExprType) -> str:
    return {
        ExprType.BOOL: "waar/onwaar (ja/nee)",
        ExprType.NUMBER: "een getal",
        ExprType.TEXT: "een tekst",
        ExprType.DATE: "een datum",
        ExprType.SET: "een lijst van keuzes",
    }[kind]


class _Checker:
    def __init__(self, symbols: Mapping[str, Symbol], refs: set[str]) -> None:
        self.symbols = symbols
        self.refs = refs

    def symbol(self, node: Ref) -> Symbol:
        sym = self.symbols.get(node.name)
        if sym is None:
            hint = difflib.get_close_matches(node.name, list(self.symbols), n=1)
            extra = f" Bedoelt u '{hint[0]}'?" if hint else ""
            raise ExprError(f"verwijst naar onbekende vraag '{node.name}'.{extra}", node.pos)
        if not sym.usable:
            raise ExprError(
                f"'{node.name}' is een informatietekst zonder antwoord; "
                "die kan niet in een formule staan",
                node.pos,
            )
        self.refs.add(node.name)
        return sym

    def type_of(self, node: Node) -> ExprType:
        if isinstance(node, Num):
            return ExprType.NUMBER
        if isinstance(node, Str):
            return ExprType.TEXT
        if isinstance(node, Bool):
            return ExprType.BOOL
        if isinstance(node, ListLit):
            return ExprType.SET
        if isinstance(node, Ref):
            return self.symbol(node).type
        if isinstance(node, Call):
            return self.call(node)
        if isinstance(node, Unary):
            inner = self.type_of(node.operand)
            if node.op == "not":
                self.need(inner, ExprType.BOOL, "'not'", node.pos)
                return ExprType.BOOL
            self.need(inner, ExprType.NUMBER, "een minteken", node.pos)
            return ExprType.NUMBER
        return self.binary(node)

    def need(self, got: ExprType, want: ExprType, what: str, pos: int) -> None:
        if got is not want:
            raise ExprError(f"{what} werkt met {_article(want)}, niet met {_article(got)}", pos)

    def binary(self, node: Binary) -> ExprType:
        left = self.type_of(node.left)
        right = self.type_of(node.right)
        op = node.op
        if op in ("and", "or"):
            self.need(left, ExprType.BOOL, f"'{op}'", node.pos)
            self.need(right, ExprType.BOOL, f"'{op}'", node.pos)
            return ExprType.BOOL
        if op in ("+", "-", "*", "/"):
            self.need(left, ExprType.NUMBER, f"'{op}'", node.pos)
            self.need(right, ExprType.NUMBER, f"'{op}'", node.pos)
            return ExprType.NUMBER
        if op in ("=", "!="):
            if left is ExprType.SET or right is ExprType.SET:
                raise ExprError(
                    f"een vraag met meer antwoorden vergelijkt u met 'contains', niet met '{op}'",
                    node.pos,
                )
            if left is not right:
                hint = ""
                if {left, right} == {ExprType.BOOL, ExprType.TEXT}:
                    hint = (
                        ". Bij een ja/nee-vraag schrijft u true of false, zonder aanhalingstekens"
                    )
                raise ExprError(
                    f"kan {_article(left)} niet vergelijken met {_article(right)}{hint}", node.pos
                )
            self.literal_allowed(node.left, node.right)
            self.literal_allowed(node.right, node.left)
            return ExprType.BOOL
        if op in ("<", "<=", ">", ">="):
            if left is not right or left not in (ExprType.NUMBER, ExprType.DATE):
                raise ExprError(
                    f"'{op}' werkt met twee getallen of twee datums, "
                    f"niet met {_article(left)} en {_article(right)}",
                    node.pos,
                )
            return ExprType.BOOL
        # "in" and "contains": one side a text, the other a set of texts.
        text_side, set_side = (node.left, node.right) if op == "in" else (node.right, node.left)
        text_type, set_type = (left, right) if op == "in" else (right, left)
        if set_type is not ExprType.SET:
            raise ExprError(
                f"'{op}' werkt alleen met een vraag met meer antwoorden of een lijst "
                f"['a', 'b'], niet met {_article(set_type)}",
                node.pos,
            )
        if text_type is not ExprType.TEXT:
            raise ExprError(
                f"'{op}' zoekt een tekst in een lijst, niet {_article(text_type)}", node.pos
            )
        self.literal_allowed(text_side, set_side)
        self.literal_allowed(set_side, text_side)
        return ExprType.BOOL

    def literal_allowed(self, ref_side: Node, literal_side: Node) -> None:
        """A choice question compared with a literal: the literal must be one of its options."""
        allowed: frozenset[str] | None = None
        name = ""
        if isinstance(ref_side, Ref):
            sym = self.symbols[ref_side.name]
            allowed, name = sym.allowed, ref_side.name
        elif isinstance(ref_side, Call) and ref_side.name == "band" and ref_side.args:
            arg = ref_side.args[0]
            if isinstance(arg, Ref):
                allowed, name = self.symbols[arg.name].bands, f"band({arg.name})"
        if allowed is None:
            return
        values: tuple[str, ...] = ()
        if isinstance(literal_side, Str):
            values = (literal_side.value,)
        elif isinstance(literal_side, ListLit):
            values = literal_side.items
        for value in values:
            if value not in allowed:
                choices = ", ".join(f"'{v}'" for v in sorted(allowed))
                raise ExprError(
                    f"'{name}' kent de waarde '{value}' niet. Kies uit: {choices}",
                    literal_side.pos,
                )

    def call(self, node: Call) -> ExprType:
        name, args = node.name, node.args
        if name not in FUNCTIONS:
            hint = difflib.get_close_matches(name, sorted(FUNCTIONS), n=1)
            extra = f" Bedoelt u '{hint[0]}'?" if hint else ""
            raise ExprError(f"onbekende functie '{name}'.{extra}", node.pos)
        if name in ("answered", "declined", "band"):
            if len(args) != 1 or not isinstance(args[0], Ref):
                raise ExprError(f"{name}(...) neemt precies één vraag of score", node.pos)
            sym = self.symbol(args[0])
            if name == "declined" and sym.kind != "vraag":
                raise ExprError("declined(...) werkt alleen met een vraag", node.pos)
            if name == "band":
                if sym.bands is None:
                    raise ExprError(
                        f"band(...) werkt alleen met een score met banden; "
                        f"'{sym.name}' heeft geen banden",
                        node.pos,
                    )
                return ExprType.TEXT
            return ExprType.BOOL
        if name == "date":
            if len(args) != 1 or not isinstance(args[0], Str):
                raise ExprError(
                    "date(...) neemt één datum als tekst, bijv. date('2025-01-31')", node.pos
                )
            try:
                dt.date.fromisoformat(args[0].value)
            except ValueError:
                raise ExprError(
                    f"'{args[0].value}' is geen datum; schrijf jjjj-mm-dd", args[0].pos
                ) from None
            return ExprType.DATE
        if name == "is_true":
            if len(args) != 1:
                raise ExprError("is_true(...) neemt precies één voorwaarde", node.pos)
            self.need(self.type_of(args[0]), ExprType.BOOL, "is_true(...)", node.pos)
            return ExprType.BOOL
        if not args:
            raise ExprError(f"{name}(...) heeft minstens één waarde nodig", node.pos)
        types = [self.type_of(arg) for arg in args]
        if name == "count":
            if len(args) == 1 and types[0] is ExprType.SET:
                return ExprType.NUMBER
            for arg, kind in zip(args, types, strict=True):
                self.need(kind, ExprType.BOOL, "count(...)", arg.pos)
            return ExprType.NUMBER
        for arg, kind in zip(args, types, strict=True):  # min, max
            self.need(kind, ExprType.NUMBER, f"{name}(...)", arg.pos)
        return ExprType.NUMBER


# --- compiler -----------------------------------------------------------------------------


def compile_expr(tree: Node, symbols: Mapping[str, Symbol]) -> Compiled:
    """Turn a checked tree into a closure ``env -> value``; call only on checked trees."""
    if isinstance(tree, Num | Str | Bool):
        constant: Value = tree.value
        return lambda env: constant
    if isinstance(tree, ListLit):
        items = frozenset(tree.items)
        return lambda env: items
    if isinstance(tree, Ref):
        name = tree.name

        def ref(env: Env) -> Value:
            return env.get(name)  # type: ignore[return-value]

        return ref
    if isinstance(tree, Call):
        return _compile_call(tree, symbols)
    if isinstance(tree, Unary):
        operand = compile_expr(tree.operand, symbols)
        if tree.op == "not":

            def not_(env: Env) -> Value:
                value = operand(env)
                return None if value is None else not value

            return not_

        def neg(env: Env) -> Value:
            value = operand(env)
            return None if value is None else -value  # type: ignore[operator]

        return neg
    return _compile_binary(tree, symbols)


def _compile_binary(tree: Binary, symbols: Mapping[str, Symbol]) -> Compiled:
    left = compile_expr(tree.left, symbols)
    right = compile_expr(tree.right, symbols)
    op = tree.op
    if op == "and":

        def and_(env: Env) -> Value:
            a = left(env)
            if a is False:
                return False
            b = right(env)
            if b is False:
                return False
            if a is None or b is None:
                return None
            return True

        return and_
    if op == "or":

        def or_(env: Env) -> Value:
            a = left(env)
            if a is True:
                return True
            b = right(env)
            if b is True:
                return True
            if a is None or b is None:
                return None
            return False

        return or_
    if op == "contains":
        left, right = right, left
        op = "in"
    func = _OPERATORS[op]

    def binary(env: Env) -> Value:
        a = left(env)
        if a is None:
            return None
        b = right(env)
        if b is None:
            return None
        return func(a, b)

    return binary


def _divide(a: Any, b: Any) -> Value:
    if b == 0:
        return None  # dividing by zero gives "unknown", not a crash
    result: Value = a / b
    return result


# Operands are Any: the type checker of the language (above) has already made sure they fit.
_OPERATORS: Final[dict[str, Callable[[Any, Any], Value]]] = {
    "=": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
    "in": lambda a, b: a in b,
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": _divide,
}


def _compile_call(tree: Call, symbols: Mapping[str, Symbol]) -> Compiled:
    name = tree.name
    if name in ("answered", "declined", "band"):
        target = tree.args[0]
        assert isinstance(target, Ref)
        key = target.name
        if name == "answered":
            return lambda env: env.get(key) is not None
        if name == "band":
            band_key = BAND_PREFIX + key
            return lambda env: env.get(band_key)  # type: ignore[return-value]
        special_key = SPECIAL_PREFIX + key
        return lambda env: env.get(special_key) == NOT_SAYING
    if name == "date":
        arg = tree.args[0]
        assert isinstance(arg, Str)
        day = dt.date.fromisoformat(arg.value)
        return lambda env: day
    args = tuple(compile_expr(arg, symbols) for arg in tree.args)
    if name == "is_true":
        condition = args[0]
        # Unknown becomes false, so "not is_true(x)" is true when x is unknown.
        return lambda env: condition(env) is True
    if name == "count":
        if len(args) == 1 and _is_set(tree.args[0], symbols):
            only = args[0]

            def count_set(env: Env) -> Value:
                value = only(env)
                # Nothing chosen (or not answered) counts as zero chosen.
                return 0 if value is None else len(value)  # type: ignore[arg-type]

            return count_set

        def count(env: Env) -> Value:
            return sum(1 for arg in args if arg(env) is True)

        return count
    pick = min if name == "min" else max

    def extreme(env: Env) -> Value:
        values = [arg(env) for arg in args]
        if any(value is None for value in values):
            return None
        return pick(values)  # type: ignore[type-var]

    return extreme


def _is_set(node: Node, symbols: Mapping[str, Symbol]) -> bool:
    """Only lists and multiple-choice questions have the set type (no function returns one)."""
    if isinstance(node, ListLit):
        return True
    return isinstance(node, Ref) and symbols[node.name].type is ExprType.SET
