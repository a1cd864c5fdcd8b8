"""Lock the vault after a time without keyboard or mouse input.

An application-wide event filter restarts a single-shot timer on every input event; when it
fires, ``idle`` is emitted. The timeout is injectable (milliseconds) so tests need no sleeps.
Both workspaces use it: the volunteer's ``LockController`` and the coordinator's lock.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.InputMethod,
    }
)


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self._timer.setInterval(timeout_ms)
        self._active = False

    @property
    def timeout_ms(self) -> int:
        return self._timer.interval()

    def set_timeout_ms(self, timeout_ms: int) -> None:
        self._timer.setInterval(timeout_ms)
        if self._active:
            self._timer.start()

    def install(self) -> IdleWatcher:
        """Watch input anywhere in the application (one event filter on the application)."""
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        return self

    def uninstall(self) -> None:
        self.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def start(self) -> None:
        self._active = True
        self._timer.start()

    def stop(self) -> None:
        self._active = False
        self._timer.stop()

    @property
    def active(self) -> bool:
        return self._active

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._active and event.type() in _INPUT_EVENTS:
            self._timer.start()
        return False


def hide_personal_windows(keep: tuple[QWidget, ...] = ()) -> list[QWidget]:
    """Hide every visible top-level window that may show personal data; returns them.

    A window opts out with a class attribute ``shows_personal_data = False`` (unlock screens,
    the leaflet shelf). Hidden widgets keep what was typed in them; show them again on unlock.
    """
    hidden: list[QWidget] = []
    for w in QApplication.topLevelWidgets():
        if any(w is k for k in keep) or not w.isVisible():
            continue
        if getattr(w, "shows_personal_data", True):
            w.hide()
            hidden.append(w)
    return hidden
