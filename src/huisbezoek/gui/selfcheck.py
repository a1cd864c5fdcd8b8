"""The self-test's screen check: can Qt start here and draw our text with a real font?"""

from __future__ import annotations

import os


def check_qt() -> str:
    """Start Qt (offscreen when there is no display) and draw a line of text into an image."""
    if os.name == "posix" and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6 import __version__ as pyside_version
    from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter

    # A QGuiApplication is enough to prove the platform plugin and fonts load, and it also
    # works when the caller already made one (a widget would need a full QApplication).
    app = QGuiApplication.instance() or QGuiApplication([])
    image = QImage(240, 60, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(QFont(painter.font().family(), 18))
    painter.setPen(QColor("black"))
    painter.drawText(8, 40, QGuiApplication.translate("SelfCheck", "Huisbezoek werkt"))
    painter.end()
    inked = sum(
        1 for x in range(0, 240, 2) for y in range(0, 60, 2) if image.pixelColor(x, y).value() < 128
    )
    if inked == 0:
        raise RuntimeError("Qt drew no text")
    assert app is not None
    return f"Qt {pyside_version}, {QGuiApplication.platformName()}"
