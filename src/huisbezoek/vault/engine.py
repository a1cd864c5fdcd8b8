"""SQLCipher connections under SQLAlchemy: raw-key keying and the pragmas every connection needs.

The data key is given in raw form, so SQLCipher skips its own PBKDF2 and a connection opens in
milliseconds; the slow derivation happens once, in the key slot. Each new connection sets and
then reads back its pragmas, so a driver or library change that silently drops one (and, say,
lets SQLite write plaintext temp files) stops the app instead of leaking.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import QueuePool

from huisbezoek.errors import DiskFullError
from huisbezoek.vault.errors import DamagedDatabaseError, DatabaseMissingError, VaultError

DBAPI: Any = sqlcipher3.dbapi2

# (pragma, value to set, value read back)
REQUIRED_PRAGMAS: tuple[tuple[str, str, object], ...] = (
    ("temp_store", "MEMORY", 2),
    ("journal_mode", "WAL", "wal"),
    ("synchronous", "FULL", 2),
    ("foreign_keys", "ON", 1),
    # Erased rows are overwritten in the (encrypted) pages instead of lingering in free space.
    ("secure_delete", "ON", 1),
)
BUSY_TIMEOUT_MS = 5000


class PragmaError(VaultError):
    """A connection refused a pragma we rely on for safety; a bug or a broken install."""

    message_nl = (
        "Huisbezoek is niet goed geïnstalleerd: de kluis kan niet veilig worden geopend. "
        "Er is niets veranderd. Installeer het programma opnieuw of vraag de coördinator om hulp."
    )


def connect_raw(path: Path, data_key: bytes, *, create: bool = False) -> Any:
    """An open, keyed ``sqlcipher3`` connection with the required pragmas set and checked.

    Raises ``DamagedDatabaseError`` when the file cannot be read with ``data_key`` and
    ``DatabaseMissingError`` when it is gone (unless ``create``: then an empty one is made).
    """
    if len(data_key) != 32:
        raise ValueError("data key must be 32 bytes")
    if not path.exists():
        if not create:
            raise DatabaseMissingError("database file is missing")
        # SQLite gives its -wal and -shm files the mode of the database file: private.
        os.close(os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600))
    # isolation_level=None: the driver never opens transactions by itself; SQLAlchemy emits
    # BEGIN (see make_engine), so DDL in migrations is transactional too.
    conn = DBAPI.connect(
        str(path), check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None
    )
    try:
        conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        conn.execute("PRAGMA cipher_compatibility = 4")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except DBAPI.DatabaseError as exc:
            raise DamagedDatabaseError(f"database does not open with its key: {exc}") from None
        apply_required_pragmas(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def apply_required_pragmas(conn: Any) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    for name, value, expected in REQUIRED_PRAGMAS:
        conn.execute(f"PRAGMA {name} = {value}").fetchall()
        actual = conn.execute(f"PRAGMA {name}").fetchone()[0]
        if actual != expected:
            raise PragmaError(f"PRAGMA {name} is {actual!r}, expected {expected!r}")


def make_engine(path: Path, data_key: bytes, *, pool_size: int = 2, create: bool = False) -> Engine:
    """A SQLAlchemy engine over a small pool of persistent keyed connections.

    A desktop app has one user, so a couple of long-lived connections are enough and every
    autosave reuses a warm one (no re-keying, no schema reload).
    """
    creator: Callable[[], Any] = lambda: connect_raw(path, data_key, create=create)  # noqa: E731
    engine = create_engine(
        "sqlite://",
        creator=creator,
        module=DBAPI,
        poolclass=QueuePool,
        pool_size=pool_size,
        max_overflow=4,
        pool_timeout=30,
        # Errors never carry a statement's values (personal data) into tracebacks or logs.
        hide_parameters=True,
    )

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


def is_disk_full(exc: BaseException) -> bool:
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    if isinstance(orig, OSError):
        return orig.errno in (errno.ENOSPC, errno.EDQUOT)
    return "database or disk is full" in str(orig).lower()


def is_damage(exc: BaseException) -> bool:
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    text = str(orig).lower()
    return "malformed" in text or "file is not a database" in text or "hmac check" in text


@contextlib.contextmanager
def translate_errors() -> Iterator[None]:
    """Turn the driver's full-disk and corruption errors into typed user errors."""
    try:
        yield
    except (DBAPIError, DBAPI.Error, OSError) as exc:
        if is_disk_full(exc):
            raise DiskFullError("disk full while writing the vault") from exc
        if is_damage(exc):
            raise DamagedDatabaseError("database damaged while reading or writing") from exc
        raise
