"""Value inputs ignore the mouse wheel unless they have keyboard focus; the page scrolls instead.

One application-wide event filter, installed when the application starts, covers every combo
box, spin box, date/time edit and slider in every screen and dialog (no per-widget code). A
volunteer scrolling a long page with the wheel would otherwise change whatever input happens to
pass under the pointer (a consent method, a date) without noticing.

Two parts: a guarded input never takes focus from the wheel (``Qt.WheelFocus`` becomes
``Qt.StrongFocus`` when the widget is polished), and a wheel event over a guarded input without
focus is handed to the nearest scroll area around it, so the page scrolls as over any label.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollBar,
    QWidget,
)

#: Widgets whose value a wheel would change. Scroll bars are sliders too, but scrolling them
#: is what the wheel is for.
GUARDED = (QComboBox, QAbstractSpinBox, QAbstractSlider)


def is_guarded(widget: QObject) -> bool:
    return isinstance(widget, GUARDED) and not isinstance(widget, QScrollBar)


def _has_focus(widget: QWidget) -> bool:
    if widget.hasFocus():
        return True
    focus = QApplication.focusWidget()
    return focus is not None and widget.isAncestorOf(focus)


def _scroll_area_of(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and not is_guarded(parent):
            return parent
        parent = parent.parentWidget()
    return None


class WheelGuard(QObject):
    """The event filter; see the module docstring."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish and is_guarded(watched):
            assert isinstance(watched, QWidget)
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            return False
        if kind != QEvent.Type.Wheel or not is_guarded(watched):
            return False
        assert isinstance(watched, QWidget) and isinstance(event, QWheelEvent)
        if _has_focus(watched):
            return False
        area = _scroll_area_of(watched)
        if area is not None:
            viewport = area.viewport()
            local = viewport.mapFromGlobal(event.globalPosition().toPoint())
            forwarded = QWheelEvent(
                local.toPointF(),
                event.globalPosition(),
                event.pixelDelta(),
                event.angleDelta(),
                event.buttons(),
                event.modifiers(),
                event.phase(),
                event.inverted(),
                event.source(),
            )
            QCoreApplication.sendEvent(viewport, forwarded)
        event.accept()
        return True  # the input itself never sees it


def install_wheel_guard() -> WheelGuard:
    """Install the guard on the running application once; returns it."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install the wheel guard after creating the QApplication")
    guard = app.findChild(WheelGuard)
    if guard is None:
        guard = WheelGuard(app)
        app.installEventFilter(guard)
    return guard
