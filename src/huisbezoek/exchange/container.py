"""A minimal, canonical ZIP container (stored, no compression) for the parts of a batch.

Any ``unzip`` can extract it. We read it by re-writing what we parsed and demanding the exact same
bytes back, so a changed byte anywhere (even in a date field no one reads) makes the file invalid.
"""

from __future__ import annotations

import struct
import zlib

from huisbezoek.exchange.errors import CorruptBatchError

_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")
_LOCAL_SIG = 0x04034B50
_CENTRAL_SIG = 0x02014B50
_END_SIG = 0x06054B50
_VERSION_NEEDED = 20
_VERSION_MADE_BY = (3 << 8) | 20  # Unix, ZIP 2.0: makes unzip apply the permissions below
_DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1
_FILE_MODE = 0o100600 << 16  # regular file, owner read/write
MAX_ENTRY_NAME = 64


def pack(entries: list[tuple[str, bytes]]) -> bytes:
    """Write the entries, in order, as a ZIP file with fixed dates and attributes."""
    out = bytearray()
    central = bytearray()
    for name, data in entries:
        raw_name = name.encode("ascii")
        crc = zlib.crc32(data)
        offset = len(out)
        out += _LOCAL.pack(
            _LOCAL_SIG, _VERSION_NEEDED, 0, 0, 0, _DOS_DATE_1980_01_01,
            crc, len(data), len(data), len(raw_name), 0,
        )  # fmt: skip
        out += raw_name + data
        central += _CENTRAL.pack(
            _CENTRAL_SIG, _VERSION_MADE_BY, _VERSION_NEEDED, 0, 0, 0, _DOS_DATE_1980_01_01,
            crc, len(data), len(data), len(raw_name), 0, 0, 0, 0, _FILE_MODE, offset,
        )  # fmt: skip
        central += raw_name
    end = _END.pack(_END_SIG, 0, 0, len(entries), len(entries), len(central), len(out), 0)
    return bytes(out + central + end)


def unpack(data: bytes, names: tuple[str, ...]) -> dict[str, bytes]:
    """Read exactly the entries ``names``, in that order, from a file :func:`pack` wrote."""
    entries: list[tuple[str, bytes]] = []
    pos = 0
    for expected in names:
        if pos + _LOCAL.size > len(data):
            raise CorruptBatchError("container truncated in a header")
        fields = _LOCAL.unpack_from(data, pos)
        size, name_len = fields[7], fields[9]
        if fields[0] != _LOCAL_SIG or name_len > MAX_ENTRY_NAME:
            raise CorruptBatchError("container header is malformed")
        pos += _LOCAL.size
        name = data[pos : pos + name_len]
        pos += name_len
        if name != expected.encode("ascii"):
            raise CorruptBatchError("container holds unexpected parts")
        if pos + size > len(data):
            raise CorruptBatchError("container truncated in a part")
        entries.append((expected, data[pos : pos + size]))
        pos += size
    if pack(entries) != data:
        raise CorruptBatchError("container is not in canonical form")
    return dict(entries)
