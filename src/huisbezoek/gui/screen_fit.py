"""Windows that fit the screen the volunteer has: 1366x768 with a taskbar, 1280x720, 200%.

A window opens at its last size when that still fits the screen's available area (the part
the taskbar leaves), else at its preferred size when that fits, else maximised. The title bar
and borders the window manager adds are not known before the window is shown, so a fixed
allowance is kept free for them.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSize, Qt
from PySide6.QtWidgets import QWidget

#: Room for the title bar and borders that the window manager adds around a window.
FRAME_ALLOWANCE = QSize(16, 40)


def fits(size: QSize, available: QRect) -> bool:
    """Whether a window of ``size`` (without its frame) fits ``available`` with its frame."""
    return (
        size.width() + FRAME_ALLOWANCE.width() <= available.width()
        and size.height() + FRAME_ALLOWANCE.height() <= available.height()
    )


def place_window(window: QWidget, preferred: QSize, stored: str | None = None) -> str:
    """Size and place ``window`` before it is shown; returns how: restored, preferred, maximised.

    ``stored`` is what :func:`saved_geometry` gave when the window last closed.
    """
    available = window.screen().availableGeometry()
    if stored:
        before = window.geometry()
        data = QByteArray.fromBase64(stored.encode("ascii"))
        if window.restoreGeometry(data) and (
            window.isMaximized()
            or (fits(window.size(), available) and available.contains(window.geometry()))
        ):
            return "maximised" if window.isMaximized() else "restored"
        window.setWindowState(Qt.WindowState.WindowNoState)
        window.setGeometry(before)
    if fits(preferred, available):
        window.resize(preferred)
        frame = QRect(0, 0, preferred.width(), preferred.height())
        frame.moveCenter(available.center())
        window.move(frame.topLeft())
        return "preferred"
    window.resize(
        available.width() - FRAME_ALLOWANCE.width(), available.height() - FRAME_ALLOWANCE.height()
    )
    window.move(available.topLeft())
    window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    return "maximised"


def saved_geometry(window: QWidget) -> str:
    return bytes(window.saveGeometry().toBase64().data()).decode("ascii")
