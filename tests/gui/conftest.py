"""Fixtures for the GUI tests: an application with fast key derivation and a small form."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from huisbezoek.gui import operations
from huisbezoek.vault.keyslots import KdfParams

DATA = Path(__file__).parent / "data"
PASS = "lamp tegel haven mosterd"


@pytest.fixture
def make_app(qtbot):
    """Build the application (not started); closes its vault and windows afterwards."""
    from huisbezoek.gui.app import Application

    made = []

    def make(idle_ms: int = 60 * 60 * 1000, settings=None):
        app = Application(idle_ms=idle_ms, kdf=KdfParams.FLOOR, settings=settings)
        app.ctx.forms_folder = DATA
        qtbot.addWidget(app.window)
        made.append(app)
        return app

    yield make
    for app in made:
        app.lock.shutdown()
        app.close_coordinator()
        QApplication.instance().removeEventFilter(app.lock.idle)
        app.lock.idle.stop()
    for w in QApplication.topLevelWidgets():
        if w.isVisible():
            w.close()
    operations.worker().flush(10)


def wait_op_idle(qtbot, timeout=10_000):
    """Wait until every operation handed to the vault worker has reported back."""
    qtbot.waitUntil(lambda: operations.worker().pending == 0, timeout=timeout)
