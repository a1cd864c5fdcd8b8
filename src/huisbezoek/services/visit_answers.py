"""The autosave path of a visit: start it, save one answer at a time, load the answers back.

Each function is one unit of work that has committed durably (WAL, ``synchronous=FULL``)
before it returns, so an answer the screen shows as saved survives a crash or a pulled plug.
``save_answer`` runs on every change in the form, so it runs two SQL statements straight on a
warm, keyed driver connection (``Vault.driver_unit``) instead of the ORM.

Answers are stored as tagged JSON so their Python type comes back exactly:
``{"b": true}``, ``{"n": 3}``, ``{"s": "ja"}``, ``{"m": ["a", "b"]}`` (a set of choices),
``{"d": "2026-01-31"}``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Protocol

from huisbezoek.domain import VisitStatus
from huisbezoek.errors import InvalidInputError, UserError
from huisbezoek.vault import Vault
from huisbezoek.vault.errors import VisitFinalisedError

#: What an answer can be (the form engine's ``Answer``): None means "no answer".
AnswerValue = bool | int | float | str | date | frozenset[str] | None


class PinnedForm(Protocol):
    """The parts of a form definition a visit pins (``huisbezoek.forms.Form`` fits)."""

    @property
    def id(self) -> str: ...
    @property
    def version(self) -> object: ...
    @property
    def definition_hash(self) -> str: ...
    @property
    def source_text(self) -> str: ...


@dataclass(frozen=True, slots=True)
class VisitSummary:
    visit_id: int
    resident_id: int
    form_id: str
    form_version: str
    definition_hash: str
    status: VisitStatus
    started_at: datetime
    updated_at: datetime
    finalised_at: datetime | None
    reopened_count: int


class VisitNotFoundError(UserError):
    message_nl = "Dit gesprek bestaat niet meer. Er is niets opgeslagen."


class ResidentNotFoundError(UserError):
    message_nl = "Deze bewoner bestaat niet meer. Er is geen gesprek gestart."


# -- encoding -----------------------------------------------------------------------------------


def encode_answer(value: AnswerValue) -> str:
    """Tagged JSON for one answer (``None`` is not stored: it deletes the answer)."""
    if isinstance(value, bool):
        tagged: dict[str, object] = {"b": value}
    elif isinstance(value, int | float):
        tagged = {"n": value}
    elif isinstance(value, str):
        tagged = {"s": value}
    elif isinstance(value, datetime):
        raise TypeError("answers hold dates, not date-times")
    elif isinstance(value, date):
        tagged = {"d": value.isoformat()}
    elif isinstance(value, frozenset | set | list | tuple):
        tagged = {"m": sorted(str(v) for v in value)}
    else:
        raise TypeError(f"cannot store an answer of type {type(value).__name__}")
    try:
        return json.dumps(tagged, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except ValueError:
        raise InvalidInputError("answer is not a finite number") from None


def decode_answer(text: str) -> AnswerValue:
    data = json.loads(text)
    if not isinstance(data, dict) or len(data) != 1:
        raise ValueError("stored answer has no single tag")
    tag, value = next(iter(data.items()))
    if tag == "m":
        return frozenset(str(v) for v in value)
    if tag == "d":
        return date.fromisoformat(value)
    if tag in ("b", "n", "s"):
        return value  # type: ignore[no-any-return]
    raise ValueError(f"unknown answer tag {tag!r}")


def _stamp(moment: datetime) -> str:
    # Same text as the models' UTCDateTime column type writes.
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


# -- use cases ----------------------------------------------------------------------------------


def start_visit(  # noqa: PLR0917 (the signature the GUI was promised)
    vault: Vault,
    resident_id: int,
    form_id: str | PinnedForm,
    version: object | None = None,
    definition_hash: str | None = None,
    definition_source: str | None = None,
    *,
    prefill: Mapping[str, AnswerValue] | None = None,
) -> int:
    """Start a draft visit pinned to a form definition; returns the visit id.

    Give ``form_id, version, definition_hash, definition_source``, or a form object as the
    third argument. The definition text is kept in the vault (once per hash), so the visit
    renders with exactly this form later, whatever is installed then. ``prefill`` answers
    (the visit date) are saved in the same transaction, as ordinary answers the volunteer can
    change.
    """
    if not isinstance(form_id, str):
        form = form_id
        form_id, version = form.id, form.version
        definition_hash, definition_source = form.definition_hash, form.source_text
    if version is None or not definition_hash or definition_source is None:
        raise ValueError("start_visit needs the form id, version, hash and source")
    now = _stamp(datetime.now(UTC))
    with vault.connection() as conn:
        exists = conn.exec_driver_sql(
            "SELECT 1 FROM residents WHERE id = ?", (resident_id,)
        ).first()
        if exists is None:
            raise ResidentNotFoundError(f"resident {resident_id} not found")
        conn.exec_driver_sql(
            "INSERT INTO form_definitions (sha256, form_id, version, source, stored_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
            (definition_hash, form_id, str(version), definition_source, now),
        )
        result = conn.exec_driver_sql(
            "INSERT INTO visits (resident_id, form_id, form_version, definition_hash, status, "
            "started_at, updated_at, reopened_count) VALUES (?, ?, ?, ?, ?, ?, ?, 0)",
            (
                resident_id,
                form_id,
                str(version),
                definition_hash,
                VisitStatus.DRAFT.value,
                now,
                now,
            ),
        )
        visit_id = result.lastrowid
        assert isinstance(visit_id, int)
        for question_id, value in (prefill or {}).items():
            if value is not None:
                conn.exec_driver_sql(
                    _UPSERT_ANSWER, (visit_id, question_id, encode_answer(value), now)
                )
    return visit_id


_TOUCH_VISIT = "UPDATE visits SET updated_at = ? WHERE id = ? AND status = ?"
_UPSERT_ANSWER = (
    "INSERT INTO answers (visit_id, question_id, value_json, updated_at) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (visit_id, question_id) DO UPDATE SET "
    "value_json = excluded.value_json, updated_at = excluded.updated_at"
)
_DELETE_ANSWER = "DELETE FROM answers WHERE visit_id = ? AND question_id = ?"
_DRAFT = VisitStatus.DRAFT.value


def save_answer(vault: Vault, visit_id: int, question_id: str, value: AnswerValue) -> datetime:
    """Save one answer durably and return when; ``None`` removes the answer.

    Refused with ``VisitFinalisedError`` once the visit is finalised (reopen it first).
    """
    payload = None if value is None else encode_answer(value)
    saved_at = datetime.now(UTC)
    stamp = _stamp(saved_at)
    with vault.driver_unit() as conn:
        touched = conn.execute(_TOUCH_VISIT, (stamp, visit_id, _DRAFT)).rowcount
        if touched != 1:
            _explain_untouched(conn, visit_id)
        if payload is None:
            conn.execute(_DELETE_ANSWER, (visit_id, question_id))
        else:
            conn.execute(_UPSERT_ANSWER, (visit_id, question_id, payload, stamp))
    return saved_at


def _explain_untouched(conn: Any, visit_id: int) -> None:
    row = conn.execute("SELECT status FROM visits WHERE id = ?", (visit_id,)).fetchone()
    if row is None:
        raise VisitNotFoundError(f"visit {visit_id} not found")
    raise VisitFinalisedError(f"visit {visit_id} is finalised")


def save_answers(
    vault: Vault, visit_id: int, answers: Iterable[tuple[str, AnswerValue]]
) -> datetime:
    """Several answers in one unit of work (for example a page filled at once)."""
    saved_at = datetime.now(UTC)
    stamp = _stamp(saved_at)
    with vault.driver_unit() as conn:
        touched = conn.execute(_TOUCH_VISIT, (stamp, visit_id, _DRAFT)).rowcount
        if touched != 1:
            _explain_untouched(conn, visit_id)
        for question_id, value in answers:
            if value is None:
                conn.execute(_DELETE_ANSWER, (visit_id, question_id))
            else:
                conn.execute(_UPSERT_ANSWER, (visit_id, question_id, encode_answer(value), stamp))
    return saved_at


def load_answers(vault: Vault, visit_id: int) -> dict[str, AnswerValue]:
    """Every saved answer of the visit: question id to value."""
    with vault.connection() as conn:
        rows = conn.exec_driver_sql(
            "SELECT question_id, value_json FROM answers WHERE visit_id = ? ORDER BY id",
            (visit_id,),
        ).all()
    return {question_id: decode_answer(text) for question_id, text in rows}


def get_visit(vault: Vault, visit_id: int) -> VisitSummary:
    """The visit's pinned form and timestamps as plain data."""
    from huisbezoek.vault.models import Visit

    with vault.session() as s:
        visit = s.get(Visit, visit_id)
        if visit is None:
            raise VisitNotFoundError(f"visit {visit_id} not found")
        return VisitSummary(
            visit_id=visit.id,
            resident_id=visit.resident_id,
            form_id=visit.form_id,
            form_version=visit.form_version,
            definition_hash=visit.definition_hash,
            status=visit.status,
            started_at=visit.started_at,
            updated_at=visit.updated_at,
            finalised_at=visit.finalised_at,
            reopened_count=visit.reopened_count,
        )
