"""Keyboard behaviour for a group of answer buttons: one Tab stop, arrows move, Space chooses.

Used for every question whose answer is one of several buttons (yes/no, single choice, the
0-10 scale, check boxes) and for the pair "Wil ik niet zeggen" / "Niet gevraagd". As in a
REDCap or Enketo radio group: Tab and Shift+Tab enter and leave the group at one button (the
chosen one, else the one last used, else the first); the arrow keys, Home and End move the
focus inside it without choosing; Space chooses (Qt's own button behaviour). Moving never
answers: an arrow key pressed by mistake changes nothing in the vault.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractButton, QScrollArea, QWidget

_BACK = {Qt.Key.Key_Left, Qt.Key.Key_Up}
_FORWARD = {Qt.Key.Key_Right, Qt.Key.Key_Down}


class KeyGroup(QObject):
    """Gives ``buttons`` the keyboard behaviour described in the module docstring."""

    def __init__(
        self, buttons: Sequence[QAbstractButton], parent: QObject, *, follow_checked: bool = True
    ) -> None:
        super().__init__(parent)
        self.buttons = list(buttons)
        #: One-answer groups: Tab comes back to the chosen answer. Check boxes: to the last used.
        self.follow_checked = follow_checked
        self._anchor = 0
        for b in self.buttons:
            b.installEventFilter(self)
        self.update_tab_stop()

    def _usable(self) -> list[int]:
        usable = []
        for i, b in enumerate(self.buttons):
            parent = b.parentWidget()
            if b.isEnabled() and (parent is None or b.isVisibleTo(parent)):
                usable.append(i)
        return usable

    def anchor(self) -> QAbstractButton:
        """The one button Tab stops at."""
        return self.buttons[self._anchor]

    def update_tab_stop(self) -> None:
        """Make the chosen button (else the last used one) the group's only Tab stop."""
        checked = [i for i, b in enumerate(self.buttons) if b.isChecked()]
        if checked and self.follow_checked:
            self._anchor = checked[0]
        self._apply()

    def _apply(self) -> None:
        for i, b in enumerate(self.buttons):
            b.setFocusPolicy(
                Qt.FocusPolicy.StrongFocus if i == self._anchor else Qt.FocusPolicy.ClickFocus
            )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QAbstractButton) or watched not in self.buttons:
            return False
        kind = event.type()
        if kind == QEvent.Type.FocusIn:
            self._anchor = self.buttons.index(watched)
            self._apply()
            _scroll_into_view(watched)
            return False
        if kind == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:  # type: ignore[attr-defined]
                return False
            usable = self._usable()
            here = self.buttons.index(watched)
            if not usable or here not in usable:
                return False
            pos = usable.index(here)
            if key in _BACK:
                target = usable[max(pos - 1, 0)]
            elif key in _FORWARD:
                target = usable[min(pos + 1, len(usable) - 1)]
            elif key == Qt.Key.Key_Home:
                target = usable[0]
            elif key == Qt.Key.Key_End:
                target = usable[-1]
            else:
                return False
            self.buttons[target].setFocus(Qt.FocusReason.OtherFocusReason)
            return True  # handled: never let Qt's own arrow handling click a button
        return False


def _scroll_into_view(widget: QWidget) -> None:
    """Arrow keys move focus without Qt's Tab logic, which is what scrolls a page along."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget, 20, 20)
            return
        parent = parent.parentWidget()
