"""Keys and the small files that carry them: the organisation's age identity and configuration,
the volunteer's signing key, and the enrolment file a volunteer hands to the coordinator.

Fingerprints are groups of digits, meant to be read aloud and compared by phone.
"""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

import pyrage
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
)

from huisbezoek.exchange import minisign
from huisbezoek.exchange.errors import InvalidKeyFileError
from huisbezoek.safe_read import FileRefusedError, loads_json
from huisbezoek.safe_text import clean_line

MAX_KEY_FILE_BYTES = 64 * 1024
FINGERPRINT_GROUPS = 6
MAX_RECIPIENTS = 8


def _one_line(value: object) -> object:
    """Names from another party's file lose control characters before they are stored or
    printed (an escape sequence in an enrolment file must not reach the terminal)."""
    return clean_line(value) if isinstance(value, str) else value


ShortName = Annotated[
    str,
    BeforeValidator(_one_line),
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
]
AgeRecipient = Annotated[str, StringConstraints(pattern=r"^age1[0-9a-z]{58}$")]


def format_fingerprint(digest: bytes) -> str:
    """Six groups of five digits (about 99 bits), the way Signal shows its safety numbers."""
    groups = []
    for i in range(FINGERPRINT_GROUPS):
        chunk = int.from_bytes(digest[i * 5 : i * 5 + 5], "big")
        groups.append(f"{chunk % 100000:05d}")
    return " ".join(groups)


def _fingerprint(domain: bytes, parts: list[str]) -> str:
    h = hashlib.blake2b(digest_size=32, person=domain)
    for part in parts:
        encoded = part.encode("utf-8")
        h.update(len(encoded).to_bytes(4, "big") + encoded)
    return format_fingerprint(h.digest())


def org_fingerprint(org_id: uuid.UUID, name: str, recipients: list[str]) -> str:
    """Covers everything in the configuration file a volunteer relies on."""
    return _fingerprint(b"huisbezoek-org", [str(org_id), name, *sorted(recipients)])


def volunteer_fingerprint(public_key: bytes, age_recipient: str) -> str:
    """Covers both of the volunteer's public keys (the name is checked by the coordinator)."""
    return _fingerprint(b"huisbezoek-vol", [public_key.hex(), age_recipient])


def _check_recipient(recipient: str) -> None:
    try:
        pyrage.x25519.Recipient.from_str(recipient)
    except Exception as exc:  # pyrage raises its own untyped errors
        raise InvalidKeyFileError("invalid age recipient") from exc


def _load_json(data: bytes) -> Any:
    if len(data) > MAX_KEY_FILE_BYTES:
        raise InvalidKeyFileError("key file too large")
    try:
        return loads_json(data, max_depth=8)
    except FileRefusedError as exc:
        raise InvalidKeyFileError(f"key file refused: {exc.log_message}") from None


def _dump_json(model: BaseModel) -> bytes:
    return (json.dumps(model.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n").encode()


# --- organisation ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OrgIdentity:
    """The organisation's age X25519 identity (secret); kept in the coordinator's vault."""

    secret: str  # AGE-SECRET-KEY-1...

    @classmethod
    def generate(cls) -> OrgIdentity:
        return cls(str(pyrage.x25519.Identity.generate()))

    @classmethod
    def from_str(cls, text: str) -> OrgIdentity:
        """Read a bare secret key or an ``age-keygen`` identity file (comments allowed)."""
        lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
        if len(lines) != 1:
            raise InvalidKeyFileError("identity file must hold exactly one key")
        try:
            pyrage.x25519.Identity.from_str(lines[0])
        except Exception as exc:
            raise InvalidKeyFileError("invalid age identity") from exc
        return cls(lines[0])

    def age_identity(self) -> pyrage.x25519.Identity:
        return pyrage.x25519.Identity.from_str(self.secret)

    @property
    def recipient(self) -> str:
        return str(self.age_identity().to_public())

    def identity_file(self) -> str:
        """The ``age-keygen`` file format, so ``age -d -i FILE`` can use it."""
        created = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
        return f"# created: {created}\n# public key: {self.recipient}\n{self.secret}\n"

    def __repr__(self) -> str:  # never print the secret
        return f"OrgIdentity(recipient={self.recipient!r})"


class OrgConfig(BaseModel):
    """What a volunteer's app needs to send batches to the organisation (public, not secret)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    format: Literal["huisbezoek-organisatie"] = "huisbezoek-organisatie"
    version: Literal[1] = 1
    org_id: uuid.UUID
    name: ShortName
    recipients: list[AgeRecipient] = Field(min_length=1, max_length=MAX_RECIPIENTS)
    fingerprint: str

    @classmethod
    def create(cls, org_id: uuid.UUID, name: str, recipients: list[str]) -> OrgConfig:
        for r in recipients:
            _check_recipient(r)
        name = name.strip()
        return cls(
            org_id=org_id,
            name=name,
            recipients=list(recipients),
            fingerprint=org_fingerprint(org_id, name, list(recipients)),
        )

    def to_bytes(self) -> bytes:
        return _dump_json(self)

    @classmethod
    def from_bytes(cls, data: bytes) -> OrgConfig:
        try:
            config = cls.model_validate(_load_json(data))
        except ValidationError as exc:
            raise InvalidKeyFileError("organisation configuration does not validate") from exc
        for r in config.recipients:
            _check_recipient(r)
        if config.fingerprint != org_fingerprint(config.org_id, config.name, config.recipients):
            raise InvalidKeyFileError("organisation configuration fingerprint mismatch")
        return config


# --- volunteer ---------------------------------------------------------------------------------


class VolunteerKeys:
    """The volunteer's Ed25519 signing key and age identity, created with the vault.

    ``serialize`` gives the bytes the vault stores (encrypted at rest by SQLCipher).
    """

    __slots__ = ("_age", "_signing")

    def __init__(self, signing_key: Ed25519PrivateKey, age_identity: str) -> None:
        self._signing = signing_key
        self._age = age_identity

    @classmethod
    def generate(cls) -> VolunteerKeys:
        return cls(Ed25519PrivateKey.generate(), str(pyrage.x25519.Identity.generate()))

    @property
    def signing_key(self) -> Ed25519PrivateKey:
        return self._signing

    @property
    def public_key(self) -> bytes:
        return self._signing.public_key().public_bytes_raw()

    @property
    def key_id(self) -> bytes:
        return minisign.key_id_for(self.public_key)

    @property
    def key_id_hex(self) -> str:
        return minisign.key_id_hex(self.key_id)

    @property
    def minisign_public_key(self) -> str:
        return minisign.encode_public_key(self.public_key)

    @property
    def age_identity(self) -> str:
        return self._age

    @property
    def age_recipient(self) -> str:
        return str(pyrage.x25519.Identity.from_str(self._age).to_public())

    @property
    def fingerprint(self) -> str:
        return volunteer_fingerprint(self.public_key, self.age_recipient)

    def serialize(self) -> bytes:
        return json.dumps(
            {
                "version": 1,
                "ed25519": base64.b64encode(self._signing.private_bytes_raw()).decode(),
                "age": self._age,
            }
        ).encode()

    @classmethod
    def deserialize(cls, data: bytes) -> VolunteerKeys:
        obj = _load_json(data)
        try:
            if not isinstance(obj, dict) or obj.get("version") != 1:
                raise ValueError("unknown key format")
            seed = base64.b64decode(obj["ed25519"], validate=True)
            age_secret = str(obj["age"])
            pyrage.x25519.Identity.from_str(age_secret)
            return cls(Ed25519PrivateKey.from_private_bytes(seed), age_secret)
        except Exception as exc:
            raise InvalidKeyFileError("stored volunteer keys are unreadable") from exc

    def enrolment(self, name: str) -> Enrolment:
        return Enrolment(
            name=name.strip(),
            public_key=self.minisign_public_key,
            key_id=self.key_id_hex,
            age_recipient=self.age_recipient,
            fingerprint=self.fingerprint,
        )

    def __repr__(self) -> str:
        return f"VolunteerKeys(key_id={self.key_id_hex})"


class Enrolment(BaseModel):
    """The file a volunteer gives the coordinator: name and public keys (nothing secret)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    format: Literal["huisbezoek-aanmelding"] = "huisbezoek-aanmelding"
    version: Literal[1] = 1
    name: ShortName
    public_key: str  # minisign base64
    key_id: str
    age_recipient: AgeRecipient
    fingerprint: str

    @property
    def public_key_raw(self) -> bytes:
        return minisign.decode_public_key(self.public_key)

    def to_bytes(self) -> bytes:
        return _dump_json(self)

    @classmethod
    def from_bytes(cls, data: bytes) -> Enrolment:
        try:
            enrolment = cls.model_validate(_load_json(data))
        except ValidationError as exc:
            raise InvalidKeyFileError("enrolment file does not validate") from exc
        raw = enrolment.public_key_raw
        _check_recipient(enrolment.age_recipient)
        if enrolment.key_id != minisign.key_id_hex(minisign.key_id_for(raw)):
            raise InvalidKeyFileError("enrolment key id mismatch")
        if enrolment.fingerprint != volunteer_fingerprint(raw, enrolment.age_recipient):
            raise InvalidKeyFileError("enrolment fingerprint mismatch")
        return enrolment
