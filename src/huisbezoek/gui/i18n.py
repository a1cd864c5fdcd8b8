"""Translation for the screens: ``translate(context, text)`` over Qt's translators.

Dutch is the source language. Every visible string goes through :func:`translate` with a
literal context and text, which is the form ``pyside6-lupdate`` extracts into
``resources/i18n/*.ts`` (``python3 dev.py translations``); a string kept elsewhere is marked with
:func:`QT_TRANSLATE_NOOP` where it is defined and translated where it is shown. English is the
second language; Qt's own Dutch translations make standard dialogs, calendars and buttons Dutch.

For layout tests a pseudo-translation stretches every string (like Vorta's ``TRANS_SCALE``):
set ``HUISBEZOEK_PSEUDO_STRETCH=1.4`` or call :func:`install_pseudo_translator`. Placeholders
(``{name}``, ``%1``) are kept as they are, so formatting never breaks.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from huisbezoek import paths

log = logging.getLogger(__name__)

ENV_PSEUDO = "HUISBEZOEK_PSEUDO_STRETCH"
#: The application's translations: ``resources/i18n/huisbezoek_<lang>.ts`` (committed, made by
#: ``pyside6-lupdate``) and the ``.qm`` files ``dev.py`` builds from them (``pyside6-lrelease``).
CATALOGUE = "huisbezoek"
SOURCE_LANGUAGE = "nl"
_LOCALES = {"nl": QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands),
            "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)}  # fmt: skip

_PLACEHOLDER = re.compile(r"(\{[^{}]*\}|%\d+|&&|&)")


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """The text for the screen in the chosen language (the Dutch source when none is loaded)."""
    return QCoreApplication.translate(context, text, disambiguation, n)


#: The former name, kept so code written before the rename still works. New code (and
#: lupdate, which reads ``tr(a, b)`` as source ``a`` with comment ``b``) uses ``translate``.
tr = translate


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for lupdate under ``context`` where it is defined; returns it unchanged."""
    return text


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


def translations_dir() -> Path:
    """Where the application's ``.qm`` files are (source checkout or bundle)."""
    return paths.resources_dir() / "i18n"


def qt_translations_dirs() -> list[Path]:
    """Where Qt's own translations (``qtbase_nl.qm``) may be: where Qt says, else beside PySide6
    (``Qt/translations`` in the Linux and macOS wheels and bundles, ``translations`` on Windows)."""
    import PySide6

    package = Path(PySide6.__file__).parent
    return [
        Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        package / "Qt" / "translations",
        package / "translations",
    ]


_installed: list[QTranslator] = []


def _load(app: QCoreApplication, name: str, folders: list[Path]) -> bool:
    translator = QTranslator(app)
    if not any(translator.load(name, str(folder)) for folder in folders):
        log.warning("translation %s not found", name)
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True


def install_translators(language: str = SOURCE_LANGUAGE) -> None:
    """Make the screens speak ``language`` ("nl" or "en"), Qt's own dialogs included.

    Dutch is the source, so it needs only Qt's own Dutch (file dialogs, calendars, standard
    buttons); English loads the application's English catalogue (Qt itself is English). Calling
    again replaces what an earlier call installed. ``HUISBEZOEK_PSEUDO_STRETCH`` adds the
    stretching pseudo-translation for layout tests.
    """
    app = QCoreApplication.instance()
    if app is None:
        return
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    language = language if language in _LOCALES else SOURCE_LANGUAGE
    QLocale.setDefault(_LOCALES[language])
    if language == "nl":
        _load(app, "qtbase_nl", qt_translations_dirs())
    else:
        _load(app, f"{CATALOGUE}_{language}", [translations_dir()])
    factor = os.environ.get(ENV_PSEUDO)
    if factor:
        with contextlib.suppress(ValueError):
            _installed.append(install_pseudo_translator(float(factor)))
