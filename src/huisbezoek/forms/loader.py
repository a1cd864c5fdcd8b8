"""Read a form file, check it completely, and compile it into a :class:`~.form.Form`.

Three passes, each collecting every problem it finds before giving up, so a coordinator sees
all mistakes at once: YAML syntax (ruamel.yaml, which also tells us the line of every node),
the shape of the file (the pydantic models in :mod:`.model`), and the meaning (ids that exist,
expression types, option scores, bands, dependency cycles).
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError

from huisbezoek.domain import Severity, Theme
from huisbezoek.forms.errors import FormDefinitionError, FormProblem
from huisbezoek.forms.expr import (
    RESERVED_WORDS,
    Checked,
    Compiled,
    Env,
    ExprError,
    ExprType,
    Symbol,
    Value,
    check,
    compile_expr,
)
from huisbezoek.forms.form import (
    Form,
    Plan,
    QuestionNode,
    RaisedSignal,
    ScoreNode,
    SignalNode,
    make_normaliser,
)
from huisbezoek.forms.model import (
    QUESTION_TYPES,
    ClassifyScore,
    DateQuestion,
    FormSpec,
    FormulaScore,
    InfoQuestion,
    LongTextQuestion,
    MultipleChoiceQuestion,
    NumberQuestion,
    Option,
    Question,
    ScaleQuestion,
    Score,
    ScoreItem,
    Section,
    ShortTextQuestion,
    SingleChoiceQuestion,
    SumScore,
    YesNoQuestion,
)
from huisbezoek.safe_read import FileRefusedError, check_yaml, read_bounded

MAX_FILE_BYTES = 2_000_000
MAX_NODES = 200_000

Path_ = tuple[str | int, ...]


# --- public -------------------------------------------------------------------------------


def canonical_source(source: str | bytes) -> str:
    """The text a hash is taken over: UTF-8, no byte-order mark, ``\\n`` line ends."""
    if isinstance(source, bytes):
        source = source.decode("utf-8")
    source = source.removeprefix("\ufeff")
    return source.replace("\r\n", "\n").replace("\r", "\n")


def definition_hash(source: str | bytes) -> str:
    """sha256 (hex) of the canonical source bytes; what a visit pins next to id and version."""
    return hashlib.sha256(canonical_source(source).encode("utf-8")).hexdigest()


def load_form(path: Path) -> Form:
    """Load and check one form file; raises :class:`FormDefinitionError` on any problem."""
    try:
        data = read_bounded(path, MAX_FILE_BYTES)
    except FileRefusedError as exc:
        # A folder, a device, a FIFO or an oversized (even sparse) file: refused before reading.
        raise FormDefinitionError(
            [FormProblem(exc.file_name or path.name, None, "", f"{exc.reason_nl}.", "io")]
        ) from None
    return load_form_source(data, path.name)


def load_form_source(source: str | bytes, file_name: str) -> Form:
    """Load and check a form from its text (for example the copy the vault kept of a visit)."""
    if isinstance(source, bytes):
        if len(source) > MAX_FILE_BYTES:
            raise FormDefinitionError(
                [FormProblem(file_name, None, "", "het bestand is te groot.", "too_big")]
            )
        try:
            text = canonical_source(source)
        except UnicodeDecodeError:
            raise FormDefinitionError(
                [FormProblem(file_name, None, "", "dit is geen tekstbestand (UTF-8).", "encoding")]
            ) from None
    else:
        text = canonical_source(source)
    tree = _read_yaml(text, file_name)
    loader = _Loader(file_name, tree)
    plain = loader.to_plain(tree)
    loader.plain = plain
    try:
        spec = FormSpec.model_validate(plain)
    except ValidationError as exc:
        raise FormDefinitionError(loader.translate(exc, plain)) from None
    spec, plan = loader.build(spec)
    return Form(
        spec=spec,
        file_name=file_name,
        source_text=text,
        definition_hash=definition_hash(text),
        plan=plan,
    )


# --- YAML ---------------------------------------------------------------------------------


def _read_yaml(text: str, file_name: str) -> CommentedMap:
    yaml = YAML(typ="rt")
    try:
        check_yaml(text, name=file_name)
    except FileRefusedError as exc:
        raise FormDefinitionError(
            [FormProblem(file_name, None, "", f"{exc.reason_nl}.", "yaml")]
        ) from None
    try:
        tree = yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = _yaml_problem(exc)
        raise FormDefinitionError([FormProblem(file_name, line, "", what, "yaml")]) from None
    except Exception:  # any parser failure means a malformed file, nothing else
        raise FormDefinitionError(
            [FormProblem(file_name, None, "", "dit is geen leesbaar YAML-bestand.", "yaml")]
        ) from None
    if not isinstance(tree, CommentedMap):
        raise FormDefinitionError(
            [
                FormProblem(
                    file_name,
                    1,
                    "",
                    "het bestand moet beginnen met velden zoals 'id:' en 'version:'.",
                    "not_mapping",
                )
            ]
        )
    return tree


def _yaml_problem(exc: MarkedYAMLError) -> str:
    problem = (exc.problem or "").lower()
    if "duplicate key" in problem:
        return "een veld staat hier twee keer."
    if "tab" in problem:
        return "gebruik spaties om in te springen, geen tabs."
    if "mapping values are not allowed" in problem:
        return "hier staat een ':' die er niet hoort; zet de tekst tussen aanhalingstekens."
    if "could not find expected ':'" in problem or "expected <block end>" in problem:
        return "de inspringing klopt hier niet, of er mist een ':'."
    if "found unexpected end of stream" in problem or "found unexpected end" in problem:
        return "een aanhalingsteken of haakje wordt niet gesloten."
    return "de YAML-opmaak klopt hier niet (inspringing, ':' of aanhalingstekens)."


# --- the loader ---------------------------------------------------------------------------

_DISCRIMINATOR_TAGS = frozenset(QUESTION_TYPES) | {"sum", "formula", "classify"}
_UNION_MEMBERS = frozenset({"int", "float"})
_EXPRESSION_KEYS = frozenset({"relevant", "check", "when", "formula"})
_LIST_THINGS = {"sections": "sectie", "questions": "vraag", "scores": "score", "signals": "signaal"}


def _all_field_names() -> list[str]:
    names: set[str] = set()
    stack: list[type[BaseModel]] = [FormSpec]
    seen: set[type[BaseModel]] = set()
    while stack:
        model = stack.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, info in model.model_fields.items():
            names.add(info.alias or name)
            for arg in _walk_types(info.annotation):
                if isinstance(arg, type) and issubclass(arg, BaseModel):
                    stack.append(arg)
    return sorted(names)


def _walk_types(annotation: object) -> Iterable[object]:
    yield annotation
    for arg in typing.get_args(annotation):
        yield from _walk_types(arg)


@dataclass
class _Context:
    symbols: dict[str, Symbol]
    problems: list[FormProblem]


class _Loader:
    def __init__(self, file_name: str, tree: CommentedMap) -> None:
        self.file = file_name
        self.tree = tree
        self.problems: list[FormProblem] = []
        self.nodes = 0
        self.plain: Any = None

    # -- converting and locating ----------------------------------------------------------

    def to_plain(self, node: object, path: Path_ = ()) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise FormDefinitionError(
                [FormProblem(self.file, None, "", "het bestand is te groot.", "too_big")]
            )
        if isinstance(node, CommentedMap):
            return {
                str(key): self._expression_text(str(key), self.to_plain(value, (*path, str(key))))
                for key, value in node.items()
            }
        if isinstance(node, CommentedSeq):
            return [self.to_plain(value, (*path, i)) for i, value in enumerate(node)]
        if node is None or isinstance(node, bool):
            return node
        if isinstance(node, int):
            return int(node)
        if isinstance(node, float):
            return float(node)
        if isinstance(node, str):
            return str(node)
        if isinstance(node, dt.datetime):
            return node  # pydantic says "not a date" in plain words
        if isinstance(node, dt.date):
            return dt.date(node.year, node.month, node.day)
        raise FormDefinitionError(
            [
                FormProblem(
                    self.file,
                    self.line(path),
                    self.field(path, {}),
                    "deze waarde begrijpt het programma niet (gebruik tekst, een getal, "
                    "true/false, een lijst of velden).",
                    "bad_value",
                )
            ]
        )

    @staticmethod
    def _expression_text(key: str, value: Any) -> Any:
        """YAML reads ``relevant: true`` or ``formula: 12`` as a boolean or a number; in an
        expression field the coordinator meant the formula text."""
        if key not in _EXPRESSION_KEYS or isinstance(value, str):
            return value
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, int | float):
            return repr(value)
        return value

    def line(self, path: Path_) -> int:
        """The 1-based line of the field at ``path``, or of the nearest enclosing node."""
        node: Any = self.tree
        line = 0
        try:
            line = node.lc.line
            for key in path:
                if isinstance(node, CommentedMap) and key in node:
                    line = node.lc.key(key)[0]
                    node = node[key]
                elif isinstance(node, CommentedSeq) and isinstance(key, int) and key < len(node):
                    line = node.lc.item(key)[0]
                    node = node[key]
                else:
                    break
        except (KeyError, AttributeError, IndexError, TypeError):
            pass
        return int(line) + 1

    def value_line(self, path: Path_) -> int:
        """The line where the value of the field at ``path`` starts (block texts start below)."""
        parent: Any = self.tree
        try:
            for key in path[:-1]:
                parent = parent[key]
            key = path[-1]
            if isinstance(parent, CommentedMap) and key in parent:
                value = parent[key]
                if isinstance(value, str) and "\n" in value.rstrip("\n"):
                    return int(parent.lc.key(key)[0]) + 2
                return int(parent.lc.value(key)[0]) + 1
        except (KeyError, AttributeError, IndexError, TypeError):
            pass
        return self.line(path)

    def field(self, path: Path_, plain: Any) -> str:
        """A readable name for the thing at ``path``: "vraag 'x', veld 'relevant'"."""
        subject = ""
        rest: list[str] = []
        node: Any = plain
        i = 0
        while i < len(path):
            key = path[i]
            thing = _LIST_THINGS.get(str(key))
            if thing is not None and i + 1 < len(path) and isinstance(path[i + 1], int):
                index = int(path[i + 1])
                child = node.get(key) if isinstance(node, dict) else None
                item = (
                    child[index] if isinstance(child, list | tuple) and index < len(child) else None
                )
                item_id = item.get("id") if isinstance(item, dict) else None
                if isinstance(item_id, str) and item_id:
                    subject = f"{thing} '{_short(item_id)}'"
                else:
                    subject = f"{thing} nummer {index + 1}" + (f" in {subject}" if subject else "")
                rest = []
                node = item
                i += 2
                continue
            if key == "option_sets" and i + 1 < len(path):
                subject = f"keuzelijst '{path[i + 1]}'"
                rest = []
                node = node.get(key, {}).get(path[i + 1]) if isinstance(node, dict) else None
                i += 2
                continue
            rest.append(f"[{key + 1}]" if isinstance(key, int) else str(key))
            if isinstance(node, dict):
                node = node.get(key)
            elif isinstance(node, list) and isinstance(key, int) and key < len(node):
                node = node[key]
            else:
                node = None
            i += 1
        field = "".join(r if r.startswith("[") else f".{r}" for r in rest).lstrip(".")
        parts = [p for p in (subject, f"veld '{field}'" if field else "") if p]
        return ", ".join(parts)

    def problem(self, path: Path_, message: str, code: str, *, value: bool = False) -> None:
        line = self.value_line(path) if value else self.line(path)
        if not message.endswith((".", "?", "!")):
            message += "."
        self.problems.append(
            FormProblem(self.file, line, self.field(path, self.plain), message, code)
        )

    # -- shape errors -----------------------------------------------------------------------

    def translate(self, exc: ValidationError, plain: Any) -> list[FormProblem]:
        self.plain = plain
        # One problem per place: a number that is neither int nor float gives two errors,
        # one per member of the union; the last (float: "hier hoort een getal") is kept.
        by_place: dict[tuple[Path_, bool], Any] = {}
        for error in exc.errors(include_url=False):
            is_key = "[key]" in error["loc"]
            by_place[(self._clean_loc(error["loc"], plain), is_key)] = error
        errors = list(by_place.values())
        paths = [place[0] for place in by_place]
        for error, error_path in zip(errors, paths, strict=True):
            path = error_path
            if error["type"] == "too_short" and any(
                len(other) > len(path) and other[: len(path)] == path for other in paths
            ):
                continue  # a list whose items are wrong is reported by its items
            if error["type"] == "union_tag_invalid":
                path = (*path, str((error.get("ctx") or {}).get("discriminator", "")).strip("'"))
            message = _dutch_error(error, path)
            if error["type"] == "missing":
                self.problem(path[:-1], message, "missing")
            else:
                self.problem(path, message, str(error["type"]))
        return self.problems

    @staticmethod
    def _clean_loc(loc: Sequence[str | int], plain: Any) -> Path_:
        out: list[str | int] = []
        node: Any = plain
        for key in loc:
            if key == "[key]":
                continue
            if (
                isinstance(key, str)
                and key in _DISCRIMINATOR_TAGS
                and isinstance(node, dict)
                and key not in node
            ):
                continue  # the tag pydantic adds for a discriminated union
            if (
                isinstance(key, str)
                and out
                and (not isinstance(node, dict) or (key in _UNION_MEMBERS and key not in node))
            ):
                continue  # the member name pydantic adds for a union such as int | float
            out.append(key)
            if isinstance(node, dict):
                node = node.get(key)
            elif isinstance(node, list) and isinstance(key, int) and key < len(node):
                node = node[key]
            else:
                node = None
        return tuple(out)

    # -- meaning ----------------------------------------------------------------------------

    def build(self, spec: FormSpec) -> tuple[FormSpec, Plan]:
        spec = self._resolve_option_sets(spec)
        self._check_ids(spec)
        self._check_themes(spec)
        if self.problems:
            raise FormDefinitionError(self.problems)
        symbols = self._symbols(spec)
        builder = _PlanBuilder(self, spec, symbols)
        plan = builder.build()
        if self.problems:
            raise FormDefinitionError(self.problems)
        return spec, plan

    def _resolve_option_sets(self, spec: FormSpec) -> FormSpec:
        sections: list[Section] = []
        for s_index, section in enumerate(spec.sections):
            questions: list[Question] = []
            for q_index, original in enumerate(section.questions):
                path: Path_ = ("sections", s_index, "questions", q_index)
                question: Question = original
                if isinstance(original, SingleChoiceQuestion | MultipleChoiceQuestion):
                    question = self._resolve_options(spec, original, path)
                questions.append(question)
            sections.append(section.model_copy(update={"questions": tuple(questions)}))
        return spec.model_copy(update={"sections": tuple(sections), "option_sets": {}})

    def _resolve_options(
        self,
        spec: FormSpec,
        question: SingleChoiceQuestion | MultipleChoiceQuestion,
        path: Path_,
    ) -> SingleChoiceQuestion | MultipleChoiceQuestion:
        options: tuple[Option, ...] | None = question.options
        if question.option_set is not None:
            if options is not None:
                self.problem(path, "gebruik 'options' of 'option_set', niet allebei", "options")
            elif question.option_set not in spec.option_sets:
                self.problem(
                    (*path, "option_set"),
                    f"keuzelijst '{question.option_set}' bestaat niet"
                    + _suggest(question.option_set, spec.option_sets),
                    "option_set",
                )
            else:
                options = spec.option_sets[question.option_set]
        elif options is None:
            self.problem(path, "geef de antwoorden met 'options' of 'option_set'", "options")
        values = [o.value for o in options or ()]
        for duplicate in sorted({v for v in values if values.count(v) > 1}):
            self.problem((*path, "options"), f"antwoord '{duplicate}' staat er twee keer", "dup")
        if options is not None and not options:
            self.problem((*path, "options"), "geef minstens één antwoord", "options")
        return question.model_copy(update={"options": options})

    def _check_themes(self, spec: FormSpec) -> None:
        """Every rule's theme is built in or declared under ``themes``; a declaration is new."""
        builtin = {theme.value for theme in Theme}
        declared: set[str] = set()
        for index, decl in enumerate(spec.themes):
            if decl.id in builtin or decl.id in declared:
                self.problem(("themes", index, "id"), f"thema '{decl.id}' bestaat al", "theme_dup")
            declared.add(decl.id)
        known = builtin | declared
        for index, rule in enumerate(spec.signals):
            if rule.theme not in known:
                self.problem(
                    ("signals", index, "theme"),
                    f"thema '{rule.theme}' bestaat niet; zet het onder 'themes'"
                    + _suggest(rule.theme, known),
                    "theme",
                )

    def _check_ids(self, spec: FormSpec) -> None:
        seen: dict[str, str] = {}
        section_ids: set[str] = set()
        domains: set[str] = set()
        visit_date: str | None = None
        for s_index, section in enumerate(spec.sections):
            spath: Path_ = ("sections", s_index)
            if section.id in section_ids:
                self.problem((*spath, "id"), f"sectie '{section.id}' bestaat al", "dup_id")
            section_ids.add(section.id)
            for q_index, question in enumerate(section.questions):
                qpath: Path_ = (*spath, "questions", q_index)
                self._claim(seen, question.id, "vraag", (*qpath, "id"))
                if isinstance(question, ScaleQuestion):
                    if question.min >= question.max:
                        self.problem(qpath, "'min' moet kleiner zijn dan 'max'", "range")
                    if question.wellbeing_domain is not None:
                        if question.wellbeing_domain in domains:
                            self.problem(
                                (*qpath, "wellbeing_domain"),
                                f"er is al een vraag voor '{question.wellbeing_domain}'",
                                "dup_domain",
                            )
                        domains.add(question.wellbeing_domain)
                if isinstance(question, DateQuestion) and question.visit_date:
                    if visit_date is not None:
                        self.problem(
                            (*qpath, "visit_date"),
                            f"vraag '{visit_date}' is al de datum van het bezoek",
                            "dup_visit_date",
                        )
                    visit_date = question.id
                if (
                    isinstance(question, NumberQuestion | DateQuestion)
                    and question.min is not None
                    and question.max is not None
                    and question.min > question.max  # type: ignore[operator]
                ):
                    self.problem(qpath, "'min' mag niet groter zijn dan 'max'", "range")
        for index, score in enumerate(spec.scores):
            self._claim(seen, score.id, "score", ("scores", index, "id"))
        signal_ids: set[str] = set()
        for index, rule in enumerate(spec.signals):
            if rule.id in signal_ids:
                self.problem(("signals", index, "id"), f"signaal '{rule.id}' bestaat al", "dup_id")
            signal_ids.add(rule.id)

    def _claim(self, seen: dict[str, str], ident: str, kind: str, path: Path_) -> None:
        if ident in RESERVED_WORDS:
            self.problem(
                path, f"'{ident}' is een gereserveerd woord in formules; kies een andere naam", "id"
            )
        elif ident in seen:
            self.problem(path, f"de naam '{ident}' is al gebruikt voor een {seen[ident]}", "dup_id")
        seen[ident] = kind

    def _symbols(self, spec: FormSpec) -> dict[str, Symbol]:
        symbols: dict[str, Symbol] = {}
        for section in spec.sections:
            for question in section.questions:
                symbols[question.id] = _question_symbol(question)
        for score in spec.scores:
            band_ids = frozenset(b.id for b in score.bands) or None
            if isinstance(score, ClassifyScore):
                symbols[score.id] = Symbol(score.id, ExprType.TEXT, "score", band_ids, band_ids)
            else:
                symbols[score.id] = Symbol(score.id, ExprType.NUMBER, "score", None, band_ids)
        return symbols


def _question_symbol(question: Question) -> Symbol:
    if isinstance(question, InfoQuestion):
        return Symbol(question.id, ExprType.TEXT, "vraag", usable=False)
    if isinstance(question, YesNoQuestion):
        return Symbol(question.id, ExprType.BOOL, "vraag")
    if isinstance(question, SingleChoiceQuestion):
        allowed = frozenset(o.value for o in question.options or ())
        return Symbol(question.id, ExprType.TEXT, "vraag", allowed)
    if isinstance(question, MultipleChoiceQuestion):
        allowed = frozenset(o.value for o in question.options or ())
        return Symbol(question.id, ExprType.SET, "vraag", allowed)
    if isinstance(question, ScaleQuestion | NumberQuestion):
        return Symbol(question.id, ExprType.NUMBER, "vraag")
    if isinstance(question, DateQuestion):
        return Symbol(question.id, ExprType.DATE, "vraag")
    return Symbol(question.id, ExprType.TEXT, "vraag")


def _dutch_or(expected: object) -> str:
    """pydantic lists choices as "'a', 'b' or 'c'"; we say "of"."""
    text = str(expected)
    head, sep, tail = text.rpartition(" or ")
    return f"{head} of {tail}" if sep else text


def _short(value: object) -> str:
    """A wrong value, quoted back to the coordinator, cut short if it is long."""
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _suggest(word: str, known: Iterable[str]) -> str:
    hint = difflib.get_close_matches(word, list(known), n=1)
    return f". Bedoelt u '{hint[0]}'?" if hint else ""


_FIELD_NAMES: list[str] | None = None


def _dutch_error(error: Mapping[str, Any], path: Path_) -> str:
    global _FIELD_NAMES  # noqa: PLW0603 - computed once, on the first unknown field
    kind = str(error["type"])
    ctx: Mapping[str, Any] = error.get("ctx") or {}
    value = _short(error.get("input"))
    name = str(path[-1]) if path else ""
    if kind == "missing":
        return f"het veld '{name}' ontbreekt"
    if kind == "extra_forbidden":
        if _FIELD_NAMES is None:
            _FIELD_NAMES = _all_field_names()
        return f"onbekend veld '{name}'" + _suggest(name, _FIELD_NAMES)
    if kind == "union_tag_invalid":
        tags = ", ".join(str(t).strip() for t in str(ctx.get("expected_tags", "")).split(","))
        what = "vraagsoort" if "type" in str(ctx.get("discriminator", "")) else "soort score"
        return f"onbekende {what} '{ctx.get('tag')}'. Kies uit: {tags}"
    if kind == "union_tag_not_found":
        field = str(ctx.get("discriminator", "")).strip("'")
        return f"het veld '{field}' ontbreekt"
    if kind in ("string_type",):
        return "hier hoort tekst"
    if kind == "string_too_short":
        return "mag niet leeg zijn"
    if kind == "string_pattern_mismatch":
        return (
            f"'{value}' is geen geldige naam: gebruik kleine letters, cijfers en '_', "
            "en begin met een letter"
        )
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return "hier hoort een heel getal"
    if kind in ("float_type", "float_parsing"):
        return "hier hoort een getal"
    if kind == "finite_number":
        return "hier hoort een gewoon getal, niet oneindig of 'nan'"
    if kind in ("bool_type", "bool_parsing"):
        return "hier hoort true of false"
    if kind == "literal_error":
        return f"'{value}' kan hier niet. Kies uit: {_dutch_or(ctx.get('expected'))}"
    if kind == "enum":
        return f"'{value}' kent het programma niet. Kies uit: {_dutch_or(ctx.get('expected'))}"
    if kind in ("dict_type", "model_type", "model_attributes_type", "mapping_type"):
        return "hier horen velden (naam: waarde)"
    if kind in ("list_type", "tuple_type"):
        return "hier hoort een lijst"
    if kind == "too_short":
        return f"hier hoort minstens {ctx.get('min_length', 1)} onderdeel"
    if kind == "greater_than_equal":
        return f"moet {ctx.get('ge')} of meer zijn"
    if kind == "less_than_equal":
        return f"mag hoogstens {ctx.get('le')} zijn"
    if kind.startswith("date"):
        return "hier hoort een datum (jjjj-mm-dd)"
    if kind == "string_too_long":
        return "deze tekst is te lang"
    return "deze waarde klopt niet"


# --- compiling the plan -------------------------------------------------------------------


class _PlanBuilder:
    def __init__(self, loader: _Loader, spec: FormSpec, symbols: dict[str, Symbol]) -> None:
        self.loader = loader
        self.spec = spec
        self.symbols = symbols
        self.deps: dict[str, frozenset[str]] = {}
        self.dep_paths: dict[str, Path_] = {}
        self.check_refs: dict[str, frozenset[str]] = {}

    def expr(self, source: str, path: Path_, expect: ExprType) -> Checked | None:
        try:
            return check(source, self.symbols, expect)
        except ExprError as exc:
            message = exc.message_nl
            if len(source) > 40:
                message = f"{message.rstrip('.')} (bij teken {exc.pos + 1})"
            self.loader.problem(path, message, "expression", value=True)
            return None

    def compiled(self, checked: Checked | None) -> Compiled:
        if checked is None:
            return _never
        return compile_expr(checked.tree, self.symbols)

    def build(self) -> Plan:
        questions: dict[str, QuestionNode] = {}
        for s_index, section in enumerate(self.spec.sections):
            spath: Path_ = ("sections", s_index)
            section_rel = None
            if section.relevant is not None:
                section_rel = self.expr(section.relevant, (*spath, "relevant"), ExprType.BOOL)
            for q_index, question in enumerate(section.questions):
                qpath: Path_ = (*spath, "questions", q_index)
                questions[question.id] = self.question(section, section_rel, question, qpath)
        scores = {
            score.id: self.score(score, ("scores", index))
            for index, score in enumerate(self.spec.scores)
        }
        signals = tuple(
            self.signal(index, ("signals", index)) for index in range(len(self.spec.signals))
        )
        order = self.order()
        position = {node_id: i for i, node_id in enumerate(order)}
        readers: dict[str, set[str]] = {}
        for node_id, deps in self.deps.items():
            for dep in deps:
                readers.setdefault(dep, set()).add(node_id)
        downstream: dict[str, tuple[str, ...]] = {}
        for node_id in order:
            reached = {node_id}
            stack = [node_id]
            while stack:
                for reader in readers.get(stack.pop(), ()):
                    if reader not in reached:
                        reached.add(reader)
                        stack.append(reader)
            downstream[node_id] = tuple(sorted(reached, key=position.__getitem__))
        check_readers: dict[str, set[str]] = {}
        for question_id, refs in self.check_refs.items():
            for ref in refs:
                check_readers.setdefault(ref, set()).add(question_id)
        signal_readers: dict[str, list[int]] = {}
        for node in signals:
            for ref in node.deps:
                signal_readers.setdefault(ref, []).append(node.index)
        return Plan(
            order=order,
            position=position,
            questions=questions,
            scores=scores,
            signals=signals,
            downstream=downstream,
            check_readers={k: frozenset(v) for k, v in check_readers.items()},
            signal_readers={k: tuple(v) for k, v in signal_readers.items()},
        )

    def question(
        self, section: Section, section_rel: Checked | None, question: Question, path: Path_
    ) -> QuestionNode:
        own = None
        if question.relevant is not None:
            own = self.expr(question.relevant, (*path, "relevant"), ExprType.BOOL)
        deps = frozenset().union(*(c.refs for c in (section_rel, own) if c is not None))
        self.deps[question.id] = deps
        self.dep_paths[question.id] = (*path, "relevant") if own is not None else path
        relevance = _both(
            self.compiled(section_rel) if section_rel else None,
            self.compiled(own) if own else None,
        )
        if isinstance(question, InfoQuestion):
            return QuestionNode(question.id, section.id, relevance, deps, None, False, ())
        checks: list[tuple[Compiled, str]] = []
        refs: set[str] = set()
        for c_index, constraint in enumerate(question.constraints):
            checked = self.expr(
                constraint.check, (*path, "constraints", c_index, "check"), ExprType.BOOL
            )
            if checked is not None:
                refs |= checked.refs
            checks.append((self.compiled(checked), constraint.message))
        self.check_refs[question.id] = frozenset(refs)
        return QuestionNode(
            question.id,
            section.id,
            relevance,
            deps,
            make_normaliser(question),
            question.required,
            tuple(checks),
        )

    def score(self, score: Score, path: Path_) -> ScoreNode:
        bands = self.bands(score, path)
        if isinstance(score, SumScore):
            compute, deps = self.sum_score(score, path)
        elif isinstance(score, FormulaScore):
            checked = self.expr(score.formula, (*path, "formula"), ExprType.NUMBER)
            formula = self.compiled(checked)
            deps = checked.refs if checked else frozenset()

            def compute(env: Env) -> tuple[int | float | str | None, int]:
                value = formula(env)
                return (value if isinstance(value, int | float) else None), 0

        else:
            compute, deps = self.classify_score(score, path)
        if score.part_of is not None and score.part_of not in {s.id for s in self.spec.scores}:
            self.loader.problem(
                (*path, "part_of"), f"score '{score.part_of}' bestaat niet", "part_of"
            )
        self.deps[score.id] = deps
        self.dep_paths[score.id] = path
        return ScoreNode(
            score.id, score.label, compute, bands, deps, score.part_of, score.missing_label
        )

    def bands(self, score: Score, path: Path_) -> tuple[tuple[float | None, str, str], ...]:
        seen: set[str] = set()
        out: list[tuple[float | None, str, str]] = []
        previous: float | None = None
        for index, band in enumerate(score.bands):
            bpath: Path_ = (*path, "bands", index)
            if band.id in seen:
                self.loader.problem((*bpath, "id"), f"band '{band.id}' staat er twee keer", "dup")
            seen.add(band.id)
            if isinstance(score, ClassifyScore):
                if band.from_ is not None:
                    self.loader.problem(
                        (*bpath, "from"), "bij 'classify' horen banden zonder 'from'", "band"
                    )
                out.append((None, band.id, band.label))
                continue
            if band.from_ is None:
                self.loader.problem(bpath, "geef bij elke band een ondergrens met 'from'", "band")
                continue
            if previous is not None and band.from_ <= previous:
                self.loader.problem(
                    (*bpath, "from"), "de banden moeten van laag naar hoog gaan", "band"
                )
            previous = band.from_
            out.append((band.from_, band.id, band.label))
        return tuple(out)

    def sum_score(
        self, score: SumScore, path: Path_
    ) -> tuple[Callable[[Env], tuple[int | float | str | None, int]], frozenset[str]]:
        items: list[tuple[str, Callable[[object], float]]] = []
        seen: set[str] = set()
        for index, item in enumerate(score.items):
            ipath: Path_ = (*path, "items", index)
            if item.question in seen:
                self.loader.problem(
                    (*ipath, "question"), f"vraag '{item.question}' telt al mee", "dup"
                )
            seen.add(item.question)
            scorer = self.item_scorer(score, item, ipath)
            if scorer is not None:
                items.append((item.question, scorer))
        max_missing = score.max_missing
        frozen_items = tuple(items)

        def compute(env: Env) -> tuple[int | float | str | None, int]:
            total: float = 0
            missing = 0
            for question_id, scorer in frozen_items:
                value = env.get(question_id)
                if value is None:
                    missing += 1
                else:
                    total += scorer(value)
            if missing > max_missing:
                return None, missing
            return total, missing

        return compute, frozenset(seen)

    def item_scorer(
        self, score: SumScore, item: ScoreItem, path: Path_
    ) -> Callable[[object], float] | None:
        question = self._find(item.question)
        if question is None:
            self.loader.problem(
                (*path, "question"),
                f"verwijst naar onbekende vraag '{item.question}'"
                + _suggest(item.question, self.symbols),
                "unknown",
            )
            return None
        table = item.option_scores if item.option_scores is not None else score.option_scores
        if isinstance(question, ScaleQuestion | NumberQuestion):
            if item.option_scores is not None:
                self.loader.problem(
                    (*path, "option_scores"), "een getal telt zelf mee; laat dit weg", "scores"
                )
            if isinstance(question, NumberQuestion):
                if item.reverse:
                    self.loader.problem(
                        (*path, "reverse"), "omgekeerd scoren kan alleen bij een schaal", "reverse"
                    )
                return _identity
            if item.reverse:
                top = question.min + question.max
                return lambda value: top - value  # type: ignore[operator]
            return _identity
        if isinstance(question, YesNoQuestion):
            option_values: list[Any] = [True, False]
            names = ["ja", "nee"]
        elif isinstance(question, SingleChoiceQuestion | MultipleChoiceQuestion):
            names = [o.value for o in question.options or ()]
            option_values = list(names)
        else:
            self.loader.problem(
                (*path, "question"),
                f"vraag '{item.question}' kan niet meetellen in een score "
                "(alleen ja/nee, keuzes, schaal of getal)",
                "item_type",
            )
            return None
        if table is None:
            self.loader.problem(
                path, "geef 'option_scores': hoeveel punten elk antwoord telt", "scores"
            )
            return None
        # A score-wide table may cover several kinds of items (ja/nee and ja/min_of_meer/nee);
        # only an item's own table must not name answers the question does not have.
        for key in item.option_scores or ():
            if key not in names:
                self.loader.problem(
                    (*path, "option_scores"),
                    f"vraag '{item.question}' heeft geen antwoord '{key}'",
                    "scores",
                )
        missing = [name for name in names if name not in table]
        if missing:
            self.loader.problem(
                (*path, "option_scores") if item.option_scores is not None else path,
                f"geen score voor antwoord '{missing[0]}' van vraag '{item.question}'",
                "scores",
            )
            return None
        points = [table[name] for name in names]
        if item.reverse:
            if isinstance(question, MultipleChoiceQuestion):
                self.loader.problem(
                    (*path, "reverse"),
                    "omgekeerd scoren kan niet bij een vraag met meer antwoorden",
                    "reverse",
                )
            points.reverse()  # mirror the option order: the first option scores as the last
        mapping = dict(zip(option_values, points, strict=True))
        if isinstance(question, MultipleChoiceQuestion):
            return lambda value: sum(mapping[v] for v in value)  # type: ignore[attr-defined]
        return mapping.__getitem__

    def classify_score(
        self, score: ClassifyScore, path: Path_
    ) -> tuple[Callable[[Env], tuple[int | float | str | None, int]], frozenset[str]]:
        band_ids = {b.id for b in score.bands}
        rules: list[tuple[Compiled, str]] = []
        refs: set[str] = set()
        for index, rule in enumerate(score.rules):
            rpath: Path_ = (*path, "rules", index)
            checked = self.expr(rule.when, (*rpath, "when"), ExprType.BOOL)
            if checked is not None:
                refs |= checked.refs
            if rule.band not in band_ids:
                self.loader.problem(
                    (*rpath, "band"),
                    f"band '{rule.band}' staat niet bij 'bands'" + _suggest(rule.band, band_ids),
                    "band",
                )
            rules.append((self.compiled(checked), rule.band))
        frozen_rules = tuple(rules)

        def compute(env: Env) -> tuple[int | float | str | None, int]:
            for when, band in frozen_rules:
                if when(env) is True:
                    return band, 0
            return None, 0

        return compute, frozenset(refs)

    def signal(self, index: int, path: Path_) -> SignalNode:
        rule = self.spec.signals[index]
        checked = self.expr(rule.when, (*path, "when"), ExprType.BOOL)
        deps = set(checked.refs) if checked else set()
        if rule.note_from is not None:
            target = self._find(rule.note_from)
            if not isinstance(target, ShortTextQuestion | LongTextQuestion):
                self.loader.problem(
                    (*path, "note_from"),
                    f"'note_from' moet naar een tekstvraag wijzen, '{rule.note_from}' is dat niet",
                    "note_from",
                )
            else:
                deps.add(rule.note_from)
        signal = RaisedSignal(
            rule_id=rule.id,
            theme=rule.theme,
            severity=Severity.from_slug(rule.severity),
            text=rule.text,
            leaflets=rule.leaflets,
            services=rule.services,
            paper_unsafe=rule.paper_unsafe,
        )
        return SignalNode(index, self.compiled(checked), frozenset(deps), signal, rule.note_from)

    def _find(self, question_id: str) -> Question | None:
        for section in self.spec.sections:
            for question in section.questions:
                if question.id == question_id:
                    return question
        return None

    def order(self) -> tuple[str, ...]:
        """Dependency order of questions and scores; cycles are reported as problems."""
        order: list[str] = []
        state: dict[str, int] = {}  # 1 = on the stack, 2 = done
        reported: set[frozenset[str]] = set()

        def visit(node_id: str, trail: list[str]) -> None:
            state[node_id] = 1
            trail.append(node_id)
            for dep in sorted(self.deps.get(node_id, ())):
                if dep not in self.deps:
                    continue
                if state.get(dep) == 1:
                    cycle = [*trail[trail.index(dep) :], dep]
                    key = frozenset(cycle)
                    if key not in reported:
                        reported.add(key)
                        self.cycle_problem(cycle)
                elif dep not in state:
                    visit(dep, trail)
            trail.pop()
            state[node_id] = 2
            order.append(node_id)

        for node_id in self.deps:
            if node_id not in state:
                visit(node_id, [])
        return tuple(order)

    def cycle_problem(self, cycle: list[str]) -> None:
        first = cycle[0]
        kind = self.symbols[first].kind if first in self.symbols else "vraag"
        chain = " → ".join(reversed(cycle))
        if len(cycle) == 2:
            message = f"{kind} '{first}' hangt van zichzelf af"
        else:
            message = f"vragen en scores hangen in een kring van elkaar af: {chain}"
        self.loader.problem(self.dep_paths.get(first, ()), message, "cycle", value=True)


def _never(env: Env) -> Value:
    return None


def _identity(value: object) -> float:
    return value  # type: ignore[return-value]


def _both(first: Compiled | None, second: Compiled | None) -> Compiled | None:
    if first is None:
        return second
    if second is None:
        return first
    a, b = first, second
    return lambda env: a(env) is True and b(env) is True
