"""Look and feel: the normal and the high-contrast theme, and text scaling from 100 to 200%.

Text scaling sets the application font's point size, so every widget without its own font
grows with it and layouts recompute their size hints. Headings get their size from the style
sheet, computed from the same scale, never from fixed pixels.

Every colour a theme uses is a field of :class:`Colours`; :data:`CONTRAST_PAIRS` says which
colour is read against which, and the tests compute the WCAG 2.2 contrast of each pair (text
4.5:1, borders, check boxes, scroll bars and the focus ring 3:1). The focus ring is a thick
border in every theme (and a yellow background in high contrast); disabled and read-only
controls get grey text and a dashed border in every theme.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory

from huisbezoek import paths
from huisbezoek.services.settings import Settings

# The text size at 100%: a little larger than most desktop defaults, for readers over 70.
BASE_POINT_SIZE = 11.0


@dataclass(frozen=True)
class Colours:
    window: str  # page background
    base: str  # background of fields and lists
    text: str
    hint: str
    error: str
    placeholder: str
    button: str
    button_text: str
    border: str  # the edge of fields, buttons, check boxes
    focus: str  # the focus ring
    focus_on_checked: str  # the focus ring on a chosen (dark) answer button
    highlight: str  # selected row
    highlighted_text: str
    checked_bg: str  # a chosen answer button
    checked_fg: str
    banner_bg: str
    banner_fg: str
    banner_border: str
    disabled_text: str
    disabled_bg: str
    disabled_border: str
    link: str
    scroll_handle: str
    scroll_groove: str
    tooltip_bg: str
    tooltip_text: str


NORMAL = Colours(
    window="#f4f6f8",
    base="#ffffff",
    text="#111111",
    hint="#3b4a5a",
    error="#a40000",
    placeholder="#56606b",
    button="#ffffff",
    button_text="#111111",
    border="#66717d",
    focus="#000000",
    focus_on_checked="#ffd24d",
    highlight="#1f5fbf",
    highlighted_text="#ffffff",
    checked_bg="#1f5fbf",
    checked_fg="#ffffff",
    banner_bg="#fde3e1",
    banner_fg="#6b0000",
    banner_border="#a40000",
    disabled_text="#5e656d",
    disabled_bg="#e4e7eb",
    disabled_border="#7a838c",
    link="#0b4aa8",
    scroll_handle="#66717d",
    scroll_groove="#f4f6f8",
    tooltip_bg="#ffffdc",
    tooltip_text="#111111",
)

HIGH_CONTRAST = Colours(
    window="#ffffff",
    base="#ffffff",
    text="#000000",
    hint="#000000",
    error="#000000",
    placeholder="#3d3d3d",
    button="#ffffff",
    button_text="#000000",
    border="#000000",
    focus="#000000",
    focus_on_checked="#ffff00",
    highlight="#000000",
    highlighted_text="#ffffff",
    checked_bg="#000000",
    checked_fg="#ffffff",
    banner_bg="#ffff00",
    banner_fg="#000000",
    banner_border="#000000",
    disabled_text="#4d4d4d",
    disabled_bg="#ffffff",
    disabled_border="#4d4d4d",
    link="#00008b",
    scroll_handle="#000000",
    scroll_groove="#ffffff",
    tooltip_bg="#ffffff",
    tooltip_text="#000000",
)

#: (foreground, background, minimum contrast): every colour read against another. Text 4.5:1;
#: borders, indicators, scroll bars, selection and the focus ring 3:1 (WCAG 2.2 AA, 1.4.3 and
#: 1.4.11). Disabled text is held to 4.5:1 too: greyed out must still be readable.
CONTRAST_PAIRS: tuple[tuple[str, str, float], ...] = (
    ("text", "window", 4.5),
    ("text", "base", 4.5),
    ("hint", "window", 4.5),
    ("hint", "base", 4.5),
    ("error", "window", 4.5),
    ("error", "base", 4.5),
    ("placeholder", "base", 4.5),
    ("button_text", "button", 4.5),
    ("highlighted_text", "highlight", 4.5),
    ("checked_fg", "checked_bg", 4.5),
    ("banner_fg", "banner_bg", 4.5),
    ("disabled_text", "disabled_bg", 4.5),
    ("disabled_text", "window", 4.5),
    ("link", "base", 4.5),
    ("tooltip_text", "tooltip_bg", 4.5),
    ("border", "window", 3.0),
    ("border", "base", 3.0),
    ("banner_border", "window", 3.0),
    ("focus", "window", 3.0),
    ("focus", "base", 3.0),
    ("focus", "button", 3.0),
    ("focus_on_checked", "checked_bg", 3.0),
    ("highlight", "base", 3.0),
    ("checked_bg", "window", 3.0),
    ("disabled_border", "disabled_bg", 3.0),
    ("scroll_handle", "scroll_groove", 3.0),
    ("scroll_handle", "window", 3.0),
)

#: Border widths in pixels at 100%: normal edge, focus ring.
EDGE, RING = 1, 3

_QSS = """
QWidget {{ font-size: {body}pt; }}
QLabel[role="heading"] {{ font-size: {h1}pt; font-weight: bold; }}
QLabel[role="subheading"] {{ font-size: {h2}pt; font-weight: bold; }}
QLabel[role="hint"] {{ color: {hint}; }}
QLabel[role="error"] {{ color: {error}; font-weight: bold; }}
QLabel[role="saved"] {{ color: {hint}; }}
QFrame[role="banner"] {{ background: {banner_bg}; border: 2px solid {banner_border}; }}
QFrame[role="banner"] QLabel {{ color: {banner_fg}; font-weight: bold; }}
QToolTip {{ background: {tooltip_bg}; color: {tooltip_text}; border: 1px solid {border}; }}

QPushButton, QToolButton {{
    background: {button}; color: {button_text};
    border: {edge}px solid {border}; border-radius: 4px;
    padding: {pad}px {pad2}px; }}
QPushButton:focus, QToolButton:focus {{
    border: {ring}px solid {focus}; padding: {pad_f}px {pad2_f}px; {focus_extra} }}
QPushButton[role="primary"] {{ font-weight: bold; }}
QPushButton[role="scale"] {{ padding: {pad}px 4px; min-width: 1em; }}
QPushButton[role="scale"]:focus {{ padding: {pad_f}px 2px; }}
QPushButton[role="choice"] {{ min-width: 4em; }}
QPushButton:checked, QToolButton:checked {{
    background: {checked_bg}; color: {checked_fg}; border-color: {checked_bg}; }}
QPushButton:checked:focus, QToolButton:checked:focus {{ border-color: {focus_on_checked}; }}
QPushButton:disabled, QToolButton:disabled {{
    color: {disabled_text}; background: {disabled_bg};
    border: {edge}px dashed {disabled_border}; padding: {pad}px {pad2}px; }}
QPushButton:checked:disabled {{
    color: {checked_fg}; background: {disabled_text}; border: {edge}px dashed {disabled_border}; }}

QLineEdit, QPlainTextEdit, QTextEdit, QSpinBox, QComboBox, QDateEdit, QDateTimeEdit {{
    background: {base};
    border: {edge}px solid {border}; border-radius: 3px; padding: {pad_in}px; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QSpinBox:focus, QComboBox:focus,
QDateEdit:focus, QDateTimeEdit:focus {{
    border: {ring}px solid {focus}; padding: {pad_in_f}px; {focus_extra} }}
QComboBox::drop-down {{ border: none; border-left: 1px solid {border}; width: {drop}px; }}
QComboBox::down-arrow {{ image: url("{arrow}"); width: {arrow_size}px; height: {arrow_size}px; }}
QComboBox::down-arrow:disabled {{ image: url("{arrow_off}"); }}
QComboBox::drop-down:disabled {{ border-left: 1px dashed {disabled_border}; }}
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{
    width: {drop}px; border: none; border-left: 1px solid {border}; }}
QAbstractSpinBox::up-arrow {{
    image: url("{arrow_up}"); width: {arrow_size}px; height: {arrow_size}px; }}
QAbstractSpinBox::down-arrow {{
    image: url("{arrow}"); width: {arrow_size}px; height: {arrow_size}px; }}
QAbstractSpinBox::up-arrow:disabled {{ image: url("{arrow_up_off}"); }}
QAbstractSpinBox::down-arrow:disabled {{ image: url("{arrow_off}"); }}
QLineEdit:disabled, QPlainTextEdit:disabled, QTextEdit:disabled, QSpinBox:disabled,
QComboBox:disabled, QDateEdit:disabled, QDateTimeEdit:disabled,
QLineEdit[readOnly="true"], QPlainTextEdit[readOnly="true"], QTextEdit[readOnly="true"] {{
    color: {disabled_text}; background: {disabled_bg};
    border: {edge}px dashed {disabled_border}; padding: {pad_in}px; }}

QAbstractItemView {{
    background: {base}; border: {edge}px solid {border};
    gridline-color: {border}; selection-background-color: {highlight};
    selection-color: {highlighted_text}; }}
QAbstractItemView:focus {{ border: {ring}px solid {focus}; }}
QAbstractItemView:disabled {{ color: {disabled_text}; border: {edge}px dashed {disabled_border}; }}
QHeaderView::section {{
    background: {window}; color: {text}; border: none; border-right: 1px solid {border};
    border-bottom: 1px solid {border}; padding: 2px 4px; font-weight: bold; }}

QCheckBox, QRadioButton {{
    border: {ring}px solid transparent; border-radius: 4px; padding: 1px 1px; spacing: 6px; }}
QCheckBox:focus, QRadioButton:focus {{ border-color: {focus}; {focus_extra} }}
QCheckBox:disabled, QRadioButton:disabled {{ color: {disabled_text}; }}
QCheckBox::indicator, QRadioButton::indicator {{ width: {box}px; height: {box}px; }}

QScrollBar:vertical {{
    background: {scroll_groove}; width: {bar}px; border-left: 1px solid {border}; margin: 0; }}
QScrollBar:horizontal {{
    background: {scroll_groove}; height: {bar}px; border-top: 1px solid {border}; margin: 0; }}
QScrollBar::handle {{ background: {scroll_handle}; border-radius: 3px; margin: 2px; }}
QScrollBar::handle:vertical {{ min-height: {bar2}px; }}
QScrollBar::handle:horizontal {{ min-width: {bar2}px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0px; height: 0px; border: none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
"""


def colours(high_contrast: bool) -> Colours:
    return HIGH_CONTRAST if high_contrast else NORMAL


def scaled_point_size(settings: Settings) -> float:
    return BASE_POINT_SIZE * settings.text_scale / 100.0


def style_sheet(settings: Settings) -> str:
    body = scaled_point_size(settings)
    c = colours(settings.high_contrast)
    scale = settings.text_scale / 100
    pad, pad2, pad_in = round(4 * scale) + 1, round(10 * scale), round(2 * scale) + 1
    shift = RING - EDGE  # the focus ring is wider: the padding gives way so nothing moves
    return _QSS.format(
        body=f"{body:.1f}",
        h1=f"{body * 1.5:.1f}",
        h2=f"{body * 1.2:.1f}",
        edge=EDGE,
        ring=RING,
        pad=pad,
        pad2=pad2,
        pad_f=pad - shift,
        pad2_f=pad2 - shift,
        pad_in=pad_in,
        pad_in_f=pad_in - shift,
        box=round(16 * scale),
        bar=round(16 * scale),
        bar2=round(32 * scale),
        drop=round(20 * scale),
        arrow=(paths.resources_dir() / "icons" / "arrow-down.svg").as_posix(),
        arrow_off=(paths.resources_dir() / "icons" / "arrow-down-disabled.svg").as_posix(),
        arrow_up=(paths.resources_dir() / "icons" / "arrow-up.svg").as_posix(),
        arrow_up_off=(paths.resources_dir() / "icons" / "arrow-up-disabled.svg").as_posix(),
        arrow_size=round(12 * scale),
        focus_extra=f"background: {c.banner_bg};" if settings.high_contrast else "",
        **asdict(c),
    )


def palette(high_contrast: bool) -> QPalette:
    c = colours(high_contrast)
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: c.window,
        QPalette.ColorRole.WindowText: c.text,
        QPalette.ColorRole.Base: c.base,
        QPalette.ColorRole.AlternateBase: c.window,
        QPalette.ColorRole.Text: c.text,
        QPalette.ColorRole.PlaceholderText: c.placeholder,
        QPalette.ColorRole.Button: c.button,
        QPalette.ColorRole.ButtonText: c.button_text,
        QPalette.ColorRole.Highlight: c.highlight,
        QPalette.ColorRole.HighlightedText: c.highlighted_text,
        QPalette.ColorRole.ToolTipBase: c.tooltip_bg,
        QPalette.ColorRole.ToolTipText: c.tooltip_text,
        QPalette.ColorRole.Link: c.link,
        QPalette.ColorRole.Mid: c.border,
        QPalette.ColorRole.Dark: c.border,
    }
    for role, colour in roles.items():
        pal.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        pal.setColor(disabled, role, QColor(c.disabled_text))
    pal.setColor(disabled, QPalette.ColorRole.Base, QColor(c.disabled_bg))
    pal.setColor(disabled, QPalette.ColorRole.Button, QColor(c.disabled_bg))
    return pal


#: Which text role is read on which background role: the palette half of the contrast test.
PALETTE_PAIRS = (
    (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
    (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
    (QPalette.ColorRole.Text, QPalette.ColorRole.AlternateBase),
    (QPalette.ColorRole.PlaceholderText, QPalette.ColorRole.Base),
    (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
    (QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight),
    (QPalette.ColorRole.ToolTipText, QPalette.ColorRole.ToolTipBase),
    (QPalette.ColorRole.Link, QPalette.ColorRole.Base),
)
#: Edges and selection: 3:1 against the background they sit on.
PALETTE_EDGES = (
    (QPalette.ColorRole.Mid, QPalette.ColorRole.Window),
    (QPalette.ColorRole.Dark, QPalette.ColorRole.Base),
    (QPalette.ColorRole.Highlight, QPalette.ColorRole.Base),
)


class AppStyle(QProxyStyle):
    """Fusion, with check boxes and radio buttons drawn in the theme's colours.

    Fusion derives an empty check box's edge from the window colour (#C8C8C8-ish on white,
    about 1.6:1); here it is the theme's border colour, 2 pixels wide, dashed when disabled.
    """

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))
        self.colours = NORMAL

    def drawPrimitive(self, element, option, painter, widget=None) -> None:
        if element in (
            QStyle.PrimitiveElement.PE_IndicatorCheckBox,
            QStyle.PrimitiveElement.PE_IndicatorRadioButton,
        ):
            self._indicator(element, option, painter)
            return
        super().drawPrimitive(element, option, painter, widget)

    def _indicator(self, element, option, painter: QPainter) -> None:
        c = self.colours
        enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
        on = bool(option.state & QStyle.StateFlag.State_On)
        partial = bool(option.state & QStyle.StateFlag.State_NoChange)
        edge = QColor(c.border if enabled else c.disabled_border)
        mark = QColor(c.text if enabled else c.disabled_text)
        width = max(2.0, option.rect.height() / 9)
        rect = QRectF(option.rect).adjusted(width / 2, width / 2, -width / 2, -width / 2)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(edge, width)
        if not enabled:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(QColor(c.base if enabled else c.disabled_bg))
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.drawEllipse(rect)
            if on:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(mark)
                inner = rect.width() / 4
                painter.drawEllipse(rect.adjusted(inner, inner, -inner, -inner))
        else:
            painter.drawRoundedRect(rect, 2, 2)
            painter.setPen(QPen(mark, width * 1.3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            x, y, w, h = rect.x(), rect.y(), rect.width(), rect.height()
            if partial:
                painter.drawLine(QPointF(x + w * 0.25, y + h / 2), QPointF(x + w * 0.75, y + h / 2))
            elif on:
                path = QPainterPath(QPointF(x + w * 0.22, y + h * 0.52))
                path.lineTo(QPointF(x + w * 0.42, y + h * 0.74))
                path.lineTo(QPointF(x + w * 0.80, y + h * 0.28))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPath(path)
        painter.restore()


# One style object for the application's life; the theme only changes its colours.
_installed: dict[str, object] = {}


def app_style() -> AppStyle:
    style = _installed.get("style")
    if not isinstance(style, AppStyle):
        style = _installed["style"] = AppStyle()
    return style


def apply_theme(app: QApplication, settings: Settings) -> None:
    """Apply text size and theme to the whole application (also to open windows)."""
    style = app_style()
    style.colours = colours(settings.high_contrast)
    if _installed.get("app") is not app:
        app.setStyle(style)
        _installed["app"] = app
    font = QFont(app.font())
    font.setPointSizeF(scaled_point_size(settings))
    app.setFont(font)
    app.setPalette(palette(settings.high_contrast))
    app.setStyleSheet(style_sheet(settings))
