"""A loaded, checked form: the model the GUI draws plus the compiled plan the evaluator runs."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from huisbezoek.domain import (
    NOT_ASKED,
    NOT_SAYING,
    SPECIAL_ANSWERS,
    LeafletId,
    Severity,
    ThemeId,
)
from huisbezoek.forms.expr import Compiled, Env
from huisbezoek.forms.model import (
    AnswerableQuestion,
    DateQuestion,
    FormSpec,
    LongTextQuestion,
    MultipleChoiceQuestion,
    NumberQuestion,
    Option,
    Question,
    ScaleQuestion,
    Section,
    ShortTextQuestion,
    SingleChoiceQuestion,
    YesNoQuestion,
)

#: An answer as the GUI and the vault hand it over: ``bool`` (yes/no), ``str`` (single choice,
#: text, or NOT_SAYING / NOT_ASKED), ``frozenset[str]`` (multiple choice; lists are accepted),
#: ``int``/``float`` (scale, number), ``datetime.date`` (date; ISO text is accepted), or ``None``.
Answer = object

#: Normalise an answer: (value for expressions or None, Dutch message or None).
Normaliser = Callable[[object], tuple[object, str | None]]


@dataclass(frozen=True)
class ScoreResult:
    """A computed score. ``value`` is ``None`` when the score is missing (too many items
    missing, a formula with an unknown part, or no classification rule true)."""

    id: str
    label: str
    value: int | float | str | None
    band: str | None
    band_label: str | None
    missing_items: int = 0
    part_of: str | None = None

    @property
    def display(self) -> str:
        """Short Dutch text for screens and print: band label, else the value, else missing."""
        if self.band_label is not None:
            return self.band_label
        if self.value is None:
            return "onbekend"
        return _format_number(self.value) if not isinstance(self.value, str) else self.value


def is_for_volunteer(question: Question) -> bool:
    """True for a question the volunteer answers, not the resident ("wil ik niet zeggen" is
    then not offered). The date of the visit always counts as one."""
    if isinstance(question, DateQuestion) and question.visit_date:
        return True
    return bool(getattr(question, "for_volunteer", False))


@dataclass(frozen=True)
class RaisedSignal:
    """A signal rule whose condition is true for the current answers."""

    rule_id: str
    theme: ThemeId
    severity: Severity
    text: str
    leaflets: tuple[LeafletId, ...]
    services: tuple[str, ...]
    note: str | None = None  # the answer of the rule's ``note_from`` question, if any
    paper_unsafe: bool = False  # a summary on paper at home could put the resident at risk


@dataclass(frozen=True)
class QuestionNode:
    id: str
    section: str
    relevance: Compiled | None
    deps: frozenset[str]
    normalise: Normaliser | None  # None for information texts
    required: bool
    checks: tuple[tuple[Compiled, str], ...]


@dataclass(frozen=True)
class ScoreNode:
    id: str
    label: str
    compute: Callable[[Env], tuple[int | float | str | None, int]]
    bands: tuple[tuple[float | None, str, str], ...]  # (from, id, label); from None: classify
    deps: frozenset[str]
    part_of: str | None
    missing_label: str | None


@dataclass(frozen=True)
class SignalNode:
    index: int
    when: Compiled
    deps: frozenset[str]
    signal: RaisedSignal
    note_from: str | None


@dataclass(frozen=True)
class Plan:
    """Everything the evaluator needs, compiled once at load time."""

    order: tuple[str, ...]  # question and score ids in dependency order
    position: Mapping[str, int]  # id -> index in ``order``
    questions: Mapping[str, QuestionNode]
    scores: Mapping[str, ScoreNode]
    signals: tuple[SignalNode, ...]
    #: id -> the nodes to recompute when it changes (itself first), in dependency order
    downstream: Mapping[str, tuple[str, ...]]
    #: id -> the questions whose checks read it
    check_readers: Mapping[str, frozenset[str]]
    #: id -> the signal indexes whose rule reads it
    signal_readers: Mapping[str, tuple[int, ...]]


@dataclass(frozen=True, eq=False)
class Form:
    """One version of a form, loaded and checked. Treat it as read-only and share it freely."""

    spec: FormSpec  # option sets already resolved into each question's ``options``
    file_name: str
    source_text: str = field(repr=False)  # what the vault keeps with every visit
    definition_hash: str  # sha256 hex of the canonical source bytes
    plan: Plan = field(repr=False)

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def version(self) -> int:
        return self.spec.version

    @property
    def title(self) -> str:
        return self.spec.title

    @property
    def sections(self) -> tuple[Section, ...]:
        return self.spec.sections

    def question(self, question_id: str) -> Question:
        """The question with this id; ``KeyError`` when there is none."""
        return self._questions[question_id][1]

    def section_of(self, question_id: str) -> Section:
        return self._questions[question_id][0]

    def all_questions(self) -> tuple[Question, ...]:
        return tuple(q for _, q in self._questions.values())

    @property
    def wellbeing_questions(self) -> Mapping[str, ScaleQuestion]:
        """The six wellbeing self-ratings by domain (lichaam, mentaal, ...), for the radar chart."""
        found: dict[str, ScaleQuestion] = {}
        for _, question in self._questions.values():
            if isinstance(question, ScaleQuestion) and question.wellbeing_domain is not None:
                found[question.wellbeing_domain] = question
        return found

    @property
    def theme_labels(self) -> Mapping[str, str]:
        """The themes this form declares on top of the built-in ones, id -> Dutch label."""
        return {decl.id: decl.label for decl in self.spec.themes}

    def signal_rule(self, rule_id: str) -> RaisedSignal | None:
        """What a rule raises (theme, severity, leaflets, services), or None if unknown."""
        for node in self.plan.signals:
            if node.signal.rule_id == rule_id:
                return node.signal
        return None

    @property
    def visit_date_question(self) -> DateQuestion | None:
        """The date question marked ``visit_date``: filled in with today when a visit starts."""
        for _, question in self._questions.values():
            if isinstance(question, DateQuestion) and question.visit_date:
                return question
        return None

    @property
    def _questions(self) -> Mapping[str, tuple[Section, Question]]:
        cached: dict[str, tuple[Section, Question]] | None = self.__dict__.get("_question_map")
        if cached is None:
            cached = {q.id: (s, q) for s in self.spec.sections for q in s.questions}
            object.__setattr__(self, "_question_map", cached)
        return cached


# --- answers ------------------------------------------------------------------------------


def _format_number(value: float) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace(".", ",")


def options_of(question: SingleChoiceQuestion | MultipleChoiceQuestion) -> tuple[Option, ...]:
    """The options of a choice question (the loader has resolved ``option_set`` already)."""
    return question.options or ()


def make_normaliser(question: AnswerableQuestion) -> Normaliser:
    """Build the function that checks one answer against the question's own type and limits."""
    if isinstance(question, YesNoQuestion):
        return _yes_no
    if isinstance(question, SingleChoiceQuestion):
        return _single(frozenset(o.value for o in options_of(question)))
    if isinstance(question, MultipleChoiceQuestion):
        return _multiple(question)
    if isinstance(question, ScaleQuestion):
        return _scale(question.min, question.max)
    if isinstance(question, NumberQuestion):
        return _number(question)
    if isinstance(question, DateQuestion):
        return _date(question)
    assert isinstance(question, ShortTextQuestion | LongTextQuestion)
    return _text(question.max_length)


_WRONG = "Dit antwoord past niet bij deze vraag."


def _yes_no(value: object) -> tuple[object, str | None]:
    if isinstance(value, bool):
        return value, None
    return None, "Kies ja of nee."


def _single(allowed: frozenset[str]) -> Normaliser:
    def normalise(value: object) -> tuple[object, str | None]:
        if isinstance(value, str) and value in allowed:
            return value, None
        return None, _WRONG

    return normalise


def _multiple(question: MultipleChoiceQuestion) -> Normaliser:
    allowed = frozenset(o.value for o in options_of(question))
    exclusive = {o.value: o.label for o in options_of(question) if o.exclusive}

    def normalise(value: object) -> tuple[object, str | None]:
        if not isinstance(value, list | tuple | set | frozenset):
            return None, _WRONG
        chosen = frozenset(value)
        if not all(isinstance(v, str) and v in allowed for v in chosen):
            return None, _WRONG
        if not chosen:
            return None, None
        if len(chosen) > 1:
            for key, label in exclusive.items():
                if key in chosen:
                    return None, f"'{label}' kan niet samen met andere antwoorden."
        return chosen, None

    return normalise


def _scale(low: int, high: int) -> Normaliser:
    message = f"Kies een cijfer van {low} tot en met {high}."

    def normalise(value: object) -> tuple[object, str | None]:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return None, message
        if isinstance(value, float):
            if not value.is_integer():
                return None, message
            value = int(value)
        if low <= value <= high:
            return value, None
        return None, message

    return normalise


def _number(question: NumberQuestion) -> Normaliser:
    unit = f" {question.unit}" if question.unit else ""
    low, high, decimals = question.min, question.max, question.decimals

    def normalise(value: object) -> tuple[object, str | None]:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return None, "Vul een getal in."
        if isinstance(value, float):
            if not math.isfinite(value):
                return None, "Vul een getal in."
            if decimals == 0:
                if not value.is_integer():
                    return None, "Vul een heel getal in."
                value = int(value)
            elif round(value, decimals) != value:
                return None, f"Gebruik hoogstens {decimals} cijfers achter de komma."
        if low is not None and value < low:
            return None, f"Het getal moet {_format_number(low)}{unit} of meer zijn."
        if high is not None and value > high:
            return None, f"Het getal mag hoogstens {_format_number(high)}{unit} zijn."
        return value, None

    return normalise


def _date(question: DateQuestion) -> Normaliser:
    low, high = question.min, question.max

    def normalise(value: object) -> tuple[object, str | None]:
        if isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                return None, "Dit is geen datum."
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            return None, "Dit is geen datum."
        if low is not None and value < low:
            return None, f"De datum mag niet voor {low:%d-%m-%Y} liggen."
        if high is not None and value > high:
            return None, f"De datum mag niet na {high:%d-%m-%Y} liggen."
        return value, None

    return normalise


def _text(max_length: int) -> Normaliser:
    def normalise(value: object) -> tuple[object, str | None]:
        if not isinstance(value, str):
            return None, _WRONG
        text = value.strip()
        if not text:
            return None, None
        if len(text) > max_length:
            return None, f"De tekst is te lang: hoogstens {max_length} tekens."
        return text, None

    return normalise


#: How the GUI and print name the two special answers.
SPECIAL_ANSWER_LABELS: Mapping[str, str] = {
    NOT_SAYING: "Wil ik niet zeggen",
    NOT_ASKED: "Niet gevraagd",
}


def answer_to_json(value: Answer) -> object:
    """An answer as plain JSON (sets become sorted lists, dates ISO text). :class:`FormState`
    accepts these JSON forms back as they are, so the vault needs no decoder."""
    if isinstance(value, set | frozenset):
        return sorted(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def is_special(value: object) -> bool:
    return isinstance(value, str) and value in SPECIAL_ANSWERS
