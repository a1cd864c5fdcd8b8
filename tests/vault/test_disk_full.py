"""A full disk loses nothing: the write is refused with a typed error, the old state stays."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import uuid

import pytest

from huisbezoek import fsutil
from huisbezoek.errors import DiskFullError
from huisbezoek.services import visit_answers
from huisbezoek.vault import KdfParams, Vault
from huisbezoek.vault.keyslots import read_key_file
from huisbezoek.vault.models import Resident

from .conftest import PASSPHRASE

NEW = "een nieuwe wachtwoordzin"


def _enospc(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def _visit(vault) -> int:
    with vault.session() as s:
        r = Resident(name="Verzonnen Els")
        s.add(r)
        s.flush()
        rid = r.id
    return visit_answers.start_visit(vault, rid, "gesprek", 1, "ab" * 32, "bron")


def test_passphrase_change_on_full_disk_keeps_old_key_file(vault_dir, monkeypatch):
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        # The key file's binding moves at unlock and close; the passphrase slot must not.
        before = read_key_file(vault_dir / "vault.keys").passphrase
        monkeypatch.setattr(fsutil.os, "fsync", _enospc)
        with pytest.raises(DiskFullError) as info:
            vault.change_passphrase(PASSPHRASE, NEW, kdf=KdfParams.FLOOR)
        monkeypatch.undo()
        assert "schijf is vol" in info.value.message_nl
    assert read_key_file(vault_dir / "vault.keys").passphrase == before
    assert not [p for p in vault_dir.iterdir() if p.name.endswith(".tmp")]
    Vault.open(vault_dir, PASSPHRASE).close()


def test_backup_on_full_disk_leaves_no_partial_file(tmp_path, vault_dir, monkeypatch):
    target = tmp_path / "out" / "kopie.hbbackup"
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        monkeypatch.setattr("huisbezoek.vault.backup.os.fsync", _enospc)
        with pytest.raises(DiskFullError):
            vault.backup(target)
        monkeypatch.undo()
    assert list(target.parent.iterdir()) == []


def test_sqlite_full_in_autosave_is_typed_and_rolls_back(vault):
    """SQLITE_FULL, simulated with max_page_count on the autosave connection."""
    vid = _visit(vault)
    visit_answers.save_answer(vault, vid, "eerst", "bewaard")
    with vault.driver_unit() as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + 2}")
    acknowledged = {"eerst": "bewaard"}
    with pytest.raises(DiskFullError):
        for i in range(500):
            visit_answers.save_answer(vault, vid, f"groot{i}", "x" * 3000)
            acknowledged[f"groot{i}"] = "x" * 3000
    assert visit_answers.load_answers(vault, vid) == acknowledged
    assert vault.check().ok
    # The autosave connection is usable again once there is room.
    with vault.driver_unit() as conn:
        conn.execute("PRAGMA max_page_count = 1073741823")
    visit_answers.save_answer(vault, vid, "daarna", "weer ruimte")


def test_sqlite_full_in_a_session_is_typed_and_rolls_back(vault):
    with vault.connection() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
        conn.exec_driver_sql(f"PRAGMA max_page_count = {pages + 2}")
    with pytest.raises(DiskFullError), vault.session() as s:
        s.add_all(Resident(name=f"Verzonnen {i}", notes="n" * 3000) for i in range(100))
    with vault.session() as s:
        assert s.query(Resident).count() == 0


@pytest.fixture
def tiny_disk(tmp_path):
    """A 4 MiB tmpfs (needs root; skipped elsewhere, where the simulation above still runs)."""
    mount = tmp_path / f"tmpfs-{uuid.uuid4().hex[:6]}"
    mount.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_real_full_disk_loses_nothing(tiny_disk, template_vault):
    folder = tiny_disk / "vault"
    shutil.copytree(template_vault[0], folder)
    vault = Vault.open(folder, PASSPHRASE)
    vid = _visit(vault)
    acknowledged = {}
    filler = tiny_disk / "vulling"
    with filler.open("wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        except OSError:
            pass
    with pytest.raises(DiskFullError):
        for i in range(2000):
            visit_answers.save_answer(vault, vid, f"q{i}", "y" * 2000)
            acknowledged[f"q{i}"] = "y" * 2000
    # Reading still works on the full disk, and nothing acknowledged is missing.
    assert visit_answers.load_answers(vault, vid) == acknowledged
    filler.unlink()
    visit_answers.save_answer(vault, vid, "na", "weer ruimte")
    acknowledged["na"] = "weer ruimte"
    vault.close()
    with Vault.open(folder, PASSPHRASE) as again:
        assert again.check().ok
        assert visit_answers.load_answers(again, vid) == acknowledged


def test_full_disk_message_for_the_log_names_no_file(tmp_path, monkeypatch):
    """A file a person saves may be named after the resident ("Inzage Els de Vries.pdf"); the
    log message of a full disk must not carry that name."""
    monkeypatch.setattr(fsutil.os, "fsync", _enospc)
    with pytest.raises(DiskFullError) as info:
        fsutil.atomic_write(tmp_path / "Inzage Els de Vries.pdf", b"%PDF")
    assert "Vries" not in info.value.log_message
    assert "Els" not in str(info.value)
    assert ".pdf" in info.value.log_message
    assert not list(tmp_path.iterdir())
