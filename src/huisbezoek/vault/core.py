"""The ``Vault``: one unlocked, locked-for-us encrypted store, and the ways to open it.

A vault is a folder holding ``vault.db`` (SQLCipher, keyed with a random data key),
``vault.keys`` (that key, wrapped per way of unlocking) and ``vault.lock`` (held while open).
Opening takes the lock, unwraps the key, opens the database, brings its schema up to date
(after an encrypted backup beside it) and records the unlock in the audit log.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, select
from sqlalchemy.orm import Session

from huisbezoek import paths
from huisbezoek.errors import DiskFullError
from huisbezoek.fsutil import atomic_write, fsync_dir, make_private
from huisbezoek.safe_read import FileRefusedError, loads_json, open_bounded, read_bounded
from huisbezoek.vault import audit as audit_log
from huisbezoek.vault import migrate
from huisbezoek.vault.backup import recover_interrupted_restore, write_backup
from huisbezoek.vault.engine import connect_raw, make_engine, translate_errors
from huisbezoek.vault.errors import (
    AuditTrimmedError,
    DamagedDatabaseError,
    DamagedKeyFileError,
    DatabaseMissingError,
    ForeignFileError,
    KeyFileMissingError,
    NoVaultError,
    ReplacedDatabaseError,
    VaultError,
    VaultExistsError,
    WrongPassphraseError,
    WrongRecoveryKeyError,
)
from huisbezoek.vault.keyslots import (
    SALT_BYTES,
    Binding,
    KdfParams,
    KeyFile,
    check_passphrase_strength,
    new_key_file,
    read_key_file,
    write_key_file,
)
from huisbezoek.vault.lock import VaultLock
from huisbezoek.vault.recoverykey import decode_recovery_key, encode_recovery_key
from huisbezoek.vault.schema import VOLUNTEER_SCHEMA, Schema

log = logging.getLogger(__name__)

# The vault's file names (one definition, in ``huisbezoek.paths``).
DB_NAME = paths.VAULT_DB_NAME
KEYS_NAME = paths.VAULT_KEYS_NAME
ATTEMPTS_NAME = paths.VAULT_ATTEMPTS_NAME
CREATING_NAME = paths.VAULT_CREATING_NAME
DB_SIDE_FILES = paths.VAULT_DB_SIDE_SUFFIXES
PRE_MIGRATION_PREFIX = "kopie-voor-update"
#: Every file the vault writes in its folder (all 0600; the folder 0700).
PRIVATE_NAMES = (DB_NAME, *(DB_NAME + s for s in DB_SIDE_FILES), KEYS_NAME, ATTEMPTS_NAME)
#: SQLite files are whole pages of at least 512 bytes; anything else is cut off or foreign.
_PAGE_GRAIN = 512
MAX_ATTEMPTS_FILE_BYTES = 4096


@dataclass(frozen=True, slots=True)
class UnlockTimings:
    """Seconds spent unlocking: key derivation alone, and everything else."""

    kdf_seconds: float
    open_seconds: float


@dataclass(frozen=True, slots=True)
class CheckReport:
    integrity_ok: bool
    cipher_integrity_ok: bool
    audit: audit_log.AuditReport
    schema_revision: str | None
    #: The database and audit log still fit what the key file recorded (see ``Binding``).
    binding_ok: bool = True

    @property
    def ok(self) -> bool:
        return self.integrity_ok and self.cipher_integrity_ok and self.audit.ok and self.binding_ok


def vault_files(folder: Path) -> tuple[Path, Path]:
    """(database, key file) paths of the vault in ``folder``."""
    return folder / DB_NAME, folder / KEYS_NAME


class Vault:
    """An open vault. Create one with ``Vault.create``, ``Vault.open`` or
    ``Vault.open_with_recovery``; close it with ``close()`` or use it as a context manager.

    Work goes through ``session()`` (ORM) or ``connection()`` (SQLAlchemy Core), each one
    unit of work that commits durably on success and rolls back on any exception.
    """

    def __init__(
        self,
        *,
        folder: Path,
        schema: Schema,
        key_file: KeyFile,
        data_key: bytes,
        lock: VaultLock,
        engine: Engine,
        via_recovery: bool,
        timings: UnlockTimings,
    ) -> None:
        self.folder = folder
        self.schema = schema
        self._key_file = key_file
        self._data_key: bytes | None = data_key
        self._lock = lock
        self._engine: Engine | None = engine
        self.opened_with_recovery_key = via_recovery
        self.timings = timings
        self._fast_lock = threading.Lock()
        self._fast_conn: Any = None  # a pooled connection kept for driver_unit()

    # -- opening ----------------------------------------------------------------------------

    @staticmethod
    def exists(folder: Path | None = None) -> bool:
        """True when ``folder`` holds a vault (or half of one: then opening explains)."""
        folder = Path(folder or paths.default_vault_dir())
        db, keys = vault_files(folder)
        return (db.exists() or keys.exists()) and not (folder / CREATING_NAME).exists()

    @classmethod
    def create(
        cls,
        folder: Path | None,
        passphrase: str,
        *,
        kind: str = "volunteer",
        schema: Schema | None = None,
        kdf: KdfParams | None = None,
        schema_revision: str = "head",
    ) -> tuple[Vault, str]:
        """Make a new vault in ``folder``; returns it open, with the recovery key as text.

        Show the recovery key once and let the volunteer print or write it down; it is not
        stored anywhere readable. ``kdf`` defaults to parameters calibrated on this machine
        (about 0.75 s); tests pass ``KdfParams.FLOOR``. ``schema_revision`` exists for
        building fixture vaults of an old schema.
        """
        schema = schema or (VOLUNTEER_SCHEMA if kind == "volunteer" else None)
        if schema is None or schema.kind != kind:
            raise ValueError(f"no schema given for vault kind {kind!r}")
        folder = Path(folder or paths.default_vault_dir())
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        check_passphrase_strength(passphrase)
        lock = VaultLock(folder)
        lock.acquire()
        try:
            recover_interrupted_restore(folder)
            _remove_unfinished_creation(folder)
            db_path, keys_path = vault_files(folder)
            if db_path.exists() or keys_path.exists():
                raise VaultExistsError("a vault already exists in this folder")
            started = time.perf_counter()
            params = kdf or KdfParams.calibrate()
            key_file, data_key, recovery_raw = new_key_file(kind, passphrase, params)
            kdf_seconds = time.perf_counter() - started
            # A marker says "creation under way" until both files are in place: a crash
            # half-way leaves a half vault that holds no data yet, and the next create or
            # open removes it instead of reporting a missing file for ever.
            atomic_write(folder / CREATING_NAME, b"")
            staging = folder / f".{DB_NAME}.{secrets.token_hex(4)}.new"
            engine = make_engine(staging, data_key, create=True)
            try:
                with engine.connect() as conn:
                    migrate.upgrade(schema, conn, schema_revision)
                with engine.begin() as conn:
                    audit_log.append_event(
                        conn, schema.audit_table, audit_log.AuditEvent.CREATE, {"kind": kind}
                    )
            finally:
                engine.dispose()
            write_key_file(keys_path, key_file)
            staging.replace(db_path)
            fsync_dir(folder)
            (folder / CREATING_NAME).unlink()
            fsync_dir(folder)
            vault = cls._finish_open(
                folder,
                schema,
                key_file,
                data_key,
                lock,
                via_recovery=False,
                kdf_seconds=kdf_seconds,
                started=started,
                record_unlock=False,
                migrate_schema=schema_revision == "head",
            )
        except BaseException:
            lock.release()
            raise
        return vault, encode_recovery_key(recovery_raw)

    @classmethod
    def open(cls, folder: Path | None, passphrase: str, *, schema: Schema | None = None) -> Vault:
        """Open with the passphrase. Raises ``WrongPassphraseError``, ``VaultInUseError``,
        ``NoVaultError``, ``DatabaseMissingError``, ``KeyFileMissingError``,
        ``DamagedKeyFileError``, ``DamagedDatabaseError``, ``NewerSchemaError``..."""
        return cls._open(folder, schema, passphrase=passphrase)

    @classmethod
    def open_with_recovery(
        cls, folder: Path | None, recovery_key: str, *, schema: Schema | None = None
    ) -> Vault:
        """Open with the recovery key as typed (case, spaces, dashes and O/0, I/1 are
        forgiven). Then ask for a new passphrase and call ``reset_passphrase``."""
        raw = decode_recovery_key(recovery_key)
        return cls._open(folder, schema, recovery_key=raw)

    @classmethod
    def _open(
        cls,
        folder: Path | None,
        schema: Schema | None,
        *,
        passphrase: str | None = None,
        recovery_key: bytes | None = None,
    ) -> Vault:
        folder = Path(folder or paths.default_vault_dir())
        db_path, keys_path = vault_files(folder)
        if not folder.is_dir():
            raise NoVaultError("no vault folder")
        lock = VaultLock(folder)
        lock.acquire()
        try:
            if recover_interrupted_restore(folder):
                log.warning("opened after rolling back an interrupted restore")
            _remove_unfinished_creation(folder)
            if not keys_path.exists():
                if db_path.exists():
                    raise KeyFileMissingError("vault.db present without vault.keys")
                raise NoVaultError("no vault in the folder")
            key_file = read_key_file(keys_path)
            schema = schema or (VOLUNTEER_SCHEMA if key_file.kind == "volunteer" else None)
            if schema is None or schema.kind != key_file.kind:
                raise ForeignFileError(f"vault kind {key_file.kind} does not fit this use")
            if not db_path.exists():
                raise DatabaseMissingError("vault.keys present without vault.db")
            started = time.perf_counter()
            try:
                if recovery_key is not None:
                    data_key = key_file.unwrap_with_recovery_key(recovery_key)
                else:
                    assert passphrase is not None
                    data_key = key_file.unwrap_with_passphrase(passphrase)
            except (WrongPassphraseError, WrongRecoveryKeyError):
                _record_failed_unlock(folder)
                raise
            kdf_seconds = time.perf_counter() - started
            _check_database_file(db_path, key_file, data_key)
            return cls._finish_open(
                folder,
                schema,
                key_file,
                data_key,
                lock,
                via_recovery=recovery_key is not None,
                kdf_seconds=kdf_seconds,
                started=started,
            )
        except BaseException:
            lock.release()
            raise

    @classmethod
    def open_with_data_key(
        cls, folder: Path, schema: Schema, key_file: KeyFile, data_key: bytes, lock: VaultLock
    ) -> Vault:
        """Open with an already unwrapped data key (a restore checked the backup with it).

        ``lock`` is the folder's lock, already held by the caller; the vault takes a hold on it
        too. Finish with :meth:`close_keeping_lock` to leave the caller's hold in place.
        """
        lock.acquire()
        _check_database_file(folder / DB_NAME, key_file, data_key)
        return cls._finish_open(
            folder,
            schema,
            key_file,
            data_key,
            lock,
            via_recovery=False,
            kdf_seconds=0.0,
            started=time.perf_counter(),
        )

    @classmethod
    def _finish_open(
        cls,
        folder: Path,
        schema: Schema,
        key_file: KeyFile,
        data_key: bytes,
        lock: VaultLock,
        *,
        via_recovery: bool,
        kdf_seconds: float,
        started: float,
        record_unlock: bool = True,
        migrate_schema: bool = True,
    ) -> Vault:
        """Open the database with the unwrapped key (lock held): migrate, audit, return."""
        db_path = folder / DB_NAME
        open_started = time.perf_counter()
        # Check the key and the file before SQLAlchemy and Alembic touch it, so damage shows
        # as damage and not as a confusing migration error.
        with translate_errors():
            connect_raw(db_path, data_key).close()
        engine = make_engine(db_path, data_key)
        try:
            with translate_errors(), engine.connect() as conn:
                behind = migrate_schema and migrate.needs_upgrade(schema, conn)
                from_rev = migrate.current_revision(conn)
                if from_rev is None:
                    # A key file beside a database without any schema: the file was emptied
                    # or swapped for a new one. Migrating would start an empty vault.
                    raise ReplacedDatabaseError("database holds no schema")
                if key_file.binding is not None:
                    _check_audit_checkpoint(conn, schema, key_file.binding)
                conn.rollback()
                if behind:
                    if from_rev is not None:
                        _backup_before_migration(folder, key_file, engine, data_key, from_rev)
                    migrate.upgrade(schema, conn)
            events: list[tuple[audit_log.AuditEvent, dict[str, Any] | None]] = []
            if behind and from_rev is not None:
                to_rev = migrate.head_revision(schema)
                events.append((audit_log.AuditEvent.MIGRATE, {"from": from_rev, "to": to_rev}))
            failed = _take_failed_unlocks(folder)
            if failed:
                events.append((audit_log.AuditEvent.FAILED_UNLOCK, failed))
            if record_unlock:
                events.append(
                    (
                        audit_log.AuditEvent.RECOVERY_UNLOCK
                        if via_recovery
                        else audit_log.AuditEvent.UNLOCK,
                        None,
                    )
                )
            recorded = _record_events(engine, schema, events)
        except BaseException:
            engine.dispose()
            raise
        if failed and recorded:
            with contextlib.suppress(OSError):
                (folder / ATTEMPTS_NAME).unlink()
        key_file = _rebind(folder, schema, key_file, engine, data_key)
        # Only after a successful open (a refused one changes nothing): tighten what an older
        # version, a lax umask or a copy left readable to others.
        with contextlib.suppress(OSError):
            make_private(folder, PRIVATE_NAMES)
        now = time.perf_counter()
        return cls(
            folder=folder,
            schema=schema,
            key_file=key_file,
            data_key=data_key,
            lock=lock,
            engine=engine,
            via_recovery=via_recovery,
            timings=UnlockTimings(kdf_seconds=kdf_seconds, open_seconds=now - open_started),
        )

    # -- properties ---------------------------------------------------------------------------

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine (a small pool of keyed connections); closed vault: error."""
        if self._engine is None:
            raise VaultError("vault is closed")
        return self._engine

    @property
    def vault_id(self) -> str:
        return self._key_file.vault_id

    @property
    def kind(self) -> str:
        return self._key_file.kind

    @property
    def kdf_params(self) -> KdfParams:
        return self._key_file.passphrase.kdf

    @property
    def closed(self) -> bool:
        return self._engine is None

    # -- units of work ------------------------------------------------------------------------

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work with the ORM: commits on success, rolls back on an exception.

        Objects stay readable after the block (``expire_on_commit=False``), but hand plain
        data to the GUI, not these objects.
        """
        with (
            translate_errors(),
            Session(self.engine, expire_on_commit=False) as session,
            session.begin(),
        ):
            yield session

    @contextlib.contextmanager
    def connection(self) -> Iterator[Connection]:
        """One unit of work with SQLAlchemy Core (fast paths such as autosave)."""
        with translate_errors(), self.engine.begin() as conn:
            yield conn

    @contextlib.contextmanager
    def driver_unit(self) -> Iterator[Any]:
        """One write unit of work straight on a driver connection: the autosave hot path.

        Yields the keyed ``sqlcipher3`` connection (same pragmas as every other) inside
        ``BEGIN IMMEDIATE`` ... ``COMMIT``; rolls back on an exception. Plain SQL with ``?``
        parameters only. Skipping SQLAlchemy here saves about 70 microseconds per save, which
        is a third of a commit on a fast disk. One thread at a time (a lock serialises it).
        """
        with self._fast_lock, translate_errors():
            if self._fast_conn is None:
                self._fast_conn = self.engine.raw_connection()
            conn = self._fast_conn.driver_connection
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    with contextlib.suppress(Exception):
                        conn.execute("ROLLBACK")
                raise

    def checkpoint(self) -> bool:
        """Copy the WAL into the database and truncate it to zero bytes, so old copies of
        pages (say, of an erased resident) no longer sit in it. True when it completed; False
        when another connection was reading (then SQLite finishes it at close)."""
        with self._fast_lock, translate_errors():
            raw = self.engine.raw_connection()  # no transaction: a checkpoint wants none
            try:
                driver: Any = raw.driver_connection
                row = driver.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            finally:
                raw.close()
        return int(row[0]) == 0

    def audit(self, event: audit_log.AuditEvent, detail: dict[str, Any] | None = None) -> None:
        """Record a security event (``detail`` without names, answers, keys or paths)."""
        with self.connection() as conn:
            audit_log.append_event(conn, self.schema.audit_table, event, detail)
        self._refresh_binding()

    def _refresh_binding(self) -> None:
        """Move the key file's audit checkpoint to the log's head (best effort)."""
        if self._engine is None or self._data_key is None:
            return
        self._key_file = _rebind(
            self.folder, self.schema, self._key_file, self._engine, self._data_key
        )

    def audit_events(self, limit: int = 200) -> list[audit_log.AuditEntry]:
        with self.connection() as conn:
            return audit_log.read_events(conn, self.schema.audit_table, limit)

    def verify_audit_chain(self) -> audit_log.AuditReport:
        with self.connection() as conn:
            return audit_log.verify_audit_chain(conn, self.schema.audit_table)

    def check(self) -> CheckReport:
        """Full check: SQLite ``integrity_check``, SQLCipher ``cipher_integrity_check`` (every
        page's HMAC), the audit chain. Reads the whole file; seconds on a large vault."""

        def run(sql: str) -> list[Any] | None:
            try:
                with self.connection() as conn:
                    return [tuple(r) for r in conn.exec_driver_sql(sql)]
            except DamagedDatabaseError:
                return None

        integrity = run("PRAGMA integrity_check")
        cipher = run("PRAGMA cipher_integrity_check")
        try:
            with self.connection() as conn:
                revision = migrate.current_revision(conn)
                chain = audit_log.verify_audit_chain(conn, self.schema.audit_table)
        except DamagedDatabaseError:
            revision, chain = None, audit_log.AuditReport(ok=False, rows=0)
        binding_ok = True
        binding = self._key_file.binding
        if binding is not None:
            try:
                _check_database_file(self.folder / DB_NAME, self._key_file, self._require_key())
                with self.connection() as conn:
                    _check_audit_checkpoint(conn, self.schema, binding)
            except DamagedDatabaseError:
                binding_ok = False
        return CheckReport(
            integrity_ok=integrity == [("ok",)],
            cipher_integrity_ok=cipher == [],
            audit=chain,
            schema_revision=revision,
            binding_ok=binding_ok,
        )

    # -- keys ---------------------------------------------------------------------------------

    def change_passphrase(self, old: str, new: str, *, kdf: KdfParams | None = None) -> None:
        """Re-wrap the data key under ``new``; nothing is re-encrypted. ``old`` must match."""
        self._key_file.unwrap_with_passphrase(old)
        self._rewrap(new, kdf)

    def reset_passphrase(self, new: str, *, kdf: KdfParams | None = None) -> None:
        """Set a new passphrase without the old one: only after opening with the recovery key."""
        if not self.opened_with_recovery_key:
            raise WrongPassphraseError("reset_passphrase needs a recovery-key unlock")
        self._rewrap(new, kdf)

    def _rewrap(self, new: str, kdf: KdfParams | None) -> None:
        check_passphrase_strength(new)
        data_key = self._require_key()
        params = kdf or KdfParams.calibrate()
        updated = self._key_file.with_new_passphrase(data_key, new, params)
        # The audit row goes first: if the key file cannot be written (disk full), the log
        # says a change was attempted and the old passphrase still works.
        self.audit(audit_log.AuditEvent.PASSPHRASE_CHANGE)
        write_key_file(self.folder / KEYS_NAME, updated)
        self._key_file = updated

    def _require_key(self) -> bytes:
        if self._data_key is None:
            raise VaultError("vault is closed")
        return self._data_key

    # -- backup -------------------------------------------------------------------------------

    def backup(self, path: Path) -> Path:
        """Write an encrypted backup to ``path`` (one file; opens with the passphrase or the
        recovery key valid at this moment). Returns the path written."""
        write_backup(Path(path), self.engine, self._key_file, self._require_key())
        self.audit(audit_log.AuditEvent.BACKUP)
        return Path(path)

    # -- closing ------------------------------------------------------------------------------

    def close(self) -> None:
        """Close every connection (SQLite then folds the WAL back) and release the lock."""
        self.close_keeping_lock()
        self._lock.release()

    def close_keeping_lock(self) -> None:
        """Close the connections and forget the key, but keep holding the lock."""
        with contextlib.suppress(Exception):  # closing must never fail over the checkpoint
            self._refresh_binding()
        with self._fast_lock:
            fast, self._fast_conn = self._fast_conn, None
            if fast is not None:
                with contextlib.suppress(Exception):
                    fast.close()
        engine, self._engine = self._engine, None
        self._data_key = None
        if engine is not None:
            engine.dispose()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "closed" if self.closed else "open"
        return f"<Vault {self.kind} {self.vault_id[:8]} {state}>"


def _record_events(
    engine: Engine,
    schema: Schema,
    events: list[tuple[audit_log.AuditEvent, dict[str, Any] | None]],
) -> bool:
    """Write the unlock's audit rows; on a full disk go on without them (reading must stay
    possible so the volunteer can make room), and say so in the log."""
    if not events:
        return True
    try:
        with translate_errors(), engine.begin() as conn:
            for event, detail in events:
                audit_log.append_event(conn, schema.audit_table, event, detail)
    except DiskFullError:
        log.warning("disk full: unlock not recorded in the audit log")
        return False
    return True


def _remove_unfinished_creation(folder: Path) -> None:
    """Remove what a ``create`` cut off by a crash left behind (it never held user data)."""
    for stale in folder.glob(f".{DB_NAME}.*.new*"):
        stale.unlink()
    marker = folder / CREATING_NAME
    if marker.exists():
        for name in (DB_NAME, *(DB_NAME + s for s in DB_SIDE_FILES), KEYS_NAME):
            with contextlib.suppress(FileNotFoundError):
                (folder / name).unlink()
        marker.unlink()
        fsync_dir(folder)
        log.warning("removed a vault whose creation was cut off")


# -- failed unlocks -----------------------------------------------------------------------------


def _record_failed_unlock(folder: Path) -> None:
    """Count a failed unlock in a small side file; the next unlock moves it to the audit log.

    The file holds a count and a time only. Losing it (or a full disk) must never block the
    user, so errors are logged and ignored.
    """
    path = folder / ATTEMPTS_NAME
    now = datetime.now(UTC).replace(microsecond=0).isoformat()
    try:
        previous = _read_attempts(path) if path.exists() else {}
        count = min(int(previous.get("count", 0)), 1_000_000) + 1
        first = str(previous.get("first", now))[:40]
    except (OSError, ValueError, AttributeError, TypeError, FileRefusedError):
        count, first = 1, now
    try:
        atomic_write(path, json.dumps({"count": count, "first": first, "last": now}).encode())
    except Exception as exc:  # never block the user over this side file
        log.warning("could not record a failed unlock: %s", type(exc).__name__)


def _take_failed_unlocks(folder: Path) -> dict[str, Any] | None:
    path = folder / ATTEMPTS_NAME
    if not path.exists():
        return None
    try:
        data = _read_attempts(path)
        return {
            "count": min(int(data["count"]), 1_000_000),
            "first": str(data["first"])[:40],
            "last": str(data["last"])[:40],
        }
    except (OSError, ValueError, KeyError, TypeError, FileRefusedError):
        # Damaged or planted: the unlock goes on, and the log says a count was unreadable.
        return {"count": -1}


def _read_attempts(path: Path) -> Any:
    """The failed-unlock side file through the bounded reader (small, flat, ASCII)."""
    data = loads_json(read_bounded(path, MAX_ATTEMPTS_FILE_BYTES), max_depth=2, name=path.name)
    if not isinstance(data, dict):
        raise ValueError("attempts file is not an object")
    return data


# -- what the key file belongs to ---------------------------------------------------------------


def _database_salt(db_path: Path) -> bytes:
    """SQLCipher's salt (the first 16 bytes), after checking the file is a regular file of whole
    pages: an emptied (``: > vault.db``) or cut-off file is refused before SQLCipher would
    quietly start a new, empty database in it."""
    try:
        with open_bounded(db_path, 1 << 50) as handle:
            size = os.fstat(handle.fileno()).st_size
            salt = handle.read(SALT_BYTES)
    except FileRefusedError as exc:
        raise ReplacedDatabaseError(f"database file refused: {exc.log_message}") from None
    if size < _PAGE_GRAIN or size % _PAGE_GRAIN or len(salt) < SALT_BYTES:
        raise ReplacedDatabaseError(f"database file empty or cut off ({size} bytes)")
    return salt


def _check_database_file(db_path: Path, key_file: KeyFile, data_key: bytes) -> None:
    salt = _database_salt(db_path)
    binding = key_file.binding
    if binding is None:
        return  # an older key file: bound at the end of this unlock
    if not binding.authentic(data_key, key_file.vault_id):
        raise DamagedKeyFileError("key file binding does not verify")
    if binding.db_salt != salt:
        raise ReplacedDatabaseError("database salt differs from the key file's binding")


def _audit_head(conn: Connection, schema: Schema) -> tuple[int, str]:
    table = schema.audit_table
    row = conn.execute(
        select(table.c.id, table.c.row_hash).order_by(table.c.id.desc()).limit(1)
    ).first()
    return (0, audit_log.GENESIS_HASH) if row is None else (int(row.id), str(row.row_hash))


def _check_audit_checkpoint(conn: Connection, schema: Schema, binding: Binding) -> None:
    if binding.audit_id == 0:
        return
    table = schema.audit_table
    row = conn.execute(select(table.c.row_hash).where(table.c.id == binding.audit_id)).first()
    if row is None or row.row_hash != binding.audit_hash:
        raise AuditTrimmedError(f"audit log lacks checkpoint row {binding.audit_id}")


def _rebind(
    folder: Path, schema: Schema, key_file: KeyFile, engine: Engine, data_key: bytes
) -> KeyFile:
    """The key file with its binding moved to the current database and audit head, written
    when it changed. Best effort: a full disk leaves the older (still valid) checkpoint."""
    try:
        salt = _database_salt(folder / DB_NAME)
        with translate_errors(), engine.connect() as conn:
            head_id, head_hash = _audit_head(conn, schema)
            conn.rollback()
        current = key_file.binding
        if (
            current is not None
            and current.db_salt == salt
            and (current.audit_id, current.audit_hash) == (head_id, head_hash)
        ):
            return key_file
        updated = replace(
            key_file, binding=Binding.make(data_key, key_file.vault_id, salt, head_id, head_hash)
        )
        write_key_file(folder / KEYS_NAME, updated)
    except (OSError, DiskFullError, DamagedDatabaseError) as exc:
        log.warning("key file binding not updated: %s", type(exc).__name__)
        return key_file
    return updated


# -- migrations ---------------------------------------------------------------------------------


def _backup_before_migration(
    folder: Path, key_file: KeyFile, engine: Engine, data_key: bytes, from_rev: str
) -> Path:
    """An encrypted backup beside the vault before its schema changes."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = folder / f"{PRE_MIGRATION_PREFIX}-{from_rev}-{stamp}.hbbackup"
    write_backup(target, engine, key_file, data_key)
    log.info("backup before migration written")
    return target
