"""Start-up as the volunteer gets it: ``huisbezoek`` shows its window before it loads what the
window does not need, then loads the vault stack in the background while the passphrase is
typed."""

from __future__ import annotations

import os
import subprocess
import sys

from huisbezoek.services import startup
from huisbezoek.vault.keyslots import KdfParams

from .conftest import PASS

# Runs the real entry point; records what was imported when the first window was painted
# (the moment the app prints its start-up marker) and again after the background preload.
CHILD = r"""
import sys
from huisbezoek.gui import app as gapp

HEAVY = ("sqlalchemy", "alembic", "sqlcipher3", "huisbezoek.vault", "huisbezoek.cli.")
real_preload = gapp.preload


def loaded():
    return sorted({m.split(".")[0] if not m.startswith("huisbezoek") else m
                   for m in sys.modules if m.startswith(HEAVY)})


def spy(modules):
    print("AT_FIRST_WINDOW", loaded(), flush=True)
    real_preload(modules)
    print("AFTER_PRELOAD", loaded(), flush=True)
    from huisbezoek.gui.operations import worker
    from PySide6.QtWidgets import QApplication

    worker().call_on_gui(lambda: [w.close() for w in QApplication.topLevelWidgets()])


gapp.preload = spy
from huisbezoek.cli import main

print("EXIT", main([]), flush=True)
"""


def run(home, *extra_env: tuple[str, str]) -> list[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HUISBEZOEK_HOME=str(home))
    env.update(dict(extra_env))
    out = subprocess.run(
        [sys.executable, "-c", CHILD],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert "Fatal Python error" not in out.stderr
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout.splitlines()


def test_the_unlock_window_comes_before_the_vault_stack_and_the_commands(isolated_home):
    startup.close(startup.create_vault("Els", PASS, kdf=KdfParams.FLOOR).opened)
    lines = run(isolated_home, ("HUISBEZOEK_STARTUP_MARKER", "1"))
    assert lines[0] == "huisbezoek: first window shown"
    at_window = next(line for line in lines if line.startswith("AT_FIRST_WINDOW"))
    assert at_window == "AT_FIRST_WINDOW []"
    after = next(line for line in lines if line.startswith("AFTER_PRELOAD"))
    for name in ("sqlalchemy", "alembic", "sqlcipher3", "huisbezoek.vault.core"):
        assert f"'{name}'" in after
    # The command modules are never needed to run the window.
    assert "huisbezoek.cli." not in after
    assert lines[-1] == "EXIT 0"


def test_first_start_also_shows_before_the_vault_stack(isolated_home):
    lines = run(isolated_home)
    assert "AT_FIRST_WINDOW []" in lines
    assert lines[-1] == "EXIT 0"
