"""The signed and encrypted inside of a batch: minimised signal summaries and anonymous counts.

This schema *is* the data-minimisation rule: a field that is not here cannot leave the laptop.
Both sides validate with the same models, strictly (no coercion, no unknown fields).
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any, Literal, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    StringConstraints,
    model_validator,
)
from pydantic_core import core_schema

from huisbezoek.domain import ConsentMethod, ConsentScope, ContactOutcome, Severity
from huisbezoek.safe_text import clean_line

SCHEMA = "huisbezoek.signalen"
SCHEMA_VERSION = 2  # what this version writes; version 1 batches are still read
MAX_SIGNALS = 20_000
MAX_NEIGHBOURHOODS = 2_000
MAX_COUNT = 10_000_000


_SEVERITY_BY_SLUG: dict[str, Severity] = {s.slug: s for s in Severity}
_SLUG_BY_SEVERITY: dict[Severity, str] = {s: s.slug for s in Severity}


class _SeveritySlugCodec:
    """A ``Severity`` travels as its slug ("zorg"). Checked in pydantic-core without a Python
    function per signal: the slug must be one of the four literals, then a dict maps it."""

    @staticmethod
    def __get_pydantic_core_schema__(
        source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        from_slug = core_schema.chain_schema(
            [
                core_schema.literal_schema(list(_SEVERITY_BY_SLUG)),
                core_schema.no_info_plain_validator_function(_SEVERITY_BY_SLUG.__getitem__),
            ]
        )
        return core_schema.json_or_python_schema(
            json_schema=from_slug,
            python_schema=core_schema.union_schema(
                [core_schema.is_instance_schema(Severity), from_slug]
            ),
            serialization=core_schema.plain_serializer_function_ser_schema(
                _SLUG_BY_SEVERITY.__getitem__, return_schema=core_schema.str_schema()
            ),
        )


SeveritySlug = Annotated[Severity, _SeveritySlugCodec]

# What is wrong with a list of consent scopes ("" when nothing), by the list as sent, joined
# with commas (members are str, so str.join reads them in C: no Enum.__hash__ call). At most 340
# lists of one to four scopes exist, so this stays small.
_SCOPE_PROBLEMS: dict[str, str] = {}


def _scope_problem(key: str, scopes: list[ConsentScope]) -> str:
    if len({scope.value for scope in scopes}) != len(scopes):
        problem = "consent scopes repeat"
    elif ConsentScope.SHARE_SIGNAL not in scopes:
        problem = "a shared signal needs consent to share it"
    else:
        problem = ""
    _SCOPE_PROBLEMS[key] = problem
    return problem


ServiceId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,39}$")]
Text = Annotated[str, StringConstraints(max_length=2000)]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=500)]
Line = Annotated[str, StringConstraints(max_length=200)]
KeyIdHex = Annotated[str, StringConstraints(pattern=r"^[0-9A-F]{16}$")]
Count = Annotated[int, Field(ge=0, le=MAX_COUNT)]
AddressRef = Annotated[str, StringConstraints(min_length=1, max_length=64)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class BatchHeader(_Strict):
    """Repeated inside the encryption so the outside manifest can be checked against it."""

    org_id: uuid.UUID
    batch_id: uuid.UUID
    key_id: KeyIdHex
    sequence: Annotated[int, Field(ge=1, le=10**9)]
    created: datetime


class Consent(_Strict):
    """Which consent a shared signal carries. The rules that span fields (no scope twice,
    ``delen_signaal`` always) are checked by :class:`BatchPayload` for all signals at once."""

    scopes: Annotated[list[ConsentScope], Field(min_length=1, max_length=len(ConsentScope))]
    given_on: date
    method: ConsentMethod


class ResidentIdentity(_Strict):
    """Only present when the resident agreed to share who they are, so someone can call back."""

    name: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    address: Line = ""
    postcode: Annotated[str, StringConstraints(max_length=10)] = ""
    place: Line = ""
    phone: Annotated[str, StringConstraints(max_length=40)] = ""


#: A theme travels as its id: a built-in one (``vallen``) or one a form declares (``geheugen``).
ThemeSlug = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,63}$")]


class SharedSignal(_Strict):
    """One shared signal; ``identity`` only with consent ``delen_identiteit`` (checked by
    :class:`BatchPayload`, with the consent rules, in one pass over all signals)."""

    id: uuid.UUID
    revision: Annotated[int, Field(ge=1, le=10**6)]
    theme: ThemeSlug
    severity: SeveritySlug
    text: ShortText
    agreed: Text = ""
    consent: Consent
    identity: ResidentIdentity | None = None
    # Schema 2: the sociale kaart id of the service the resident agreed to be referred to
    # (only with consent ``doorverwijzen``), and the neighbourhood, which the anonymous counts
    # already name, so a signal without identity is still placed in its neighbourhood.
    referral_service_id: ServiceId | None = None
    neighbourhood: Annotated[str, StringConstraints(max_length=100)] | None = None


class WithdrawnSignal(_Strict):
    """A signal shared before that the resident no longer wants shared (consent withdrawn, or
    the signal removed from a reopened visit): the coordinator erases what it holds of it."""

    id: uuid.UUID
    revision: Annotated[int, Field(ge=1, le=10**6)]


QuarterKey = Annotated[str, StringConstraints(pattern=r"^20[0-9]{2}Q[1-4]$")]
DeclineKey = Literal[
    "geen_behoefte", "al_hulp", "geen_tijd", "wantrouwen", "gezondheid", "anders", "niet_gegeven"
]


class PeriodCounts(_Strict):
    """Residents (never contact attempts) counted in the calendar quarter in which they first
    reached a stage, by the domain's status rules (``domain.status.resident_figures``).

    ``declined`` and ``not_reached`` count residents whose status that is now, by the quarter of
    the deciding contact, ``declined`` by coded reason. ``themes``: residents whose first signal
    on a theme (shared or not) came from a finished visit in the quarter. ``referrals``:
    residents referred to a service of the sociale kaart, by service id, in the quarter of the
    consent. ``gone``: moved or deceased, out of the round.
    """

    invited: Count = 0
    reached: Count = 0
    accepted: Count = 0
    visited: Count = 0
    not_reached: Count = 0
    signalled: Count = 0  # residents whose first signal (any theme) came in the quarter
    gone: Count = 0
    declined: dict[DeclineKey, Count] = Field(default_factory=dict)
    themes: dict[ThemeSlug, Count] = Field(default_factory=dict)
    referrals: Annotated[dict[ServiceId, Count], Field(max_length=500)] = Field(
        default_factory=dict
    )


class NeighbourhoodCounts(_Strict):
    """The volunteer's running totals for one neighbourhood at export time (a snapshot).

    Schema 2 sends ``periods`` (residents per quarter) only; schema 1 sent contact attempts per
    outcome, visits and unshared signals per theme, which are still read from old batches.
    """

    # Control characters stripped before the name is stored or printed (a report, a terminal).
    neighbourhood: Annotated[
        str, StringConstraints(min_length=1, max_length=100), AfterValidator(clean_line)
    ]
    outcomes: dict[ContactOutcome, Count] = Field(default_factory=dict)
    visits: Count = 0
    unshared_signals: dict[ThemeSlug, Count] = Field(default_factory=dict)
    periods: Annotated[dict[QuarterKey, PeriodCounts], Field(max_length=400)] = Field(
        default_factory=dict
    )


class BatchPayload(_Strict):
    schema_name: Literal["huisbezoek.signalen"] = Field(
        default="huisbezoek.signalen", alias="schema"
    )
    schema_version: Literal[1, 2] = 2  # SCHEMA_VERSION
    header: BatchHeader
    signals: Annotated[list[SharedSignal], Field(max_length=MAX_SIGNALS)]
    neighbourhoods: Annotated[list[NeighbourhoodCounts], Field(max_length=MAX_NEIGHBOURHOODS)]
    withdrawn: Annotated[list[WithdrawnSignal], Field(max_length=MAX_SIGNALS)] = Field(
        default_factory=list
    )
    # Address-list entries (the coordinator's own numbers from an assignment package) of
    # residents erased on the laptop at their request: the coordinator drops them too.
    erased_addresses: Annotated[list[AddressRef], Field(max_length=MAX_SIGNALS)] = Field(
        default_factory=list
    )

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, populate_by_name=True)

    @model_validator(mode="after")
    def _check(self) -> Self:
        # One pass over the signals here rather than a validator on Consent and SharedSignal:
        # pydantic calls a model validator once per object, which was a fifth of validating
        # a payload.
        known = _SCOPE_PROBLEMS
        for signal in self.signals:
            scopes = signal.consent.scopes
            key = ",".join(scopes)
            problem = known.get(key)
            if problem is None:
                problem = _scope_problem(key, scopes)
            if problem:
                raise ValueError(problem)
            if signal.identity is not None and ConsentScope.SHARE_IDENTITY not in scopes:
                raise ValueError("identity without consent to share it")
            if signal.referral_service_id is not None and ConsentScope.REFERRAL not in scopes:
                raise ValueError("a referral service without consent to refer")
        ids = {s.id.int for s in self.signals} | {w.id.int for w in self.withdrawn}
        if len(ids) != len(self.signals) + len(self.withdrawn):  # .int: hashes in C
            raise ValueError("a signal appears twice")
        for counts in self.neighbourhoods:
            if self.schema_version == 1 and counts.periods:
                raise ValueError("schema 1 has no counts per period")
            if self.schema_version >= 2 and (
                counts.outcomes or counts.visits or counts.unshared_signals
            ):
                # minimisation: contact attempts and signal totals no longer travel
                raise ValueError("schema 2 sends residents per period only")
        names = [n.neighbourhood for n in self.neighbourhoods]
        if len(set(names)) != len(names):
            raise ValueError("a neighbourhood appears twice")
        return self

    def to_json(self) -> bytes:
        return self.model_dump_json(by_alias=True).encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes) -> BatchPayload:
        return cls.model_validate_json(data, strict=True)
