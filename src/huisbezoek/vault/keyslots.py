"""The key-slot file ``vault.keys``: the random data key, wrapped once per way of unlocking.

The database is keyed with a random 256-bit data key. This file holds that key twice, each
time sealed with AES-256-GCM: once under a key derived from the passphrase (Argon2id, with its
parameters stored in the slot) and once under a key derived from the recovery key (HKDF; the
recovery key itself has 160 random bits, so a slow derivation adds nothing). The associated
data of each seal binds the file format, vault id, vault kind, slot type and its derivation
parameters, so no slot can be moved or weakened without the seal breaking.

The file is canonical JSON with a SHA-256 checksum of its body: any changed byte is reported
as a damaged file before any key derivation runs.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import secrets
import time
import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from huisbezoek.fsutil import atomic_write
from huisbezoek.safe_read import FileRefusedError, loads_json, read_bounded
from huisbezoek.vault.errors import (
    DamagedKeyFileError,
    ForeignFileError,
    NewerSchemaError,
    UnsafeKdfParamsError,
    WeakPassphraseError,
    WrongPassphraseError,
    WrongRecoveryKeyError,
)
from huisbezoek.vault.recoverykey import KEY_BYTES as RECOVERY_KEY_BYTES

FILE_FORMAT = "huisbezoek-vault-keys"
FORMAT_VERSION = 1
DATA_KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12
MIN_PASSPHRASE_CHARS = 10
KINDS = ("volunteer", "coordinator")
MAX_KEY_FILE_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class KdfParams:
    """Argon2id cost parameters; checked against ``FLOOR`` and ``CEILING`` whenever used."""

    memory_kib: int
    iterations: int
    lanes: int

    FLOOR: ClassVar[KdfParams]
    CEILING: ClassVar[KdfParams]

    def check(self) -> None:
        """Raise ``UnsafeKdfParamsError`` when any parameter is below the floor or above the
        ceiling (a weakened file, or one that would exhaust the memory of the laptop)."""
        lo, hi = KdfParams.FLOOR, KdfParams.CEILING
        for name in ("memory_kib", "iterations", "lanes"):
            value = getattr(self, name)
            if (
                not isinstance(value, int)
                or isinstance(value, bool)
                or not getattr(lo, name) <= value <= getattr(hi, name)
            ):
                raise UnsafeKdfParamsError(f"kdf parameter {name} outside the allowed range")

    def derive(self, secret: bytes, salt: bytes) -> bytes:
        self.check()
        kdf = Argon2id(
            salt=salt,
            length=32,
            iterations=self.iterations,
            lanes=self.lanes,
            memory_cost=self.memory_kib,
        )
        return kdf.derive(secret)

    @classmethod
    def calibrate(cls, target_seconds: float = 0.75, max_memory_kib: int = 256 * 1024) -> KdfParams:
        """Parameters that take about ``target_seconds`` on this machine, never below the floor.

        Memory is raised first (up to ``max_memory_kib``, kind to laptops with little RAM),
        then the number of passes.
        """
        params = cls.FLOOR
        elapsed = _time_derivation(params)
        while elapsed < target_seconds * 0.66:
            factor = min(4.0, target_seconds / max(elapsed, 1e-3))
            if params.memory_kib < max_memory_kib:
                memory = min(max_memory_kib, int(params.memory_kib * factor))
                params = replace(params, memory_kib=max(memory, params.memory_kib + 1024))
            elif params.iterations < cls.CEILING.iterations:
                passes = min(cls.CEILING.iterations, round(params.iterations * factor))
                params = replace(params, iterations=max(passes, params.iterations + 1))
            else:
                break
            elapsed = _time_derivation(params)
        return params


KdfParams.FLOOR = KdfParams(memory_kib=64 * 1024, iterations=3, lanes=4)
# The ceiling bounds what a planted or damaged slot can cost one unlock attempt: at most
# 256 MiB of memory and 6 passes (1.5 GiB of memory traffic, about 1.5 s on a 2-core laptop of
# 2020 and under 3 s on a slow one; measured with benchmarks/bench_kdf_ceiling.py). The old
# ceiling (1 GiB, 20 passes, 16 lanes) cost 18.8 s and 1.1 GiB per attempt. ``calibrate``
# stays inside it, so every slot this app writes opens under the ceiling.
KdfParams.CEILING = KdfParams(memory_kib=256 * 1024, iterations=6, lanes=8)


def _time_derivation(params: KdfParams) -> float:
    start = time.perf_counter()
    params.derive(b"calibration", b"\0" * SALT_BYTES)
    return time.perf_counter() - start


@dataclass(frozen=True, slots=True)
class PassphraseSlot:
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped: bytes


@dataclass(frozen=True, slots=True)
class RecoverySlot:
    salt: bytes
    nonce: bytes
    wrapped: bytes


@dataclass(frozen=True, slots=True)
class Binding:
    """What database this key file belongs to, and how far its audit log had come.

    ``db_salt`` is SQLCipher's per-file salt (the database file's first 16 bytes; it never
    changes over the file's life), so a database swapped for another vault's, or emptied and
    started anew, no longer fits. ``audit_id`` and ``audit_hash`` are a checkpoint of the
    hash-chained audit log (its head at the last unlock, audit event or close); the row ids
    only grow, so they are the monotonic counter: a trimmed log, or the same database put back
    as an older copy of itself, lacks that row. ``mac`` is an HMAC under a key derived from
    the data key, so nobody without the data key can forge a binding that fits another file.
    """

    db_salt: bytes
    audit_id: int
    audit_hash: str
    mac: str

    @staticmethod
    def _mac(data_key: bytes, vault_id: str, db_salt: bytes, audit_id: int, audit_hash: str) -> str:
        hkdf = HKDF(
            algorithm=hashes.SHA256(), length=32, salt=None, info=b"huisbezoek vault binding v1"
        )
        body = _canonical(
            {"vault_id": vault_id, "db_salt": _b64(db_salt), "id": audit_id, "hash": audit_hash}
        )
        return hmac.new(hkdf.derive(data_key), body, hashlib.sha256).hexdigest()

    @classmethod
    def make(
        cls, data_key: bytes, vault_id: str, db_salt: bytes, audit_id: int, audit_hash: str
    ) -> Binding:
        mac = cls._mac(data_key, vault_id, db_salt, audit_id, audit_hash)
        return cls(db_salt=db_salt, audit_id=audit_id, audit_hash=audit_hash, mac=mac)

    def authentic(self, data_key: bytes, vault_id: str) -> bool:
        expected = self._mac(data_key, vault_id, self.db_salt, self.audit_id, self.audit_hash)
        return hmac.compare_digest(expected, self.mac)

    def to_doc(self) -> dict[str, Any]:
        return {
            "db_salt": _b64(self.db_salt),
            "audit_id": self.audit_id,
            "audit_hash": self.audit_hash,
            "mac": self.mac,
        }

    @classmethod
    def from_doc(cls, doc: object) -> Binding:
        if not isinstance(doc, dict):
            raise DamagedKeyFileError("key file binding is not an object")
        audit_id = doc.get("audit_id")
        if not isinstance(audit_id, int) or isinstance(audit_id, bool) or audit_id < 0:
            raise DamagedKeyFileError("key file binding has no audit id")
        return cls(
            db_salt=_unb64(doc.get("db_salt"), SALT_BYTES),
            audit_id=audit_id,
            audit_hash=_text(doc.get("audit_hash")),
            mac=_text(doc.get("mac")),
        )


@dataclass(frozen=True, slots=True)
class KeyFile:
    """The parsed, validated contents of ``vault.keys``."""

    vault_id: str
    kind: str
    created_at: str
    passphrase: PassphraseSlot
    recovery: RecoverySlot
    format_version: int = FORMAT_VERSION
    #: None in key files written before bindings existed; added at the next write.
    binding: Binding | None = None

    # -- unwrapping -------------------------------------------------------------------------

    def unwrap_with_passphrase(self, passphrase: str) -> bytes:
        """The data key, or ``WrongPassphraseError``."""
        slot = self.passphrase
        kek = slot.kdf.derive(passphrase.encode("utf-8"), slot.salt)
        try:
            return AESGCM(kek).decrypt(slot.nonce, slot.wrapped, self._aad_passphrase(slot))
        except InvalidTag:
            raise WrongPassphraseError("passphrase slot did not open") from None

    def unwrap_with_recovery_key(self, recovery_key: bytes) -> bytes:
        """The data key, or ``WrongRecoveryKeyError``."""
        slot = self.recovery
        kek = _recovery_kek(recovery_key, slot.salt)
        try:
            return AESGCM(kek).decrypt(slot.nonce, slot.wrapped, self._aad_recovery(slot))
        except InvalidTag:
            raise WrongRecoveryKeyError("recovery slot did not open") from None

    def with_new_passphrase(self, data_key: bytes, passphrase: str, kdf: KdfParams) -> KeyFile:
        """A copy whose passphrase slot wraps ``data_key`` under ``passphrase``."""
        return replace(self, passphrase=_wrap_passphrase(self, data_key, passphrase, kdf))

    # -- associated data --------------------------------------------------------------------

    def _header(self) -> dict[str, Any]:
        return {
            "format": FILE_FORMAT,
            "version": self.format_version,
            "vault_id": self.vault_id,
            "kind": self.kind,
            "created_at": self.created_at,
        }

    def _aad_passphrase(self, slot: PassphraseSlot) -> bytes:
        return _canonical({**self._header(), "slot": "passphrase", **_passphrase_params(slot)})

    def _aad_recovery(self, slot: RecoverySlot) -> bytes:
        return _canonical({**self._header(), "slot": "recovery", **_recovery_params(slot)})

    # -- serialisation ----------------------------------------------------------------------

    def to_bytes(self) -> bytes:
        body = {
            **self._header(),
            "slots": {
                "passphrase": {
                    **_passphrase_params(self.passphrase),
                    "nonce": _b64(self.passphrase.nonce),
                    "wrapped": _b64(self.passphrase.wrapped),
                },
                "recovery": {
                    **_recovery_params(self.recovery),
                    "nonce": _b64(self.recovery.nonce),
                    "wrapped": _b64(self.recovery.wrapped),
                },
            },
        }
        if self.binding is not None:
            body["binding"] = self.binding.to_doc()
        body["checksum"] = hashlib.sha256(_canonical(body)).hexdigest()
        return _canonical(body) + b"\n"

    @classmethod
    def from_bytes(cls, data: bytes) -> KeyFile:
        """Parse and validate; ``DamagedKeyFileError`` for any changed byte."""
        try:
            doc = loads_json(data, max_depth=8)
        except FileRefusedError as exc:
            raise DamagedKeyFileError(f"key file refused: {exc.log_message}") from None
        if not isinstance(doc, dict):
            raise DamagedKeyFileError("key file is not a JSON object")
        if _canonical(doc) + b"\n" != data:
            raise DamagedKeyFileError("key file is not in canonical form")
        checksum = doc.pop("checksum", None)
        if checksum != hashlib.sha256(_canonical(doc)).hexdigest():
            raise DamagedKeyFileError("key file checksum does not match")
        if doc.get("format") != FILE_FORMAT:
            raise ForeignFileError("key file has an unknown format marker")
        version = doc.get("version")
        if not isinstance(version, int) or isinstance(version, bool):
            raise DamagedKeyFileError("key file version is not a number")
        if version > FORMAT_VERSION:
            raise NewerSchemaError(f"key file format {version} is newer than {FORMAT_VERSION}")
        try:
            slots = doc["slots"]
            p, r = slots["passphrase"], slots["recovery"]
            if p["kdf"] != "argon2id" or r["kdf"] != "hkdf-sha256":
                raise DamagedKeyFileError("key file names an unknown key derivation")
            kdf = KdfParams(
                memory_kib=p["memory_kib"], iterations=p["iterations"], lanes=p["lanes"]
            )
            result = cls(
                vault_id=_text(doc["vault_id"]),
                kind=_text(doc["kind"]),
                created_at=_text(doc["created_at"]),
                format_version=version,
                passphrase=PassphraseSlot(
                    kdf=kdf,
                    salt=_unb64(p["salt"], SALT_BYTES),
                    nonce=_unb64(p["nonce"], NONCE_BYTES),
                    wrapped=_unb64(p["wrapped"], DATA_KEY_BYTES + 16),
                ),
                recovery=RecoverySlot(
                    salt=_unb64(r["salt"], SALT_BYTES),
                    nonce=_unb64(r["nonce"], NONCE_BYTES),
                    wrapped=_unb64(r["wrapped"], DATA_KEY_BYTES + 16),
                ),
                binding=Binding.from_doc(doc["binding"]) if "binding" in doc else None,
            )
        except (KeyError, TypeError) as exc:
            raise DamagedKeyFileError(f"key file lacks a field: {type(exc).__name__}") from None
        if result.kind not in KINDS:
            raise ForeignFileError("key file names an unknown vault kind")
        kdf.check()
        return result


def new_key_file(kind: str, passphrase: str, kdf: KdfParams) -> tuple[KeyFile, bytes, bytes]:
    """A fresh key file; returns it with the data key and the raw recovery key."""
    if kind not in KINDS:
        raise ValueError(f"unknown vault kind {kind!r}")
    check_passphrase_strength(passphrase)
    kdf.check()
    data_key = secrets.token_bytes(DATA_KEY_BYTES)
    recovery_key = secrets.token_bytes(RECOVERY_KEY_BYTES)
    placeholder_p = PassphraseSlot(kdf, b"", b"", b"")
    placeholder_r = RecoverySlot(b"", b"", b"")
    draft = KeyFile(
        vault_id=uuid.uuid4().hex,
        kind=kind,
        created_at=datetime.now(UTC).replace(microsecond=0).isoformat(),
        passphrase=placeholder_p,
        recovery=placeholder_r,
    )
    draft = replace(
        draft,
        passphrase=_wrap_passphrase(draft, data_key, passphrase, kdf),
        recovery=_wrap_recovery(draft, data_key, recovery_key),
    )
    return draft, data_key, recovery_key


def check_passphrase_strength(passphrase: str) -> None:
    if len(passphrase.strip()) < MIN_PASSPHRASE_CHARS:
        raise WeakPassphraseError("passphrase shorter than the minimum")


def read_key_file(path: Path) -> KeyFile:
    """Read through the bounded reader: a folder, a pipe or a huge file is a damaged key file."""
    try:
        data = read_bounded(Path(path), MAX_KEY_FILE_BYTES)
    except FileRefusedError as exc:
        raise DamagedKeyFileError(f"key file refused: {exc.log_message}") from None
    return KeyFile.from_bytes(data)


def write_key_file(path: Path, key_file: KeyFile) -> None:
    atomic_write(Path(path), key_file.to_bytes())


# -- helpers ----------------------------------------------------------------------------------


def _wrap_passphrase(
    owner: KeyFile, data_key: bytes, passphrase: str, kdf: KdfParams
) -> PassphraseSlot:
    check_passphrase_strength(passphrase)
    slot = PassphraseSlot(kdf=kdf, salt=os.urandom(SALT_BYTES), nonce=b"", wrapped=b"")
    kek = kdf.derive(passphrase.encode("utf-8"), slot.salt)
    nonce = os.urandom(NONCE_BYTES)
    wrapped = AESGCM(kek).encrypt(nonce, data_key, owner._aad_passphrase(slot))
    return replace(slot, nonce=nonce, wrapped=wrapped)


def _wrap_recovery(owner: KeyFile, data_key: bytes, recovery_key: bytes) -> RecoverySlot:
    slot = RecoverySlot(salt=os.urandom(SALT_BYTES), nonce=b"", wrapped=b"")
    kek = _recovery_kek(recovery_key, slot.salt)
    nonce = os.urandom(NONCE_BYTES)
    wrapped = AESGCM(kek).encrypt(nonce, data_key, owner._aad_recovery(slot))
    return replace(slot, nonce=nonce, wrapped=wrapped)


def _recovery_kek(recovery_key: bytes, salt: bytes) -> bytes:
    hkdf = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=salt, info=b"huisbezoek recovery slot v1"
    )
    return hkdf.derive(recovery_key)


def _passphrase_params(slot: PassphraseSlot) -> dict[str, Any]:
    return {
        "kdf": "argon2id",
        "memory_kib": slot.kdf.memory_kib,
        "iterations": slot.kdf.iterations,
        "lanes": slot.kdf.lanes,
        "salt": _b64(slot.salt),
    }


def _recovery_params(slot: RecoverySlot) -> dict[str, Any]:
    return {"kdf": "hkdf-sha256", "salt": _b64(slot.salt)}


def _canonical(obj: object) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: object, length: int) -> bytes:
    if not isinstance(value, str):
        raise DamagedKeyFileError("key file field is not text")
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise DamagedKeyFileError("key file field is not base64") from None
    if len(raw) != length:
        raise DamagedKeyFileError("key file field has the wrong length")
    return raw


def _text(value: object) -> str:
    if not isinstance(value, str) or not value:
        raise DamagedKeyFileError("key file field is not text")
    return value
