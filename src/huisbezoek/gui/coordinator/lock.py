"""Lock the coordinator's workspace after idle time (settings, default 5 minutes) or Ctrl+L.

The same pattern as the volunteer's ``LockController``: the shared :class:`IdleWatcher`
notices idleness; pending store work finishes first; every window that may show personal data
is hidden (typed text kept) and the screens are emptied; the store is closed; the coordinator
unlock dialog (with "Wachtwoordzin vergeten?") asks again. Unlocking reopens the store and
returns to the same tab with the data back.

On the shared PostgreSQL store, locking closes every connection (the engine is disposed) and
forgets the unsealed organisation key. Unlocking connects again: with the database password
when the server asked one (the dialog asks it again), or, when libpq finds the password itself
(``~/.pgpass``, a service file), with a press on "Verbinden": then the computer account is
the gate, as it is for anyone who could run ``psql`` there, and the dialog says to lock the
computer too. The organisation passphrase is asked again at the next import.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from huisbezoek.gui.i18n import translate
from huisbezoek.gui.idle import IdleWatcher, hide_personal_windows
from huisbezoek.gui.operations import worker

if TYPE_CHECKING:
    from huisbezoek.gui.coordinator.unlock import CoordinatorUnlockDialog
    from huisbezoek.gui.coordinator.window import CoordinatorWindow

log = logging.getLogger(__name__)


def _idle_ms_from_settings() -> int:
    from huisbezoek.services.settings import load_settings

    return int(load_settings().idle_lock_minutes) * 60_000


class CoordinatorLock(QObject):
    """Owns the coordinator window's locked state; see the module docstring."""

    locked = Signal()
    unlocked = Signal()

    def __init__(
        self, window: CoordinatorWindow, *, idle_ms: int | None = None, kdf: Any = None
    ) -> None:
        super().__init__(window)
        self.window = window
        self.kdf = kdf
        self.folder = window.vault.folder if window.vault is not None else None
        self.dialog: CoordinatorUnlockDialog | None = None
        # The last used dialog stays referenced: it is still finishing when it hands back.
        self._used_dialog: CoordinatorUnlockDialog | None = None
        self.hidden_windows: list[QWidget] = []
        self._tab = 0
        self.idle = IdleWatcher(idle_ms if idle_ms is not None else _idle_ms_from_settings(), self)
        self.idle.install()
        self.idle.idle.connect(self.lock)
        window.lock_requested.connect(self.lock)
        window.closing.connect(self.idle.uninstall)
        self.idle.start()

    @property
    def is_locked(self) -> bool:
        return bool(self.window.store.closed)

    def lock(self) -> None:
        if self.is_locked:
            return
        self.idle.stop()
        window = self.window
        if not worker().flush(timeout=30):
            log.error("pending coordinator work did not finish before locking")
        # Results of finished work arrive as posted events; deliver them now, so they cannot
        # fill the screens again after they are emptied below.
        QCoreApplication.sendPostedEvents()
        self._tab = window.tabs.currentIndex()
        # The unlock dialog shows before the rest hides, so there is always a visible window.
        self._show_unlock()
        self.hidden_windows = hide_personal_windows()
        window.clear_personal_data()
        worker().submit(window.close_store)
        worker().flush(timeout=10)
        self.locked.emit()

    def _show_unlock(self) -> None:
        from huisbezoek.gui.coordinator.unlock import CoordinatorUnlockDialog

        window = self.window
        server = window.store.address if window.vault is None else None
        dialog = CoordinatorUnlockDialog(
            None,
            self.folder,
            kdf=self.kdf,
            user=window.user,
            url=server or None,
            password_needed=window.password_used,
        )
        dialog.setWindowTitle(translate("Coördinatie", "Coördinatie op slot"))
        dialog.reopened.connect(self._unlocked)
        self.dialog = dialog
        dialog.show()
        if dialog.passphrase.isVisible():
            dialog.passphrase.setFocus()
        else:
            dialog.open_button.setFocus()

    def _unlocked(self, opened: Any) -> None:
        self._used_dialog, self.dialog = self.dialog, None
        if self._used_dialog is not None and self.window.vault is None:
            self.window.password_used = self._used_dialog.password_used
        self.window.reopen(opened)
        self.window.tabs.setCurrentIndex(self._tab)
        for w in self.hidden_windows:
            w.show()
        self.hidden_windows = []
        self.idle.start()
        self.unlocked.emit()
