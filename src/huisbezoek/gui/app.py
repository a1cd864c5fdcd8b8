"""GUI entry point: set up Qt, the theme and translations, then show first start or unlock.

The kind of vault on disk decides the workspace (``services.session.installed_workspace``): a
volunteer's vault opens the volunteer's main window, a coordinator vault the coordinator's
unlock and window. Neither ever shows the other's screens.
"""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from huisbezoek.gui.i18n import install_translators
from huisbezoek.gui.theme import apply_theme

#: How often Python lets another thread take the interpreter lock. The default (5 ms) lets the
#: vault worker keep the GUI thread waiting for up to 5 ms at a time; 1 ms keeps typing smooth.
GIL_SWITCH_INTERVAL = 0.001


def ensure_application() -> QApplication:
    sys.setswitchinterval(GIL_SWITCH_INTERVAL)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv)
    app.setApplicationName("Huisbezoek")
    app.setOrganizationName("huisbezoek")
    app.setApplicationDisplayName("Huisbezoek")
    # Calendars, month and day names in Dutch whatever the system language (issue 14).
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    return app


class Application:
    """The pieces of a running GUI, built without starting the event loop (tests use this)."""

    def __init__(self, *, idle_ms: int | None = None, kdf=None, settings=None) -> None:
        from huisbezoek.gui.context import AppContext
        from huisbezoek.gui.main_window import LockController, MainWindow

        self.qapp = ensure_application()
        install_translators()
        self.ctx = AppContext(settings)
        self.ctx.kdf = kdf
        apply_theme(self.qapp, self.ctx.settings)
        self.window = MainWindow(self.ctx)
        self.lock = LockController(self.ctx, self.window, idle_ms=idle_ms)
        #: The idle-lock time given for tests; the coordinator window uses it too.
        self.idle_ms = idle_ms
        #: Coordinator mode: the unlock dialog and, once open, the coordinator window.
        self.coordinator_unlock: Any = None
        self.coordinator: Any = None

    def start(self, *, demo_if_new: bool = False) -> None:
        """Show the first-start wizard, or the unlock screen (making the demo vault first)."""
        from huisbezoek.services import session

        installed = session.installed_workspace()
        if installed is not None and installed.role is session.Role.COORDINATOR:
            self._start_coordinator(installed.folder)
            return
        info = session.vault_info()
        self.window.place_on_screen()
        if not info.exists and demo_if_new:
            from huisbezoek.gui.operations import run_op

            self.window.show()
            run_op(
                self.window,
                lambda: session.create_demo_vault(kdf=self.ctx.kdf),
                on_done=lambda _: self.window.show_unlock(),
            )
            return
        if not info.exists:
            from huisbezoek.gui.first_start import FirstStartPage

            page = FirstStartPage(self.ctx)
            page.finished.connect(self._first_start_done)
            self.window.show_first_start(page)
        else:
            self.window.show_unlock()
        self.window.show()

    def _first_start_done(self, opened: Any) -> None:
        from huisbezoek.services import session

        if isinstance(opened, session.OpenedCoordinator):
            self.window.hide()
            self._show_coordinator(opened.vault, opened.user)
        else:
            self.lock.on_unlocked(opened)

    def _start_coordinator(self, folder: Any) -> None:
        from huisbezoek.gui.coordinator.launch import CoordinatorUnlockDialog

        self.coordinator_unlock = CoordinatorUnlockDialog(
            None, folder, kdf=self.ctx.kdf, idle_ms=self.idle_ms
        )
        self.coordinator_unlock.opened.connect(self._coordinator_opened)
        self.coordinator_unlock.show()

    def _coordinator_opened(self, window: Any) -> None:
        self.coordinator = window

    def _show_coordinator(self, vault: Any, user: str) -> None:
        from huisbezoek.gui.coordinator.window import CoordinatorWindow

        self.coordinator = CoordinatorWindow(
            vault, user=user, kdf=self.ctx.kdf, idle_ms=self.idle_ms
        )
        self.coordinator.show()

    def close_coordinator(self) -> None:
        """Close the coordinator window's vault after pending work (end of the session)."""
        from huisbezoek.gui.operations import worker

        window, self.coordinator = self.coordinator, None
        if window is None:
            return
        worker().flush(30)
        window.close()
        if window.lock.dialog is not None:
            window.lock.dialog.close()
        if not window.vault.closed:
            window.vault.close()

    def shutdown(self) -> None:
        from huisbezoek.gui.operations import shutdown_worker

        self.lock.shutdown()
        self.close_coordinator()
        shutdown_worker()


def run_gui(*, demo_if_new: bool = False) -> int:
    app = Application()
    app.start(demo_if_new=demo_if_new)
    try:
        return int(app.qapp.exec())
    finally:
        app.shutdown()
