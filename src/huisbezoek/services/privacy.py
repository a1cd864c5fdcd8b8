"""Privacy on the volunteer's laptop: erase a resident, show a resident everything held about
them, and purge what is no longer needed (retention).

Erasure removes the resident and everything that hangs off them (contact history,
appointments, visits with their answers, signals, consents, notes, leaflets given, the
remembered place in a visit) in one transaction, leaves a tombstone with counts only
(``erasures``: no name, no row id, no signal id), writes an audit event with the same counts,
and then folds the WAL back into the database and truncates it. Every connection runs with
``secure_delete``, so the freed pages are overwritten, not left in free space.

Retention: residents who declined or were not reached, and residents whose finished visits
the coordinator confirmed received (a receipt named the batch that carried their signals), are
purged after the organisation's retention period. ``retention_preview`` lists exactly what
``run_retention`` removes; ``run_retention`` can be held to that list.
"""

from __future__ import annotations

import json
import logging
import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session, selectinload

from huisbezoek.domain import (
    ConsentScope,
    ContactMethod,
    ContactOutcome,
    ResidentStatus,
    VisitStatus,
    theme_label_nl,
)
from huisbezoek.domain.dates import months_before
from huisbezoek.domain.status import ContactEvent, resident_status
from huisbezoek.errors import UserError
from huisbezoek.printing.builder import Organisation
from huisbezoek.printing.content import ServiceDirectory
from huisbezoek.printing.privacy import (
    AccessInput,
    AccessVisitText,
    PrivacyText,
    load_privacy_texts,
    render_subject_access,
)
from huisbezoek.printing.summary import date_nl
from huisbezoek.services import vault_settings
from huisbezoek.services.letterhead import organisation_of, volunteer_first_name
from huisbezoek.vault import AuditEvent, Vault
from huisbezoek.vault.audit import append_event
from huisbezoek.vault.models import (
    Answer,
    Appointment,
    ConsentRecord,
    ContactAttempt,
    ErasedAssignment,
    Erasure,
    ExportBatch,
    LeafletGiven,
    OutboxItem,
    Resident,
    Signal,
    Visit,
    WithdrawnSignal,
)

log = logging.getLogger(__name__)

REASON_REQUEST = "verzoek"  # the resident asked
REASON_NOTICE = "coordinator"  # an erasure notice from the coordinator
REASON_RETENTION = "bewaartermijn"  # the retention period ran out

#: Months the laptop keeps what retention covers when the organisation set nothing.
DEFAULT_RETENTION_MONTHS = 6
MIN_RETENTION_MONTHS = 1
MAX_RETENTION_MONTHS = 36
RETENTION_SETTING_KEY = "retention_months"  # in the configuration package's body


class ResidentGoneError(UserError):
    message_nl = "Deze bewoner staat niet (meer) in de kluis."


# -- what an erasure takes ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ErasureScope:
    """Everything an erasure of one resident removes, counted; ``name`` only for the screen."""

    resident_id: int
    name: str
    visits: int = 0
    answers: int = 0
    notes: int = 0  # free texts written by the volunteer: resident, contact, appointment, signal
    contacts: int = 0
    appointments: int = 0
    signals: int = 0
    shared_signals: int = 0  # of which the coordinator holds a copy
    consents: int = 0
    leaflets: int = 0

    def counts(self) -> dict[str, int]:
        """The counts alone: what the tombstone and the audit log keep (no name, no ids)."""
        return {
            "visits": self.visits,
            "answers": self.answers,
            "notes": self.notes,
            "contacts": self.contacts,
            "appointments": self.appointments,
            "signals": self.signals,
            "shared_signals": self.shared_signals,
            "consents": self.consents,
            "leaflets": self.leaflets,
        }

    def lines_nl(self) -> list[str]:
        """What goes, one short Dutch line per kind (only kinds that have something)."""

        def n(count: int, one: str, many: str) -> str:
            return f"{count} {one if count == 1 else many}"

        lines = ["Naam, adres, telefoon en geboortedatum"]
        if self.visits:
            lines.append(
                n(self.visits, "gesprek", "gesprekken")
                + " met "
                + n(self.answers, "antwoord", "antwoorden")
            )
        if self.notes:
            lines.append(n(self.notes, "notitie", "notities"))
        if self.contacts:
            lines.append(n(self.contacts, "contactpoging", "contactpogingen"))
        if self.appointments:
            lines.append(n(self.appointments, "afspraak", "afspraken"))
        if self.signals:
            lines.append(n(self.signals, "signaal", "signalen"))
        if self.consents:
            lines.append(n(self.consents, "toestemming", "toestemmingen"))
        if self.leaflets:
            lines.append(n(self.leaflets, "meegegeven folder", "meegegeven folders"))
        return lines


@dataclass(slots=True)
class _Facts:
    """What the laptop holds about one resident, read in bulk (a few queries for all
    residents, not a few per resident: retention runs at every unlock)."""

    id: int
    name: str
    stamps: list[datetime]
    assignment_ref: str | None
    notes: int = 0
    contacts: list[ContactEvent] = field(default_factory=list)
    appointments: list[tuple[datetime, bool]] = field(default_factory=list)
    visits: list[tuple[int, VisitStatus, datetime | None]] = field(default_factory=list)
    answers: int = 0
    leaflets: int = 0
    # (row id, revision, exported revision, exported batch) per signal
    signals: list[tuple[int, int, int | None, str | None]] = field(default_factory=list)
    consents: int = 0
    shared: set[int] = field(default_factory=set)  # signal ids with active consent to share

    def scope(self) -> ErasureScope:
        return ErasureScope(
            resident_id=self.id,
            name=self.name,
            visits=len(self.visits),
            answers=self.answers,
            notes=self.notes,
            contacts=len(self.contacts),
            appointments=len(self.appointments),
            signals=len(self.signals),
            shared_signals=sum(1 for sig in self.signals if sig[2] is not None),
            consents=self.consents,
            leaflets=self.leaflets,
        )


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), 500):
        yield list(ids[start : start + 500])


def _gather(
    s: Session, only: Sequence[int] | None = None, *, quiet_before: datetime | None = None
) -> dict[int, _Facts]:
    """The facts of every resident (or of ``only``), with one query per table.

    ``quiet_before``: only residents with no activity since then (retention's candidates);
    the others are dropped before the costlier counts (answers, signals, consents) are read,
    so the purge at unlock stays cheap when little is due."""
    query = select(
        Resident.id, Resident.name, Resident.created_at, Resident.updated_at,
        Resident.assignment_ref, Resident.notes,
    )  # fmt: skip
    rows = []
    if only is None:
        rows = list(s.execute(query))
    else:
        for chunk in _chunks(only):
            rows += list(s.execute(query.where(Resident.id.in_(chunk))))
    facts = {
        rid: _Facts(rid, name, [created, updated], ref, notes=int(bool(notes.strip())))
        for rid, name, created, updated, ref, notes in rows
    }
    if not facts:
        return facts
    ids = sorted(facts)

    whole = only is None

    def each(statement: Any, column: Any) -> Iterable[Any]:
        if whole:
            yield from s.execute(statement)
        else:
            for chunk in _chunks(ids):
                yield from s.execute(statement.where(column.in_(chunk)))

    for rid, at, outcome, note in each(
        select(ContactAttempt.resident_id, ContactAttempt.at, ContactAttempt.outcome,
               ContactAttempt.note),
        ContactAttempt.resident_id,
    ):  # fmt: skip
        f = facts[rid]
        f.contacts.append(ContactEvent(at, outcome))
        f.stamps.append(at)
        f.notes += bool(note.strip())
    for rid, at, cancelled, note in each(
        select(Appointment.resident_id, Appointment.at, Appointment.cancelled, Appointment.note),
        Appointment.resident_id,
    ):
        f = facts[rid]
        f.appointments.append((at, cancelled))
        f.stamps.append(at)
        f.notes += bool(note.strip())
    owner: dict[int, int] = {}
    for vid, rid, status, finalised, updated in each(
        select(Visit.id, Visit.resident_id, Visit.status, Visit.finalised_at, Visit.updated_at),
        Visit.resident_id,
    ):
        owner[vid] = rid
        facts[rid].visits.append((vid, status, finalised))
        facts[rid].stamps += [updated] + ([finalised] if finalised is not None else [])
    if quiet_before is not None:
        facts = {rid: f for rid, f in facts.items() if max(f.stamps) < quiet_before}
        if len(facts) < len(ids):
            whole, ids = False, sorted(facts)
        if not facts:
            return facts
    by_visit = (Visit, Visit.resident_id)
    for vid, count in each(
        select(Answer.visit_id, func.count()).join(Visit, Answer.visit_id == Visit.id)
        .group_by(Answer.visit_id),
        by_visit[1],
    ):  # fmt: skip
        facts[owner[vid]].answers += count
    for vid, count in each(
        select(LeafletGiven.visit_id, func.count()).join(Visit, LeafletGiven.visit_id == Visit.id)
        .group_by(LeafletGiven.visit_id),
        by_visit[1],
    ):  # fmt: skip
        facts[owner[vid]].leaflets += count
    for sid, vid, revision, sent, batch, note, agreed in each(
        select(Signal.id, Signal.visit_id, Signal.revision, Signal.exported_revision,
               Signal.exported_batch, Signal.note, Signal.agreed_action)
        .join(Visit, Signal.visit_id == Visit.id),
        by_visit[1],
    ):  # fmt: skip
        f = facts[owner[vid]]
        f.signals.append((sid, revision, sent, batch))
        f.notes += bool(note.strip()) + bool(agreed.strip())
    for rid, signal_id, scope, withdrawn in each(
        select(ConsentRecord.resident_id, ConsentRecord.signal_id, ConsentRecord.scope,
               ConsentRecord.withdrawn_at),
        ConsentRecord.resident_id,
    ):  # fmt: skip
        f = facts[rid]
        f.consents += 1
        if signal_id is not None and scope is ConsentScope.SHARE_SIGNAL and withdrawn is None:
            f.shared.add(signal_id)
    return facts


def _one(s: Session, resident_id: int) -> _Facts:
    facts = _gather(s, [resident_id]).get(resident_id)
    if facts is None:
        raise ResidentGoneError(f"resident {resident_id} not found")
    return facts


def _load(s: Session, resident_id: int) -> Resident:
    """One resident as ORM object with contacts, appointments and visits (subject access)."""
    resident = s.scalars(
        select(Resident)
        .where(Resident.id == resident_id)
        .options(
            selectinload(Resident.contacts),
            selectinload(Resident.appointments),
            selectinload(Resident.visits),
        )
    ).first()
    if resident is None:
        raise ResidentGoneError(f"resident {resident_id} not found")
    return resident


def erasure_scope(vault: Vault, resident_id: int) -> ErasureScope:
    """What erasing this resident would remove (for the confirmation); changes nothing."""
    with vault.session() as s:
        return _one(s, resident_id).scope()


def _erase(s: Session, residents: Sequence[_Facts], *, withdraw_shared: bool) -> None:
    """Delete these residents and everything hanging off them, set-wise, inside the session's
    transaction.

    ``withdraw_shared``: signals the coordinator holds leave their public id behind in
    ``withdrawn_signals``, so the next export tells the coordinator to erase its copy and the
    exporter never sends them again; likewise the coordinator is asked to drop the resident's
    address-list entry. Either way a later assignment package cannot bring the resident back.
    """
    rids = [f.id for f in residents]
    vids = [v[0] for f in residents for v in f.visits]
    if withdraw_shared:
        sent = [sig[0] for f in residents for sig in f.signals if sig[2] is not None]
        for chunk in _chunks(sent):
            for uid, revision in s.execute(
                select(Signal.uid, Signal.revision).where(Signal.id.in_(chunk))
            ):
                s.merge(WithdrawnSignal(uid=uid, revision=revision + 1, sent_revision=None))
    for f in residents:
        if f.assignment_ref:
            s.merge(ErasedAssignment(ref=f.assignment_ref, notify=withdraw_shared))
    for chunk in _chunks(vids):
        vault_settings.forget_visit_positions(s, chunk)
        for model in (ConsentRecord, LeafletGiven, Signal, Answer):
            s.execute(delete(model).where(model.visit_id.in_(chunk)))  # type: ignore[attr-defined]
        s.execute(delete(Visit).where(Visit.id.in_(chunk)))
    for chunk in _chunks(rids):
        for owned in (ConsentRecord, ContactAttempt, Appointment):
            s.execute(delete(owned).where(owned.resident_id.in_(chunk)))  # type: ignore[attr-defined]
        s.execute(delete(Resident).where(Resident.id.in_(chunk)))


def _tombstone(
    s: Session, vault: Vault, reason: str, scopes: Sequence[ErasureScope], **extra: int
) -> str:
    """One tombstone and one audit event for the residents just erased: counts only."""
    totals: dict[str, int] = {"residents": len(scopes), **extra}
    for scope in scopes:
        for key, value in scope.counts().items():
            totals[key] = totals.get(key, 0) + value
    erasure_id = str(uuid.uuid4())
    s.add(Erasure(id=erasure_id, reason=reason, counts_json=json.dumps(totals, sort_keys=True)))
    append_event(
        s.connection(),
        vault.schema.audit_table,
        AuditEvent.ERASE,
        {"reason": reason, "erasure": erasure_id, **totals},
    )
    return erasure_id


def _wipe_freed(vault: Vault) -> None:
    """Fold the WAL into the database and truncate it, so no old page copy stays in it."""
    if not vault.checkpoint():
        log.warning("WAL not fully checkpointed after an erasure; retried at close")


def erase_resident(vault: Vault, resident_id: int, *, reason: str = REASON_REQUEST) -> ErasureScope:
    """Erase one resident completely (see the module text); returns what went."""
    with vault.session() as s:
        facts = _one(s, resident_id)
        scope = facts.scope()
        _erase(s, [facts], withdraw_shared=reason != REASON_RETENTION)
        _tombstone(s, vault, reason, [scope])
    _wipe_freed(vault)
    return scope


@dataclass(frozen=True, slots=True)
class ErasureRecord:
    """A tombstone as the screen shows it."""

    erased_at: datetime
    reason: str
    counts: dict[str, int]


def erasures(vault: Vault) -> list[ErasureRecord]:
    with vault.session() as s:
        return [
            ErasureRecord(e.erased_at, e.reason, json.loads(e.counts_json))
            for e in s.scalars(select(Erasure).order_by(Erasure.erased_at))
        ]


# -- receipts and erasure notices from the coordinator ----------------------------------------


def record_receipts(vault: Vault, batch_ids: Iterable[str], *, at: datetime | None = None) -> int:
    """Mark the batches a signed receipt named as received; returns how many were new."""
    ids = list(dict.fromkeys(batch_ids))
    at = at or datetime.now(UTC)
    marked = 0
    with vault.session() as s:
        for start in range(0, len(ids), 500):
            for row in s.scalars(
                select(ExportBatch).where(
                    ExportBatch.id.in_(ids[start : start + 500]), ExportBatch.received_at.is_(None)
                )
            ):
                row.received_at = at
                marked += 1
        # The outbox lets go of the encrypted bytes of every confirmed batch.
        for start in range(0, len(ids), 500):
            s.execute(
                update(OutboxItem)
                .where(
                    OutboxItem.batch_id.in_(ids[start : start + 500]),
                    OutboxItem.received_at.is_(None),
                )
                .values(received_at=at, data=None)
            )
        # Address-list entries the coordinator has now been told to drop: forget the numbers.
        received = select(ExportBatch.id).where(ExportBatch.received_at.is_not(None))
        s.execute(
            delete(ErasedAssignment).where(
                ErasedAssignment.notify.is_(True), ErasedAssignment.sent_batch.in_(received)
            )
        )
    return marked


@dataclass(frozen=True, slots=True)
class NoticeResult:
    residents: int  # erased here now
    signals: int  # signal ids in the notices


def apply_erasure_notices(vault: Vault, signal_ids: Iterable[str]) -> NoticeResult:
    """Erase every resident who owns one of these signals (the coordinator erased them), and
    keep the ids in ``withdrawn_signals`` so no export ever carries them again."""
    ids = list(dict.fromkeys(str(i) for i in signal_ids))
    if not ids:
        return NoticeResult(0, 0)
    scopes: list[ErasureScope] = []
    with vault.session() as s:
        resident_ids: set[int] = set()
        known = set()
        for start in range(0, len(ids), 500):
            for uid, rid, revision in s.execute(
                select(Signal.uid, Visit.resident_id, Signal.revision)
                .join(Visit, Signal.visit_id == Visit.id)
                .where(Signal.uid.in_(ids[start : start + 500]))
            ):
                resident_ids.add(rid)
                known.add(uid)
                s.merge(WithdrawnSignal(uid=uid, revision=revision + 1, sent_revision=None))
        for uid in ids:
            if uid not in known and s.get(WithdrawnSignal, uid) is None:
                # Not here (any more): remember it all the same, so it is never sent.
                s.add(WithdrawnSignal(uid=uid, revision=1, sent_revision=1))
        gone = list(_gather(s, sorted(resident_ids)).values())
        _erase(s, gone, withdraw_shared=True)
        scopes = [f.scope() for f in gone]
        if scopes:
            _tombstone(s, vault, REASON_NOTICE, scopes)
    if scopes:
        _wipe_freed(vault)
    return NoticeResult(len(scopes), len(ids))


# -- retention -----------------------------------------------------------------------------------


def retention_months(vault: Vault) -> int:
    """The organisation's retention period from its configuration package, else the default;
    always within the floor and ceiling."""
    months = DEFAULT_RETENTION_MONTHS
    with vault.session() as s:
        kept = vault_settings.configuration(s) or {}
    body = kept.get("body")
    value = body.get(RETENTION_SETTING_KEY) if isinstance(body, dict) else None
    if isinstance(value, int) and not isinstance(value, bool):
        months = value
    return max(MIN_RETENTION_MONTHS, min(MAX_RETENTION_MONTHS, months))


RETENTION_REASONS_NL = {
    "afgezien": "wilde geen bezoek",
    "niet_bereikt": "niet bereikt",
    "vertrokken": "verhuisd of overleden",
    "ontvangen": "gesprek afgerond, coördinator heeft het ontvangen",
}


@dataclass(frozen=True, slots=True)
class RetentionItem:
    """One resident retention would purge, why, and since when nothing happened."""

    scope: ErasureScope
    reason: str  # a key of RETENTION_REASONS_NL
    last_activity: date

    @property
    def reason_nl(self) -> str:
        return RETENTION_REASONS_NL[self.reason]


@dataclass(frozen=True, slots=True)
class RetentionPreview:
    months: int
    cutoff: date
    items: list[RetentionItem] = field(default_factory=list)

    @property
    def resident_ids(self) -> list[int]:
        return [item.scope.resident_id for item in self.items]


def _as_date(moment: datetime | None) -> date | None:
    return moment.astimezone().date() if moment is not None else None


def _due(f: _Facts, cutoff: datetime, received: dict[str, datetime]) -> tuple[str, date] | None:
    """Why this resident is due for the purge, and the date of the last activity; or None."""
    last = max(f.stamps)
    if last >= cutoff:
        return None  # something happened within the period (also: an appointment ahead)
    if not f.visits:
        status = resident_status(f.contacts, has_final_visit=False, has_open_appointment=False)
        kinds = {
            ResidentStatus.DECLINED: "afgezien",
            ResidentStatus.NOT_REACHED: "niet_bereikt",
            ResidentStatus.GONE: "vertrokken",
        }
        return (kinds[status], last.date()) if status in kinds else None
    if any(status is not VisitStatus.FINAL or done is None for _v, status, done in f.visits):
        return None
    finished = max(done for _v, _status, done in f.visits if done is not None)
    for sid, revision, sent, batch in f.signals:
        must_arrive = sid in f.shared or sent is not None
        if must_arrive and (sent is None or sent < revision or batch not in received):
            return None
    # The anonymous counts of the visit travel in every batch: one received batch made after
    # the visit was finished carried them.
    if not any(made >= finished for made in received.values()):
        return None
    return "ontvangen", last.date()


def _preview(s: Session, months: int, today: date) -> tuple[RetentionPreview, list[_Facts]]:
    cutoff_day = months_before(today, months)
    cutoff = datetime.combine(cutoff_day, time.min, tzinfo=UTC)
    received = {
        bid: made
        for bid, made in s.execute(
            select(ExportBatch.id, ExportBatch.created_at).where(
                ExportBatch.received_at.is_not(None)
            )
        )
    }
    due: list[tuple[_Facts, tuple[str, date]]] = []
    for f in _gather(s, quiet_before=cutoff).values():
        why = _due(f, cutoff, received)
        if why is not None:
            due.append((f, why))
    due.sort(key=lambda item: (item[0].name, item[0].id))
    items = [RetentionItem(f.scope(), why[0], why[1]) for f, why in due]
    return RetentionPreview(months, cutoff_day, items), [f for f, _ in due]


def retention_preview(vault: Vault, today: date | None = None) -> RetentionPreview:
    """Exactly the residents ``run_retention`` would purge today; changes nothing."""
    months = retention_months(vault)
    with vault.session() as s:
        return _preview(s, months, today or datetime.now(UTC).date())[0]


@dataclass(frozen=True, slots=True)
class RetentionResult:
    months: int
    residents: int
    removed: list[int]  # resident row ids (for the caller's comparison; not stored anywhere)


def run_retention(
    vault: Vault, today: date | None = None, *, only: Sequence[int] | None = None
) -> RetentionResult:
    """Purge what :func:`retention_preview` lists today, audited; with ``only``, just the
    previewed residents among those still due (so a confirmation covers exactly what goes)."""
    months = retention_months(vault)
    with vault.session() as s:
        _shown, facts = _preview(s, months, today or datetime.now(UTC).date())
        if only is not None:
            allowed = set(only)
            facts = [f for f in facts if f.id in allowed]
        if not facts:
            return RetentionResult(months, 0, [])
        scopes = [f.scope() for f in facts]
        _erase(s, facts, withdraw_shared=False)
        _tombstone(s, vault, REASON_RETENTION, scopes, months=months)
    _wipe_freed(vault)
    return RetentionResult(months, len(facts), [f.id for f in facts])


def purge_at_unlock(vault: Vault) -> int:
    """The retention run at unlock. Never stands in the way of unlocking: a failure is logged
    (its type only) and the purge is tried again next time."""
    try:
        return run_retention(vault).residents
    except Exception as exc:
        log.warning("retention purge at unlock failed: %s", type(exc).__name__)
        return 0


# -- subject access -----------------------------------------------------------------------------

OUTCOMES_NL = {
    ContactOutcome.INTERESTED: "wil een bezoek",
    ContactOutcome.DECLINED: "wil geen bezoek",
    ContactOutcome.NO_ANSWER: "geen gehoor",
    ContactOutcome.MOVED: "verhuisd",
    ContactOutcome.DECEASED: "overleden",
    ContactOutcome.CALL_BACK: "later terugbellen",
    ContactOutcome.INVITED: "uitgenodigd",
}
METHODS_NL = {
    ContactMethod.PHONE: "telefoon",
    ContactMethod.DOOR: "aan de deur",
    ContactMethod.LETTER: "brief",
}
SCOPES_NL = {
    ConsentScope.RECORD_VISIT: "antwoorden opschrijven",
    ConsentScope.SHARE_SIGNAL: "signaal delen met de coördinator",
    ConsentScope.SHARE_IDENTITY: "naam en adres delen met de coördinator",
    ConsentScope.REFERRAL: "doorgeven aan een hulpverlener",
}


@dataclass(frozen=True, slots=True)
class AccessVisit:
    started: date
    finished: date | None
    answers: list[tuple[str, str]]  # (question as the volunteer read it, the answer)
    signals: list[tuple[str, str]]  # (label, text) lines
    consents: list[str]
    leaflets: list[str]


@dataclass(frozen=True, slots=True)
class SubjectAccess:
    """Everything the laptop holds about one resident, as plain printable text."""

    name: str
    details: list[tuple[str, str]]
    contacts: list[str]
    appointments: list[str]
    visits: list[AccessVisit]
    retention_months: int
    made_on: date


def _answer_text(form: Any, question_id: str, value: Any) -> tuple[str, str]:
    from huisbezoek.forms.form import SPECIAL_ANSWER_LABELS
    from huisbezoek.forms.model import ScaleQuestion

    label = question_id
    options: dict[str, str] = {}
    question: Any = None
    try:
        question = form.question(question_id)
        label = " ".join(str(question.label).split())
        for option in getattr(question, "options", None) or ():
            options[option.value] = option.label
    except (KeyError, AttributeError):
        pass
    if not label.rstrip().endswith(("?", ":")):
        label = f"{label.rstrip()}:"
    if isinstance(value, str) and value in SPECIAL_ANSWER_LABELS:
        text = SPECIAL_ANSWER_LABELS[value]
    elif isinstance(value, bool):
        text = "ja" if value else "nee"
    elif isinstance(value, list | tuple | set | frozenset):
        text = ", ".join(options.get(str(v), str(v)) for v in value)
    elif isinstance(value, str) and value in options:
        text = options[value]
    elif isinstance(value, date):
        text = date_nl(value)
    elif isinstance(value, str) and _ISO_DAY.match(value):
        text = date_nl(date.fromisoformat(value))
    elif isinstance(question, ScaleQuestion):
        low, high = question.min, question.max
        text = f"{value} ({low} = {question.min_label}, {high} = {question.max_label})"
    else:
        text = str(value)
    return label, f"{text[:1].upper()}{text[1:]}"


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else f"{text}."


_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _d(moment: datetime | date | None) -> str:
    """A date written out ("3 december 2026"), in the laptop's own time zone."""
    if moment is None:
        return ""
    day = moment.astimezone().date() if isinstance(moment, datetime) else moment
    return date_nl(day)


def subject_access(vault: Vault, resident_id: int, *, today: date | None = None) -> SubjectAccess:
    """For the resident's right of access: every record this laptop holds about them."""
    from huisbezoek.services import visit_resume

    with vault.session() as s:
        resident = _load(s, resident_id)
        details = [
            ("Naam", resident.name),
            ("Adres", resident.address),
            ("Postcode", resident.postcode),
            ("Wijk", resident.neighbourhood),
            ("Geboortedatum", _d(resident.birth_date)),
            ("Telefoon", resident.phone or ""),
            ("Notitie", resident.notes),
            ("In de lijst sinds", _d(resident.created_at)),
        ]
        contacts = []
        for c in sorted(resident.contacts, key=lambda c: (c.at, c.id)):
            line = f"{_d(c.at)}: {METHODS_NL.get(c.method, c.method)}, "
            line += OUTCOMES_NL.get(c.outcome, c.outcome)
            if c.note.strip():
                line += f". Notitie: {c.note.strip()}"
            contacts.append(line)
        appointments = []
        for a in sorted(resident.appointments, key=lambda a: (a.at, a.id)):
            line = f"{_d(a.at)} om {a.at.astimezone():%H:%M}"
            if a.location:
                line += f", {a.location}"
            if a.cancelled:
                line += " (afgezegd)"
            if a.note.strip():
                line += f". Notitie: {a.note.strip()}"
            appointments.append(line)
        visit_ids = [v.id for v in sorted(resident.visits, key=lambda v: (v.started_at, v.id))]
        name = resident.name
    access_visits = []
    for vid in visit_ids:
        opened = visit_resume.open_visit(vault, vid)
        # In the order of the form, as the conversation went; unknown ids (an old form) last.
        order = {q.id: n for n, q in enumerate(opened.form.all_questions())}
        answers = [
            _answer_text(opened.form, qid, value)
            for qid, value in sorted(
                opened.answers.items(), key=lambda item: order.get(item[0], len(order))
            )
        ]
        with vault.session() as s:
            visit = s.get(Visit, vid)
            assert visit is not None
            signals: list[tuple[str, str]] = []
            for sig in s.scalars(select(Signal).where(Signal.visit_id == vid).order_by(Signal.id)):
                parts = [(sig.text or theme_label_nl(sig.theme)).strip().rstrip(".") + "."]
                parts.append(f"Hoe dringend: {sig.severity.label_nl}.")
                if sig.note.strip():
                    parts.append(f"Notitie: {_sentence(sig.note)}")
                if sig.agreed_action.strip():
                    parts.append(f"Afgesproken: {_sentence(sig.agreed_action)}")
                signals.append((theme_label_nl(sig.theme), " ".join(parts)))
            consents = []
            for record in s.scalars(
                select(ConsentRecord)
                .where(ConsentRecord.visit_id == vid)
                .order_by(ConsentRecord.given_at, ConsentRecord.id)
            ):
                scope = SCOPES_NL.get(record.scope, str(record.scope))
                line = f"{scope[:1].upper()}{scope[1:]}: gegeven op {_d(record.given_at)}"
                if record.referral_service:
                    line += f" ({record.referral_service})"
                if record.withdrawn_at is not None:
                    line += f", ingetrokken op {_d(record.withdrawn_at)}"
                consents.append(line)
            leaflets = [
                f"{str(row.topic).replace('_', ' ')} ({_d(row.printed_at)})"
                for row in s.scalars(
                    select(LeafletGiven)
                    .where(LeafletGiven.visit_id == vid)
                    .order_by(LeafletGiven.id)
                )
            ]
            access_visits.append(
                AccessVisit(
                    started=visit.started_at.astimezone().date(),
                    finished=_as_date(visit.finalised_at),
                    answers=answers,
                    signals=signals,
                    consents=consents,
                    leaflets=leaflets,
                )
            )
    return SubjectAccess(
        name=name,
        details=[(k, v) for k, v in details if v],
        contacts=contacts,
        appointments=appointments,
        visits=access_visits,
        retention_months=retention_months(vault),
        made_on=today or datetime.now(UTC).date(),
    )


def privacy_text(
    vault: Vault, part: str, organisation: Organisation, first_name: str
) -> PrivacyText:
    """One part of the privacy texts (``gesprek``, ``samenvatting``, ``inzage``), filled in
    with the organisation, the retention period and the volunteer's first name."""
    return load_privacy_texts()[part].filled(
        organisatie=organisation.name,
        telefoon=organisation.phone,
        maanden=retention_months(vault),
        vrijwilliger=first_name,
    )


def _status_nl(visit: AccessVisit) -> str:
    if visit.finished is None:
        return "Dit gesprek is nog niet afgerond."
    return f"Afgerond op {date_nl(visit.finished)}."


def subject_access_pdf(
    vault: Vault,
    resident_id: int,
    *,
    directory: ServiceDirectory | None = None,
    today: date | None = None,
) -> bytes:
    """The large-print overview of everything the laptop holds about this resident, audited
    (the event names no one). Holds personal data: print it, or save it where the volunteer
    chooses; never written anywhere by this function."""
    from huisbezoek.printing import load_directory

    directory = directory if directory is not None else load_directory()
    organisation = organisation_of(directory)
    access = subject_access(vault, resident_id, today=today)
    first = volunteer_first_name(vault)
    data = AccessInput(
        organisation=organisation,
        intro=privacy_text(vault, "inzage", organisation, first),
        made_on=access.made_on,
        details=access.details,
        contacts=access.contacts,
        appointments=access.appointments,
        visits=tuple(
            AccessVisitText(
                title=f"Gesprek van {date_nl(v.started)}",
                status=_status_nl(v),
                answers=v.answers,
                signals=v.signals,
                consents=v.consents,
                leaflets=v.leaflets,
            )
            for v in access.visits
        ),
    )
    pdf = render_subject_access(data)
    vault.audit(AuditEvent.SUBJECT_ACCESS, {"visits": len(access.visits)})
    return pdf


def consent_script(vault: Vault) -> PrivacyText:
    """The consent script for the start of a visit, filled in for this organisation and
    volunteer. Never fails over a missing services directory: then it names no phone number."""
    from huisbezoek.printing import load_directory

    try:
        organisation = organisation_of(load_directory())
    except UserError:
        organisation = Organisation(name="de organisatie", phone="(zie de folder)")
    return privacy_text(vault, "gesprek", organisation, volunteer_first_name(vault))
