"""Translation for the screens: ``tr()`` over Qt's translator, Dutch as the source language.

Every visible string goes through :func:`tr` so a translator can pick it up with
``pyside6-lupdate``. For layout tests a pseudo-translation stretches every string (like Vorta's
``TRANS_SCALE``): set ``HUISBEZOEK_PSEUDO_STRETCH=1.4`` or call :func:`install_pseudo_translator`.
Placeholders (``{name}``, ``%1``) are kept as they are, so formatting never breaks.
"""

from __future__ import annotations

import contextlib
import os
import re

from PySide6.QtCore import QCoreApplication, QTranslator

ENV_PSEUDO = "HUISBEZOEK_PSEUDO_STRETCH"

_PLACEHOLDER = re.compile(r"(\{[^{}]*\}|%\d+|&&|&)")


def tr(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """The text for the screen, translated when a translator is installed."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def stretch(text: str, factor: float) -> str:
    """A pseudo-translation: the same words, longer by ``factor``, placeholders untouched."""
    if factor <= 1.0 or not text:
        return text
    plain_len = len(_PLACEHOLDER.sub("", text))
    extra = round(plain_len * (factor - 1.0))
    if extra <= 0:
        return text
    # Stretch the first line only: multi-line texts keep their line breaks.
    first, sep, rest = text.partition("\n")
    return f"{first} {'ẍ' * max(extra - 1, 1)}{sep}{rest}"


class PseudoTranslator(QTranslator):
    """Makes every string longer, to find layouts that clip when a language needs more room."""

    def __init__(self, factor: float, parent=None) -> None:
        super().__init__(parent)
        self.factor = factor

    def isEmpty(self) -> bool:
        return False

    def translate(self, context, source_text, disambiguation=None, n=-1):
        return stretch(source_text, self.factor)


def install_pseudo_translator(factor: float) -> PseudoTranslator:
    app = QCoreApplication.instance()
    assert app is not None
    translator = PseudoTranslator(factor, app)
    app.installTranslator(translator)
    return translator


def install_translators() -> None:
    """Install the translators the environment asks for (only the pseudo one for now)."""
    factor = os.environ.get(ENV_PSEUDO)
    if factor:
        with contextlib.suppress(ValueError):
            install_pseudo_translator(float(factor))
