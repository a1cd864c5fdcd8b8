"""No personal data in plaintext anywhere in the vault folder, also after a crash."""

from __future__ import annotations

import time

from huisbezoek.services import visit_answers
from huisbezoek.vault import Vault
from huisbezoek.vault.models import Resident

from .conftest import PASSPHRASE
from .helpers import files_containing, sigkill, spawn, wait_ready

NAME = "Zwaantje Fictievelaar"
ADDRESS = "Kievitsbloemstraat 123"
ANSWER = "Voelt zich eenzaam sinds de verhuizing"
CHILD_NAME = "Gerolf Verzinsema"
CHILD_ANSWER = "Heeft geen hulp bij het boodschappen doen"


def test_marker_scan_works(tmp_path):
    """The scan itself finds what it looks for (otherwise the tests below prove nothing)."""
    (tmp_path / "a").write_bytes(b"xx" + NAME.lower().encode("utf-16-le") + b"yy")
    (tmp_path / "b").write_bytes(ANSWER.upper().encode())
    assert {h[0] for h in files_containing(tmp_path, [NAME, ANSWER])} == {"a", "b"}


def test_no_plaintext_in_any_file(tmp_path, vault_dir):
    vault = Vault.open(vault_dir, PASSPHRASE)
    with vault.session() as s:
        resident = Resident(name=NAME, address=ADDRESS, notes=ANSWER, phone="0612345678")
        s.add(resident)
        s.flush()
        rid = resident.id
    vid = visit_answers.start_visit(vault, rid, "gesprek", 1, "ab" * 32, "bron")
    for i in range(50):
        visit_answers.save_answer(vault, vid, f"q{i}", f"{ANSWER} {i}")
    backup = vault_dir / "reservekopie.hbbackup"
    vault.backup(backup)
    # While open: WAL and shared-memory files exist and hold the recent writes.
    assert (vault_dir / "vault.db-wal").stat().st_size > 0
    assert files_containing(vault_dir, [NAME, ADDRESS, ANSWER, "0612345678"]) == []
    vault.close()
    assert files_containing(vault_dir, [NAME, ADDRESS, ANSWER]) == []
    assert files_containing(tmp_path, [NAME, ADDRESS, ANSWER]) == []
    # Sanity: the data is really there.
    with Vault.open(vault_dir, PASSPHRASE) as again:
        assert visit_answers.load_answers(again, vid)["q7"] == f"{ANSWER} 7"


def test_no_plaintext_after_sigkill_mid_work(vault_dir):
    child = spawn("secrets", str(vault_dir), PASSPHRASE, CHILD_NAME, CHILD_ANSWER)
    try:
        wait_ready(child)
        time.sleep(0.4)
    finally:
        sigkill(child)
    names = sorted(p.name for p in vault_dir.iterdir())
    assert "vault.db-wal" in names  # killed before any clean close
    assert files_containing(vault_dir, [CHILD_NAME, CHILD_ANSWER]) == []
    with Vault.open(vault_dir, PASSPHRASE) as vault, vault.session() as s:
        assert s.query(Resident).filter(Resident.name.like("Gerolf%")).count() > 1
