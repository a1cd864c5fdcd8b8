"""The signed package format. Packages go from the coordinator to volunteers: an assignment
(residents to invite, encrypted to one volunteer) and a configuration (forms, leaflets, services
directory, the organisation's recipients). The coordinator makes them
(``huisbezoek.coordinator.packages``); the volunteer's app checks them with :func:`verify`
(``huisbezoek.services.packages``).

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

import hashlib
import hmac
import json
from datetime import date

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from huisbezoek.errors import UserError
from huisbezoek.exchange.bech32 import key_bytes
from huisbezoek.exchange.drop import DropSettings
from huisbezoek.exchange.keys import OrgConfig, VolunteerKeys
from huisbezoek.safe_read import FileRefusedError, loads_json

FORMAT = "huisbezoek.pakket"
VERSION = 1
ASSIGNMENT = "toewijzing"
CONFIGURATION = "configuratie"
MAX_PACKAGE_BYTES = 50 * 1024 * 1024
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


# -- key certificates -------------------------------------------------------------------------


def certificate(
    secret: str, public: str, *, org_recipient: str, volunteer_recipient: str, body: bytes
) -> str:
    """HMAC over ``body`` with the X25519 secret shared by organisation and one volunteer."""
    private = X25519PrivateKey.from_private_bytes(key_bytes(secret, "age-secret-key-"))
    shared = private.exchange(X25519PublicKey.from_public_bytes(key_bytes(public, "age")))
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


def pack(envelope: Envelope, signing: Ed25519PrivateKey) -> bytes:
    signature = signing.sign(envelope.canonical()).hex()
    data = {**envelope.model_dump(), "signature": signature}
    return json.dumps(data, sort_keys=True, indent=1).encode()


def unpack(data: bytes) -> tuple[Envelope, bytes]:
    if len(data) > MAX_PACKAGE_BYTES:
        raise PackageError("package too large")
    try:
        raw = loads_json(data, max_depth=16)
        if not isinstance(raw, dict):
            raise PackageError("package is not an object")
        signature = bytes.fromhex(str(raw.pop("signature")))
        envelope = Envelope.model_validate(raw)
    except (ValueError, KeyError, ValidationError, UnicodeDecodeError, FileRefusedError) as exc:
        raise PackageError(f"unreadable package: {type(exc).__name__}") from None
    if envelope.format != FORMAT or envelope.version != VERSION:
        raise PackageError("not a package of a known format")
    return envelope, signature


def package_kind(data: bytes) -> str:
    """``toewijzing`` or ``configuratie``, read before any check (to pick the right one)."""
    envelope, _signature = unpack(data)
    if envelope.kind not in (ASSIGNMENT, CONFIGURATION):
        raise PackageError(f"unknown package kind {envelope.kind!r}")
    return envelope.kind


# -- bodies -----------------------------------------------------------------------------------


class AssignedResident(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    name: str = Field(min_length=1, max_length=200)
    address: str = Field(max_length=200)
    postcode: str = Field(max_length=10)
    neighbourhood: str = Field(max_length=100)
    birth_date: date
    # The coordinator's number for this address-list entry: lets the laptop say "erased" back
    # without a name, and skip an entry it erased. Opaque; None in packages from before.
    ref: str | None = Field(default=None, min_length=1, max_length=64)


class ReceivedBatch(BaseModel):
    """A batch of this volunteer's that the coordinator imported: the signed receipt."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    batch_id: str = Field(pattern=r"^[0-9a-f-]{36}$")
    sequence: int = Field(ge=1, le=10**9)


class AssignmentBody(BaseModel):
    """What one volunteer gets, encrypted to them: residents to invite, the receipts for the
    batches the coordinator imported (retention on the laptop waits for these), and the ids
    of signals erased at the coordinator at a resident's request (the laptop erases that
    resident too and never exports those ids again). Ids only: no names travel back."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    residents: list[AssignedResident] = Field(max_length=50_000)
    received: list[ReceivedBatch] = Field(default_factory=list, max_length=100_000)
    erased_signals: list[str] = Field(default_factory=list, max_length=100_000)


class ConfigurationBody(BaseModel):
    """Files by name, per kind; the volunteer app keeps them and shows what changed."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    forms: dict[str, str] = Field(default_factory=dict)
    leaflets: dict[str, str] = Field(default_factory=dict)
    services: dict[str, str] = Field(default_factory=dict)
    recipients: list[str] = Field(default_factory=list)
    # Where batches and packages travel when online (no secrets; absent: files by hand).
    drop: DropSettings | None = None
    # Months the volunteer's laptop keeps what retention covers; None: the app's default.
    retention_months: int | None = Field(default=None, ge=1, le=36)


# -- checking a package on the volunteer's side ----------------------------------------------


def verify(data: bytes, kind: str, *, config: OrgConfig, keys: VolunteerKeys) -> Envelope:
    """Check a package against the organisation a volunteer's app was set up with (``config``)
    and that volunteer's keys; returns the envelope. Raises a Dutch refusal otherwise."""
    envelope, signature = unpack(data)
    if envelope.kind != kind:
        raise PackageError(f"expected a {kind} package, got {envelope.kind}")
    if envelope.org_id != str(config.org_id):
        raise OtherOrganisationPackageError("package names another organisation")
    if envelope.for_key_id is not None and envelope.for_key_id != keys.key_id_hex:
        raise OtherVolunteerPackageError("package is for another volunteer")
    given = envelope.certificates.get(keys.key_id_hex)
    if given is None:
        raise NoCertificateError("package has no certificate for this volunteer")
    trusted = any(
        hmac.compare_digest(
            given,
            certificate(
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
    return envelope
