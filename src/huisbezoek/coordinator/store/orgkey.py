"""The organisation's age secret key in a shared PostgreSQL store, never in plain text.

On a laptop the secret sits in ``org_keys.secret`` inside the SQLCipher vault, which is
encrypted as a whole. A PostgreSQL server is not: its data files, ``pg_dump`` backups and
database administrators would see the key that opens every volunteer's batch. There the column
holds the secret sealed under a key derived from an *organisation passphrase* that the
coordinators share. The sealing is the vault's passphrase slot (``vault.keyslots``): Argon2id
with its parameters stored beside the seal, AES-256-GCM, and associated data that binds the
format, the key's public recipient and those parameters, so a seal cannot be moved to another
key or weakened without failing to open.

Stored form: ``huisbezoek-orgkey-v1:`` followed by canonical JSON with the Argon2id parameters,
salt, nonce and sealed secret. A value without that prefix is a plaintext secret from an older
version; ``unlock`` seals it on first use.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from huisbezoek.errors import UserError
from huisbezoek.vault.keyslots import (
    NONCE_BYTES,
    SALT_BYTES,
    KdfParams,
    _b64,
    _canonical,
    _unb64,
    check_passphrase_strength,
)

PREFIX = "huisbezoek-orgkey-v1:"
#: ``Session.info`` key under which an unlocked store hands its secrets to the services.
SESSION_INFO_KEY = "huisbezoek.org_secrets"
_TAG_BYTES = 16


class OrgKeyLockedError(UserError):
    message_nl = (
        "De sleutel van de organisatie is nog op slot. Typ de wachtwoordzin van de "
        "organisatiesleutel (die alle coördinatoren delen) en probeer het opnieuw."
    )


class WrongOrgPassphraseError(UserError):
    message_nl = (
        "Deze wachtwoordzin opent de sleutel van de organisatie niet. Let op hoofdletters en "
        "spaties, en probeer het opnieuw. Er is niets veranderd."
    )


class DamagedOrgKeyError(UserError):
    message_nl = (
        "De opgeslagen sleutel van de organisatie is beschadigd. Zet hem terug uit de "
        "reservekopie (org export-key) of vraag de beheerder om hulp. Er is niets veranderd."
    )


def is_sealed(stored: str) -> bool:
    return stored.startswith(PREFIX)


def _aad(recipient: str, params: dict[str, Any]) -> bytes:
    return _canonical({"format": PREFIX, "recipient": recipient, **params})


def seal(secret: str, recipient: str, passphrase: str, kdf: KdfParams) -> str:
    """``secret`` sealed under ``passphrase``, in the stored form."""
    check_passphrase_strength(passphrase)
    salt = os.urandom(SALT_BYTES)
    params = {
        "kdf": "argon2id",
        "memory_kib": kdf.memory_kib,
        "iterations": kdf.iterations,
        "lanes": kdf.lanes,
        "salt": _b64(salt),
    }
    kek = kdf.derive(passphrase.encode("utf-8"), salt)
    nonce = os.urandom(NONCE_BYTES)
    sealed = AESGCM(kek).encrypt(nonce, secret.encode("ascii"), _aad(recipient, params))
    body = {**params, "nonce": _b64(nonce), "sealed": _b64(sealed)}
    return PREFIX + _canonical(body).decode("ascii")


def open_sealed(stored: str, recipient: str, passphrase: str) -> str:
    """The secret, or ``WrongOrgPassphraseError`` / ``DamagedOrgKeyError``."""
    try:
        body = json.loads(stored.removeprefix(PREFIX))
        params = {k: body[k] for k in ("kdf", "memory_kib", "iterations", "lanes", "salt")}
        if params["kdf"] != "argon2id":
            raise DamagedOrgKeyError("unknown key derivation")
        kdf = KdfParams(params["memory_kib"], params["iterations"], params["lanes"])
        kdf.check()
        salt = _unb64(params["salt"], SALT_BYTES)
        nonce = _unb64(body["nonce"], NONCE_BYTES)
        sealed = base64.b64decode(body["sealed"], validate=True)
    except DamagedOrgKeyError:
        raise
    except (ValueError, KeyError, TypeError, binascii.Error, UserError) as exc:
        raise DamagedOrgKeyError(f"stored key unreadable: {type(exc).__name__}") from None
    if len(sealed) <= _TAG_BYTES:
        raise DamagedOrgKeyError("sealed secret too short")
    kek = kdf.derive(passphrase.encode("utf-8"), salt)
    try:
        plain = AESGCM(kek).decrypt(nonce, sealed, _aad(recipient, params))
    except InvalidTag:
        raise WrongOrgPassphraseError("organisation key did not open") from None
    return plain.decode("ascii")


def plain_secret(info: dict[str, Any], recipient: str, stored: str) -> str:
    """The usable secret of one ``org_keys`` row: a plaintext one (inside a SQLCipher vault)
    as it is, a sealed one from the secrets an unlocked store put in the session."""
    if not is_sealed(stored):
        return stored
    unlocked: dict[str, str] = info.get(SESSION_INFO_KEY) or {}
    secret = unlocked.get(recipient)
    if secret is None:
        raise OrgKeyLockedError("organisation key is sealed and the store is not unlocked")
    return secret
