"""Restoring a vault from an encrypted backup (``vault/backup.py`` writes and reads them).

The backup is checked completely (checksum, key, database) in a staging folder before anything
in the vault folder changes; then the files are swapped with a marker that lets the next open
undo a swap a crash interrupted.
"""

from __future__ import annotations

import logging
import os
import secrets
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

from huisbezoek import paths
from huisbezoek.fsutil import atomic_write, fsync_dir, make_private
from huisbezoek.safe_read import FileRefusedError, open_bounded
from huisbezoek.vault import audit as audit_log
from huisbezoek.vault.backup import (
    COPY_CHUNK,
    MAX_BACKUP_BYTES,
    PHASE_ASIDE,
    PHASE_SWAP,
    RESTORE_MARKER,
    VAULT_NAMES,
    check_members,
    check_room,
    disk_full_as_error,
    file_sha256,
    read_manifest,
    recover_interrupted_restore,
    roll_back_swap,
    verify_database,
)
from huisbezoek.vault.core import DB_NAME, KEYS_NAME, PRIVATE_NAMES, Vault
from huisbezoek.vault.errors import DamagedDatabaseError, ForeignFileError
from huisbezoek.vault.lock import VaultLock
from huisbezoek.vault.recoverykey import decode_recovery_key
from huisbezoek.vault.schema import VOLUNTEER_SCHEMA, Schema

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RestoreResult:
    vault_id: str
    created_at: str
    replaced_existing: bool


def restore_backup(
    backup: Path,
    folder: Path,
    *,
    passphrase: str | None = None,
    recovery_key: str | None = None,
    schema: Schema | None = None,
) -> RestoreResult:
    """Replace the vault in ``folder`` with ``backup`` after checking the backup completely.

    The vault must not be open (``VaultInUseError``). The restored vault keeps the passphrase
    and recovery key that were valid when the backup was made.
    """
    if (passphrase is None) == (recovery_key is None):
        raise ValueError("give exactly one of passphrase or recovery_key")
    manifest, key_file = read_manifest(Path(backup))
    schema = schema or VOLUNTEER_SCHEMA
    if key_file.kind != schema.kind:
        raise ForeignFileError("backup is of another vault kind")
    if recovery_key is not None:
        data_key = key_file.unwrap_with_recovery_key(decode_recovery_key(recovery_key))
    else:
        assert passphrase is not None
        data_key = key_file.unwrap_with_passphrase(passphrase)

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    # The restored database gets a new binding when it opens (its copy has its own salt).
    key_file = replace(key_file, binding=None)
    check_room(folder, manifest.db_size)
    lock = VaultLock(folder)
    lock.acquire()
    try:
        recover_interrupted_restore(folder)
    except BaseException:
        lock.release()
        raise
    staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=folder))
    aside = folder / f".replaced-{secrets.token_hex(4)}"
    moved: list[tuple[Path, Path]] = []
    try:
        with disk_full_as_error():
            staged_db = staging / DB_NAME
            try:
                fd = os.open(staged_db, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with (
                    open_bounded(Path(backup), MAX_BACKUP_BYTES) as handle,
                    zipfile.ZipFile(handle) as archive,
                    os.fdopen(fd, "wb") as dst,
                ):
                    # Checked again on this open: the file may have changed since.
                    info = check_members(archive)[DB_NAME]
                    if info.file_size != manifest.db_size:
                        raise DamagedDatabaseError("backup changed while being restored")
                    with archive.open(info) as src:
                        shutil.copyfileobj(src, dst, COPY_CHUNK)
                    dst.flush()
                    os.fsync(dst.fileno())
            except (zipfile.BadZipFile, EOFError, FileRefusedError):
                raise DamagedDatabaseError("backup archive is damaged") from None
            atomic_write(staging / KEYS_NAME, key_file.to_bytes())
        digest, size = file_sha256(staged_db)
        if digest != manifest.db_sha256 or size != manifest.db_size:
            raise DamagedDatabaseError("backup database does not match its checksum")
        verify_database(staged_db, data_key, schema)

        # Swap: current files aside, staged files in; undo on any failure. A marker in the
        # aside folder says how far we got, so a crash half-way is undone at the next open
        # (``recover_interrupted_restore``).
        aside.mkdir(mode=0o700)
        atomic_write(aside / RESTORE_MARKER, PHASE_ASIDE)
        fsync_dir(folder)
        for name in VAULT_NAMES:
            if (folder / name).exists():
                (folder / name).replace(aside / name)
                moved.append((aside / name, folder / name))
        fsync_dir(folder)
        replaced = any(path.name != paths.VAULT_ATTEMPTS_NAME for path, _ in moved)
        atomic_write(aside / RESTORE_MARKER, PHASE_SWAP)
        staged_db.replace(folder / DB_NAME)
        (staging / KEYS_NAME).replace(folder / KEYS_NAME)
        fsync_dir(folder)
        make_private(folder, PRIVATE_NAMES)
        vault = Vault.open_with_data_key(folder, schema, key_file, data_key, lock)
        try:
            vault.audit(audit_log.AuditEvent.RESTORE, {"backup_created_at": manifest.created_at})
        finally:
            vault.close_keeping_lock()
        # Done: drop the marker first (that is the commit point), then the old files.
        (aside / RESTORE_MARKER).unlink()
        fsync_dir(aside)
        shutil.rmtree(aside, ignore_errors=True)
    except BaseException:
        roll_back_swap(folder, aside)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        lock.release()
    log.info("restore done")
    return RestoreResult(
        vault_id=manifest.vault_id, created_at=manifest.created_at, replaced_existing=replaced
    )
