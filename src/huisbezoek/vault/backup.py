"""Backups: one file holding the key file and a consistent SQLCipher copy; never plaintext.

A backup is a ZIP archive (stored, not compressed) with three members: ``manifest.json``
(format, vault kind and id, schema revision, SHA-256 of the database copy), ``vault.keys``
(the key file as it was at backup time) and ``vault.db`` (made with ``sqlcipher_export`` in one
read transaction, keyed with the same data key). It opens with the passphrase or recovery key
valid at backup time.

Restore (``vault/restore.py``) checks everything first (unwraps the key, opens the copy, runs
``integrity_check`` and ``cipher_integrity_check``, checks the schema is not newer) in a staging
folder, then swaps the files in, keeping the replaced vault aside until the restored one has
opened.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import logging
import os
import secrets
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Engine

from huisbezoek import paths
from huisbezoek.errors import DiskFullError
from huisbezoek.fsutil import fsync_dir
from huisbezoek.safe_read import FileRefusedError, loads_json, open_bounded
from huisbezoek.vault import migrate
from huisbezoek.vault.engine import connect_raw, make_engine, translate_errors
from huisbezoek.vault.errors import (
    DamagedDatabaseError,
    ForeignFileError,
    NewerSchemaError,
)
from huisbezoek.vault.keyslots import KeyFile
from huisbezoek.vault.schema import Schema

log = logging.getLogger(__name__)

BACKUP_FORMAT = "huisbezoek-backup"
BACKUP_VERSION = 1
MANIFEST = "manifest.json"
RESTORE_MARKER = "RESTORE-IN-PROGRESS"
PHASE_ASIDE = b"aside"
PHASE_SWAP = b"swap"
# Every file that makes up a vault's state (the lock file stays where it is).
VAULT_NAMES = paths.VAULT_FILE_NAMES
COPY_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class BackupManifest:
    kind: str
    vault_id: str
    created_at: str
    schema_revision: str | None
    db_sha256: str
    db_size: int


def write_backup(path: Path, engine: Engine, key_file: KeyFile, data_key: bytes) -> None:
    """Write a backup of the open database behind ``engine`` to ``path`` (atomically)."""
    path = Path(path).absolute()
    path.parent.mkdir(parents=True, exist_ok=True)
    token = secrets.token_hex(4)
    copy = path.parent / f".{path.name}.{token}.db"
    try:
        with translate_errors(), disk_full_as_error():
            revision = _export_copy(engine, copy, data_key)
            digest, size = file_sha256(copy)
            manifest = {
                "format": BACKUP_FORMAT,
                "version": BACKUP_VERSION,
                "kind": key_file.kind,
                "vault_id": key_file.vault_id,
                "created_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
                "schema_revision": revision,
                "db_sha256": digest,
                "db_size": size,
            }
            _atomic_stream(
                path,
                lambda out: _write_zip(out, manifest, key_file.to_bytes(), copy),
            )
    finally:
        for leftover in (copy, *(copy.with_name(copy.name + s) for s in ("-wal", "-shm"))):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _export_copy(engine: Engine, target: Path, data_key: bytes) -> str | None:
    """A keyed copy of the live database in one read transaction; returns its revision."""
    raw = engine.raw_connection()
    try:
        cursor: Any = raw.driver_connection
        cursor.execute(
            "ATTACH DATABASE ? AS backup_copy KEY ?", (str(target), f"x'{data_key.hex()}'")
        )
        try:
            cursor.execute("BEGIN")
            try:
                cursor.execute("SELECT sqlcipher_export('backup_copy')").fetchall()
                row = None
                with contextlib.suppress(Exception):
                    row = cursor.execute("SELECT version_num FROM alembic_version").fetchone()
                cursor.execute("COMMIT")
            except BaseException:
                cursor.execute("ROLLBACK")
                raise
        finally:
            cursor.execute("DETACH DATABASE backup_copy")
    finally:
        raw.close()
    return None if row is None else str(row[0])


def _write_zip(out: IO[bytes], manifest: dict[str, Any], keys: bytes, db: Path) -> None:
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr(MANIFEST, json.dumps(manifest, sort_keys=True, indent=1))
        archive.writestr(paths.VAULT_KEYS_NAME, keys)
        with db.open("rb") as src, archive.open(paths.VAULT_DB_NAME, "w", force_zip64=True) as dst:
            shutil.copyfileobj(src, dst, COPY_CHUNK)


#: Largest backup file and database copy accepted (a volunteer's vault is a few MB; a
#: coordinator's with 900,000 residents a few GB).
MAX_BACKUP_BYTES = 16 * 1024**3
MAX_SMALL_MEMBER_BYTES = 64 * 1024
#: Room left free on the disk after a restore's copy is unpacked.
DISK_MARGIN_BYTES = 64 * 1024**2


class HostileBackupError(ForeignFileError):
    """A backup whose archive does not look like one we write; refused before any write."""

    message_nl = (
        "Dit bestand is geen gewone reservekopie van Huisbezoek: de inhoud is versleuteld, "
        "ingepakt op een manier die wij niet gebruiken, of groter dan hij zegt te zijn. Er is "
        "niets teruggezet en niets veranderd. Kies een andere reservekopie."
    )


class BackupTooLargeForDiskError(DiskFullError):
    message_nl = (
        "Er is niet genoeg ruimte op de schijf om deze reservekopie terug te zetten. Er is "
        "niets veranderd. Maak ruimte vrij en probeer het opnieuw."
    )


def check_members(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """Check every entry of a backup before anything is read or written: only our three
    names, each once, not encrypted, stored (we never compress, so a zip bomb has no room),
    declared sizes within the caps. Returns the entries by name."""
    allowed = {
        MANIFEST: MAX_SMALL_MEMBER_BYTES,
        paths.VAULT_KEYS_NAME: MAX_SMALL_MEMBER_BYTES,
        paths.VAULT_DB_NAME: MAX_BACKUP_BYTES,
    }
    members: dict[str, zipfile.ZipInfo] = {}
    for info in archive.infolist():
        if info.filename not in allowed or info.filename in members:
            raise HostileBackupError(f"unexpected or repeated member {len(members)}")
        if info.flag_bits & 0x1:
            raise HostileBackupError("encrypted member")
        if info.compress_type != zipfile.ZIP_STORED or info.compress_size != info.file_size:
            raise HostileBackupError(f"member compressed with method {info.compress_type}")
        if info.file_size > allowed[info.filename]:
            raise HostileBackupError("member larger than its cap")
        members[info.filename] = info
    if set(members) != set(allowed):
        raise ForeignFileError("not a huisbezoek backup")
    return members


def read_manifest(path: Path) -> tuple[BackupManifest, KeyFile]:
    """The manifest and key file of a backup; ``ForeignFileError`` when it is not one.

    The file goes through the bounded reader (regular file, size cap), every member is
    checked (``check_members``) and the manifest is parsed with bounded depth and numbers.
    """
    try:
        with (
            open_bounded(Path(path), MAX_BACKUP_BYTES) as handle,
            zipfile.ZipFile(handle) as archive,
        ):
            members = check_members(archive)
            doc = loads_json(archive.read(MANIFEST), max_depth=4, name=MANIFEST)
            key_bytes = archive.read(paths.VAULT_KEYS_NAME)
            db_declared = members[paths.VAULT_DB_NAME].file_size
    except FileRefusedError as exc:
        raise ForeignFileError(
            f"backup refused: {exc.log_message}",
            message_nl=(
                "Dit bestand is geen reservekopie van Huisbezoek die we kunnen lezen: "
                f"{exc.reason_nl}. Er is niets veranderd."
            ),
        ) from None
    except (zipfile.BadZipFile, KeyError, ValueError, EOFError, NotImplementedError, RuntimeError):
        raise ForeignFileError("not a huisbezoek backup") from None
    if not isinstance(doc, dict) or doc.get("format") != BACKUP_FORMAT:
        raise ForeignFileError("not a huisbezoek backup")
    if not isinstance(doc.get("version"), int) or doc["version"] > BACKUP_VERSION:
        raise NewerSchemaError("backup format is newer than this version")
    key_file = KeyFile.from_bytes(key_bytes)
    try:
        manifest = BackupManifest(
            kind=str(doc["kind"]),
            vault_id=str(doc["vault_id"]),
            created_at=str(doc["created_at"]),
            schema_revision=doc["schema_revision"],
            db_sha256=str(doc["db_sha256"]),
            db_size=int(doc["db_size"]),
        )
    except (KeyError, TypeError, ValueError):
        raise ForeignFileError("backup manifest incomplete") from None
    if manifest.kind != key_file.kind or manifest.vault_id != key_file.vault_id:
        raise ForeignFileError("backup manifest does not match its key file")
    if isinstance(doc["db_size"], bool | float) or manifest.db_size != db_declared:
        raise HostileBackupError("manifest size differs from the archive's")
    return manifest, key_file


def check_room(folder: Path, needed: int) -> None:
    """Refuse before writing when ``needed`` bytes (plus a margin) do not fit on the disk."""
    free = shutil.disk_usage(folder).free
    if needed + DISK_MARGIN_BYTES > free:
        raise BackupTooLargeForDiskError(f"restore needs {needed} bytes, {free} free")


def roll_back_swap(folder: Path, aside: Path) -> None:
    """Undo a restore that did not finish: the restored files go, the old ones come back."""
    marker = aside / RESTORE_MARKER
    if not marker.exists():
        shutil.rmtree(aside, ignore_errors=True)
        return
    swapping = marker.read_bytes() == PHASE_SWAP
    if swapping:
        # Everything of the vault in the folder now came from the backup (or is half of it).
        for name in VAULT_NAMES:
            with contextlib.suppress(FileNotFoundError):
                (folder / name).unlink()
    for name in VAULT_NAMES:
        if (aside / name).exists():
            (aside / name).replace(folder / name)
    fsync_dir(folder)
    marker.unlink()
    shutil.rmtree(aside, ignore_errors=True)


def recover_interrupted_restore(folder: Path) -> bool:
    """Undo a restore cut off by a crash, and sweep staging leftovers. Call with the lock
    held. Returns True when a restore was rolled back."""
    rolled_back = False
    for aside in sorted(folder.glob(".replaced-*")):
        if aside.is_dir():
            rolled_back |= (aside / RESTORE_MARKER).exists()
            roll_back_swap(folder, aside)
            log.warning("an interrupted restore was rolled back")
    for staging in folder.glob(".restore-*"):
        shutil.rmtree(staging, ignore_errors=True)
    return rolled_back


def verify_database(db: Path, data_key: bytes, schema: Schema) -> None:
    """Open the staged copy and check every page and the schema revision."""
    with translate_errors():
        conn = connect_raw(db, data_key)
        try:
            integrity = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
            cipher = conn.execute("PRAGMA cipher_integrity_check").fetchall()
        finally:
            conn.close()
    if integrity != ["ok"] or cipher:
        raise DamagedDatabaseError("backup database fails its integrity checks")
    engine = make_engine(db, data_key, pool_size=1)
    try:
        with translate_errors(), engine.connect() as conn:
            migrate.needs_upgrade(schema, conn)  # raises NewerSchemaError
    finally:
        engine.dispose()


def file_sha256(path: Path) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as handle:
        while chunk := handle.read(COPY_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _atomic_stream(path: Path, write: Any) -> None:
    """Like ``fsutil.atomic_write`` for content too large to hold in memory."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w+b") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(path)
        fsync_dir(path.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


@contextlib.contextmanager
def disk_full_as_error() -> Any:
    try:
        yield
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise DiskFullError("disk full while writing a backup") from exc
        raise


__all__ = [
    "BackupManifest",
    "read_manifest",
    "write_backup",
]
