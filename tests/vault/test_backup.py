from __future__ import annotations

import hashlib
import json
import zipfile

import pytest
from sqlalchemy import select

from huisbezoek.vault import (
    AuditEvent,
    DamagedDatabaseError,
    ForeignFileError,
    KdfParams,
    Vault,
    VaultInUseError,
    WrongPassphraseError,
    restore_backup,
)
from huisbezoek.vault.models import Resident

from .conftest import PASSPHRASE


def _names(folder, passphrase=PASSPHRASE):
    with Vault.open(folder, passphrase) as vault, vault.session() as s:
        return s.scalars(select(Resident.name).order_by(Resident.name)).all()


def _add(folder, name):
    with Vault.open(folder, PASSPHRASE) as vault, vault.session() as s:
        s.add(Resident(name=name))


def test_backup_and_restore_with_passphrase(tmp_path, vault_dir):
    _add(vault_dir, "Verzonnen Anna")
    backup = tmp_path / "kopie.hbbackup"
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        assert vault.backup(backup) == backup
        assert AuditEvent.BACKUP in [e.event for e in vault.audit_events()]
    _add(vault_dir, "Verzonnen Bert")
    assert _names(vault_dir) == ["Verzonnen Anna", "Verzonnen Bert"]
    result = restore_backup(backup, vault_dir, passphrase=PASSPHRASE)
    assert result.replaced_existing
    assert _names(vault_dir) == ["Verzonnen Anna"]
    # No staging or set-aside folders left behind.
    assert sorted(p.name for p in vault_dir.iterdir()) == ["vault.db", "vault.keys", "vault.lock"]
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        assert vault.check().ok
        assert AuditEvent.RESTORE in [e.event for e in vault.audit_events()]


def test_restore_with_recovery_key_into_new_folder(tmp_path, vault_dir, recovery_key):
    _add(vault_dir, "Verzonnen Cor")
    backup = tmp_path / "kopie.hbbackup"
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        vault.backup(backup)
    target = tmp_path / "nieuwe-laptop"
    result = restore_backup(backup, target, recovery_key=recovery_key.lower())
    assert not result.replaced_existing
    assert _names(target) == ["Verzonnen Cor"]


def test_backup_keeps_the_passphrase_of_its_time(tmp_path, vault_dir):
    backup = tmp_path / "kopie.hbbackup"
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        vault.backup(backup)
        vault.change_passphrase(PASSPHRASE, "nieuwe zin voor de kluis", kdf=KdfParams.FLOOR)
    with pytest.raises(WrongPassphraseError):
        restore_backup(backup, vault_dir, passphrase="nieuwe zin voor de kluis")
    restore_backup(backup, vault_dir, passphrase=PASSPHRASE)
    Vault.open(vault_dir, PASSPHRASE).close()


def test_restore_verifies_before_replacing(tmp_path, vault_dir):
    _add(vault_dir, "Verzonnen Dirk")
    backup = tmp_path / "kopie.hbbackup"
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        vault.backup(backup)
    # Corrupt one byte of the database inside the archive (stored, so offsets are raw).
    data = bytearray(backup.read_bytes())
    with zipfile.ZipFile(backup) as archive:
        info = archive.getinfo("vault.db")
    offset = info.header_offset + 30 + len(info.filename) + len(info.extra) + 3 * 4096 + 77
    data[offset] ^= 0xFF
    damaged = tmp_path / "kapot.hbbackup"
    damaged.write_bytes(bytes(data))
    before = {p.name: p.read_bytes() for p in vault_dir.iterdir() if p.is_file()}
    with pytest.raises(DamagedDatabaseError):
        restore_backup(damaged, vault_dir, passphrase=PASSPHRASE)
    after = {p.name: p.read_bytes() for p in vault_dir.iterdir() if p.is_file()}
    assert after == before
    assert [p.name for p in vault_dir.iterdir() if p.is_dir()] == []
    # Rebuilt with a fresh CRC and a matching manifest: the page HMAC still catches it.
    with zipfile.ZipFile(backup) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        keys = archive.read("vault.keys")
        db = bytearray(archive.read("vault.db"))
    db[3 * 4096 + 77] ^= 0xFF
    manifest["db_sha256"] = hashlib.sha256(db).hexdigest()
    rebuilt = tmp_path / "herbouwd.hbbackup"
    with zipfile.ZipFile(rebuilt, "w") as archive:
        archive.writestr("manifest.json", json.dumps(manifest))
        archive.writestr("vault.keys", keys)
        archive.writestr("vault.db", bytes(db))
    with pytest.raises(DamagedDatabaseError):
        restore_backup(rebuilt, vault_dir, passphrase=PASSPHRASE)
    with pytest.raises(WrongPassphraseError):
        restore_backup(backup, vault_dir, passphrase="helemaal verkeerd")
    after = {p.name: p.read_bytes() for p in vault_dir.iterdir() if p.is_file()}
    assert after == before
    assert _names(vault_dir) == ["Verzonnen Dirk"]


def test_restore_refused_while_open_and_for_foreign_files(tmp_path, vault_dir):
    backup = tmp_path / "kopie.hbbackup"
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        vault.backup(backup)
        with pytest.raises(VaultInUseError):
            restore_backup(backup, vault_dir, passphrase=PASSPHRASE)
    foreign = tmp_path / "vakantie.jpg"
    foreign.write_bytes(b"\xff\xd8\xff\xe0 geen kluis")
    with pytest.raises(ForeignFileError) as info:
        restore_backup(foreign, vault_dir, passphrase=PASSPHRASE)
    assert "geen kluis" in info.value.message_nl
    with pytest.raises(ForeignFileError):
        restore_backup(tmp_path / "bestaat-niet", vault_dir, passphrase=PASSPHRASE)
    other_zip = tmp_path / "ander.zip"
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("manifest.json", '{"format": "iets anders"}')
    with pytest.raises(ForeignFileError):
        restore_backup(other_zip, vault_dir, passphrase=PASSPHRASE)


def _restore_interrupted_at(tmp_path, vault_dir, phase):
    """Build the folder state a crash in the middle of a restore leaves behind."""
    from huisbezoek.vault.backup import RESTORE_MARKER

    _add(vault_dir, "Verzonnen Origineel")
    aside = vault_dir / ".replaced-dood"
    aside.mkdir()
    (aside / RESTORE_MARKER).write_bytes(phase)
    if phase == b"aside":
        # Crashed after moving the key file aside, before the database.
        (vault_dir / "vault.keys").replace(aside / "vault.keys")
    else:
        # Crashed after all originals went aside and half the backup came in.
        for name in ("vault.db", "vault.keys"):
            (vault_dir / name).replace(aside / name)
        (vault_dir / "vault.db").write_bytes(b"half van de reservekopie")
    staging = vault_dir / ".restore-abc"
    staging.mkdir()
    (staging / "vault.db").write_bytes(b"x")


@pytest.mark.parametrize("phase", [b"aside", b"swap"])
def test_interrupted_restore_is_rolled_back_at_next_open(tmp_path, vault_dir, phase):
    _restore_interrupted_at(tmp_path, vault_dir, phase)
    assert _names(vault_dir) == ["Verzonnen Origineel"]
    assert sorted(p.name for p in vault_dir.iterdir()) == ["vault.db", "vault.keys", "vault.lock"]


def test_restore_after_a_crashed_restore(tmp_path, vault_dir):
    backup = tmp_path / "kopie.hbbackup"
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        vault.backup(backup)
    _restore_interrupted_at(tmp_path, vault_dir, b"swap")
    restore_backup(backup, vault_dir, passphrase=PASSPHRASE)
    assert _names(vault_dir) == []
    assert not [p for p in vault_dir.iterdir() if p.is_dir()]


def test_failed_verification_after_swap_puts_old_vault_back(tmp_path, vault_dir, monkeypatch):
    backup = tmp_path / "kopie.hbbackup"
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        vault.backup(backup)
    _add(vault_dir, "Verzonnen Nieuwer")

    def boom(*args, **kwargs):
        raise DamagedDatabaseError("simulated failure after the swap")

    monkeypatch.setattr(Vault, "open_with_data_key", boom)
    with pytest.raises(DamagedDatabaseError):
        restore_backup(backup, vault_dir, passphrase=PASSPHRASE)
    monkeypatch.undo()
    assert _names(vault_dir) == ["Verzonnen Nieuwer"]
    assert not [p for p in vault_dir.iterdir() if p.is_dir()]
