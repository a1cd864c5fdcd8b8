from __future__ import annotations

import os
import shutil

import pytest

from huisbezoek.vault import (
    DamagedDatabaseError,
    DatabaseMissingError,
    KdfParams,
    KeyFileMissingError,
    NoVaultError,
    Vault,
    VaultInUseError,
)
from huisbezoek.vault.models import Resident

from .conftest import PASSPHRASE
from .helpers import sigkill, spawn, wait_ready


def test_second_opener_in_same_process_refused(vault_dir):
    with Vault.open(vault_dir, PASSPHRASE):
        with pytest.raises(VaultInUseError) as info:
            Vault.open(vault_dir, PASSPHRASE)
        assert info.value.message_nl.startswith("Deze kluis is al geopend in een ander venster")
        assert str(os.getpid()) in info.value.message_nl
    # Closed: opens again.
    Vault.open(vault_dir, PASSPHRASE).close()


def test_other_process_refused_and_stale_lock_recovered_after_sigkill(vault_dir):
    child = spawn("hold", str(vault_dir), PASSPHRASE)
    try:
        ready = wait_ready(child)
        child_pid = ready.split()[1]
        with pytest.raises(VaultInUseError) as info:
            Vault.open(vault_dir, PASSPHRASE)
        assert child_pid in info.value.message_nl
    finally:
        sigkill(child)
    assert (vault_dir / "vault.lock").exists()  # the file stays; the OS lock is gone
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        assert vault.check().ok


def test_create_refused_while_locked(tmp_path, vault_dir):
    with Vault.open(vault_dir, PASSPHRASE), pytest.raises(VaultInUseError):
        Vault.create(vault_dir, PASSPHRASE, kdf=KdfParams.FLOOR)


def test_missing_files(tmp_path, vault_dir):
    with pytest.raises(NoVaultError):
        Vault.open(tmp_path / "empty", PASSPHRASE)
    only_keys = tmp_path / "only_keys"
    shutil.copytree(vault_dir, only_keys)
    (only_keys / "vault.db").unlink()
    with pytest.raises(DatabaseMissingError) as info:
        Vault.open(only_keys, PASSPHRASE)
    assert "vault.db" in info.value.message_nl
    assert (only_keys / "vault.keys").exists()
    only_db = tmp_path / "only_db"
    shutil.copytree(vault_dir, only_db)
    (only_db / "vault.keys").unlink()
    with pytest.raises(KeyFileMissingError) as info2:
        Vault.open(only_db, PASSPHRASE)
    assert "vault.keys" in info2.value.message_nl
    assert (only_db / "vault.db").exists()


def test_damaged_first_page(vault_dir):
    path = vault_dir / "vault.db"
    data = bytearray(path.read_bytes())
    data[100:110] = b"\xff" * 10
    path.write_bytes(bytes(data))
    with pytest.raises(DamagedDatabaseError) as info:
        Vault.open(vault_dir, PASSPHRASE)
    assert "beschadigd" in info.value.message_nl
    assert path.read_bytes() == bytes(data)  # nothing was touched


def test_damaged_later_page_found_by_check(vault_dir):
    with Vault.open(vault_dir, PASSPHRASE) as vault, vault.session() as s:
        s.add_all(Resident(name=f"Verzonnen {i}", notes="x" * 500) for i in range(200))
    path = vault_dir / "vault.db"
    data = bytearray(path.read_bytes())
    assert len(data) > 20 * 4096
    data[15 * 4096 + 200] ^= 0x55
    path.write_bytes(bytes(data))
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        report = vault.check()
        assert not report.ok
        assert not report.cipher_integrity_ok
        with pytest.raises(DamagedDatabaseError), vault.session() as s:
            s.query(Resident.notes).all()


def test_database_of_another_vault_refused(tmp_path, vault_dir):
    other, _ = Vault.create(tmp_path / "other", PASSPHRASE, kdf=KdfParams.FLOOR)
    other.close()
    shutil.copy(tmp_path / "other" / "vault.db", vault_dir / "vault.db")
    with pytest.raises(DamagedDatabaseError):
        Vault.open(vault_dir, PASSPHRASE)


def test_closed_vault_refuses_work(vault):
    vault.close()
    with pytest.raises(Exception, match="closed"), vault.session():
        pass


def test_creation_cut_off_by_a_crash_is_cleaned_up(tmp_path, vault_dir):
    # The state a crash between writing vault.keys and moving vault.db in leaves behind.
    (vault_dir / "vault.db").replace(vault_dir / ".vault.db.dead.new")
    (vault_dir / "vault.creating").write_bytes(b"")
    assert not Vault.exists(vault_dir)
    with pytest.raises(NoVaultError):
        Vault.open(vault_dir, PASSPHRASE)
    assert sorted(p.name for p in vault_dir.iterdir()) == ["vault.lock"]
    vault, _ = Vault.create(vault_dir, PASSPHRASE, kdf=KdfParams.FLOOR)
    vault.close()
    assert Vault.exists(vault_dir)
