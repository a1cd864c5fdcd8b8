"""The engine, slots, lock, backup and audit work for any schema, not just the volunteer's."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from huisbezoek.vault import ForeignFileError, KdfParams, Schema, Vault, restore_backup

from .conftest import PASSPHRASE
from .toy_schema import Thing, ToyAudit, ToyBase

TOY = Schema(
    kind="coordinator",
    metadata=ToyBase.metadata,
    migrations_package=f"{__package__}.toy_schema",
    audit_table=ToyAudit.__table__,
)


def test_vault_with_another_schema(tmp_path, vault_dir):
    folder = tmp_path / "coord"
    vault, recovery = Vault.create(
        folder, PASSPHRASE, kind="coordinator", schema=TOY, kdf=KdfParams.FLOOR
    )
    with vault.session() as s:
        s.add(Thing(label="verzonnen ding"))
    backup = tmp_path / "coord.hbbackup"
    vault.backup(backup)
    assert vault.check().ok and vault.kind == "coordinator"
    vault.close()

    # The volunteer default refuses a coordinator vault, and the other way round.
    with pytest.raises(ForeignFileError):
        Vault.open(folder, PASSPHRASE)
    with pytest.raises(ForeignFileError):
        Vault.open(vault_dir, PASSPHRASE, schema=TOY)
    with pytest.raises(ForeignFileError):
        restore_backup(backup, tmp_path / "elders", passphrase=PASSPHRASE)

    restore_backup(backup, tmp_path / "elders", recovery_key=recovery, schema=TOY)
    with Vault.open(tmp_path / "elders", PASSPHRASE, schema=TOY) as again:
        with again.session() as s:
            assert s.scalars(select(Thing.label)).all() == ["verzonnen ding"]
        events = [e.event for e in again.audit_events()]
        assert events[:2] == ["unlock", "restore"] and "create" in events
        assert again.verify_audit_chain().ok


def test_create_needs_a_schema_for_other_kinds(tmp_path):
    with pytest.raises(ValueError, match="schema"):
        Vault.create(tmp_path / "x", PASSPHRASE, kind="coordinator", kdf=KdfParams.FLOOR)
