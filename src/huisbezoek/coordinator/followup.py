"""The follow-up queue: each shared signal becomes work with a status, an owner, notes and a due
date, and every change is kept with who made it and when.

``sync_followups`` runs after each import (and before the queue is shown) and is idempotent: it
adds a follow-up for every new imported signal and copies a newer revision's theme and
severity. The resident's name only shows where the consent covered sharing it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    Select,
    and_,
    case,
    false,
    func,
    insert,
    literal,
    literal_column,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session

from huisbezoek.coordinator.figures import Period
from huisbezoek.coordinator.store import serialise_imports
from huisbezoek.coordinator.store.models import (
    ERASED_TEXT,
    AreaResident,
    CoverageSnapshot,
    FollowUp,
    FollowUpEvent,
    ImportedSignal,
    ImportLedger,
    SyncedBatch,
    Volunteer,
)
from huisbezoek.domain import UNKNOWN_NEIGHBOURHOOD, ConsentScope, Severity, Theme
from huisbezoek.errors import InvalidInputError, UserError
from huisbezoek.vault.types import UTCDateTime


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


class FollowUpOutcome(StrEnum):
    """How a follow-up ended, for the coordinator and the municipal report."""

    HELP_STARTED = "hulp_gestart"
    DID_NOT_WANT = "wilde_niet"
    NOT_NEEDED = "niet_nodig"


OUTCOME_LABELS = {
    FollowUpOutcome.HELP_STARTED: "Hulp gestart",
    FollowUpOutcome.DID_NOT_WANT: "Wilde niet",
    FollowUpOutcome.NOT_NEEDED: "Niet nodig",
}
WITHDRAWN_NL = "Toestemming ingetrokken na verwijzing: dienst inlichten?"


class ReferralServiceMismatchError(UserError):
    message_nl = (
        "De bewoner gaf toestemming voor een verwijzing naar een andere dienst. Maak de brief "
        "voor die dienst, of vraag via de vrijwilliger eerst nieuwe toestemming."
    )


class NotWithdrawnError(UserError):
    message_nl = "Bij dit signaal is geen toestemming ingetrokken na een verwijzing."


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

    Only the signals of batches the sync has not seen yet are looked at (``cw_synced_batches``
    against the import ledger), so a refresh with nothing new reads two small tables; a batch
    that another coordinator's import commits later is simply unseen until then. The timeline's
    totals are taken when something arrived, or once a day.
    """
    now = datetime.now(UTC)
    day = today or date.today()
    unseen_batches = (
        select(ImportLedger.batch_id)
        .outerjoin(SyncedBatch, SyncedBatch.batch_id == ImportLedger.batch_id)
        .where(SyncedBatch.batch_id.is_(None))
    )
    unseen = list(session.scalars(unseen_batches))
    if unseen:
        # Work to do: take turns with other coordinators' imports and syncs (PostgreSQL), and
        # look again once it is our turn; a refresh with nothing new never waits.
        serialise_imports(session)
        unseen = list(session.scalars(unseen_batches))
    added = changed = 0
    for start in range(0, len(unseen), 500):
        chunk = unseen[start : start + 500]
        a, c = _sync_batches(session, chunk, now)
        added += a
        changed += c
        session.add_all(SyncedBatch(batch_id=bid, synced_at=now) for bid in chunk)
    if unseen or session.get(CoverageSnapshot, day) is None:
        _snapshot(session, day)
    session.flush()
    return added


def _sync_batches(session: Session, batch_ids: list[str], now: datetime) -> tuple[int, int]:
    hood = (
        select(AreaResident.neighbourhood)
        .where(AreaResident.postcode == _postcode_sql(ImportedSignal.resident_postcode))
        .limit(1)
        .scalar_subquery()
    )
    in_batches = ImportedSignal.batch_id.in_(batch_ids)
    missing = (
        select(
            ImportedSignal.id,
            ImportedSignal.theme,
            ImportedSignal.severity,
            func.coalesce(hood, ImportedSignal.neighbourhood, UNKNOWN_NEIGHBOURHOOD),
            ImportedSignal.source_key_id,
            ImportedSignal.consent_given_on,
            literal(FollowUpStatus.NEW.value),
            literal(1),
            case((ImportedSignal.resident_name.is_not(None), 1), else_=0),
            literal(now, UTCDateTime()),
            literal(now, UTCDateTime()),
            ImportedSignal.referral_service_id,
        )
        .outerjoin(FollowUp, FollowUp.signal_id == ImportedSignal.id)
        .where(FollowUp.signal_id.is_(None))
        # An erased resident's signals stay as tombstones with empty text (an imported signal
        # always has text); they must not come back as work.
        .where(ImportedSignal.text != ERASED_TEXT)
        .where(in_batches)
    )
    columns = [
        "signal_id", "theme", "severity", "neighbourhood", "source_key_id", "signal_date",
        "status", "is_open", "has_identity", "created_at", "updated_at", "referral_service_id",
    ]  # fmt: skip
    # Counted first: psycopg reports no row count for INSERT ... SELECT.
    added = session.scalar(select(func.count()).select_from(missing.subquery())) or 0
    if added:
        session.execute(insert(FollowUp).from_select(columns, missing))
    # A newer revision may have changed theme, severity or the service; the work stays.
    changed = session.execute(
        select(
            ImportedSignal.id,
            ImportedSignal.theme,
            ImportedSignal.severity,
            ImportedSignal.referral_service_id,
        )
        .join(FollowUp, FollowUp.signal_id == ImportedSignal.id)
        .where(
            or_(
                FollowUp.theme != ImportedSignal.theme,
                FollowUp.severity != ImportedSignal.severity,
                FollowUp.referral_service_id.is_distinct_from(ImportedSignal.referral_service_id),
            )
        )
        .where(in_batches)
    ).all()
    if changed:
        session.execute(
            update(FollowUp),
            [
                {"signal_id": sid, "theme": theme, "severity": sev, "referral_service_id": ref}
                for sid, theme, sev, ref in changed
            ],
        )
    return int(added), len(changed)


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
    outcome: FollowUpOutcome | None = None
    referral_service_id: str | None = None  # the service the resident agreed to
    withdrawn: bool = False  # consent withdrawn after a referral; only a minimal record left
    service_told: str = ""  # after a withdrawal: "" not decided, "ja", "nee"
    address: str = ""  # shared contact details (only with consent delen_identiteit)
    postcode: str = ""
    place: str = ""
    phone: str = ""

    @property
    def status_text(self) -> str:
        if self.withdrawn and not self.service_told:
            return WITHDRAWN_NL
        text = status_label(self.status, self.service)
        if self.outcome is not None:
            text = f"{text} ({OUTCOME_LABELS[self.outcome].lower()})"
        return text

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
        outcome=FollowUpOutcome(followup.outcome) if followup.outcome else None,
        referral_service_id=followup.referral_service_id,
        withdrawn=followup.withdrawn_at is not None,
        service_told=followup.service_told,
        address=signal.resident_address or "",
        postcode=signal.resident_postcode or "",
        place=signal.resident_place or "",
        phone=signal.resident_phone or "",
    )


def queue(
    session: Session, *, include_closed: bool = False, limit: int = 500, offset: int = 0
) -> list[QueueItem]:
    """Open work first; "direct" first, then by severity, then the oldest signal first."""
    found = queue_page(
        session, QueueFilter(include_closed=include_closed), limit=limit, offset=offset
    )
    return list(found.items)


class QueueSort(StrEnum):
    URGENCY = "urgentie"  # open first, direct first, then severity, then the oldest
    OLDEST = "oudste"
    NEWEST = "nieuwste"
    DUE = "termijn"
    NEIGHBOURHOOD = "wijk"


class DueFilter(StrEnum):
    OVERDUE = "verlopen"  # due before today, still open
    THIS_WEEK = "deze_week"  # due within 7 days
    NONE = "geen"  # no due date


@dataclass(frozen=True, slots=True)
class QueueFilter:
    """What the coordinator narrows the queue to; every field empty means everything open."""

    search: str = ""  # name, postcode or the start of the signal's number
    theme: Theme | None = None
    severity: Severity | None = None
    neighbourhood: str = ""
    volunteer: str = ""  # key id
    status: FollowUpStatus | None = None
    due: DueFilter | None = None
    include_closed: bool = False
    sort: QueueSort = QueueSort.URGENCY


@dataclass(frozen=True, slots=True)
class QueuePage:
    items: tuple[QueueItem, ...]
    total: int  # matching the filter, over all pages
    offset: int
    limit: int

    @property
    def page(self) -> int:
        return self.offset // self.limit + 1 if self.limit else 1

    @property
    def pages(self) -> int:
        return max((self.total + self.limit - 1) // self.limit, 1) if self.limit else 1


_POSTCODE = re.compile(r"^[1-9][0-9]{3}[A-Z]{2}$")
_ID_START = re.compile(r"^[0-9a-f-]{6,36}$")


_MAX_LISTED = 5000  # ids passed as parameters (SQLite allows 32,766 per statement)


def _search_ids(session: Session, text: str) -> Any:
    """The follow-ups a search means, found once (both the count and the page use them): a
    postcode by its index, the start of a number by the key, else a name part by scanning the
    small (name, id) index."""
    value = text.strip()
    postcode = normalise_postcode(value)
    if _POSTCODE.match(postcode):
        spaced = f"{postcode[:4]} {postcode[4:]}"
        return list(
            session.scalars(
                select(ImportedSignal.id).where(
                    ImportedSignal.resident_postcode.in_([postcode, spaced])
                )
            )
        )
    found: list[str] = []
    if _ID_START.match(value.lower()):
        found += session.scalars(
            select(FollowUp.signal_id).where(FollowUp.signal_id.like(f"{value.lower()}%"))
        )
    pattern = f"%{value.replace('%', '').replace('_', '')}%"
    by_name = select(ImportedSignal.id).where(ImportedSignal.resident_name.ilike(pattern))
    found += session.scalars(by_name.limit(_MAX_LISTED + 1))
    if len(found) > _MAX_LISTED:  # a very common word: let the database do it in the query
        return by_name.union(
            select(FollowUp.signal_id).where(FollowUp.signal_id.like(f"{value.lower()}%"))
        )
    return found


def _filtered(query: Any, spec: QueueFilter, today: date, found: list[str] | None = None) -> Any:
    if not spec.include_closed and spec.status is None:
        query = query.where(FollowUp.is_open == 1)
    if spec.status is not None:
        query = query.where(FollowUp.status == spec.status.value)
    if spec.theme is not None:
        query = query.where(FollowUp.theme == spec.theme)
    if spec.severity is not None:
        query = query.where(FollowUp.severity == spec.severity)
    if spec.neighbourhood:
        query = query.where(FollowUp.neighbourhood == spec.neighbourhood)
    if spec.volunteer:
        query = query.where(FollowUp.source_key_id == spec.volunteer.strip().upper())
    if spec.due is DueFilter.OVERDUE:
        query = query.where(FollowUp.due_on < today, FollowUp.is_open == 1)
    elif spec.due is DueFilter.THIS_WEEK:
        query = query.where(FollowUp.due_on >= today, FollowUp.due_on <= today + timedelta(7))
    elif spec.due is DueFilter.NONE:
        query = query.where(FollowUp.due_on.is_(None))
    if found is not None:
        query = query.where(
            FollowUp.signal_id.in_(found) if not isinstance(found, list) or found else false()
        )
    return query


_ORDER: dict[QueueSort, tuple[Any, ...]] = {
    QueueSort.URGENCY: (
        FollowUp.is_open.desc(), FollowUp.severity.desc(), FollowUp.signal_date,
        FollowUp.created_at, FollowUp.signal_id,
    ),
    QueueSort.OLDEST: (FollowUp.signal_date, FollowUp.signal_id),
    QueueSort.NEWEST: (FollowUp.signal_date.desc(), FollowUp.signal_id),
    QueueSort.DUE: (FollowUp.due_on.is_(None), FollowUp.due_on, FollowUp.signal_id),
    QueueSort.NEIGHBOURHOOD: (
        FollowUp.neighbourhood, FollowUp.severity.desc(), FollowUp.signal_date,
        FollowUp.signal_id,
    ),
}  # fmt: skip


def _narrowed(spec: QueueFilter) -> bool:
    return bool(
        spec.search.strip() or spec.due is not None or spec.volunteer or spec.status is not None
        or spec.neighbourhood
    )  # fmt: skip


def queue_page(
    session: Session,
    spec: QueueFilter | None = None,
    *,
    limit: int = 50,
    offset: int = 0,
    today: date | None = None,
) -> QueuePage:
    """One page of the queue under ``spec``, with how many match in all."""
    spec = spec or QueueFilter()
    day = today or date.today()
    found = _search_ids(session, spec.search) if spec.search.strip() else None
    counter = select(func.count()).select_from(FollowUp)
    total = int(session.scalar(_filtered(counter, spec, day, found)) or 0)
    order = _ORDER[spec.sort]
    if (
        spec.sort is QueueSort.URGENCY
        and _narrowed(spec)
        and session.get_bind().dialect.name == "sqlite"
    ):
        # Few rows match: SQLite should find them by the filter's index and sort them, not
        # walk the whole queue index in order (adding 0 hides the column from the index).
        # PostgreSQL weighs both ways by its statistics; hiding the index there makes it sort
        # a hundred thousand overdue items where walking the index finds 50 at once.
        order = (
            (FollowUp.is_open + literal_column("0")).desc(),
            (FollowUp.severity + literal_column("0")).desc(),
            FollowUp.signal_date, FollowUp.created_at, FollowUp.signal_id,
        )  # fmt: skip
    # The page's keys first, then its rows: a sort that cannot come from an index then moves
    # narrow keys (a top-50 in memory) instead of whole rows with notes and signal texts.
    keys = (
        _filtered(select(FollowUp.signal_id), spec, day, found)
        .order_by(*order)
        .limit(limit)
        .offset(max(offset, 0))
        .subquery()
    )
    query = _queue_select().join(keys, keys.c.signal_id == FollowUp.signal_id).order_by(*order)
    rows = session.execute(query).all()
    return QueuePage(tuple(_item(f, s, v) for f, s, v in rows), total, offset, limit)


def queue_choices(session: Session) -> tuple[list[str], list[tuple[str, str]]]:
    """The neighbourhoods and the volunteers (key id, name) that have follow-ups, for filters."""
    hoods = list(
        session.scalars(select(FollowUp.neighbourhood).distinct().order_by(FollowUp.neighbourhood))
    )
    volunteers = [
        (key_id, name)
        for key_id, name in session.execute(
            select(Volunteer.key_id, Volunteer.name).order_by(Volunteer.name, Volunteer.key_id)
        )
    ]
    return hoods, volunteers


def resolve_signal_id(session: Session, text: str) -> str:
    """A full follow-up id, or the start of one (at least 6 characters) that fits only one."""
    value = text.strip().lower()
    if session.get(FollowUp, value) is not None:
        return value
    if len(value) >= 6:
        found = session.scalars(
            select(FollowUp.signal_id).where(FollowUp.signal_id.like(f"{value}%")).limit(2)
        ).all()
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise InvalidInputError(
                "ambiguous id",
                message_nl="Dit begin past bij meer signalen. Typ meer tekens van het nummer.",
            )
    raise FollowUpNotFoundError(f"no follow-up {value[:8]}")


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
    outcome: FollowUpOutcome | None = None,
    now: datetime | None = None,
) -> QueueItem:
    """Change a follow-up; each changed field and each note becomes a history event."""
    if not by.strip():
        raise InvalidInputError("no author", message_nl="Vul in wie deze wijziging doet.")
    followup = session.get(FollowUp, signal_id)
    if followup is None or followup.identity_erased_at is not None:
        raise FollowUpNotFoundError(f"no follow-up {signal_id}")
    if followup.withdrawn_at is not None:
        raise InvalidInputError(
            "follow-up withdrawn",
            message_nl=(
                "De bewoner heeft de toestemming ingetrokken. U kunt alleen nog kiezen of u "
                "de dienst laat weten dat de verwijzing vervalt."
            ),
        )
    moment = now or datetime.now(UTC)
    changes: list[tuple[str, str, str]] = []
    if status is FollowUpStatus.REFERRED:
        service = (service if service is not None else followup.service).strip()
        if not service and followup.referral_service_id:
            from huisbezoek.coordinator.sociale_kaart import service_name

            service = service_name(followup.referral_service_id)  # what the resident agreed
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
    if outcome is not None and outcome.value != followup.outcome:
        changes.append(("uitkomst", followup.outcome or "", outcome.value))
        followup.outcome = outcome.value
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


def decide_withdrawn_referral(
    session: Session, signal_id: str, *, by: str, tell_service: bool, now: datetime | None = None
) -> QueueItem:
    """After consent was withdrawn for a referred signal: record whether the service is told
    that the referral lapses (the coordinator does that by phone or letter), and close it."""
    if not by.strip():
        raise InvalidInputError("no author", message_nl="Vul in wie deze wijziging doet.")
    followup = session.get(FollowUp, signal_id)
    if followup is None:
        raise FollowUpNotFoundError(f"no follow-up {signal_id}")
    if followup.withdrawn_at is None:
        raise NotWithdrawnError(f"follow-up {signal_id} not withdrawn")
    moment = now or datetime.now(UTC)
    answer = "ja" if tell_service else "nee"
    session.add(
        FollowUpEvent(
            signal_id=signal_id, at=moment, by=by.strip(), field="dienst_ingelicht",
            old_value=followup.service_told, new_value=answer,
        )
    )  # fmt: skip
    followup.service_told = answer
    followup.is_open = 0
    followup.closed_at = followup.closed_at or moment
    followup.updated_at = moment
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


def outcomes_in_period(session: Session, period: Period) -> dict[str, int]:
    """Follow-ups closed in ``period``, by outcome as the report names it."""
    first, end = period.days()
    query = (
        select(FollowUp.status, FollowUp.outcome, func.count())
        .where(FollowUp.is_open == 0, FollowUp.closed_at.is_not(None))
        .where(FollowUp.withdrawn_at.is_(None))
        .where(FollowUp.closed_at < datetime.combine(end, time(), UTC))
        .group_by(FollowUp.status, FollowUp.outcome)
    )
    if first is not None:
        query = query.where(FollowUp.closed_at >= datetime.combine(first, time(), UTC))
    out: dict[str, int] = {}
    for status, outcome, count in session.execute(query):
        try:
            label = (
                OUTCOME_LABELS[FollowUpOutcome(outcome)]
                if outcome
                else f"{STATUS_LABELS[FollowUpStatus(status)]}, zonder uitkomst"
            )
        except ValueError:
            label = status
        out[label] = out.get(label, 0) + int(count)
    return out
