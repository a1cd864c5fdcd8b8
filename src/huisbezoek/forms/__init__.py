"""The forms layer: form files, the safe expression language, scoring and signal rules.

Public API (everything else in this package is internal):

- :func:`load_form` / :func:`load_form_source` read one form file or stored form text;
  problems raise :class:`FormDefinitionError` naming file, line and field.
- :class:`FormRegistry` holds the installed forms and rebuilds old versions from stored text.
- :class:`Form` is the checked model the GUI draws (``form.sections``, ``form.question(id)``).
- :class:`FormState` evaluates answers incrementally; :func:`evaluate` does it once.
  Both give an :class:`Evaluation`: relevant questions, messages, scores, raised signals.
"""

from __future__ import annotations

from huisbezoek.domain import NOT_ASKED, NOT_SAYING
from huisbezoek.forms.errors import FormDefinitionError, FormProblem
from huisbezoek.forms.evaluator import Evaluation, FormState, evaluate
from huisbezoek.forms.form import (
    SPECIAL_ANSWER_LABELS,
    Answer,
    Form,
    RaisedSignal,
    ScoreResult,
    answer_to_json,
    is_for_volunteer,
)
from huisbezoek.forms.loader import (
    canonical_source,
    definition_hash,
    load_form,
    load_form_source,
)
from huisbezoek.forms.model import (
    WELLBEING_DOMAINS,
    DateQuestion,
    FormSpec,
    InfoQuestion,
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
from huisbezoek.forms.registry import FormRegistry, default_forms_dir

__all__ = [
    "NOT_ASKED",
    "NOT_SAYING",
    "SPECIAL_ANSWER_LABELS",
    "WELLBEING_DOMAINS",
    "Answer",
    "DateQuestion",
    "Evaluation",
    "Form",
    "FormDefinitionError",
    "FormProblem",
    "FormRegistry",
    "FormSpec",
    "FormState",
    "InfoQuestion",
    "LongTextQuestion",
    "MultipleChoiceQuestion",
    "NumberQuestion",
    "Option",
    "Question",
    "RaisedSignal",
    "ScaleQuestion",
    "ScoreResult",
    "Section",
    "ShortTextQuestion",
    "SingleChoiceQuestion",
    "YesNoQuestion",
    "answer_to_json",
    "canonical_source",
    "default_forms_dir",
    "definition_hash",
    "evaluate",
    "is_for_volunteer",
    "load_form",
    "load_form_source",
]
