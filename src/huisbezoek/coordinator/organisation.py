"""The organisation and its volunteers, in the coordinator store.

``init_organisation`` makes the coordinator store (a vault of kind "coordinator") with the
organisation's age identity; ``organisation_config`` rebuilds the configuration file volunteers
need; volunteers are enrolled from their enrolment file, approved after comparing the
fingerprint by phone, and revoked.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from huisbezoek import paths
from huisbezoek.coordinator.store import StoreLike
from huisbezoek.coordinator.store.models import (
    ImportedSignal,
    ImportLedger,
    Organisation,
    OrgKey,
    Volunteer,
)
from huisbezoek.coordinator.store.orgkey import plain_secret
from huisbezoek.coordinator.store.schema import COORDINATOR_SCHEMA
from huisbezoek.errors import InvalidInputError
from huisbezoek.exchange import minisign
from huisbezoek.exchange.errors import InvalidKeyFileError, NoOrganisationConfigError
from huisbezoek.exchange.files import read_limited
from huisbezoek.exchange.keys import MAX_KEY_FILE_BYTES, Enrolment, OrgConfig, OrgIdentity
from huisbezoek.vault import AuditEvent, KdfParams, Vault
from huisbezoek.vault.audit import append_event

_ORG_KEYS: Table = OrgKey.__table__  # type: ignore[assignment]


def _audit(session: Session, event: AuditEvent, detail: dict[str, Any]) -> None:
    append_event(session.connection(), COORDINATOR_SCHEMA.audit_table, event, detail)


def open_coordinator(folder: Path | None, passphrase: str) -> Vault:
    folder = folder or paths.default_coordinator_dir()
    return Vault.open(folder, passphrase, schema=COORDINATOR_SCHEMA)


@dataclass(frozen=True, slots=True)
class CreatedOrganisation:
    store: Vault
    recovery_key: str
    config: OrgConfig


def init_organisation(
    folder: Path | None,
    passphrase: str,
    name: str,
    *,
    backup_recipients: Sequence[str] = (),
    kdf: KdfParams | None = None,
) -> CreatedOrganisation:
    """Make the coordinator store with a new organisation identity; returns it open."""
    name = " ".join(name.split())
    if not name or len(name) > 200:
        raise InvalidInputError("bad organisation name", message_nl="Vul de naam in (kort).")
    identity = OrgIdentity.generate()
    recipients = [identity.recipient, *backup_recipients]
    config = OrgConfig.create(uuid.uuid4(), name, recipients)
    store, recovery_key = Vault.create(
        folder or paths.default_coordinator_dir(),
        passphrase,
        kind="coordinator",
        schema=COORDINATOR_SCHEMA,
        kdf=kdf,
    )
    try:
        with store.session() as s:
            s.add(Organisation(id=1, org_id=str(config.org_id), name=name))
            s.add(OrgKey(recipient=identity.recipient, secret=identity.secret, role="primary"))
            for r in backup_recipients:
                s.add(OrgKey(recipient=r, secret=None, role="backup"))
            _audit(s, AuditEvent.ORG_INIT, {"recipients": len(recipients)})
    except BaseException:
        store.close()
        raise
    return CreatedOrganisation(store, recovery_key, config)


def organisation_config(store: StoreLike) -> OrgConfig:
    """The configuration file volunteers need, rebuilt from the store."""
    with store.session() as s:
        org = s.get(Organisation, 1)
        if org is None:
            raise NoOrganisationConfigError("coordinator store has no organisation")
        recipients = list(s.scalars(select(OrgKey.recipient).order_by(OrgKey.id)))
        return OrgConfig.create(uuid.UUID(org.org_id), org.name, recipients)


def identities(session: Session) -> list[OrgIdentity]:
    """The organisation's secret keys; on PostgreSQL they come unsealed from the store
    (``OrgKeyLockedError`` when nobody gave the organisation passphrase)."""
    keys = _ORG_KEYS.c
    rows = session.connection().execute(
        select(keys.recipient, keys.secret).where(keys.secret.is_not(None)).order_by(keys.id)
    )
    return [OrgIdentity(plain_secret(session.info, r, str(s))) for r, s in rows]


def export_org_identity(store: StoreLike) -> str:
    """The organisation's secret identity as an ``age-keygen`` file, for safekeeping."""
    with store.session() as s:
        keys = identities(s)
        _audit(s, AuditEvent.ORG_KEY_EXPORT, {"keys": len(keys)})
    return "".join(i.identity_file() for i in keys)


@dataclass(frozen=True, slots=True)
class VolunteerRow:
    key_id: str
    name: str
    fingerprint: str
    public_key: str
    age_recipient: str
    enrolled_at: datetime
    approved_at: datetime | None
    revoked_at: datetime | None

    @property
    def status_nl(self) -> str:
        if self.revoked_at is not None:
            return "ingetrokken"
        return "goedgekeurd" if self.approved_at is not None else "wacht op goedkeuring"


def _row(v: Volunteer) -> VolunteerRow:
    return VolunteerRow(
        v.key_id,
        v.name,
        v.fingerprint,
        v.public_key,
        v.age_recipient,
        v.enrolled_at,
        v.approved_at,
        v.revoked_at,
    )


def enrol_volunteer(store: StoreLike, path: Path) -> VolunteerRow:
    """Register an enrolment file; the volunteer still has to be approved."""
    enrolment = Enrolment.from_bytes(read_limited(path, MAX_KEY_FILE_BYTES))
    with store.session() as s:
        existing = s.get(Volunteer, enrolment.key_id)
        if existing is not None:
            if existing.public_key != enrolment.public_key:
                raise InvalidKeyFileError("key id collision")
            return _row(existing)
        volunteer = Volunteer(
            key_id=enrolment.key_id,
            name=enrolment.name,
            public_key=enrolment.public_key,
            age_recipient=enrolment.age_recipient,
            fingerprint=enrolment.fingerprint,
            enrolled_at=datetime.now(UTC),
        )
        s.add(volunteer)
        s.flush()
        _audit(s, AuditEvent.ENROL, {"key_id": enrolment.key_id})
        return _row(volunteer)


def _volunteer(session: Session, key_id: str) -> Volunteer:
    kid = minisign.key_id_hex(minisign.key_id_from_hex(key_id))
    volunteer = session.get(Volunteer, kid)
    if volunteer is None:
        raise InvalidInputError(
            "unknown key id", message_nl=f"Er is geen vrijwilliger met sleutelnummer {kid}."
        )
    return volunteer


def approve_volunteer(store: StoreLike, key_id: str) -> VolunteerRow:
    """Approve after comparing the fingerprint by phone. A revoked key stays revoked."""
    with store.session() as s:
        volunteer = _volunteer(s, key_id)
        if volunteer.revoked_at is not None:
            raise InvalidInputError(
                "approve revoked key",
                message_nl="Deze sleutel is ingetrokken. Laat de vrijwilliger zich opnieuw "
                "aanmelden met een nieuwe sleutel.",
            )
        if volunteer.approved_at is None:
            volunteer.approved_at = datetime.now(UTC)
            _audit(s, AuditEvent.APPROVE, {"key_id": volunteer.key_id})
        return _row(volunteer)


def revoke_volunteer(store: StoreLike, key_id: str) -> VolunteerRow:
    """From now on, batches signed with this key are refused (imported ones stay)."""
    with store.session() as s:
        volunteer = _volunteer(s, key_id)
        if volunteer.revoked_at is None:
            volunteer.revoked_at = datetime.now(UTC)
            _audit(s, AuditEvent.REVOKE, {"key_id": volunteer.key_id})
        return _row(volunteer)


def export_org_identity_file(store: StoreLike, secret: str) -> bytes:
    """The organisation's age identity, encrypted with ``secret`` (age passphrase format, so
    ``age -d`` opens it): what the File menu saves for safekeeping."""
    import pyrage

    if len(secret) < 10:
        raise InvalidInputError(
            "short export passphrase", message_nl="Kies een wachtwoord van minstens 10 tekens."
        )
    text = export_org_identity(store)
    return bytes(pyrage.passphrase.encrypt(text.encode("ascii"), secret))


def rename_volunteer(store: StoreLike, key_id: str, name: str) -> VolunteerRow:
    """The name coordinators know the volunteer by (the key id stays what identifies them)."""
    clean = " ".join(name.split())
    if not 2 <= len(clean) <= 200:
        raise InvalidInputError(
            "volunteer name", message_nl="Vul een naam in van 2 tot 200 tekens."
        )
    with store.session() as s:
        volunteer = _volunteer(s, key_id)
        volunteer.name = clean
        return _row(volunteer)


def list_volunteers(store: StoreLike) -> list[VolunteerRow]:
    with store.session() as s:
        return [_row(v) for v in s.scalars(select(Volunteer).order_by(Volunteer.name))]


@dataclass(frozen=True, slots=True)
class StoreCounts:
    """Sizes of the coordinator store's tables, for reports and tests."""

    signals: int
    batches: int
    volunteers: int


def store_counts(store: StoreLike) -> StoreCounts:
    with store.session() as s:
        return StoreCounts(
            signals=s.scalar(select(func.count()).select_from(ImportedSignal)) or 0,
            batches=s.scalar(select(func.count()).select_from(ImportLedger)) or 0,
            volunteers=s.scalar(select(func.count()).select_from(Volunteer)) or 0,
        )


@dataclass(frozen=True, slots=True)
class LastBatch:
    """The newest batch imported from one volunteer: its sequence number and when."""

    sequence: int
    imported_at: datetime


def last_batches(store: StoreLike) -> dict[str, LastBatch]:
    """Per volunteer key id, the highest sequence number imported and the latest import time."""
    with store.session() as s:
        return {
            key: LastBatch(int(seq), at)
            for key, seq, at in s.execute(
                select(
                    ImportLedger.key_id,
                    func.max(ImportLedger.sequence),
                    func.max(ImportLedger.imported_at),
                ).group_by(ImportLedger.key_id)
            )
        }


def approved_volunteers(session: Session) -> list[tuple[str, str]]:
    """(key id, name) of every approved, not revoked volunteer, by name: who can get work."""
    return [
        (key, name)
        for key, name in session.execute(
            select(Volunteer.key_id, Volunteer.name)
            .where(Volunteer.approved_at.is_not(None), Volunteer.revoked_at.is_(None))
            .order_by(Volunteer.name)
        )
    ]
