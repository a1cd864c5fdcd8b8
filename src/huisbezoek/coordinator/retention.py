"""Retention and subject rights: erase identity data of closed follow-ups after the configured
period, show everything held about one resident, and erase one resident completely.

Erasure keeps what the anonymous figures need (theme, severity, neighbourhood, status and the
closing date of each follow-up; the volunteers' counts) and removes the rest: name, address,
phone, the signal's own words, what was agreed and the coordinators' notes. The signal row stays
as an empty tombstone, so an older copy of the same signal can never bring the data back. Every
erasure goes into the audit log with counts only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

from sqlalchemy import ColumnElement, and_, delete, func, select, update
from sqlalchemy.orm import Session

from huisbezoek.coordinator.followup import (
    FollowUpStatus,
    HistoryEntry,
    history,
    normalise_postcode,
    status_label,
)
from huisbezoek.coordinator.settings import load_settings
from huisbezoek.coordinator.store.backend import CoordinatorStore
from huisbezoek.coordinator.store.models import (
    ERASED_SIGNAL_VALUES,
    AreaResident,
    ErasureNotice,
    FollowUp,
    FollowUpEvent,
    ImportedSignal,
)
from huisbezoek.domain import Severity, Theme
from huisbezoek.domain.dates import months_before
from huisbezoek.errors import InvalidInputError, UserError
from huisbezoek.vault.audit import AuditEvent


@dataclass(frozen=True, slots=True)
class ErasureCandidate:
    """One closed follow-up whose identity data is due for erasure (shown in the preview)."""

    signal_id: str
    theme: Theme
    severity: Severity
    neighbourhood: str
    status: FollowUpStatus
    closed_on: date
    has_identity: bool


PREVIEW_ITEMS = 200

# What each consent scope means, as the resident's dossier prints it.
SCOPE_TEXTS = {
    "vastleggen": "gesprek vastleggen",
    "delen_signaal": "signaal delen met de coördinatie",
    "delen_identiteit": "naam en telefoon delen",
    "doorverwijzen": "doorverwijzen naar een dienst",
}


def consent_text(scopes: str) -> str:
    """``"delen_identiteit,delen_signaal"`` as words; unknown codes stay as they are."""
    parts = [SCOPE_TEXTS.get(code, code) for code in scopes.split(",") if code]
    return ", ".join(parts) or "geen (ingetrokken)"


@dataclass(frozen=True, slots=True)
class RetentionPreview:
    """How many follow-ups would lose their identity data, by theme, and the oldest few."""

    months: int
    cutoff: date
    total: int
    with_identity: int
    per_theme: dict[Theme, int]
    candidates: list[ErasureCandidate]


def _cutoff(session: Session, today: date, months: int | None = None) -> tuple[int, datetime]:
    months = months if months is not None else load_settings(session).retention_months
    cutoff = months_before(today, months)
    return months, datetime.combine(cutoff, time.min, tzinfo=UTC)


def _due(cutoff: datetime) -> ColumnElement[bool]:
    return and_(
        FollowUp.is_open == 0,
        FollowUp.closed_at < cutoff,
        FollowUp.identity_erased_at.is_(None),
    )


def preview_retention(
    session: Session, today: date, *, months: int | None = None
) -> RetentionPreview:
    """What ``run_retention`` would erase today (with ``months``: under that term instead of
    the setting); changes nothing."""
    months, cutoff = _cutoff(session, today, months)
    per_theme: dict[Theme, int] = {}
    with_identity = 0
    for theme, named, count in session.execute(
        select(FollowUp.theme, FollowUp.has_identity, func.count())
        .where(_due(cutoff))
        .group_by(FollowUp.theme, FollowUp.has_identity)
    ):
        per_theme[theme] = per_theme.get(theme, 0) + count
        with_identity += count if named else 0
    rows = session.execute(
        select(
            FollowUp.signal_id,
            FollowUp.theme,
            FollowUp.severity,
            FollowUp.neighbourhood,
            FollowUp.status,
            FollowUp.closed_at,
            FollowUp.has_identity,
        )
        .where(_due(cutoff))
        .order_by(FollowUp.closed_at, FollowUp.signal_id)
        .limit(PREVIEW_ITEMS)
    ).all()
    candidates = [
        ErasureCandidate(
            signal_id=sid,
            theme=theme,
            severity=severity,
            neighbourhood=hood,
            status=FollowUpStatus(status),
            closed_on=closed.date() if closed else today,
            has_identity=bool(named),
        )
        for sid, theme, severity, hood, status, closed, named in rows
    ]
    return RetentionPreview(
        months, cutoff.date(), sum(per_theme.values()), with_identity, per_theme, candidates
    )


def _blank_signals(session: Session, ids: list[str], now: datetime) -> None:
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        session.execute(
            update(ImportedSignal)
            .where(ImportedSignal.id.in_(chunk))
            .values(erased_at=now, **ERASED_SIGNAL_VALUES),
            execution_options={"synchronize_session": False},
        )
        session.execute(
            update(FollowUp)
            .where(FollowUp.signal_id.in_(chunk))
            .values(notes="", identity_erased_at=now, has_identity=0),
            execution_options={"synchronize_session": False},
        )
        # Notes may name the resident; who changed what and when stays.
        session.execute(
            update(FollowUpEvent)
            .where(and_(FollowUpEvent.signal_id.in_(chunk), FollowUpEvent.field == "notitie"))
            .values(new_value="", old_value=""),
            execution_options={"synchronize_session": False},
        )


def run_retention(store: CoordinatorStore, today: date) -> int:
    """Erase identity data of follow-ups closed before the retention period; returns how many."""
    with store.session() as session:
        months, cutoff = _cutoff(session, today)
        ids = list(session.scalars(select(FollowUp.signal_id).where(_due(cutoff))))
        if ids:
            _blank_signals(session, ids, datetime.now(UTC))
        store.audit(
            session,
            AuditEvent.ERASE,
            {"reason": "retention", "months": months, "followups": len(ids)},
        )
    return len(ids)


# -- subject rights --------------------------------------------------------------------------


class ResidentNotFoundError(UserError):
    message_nl = (
        "Over deze bewoner is niets gevonden. Controleer de naam en de postcode "
        "(zoals op de adreslijst of in het signaal)."
    )


@dataclass(frozen=True, slots=True)
class ResidentRef:
    name: str
    postcode: str

    def __post_init__(self) -> None:
        if not self.name.strip() or not normalise_postcode(self.postcode):
            raise InvalidInputError(
                "empty resident reference",
                message_nl="Vul de naam en de postcode van de bewoner in.",
            )


@dataclass(frozen=True, slots=True)
class SignalRecord:
    signal_id: str
    received: date
    theme: Theme
    severity: Severity
    text: str
    agreed: str
    consent: str
    address: str
    phone: str
    status: str
    notes: str
    history: list[HistoryEntry]


@dataclass(slots=True)
class ResidentDossier:
    """Everything the coordinator store holds about one resident, as plain data."""

    name: str
    postcode: str
    address_list: list[dict[str, str]] = field(default_factory=list)
    signals: list[SignalRecord] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.address_list and not self.signals


def _matching_signal_ids(session: Session, ref: ResidentRef) -> list[str]:
    postcode = normalise_postcode(ref.postcode)
    rows = session.execute(
        select(ImportedSignal.id, ImportedSignal.resident_name, ImportedSignal.resident_postcode)
        .where(ImportedSignal.resident_name.is_not(None))
        .where(func.lower(ImportedSignal.resident_name) == ref.name.strip().lower())
    )
    return [sid for sid, _n, pc in rows if normalise_postcode(pc or "") == postcode]


def _matching_residents(session: Session, ref: ResidentRef) -> list[AreaResident]:
    return [
        r
        for r in session.scalars(
            select(AreaResident).where(AreaResident.postcode == normalise_postcode(ref.postcode))
        )
        if r.name.strip().casefold() == ref.name.strip().casefold()
    ]


def resident_dossier(session: Session, ref: ResidentRef) -> ResidentDossier:
    """For the right of access: the address-list entry and every signal with its follow-up."""
    dossier = ResidentDossier(ref.name.strip(), normalise_postcode(ref.postcode))
    for r in _matching_residents(session, ref):
        dossier.address_list.append(
            {
                "Naam": r.name,
                "Adres": f"{r.street} {r.house_number}",
                "Postcode en plaats": f"{r.postcode} {r.place}",
                "Geboortedatum": r.birth_date.strftime("%d-%m-%Y"),
                "Wijk": r.neighbourhood,
                "Toegewezen aan vrijwilliger": "ja" if r.assigned_key_id else "nee",
            }
        )
    for sid in _matching_signal_ids(session, ref):
        signal = session.get(ImportedSignal, sid)
        followup = session.get(FollowUp, sid)
        if signal is None:
            continue
        status = FollowUpStatus(followup.status) if followup else FollowUpStatus.NEW
        dossier.signals.append(
            SignalRecord(
                signal_id=sid,
                received=signal.first_imported_at.date(),
                theme=signal.theme,  # type: ignore[arg-type]  # any theme id
                severity=signal.severity,
                text=signal.text,
                agreed=signal.agreed,
                consent=consent_text(signal.consent_scopes),
                address=" ".join(
                    p
                    for p in (
                        signal.resident_address,
                        signal.resident_postcode,
                        signal.resident_place,
                    )
                    if p
                ),
                phone=signal.resident_phone or "",
                status=status_label(status, followup.service if followup else ""),
                notes=followup.notes if followup else "",
                history=history(session, sid),
            )
        )
    if dossier.empty:
        raise ResidentNotFoundError("no data for this resident")
    return dossier


@dataclass(frozen=True, slots=True)
class ResidentErasure:
    address_list: int
    signals: int


def erase_resident(store: CoordinatorStore, ref: ResidentRef) -> ResidentErasure:
    """Remove one resident completely: address-list entry, follow-ups and their history.

    The signal rows stay only as empty tombstones (theme and severity, no words, no identity),
    so a replayed older revision cannot restore them.
    """
    with store.session() as session:
        residents = _matching_residents(session, ref)
        ids = _matching_signal_ids(session, ref)
        if not residents and not ids:
            raise ResidentNotFoundError("no data for this resident")
        for resident in residents:
            session.delete(resident)
        if ids:
            now = datetime.now(UTC)
            _blank_signals(session, ids, now)
            # The volunteers who sent these signals erase the resident on their laptops too.
            for sid, key_id in session.execute(
                select(ImportedSignal.id, ImportedSignal.source_key_id).where(
                    ImportedSignal.id.in_(ids)
                )
            ):
                session.merge(ErasureNotice(signal_id=sid, key_id=key_id, erased_at=now))
            session.execute(delete(FollowUpEvent).where(FollowUpEvent.signal_id.in_(ids)))
            session.execute(delete(FollowUp).where(FollowUp.signal_id.in_(ids)))
        store.audit(
            session,
            AuditEvent.ERASE,
            {"reason": "subject_request", "address_list": len(residents), "signals": len(ids)},
        )
    return ResidentErasure(len(residents), len(ids))
