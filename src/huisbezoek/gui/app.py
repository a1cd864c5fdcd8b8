"""GUI entry point: set up Qt, the theme and translations, then show first start or unlock.

The kind of vault on disk decides the workspace (``services.startup.installed_workspace``): a
volunteer's vault opens the volunteer's main window, a coordinator vault the coordinator's
unlock and window. Neither ever shows the other's screens.

Start-up: the first window needs Qt and a few small modules only. Once it has been painted,
the vault worker imports the vault stack (SQLAlchemy, Alembic, SQLCipher, cryptography) and
the work area's screens while the passphrase is typed; the unlock, queued on the same worker,
finds them loaded. With ``HUISBEZOEK_STARTUP_MARKER=1`` the app prints :data:`FIRST_WINDOW`
to standard output when its first window is on screen (``benchmarks/bench_gui.py`` waits for
that line).
"""

from __future__ import annotations

import importlib
import logging
import os
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from huisbezoek.coordinator import startup as coordinator_startup
from huisbezoek.gui.bootstrap import ensure_application, start_qt

#: Environment variable that asks for :data:`FIRST_WINDOW` on standard output.
STARTUP_MARKER_ENV = "HUISBEZOEK_STARTUP_MARKER"
FIRST_WINDOW = "huisbezoek: first window shown"

#: What the screens after the first one need; imported on the vault worker after first paint.
PRELOAD_VOLUNTEER = ("huisbezoek.vault.core", "huisbezoek.gui.work_area")
PRELOAD_COORDINATOR = ("huisbezoek.vault.core", "huisbezoek.gui.coordinator.window")


def preload(modules: tuple[str, ...]) -> None:
    """Import ``modules`` (runs on the vault worker, off the GUI thread). A failure here is
    only logged: the screen that needs the module imports it again and reports it there."""
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception:
            logging.getLogger(__name__).exception("preloading %s failed", name)


class _AfterFirstPaint(QObject):
    """Calls ``callback`` once, just after ``widget`` has painted for the first time."""

    def __init__(self, widget: QWidget, callback) -> None:
        super().__init__(widget)
        self.callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # After this event: Qt puts the painted frame on screen before the timer fires.
            QTimer.singleShot(0, self.callback)
        return False


def _coordinator_server() -> str | None:
    """The shared store's address when ``HUISBEZOEK_STORE_URL`` is set or a server was saved
    with ``coordinator connect``; None otherwise, without loading the database libraries."""
    from huisbezoek import paths

    saved = paths.data_dir() / paths.COORDINATOR_SERVER_NAME
    if not (os.environ.get("HUISBEZOEK_STORE_URL") or saved.exists()):
        return None
    from huisbezoek.coordinator.connection import resolve_store_url
    from huisbezoek.errors import UserError

    try:
        return resolve_store_url().url
    except UserError:  # a bad address in the variable: the normal start goes on without it
        logging.getLogger(__name__).warning("coordinator server address unusable; ignored")
        return None


class Application:
    """The pieces of a running GUI, built without starting the event loop (tests use this)."""

    def __init__(self, *, idle_ms: int | None = None, kdf=None, settings=None) -> None:
        from huisbezoek.gui.context import AppContext
        from huisbezoek.gui.main_window import LockController, MainWindow

        self.qapp = ensure_application()
        self.ctx = AppContext(settings)
        self.ctx.kdf = kdf
        start_qt(self.ctx.settings)
        self.window = MainWindow(self.ctx)
        self.lock = LockController(self.ctx, self.window, idle_ms=idle_ms)
        #: The idle-lock time given for tests; the coordinator window uses it too.
        self.idle_ms = idle_ms
        #: Coordinator mode: the unlock dialog and, once open, the coordinator window.
        self.coordinator_unlock: Any = None
        self.coordinator: Any = None

    def start(self, *, demo_if_new: bool = False) -> None:
        """Show the first-start wizard, or the unlock screen (making the demo vault first)."""
        from huisbezoek.services import startup

        installed = startup.installed_workspace()
        if installed is None or installed.role is startup.Role.COORDINATOR:
            # A coordinator who connected to the organisation's server opens it from the
            # normal start too (a volunteer's vault on this computer still comes first).
            server = _coordinator_server()
            if server is not None or installed is not None:
                self._start_coordinator(installed.folder if installed else None, url=server)
                self._after_first_paint(self.coordinator_unlock, PRELOAD_COORDINATOR)
                return
        self._after_first_paint(self.window, PRELOAD_VOLUNTEER)
        info = startup.vault_info()
        self.window.place_on_screen()
        if not info.exists and demo_if_new:
            from huisbezoek.gui.operations import run_op

            self.window.show()
            run_op(
                self.window,
                lambda: startup.create_demo_vault(kdf=self.ctx.kdf),
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

    def _after_first_paint(self, widget: QWidget, modules: tuple[str, ...]) -> None:
        def painted() -> None:
            from huisbezoek.gui.operations import worker

            if os.environ.get(STARTUP_MARKER_ENV):
                print(FIRST_WINDOW, flush=True)
            worker().submit(lambda: preload(modules))

        self._first_paint = _AfterFirstPaint(widget, painted)

    def _first_start_done(self, opened: Any) -> None:

        if isinstance(opened, coordinator_startup.OpenedCoordinator):
            self.window.hide()
            self._show_coordinator(opened.vault, opened.user)
        else:
            self.lock.on_unlocked(opened)

    def _start_coordinator(self, folder: Any, *, url: str | None = None) -> None:
        from huisbezoek.gui.coordinator.launch import unlock_dialog

        self.coordinator_unlock = unlock_dialog(
            None, folder, kdf=self.ctx.kdf, idle_ms=self.idle_ms, url=url
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
        window.close_store()

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
