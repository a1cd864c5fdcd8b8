"""Evaluate answers against a form: relevance, messages, scores and signals, incrementally.

The GUI keeps one :class:`FormState` per open visit and calls :meth:`FormState.set_answer` on
every change; only the questions, scores and rules downstream of that answer are recomputed,
along the dependency graph the loader compiled. Answers to questions that are not relevant are
kept (the volunteer may go back) but count as absent for expressions, scores and signals.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from huisbezoek.domain import NOT_ASKED, NOT_SAYING, Severity
from huisbezoek.forms.expr import BAND_PREFIX, SPECIAL_PREFIX
from huisbezoek.forms.form import (
    Answer,
    Form,
    RaisedSignal,
    ScoreNode,
    ScoreResult,
    is_special,
)
from huisbezoek.forms.model import Section

# Never points at "wil ik niet zeggen": some required questions are the volunteer's own, and a
# safety question needs a real answer.
REQUIRED_MESSAGE = "Deze vraag moet nog beantwoord worden."


@dataclass(frozen=True)
class Evaluation:
    """A snapshot of everything derived from the answers; safe to keep and to hand to print."""

    relevant: frozenset[str]  # ids of the questions (and info texts) to show
    #: question id -> Dutch messages, only for relevant questions that have any. "Must be
    #: answered" is here from the start; the GUI decides when to show it (e.g. on leaving a
    #: section), wrong values and failed checks can be shown at once.
    messages: Mapping[str, tuple[str, ...]]
    scores: Mapping[str, ScoreResult]
    signals: tuple[RaisedSignal, ...]  # most urgent first, then in the form's order
    answered: frozenset[str]  # relevant questions with an answer, "wil ik niet zeggen" included

    @property
    def complete(self) -> bool:
        """True when no relevant question has a message (required, check, wrong value)."""
        return not self.messages

    def is_relevant(self, question_id: str) -> bool:
        return question_id in self.relevant

    def messages_for(self, question_id: str) -> tuple[str, ...]:
        return self.messages.get(question_id, ())

    @property
    def highest_severity(self) -> Severity | None:
        return self.signals[0].severity if self.signals else None


class FormState:
    """The live state of one filled-in form. Not thread-safe; one per open visit."""

    def __init__(self, form: Form, answers: Mapping[str, Answer] | None = None) -> None:
        self.form = form
        self._plan = form.plan
        self._answers: dict[str, Answer] = {}
        self._env: dict[str, object] = {}
        self._relevant: set[str] = set()
        self._answered: set[str] = set()
        self._messages: dict[str, tuple[str, ...]] = {}
        self._scores: dict[str, ScoreResult] = {}
        self._raised: dict[int, RaisedSignal] = {}
        self._errors: dict[str, str] = {}  # question id -> message from its own normaliser
        for key, value in (answers or {}).items():
            if key in self._plan.questions and value is not None:
                self._answers[key] = value
        self._evaluation = self._full()

    # -- public ---------------------------------------------------------------------------

    @property
    def evaluation(self) -> Evaluation:
        return self._evaluation

    @property
    def answers(self) -> Mapping[str, Answer]:
        """All answers given, also to questions that are not relevant now."""
        return dict(self._answers)

    def answer(self, question_id: str) -> Answer:
        return self._answers.get(question_id)

    def set_answer(self, question_id: str, value: Answer) -> Evaluation:
        """Record one answer (``None`` clears it) and return the new evaluation."""
        if question_id not in self._plan.questions:
            raise KeyError(question_id)
        if value is None:
            self._answers.pop(question_id, None)
        else:
            self._answers[question_id] = value
        self._evaluation = self._update((question_id,))
        return self._evaluation

    def set_answers(self, answers: Mapping[str, Answer]) -> Evaluation:
        """Record several answers at once (for example when a stored visit is opened)."""
        unknown = [key for key in answers if key not in self._plan.questions]
        if unknown:
            raise KeyError(unknown[0])
        for key, value in answers.items():
            if value is None:
                self._answers.pop(key, None)
            else:
                self._answers[key] = value
        self._evaluation = self._update(tuple(answers))
        return self._evaluation

    def visible_sections(self) -> tuple[Section, ...]:
        """Sections with at least one relevant question, in form order."""
        return tuple(
            s for s in self.form.sections if any(q.id in self._relevant for q in s.questions)
        )

    def next_question(self, after: str | None = None) -> str | None:
        """The next relevant question after ``after`` (or the first one); None at the end."""
        seen = after is None
        for section in self.form.sections:
            for question in section.questions:
                if seen and question.id in self._relevant:
                    return question.id
                if question.id == after:
                    seen = True
        return None

    def previous_question(self, before: str) -> str | None:
        previous: str | None = None
        for section in self.form.sections:
            for question in section.questions:
                if question.id == before:
                    return previous
                if question.id in self._relevant:
                    previous = question.id
        return None

    def sections_discussed(self) -> tuple[Section, ...]:
        """Sections in which at least one relevant question got an answer other than
        "niet gevraagd": what the resident's summary lists as talked about."""
        result = []
        for section in self.form.sections:
            for question in section.questions:
                if question.id not in self._answered:
                    continue
                if self._answers.get(question.id) != NOT_ASKED:
                    result.append(section)
                    break
        return tuple(result)

    def wellbeing(self) -> dict[str, int | None]:
        """The six wellbeing self-ratings by domain; ``None`` when not given or not relevant."""
        return {
            domain: self._value_or_none(question.id)
            for domain, question in self.form.wellbeing_questions.items()
        }

    def _value_or_none(self, question_id: str) -> int | None:
        value = self._env.get(question_id)
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    # -- evaluation -------------------------------------------------------------------------

    def _full(self) -> Evaluation:
        plan = self._plan
        for node_id in plan.order:
            self._recompute(node_id)
        for question_id in plan.questions:
            self._recheck(question_id)
        for node in plan.signals:
            self._resignal(node.index)
        return self._snapshot()

    def _update(self, changed_answers: Iterable[str]) -> Evaluation:
        plan = self._plan
        changed: set[str] = set()
        roots = tuple(dict.fromkeys(changed_answers))
        if len(roots) == 1:
            ordered: Iterable[str] = plan.downstream[roots[0]]
        else:
            todo: set[str] = set()
            for question_id in roots:
                todo.update(plan.downstream[question_id])
            ordered = sorted(todo, key=plan.position.__getitem__)
        for node_id in ordered:
            node = plan.questions.get(node_id)
            deps = node.deps if node is not None else plan.scores[node_id].deps
            if (node_id in roots or not changed.isdisjoint(deps)) and self._recompute(node_id):
                changed.add(node_id)
        recheck: set[str] = set(roots)
        signals: set[int] = set()
        for node_id in changed:
            if node_id in plan.questions:
                recheck.add(node_id)
            recheck.update(plan.check_readers.get(node_id, ()))
            signals.update(plan.signal_readers.get(node_id, ()))
        for question_id in recheck:
            self._recheck(question_id)
        for index in signals:
            self._resignal(index)
        return self._snapshot()

    def _recompute(self, node_id: str) -> bool:
        """Recompute one question's relevance and value, or one score; True if it changed."""
        env = self._env
        question = self._plan.questions.get(node_id)
        if question is None:
            return self._rescore(self._plan.scores[node_id])
        relevant = question.relevance is None or question.relevance(env) is True
        raw = self._answers.get(node_id) if relevant else None
        value: object = None
        special: object = None
        error: str | None = None
        if raw is not None and question.normalise is not None:
            if is_special(raw):
                special = raw
            else:
                value, error = question.normalise(raw)
        old = (
            node_id in self._relevant,
            env.get(node_id),
            env.get(SPECIAL_PREFIX + node_id),
            self._errors.get(node_id),
        )
        if relevant:
            self._relevant.add(node_id)
        else:
            self._relevant.discard(node_id)
        if raw is not None and question.normalise is not None and (value is not None or special):
            self._answered.add(node_id)
        else:
            self._answered.discard(node_id)
        env[node_id] = value
        env[SPECIAL_PREFIX + node_id] = special
        if error is None:
            self._errors.pop(node_id, None)
        else:
            self._errors[node_id] = error
        # Compare values by type too, so that True and 1 are not the same answer.
        new = (relevant, value, special, error)
        return old != new or type(old[1]) is not type(value)

    def _rescore(self, node: ScoreNode) -> bool:
        value, missing = node.compute(self._env)
        band: str | None = None
        band_label: str | None = None
        if value is not None:
            for start, band_id, label in node.bands:
                if start is None:
                    if band_id == value:
                        band, band_label = band_id, label
                        break
                elif isinstance(value, int | float) and value >= start:
                    band, band_label = band_id, label
                # bands are sorted by start; keep the last one that fits
        if value is None and node.missing_label is not None:
            band_label = node.missing_label
        result = ScoreResult(node.id, node.label, value, band, band_label, missing, node.part_of)
        old = self._scores.get(node.id)
        self._scores[node.id] = result
        self._env[node.id] = value
        self._env[BAND_PREFIX + node.id] = band
        return old != result

    def _recheck(self, question_id: str) -> None:
        node = self._plan.questions[question_id]
        messages: list[str] = []
        if question_id in self._relevant and node.normalise is not None:
            error = self._errors.get(question_id)
            if error is not None:
                messages.append(error)
            elif self._env.get(question_id) is not None:
                for check, message in node.checks:
                    if check(self._env) is False:
                        messages.append(message)
            elif node.required and self._env.get(SPECIAL_PREFIX + question_id) is None:
                messages.append(REQUIRED_MESSAGE)
        if messages:
            self._messages[question_id] = tuple(messages)
        else:
            self._messages.pop(question_id, None)

    def _resignal(self, index: int) -> None:
        node = self._plan.signals[index]
        if node.when(self._env) is True:
            signal = node.signal
            if node.note_from is not None:
                note = self._env.get(node.note_from)
                if isinstance(note, str):
                    signal = RaisedSignal(
                        signal.rule_id,
                        signal.theme,
                        signal.severity,
                        signal.text,
                        signal.leaflets,
                        signal.services,
                        note,
                        signal.paper_unsafe,
                    )
            self._raised[index] = signal
        else:
            self._raised.pop(index, None)

    def _snapshot(self) -> Evaluation:
        signals = tuple(
            self._raised[i]
            for i in sorted(self._raised, key=lambda i: (-self._raised[i].severity, i))
        )
        return Evaluation(
            relevant=frozenset(self._relevant),
            messages=dict(self._messages),
            scores=dict(self._scores),
            signals=signals,
            answered=frozenset(self._answered),
        )


def evaluate(form: Form, answers: Mapping[str, Answer]) -> Evaluation:
    """Evaluate a complete set of answers once (for print, export and stored visits)."""
    return FormState(form, answers).evaluation


__all__ = ["NOT_ASKED", "NOT_SAYING", "Evaluation", "FormState", "evaluate"]
