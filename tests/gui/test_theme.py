"""Contrast (WCAG 2.2 AA), a visible focus ring and visibly disabled controls, in both themes.

Issue 14: high contrast was not high (empty check boxes #C8C8C8 on white, about 1.6:1, faint
scroll bars, grey placeholder text). The ratios are computed from the theme's own colours, for
every colour and palette role it sets; the focus ring and the disabled look are checked on
rendered widgets, the way a person sees them.
"""

from __future__ import annotations

import re
from dataclasses import fields

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from huisbezoek.gui import theme
from huisbezoek.services.settings import Settings


def luminance(colour: str) -> float:
    """Relative luminance (WCAG 2.2 definition) of ``#rrggbb``."""
    c = QColor(colour)

    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_contrast_formula_against_known_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the AA grey
    assert contrast("#c8c8c8", "#ffffff") == pytest.approx(1.67, abs=0.01)  # the old box edge


THEMES = {"normaal": False, "hoog contrast": True}


@pytest.mark.parametrize("high_contrast", THEMES.values(), ids=THEMES.keys())
def test_every_theme_colour_meets_wcag_aa(high_contrast):
    c = theme.colours(high_contrast)
    failures = []
    for fg, bg, need in theme.CONTRAST_PAIRS:
        ratio = contrast(getattr(c, fg), getattr(c, bg))
        if ratio < need:
            failures.append(f"{fg} {getattr(c, fg)} on {bg} {getattr(c, bg)}: {ratio:.2f}")
    assert not failures, failures
    # Every colour the theme sets is in at least one checked pair.
    checked = {name for fg, bg, _ in theme.CONTRAST_PAIRS for name in (fg, bg)}
    assert {f.name for f in fields(c)} <= checked


@pytest.mark.parametrize("high_contrast", THEMES.values(), ids=THEMES.keys())
def test_style_sheet_uses_only_theme_colours(high_contrast):
    """No colour slips into the style sheet past the contrast check."""
    qss = theme.style_sheet(Settings(high_contrast=high_contrast))
    used = {m.lower() for m in re.findall(r"#[0-9a-fA-F]{6}\b", qss)}
    allowed = {v.lower() for v in vars(theme.colours(high_contrast)).values()}
    assert used and used <= allowed, used - allowed


@pytest.mark.parametrize("high_contrast", THEMES.values(), ids=THEMES.keys())
def test_every_palette_role_meets_wcag_aa(high_contrast):
    pal = theme.palette(high_contrast)
    group = QPalette.ColorGroup.Active
    roles_set = {
        role
        for role in QPalette.ColorRole
        if role is not QPalette.ColorRole.NColorRoles and pal.isBrushSet(group, role)
    }
    covered = set()
    for pairs, need in ((theme.PALETTE_PAIRS, 4.5), (theme.PALETTE_EDGES, 3.0)):
        for fg, bg in pairs:
            ratio = contrast(pal.color(group, fg).name(), pal.color(group, bg).name())
            assert ratio >= need, (fg, bg, ratio)
            covered |= {fg, bg}
    assert roles_set <= covered, roles_set - covered
    # Disabled text is greyed, still readable, and differs from enabled text.
    off, on = QPalette.ColorGroup.Disabled, QPalette.ColorGroup.Active
    for role, back in (
        (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
        (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
        (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
    ):
        assert pal.color(off, role) != pal.color(on, role)
        assert contrast(pal.color(off, role).name(), pal.color(off, back).name()) >= 4.5


@pytest.fixture(params=list(THEMES.values()), ids=list(THEMES.keys()))
def themed(request, qapp):
    theme.apply_theme(qapp, Settings(high_contrast=request.param))
    yield theme.colours(request.param)
    theme.apply_theme(qapp, Settings())


def count_colour(image: QImage, colour: str, tolerance: int = 40) -> int:
    want = QColor(colour)
    n = 0
    for y in range(image.height()):
        for x in range(image.width()):
            px = image.pixelColor(x, y)
            if (
                abs(px.red() - want.red())
                + abs(px.green() - want.green())
                + abs(px.blue() - want.blue())
                <= tolerance
            ):
                n += 1
    return n


def build_controls():
    box = QWidget()
    layout = QVBoxLayout(box)
    controls = [
        QPushButton("Volgend onderwerp"),
        QCheckBox("Partner"),
        QRadioButton("Met mijn partner"),
        QLineEdit("Bernard"),
        QComboBox(),
        QListWidget(),
    ]
    controls[4].addItems(["Alle wijken", "Centrum"])
    controls[5].addItems(["Kennismaking", "Gezondheid"])
    for w in controls:
        layout.addWidget(w)
    return box, controls


def test_focus_ring_is_clearly_visible(qtbot, themed):
    """The focused control gains a ring of the focus colour at least 2 pixels wide all round."""
    box, controls = build_controls()
    qtbot.addWidget(box)
    box.resize(420, 420)
    box.show()
    box.activateWindow()
    qtbot.waitExposed(box)
    for w in controls:
        other = controls[0] if w is not controls[0] else controls[1]
        other.setFocus()
        qtbot.waitUntil(lambda other=other: QApplication.focusWidget() is other)
        before = count_colour(w.grab().toImage(), themed.focus)
        w.setFocus()
        qtbot.waitUntil(lambda w=w: QApplication.focusWidget() is w)
        after = count_colour(w.grab().toImage(), themed.focus)
        perimeter = 2 * (w.width() + w.height())
        assert after - before >= 1.5 * perimeter, (type(w).__name__, before, after, perimeter)


def darkest(image: QImage) -> int:
    return min(
        image.pixelColor(x, y).lightness()
        for y in range(image.height())
        for x in range(image.width())
    )


def test_disabled_controls_look_disabled(qtbot, themed):
    """Disabled: no full-strength text any more, and the picture differs from the enabled one."""
    box, controls = build_controls()
    qtbot.addWidget(box)
    box.resize(420, 420)
    box.show()
    qtbot.waitExposed(box)
    focusless = QPushButton("x")
    box.layout().addWidget(focusless)
    focusless.setFocus()
    for w in controls[:5]:
        enabled = w.grab().toImage()
        w.setEnabled(False)
        disabled = w.grab().toImage()
        w.setEnabled(True)
        assert enabled != disabled, type(w).__name__
        assert darkest(disabled) > darkest(enabled) + 20, (
            type(w).__name__,
            darkest(enabled),
            darkest(disabled),
        )
    edit = controls[3]
    edit.setReadOnly(True)
    edit.style().unpolish(edit)
    edit.style().polish(edit)
    assert darkest(edit.grab().toImage()) > 20


def test_empty_check_box_edge_has_contrast(qtbot, themed):
    """The empty box itself (Fusion drew it #C8C8C8-ish): its darkest edge pixels are 3:1."""
    box = QCheckBox("Familie")
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    image = box.grab().toImage()
    edge = QColor(themed.border)
    assert count_colour(image, themed.border, tolerance=60) >= 20
    assert contrast(edge.name(), themed.window) >= 3.0
