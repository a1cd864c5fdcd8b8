"""Registers the shipped Atkinson Hyperlegible fonts with reportlab, once per process."""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from huisbezoek.paths import resources_dir

from .errors import ResourceFileError

REGULAR = "AtkinsonHyperlegible"
BOLD = "AtkinsonHyperlegible-Bold"
ITALIC = "AtkinsonHyperlegible-Italic"
BOLD_ITALIC = "AtkinsonHyperlegible-BoldItalic"

_FILES = {
    REGULAR: "AtkinsonHyperlegible-Regular.ttf",
    BOLD: "AtkinsonHyperlegible-Bold.ttf",
    ITALIC: "AtkinsonHyperlegible-Italic.ttf",
    BOLD_ITALIC: "AtkinsonHyperlegible-BoldItalic.ttf",
}

_lock = threading.Lock()
_registered = False


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def register_fonts() -> None:
    """Make the family known to reportlab; parsing the TTF files happens only the first time.

    Also the one place for process-wide reportlab settings, since every document comes here.
    """
    global _registered  # noqa: PLW0603 - a process-wide, idempotent registration
    if _registered:
        return
    with _lock:
        if _registered:
            return
        # Streams are Flate-compressed either way; the extra ASCII85 layer (on by default for
        # 7-bit mail transport) only makes files a quarter larger and costs render time.
        rl_config.useA85 = 0
        folder = fonts_dir()
        for name, filename in _FILES.items():
            path = folder / filename
            try:
                # TTFont subsets and embeds by default: only the glyphs used end up in a PDF.
                pdfmetrics.registerFont(TTFont(name, str(path)))
            except OSError as exc:
                raise ResourceFileError.for_file(
                    path, "font file missing or unreadable", "het lettertype ontbreekt"
                ) from exc
        # So <b> and <i> in paragraphs pick the right face of the family.
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, ITALIC)
        addMapping(REGULAR, 1, 1, BOLD_ITALIC)
        _registered = True


def missing_glyphs(value: str) -> str:
    """Characters of ``value`` the font cannot draw (they would print as blanks), in order.

    Lets a screen warn before printing a name in, say, Chinese script or with an emoji.
    """
    register_fonts()
    face = pdfmetrics.getFont(REGULAR).face
    missing = (
        ch
        for ch in value
        if ch.isprintable() and not ch.isspace() and ord(ch) not in face.charToGlyph
    )
    return "".join(dict.fromkeys(missing))
