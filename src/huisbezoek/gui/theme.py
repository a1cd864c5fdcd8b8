"""Look and feel: the normal and the high-contrast theme, and text scaling from 100 to 200%.

Text scaling sets the application font's point size, so every widget without its own font
grows with it and layouts recompute their size hints. Headings get their size from the style
sheet, computed from the same scale, never from fixed pixels.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from huisbezoek.services.settings import Settings

# The text size at 100%: a little larger than most desktop defaults, for readers over 70.
BASE_POINT_SIZE = 11.0

_NORMAL_QSS = """
QWidget {{ font-size: {body}pt; }}
QLabel[role="heading"] {{ font-size: {h1}pt; font-weight: bold; }}
QLabel[role="subheading"] {{ font-size: {h2}pt; font-weight: bold; }}
QLabel[role="hint"] {{ color: {hint}; }}
QLabel[role="error"] {{ color: {error}; font-weight: bold; }}
QLabel[role="saved"] {{ color: {hint}; }}
QFrame[role="banner"] {{ background: {banner_bg}; border: 2px solid {banner_border}; }}
QFrame[role="banner"] QLabel {{ color: {banner_fg}; font-weight: bold; }}
QPushButton, QToolButton {{ padding: {pad}px {pad2}px; }}
QPushButton[role="primary"] {{ font-weight: bold; }}
QCheckBox::indicator, QRadioButton::indicator {{ width: {box}px; height: {box}px; }}
QPushButton[role="scale"] {{ padding: {pad}px {pad}px; min-width: 1.6em; }}
QPushButton[role="choice"] {{ min-width: 4em; }}
QPushButton[role="scale"]:checked, QPushButton[role="choice"]:checked,
QPushButton[role="notsaying"]:checked {{
    background: {checked_bg}; color: {checked_fg}; font-weight: bold;
    border: 2px solid {checked_border}; }}
QLineEdit:focus, QTextEdit:focus, QPlainTextEdit:focus, QSpinBox:focus, QComboBox:focus,
QDateEdit:focus, QDateTimeEdit:focus {{ border: 2px solid {focus}; }}
"""

_CONTRAST_EXTRA = """
QWidget {{ background: #ffffff; color: #000000; }}
QLineEdit, QTextEdit, QPlainTextEdit, QSpinBox, QComboBox, QDateEdit, QDateTimeEdit,
QListView, QTableView, QTreeView {{ border: 2px solid #000000; }}
QPushButton, QToolButton {{ border: 2px solid #000000; background: #ffffff; }}
QPushButton:focus, QToolButton:focus, QRadioButton:focus, QCheckBox:focus {{
    background: #ffff00; }}
QPushButton:checked, QToolButton:checked {{ background: #000000; color: #ffffff; }}
QHeaderView::section {{ background: #ffffff; border: 1px solid #000000; font-weight: bold; }}
QTableView::item:selected, QListView::item:selected {{ background: #000000; color: #ffffff; }}
"""


def scaled_point_size(settings: Settings) -> float:
    return BASE_POINT_SIZE * settings.text_scale / 100.0


def style_sheet(settings: Settings) -> str:
    body = scaled_point_size(settings)
    contrast = settings.high_contrast
    qss = _NORMAL_QSS.format(
        body=f"{body:.1f}",
        h1=f"{body * 1.5:.1f}",
        h2=f"{body * 1.2:.1f}",
        hint="#000000" if contrast else "#3b4a5a",
        error="#000000" if contrast else "#a40000",
        banner_bg="#ffff00" if contrast else "#fde3e1",
        banner_border="#000000" if contrast else "#a40000",
        banner_fg="#000000" if contrast else "#6b0000",
        pad=round(4 * settings.text_scale / 100),
        box=round(16 * settings.text_scale / 100),
        pad2=round(10 * settings.text_scale / 100),
        focus="#000000" if contrast else "#1f5fbf",
        checked_bg="#000000" if contrast else "#1f5fbf",
        checked_fg="#ffffff",
        checked_border="#000000" if contrast else "#123a75",
    )
    if contrast:
        qss += _CONTRAST_EXTRA.format()
    return qss


def palette(high_contrast: bool) -> QPalette:
    pal = QPalette()
    if not high_contrast:
        pal.setColor(QPalette.ColorRole.Window, QColor("#f4f6f8"))
        pal.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
        pal.setColor(QPalette.ColorRole.Text, QColor("#111111"))
        pal.setColor(QPalette.ColorRole.WindowText, QColor("#111111"))
        pal.setColor(QPalette.ColorRole.ButtonText, QColor("#111111"))
        pal.setColor(QPalette.ColorRole.Highlight, QColor("#1f5fbf"))
        pal.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
        return pal
    black, white = QColor("#000000"), QColor("#ffffff")
    for role in (
        QPalette.ColorRole.Window,
        QPalette.ColorRole.Base,
        QPalette.ColorRole.AlternateBase,
        QPalette.ColorRole.Button,
        QPalette.ColorRole.ToolTipBase,
    ):
        pal.setColor(role, white)
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.ToolTipText,
        QPalette.ColorRole.PlaceholderText,
        QPalette.ColorRole.Highlight,
    ):
        pal.setColor(role, black)
    pal.setColor(QPalette.ColorRole.HighlightedText, white)
    return pal


def apply_theme(app: QApplication, settings: Settings) -> None:
    """Apply text size and theme to the whole application (also to open windows)."""
    if app.style().name().lower() != "fusion":
        fusion = QStyleFactory.create("Fusion")
        if fusion is not None:
            app.setStyle(fusion)
    font = QFont(app.font())
    font.setPointSizeF(scaled_point_size(settings))
    app.setFont(font)
    app.setPalette(palette(settings.high_contrast))
    app.setStyleSheet(style_sheet(settings))
