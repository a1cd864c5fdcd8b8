"""Starting Qt for either workspace: the one QApplication, its names, translations and theme.

Both the volunteer's start (``gui.app``) and the coordinator's own window
(``gui.coordinator.launch``) begin here, so neither imports the other to get going.
"""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtWidgets import QApplication

from huisbezoek.gui.i18n import install_translators
from huisbezoek.gui.theme import apply_theme
from huisbezoek.gui.wheel_guard import install_wheel_guard

#: How often Python lets another thread take the interpreter lock. The default (5 ms) lets the
#: vault worker keep the GUI thread waiting for up to 5 ms at a time; 1 ms keeps typing smooth.
GIL_SWITCH_INTERVAL = 0.001


def ensure_application() -> QApplication:
    """The running QApplication, made (with the application's names) the first time."""
    sys.setswitchinterval(GIL_SWITCH_INTERVAL)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv)
    app.setApplicationName("Huisbezoek")
    app.setOrganizationName("huisbezoek")
    app.setApplicationDisplayName("Huisbezoek")
    # Value inputs ignore the wheel unless focused, in every window of both workspaces.
    install_wheel_guard()
    return app


def start_qt(settings: Any) -> QApplication:
    """The QApplication with translations installed and the theme of ``settings`` applied."""
    app = ensure_application()
    install_translators(getattr(settings, "language", "nl"))
    apply_theme(app, settings)
    return app
