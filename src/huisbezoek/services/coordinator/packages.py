"""Signed packages from the coordinator to volunteers: an assignment (residents to invite,
encrypted to one volunteer) and a configuration (forms, leaflets, services directory, the
organisation's recipients).

Who signed it: the organisation signs each package with an Ed25519 key of its own. A volunteer
app knows the organisation only from the configuration file it was set up with (name, age
recipients, fingerprint compared by phone), which holds no signing key. So each package also
carries, per enrolled volunteer, a certificate: an HMAC over the signing key made with the
X25519 secret that only the organisation's age identity and that volunteer's age identity can
compute. The volunteer app recomputes it from its own identity and the organisation's
recipient, and only then trusts the signature. A package made before a volunteer enrolled has
no certificate for them and is refused with a request for a new one.

Envelope (JSON): format, version, kind, org_id, package_id, created, revision, for_key_id,
signing_key, certificates, body (base64; an assignment's body is age-encrypted), signature
(Ed25519 over the canonical JSON of every other field).
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import hmac
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from huisbezoek.errors import UserError
from huisbezoek.exchange.coordinator.models import Organisation, OrgKey, Volunteer
from huisbezoek.services.coordinator.models import AreaResident, WorkSetting
from huisbezoek.vault.core import Vault

FORMAT = "huisbezoek.pakket"
VERSION = 1
ASSIGNMENT = "toewijzing"
CONFIGURATION = "configuratie"
MAX_PACKAGE_BYTES = 50 * 1024 * 1024
SIGNING_SEED_SETTING = "org_signing_seed"
CONFIG_REVISION_SETTING = "config_revision"
VOLUNTEER_CONFIG_SETTING = "coordinator.configuration"
_CERT_INFO = b"huisbezoek: organisatie-ondertekensleutel v1"


class PackageError(UserError):
    message_nl = (
        "Dit bestand is geen geldig pakket van de coördinator, of het is beschadigd. "
        "Er is niets ingelezen."
    )


class OtherOrganisationPackageError(PackageError):
    message_nl = "Dit pakket komt van een andere organisatie dan de uwe. Er is niets ingelezen."


class NotSignedByOrganisationError(PackageError):
    message_nl = (
        "Dit pakket is niet ondertekend door uw organisatie. Er is niets ingelezen. "
        "Vraag de coördinator om een nieuw pakket."
    )


class OtherVolunteerPackageError(PackageError):
    message_nl = (
        "Dit pakket is voor een andere vrijwilliger gemaakt. Er is niets ingelezen. "
        "Vraag de coördinator om uw eigen pakket."
    )


class NoCertificateError(PackageError):
    message_nl = (
        "Dit pakket is gemaakt voordat u bij de organisatie was aangemeld. Er is niets "
        "ingelezen. Vraag de coördinator om een nieuw pakket."
    )


class OlderConfigurationError(PackageError):
    message_nl = "U hebt al een nieuwere configuratie. Er is niets veranderd."


class NotSetUpError(PackageError):
    message_nl = "Lees eerst het configuratiebestand van uw organisatie in. Daarna kan dit pakket."


class VolunteerNotApprovedError(PackageError):
    message_nl = (
        "Deze vrijwilliger is niet goedgekeurd of is ingetrokken. Er is geen pakket gemaakt."
    )


# -- age keys as raw X25519 -------------------------------------------------------------------

_BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def _polymod(values: list[int]) -> int:
    generator = [0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3]
    check = 1
    for value in values:
        top = check >> 25
        check = (check & 0x1FFFFFF) << 5 ^ value
        for i in range(5):
            check ^= generator[i] if (top >> i) & 1 else 0
    return check


def bech32_bytes(text: str, hrp: str) -> bytes:
    """The 32 key bytes of an age recipient (``age1...``) or identity (``AGE-SECRET-KEY-1...``)."""
    text = text.strip().lower()
    if not text.startswith(hrp + "1"):
        raise ValueError("unexpected key prefix")
    data = [_BECH32.index(ch) for ch in text[len(hrp) + 1 :]]
    expanded = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    if _polymod(expanded + data) != 1:
        raise ValueError("bad bech32 checksum")
    acc, bits, out = 0, 0, bytearray()
    for value in data[:-6]:
        acc = (acc << 5) | value
        bits += 5
        if bits >= 8:
            bits -= 8
            out.append((acc >> bits) & 0xFF)
    if len(out) != 32:
        raise ValueError("key is not 32 bytes")
    return bytes(out)


def _certificate(
    secret: str, public: str, *, org_recipient: str, volunteer_recipient: str, body: bytes
) -> str:
    """HMAC over ``body`` with the X25519 secret shared by organisation and one volunteer."""
    private = X25519PrivateKey.from_private_bytes(bech32_bytes(secret, "age-secret-key-"))
    shared = private.exchange(X25519PublicKey.from_public_bytes(bech32_bytes(public, "age")))
    key = HKDF(
        SHA256(),
        32,
        salt=None,
        info=_CERT_INFO + org_recipient.encode() + b"|" + volunteer_recipient.encode(),
    ).derive(shared)
    return hmac.new(key, body, hashlib.sha256).hexdigest()


# -- envelope ---------------------------------------------------------------------------------


class Envelope(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    format: str
    version: int
    kind: str
    org_id: str
    package_id: str
    created: str
    revision: int = Field(ge=0)
    for_key_id: str | None
    signing_key: str
    certificates: dict[str, str]
    body: str

    def canonical(self) -> bytes:
        return json.dumps(self.model_dump(), sort_keys=True, separators=(",", ":")).encode()

    def cert_message(self) -> bytes:
        return f"{self.org_id}|{self.signing_key}".encode()


def _pack(envelope: Envelope, signing: Ed25519PrivateKey) -> bytes:
    signature = signing.sign(envelope.canonical()).hex()
    data = {**envelope.model_dump(), "signature": signature}
    return json.dumps(data, sort_keys=True, indent=1).encode()


def _unpack(data: bytes) -> tuple[Envelope, bytes]:
    if len(data) > MAX_PACKAGE_BYTES:
        raise PackageError("package too large")
    try:
        raw = json.loads(data)
        if not isinstance(raw, dict):
            raise PackageError("package is not an object")
        signature = bytes.fromhex(str(raw.pop("signature")))
        envelope = Envelope.model_validate(raw)
    except (ValueError, KeyError, ValidationError, UnicodeDecodeError) as exc:
        raise PackageError(f"unreadable package: {type(exc).__name__}") from None
    if envelope.format != FORMAT or envelope.version != VERSION:
        raise PackageError("not a package of a known format")
    return envelope, signature


def package_kind(data: bytes) -> str:
    """``toewijzing`` or ``configuratie``, read before any check (to pick the right one)."""
    envelope, _signature = _unpack(data)
    if envelope.kind not in (ASSIGNMENT, CONFIGURATION):
        raise PackageError(f"unknown package kind {envelope.kind!r}")
    return envelope.kind


# -- coordinator side -------------------------------------------------------------------------


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
        v.key_id: _certificate(
            org_key.secret,
            v.age_recipient,
            org_recipient=org_key.recipient,
            volunteer_recipient=v.age_recipient,
            body=draft.cert_message(),
        )
        for v in volunteers
        if for_key_id is None or v.key_id == for_key_id
    }
    return _pack(draft.model_copy(update={"certificates": certificates}), signing)


class AssignedResident(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    name: str = Field(min_length=1, max_length=200)
    address: str = Field(max_length=200)
    postcode: str = Field(max_length=10)
    neighbourhood: str = Field(max_length=100)
    birth_date: date


class AssignmentBody(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    residents: list[AssignedResident] = Field(max_length=50_000)


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
        )
        for r in session.scalars(
            select(AreaResident)
            .where(AreaResident.assigned_key_id == key_id)
            .order_by(AreaResident.neighbourhood, AreaResident.postcode, AreaResident.id)
        )
    ]
    plain = AssignmentBody(residents=residents).model_dump_json().encode()
    sealed = pyrage.encrypt(plain, [pyrage.x25519.Recipient.from_str(volunteer.age_recipient)])
    return _envelope(session, ASSIGNMENT, sealed, for_key_id=key_id, revision=0), len(residents)


class ConfigurationBody(BaseModel):
    """Files by name, per kind; the volunteer app keeps them and shows what changed."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    forms: dict[str, str] = Field(default_factory=dict)
    leaflets: dict[str, str] = Field(default_factory=dict)
    services: dict[str, str] = Field(default_factory=dict)
    recipients: list[str] = Field(default_factory=list)


def export_configuration(
    session: Session,
    *,
    forms: dict[str, str],
    leaflets: dict[str, str],
    services: dict[str, str],
) -> bytes:
    """A configuration package for every enrolled volunteer, with a rising revision number."""
    row = session.get(WorkSetting, CONFIG_REVISION_SETTING)
    revision = (int(row.value) if row else 0) + 1
    if row is None:
        session.add(WorkSetting(name=CONFIG_REVISION_SETTING, value=str(revision)))
    else:
        row.value = str(revision)
    recipients = list(session.scalars(select(OrgKey.recipient).order_by(OrgKey.id)))
    body = ConfigurationBody(forms=forms, leaflets=leaflets, services=services,
                             recipients=recipients)  # fmt: skip
    return _envelope(
        session, CONFIGURATION, body.model_dump_json().encode(), for_key_id=None, revision=revision
    )


# -- volunteer side ---------------------------------------------------------------------------


def _verify(vault: Vault, data: bytes, kind: str) -> tuple[Envelope, str]:
    """Check the package against the organisation this app was set up with; returns it and
    this volunteer's age identity. Raises a Dutch refusal otherwise."""
    from huisbezoek.services import exchange

    config = exchange.org_config(vault)
    if config is None:
        raise NotSetUpError("volunteer app has no organisation configuration")
    keys = exchange.ensure_volunteer_keys(vault)
    envelope, signature = _unpack(data)
    if envelope.kind != kind:
        raise PackageError(f"expected a {kind} package, got {envelope.kind}")
    if envelope.org_id != str(config.org_id):
        raise OtherOrganisationPackageError("package names another organisation")
    if envelope.for_key_id is not None and envelope.for_key_id != keys.key_id_hex:
        raise OtherVolunteerPackageError("package is for another volunteer")
    certificate = envelope.certificates.get(keys.key_id_hex)
    if certificate is None:
        raise NoCertificateError("package has no certificate for this volunteer")
    trusted = any(
        hmac.compare_digest(
            certificate,
            _certificate(
                keys.age_identity,
                recipient,
                org_recipient=recipient,
                volunteer_recipient=keys.age_recipient,
                body=envelope.cert_message(),
            ),
        )
        for recipient in config.recipients
    )
    if not trusted:
        raise NotSignedByOrganisationError("signing key not certified by the organisation")
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(envelope.signing_key)).verify(
            signature, envelope.canonical()
        )
    except (InvalidSignature, ValueError):
        raise NotSignedByOrganisationError("bad package signature") from None
    return envelope, keys.age_identity


class _OneSession:
    """A VaultLike whose every unit of work is the caller's one transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def session(self) -> contextlib.AbstractContextManager[Session]:
        return contextlib.nullcontext(self._session)


@dataclass(frozen=True, slots=True)
class AssignmentResult:
    added: int
    skipped: int


def accept_assignment(vault: Vault, data: bytes) -> AssignmentResult:
    """Check, decrypt and add the residents to the volunteer's list, all or nothing."""
    from huisbezoek.services import residents as residents_svc
    from huisbezoek.vault.models import Resident

    envelope, identity = _verify(vault, data, ASSIGNMENT)
    try:
        plain = pyrage.decrypt(
            base64.b64decode(envelope.body, validate=True),
            [pyrage.x25519.Identity.from_str(identity)],
        )
        body = AssignmentBody.model_validate_json(plain)
    except (ValueError, binascii.Error, ValidationError, pyrage.DecryptError) as exc:
        raise PackageError(
            f"assignment does not decrypt or validate: {type(exc).__name__}"
        ) from None
    added = skipped = 0
    with vault.session() as session:
        existing = {
            (n.casefold(), residents_svc.normalise_postcode(p), a.casefold())
            for n, p, a in session.execute(
                select(Resident.name, Resident.postcode, Resident.address)
            )
        }
        one = _OneSession(session)
        for person in body.residents:
            key = (
                person.name.casefold(),
                residents_svc.normalise_postcode(person.postcode),
                person.address.casefold(),
            )
            if key in existing:
                skipped += 1
                continue
            existing.add(key)
            residents_svc.add_resident(
                one,
                residents_svc.ResidentInput(
                    name=person.name,
                    address=person.address,
                    postcode=person.postcode,
                    neighbourhood=person.neighbourhood,
                    birth_date=person.birth_date,
                ),
            )
            added += 1
    return AssignmentResult(added, skipped)


@dataclass(frozen=True, slots=True)
class ConfigChanges:
    """What a configuration package changed, per kind of file; empty lists when nothing."""

    revision: int
    added: dict[str, list[str]] = field(default_factory=dict)
    changed: dict[str, list[str]] = field(default_factory=dict)
    removed: dict[str, list[str]] = field(default_factory=dict)
    recipients_changed: bool = False

    def lines_nl(self) -> list[str]:
        names = {"forms": "Formulieren", "leaflets": "Folders", "services": "Sociale kaart"}
        lines: list[str] = []
        for kind, label in names.items():
            for verb, group in (("nieuw", self.added), ("gewijzigd", self.changed),
                                ("verwijderd", self.removed)):  # fmt: skip
                if group.get(kind):
                    lines.append(f"{label} {verb}: {', '.join(group[kind])}")
        if self.recipients_changed:
            lines.append("De sleutels van de organisatie zijn veranderd.")
        return lines or ["Er is niets veranderd."]


def _diff(old: dict[str, str], new: dict[str, str]) -> tuple[list[str], list[str], list[str]]:
    added = sorted(set(new) - set(old))
    removed = sorted(set(old) - set(new))
    changed = sorted(n for n in set(old) & set(new) if old[n] != new[n])
    return added, changed, removed


def accept_configuration(
    vault: Vault,
    data: bytes,
    *,
    before_store: Callable[[ConfigurationBody], None] | None = None,
) -> ConfigChanges:
    """Check the package, keep it in the vault and say what changed.

    ``before_store`` sees the checked contents before anything is kept and refuses them by
    raising (``services.configuration`` checks and prepares the files there); a package of
    the revision already kept changes nothing and is not shown to it. Visits in
    progress keep the form version they pinned (the vault stores each definition used), so a
    new form version here does not disturb them.
    """
    from huisbezoek.vault.models import Setting

    envelope, _identity = _verify(vault, data, CONFIGURATION)
    try:
        body = ConfigurationBody.model_validate_json(base64.b64decode(envelope.body, validate=True))
    except (ValueError, binascii.Error, ValidationError) as exc:
        raise PackageError(f"configuration does not validate: {type(exc).__name__}") from None
    with vault.session() as session:
        row = session.get(Setting, VOLUNTEER_CONFIG_SETTING)
        previous: dict[str, Any] = json.loads(row.value) if row else {}
        if previous and envelope.revision <= int(previous.get("revision", 0)):
            if envelope.revision == int(previous.get("revision", 0)):
                return ConfigChanges(envelope.revision)
            raise OlderConfigurationError("configuration revision is older")
        if before_store is not None:
            before_store(body)  # raising here rolls back; nothing is kept
        old = ConfigurationBody.model_validate(previous.get("body", {}), strict=False)
        changes = ConfigChanges(envelope.revision)
        for kind in ("forms", "leaflets", "services"):
            added, changed, removed = _diff(getattr(old, kind), getattr(body, kind))
            changes.added[kind], changes.changed[kind], changes.removed[kind] = (
                added, changed, removed,
            )  # fmt: skip
        changes = ConfigChanges(
            envelope.revision,
            changes.added,
            changes.changed,
            changes.removed,
            recipients_changed=bool(previous) and old.recipients != body.recipients,
        )
        session.merge(
            Setting(
                key=VOLUNTEER_CONFIG_SETTING,
                value=json.dumps({"revision": envelope.revision, "body": body.model_dump()}),
            )
        )
    return changes


def stored_configuration(vault: Vault) -> ConfigurationBody | None:
    from huisbezoek.vault.models import Setting

    with vault.session() as session:
        row = session.get(Setting, VOLUNTEER_CONFIG_SETTING)
        if row is None:
            return None
        return ConfigurationBody.model_validate(json.loads(row.value)["body"], strict=False)
