"""Read a SQLCipher 4 file's pages in plain text with the data key, free pages included.

SQLite's own reader shows only live rows; erasure must also leave nothing in free pages and in
the WAL. So these tests decrypt every page of the database file, every frame of the WAL and
the database inside a backup themselves: SQLCipher 4 defaults, a raw 32-byte key used as the
AES-256 key, each page encrypted with AES-CBC under the IV stored in its reserved tail (16 IV
bytes, then a 64-byte HMAC-SHA512); page 1 starts with the 16-byte salt in plain.
"""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE_SIZE = 4096
RESERVE = 80  # IV (16) + HMAC-SHA512 (64)
SALT = 16
WAL_HEADER = 32
FRAME_HEADER = 24


def decrypt_page(page: bytes, key: bytes, number: int) -> bytes:
    start = SALT if number == 1 else 0
    end = len(page) - RESERVE
    iv = page[end : end + 16]
    if len(page) != PAGE_SIZE or not any(page):
        return b""  # an all-zero page holds nothing
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(page[start:end]) + decryptor.finalize()


def database_plaintext(data: bytes, key: bytes) -> bytes:
    """Every page of a database image, decrypted and joined."""
    out = io.BytesIO()
    for index in range(len(data) // PAGE_SIZE):
        out.write(decrypt_page(data[index * PAGE_SIZE : (index + 1) * PAGE_SIZE], key, index + 1))
    return out.getvalue()


def wal_plaintext(data: bytes, key: bytes) -> bytes:
    """Every frame of a WAL file, decrypted and joined (valid or not: old frames count too)."""
    if len(data) < WAL_HEADER:
        return b""
    page_size = struct.unpack(">I", data[8:12])[0]
    out = io.BytesIO()
    offset = WAL_HEADER
    while offset + FRAME_HEADER + page_size <= len(data):
        number = struct.unpack(">I", data[offset : offset + 4])[0]
        page = data[offset + FRAME_HEADER : offset + FRAME_HEADER + page_size]
        out.write(decrypt_page(page, key, number))
        offset += FRAME_HEADER + page_size
    return out.getvalue()


def backup_plaintext(path: Path, key: bytes) -> bytes:
    """The database inside a backup file (a zip), decrypted page by page."""
    with zipfile.ZipFile(path) as zf:
        names = [n for n in zf.namelist() if n.endswith(".db")]
        return b"".join(database_plaintext(zf.read(n), key) for n in names)


def folder_plaintext(folder: Path, key: bytes) -> dict[str, bytes]:
    """Each file of a vault folder as plain text: databases and WALs decrypted, backups
    opened, everything else as it is."""
    out: dict[str, bytes] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if path.name.endswith("-wal"):
            out[path.name] = wal_plaintext(data, key) + data
        elif path.suffix == ".db":
            out[path.name] = database_plaintext(data, key) + data
        elif zipfile.is_zipfile(path):
            out[path.name] = backup_plaintext(path, key) + data
        else:
            out[path.name] = data
    return out


def holders(folder: Path, key: bytes, markers: list[str]) -> list[tuple[str, str]]:
    """(file, marker) for every marker found in any file of the folder, decrypted."""
    hits = []
    for name, plain in folder_plaintext(folder, key).items():
        low = plain.lower()
        for marker in markers:
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                if marker.lower().encode(encoding) in low:
                    hits.append((name, marker))
                    break
    return hits
