"""Small building blocks shared by the screens: headings, hints, busy indicator, banners."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from huisbezoek.gui.i18n import tr


def heading(text: str, role: str = "heading") -> QLabel:
    label = QLabel(text)
    label.setProperty("role", role)
    label.setWordWrap(True)
    label.setAccessibleName(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def hint(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "hint")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def error_label() -> QLabel:
    label = QLabel()
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
    return tr("Algemeen", "ja") if value else tr("Algemeen", "nee")


def enum_data(combo: QComboBox, enum_cls: Any) -> Any:
    """The combo box's item data as ``enum_cls`` (Qt hands enum members back as plain values)."""
    value = combo.currentData()
    return None if value is None else enum_cls(value)
