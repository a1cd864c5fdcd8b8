"""Finishing a visit: the signals it raised and the ones added by hand, consent per signal,
finalising (locks the visit) and reopening (recorded in the audit log).

Signals from the form's rules are kept in step with the answers by :func:`sync_signals`: a
rule signal that is no longer raised is removed, unless the resident already gave consent on
it (then it stays, so a consent record never points at nothing). Signals added by hand are
never touched by the sync. Consent is recorded per purpose, as the AVG asks; changing it
withdraws the old record (with the time) and adds a new one, so the history stays.

Every signal needs a sharing decision before the visit is final: shared with the coordinator
(a ``delen_signaal`` consent record) or declined (``Signal.share_declined_at``). Each consent
change is written to the audit log (ids and purposes only, never text).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from huisbezoek.domain import (
    ConsentMethod,
    ConsentScope,
    ReferralCaller,
    Severity,
    ThemeId,
    VisitStatus,
)
from huisbezoek.errors import InvalidInputError, UserError
from huisbezoek.forms.form import RaisedSignal
from huisbezoek.printing.content import ServiceDirectory, ServiceKind, load_directory
from huisbezoek.services.residents import VaultLike, unit_of_work
from huisbezoek.vault.audit import AuditEvent, append_event
from huisbezoek.vault.core import Vault
from huisbezoek.vault.errors import VisitFinalisedError
from huisbezoek.vault.models import ConsentRecord, Signal, Visit, WithdrawnSignal

MAX_NOTE_CHARS = 2000
#: Immediate danger: always first, whatever the sociale kaart says.
EMERGENCY_NUMBER = "112"
#: Purposes a volunteer records per signal on the review page.
SIGNAL_SCOPES = (ConsentScope.SHARE_SIGNAL, ConsentScope.SHARE_IDENTITY, ConsentScope.REFERRAL)


@dataclass(frozen=True, slots=True)
class ConsentRow:
    id: int
    scope: ConsentScope
    given_at: datetime
    method: ConsentMethod
    referral_service: str | None
    referral_caller: ReferralCaller | None = None
    referral_due: date | None = None
    service_id: str | None = None  # the sociale kaart's id of the referral service


@dataclass(frozen=True, slots=True)
class SignalRow:
    id: int
    theme: ThemeId
    severity: Severity
    text: str
    note: str
    agreed_action: str
    manual: bool
    source_rule: str | None
    consents: tuple[ConsentRow, ...]  # active ones only
    share_declined: bool = False

    def has(self, scope: ConsentScope) -> bool:
        return any(c.scope is scope for c in self.consents)

    @property
    def decided(self) -> bool:
        """True when the resident said yes or no to sharing this signal."""
        return self.has(ConsentScope.SHARE_SIGNAL) or self.share_declined


@dataclass(frozen=True, slots=True)
class VisitReview:
    visit_id: int
    resident_id: int
    status: VisitStatus
    finalised_at: datetime | None
    reopened_count: int
    signals: tuple[SignalRow, ...]  # most urgent first


@dataclass(frozen=True, slots=True)
class UrgentContact:
    """A number to call when a signal needs action during the visit."""

    name: str
    phone: str
    hours: str | None


#: Kinds of help shown for a signal that needs action now: the huisarts services (local), then
#: the national lines of the sociale kaart's ``landelijk`` block.
URGENT_KINDS = (
    ServiceKind.HUISARTS,
    ServiceKind.ZELFMOORDPREVENTIE,
    ServiceKind.LUISTERLIJN,
    ServiceKind.VEILIG_THUIS,
)


def urgent_contacts(directory: ServiceDirectory | None = None) -> tuple[UrgentContact, ...]:
    """112, then the huisarts services and the national lines of the sociale kaart, then the
    organisation that runs the visits. A sociale kaart that cannot be read leaves 112."""
    out = [UrgentContact("Alarmnummer bij direct gevaar", EMERGENCY_NUMBER, "dag en nacht")]
    try:
        directory = directory if directory is not None else load_directory()
    except (OSError, UserError, ValueError):
        return tuple(out)
    for kind in URGENT_KINDS:
        for service in directory.of_kind(kind):
            if service.phone:
                out.append(UrgentContact(service.name, service.phone, service.opening_hours))
    if directory.organisation is not None:
        org = directory.organisation
        out.append(UrgentContact(f"{org.name}, de coördinator", org.phone, None))
    return tuple(out)


def _visit(s: Session, visit_id: int) -> Visit:
    visit = s.get(Visit, visit_id)
    if visit is None:
        raise UserError(f"visit {visit_id} not found", message_nl="Dit gesprek bestaat niet meer.")
    return visit


def _draft(s: Session, visit_id: int) -> Visit:
    visit = _visit(s, visit_id)
    if visit.status is VisitStatus.FINAL:
        raise VisitFinalisedError("visit is finalised")
    return visit


def _active_consents(s: Session, signal_id: int) -> list[ConsentRecord]:
    return list(
        s.scalars(
            select(ConsentRecord)
            .where(ConsentRecord.signal_id == signal_id, ConsentRecord.withdrawn_at.is_(None))
            .order_by(ConsentRecord.id)
        )
    )


def _signal_row(s: Session, sig: Signal) -> SignalRow:
    return SignalRow(
        id=sig.id,
        theme=sig.theme,
        severity=sig.severity,
        text=sig.text,
        note=sig.note,
        agreed_action=sig.agreed_action,
        manual=sig.source_rule is None,
        source_rule=sig.source_rule,
        consents=tuple(
            ConsentRow(
                c.id,
                c.scope,
                c.given_at,
                c.method,
                c.referral_service,
                ReferralCaller(c.referral_caller) if c.referral_caller else None,
                c.referral_due,
                c.service_id,
            )
            for c in _active_consents(s, sig.id)
        ),
        share_declined=sig.share_declined_at is not None,
    )


def review(vault: VaultLike, visit_id: int) -> VisitReview:
    with unit_of_work(vault) as s:
        visit = _visit(s, visit_id)
        signals = sorted(visit.signals, key=lambda x: (-int(x.severity), x.id))
        return VisitReview(
            visit_id=visit.id,
            resident_id=visit.resident_id,
            status=visit.status,
            finalised_at=visit.finalised_at,
            reopened_count=visit.reopened_count,
            signals=tuple(_signal_row(s, sig) for sig in signals),
        )


def _sync(s: Session, visit: Visit, raised: Sequence[RaisedSignal]) -> None:
    wanted = {r.rule_id: r for r in raised}
    for sig in list(visit.signals):
        if sig.source_rule is None:
            continue
        rule = wanted.pop(sig.source_rule, None)
        if rule is None:
            if not _active_consents(s, sig.id):
                _delete_signal(s, sig)
            continue
        if (sig.theme, sig.severity, sig.text) != (rule.theme, rule.severity, rule.text):
            sig.theme, sig.severity, sig.text = rule.theme, rule.severity, rule.text
            sig.revision += 1
            sig.updated_at = datetime.now(UTC)
    for rule in raised:
        if rule.rule_id in wanted:
            s.add(
                Signal(
                    visit_id=visit.id,
                    theme=rule.theme,
                    severity=rule.severity,
                    source_rule=rule.rule_id,
                    text=rule.text,
                    note=rule.note or "",
                )
            )


def sync_signals(vault: VaultLike, visit_id: int, raised: Sequence[RaisedSignal]) -> VisitReview:
    """Store the signals the form raised now (see the module docstring); returns the review."""
    with unit_of_work(vault) as s:
        visit = _visit(s, visit_id)
        if visit.status is VisitStatus.DRAFT:
            _sync(s, visit, raised)
    return review(vault, visit_id)


def _clean_text(text: str, what: str) -> str:
    text = text.strip()
    if len(text) > MAX_NOTE_CHARS:
        raise InvalidInputError(
            f"{what} too long",
            message_nl=f"Deze tekst is te lang (meer dan {MAX_NOTE_CHARS} tekens).",
        )
    return text


def add_manual_signal(
    vault: VaultLike,
    visit_id: int,
    *,
    theme: ThemeId,
    severity: Severity,
    text: str,
    note: str = "",
) -> int:
    """A signal the volunteer adds by hand (a worry the form did not catch)."""
    text = _clean_text(text, "signal text")
    if not text:
        raise InvalidInputError(
            "manual signal without text", message_nl="Schrijf in een paar woorden waar het om gaat."
        )
    with unit_of_work(vault) as s:
        _draft(s, visit_id)
        sig = Signal(
            visit_id=visit_id,
            theme=theme,
            severity=severity,
            source_rule=None,
            text=text,
            note=_clean_text(note, "note"),
        )
        s.add(sig)
        s.flush()
        return sig.id


def _signal(s: Session, signal_id: int) -> Signal:
    sig = s.get(Signal, signal_id)
    if sig is None:
        raise UserError("signal not found", message_nl="Dit signaal bestaat niet meer.")
    return sig


def remove_manual_signal(vault: VaultLike, signal_id: int) -> None:
    with unit_of_work(vault) as s:
        sig = _signal(s, signal_id)
        _draft(s, sig.visit_id)
        if sig.source_rule is not None:
            raise InvalidInputError(
                "rule signal cannot be removed by hand",
                message_nl=(
                    "Dit signaal komt uit de antwoorden. Pas de antwoorden aan om het te "
                    "laten verdwijnen."
                ),
            )
        _delete_signal(s, sig)


def _delete_signal(s: Session, sig: Signal) -> None:
    """Delete a signal. One the coordinator already has leaves its public id behind, so the
    next export tells the coordinator to erase it."""
    if sig.exported_revision is not None:
        s.add(WithdrawnSignal(uid=sig.uid, revision=sig.revision + 1))
    s.delete(sig)


def update_signal_notes(vault: VaultLike, signal_id: int, *, note: str, agreed_action: str) -> None:
    with unit_of_work(vault) as s:
        sig = _signal(s, signal_id)
        _draft(s, sig.visit_id)
        note, agreed = _clean_text(note, "note"), _clean_text(agreed_action, "agreed action")
        if (sig.note, sig.agreed_action) != (note, agreed):
            sig.note, sig.agreed_action = note, agreed
            sig.revision += 1
            sig.updated_at = datetime.now(UTC)


def set_signal_consent(
    vault: VaultLike,
    signal_id: int,
    *,
    scopes: Iterable[ConsentScope],
    method: ConsentMethod,
    given_at: datetime | None = None,
    referral_service: str | None = None,
    service_id: str | None = None,
    referral_caller: ReferralCaller | None = None,
    referral_due: date | None = None,
    undecided: bool = False,
) -> SignalRow:
    """Record what the resident agreed to for this signal; withdraws what is no longer agreed.

    Rules: sharing name and contact details needs sharing the signal; a referral needs the
    name of the service, and may say who calls and by when (the summary prints both).
    ``service_id`` is the sociale kaart's id of that service (the service picker gives both);
    it travels in the batch so the coordinator's letter goes there. An unchanged purpose keeps
    its original record and date. Without ``delen_signaal`` in ``scopes`` the call records
    "do not share", unless ``undecided`` says the resident has not decided yet. A change is
    written to the audit log in the same transaction when the vault keeps one.
    """
    wanted = set(scopes)
    if not wanted <= set(SIGNAL_SCOPES):
        raise ValueError("only signal consent scopes here")
    if ConsentScope.SHARE_IDENTITY in wanted and ConsentScope.SHARE_SIGNAL not in wanted:
        raise InvalidInputError(
            "identity without signal",
            message_nl="Naam en telefoon delen kan alleen als het signaal ook gedeeld mag worden.",
        )
    service = (referral_service or "").strip() or None
    service_id = (service_id or "").strip() or None
    if ConsentScope.REFERRAL in wanted and service is None:
        raise InvalidInputError(
            "referral without service",
            message_nl="Schrijf op naar welke organisatie de bewoner doorverwezen wil worden.",
        )
    caller = ReferralCaller(referral_caller).value if referral_caller else None
    if ConsentScope.REFERRAL not in wanted:
        referral_due = None
    now = datetime.now(UTC)
    moved = given_at is not None  # a time given is the time the resident agreed
    given_at = given_at or now
    if given_at.tzinfo is None:
        raise ValueError("consent time must be timezone-aware")
    with unit_of_work(vault) as s:
        sig = _signal(s, signal_id)
        visit = _draft(s, sig.visit_id)
        active = {c.scope: c for c in _active_consents(s, signal_id)}
        changed = False
        for scope, record in active.items():
            same_service = scope is not ConsentScope.REFERRAL or (
                record.referral_service,
                record.service_id,
                record.referral_caller,
                record.referral_due,
            ) == (service, service_id, caller, referral_due)
            same = (
                same_service
                and record.method is method
                and (not moved or _same_moment(record.given_at, given_at))
            )
            if scope not in wanted or not same:
                record.withdrawn_at = now
                changed = True
        for scope in wanted:
            existing = active.get(scope)
            # Every difference withdrew the record above: what is still active is unchanged.
            keep = existing is not None and existing.withdrawn_at is None
            if keep:
                continue
            s.add(
                ConsentRecord(
                    resident_id=visit.resident_id,
                    visit_id=visit.id,
                    signal_id=sig.id,
                    scope=scope,
                    given_at=given_at,
                    method=method,
                    referral_service=service if scope is ConsentScope.REFERRAL else None,
                    service_id=service_id if scope is ConsentScope.REFERRAL else None,
                    referral_caller=caller if scope is ConsentScope.REFERRAL else None,
                    referral_due=referral_due if scope is ConsentScope.REFERRAL else None,
                )
            )
            changed = True
        declined = ConsentScope.SHARE_SIGNAL not in wanted and not undecided
        if declined != (sig.share_declined_at is not None):
            sig.share_declined_at = now if declined else None
            changed = True
        if changed:
            sig.revision += 1
            sig.updated_at = now
        s.flush()
        if changed:
            _audit(
                vault,
                s,
                AuditEvent.CONSENT_CHANGED,
                {
                    "visit_id": visit.id,
                    "signal_id": sig.id,
                    "scopes": sorted(str(x) for x in wanted),
                    "declined": declined,
                },
            )
        return _signal_row(s, sig)


def _same_moment(recorded: datetime, wanted: datetime) -> bool:
    """A purpose still agreed keeps its record unless the volunteer changed the time."""
    if recorded.tzinfo is None:
        recorded = recorded.replace(tzinfo=UTC)
    return abs((recorded - wanted).total_seconds()) < 60


def _audit(vault: VaultLike, s: Session, event: AuditEvent, detail: dict[str, object]) -> None:
    schema = getattr(vault, "schema", None)
    if schema is not None:
        append_event(s.connection(), schema.audit_table, event, detail)


# -- finalise and reopen ----------------------------------------------------------------------


class OpenQuestionsError(InvalidInputError):
    # Never suggests "wil ik niet zeggen": an open question may be one for the volunteer, or a
    # safety question that needs a real answer.
    def __init__(self, count: int) -> None:
        super().__init__(
            f"{count} required questions open",
            message_nl=(
                "Er is nog 1 vraag open. U ziet hem hierboven bij 'Open vragen'. Beantwoord "
                "hem eerst. Daarna kunt u afronden."
                if count == 1
                else f"Er zijn nog {count} vragen open. U ziet ze hierboven bij 'Open vragen'. "
                "Beantwoord ze eerst. Daarna kunt u afronden."
            ),
        )
        self.count = count


class UndecidedSignalsError(InvalidInputError):
    """Finalising while the resident's sharing decision is missing for some signals."""

    def __init__(self, texts: Sequence[str]) -> None:
        count = len(texts)
        listed = "\n".join(f"• {t}" for t in texts)
        super().__init__(
            f"{count} signals without a sharing decision",
            message_nl=(
                f"Bij {count} {'signaal' if count == 1 else 'signalen'} is nog niet gekozen "
                f"of de coördinator het mag zien:\n{listed}\nKies bij elk signaal 'Ja, delen' "
                "of 'Nee, niet delen'. Daarna kunt u afronden."
            ),
        )
        self.texts = tuple(texts)


def finalise(
    vault: VaultLike,
    visit_id: int,
    *,
    raised: Sequence[RaisedSignal],
    open_required: int,
) -> VisitReview:
    """Lock the visit: signals brought in step, status afgerond, the time recorded."""
    if open_required:
        raise OpenQuestionsError(open_required)
    with unit_of_work(vault) as s:
        visit = _draft(s, visit_id)
        _sync(s, visit, raised)
        s.flush()
        s.expire(visit, ["signals"])
        undecided = [
            sig.text
            for sig in sorted(visit.signals, key=lambda x: (-int(x.severity), x.id))
            if sig.share_declined_at is None
            and not any(c.scope is ConsentScope.SHARE_SIGNAL for c in _active_consents(s, sig.id))
        ]
        if undecided:
            raise UndecidedSignalsError(undecided)
        now = datetime.now(UTC)
        visit.status = VisitStatus.FINAL
        visit.finalised_at = now
        visit.updated_at = now
        s.flush()
        _audit(vault, s, AuditEvent.VISIT_FINALISED, {"visit_id": visit_id})
    return review(vault, visit_id)


def reopen(vault: Vault, visit_id: int) -> VisitReview:
    """Open a finalised visit for changes again; the audit log records it in the same
    transaction (visit id and count only, no names)."""
    with vault.session() as s:
        visit = _visit(s, visit_id)
        if visit.status is VisitStatus.FINAL:
            visit.status = VisitStatus.DRAFT
            visit.reopened_count += 1
            visit.updated_at = datetime.now(UTC)
            s.flush()
            append_event(
                s.connection(),
                vault.schema.audit_table,
                AuditEvent.VISIT_REOPENED,
                {"visit_id": visit_id, "times": visit.reopened_count},
            )
    return review(vault, visit_id)
