"""A crash mid-visit (the process is SIGKILLed) loses no answer the screen showed as saved."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from huisbezoek.services import residents as res_svc
from huisbezoek.services import startup, visit_resume
from huisbezoek.vault.keyslots import KdfParams

from .conftest import PASS

CHILD = Path(__file__).with_name("crash_child.py")


def write_form(folder: Path, count: int) -> None:
    lines = ["format: 1", "id: lang", "version: 1", "title: Lang formulier", "sections:"]
    for s in range(count // 25):
        lines += [f"  - id: deel_{s}", f"    title: Deel {s + 1}", "    questions:"]
        for q in range(25):
            n = s * 25 + q
            lines += [f"      - id: v{n}", "        type: short_text", f"        label: Vraag {n}"]
    (folder / "lang.v1.yaml").write_text("\n".join(lines) + "\n")


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("kill_after", [5, 40])
def test_killed_mid_visit_keeps_every_saved_answer(tmp_path, isolated_home, kill_after):
    forms = tmp_path / "forms"
    forms.mkdir()
    write_form(forms, 150)
    created = startup.create_vault("Els", PASS, kdf=KdfParams.FLOOR)
    rid = res_svc.add_resident(created.opened.vault, res_svc.ResidentInput(name="Jan Smit"))
    startup.close(created.opened)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HUISBEZOEK_HOME=str(isolated_home))
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(forms), PASS, str(rid)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    saved: dict[str, str] = {}
    try:
        assert child.stdout is not None
        for line in child.stdout:
            if line.startswith("SAVED "):
                _, qid, value = line.rstrip("\n").split(" ", 2)
                saved[qid] = value
                if len(saved) >= kill_after:
                    break
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert len(saved) >= kill_after
    opened = startup.unlock(PASS)  # the lock left by the killed process is recovered
    try:
        report = opened.vault.check()
        assert report.integrity_ok and report.cipher_integrity_ok
        rows = res_svc.resident_detail(opened.vault, rid).visits
        assert len(rows) == 1
        visit = visit_resume.open_visit(opened.vault, rows[0].id)
        missing = {q: v for q, v in saved.items() if visit.answers.get(q) != v}
        assert missing == {}
    finally:
        startup.close(opened)
