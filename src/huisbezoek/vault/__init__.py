"""The encrypted vault: SQLCipher store, key slots, migrations, backup, lock and audit log.

The public face other areas build on::

    vault, recovery_key = Vault.create(folder, passphrase)            # new vault
    vault = Vault.open(folder, passphrase)                            # or open_with_recovery
    with vault.session() as s:                                        # one unit of work (ORM)
        s.add(Resident(name=..., ...))
    with vault.connection() as conn: ...                              # Core, same guarantees
    vault.backup(path); restore_backup(path, folder, passphrase=...)
    vault.close()

Errors are ``huisbezoek.vault.errors`` (all ``UserError`` with Dutch ``message_nl``).
"""

from __future__ import annotations

from huisbezoek.vault.audit import AuditEntry, AuditEvent, AuditReport
from huisbezoek.vault.backup import BackupManifest, read_manifest
from huisbezoek.vault.core import CheckReport, UnlockTimings, Vault
from huisbezoek.vault.errors import (
    DamagedDatabaseError,
    DamagedKeyFileError,
    DatabaseMissingError,
    DiskFullError,
    ForeignFileError,
    KeyFileMissingError,
    NewerSchemaError,
    NoVaultError,
    RecoveryKeyTypoError,
    UnsafeKdfParamsError,
    VaultError,
    VaultExistsError,
    VaultInUseError,
    VisitFinalisedError,
    WeakPassphraseError,
    WrongPassphraseError,
    WrongRecoveryKeyError,
)
from huisbezoek.vault.keyslots import KdfParams
from huisbezoek.vault.recoverykey import decode_recovery_key, encode_recovery_key
from huisbezoek.vault.restore import RestoreResult, restore_backup
from huisbezoek.vault.schema import VOLUNTEER_SCHEMA, Schema

__all__ = [
    "VOLUNTEER_SCHEMA",
    "AuditEntry",
    "AuditEvent",
    "AuditReport",
    "BackupManifest",
    "CheckReport",
    "DamagedDatabaseError",
    "DamagedKeyFileError",
    "DatabaseMissingError",
    "DiskFullError",
    "ForeignFileError",
    "KdfParams",
    "KeyFileMissingError",
    "NewerSchemaError",
    "NoVaultError",
    "RecoveryKeyTypoError",
    "RestoreResult",
    "Schema",
    "UnlockTimings",
    "UnsafeKdfParamsError",
    "Vault",
    "VaultError",
    "VaultExistsError",
    "VaultInUseError",
    "VisitFinalisedError",
    "WeakPassphraseError",
    "WrongPassphraseError",
    "WrongRecoveryKeyError",
    "decode_recovery_key",
    "encode_recovery_key",
    "read_manifest",
    "restore_backup",
]
