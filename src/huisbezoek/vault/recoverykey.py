"""The recovery key: 160 random bits shown once as Crockford base32 groups with a check group.

Format: eight groups of four characters (the key) and one check group, joined by dashes, e.g.
``7K2Q-...-M3XA``. The check group holds a weighted sum modulo 37 (catches every single changed
character and every swap of two neighbours in the key) and ten bits of SHA-256 (catches most
other slips). Input is forgiving: case, spaces and dashes do not matter, and O/I/L are read as
0/1/1 because people copy keys by hand from paper.
"""

from __future__ import annotations

import hashlib
import secrets

from huisbezoek.vault.errors import RecoveryKeyTypoError

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
# Letters people read as digits (Crockford's rules); U is not in the alphabet on purpose.
_CONFUSABLE = {"O": "0", "I": "1", "L": "1"}

KEY_BYTES = 20  # 160 bits
KEY_CHARS = KEY_BYTES * 8 // 5  # 32
GROUP = 4
CHECK_CHARS = 4
_MOD = 37  # prime larger than the alphabet, so weights and digit differences never vanish


def new_recovery_key() -> bytes:
    """A fresh random recovery key (160 bits)."""
    return secrets.token_bytes(KEY_BYTES)


def _to_digits(raw: bytes) -> list[int]:
    number = int.from_bytes(raw, "big")
    return [(number >> (5 * (KEY_CHARS - 1 - i))) & 31 for i in range(KEY_CHARS)]


def _from_digits(digits: list[int]) -> bytes:
    number = 0
    for d in digits:
        number = (number << 5) | d
    return number.to_bytes(KEY_BYTES, "big")


def _check_digits(digits: list[int], raw: bytes) -> list[int]:
    weighted = sum((i + 1) * d for i, d in enumerate(digits)) % _MOD
    digest = int.from_bytes(hashlib.sha256(b"huisbezoek-recovery" + raw).digest()[:2], "big")
    tail = digest >> 6  # ten bits
    return [weighted >> 5, weighted & 31, tail >> 5, tail & 31]


def encode_recovery_key(raw: bytes) -> str:
    """Show ``raw`` (20 bytes) as nine dash-separated groups of four characters."""
    if len(raw) != KEY_BYTES:
        raise ValueError("recovery key must be 20 bytes")
    digits = _to_digits(raw)
    text = "".join(ALPHABET[d] for d in digits + _check_digits(digits, raw))
    return "-".join(text[i : i + GROUP] for i in range(0, len(text), GROUP))


def normalise(text: str) -> str:
    """Upper case, without spaces or dashes, with O/I/L read as 0/1/1."""
    out = []
    for ch in text.upper():
        if ch in " -\t\n\r._":
            continue
        out.append(_CONFUSABLE.get(ch, ch))
    return "".join(out)


def decode_recovery_key(text: str) -> bytes:
    """The 20 key bytes from a typed recovery key; ``RecoveryKeyTypoError`` on any slip."""
    clean = normalise(text)
    if len(clean) != KEY_CHARS + CHECK_CHARS or any(ch not in _VALUE for ch in clean):
        raise RecoveryKeyTypoError("recovery key has the wrong length or alphabet")
    digits = [_VALUE[ch] for ch in clean]
    key_digits, check = digits[:KEY_CHARS], digits[KEY_CHARS:]
    raw = _from_digits(key_digits)
    if check != _check_digits(key_digits, raw):
        raise RecoveryKeyTypoError("recovery key check group does not match")
    return raw
