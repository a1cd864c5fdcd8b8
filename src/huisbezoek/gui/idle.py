"""Lock the vault after a time without keyboard or mouse input, with a warning first.

An application-wide event filter restarts a single-shot timer on every input event. Thirty
seconds before the lock (half the time for very short timeouts, as tests use) ``warning`` is
emitted with the seconds left, then once a second as a countdown; any key, click, wheel or
mouse movement cancels it (``warning_cancelled``) and starts the wait again. When the countdown
runs out, ``idle`` is emitted. The timeout is injectable (milliseconds) so tests need no
sleeps. Both workspaces use it: the volunteer's ``LockController`` and the coordinator's lock;
:class:`IdleWarningBanner` shows the countdown on top of a window.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QSizePolicy, QWidget

from huisbezoek.gui.i18n import translate

# How long before the lock the warning comes.
WARNING_MS = 30_000

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
    warning = Signal(int)  # whole seconds left before the lock
    warning_cancelled = Signal()

    def __init__(
        self, timeout_ms: int, parent: QObject | None = None, warning_ms: int = WARNING_MS
    ) -> None:
        super().__init__(parent)
        self._timeout_ms = timeout_ms
        self._warning_setting = warning_ms
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._start_warning)
        self._tick = QTimer(self)
        self._tick.setTimerType(Qt.TimerType.PreciseTimer)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._count_down)
        self._deadline = 0.0
        self._cursor = QPoint()
        self._active = False
        self._warning = False
        self._apply_intervals()

    @property
    def timeout_ms(self) -> int:
        return self._timeout_ms

    @property
    def warning_ms(self) -> int:
        """The warning time in use: 30 s, or half the timeout when that is shorter."""
        return min(self._warning_setting, self._timeout_ms // 2)

    def _apply_intervals(self) -> None:
        self._timer.setInterval(max(0, self._timeout_ms - self.warning_ms))
        self._tick.setInterval(max(1, min(1000, self.warning_ms)))

    def set_timeout_ms(self, timeout_ms: int) -> None:
        self._timeout_ms = timeout_ms
        self._apply_intervals()
        if self._active:
            self._restart()

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
        self._restart()

    def stop(self) -> None:
        self._active = False
        self._timer.stop()
        self._end_warning()

    @property
    def active(self) -> bool:
        return self._active

    def _restart(self) -> None:
        self._end_warning()
        self._timer.start()

    def _end_warning(self) -> None:
        self._tick.stop()
        if self._warning:
            self._warning = False
            self.warning_cancelled.emit()

    def seconds_left(self) -> int:
        # A tick a few milliseconds early must not show the same second twice.
        return max(0, math.ceil(self._deadline - time.monotonic() - 0.05))

    def _start_warning(self) -> None:
        if not self._active:
            return
        self._warning = True
        self._cursor = QCursor.pos()
        self._deadline = time.monotonic() + self.warning_ms / 1000
        self._tick.start()
        self.warning.emit(self.seconds_left())
        if self.warning_ms <= 0:
            self._count_down()

    def _count_down(self) -> None:
        if not self._warning:
            return
        left = self._deadline - time.monotonic()
        if left <= 0.0005:
            self._tick.stop()
            self._warning = False
            self._active = False
            self.idle.emit()
            return
        self.warning.emit(self.seconds_left())
        if left * 1000 < self._tick.interval():
            self._tick.start(max(1, int(left * 1000)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._active or event.type() not in _INPUT_EVENTS:
            return False
        moved = QCursor.pos() != self._cursor
        if self._warning and event.type() == QEvent.Type.MouseMove and not moved:
            return False  # Qt's own synthetic move (a widget appeared under the pointer)
        self._restart()
        return False


class IdleWarningBanner(QFrame):
    """A strip across the top of ``window`` with the countdown to the lock."""

    def __init__(self, window: QWidget, watcher: IdleWatcher) -> None:
        super().__init__(window)
        self.setObjectName("idleWarning")
        self.setProperty("role", "banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(translate("Vergrendelen", "Waarschuwing: de kluis gaat op slot"))
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.hide()
        watcher.warning.connect(self.show_seconds)
        watcher.warning_cancelled.connect(self.hide)
        watcher.idle.connect(self.hide)

    def show_seconds(self, seconds: int) -> None:
        self.label.setText(
            translate(
                "Vergrendelen",
                "Over {n} seconden gaat de kluis op slot, omdat er even niets gebeurde. "
                "Beweeg de muis of druk op een toets om verder te werken.",
            ).format(n=seconds)
        )
        parent = self.parentWidget()
        if parent is not None:
            width = parent.width()
            layout = self.layout()
            height = layout.totalHeightForWidth(width) if layout is not None else 0
            self.setGeometry(0, 0, width, max(height, self.sizeHint().height()))
        self.raise_()
        self.show()


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
