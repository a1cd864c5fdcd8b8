"""The follow-up queue: each shared signal becomes work with a status, an owner, notes and a due
date, and every change is kept with who made it and when.

``sync_followups`` runs after each import (and before the queue is shown) and is idempotent: it
adds a follow-up for every new imported signal and copies a newer revision's theme and
severity. The resident's name only shows where the consent covered sharing it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum

from sqlalchemy import Select, and_, case, func, insert, literal, or_, select, true, update
from sqlalchemy.orm import Session

from huisbezoek.coordinator.store.models import (
    ERASED_TEXT,
    AreaResident,
    CoverageSnapshot,
    FollowUp,
    FollowUpEvent,
    ImportedSignal,
    Volunteer,
    WorkSetting,
)
from huisbezoek.domain import UNKNOWN_NEIGHBOURHOOD, ConsentScope, Severity, Theme
from huisbezoek.errors import InvalidInputError, UserError
from huisbezoek.vault.types import UTCDateTime

SYNC_MARK_SETTING = "sync_mark"
# An import on another coordinator's connection may commit after a sync with rows stamped just
# before it; looking back a while costs little and misses none of them.
SYNC_LOOK_BACK = timedelta(minutes=30)


class FollowUpStatus(StrEnum):
    NEW = "nieuw"
    TAKEN = "opgepakt"
    CONTACTED = "contact_gelegd"
    REFERRED = "doorverwezen"
    DONE = "afgerond"
    NO_ACTION = "geen_actie_nodig"

    @property
    def closed(self) -> bool:
        return self in (FollowUpStatus.DONE, FollowUpStatus.NO_ACTION)


STATUS_LABELS = {
    FollowUpStatus.NEW: "Nieuw",
    FollowUpStatus.TAKEN: "Opgepakt",
    FollowUpStatus.CONTACTED: "Contact gelegd",
    FollowUpStatus.REFERRED: "Doorverwezen",
    FollowUpStatus.DONE: "Afgerond",
    FollowUpStatus.NO_ACTION: "Geen actie nodig",
}

ANONYMOUS_NL = "Anoniem (geen toestemming voor naam)"


def status_label(status: FollowUpStatus, service: str = "") -> str:
    if status is FollowUpStatus.REFERRED and service:
        return f"Doorverwezen naar {service}"
    return STATUS_LABELS[status]


class FollowUpNotFoundError(UserError):
    message_nl = "Dit signaal bestaat niet (meer). Misschien is het gewist."


class NoReferralConsentError(UserError):
    message_nl = (
        "Deze bewoner heeft geen toestemming gegeven om door te verwijzen. "
        "Een verwijsbrief kan daarom niet. Vraag eerst toestemming via de vrijwilliger."
    )


class NoIdentityConsentError(UserError):
    message_nl = (
        "De bewoner heeft niet toegestemd om naam en adres te delen. "
        "Een verwijsbrief zonder naam kan niet. Vraag eerst toestemming via de vrijwilliger."
    )


def normalise_postcode(value: str) -> str:
    return "".join(value.split()).upper()


def _postcode_sql(column: object) -> object:
    return func.upper(func.replace(column, " ", ""))


def sync_followups(session: Session, *, today: date | None = None) -> int:
    """Create follow-ups for new imported signals; refresh changed ones. Returns how many new.

    Only signals written since the last sync are looked at (the importer stamps ``updated_at``
    on every insert and update), so a refresh with nothing new stays cheap.
    """
    now = datetime.now(UTC)
    mark_row = session.get(WorkSetting, SYNC_MARK_SETTING)
    since = datetime.fromisoformat(mark_row.value) - SYNC_LOOK_BACK if mark_row else None
    newest = session.scalar(select(func.max(ImportedSignal.updated_at)))
    recent = ImportedSignal.updated_at >= since if since is not None else true()
    hood = (
        select(AreaResident.neighbourhood)
        .where(AreaResident.postcode == _postcode_sql(ImportedSignal.resident_postcode))
        .limit(1)
        .scalar_subquery()
    )
    missing = (
        select(
            ImportedSignal.id,
            ImportedSignal.theme,
            ImportedSignal.severity,
            func.coalesce(hood, UNKNOWN_NEIGHBOURHOOD),
            ImportedSignal.source_key_id,
            ImportedSignal.consent_given_on,
            literal(FollowUpStatus.NEW.value),
            literal(1),
            case((ImportedSignal.resident_name.is_not(None), 1), else_=0),
            literal(now, UTCDateTime()),
            literal(now, UTCDateTime()),
        )
        .outerjoin(FollowUp, FollowUp.signal_id == ImportedSignal.id)
        .where(FollowUp.signal_id.is_(None))
        # An erased resident's signals stay as tombstones with empty text (an imported signal
        # always has text); they must not come back as work.
        .where(ImportedSignal.text != ERASED_TEXT)
        .where(recent)
    )
    columns = [
        "signal_id", "theme", "severity", "neighbourhood", "source_key_id", "signal_date",
        "status", "is_open", "has_identity", "created_at", "updated_at",
    ]  # fmt: skip
    # Counted first: psycopg reports no row count for INSERT ... SELECT.
    added = session.scalar(select(func.count()).select_from(missing.subquery())) or 0
    if added:
        session.execute(insert(FollowUp).from_select(columns, missing))
    # A newer revision may have changed theme or severity; the work stays as it was.
    changed = session.execute(
        select(ImportedSignal.id, ImportedSignal.theme, ImportedSignal.severity)
        .join(FollowUp, FollowUp.signal_id == ImportedSignal.id)
        .where(
            or_(
                FollowUp.theme != ImportedSignal.theme, FollowUp.severity != ImportedSignal.severity
            )
        )
        .where(recent)
    ).all()
    if changed:
        session.execute(
            update(FollowUp),
            [{"signal_id": sid, "theme": theme, "severity": sev} for sid, theme, sev in changed],
        )
    if newest is not None:
        if mark_row is None:
            session.add(WorkSetting(name=SYNC_MARK_SETTING, value=newest.isoformat()))
        else:
            mark_row.value = newest.isoformat()
    _snapshot(session, today or date.today())
    return added


def resolve_unknown_neighbourhoods(session: Session) -> int:
    """After a new address list: place follow-ups of "Wijk onbekend" by their postcode."""
    rows = session.execute(
        select(FollowUp.signal_id, ImportedSignal.resident_postcode)
        .join(ImportedSignal, ImportedSignal.id == FollowUp.signal_id)
        .where(FollowUp.neighbourhood == UNKNOWN_NEIGHBOURHOOD)
        .where(ImportedSignal.resident_postcode.is_not(None))
    ).all()
    moved = 0
    for signal_id, postcode in rows:
        hood = session.scalar(
            select(AreaResident.neighbourhood)
            .where(AreaResident.postcode == normalise_postcode(postcode or ""))
            .limit(1)
        )
        if hood is not None:
            session.execute(
                update(FollowUp).where(FollowUp.signal_id == signal_id).values(neighbourhood=hood),
                execution_options={"synchronize_session": False},
            )
            moved += 1
    return moved


def _snapshot(session: Session, today: date) -> None:
    from huisbezoek.coordinator.dashboard import totals

    figures = totals(session)
    existing = session.get(CoverageSnapshot, today)
    if existing is None:
        session.add(CoverageSnapshot(day=today, **figures))
    else:
        for key, value in figures.items():
            setattr(existing, key, value)


@dataclass(frozen=True, slots=True)
class QueueItem:
    """One row of the queue as plain data for the screen."""

    signal_id: str
    severity: Severity
    theme: Theme
    resident: str
    neighbourhood: str
    volunteer: str
    signal_date: date
    status: FollowUpStatus
    service: str
    assigned_to: str
    due_on: date | None
    text: str
    agreed: str
    notes: str
    consent_scopes: frozenset[str]

    @property
    def status_text(self) -> str:
        return status_label(self.status, self.service)

    @property
    def may_refer(self) -> bool:
        return ConsentScope.REFERRAL.value in self.consent_scopes


def _queue_select() -> Select[FollowUp, ImportedSignal, str]:
    return (
        select(FollowUp, ImportedSignal, Volunteer.name)
        .join(ImportedSignal, ImportedSignal.id == FollowUp.signal_id)
        .outerjoin(Volunteer, Volunteer.key_id == FollowUp.source_key_id)
    )


def _item(followup: FollowUp, signal: ImportedSignal, volunteer: str | None) -> QueueItem:
    return QueueItem(
        signal_id=followup.signal_id,
        severity=followup.severity,
        theme=followup.theme,
        resident=signal.resident_name or ANONYMOUS_NL,
        neighbourhood=followup.neighbourhood,
        volunteer=volunteer or "",
        signal_date=followup.signal_date,
        status=FollowUpStatus(followup.status),
        service=followup.service,
        assigned_to=followup.assigned_to,
        due_on=followup.due_on,
        text=signal.text,
        agreed=signal.agreed,
        notes=followup.notes,
        consent_scopes=frozenset(s for s in signal.consent_scopes.split(",") if s),
    )


def queue(
    session: Session, *, include_closed: bool = False, limit: int = 500, offset: int = 0
) -> list[QueueItem]:
    """Open work first; "direct" first, then by severity, then the oldest signal first."""
    query = _queue_select()
    if not include_closed:
        query = query.where(FollowUp.is_open == 1)
    query = query.order_by(
        FollowUp.is_open.desc(),
        FollowUp.severity.desc(),
        FollowUp.signal_date,
        FollowUp.created_at,
        FollowUp.signal_id,
    )
    rows = session.execute(query.limit(limit).offset(offset)).all()
    return [_item(f, s, v) for f, s, v in rows]


def get_item(session: Session, signal_id: str) -> QueueItem:
    row = session.execute(_queue_select().where(FollowUp.signal_id == signal_id)).first()
    if row is None:
        raise FollowUpNotFoundError(f"no follow-up {signal_id}")
    return _item(*row)


_UNSET = object()


def update_followup(
    session: Session,
    signal_id: str,
    *,
    by: str,
    status: FollowUpStatus | None = None,
    service: str | None = None,
    assigned_to: str | None = None,
    due_on: date | object | None = _UNSET,
    note: str = "",
    now: datetime | None = None,
) -> QueueItem:
    """Change a follow-up; each changed field and each note becomes a history event."""
    if not by.strip():
        raise InvalidInputError("no author", message_nl="Vul in wie deze wijziging doet.")
    followup = session.get(FollowUp, signal_id)
    if followup is None or followup.identity_erased_at is not None:
        raise FollowUpNotFoundError(f"no follow-up {signal_id}")
    moment = now or datetime.now(UTC)
    changes: list[tuple[str, str, str]] = []
    if status is FollowUpStatus.REFERRED:
        service = (service if service is not None else followup.service).strip()
        if not service:
            raise InvalidInputError(
                "referral without service",
                message_nl="Kies naar welke dienst u doorverwijst.",
            )
    if service is not None and service.strip() != followup.service:
        changes.append(("dienst", followup.service, service.strip()))
        followup.service = service.strip()
    if status is not None and status.value != followup.status:
        changes.append(("status", followup.status, status.value))
        followup.status = status.value
        followup.is_open = 0 if status.closed else 1
        followup.closed_at = moment if status.closed else None
    if assigned_to is not None and assigned_to.strip() != followup.assigned_to:
        changes.append(("toegewezen_aan", followup.assigned_to, assigned_to.strip()))
        followup.assigned_to = assigned_to.strip()
    if due_on is not _UNSET and due_on != followup.due_on:
        assert due_on is None or isinstance(due_on, date)
        old = followup.due_on.isoformat() if followup.due_on else ""
        changes.append(("termijn", old, due_on.isoformat() if due_on else ""))
        followup.due_on = due_on
    if note.strip():
        stamp = moment.astimezone(UTC).strftime("%d-%m-%Y")
        entry = f"{stamp} {by.strip()}: {note.strip()}"
        followup.notes = f"{followup.notes}\n{entry}".strip()
        changes.append(("notitie", "", note.strip()))
    if changes:
        followup.updated_at = moment
        session.add_all(
            FollowUpEvent(
                signal_id=signal_id,
                at=moment,
                by=by.strip(),
                field=field,
                old_value=old,
                new_value=new,
            )
            for field, old, new in changes
        )
    session.flush()
    return get_item(session, signal_id)


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    at: datetime
    by: str
    field: str
    old_value: str
    new_value: str


def history(session: Session, signal_id: str) -> list[HistoryEntry]:
    rows = session.scalars(
        select(FollowUpEvent).where(FollowUpEvent.signal_id == signal_id).order_by(FollowUpEvent.id)
    )
    return [HistoryEntry(r.at, r.by, r.field, r.old_value, r.new_value) for r in rows]


def check_referral_allowed(item: QueueItem) -> None:
    """Raise the Dutch refusal unless the consent covers a referral letter."""
    if not item.may_refer:
        raise NoReferralConsentError(f"signal {item.signal_id} has no referral consent")
    if (
        ConsentScope.SHARE_IDENTITY.value not in item.consent_scopes
        or item.resident == ANONYMOUS_NL
    ):
        raise NoIdentityConsentError(f"signal {item.signal_id} has no identity")


def open_count(session: Session) -> int:
    return (
        session.scalar(select(func.count()).select_from(FollowUp).where(FollowUp.is_open == 1)) or 0
    )


def overdue(session: Session, today: date) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(FollowUp)
            .where(and_(FollowUp.is_open == 1, FollowUp.due_on < today))
        )
        or 0
    )
