"""Coordinator mode as its own window: the unlock dialog, then the coordinator screens.

The normal start (``gui.app``) shows it when the vault on disk is a coordinator vault;
``huisbezoek coordinator gui`` opens it directly (also with ``--dir``, or on the shared
PostgreSQL store with ``--url``, ``HUISBEZOEK_STORE_URL`` or the server saved by
``coordinator connect``) through :func:`run_coordinator_gui`, the command line's one way into
the GUI besides ``gui.app``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from huisbezoek.gui.bootstrap import start_qt
from huisbezoek.gui.coordinator.unlock import CoordinatorUnlockDialog
from huisbezoek.gui.coordinator.window import CoordinatorWindow


def unlock_dialog(
    parent: QWidget | None,
    folder: Path | None,
    *,
    kdf: Any = None,
    idle_ms: int | None = None,
    url: str | None = None,
    password_needed: bool | None = None,
) -> CoordinatorUnlockDialog:
    """The unlock dialog, wired to open the coordinator window once the store is open: the
    vault in ``folder``, or the shared PostgreSQL store at ``url``. ``password_needed`` None:
    as the saved connection remembers it."""
    if url is not None and password_needed is None:
        from huisbezoek.coordinator.connection import load_connection, same_address

        saved = load_connection()
        password_needed = (
            saved is not None and same_address(saved.url, url) and saved.password_needed
        )
    dialog = CoordinatorUnlockDialog(
        parent, folder, kdf=kdf, idle_ms=idle_ms, url=url, password_needed=bool(password_needed)
    )

    def open_window(opened: Any, user: str) -> None:
        # The window shows before the dialog closes: closing the last visible window would quit.
        dialog.window = CoordinatorWindow(
            opened, user=user, kdf=kdf, idle_ms=idle_ms, password_used=dialog.password_used
        )
        dialog.window.show()
        dialog.opened.emit(dialog.window)

    dialog.unlocked.connect(open_window)
    return dialog


def run_coordinator_gui(folder: Path | None = None, *, url: str | None = None) -> int:
    from huisbezoek.gui.operations import shutdown_worker, worker
    from huisbezoek.services.settings import load_settings

    app = start_qt(load_settings())
    dialog = unlock_dialog(None, folder, url=url)
    dialog.show()
    try:
        code = int(app.exec())
    finally:
        worker().flush(30)
        window = dialog.window
        if window is not None:
            window.close_store()
        shutdown_worker()
    return code
