"""The form-file format as frozen pydantic models: what a coordinator writes, what the GUI draws.

These models are the single source of the published JSON Schema (``forms/form.schema.json``).
Checks that need the whole form (ids that exist, expression types, cycles) live in the loader.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictFloat, StrictInt, StrictStr

Id = Annotated[StrictStr, Field(pattern=r"^[a-z][a-z0-9_]{0,63}$")]
Text = Annotated[StrictStr, Field(min_length=1)]
Expression = Annotated[StrictStr, Field(min_length=1, description="Een formule, zie docs/forms.md")]
Number = StrictInt | StrictFloat
SeveritySlug = Literal["informatie", "aandacht", "zorg", "direct"]
WellbeingDomain = Literal[
    "lichaam", "mentaal", "zingeving", "kwaliteit_van_leven", "meedoen", "dagelijks_functioneren"
]
WELLBEING_DOMAINS: tuple[str, ...] = (
    "lichaam",
    "mentaal",
    "zingeving",
    "kwaliteit_van_leven",
    "meedoen",
    "dagelijks_functioneren",
)


class _Model(BaseModel):
    model_config = ConfigDict(
        frozen=True, extra="forbid", populate_by_name=False, allow_inf_nan=False
    )


class Option(_Model):
    """One answer option of a choice question."""

    value: Id = Field(description="Korte code van het antwoord, gebruikt in formules")
    label: Text = Field(description="Wat de vrijwilliger leest")
    exclusive: StrictBool = Field(
        default=False, description="Bij meer antwoorden: kan niet samen met andere opties"
    )


class Constraint(_Model):
    """A check on an answer with its own message ("Het gewicht moet tussen 30 en 250 kg zijn")."""

    check: Expression = Field(description="Moet waar zijn als de vraag een antwoord heeft")
    message: Text = Field(description="Melding als de controle niet klopt")


class _QuestionBase(_Model):
    id: Id
    label: Text = Field(description="De vraag of tekst zoals de vrijwilliger die leest")
    toelichting: Text | None = Field(default=None, description="Uitleg voor de vrijwilliger")
    relevant: Expression | None = Field(
        default=None, description="Alleen vragen als deze formule waar is"
    )


class _AnswerableBase(_QuestionBase):
    required: StrictBool = Field(default=False, description="Moet beantwoord worden")
    for_volunteer: StrictBool = Field(
        default=False,
        description="De vrijwilliger beantwoordt deze vraag zelf (geen 'wil ik niet zeggen')",
    )
    constraints: tuple[Constraint, ...] = ()


class InfoQuestion(_QuestionBase):
    """A text to read out or show; has no answer."""

    type: Literal["info"]


class YesNoQuestion(_AnswerableBase):
    type: Literal["yes_no"]


class SingleChoiceQuestion(_AnswerableBase):
    type: Literal["single_choice"]
    options: tuple[Option, ...] | None = Field(default=None, min_length=1)
    option_set: Id | None = Field(default=None, description="Naam van een lijst in option_sets")


class MultipleChoiceQuestion(_AnswerableBase):
    type: Literal["multiple_choice"]
    options: tuple[Option, ...] | None = Field(default=None, min_length=1)
    option_set: Id | None = Field(default=None, description="Naam van een lijst in option_sets")


class ScaleQuestion(_AnswerableBase):
    """A whole number from ``min`` to ``max`` with labelled ends (for example 0 to 10)."""

    type: Literal["scale"]
    min: StrictInt = 0
    max: StrictInt = 10
    min_label: Text
    max_label: Text
    wellbeing_domain: WellbeingDomain | None = Field(
        default=None, description="Een van de zes cijfers voor het overzicht (spinnenweb)"
    )


class NumberQuestion(_AnswerableBase):
    type: Literal["number"]
    unit: Text | None = None
    min: Number | None = None
    max: Number | None = None
    decimals: Annotated[StrictInt, Field(ge=0, le=3)] = 0


class DateQuestion(_AnswerableBase):
    type: Literal["date"]
    min: dt.date | None = Field(default=None, description="Vroegste datum, jjjj-mm-dd")
    max: dt.date | None = Field(default=None, description="Laatste datum, jjjj-mm-dd")
    visit_date: bool = Field(
        default=False,
        description="De datum van het bezoek: staat al op vandaag als het gesprek begint",
    )


class ShortTextQuestion(_AnswerableBase):
    type: Literal["short_text"]
    max_length: Annotated[StrictInt, Field(ge=1, le=1000)] = 200


class LongTextQuestion(_AnswerableBase):
    type: Literal["long_text"]
    max_length: Annotated[StrictInt, Field(ge=1, le=20000)] = 4000


Question = Annotated[
    InfoQuestion
    | YesNoQuestion
    | SingleChoiceQuestion
    | MultipleChoiceQuestion
    | ScaleQuestion
    | NumberQuestion
    | DateQuestion
    | ShortTextQuestion
    | LongTextQuestion,
    Field(discriminator="type"),
]
AnswerableQuestion = (
    YesNoQuestion
    | SingleChoiceQuestion
    | MultipleChoiceQuestion
    | ScaleQuestion
    | NumberQuestion
    | DateQuestion
    | ShortTextQuestion
    | LongTextQuestion
)
QUESTION_TYPES: tuple[str, ...] = (
    "info",
    "yes_no",
    "single_choice",
    "multiple_choice",
    "scale",
    "number",
    "date",
    "short_text",
    "long_text",
)


class Section(_Model):
    """A topic of the conversation; the GUI shows one section at a time."""

    id: Id
    title: Text
    intro: Text | None = None
    relevant: Expression | None = None
    questions: tuple[Question, ...] = Field(min_length=1)


class Band(_Model):
    """A labelled range of a score. For sum and formula scores, a band runs from ``from`` up to
    the next band's ``from``; classification scores name their bands in rules instead."""

    id: Id
    label: Text
    from_: Number | None = Field(default=None, alias="from")


class ScoreItem(_Model):
    question: Id
    reverse: StrictBool = Field(
        default=False, description="Omgekeerd scoren: de volgorde van de opties gespiegeld"
    )
    option_scores: dict[Id, Number] | None = None


class _ScoreBase(_Model):
    id: Id
    label: Text
    part_of: Id | None = Field(default=None, description="Deelscore van deze score")
    missing_label: Text | None = Field(
        default=None, description="Wat het overzicht toont als de score ontbreekt"
    )
    bands: tuple[Band, ...] = ()
    note: StrictStr | None = None


class SumScore(_ScoreBase):
    """The sum of item scores, with a rule for missing items."""

    kind: Literal["sum"]
    items: tuple[ScoreItem, ...] = Field(min_length=1)
    option_scores: dict[Id, Number] | None = None
    max_missing: Annotated[StrictInt, Field(ge=0)] = 0


class FormulaScore(_ScoreBase):
    kind: Literal["formula"]
    formula: Expression


class ClassifyRule(_Model):
    when: Expression
    band: Id


class ClassifyScore(_ScoreBase):
    """The first rule whose condition is true gives the band; none true means missing."""

    kind: Literal["classify"]
    rules: tuple[ClassifyRule, ...] = Field(min_length=1)


Score = Annotated[SumScore | FormulaScore | ClassifyScore, Field(discriminator="kind")]

ServiceTag = Annotated[StrictStr, Field(pattern=r"^[a-z][a-z0-9_]{0,63}$")]


class SignalRule(_Model):
    """When ``when`` is true, the summary gets a signal about ``theme``."""

    id: Id
    when: Expression
    theme: Id = Field(description="Een vast thema, of een thema uit 'themes' van dit formulier")
    severity: SeveritySlug
    text: Text = Field(description="Korte tekst voor het overzicht (B1)")
    leaflets: tuple[Id, ...] = Field(
        default=(), description="Folders (bestandsnamen in de map folders), belangrijkste eerst"
    )
    services: tuple[ServiceTag, ...] = Field(
        default=(), description="Soorten hulp uit de sociale kaart, bijv. valpreventie"
    )
    note_from: Id | None = Field(
        default=None, description="Tekstvraag waarvan het antwoord bij het signaal komt"
    )
    paper_unsafe: StrictBool = Field(
        default=False,
        description="Papier thuis kan onveilig zijn (geweld, geldmisbruik): "
        "de samenvatting staat dan niet aangevinkt",
    )


class ThemeDeclaration(_Model):
    """A theme this form adds to the built-in ones (for example ``geheugen``)."""

    id: Id
    label: Text = Field(description="Naam van het thema zoals de coördinator het leest")


class FormSpec(_Model):
    """One version of one conversation form, as written in ``forms/<id>.v<version>.yaml``."""

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        allow_inf_nan=False,
        title="Huisbezoek gespreksformulier",
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema"},
    )

    format: Literal[1] = Field(description="Versie van dit bestandsformaat")
    id: Annotated[StrictStr, Field(pattern=r"^[a-z][a-z0-9_-]{0,63}$")]
    version: Annotated[StrictInt, Field(ge=1)]
    title: Text
    description: StrictStr | None = None
    option_sets: dict[Id, tuple[Option, ...]] = {}
    sections: tuple[Section, ...] = Field(min_length=1)
    themes: tuple[ThemeDeclaration, ...] = Field(
        default=(), description="Thema's die dit formulier toevoegt aan de vaste thema's"
    )
    scores: tuple[Score, ...] = ()
    signals: tuple[SignalRule, ...] = ()
