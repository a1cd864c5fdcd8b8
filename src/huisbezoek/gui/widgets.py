"""Small building blocks shared by the screens: headings, hints, busy indicator, banners."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from huisbezoek.gui.i18n import translate


class WrapLabel(QLabel):
    """A word-wrapping label that claims the height its text needs at its current width.

    Qt lays out wrapped labels from a guessed width; inside stacked pages and scroll areas
    that guess can leave the last lines cut off at large text sizes.
    """

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.wordWrap():
            needed = self.heightForWidth(self.width())
            if needed > 0 and needed != self.minimumHeight():
                self.setMinimumHeight(needed)

    def setText(self, text: str) -> None:
        super().setText(text)
        if self.wordWrap() and self.width() > 1:
            needed = self.heightForWidth(self.width())
            if needed > 0:
                self.setMinimumHeight(needed)


class PageStack(QStackedWidget):
    """A stacked widget as small as the page it shows, not as its biggest page.

    Qt's own asks for the largest minimum of all its pages; on a small screen (1366x768 at
    200% display scaling is 683x384) a hidden page then pushes the visible one's buttons
    below the window's edge.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _i: self.updateGeometry())

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()


def heading(text: str, role: str = "heading") -> QLabel:
    label = WrapLabel(text)
    label.setProperty("role", role)
    label.setWordWrap(True)
    label.setAccessibleName(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def hint(text: str = "") -> QLabel:
    label = WrapLabel(text)
    label.setProperty("role", "hint")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def error_label() -> QLabel:
    label = WrapLabel()
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setVisible(False)
    return label


def set_role(widget: QWidget, role: str) -> None:
    """Change a style role at run time (Qt needs a re-polish to notice)."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def show_message(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


class BusyIndicator(QProgressBar):
    """An endless bar for work of unknown length, such as unlocking."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.setRange(0, 0)
        self.setTextVisible(False)
        self.setAccessibleName(text)
        self.setMaximumHeight(12)
        self.setVisible(False)


class Banner(QFrame):
    """A clear coloured strip, e.g. for a signal that needs action during the visit."""

    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.setProperty("role", "banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)


def password_field(accessible_name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(accessible_name)
    field.setMinimumWidth(320)
    return field


def button(text: str, *, primary: bool = False) -> QPushButton:
    b = QPushButton(text)
    if primary:
        b.setProperty("role", "primary")
        b.setDefault(True)
        b.setAutoDefault(True)
    return b


def page(*widgets: QWidget, margin: int = 24) -> tuple[QWidget, QVBoxLayout]:
    w = QWidget()
    layout = QVBoxLayout(w)
    layout.setContentsMargins(margin, margin, margin, margin)
    layout.setSpacing(12)
    for child in widgets:
        layout.addWidget(child)
    return w, layout


class _Column(QWidget):
    """Limits its child to about ``chars`` characters wide, in the current font size."""

    def __init__(self, inner: QWidget, chars: int) -> None:
        super().__init__()
        self.inner = inner
        self.chars = chars
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addStretch(1)
        layout.addWidget(inner, 100)
        layout.addStretch(1)
        self._fit()

    def _fit(self) -> None:
        self.inner.setMaximumWidth(self.inner.fontMetrics().averageCharWidth() * self.chars)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (event.Type.FontChange, event.Type.StyleChange):
            self._fit()

    def showEvent(self, event) -> None:
        self._fit()
        super().showEvent(event)


def centered(inner: QWidget, chars: int = 80) -> QWidget:
    """Keep a form readable on a wide screen: a column of limited width in the middle."""
    return _Column(inner, chars)


def yes_no_text(value: bool) -> str:
    return translate("Algemeen", "ja") if value else translate("Algemeen", "nee")


def enum_data(combo: QComboBox, enum_cls: Any) -> Any:
    """The combo box's item data as ``enum_cls`` (Qt hands enum members back as plain values)."""
    value = combo.currentData()
    return None if value is None else enum_cls(value)


class FlowLayout(QLayout):
    """Lays out items in rows and wraps to the next row when the width runs out.

    Used for rows of buttons: at 200% text (or in a longer language) they wrap instead of
    making the window wider than the screen.
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._do_layout(QRect(0, 0, width, 0), test_only=True)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._do_layout(rect, test_only=False)

    def sizeHint(self) -> QSize:
        width = height = 0
        for item in self._items:
            hint = item.sizeHint()
            width += hint.width() + self._spacing
            height = max(height, hint.height())
        return QSize(max(0, width - self._spacing), height)

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _do_layout(self, rect: QRect, *, test_only: bool) -> int:
        x, y, line_height = rect.x(), rect.y(), 0
        for item in self._items:
            widget, parent = item.widget(), self.parentWidget()
            if widget is not None and parent is not None and not widget.isVisibleTo(parent):
                continue
            hint = item.sizeHint()
            next_x = x + hint.width() + self._spacing
            if next_x - self._spacing > rect.right() + 1 and line_height > 0:
                x = rect.x()
                y += line_height + self._spacing
                next_x = x + hint.width() + self._spacing
                line_height = 0
            if not test_only:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x = next_x
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y()


def button_row(*buttons: QWidget, right: tuple[QWidget, ...] = ()) -> QWidget:
    """Buttons that wrap onto a new line when there is no room (see :class:`FlowLayout`)."""
    box = QWidget()
    flow = FlowLayout(box)
    for b in (*buttons, *right):
        flow.addWidget(b)
    return box


def scrolling(inner: QWidget) -> QScrollArea:
    """``inner`` in a frameless scroll area, vertically centred while it fits: a tall page
    (200% text, a long translation) scrolls instead of being cut off."""
    holder = QWidget()
    col = QVBoxLayout(holder)
    col.addStretch(1)
    col.addWidget(inner)
    col.addStretch(2)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    # Not a Tab stop of its own: the fields inside take the focus, and the area scrolls to
    # whichever has it.
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setWidget(holder)
    return area


def table(headers: list[str], name: str) -> QTableWidget:
    """A read-only table of whole rows, one selectable at a time, for lists of plain text."""
    result = QTableWidget(0, len(headers))
    result.setHorizontalHeaderLabels(headers)
    result.setObjectName(name)
    result.setAccessibleDescription(translate("Algemeen", "Pijltjes: door de rijen en kolommen."))
    result.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    result.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    result.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    result.horizontalHeader().setStretchLastSection(True)
    result.verticalHeader().setVisible(False)
    # Tab leaves the table for the buttons under it; the arrows move through the rows.
    result.setTabKeyNavigation(False)
    return result


def fill_table(target: QTableWidget, rows: list[list[str]]) -> None:
    """Replace the rows of a :func:`table` with ``rows`` (text per column)."""
    target.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            target.setItem(r, c, QTableWidgetItem(value))
    target.resizeColumnsToContents()
