"""Minisign-compatible Ed25519 public keys and prehashed ("ED") signatures.

We write and read the exact text formats of the reference ``minisign`` tool so that anyone can
check a batch with ``minisign -V -P <public key> -m payload.age``. Parsing is strict: a file is
accepted only when it is byte for byte what we would have written, so no byte in it goes unchecked.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from huisbezoek.exchange.errors import BadSignatureError, CorruptBatchError, InvalidKeyFileError

PUBLIC_KEY_ALG = b"Ed"
PREHASHED_SIG_ALG = b"ED"
KEY_ID_BYTES = 8
#: Fixed, so the whole signature file is canonical (minisign does not sign this line).
UNTRUSTED_COMMENT = "huisbezoek batch signature"
MAX_TRUSTED_COMMENT = 1000
MAX_SIGNATURE_FILE = 2048


def key_id_for(public_key: bytes) -> bytes:
    """Derive the 8-byte key id from the public key, so an id cannot name two keys by accident."""
    return hashlib.blake2b(
        public_key, digest_size=KEY_ID_BYTES, person=b"huisbezoek-keyid"
    ).digest()


def key_id_hex(key_id: bytes) -> str:
    """The key id as minisign prints it: the little-endian number in upper-case hex."""
    return format(int.from_bytes(key_id, "little"), "016X")


def key_id_from_hex(text: str) -> bytes:
    cleaned = text.strip().upper()
    if len(cleaned) != 16 or any(c not in "0123456789ABCDEF" for c in cleaned):
        raise InvalidKeyFileError(
            "malformed key id", message_nl="Dit sleutelnummer klopt niet (16 tekens, 0-9 en A-F)."
        )
    return int(cleaned, 16).to_bytes(KEY_ID_BYTES, "little")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str, expected_len: int) -> bytes | None:
    """Decode canonical base64 of an exact length, or None."""
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        return None
    if len(raw) != expected_len or _b64(raw) != text:
        return None
    return raw


def encode_public_key(public_key: bytes) -> str:
    """The base64 form ``minisign -P`` takes: "Ed" + key id + 32-byte key."""
    return _b64(PUBLIC_KEY_ALG + key_id_for(public_key) + public_key)


def decode_public_key(text: str) -> bytes:
    """The raw 32-byte Ed25519 key from :func:`encode_public_key` output; the id must match."""
    raw = _unb64(text.strip(), 2 + KEY_ID_BYTES + 32)
    if raw is None or raw[:2] != PUBLIC_KEY_ALG:
        raise InvalidKeyFileError("malformed minisign public key")
    public_key = raw[2 + KEY_ID_BYTES :]
    if raw[2 : 2 + KEY_ID_BYTES] != key_id_for(public_key):
        raise InvalidKeyFileError("public key id does not match the key")
    try:
        Ed25519PublicKey.from_public_bytes(public_key)
    except ValueError as exc:
        raise InvalidKeyFileError("public key is not a valid Ed25519 point") from exc
    return public_key


def public_key_file(public_key: bytes) -> str:
    """A ``minisign.pub`` file for ``minisign -V -p FILE``."""
    kid = key_id_hex(key_id_for(public_key))
    return f"untrusted comment: minisign public key {kid}\n{encode_public_key(public_key)}\n"


def _check_comment(comment: str) -> None:
    if (
        len(comment) > MAX_TRUSTED_COMMENT
        or not comment.isascii()
        or not comment.isprintable()
        or "\n" in comment
    ):
        raise ValueError("trusted comment must be one line of printable ASCII")


@dataclass(frozen=True, slots=True)
class Signature:
    """A parsed prehashed minisign signature file."""

    key_id: bytes
    signature: bytes
    trusted_comment: str
    global_signature: bytes

    def to_text(self) -> str:
        return (
            f"untrusted comment: {UNTRUSTED_COMMENT}\n"
            f"{_b64(PREHASHED_SIG_ALG + self.key_id + self.signature)}\n"
            f"trusted comment: {self.trusted_comment}\n"
            f"{_b64(self.global_signature)}\n"
        )


def sign(private_key: Ed25519PrivateKey, message: bytes, trusted_comment: str) -> Signature:
    """Sign ``message`` as ``minisign -S`` does by default (BLAKE2b-512 prehash)."""
    _check_comment(trusted_comment)
    public = private_key.public_key().public_bytes_raw()
    digest = hashlib.blake2b(message, digest_size=64).digest()
    sig = private_key.sign(digest)
    global_sig = private_key.sign(sig + trusted_comment.encode("ascii"))
    return Signature(key_id_for(public), sig, trusted_comment, global_sig)


def parse_signature(data: bytes) -> Signature:
    """Parse a signature file we wrote; anything else (even a harmless variant) is refused."""
    if len(data) > MAX_SIGNATURE_FILE:
        raise CorruptBatchError("signature file too large")
    try:
        text = data.decode("ascii")
    except UnicodeDecodeError as exc:
        raise CorruptBatchError("signature file is not ASCII") from exc
    lines = text.split("\n")
    if len(lines) != 5 or lines[4] != "":
        raise CorruptBatchError("signature file does not have four lines")
    untrusted, sig_line, trusted, global_line = lines[:4]
    sig_raw = _unb64(sig_line, 2 + KEY_ID_BYTES + 64)
    global_raw = _unb64(global_line, 64)
    prefix = "trusted comment: "
    if (
        untrusted != f"untrusted comment: {UNTRUSTED_COMMENT}"
        or sig_raw is None
        or global_raw is None
        or sig_raw[:2] != PREHASHED_SIG_ALG
        or not trusted.startswith(prefix)
    ):
        raise CorruptBatchError("signature file is malformed")
    comment = trusted[len(prefix) :]
    try:
        _check_comment(comment)
    except ValueError as exc:
        raise CorruptBatchError("trusted comment is malformed") from exc
    parsed = Signature(
        sig_raw[2 : 2 + KEY_ID_BYTES], sig_raw[2 + KEY_ID_BYTES :], comment, global_raw
    )
    if parsed.to_text() != text:
        raise CorruptBatchError("signature file is not canonical")
    return parsed


def verify(signature: Signature, public_key: bytes, message: bytes) -> None:
    """Check both the signature over ``message`` and the one over the trusted comment."""
    if signature.key_id != key_id_for(public_key):
        raise BadSignatureError("signature key id does not match the signer")
    key = Ed25519PublicKey.from_public_bytes(public_key)
    digest = hashlib.blake2b(message, digest_size=64).digest()
    try:
        key.verify(signature.signature, digest)
        key.verify(
            signature.global_signature,
            signature.signature + signature.trusted_comment.encode("ascii"),
        )
    except InvalidSignature as exc:
        raise BadSignatureError("signature does not verify") from exc
