"""The 32 key bytes inside an age recipient (``age1...``) or identity (``AGE-SECRET-KEY-1...``).

age writes its X25519 keys in bech32 (BIP 173). The signed packages' key certificates need the
raw bytes; pyrage does not expose them, and the decoding is short.
"""

from __future__ import annotations

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


def key_bytes(text: str, hrp: str) -> bytes:
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
