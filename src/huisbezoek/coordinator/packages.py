"""Making signed packages for volunteers: an assignment (residents to invite, encrypted to one
volunteer) and a configuration (forms, leaflets, services directory, the organisation's
recipients). The format, and how a volunteer's app checks it, is ``huisbezoek.exchange.package``.

The organisation signs each package with an Ed25519 key of its own, kept in the store's settings
(``org_signing_seed``), and adds a key certificate per approved volunteer.
"""

from __future__ import annotations

import base64
import uuid
from datetime import UTC, datetime

import pyrage
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from huisbezoek.coordinator.settings import load_settings
from huisbezoek.coordinator.store.models import (
    AreaResident,
    ErasureNotice,
    ImportLedger,
    Organisation,
    OrgKey,
    Volunteer,
    WorkSetting,
)
from huisbezoek.coordinator.store.orgkey import plain_secret
from huisbezoek.exchange.package import (
    ASSIGNMENT,
    CONFIGURATION,
    FORMAT,
    VERSION,
    AssignedResident,
    AssignmentBody,
    ConfigurationBody,
    Envelope,
    NotSetUpError,
    ReceivedBatch,
    VolunteerNotApprovedError,
    certificate,
    pack,
)

SIGNING_SEED_SETTING = "org_signing_seed"
CONFIG_REVISION_SETTING = "config_revision"


def _signing_key(session: Session) -> Ed25519PrivateKey:
    row = session.get(WorkSetting, SIGNING_SEED_SETTING)
    if row is None:
        key = Ed25519PrivateKey.generate()
        from cryptography.hazmat.primitives.serialization import (
            Encoding,
            NoEncryption,
            PrivateFormat,
        )

        seed = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        session.add(WorkSetting(name=SIGNING_SEED_SETTING, value=seed.hex()))
        session.flush()
        return key
    return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(row.value))


def _public_hex(key: Ed25519PrivateKey) -> str:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()


def _organisation(session: Session) -> tuple[str, OrgKey]:
    org = session.get(Organisation, 1)
    key = session.scalars(
        select(OrgKey).where(OrgKey.secret.is_not(None)).order_by(OrgKey.id).limit(1)
    ).first()
    if org is None or key is None or key.secret is None:
        raise NotSetUpError("coordinator store has no organisation identity")
    return org.org_id, key


def _envelope(
    session: Session, kind: str, body: bytes, *, for_key_id: str | None, revision: int
) -> bytes:
    org_id, org_key = _organisation(session)
    assert org_key.secret is not None
    org_secret = plain_secret(session.info, org_key.recipient, org_key.secret)
    signing = _signing_key(session)
    draft = Envelope(
        format=FORMAT,
        version=VERSION,
        kind=kind,
        org_id=org_id,
        package_id=str(uuid.uuid4()),
        created=datetime.now(UTC).isoformat(timespec="seconds"),
        revision=revision,
        for_key_id=for_key_id,
        signing_key=_public_hex(signing),
        certificates={},
        body=base64.b64encode(body).decode(),
    )
    volunteers = session.scalars(
        select(Volunteer).where(Volunteer.approved_at.is_not(None), Volunteer.revoked_at.is_(None))
    )
    certificates = {
        v.key_id: certificate(
            org_secret,
            v.age_recipient,
            org_recipient=org_key.recipient,
            volunteer_recipient=v.age_recipient,
            body=draft.cert_message(),
        )
        for v in volunteers
        if for_key_id is None or v.key_id == for_key_id
    }
    return pack(draft.model_copy(update={"certificates": certificates}), signing)


def export_assignment(session: Session, key_id: str) -> tuple[bytes, int]:
    """The assignment package for one approved volunteer, and how many residents it holds."""
    volunteer = session.get(Volunteer, key_id)
    if volunteer is None or volunteer.approved_at is None or volunteer.revoked_at is not None:
        raise VolunteerNotApprovedError(f"volunteer {key_id} not approved")
    residents = [
        AssignedResident(
            name=r.name,
            address=f"{r.street} {r.house_number}",
            postcode=f"{r.postcode[:4]} {r.postcode[4:]}",
            neighbourhood=r.neighbourhood,
            birth_date=r.birth_date,
            ref=str(r.id),
        )
        for r in session.scalars(
            select(AreaResident)
            .where(AreaResident.assigned_key_id == key_id)
            .order_by(AreaResident.neighbourhood, AreaResident.postcode, AreaResident.id)
        )
    ]
    received = [
        ReceivedBatch(batch_id=batch_id, sequence=sequence)
        for batch_id, sequence in session.execute(
            select(ImportLedger.batch_id, ImportLedger.sequence)
            .where(ImportLedger.key_id == key_id)
            .order_by(ImportLedger.sequence)
        )
    ]
    erased = list(
        session.scalars(
            select(ErasureNotice.signal_id)
            .where(ErasureNotice.key_id == key_id)
            .order_by(ErasureNotice.erased_at, ErasureNotice.signal_id)
        )
    )
    plain = (
        AssignmentBody(residents=residents, received=received, erased_signals=erased)
        .model_dump_json()
        .encode()
    )
    sealed = pyrage.encrypt(plain, [pyrage.x25519.Recipient.from_str(volunteer.age_recipient)])
    return _envelope(session, ASSIGNMENT, sealed, for_key_id=key_id, revision=0), len(residents)


def export_configuration(
    session: Session,
    *,
    forms: dict[str, str],
    leaflets: dict[str, str],
    services: dict[str, str],
) -> bytes:
    """A configuration package for every enrolled volunteer, with a rising revision number.
    It carries how long laptops keep finished work (the store's ``laptop_retention_months``)."""
    row = session.get(WorkSetting, CONFIG_REVISION_SETTING)
    revision = (int(row.value) if row else 0) + 1
    if row is None:
        session.add(WorkSetting(name=CONFIG_REVISION_SETTING, value=str(revision)))
    else:
        row.value = str(revision)
    recipients = list(session.scalars(select(OrgKey.recipient).order_by(OrgKey.id)))
    from huisbezoek.coordinator.drop import drop_settings

    retention_months = load_settings(session).laptop_retention_months
    body = ConfigurationBody(forms=forms, leaflets=leaflets, services=services,
                             recipients=recipients, drop=drop_settings(session),
                             retention_months=retention_months)  # fmt: skip
    return _envelope(
        session, CONFIGURATION, body.model_dump_json().encode(), for_key_id=None, revision=revision
    )
