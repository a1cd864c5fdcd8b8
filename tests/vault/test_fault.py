"""Kill a process that autosaves, many times, at random moments; nothing acknowledged is lost."""

from __future__ import annotations

import random
import time

import pytest

from huisbezoek.services import visit_answers
from huisbezoek.vault import Vault
from huisbezoek.vault.engine import connect_raw
from huisbezoek.vault.models import Resident

from .conftest import PASSPHRASE
from .helpers import sigkill, spawn, wait_ready

ROUNDS = 25


@pytest.mark.slow
def test_sigkill_during_autosave_loses_no_acknowledged_save(vault_dir):
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        with vault.session() as s:
            r = Resident(name="Verzonnen Frits")
            s.add(r)
            s.flush()
            rid = r.id
        vid = visit_answers.start_visit(vault, rid, "gesprek", 1, "ab" * 32, "bron")
    rng = random.Random(20261123)
    acknowledged: dict[str, str] = {}
    for round_no in range(ROUNDS):
        child = spawn("autosave", str(vault_dir), PASSPHRASE, str(vid), f"r{round_no}q")
        try:
            wait_ready(child)
            time.sleep(rng.uniform(0.0, 0.25))
        finally:
            out = sigkill(child)
        for line in out.splitlines(keepends=True):
            if line.startswith("ack ") and line.endswith("\n"):
                _, question, value = line.rstrip("\n").split(" ", 2)
                acknowledged[question] = value
    assert len(acknowledged) > ROUNDS  # the child really saved, and often
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        report = vault.check()
        assert report.integrity_ok and report.cipher_integrity_ok and report.audit.ok
        stored = visit_answers.load_answers(vault, vid)
        key = vault._require_key()
    missing = {q: v for q, v in acknowledged.items() if stored.get(q) != v}
    assert missing == {}
    # Independently of our code: the raw pragmas on a fresh connection.
    conn = connect_raw(vault_dir / "vault.db", key)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert conn.execute("PRAGMA cipher_integrity_check").fetchall() == []
    conn.close()
