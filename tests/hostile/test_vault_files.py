"""Hostile corpus, vault side (issue 19 items 1, 2, 3, 7, 8, 11): each case is refused with a
Dutch message, or handled, and leaves files, rows and permissions as they were."""

from __future__ import annotations

import json
import os
import shutil
import stat
import struct
import time
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from huisbezoek import paths
from huisbezoek.errors import UserError
from huisbezoek.services import startup
from huisbezoek.vault import KdfParams, Vault, restore_backup
from huisbezoek.vault import backup as backup_mod
from huisbezoek.vault.audit import AuditEvent
from huisbezoek.vault.engine import connect_raw
from huisbezoek.vault.errors import (
    AuditTrimmedError,
    DamagedKeyFileError,
    ForeignFileError,
    ReplacedDatabaseError,
    UnsafeKdfParamsError,
    WrongPassphraseError,
)
from huisbezoek.vault.keyslots import KeyFile, read_key_file

from .conftest import PASSPHRASE, fingerprint, make_fifo, run_cli

NEW = "een andere wachtwoordzin"
POSIX_ONLY = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX (Windows: ACLs)")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# -- item 1: 0600 files in a 0700 folder on every path ---------------------------------------


@pytest.fixture
def lax_umask():
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


@POSIX_ONLY
def test_restore_leaves_private_files_in_place_and_in_a_new_folder(vault_dir, tmp_path, lax_umask):
    backup = tmp_path / "kopie.hbbackup"
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        vault.backup(backup)
    vault_dir.chmod(0o755)  # as an older version or a copy may have left it
    for target in (vault_dir, tmp_path / "nieuw"):
        restore_backup(backup, target, passphrase=PASSPHRASE)
        assert mode(target) == 0o700
        for name in ("vault.db", "vault.keys"):
            assert mode(target / name) == 0o600, (target, name)
        with Vault.open(target, PASSPHRASE) as vault:
            vault.change_passphrase(PASSPHRASE, NEW, kdf=KdfParams.FLOOR)
        assert mode(target / "vault.keys") == 0o600 and mode(target / "vault.db") == 0o600
        with Vault.open(target, NEW) as vault:
            vault.change_passphrase(NEW, PASSPHRASE, kdf=KdfParams.FLOOR)


@POSIX_ONLY
def test_open_tightens_a_lax_vault(vault_dir, lax_umask):
    (vault_dir / "vault.db").chmod(0o644)
    (vault_dir / "vault.keys").chmod(0o644)
    vault_dir.chmod(0o755)
    Vault.open(vault_dir, PASSPHRASE).close()
    assert mode(vault_dir) == 0o700
    assert mode(vault_dir / "vault.db") == 0o600 and mode(vault_dir / "vault.keys") == 0o600


# -- item 2: an emptied, cut-off or replaced vault.db; a trimmed audit log -------------------


def _data_key(folder: Path) -> bytes:
    return read_key_file(folder / "vault.keys").unwrap_with_passphrase(PASSPHRASE)


def test_emptied_database_is_refused_at_unlock_and_by_vault_check(vault_dir, monkeypatch, capsys):
    (vault_dir / "vault.db").write_bytes(b"")  # : > vault.db
    before = fingerprint(vault_dir)
    with pytest.raises(ReplacedDatabaseError) as info:
        Vault.open(vault_dir, PASSPHRASE)
    assert "leeg, ingekort of vervangen" in info.value.message_nl
    assert fingerprint(vault_dir) == before  # no empty vault started in its place
    code, out, err = run_cli(
        monkeypatch, capsys, [PASSPHRASE], "vault", "check", "--dir", str(vault_dir),
        "--passphrase-stdin",
    )  # fmt: skip
    assert code != 0 and "in orde" not in out
    assert "leeg, ingekort of vervangen" in err and "Traceback" not in err
    assert fingerprint(vault_dir) == before


def test_cut_off_database_is_refused(vault_dir):
    db = vault_dir / "vault.db"
    db.write_bytes(db.read_bytes()[:3000])
    before = fingerprint(vault_dir)
    with pytest.raises(ReplacedDatabaseError):
        Vault.open(vault_dir, PASSPHRASE)
    assert fingerprint(vault_dir) == before


def test_emptied_database_refused_with_an_old_key_file_too(vault_dir):
    """A key file from before bindings existed: the empty file is still refused."""
    keys = vault_dir / "vault.keys"
    keys.write_bytes(replace(read_key_file(keys), binding=None).to_bytes())
    (vault_dir / "vault.db").write_bytes(b"")
    before = fingerprint(vault_dir)
    with pytest.raises(ReplacedDatabaseError):
        Vault.open(vault_dir, PASSPHRASE)
    assert fingerprint(vault_dir) == before


def test_old_key_file_is_upgraded_on_open(vault_dir):
    keys = vault_dir / "vault.keys"
    keys.write_bytes(replace(read_key_file(keys), binding=None).to_bytes())
    Vault.open(vault_dir, PASSPHRASE).close()
    binding = read_key_file(keys).binding
    assert binding is not None and binding.audit_id >= 2
    assert binding.db_salt == (vault_dir / "vault.db").read_bytes()[:16]


def test_database_put_back_as_an_older_copy_of_itself_is_refused(vault_dir, tmp_path):
    old = tmp_path / "oud.db"
    shutil.copy2(vault_dir / "vault.db", old)
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        vault.audit(AuditEvent.EXPORT, {"signals": 1})
    shutil.copy2(old, vault_dir / "vault.db")  # same salt, fewer audit rows
    before = fingerprint(vault_dir)
    with pytest.raises(AuditTrimmedError) as info:
        Vault.open(vault_dir, PASSPHRASE)
    assert "korter dan de vorige keer" in info.value.message_nl
    assert fingerprint(vault_dir) == before


def test_trimmed_audit_log_is_refused(vault_dir, monkeypatch, capsys):
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        vault.audit(AuditEvent.BACKUP)
        rows = len(vault.audit_events())
    # Someone with the data key drops the trigger and deletes the newest rows.
    conn = connect_raw(vault_dir / "vault.db", _data_key(vault_dir))
    conn.execute("DROP TRIGGER audit_log_no_delete")
    conn.execute("DELETE FROM audit_log WHERE id > ?", (rows - 2,))
    conn.close()
    before = fingerprint(vault_dir)
    code, _out, err = run_cli(
        monkeypatch, capsys, [PASSPHRASE], "vault", "check", "--dir", str(vault_dir),
        "--passphrase-stdin",
    )  # fmt: skip
    assert code != 0 and "korter dan de vorige keer" in err and "Traceback" not in err
    assert fingerprint(vault_dir) == before


def test_forged_binding_is_refused(vault_dir):
    keys = vault_dir / "vault.keys"
    key_file = read_key_file(keys)
    assert key_file.binding is not None
    forged = replace(key_file.binding, audit_id=1, audit_hash="0" * 64)
    keys.write_bytes(replace(key_file, binding=forged).to_bytes())
    before = fingerprint(vault_dir)
    with pytest.raises(DamagedKeyFileError):
        Vault.open(vault_dir, PASSPHRASE)
    assert fingerprint(vault_dir) == before


# -- item 3: damaged side files never crash an unlock ----------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        b'{"count":1e999,"first":"x","last":"y"}',
        b"[" * 100_000,
        b'{"count":' + b"9" * 5000 + b',"first":"x","last":"y"}',
        b'{"count":NaN}',
        b"\xff\xfe\x00",
    ],
    ids=["inf", "deep", "huge-int", "nan", "binary"],
)
def test_damaged_attempts_file(vault_dir, content):
    attempts = vault_dir / "vault.attempts"
    attempts.write_bytes(content)
    with pytest.raises(WrongPassphraseError):
        Vault.open(vault_dir, "helemaal verkeerde zin")
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        failed = [e for e in vault.audit_events() if e.event == "failed_unlock"]
    assert failed, "the failed unlock is still recorded"


def test_attempts_file_that_is_a_fifo_does_not_hang(vault_dir):
    make_fifo(vault_dir / "vault.attempts")
    started = time.monotonic()
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        failed = [e.detail for e in vault.audit_events() if e.event == "failed_unlock"]
    assert failed == [{"count": -1}]
    assert time.monotonic() - started < 30
    assert not (vault_dir / "vault.attempts").exists()  # moved into the audit log


@pytest.mark.parametrize("case", ["nested", "folder", "fifo", "huge"])
def test_hostile_key_file_is_a_damaged_key_file(vault_dir, case):
    keys = vault_dir / "vault.keys"
    keys.unlink()
    if case == "nested":
        keys.write_bytes(b'{"a":' * 50_000 + b"1" + b"}" * 50_000)
    elif case == "folder":
        keys.mkdir()
    elif case == "fifo":
        make_fifo(keys)
    else:
        with keys.open("wb") as handle:
            handle.truncate(1 << 30)  # sparse: 1 GiB that is never read
    before = fingerprint(vault_dir)
    with pytest.raises(DamagedKeyFileError) as info:
        Vault.open(vault_dir, PASSPHRASE)
    assert "vault.keys" in info.value.message_nl and "beschadigd" in info.value.message_nl
    assert fingerprint(vault_dir) == before


# -- item 7: hostile backups are refused entry by entry, before anything is written -----------


@pytest.fixture
def good_backup(vault_dir, tmp_path) -> Path:
    path = tmp_path / "goed.hbbackup"
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        vault.backup(path)
    return path


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _write_zip(path: Path, members: dict[str, bytes], **per_member) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            compress = per_member.get(name, zipfile.ZIP_STORED)
            info.compress_type = compress
            archive.writestr(info, data)
    return path


def _patch_member(path: Path, member: str, field: str, value: int) -> None:
    """Set a member's flags or compression method in its local and central header."""
    local_at, central_at = {"flags": (6, 8), "method": (8, 10)}[field]
    data = bytearray(path.read_bytes())
    name = member.encode()
    for signature, name_at, offset in (
        (b"PK\x03\x04", 30, local_at),
        (b"PK\x01\x02", 46, central_at),
    ):
        at = 0
        while (at := data.find(signature, at)) != -1:
            if data[at + name_at : at + name_at + len(name)] == name:
                struct.pack_into("<H", data, at + offset, value)
            at += 4
    path.write_bytes(bytes(data))


def _restore_refused(backup: Path, folder: Path, error: type[UserError]) -> UserError:
    before = fingerprint(folder)
    with pytest.raises(error) as info:
        restore_backup(backup, folder, passphrase=PASSPHRASE)
    assert fingerprint(folder) == before
    assert not list(folder.glob(".restore-*")) and not list(folder.glob(".replaced-*"))
    return info.value


def test_backup_member_flagged_encrypted(good_backup, vault_dir, tmp_path):
    path = _write_zip(tmp_path / "versleuteld.hbbackup", _members(good_backup))
    _patch_member(path, "vault.db", "flags", 0x1)
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("vault.db").flag_bits & 0x1
    error = _restore_refused(path, vault_dir, backup_mod.HostileBackupError)
    assert "geen gewone reservekopie" in error.message_nl


def test_backup_member_with_compression_method_9(good_backup, vault_dir, tmp_path):
    path = _write_zip(tmp_path / "m9.hbbackup", _members(good_backup))
    _patch_member(path, "vault.db", "method", 9)
    _restore_refused(path, vault_dir, backup_mod.HostileBackupError)


def test_backup_zip_bomb_is_refused_before_unpacking(good_backup, vault_dir, tmp_path):
    members = _members(good_backup)
    bomb = b"\0" * (64 * 1024 * 1024)
    manifest = json.loads(members["manifest.json"])
    manifest["db_size"] = len(bomb)
    members["manifest.json"] = json.dumps(manifest).encode()
    members["vault.db"] = bomb
    path = _write_zip(tmp_path / "bom.hbbackup", members, **{"vault.db": zipfile.ZIP_DEFLATED})
    assert path.stat().st_size < 1024 * 1024
    _restore_refused(path, vault_dir, backup_mod.HostileBackupError)


@pytest.mark.parametrize(
    "manifest_text",
    ['"db_size": 1e999', '"db_size": ' + "9" * 5000, '"db_size": true', "deep"],
    ids=["inf", "huge-int", "bool", "deep"],
)
def test_hostile_manifest(good_backup, vault_dir, tmp_path, manifest_text):
    members = _members(good_backup)
    text = members["manifest.json"].decode()
    if manifest_text == "deep":
        text = text.replace('"format"', '"x": ' + "[" * 50_000 + "]" * 50_000 + ', "format"')
    else:
        text = text.replace(f'"db_size": {json.loads(text)["db_size"]}', manifest_text)
    members["manifest.json"] = text.encode()
    path = _write_zip(tmp_path / "manifest.hbbackup", members)
    error = _restore_refused(path, vault_dir, ForeignFileError)
    assert "reservekopie" in error.message_nl


def test_backup_larger_than_free_space_is_refused_before_writing(
    good_backup, vault_dir, monkeypatch
):
    usage = shutil.disk_usage(vault_dir)
    monkeypatch.setattr(
        backup_mod.shutil, "disk_usage", lambda _p: usage._replace(free=8 * 1024 * 1024)
    )
    error = _restore_refused(good_backup, vault_dir, backup_mod.BackupTooLargeForDiskError)
    assert "niet genoeg ruimte" in error.message_nl


def test_backup_that_is_a_fifo_or_folder(vault_dir, tmp_path):
    fifo = make_fifo(tmp_path / "f.hbbackup")
    _restore_refused(fifo, vault_dir, ForeignFileError)
    folder = tmp_path / "map.hbbackup"
    folder.mkdir()
    _restore_refused(folder, vault_dir, ForeignFileError)


# -- item 8: the demo marker belongs to the demo vault ---------------------------------------


def test_demo_marker_does_not_follow_the_folder(tmp_path):
    folder = paths.default_vault_dir()
    startup.create_demo_vault(folder=folder, kdf=KdfParams.FLOOR)
    assert startup.vault_info(folder).demo_passphrase == startup.DEMO_PASSPHRASE

    real = tmp_path / "echt"
    vault, _ = Vault.create(real, PASSPHRASE, kdf=KdfParams.FLOOR)
    backup = tmp_path / "echt.hbbackup"
    vault.backup(backup)
    vault.close()
    restore_backup(backup, folder, passphrase=PASSPHRASE)
    assert startup.vault_info(folder).demo_passphrase is None

    shutil.rmtree(folder)
    Vault.create(folder, PASSPHRASE, kdf=KdfParams.FLOOR)[0].close()  # as `vault init` does
    assert startup.vault_info(folder).exists
    assert startup.vault_info(folder).demo_passphrase is None


# -- item 11: the KDF ceiling -----------------------------------------------------------------


def test_planted_slot_over_the_ceiling_is_refused_without_deriving(vault_dir):
    keys = vault_dir / "vault.keys"
    key_file: KeyFile = read_key_file(keys)
    planted = KdfParams.__new__(KdfParams)
    for name, value in (("memory_kib", 1024 * 1024), ("iterations", 20), ("lanes", 16)):
        object.__setattr__(planted, name, value)
    keys.write_bytes(
        replace(key_file, passphrase=replace(key_file.passphrase, kdf=planted)).to_bytes()
    )
    before = fingerprint(vault_dir)
    started = time.monotonic()
    with pytest.raises(UnsafeKdfParamsError) as info:
        Vault.open(vault_dir, "wat dan ook hier")
    assert time.monotonic() - started < 5  # refused before any derivation
    assert "onveilige" in info.value.message_nl
    assert fingerprint(vault_dir) == before


def test_ceiling_is_within_a_laptops_means():
    ceiling = KdfParams.CEILING
    assert ceiling.memory_kib <= 256 * 1024
    assert ceiling.memory_kib * ceiling.iterations <= 256 * 1024 * 6
    assert KdfParams.FLOOR.memory_kib <= ceiling.memory_kib
