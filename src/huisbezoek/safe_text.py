"""Text from outside made safe to store, print and hand to a spreadsheet.

* ``clean_line``: one line of text (a name, a neighbourhood, a CSV field) with every control
  character removed (C0, DEL, C1, and the Unicode line and paragraph separators, which also
  break lines), so a file cannot clear a terminal with an escape sequence or forge an extra
  output line. Tabs and newlines become a space.
* ``clean_multiline``: the same, but newlines kept (notes).
* ``spreadsheet_cell``: the OWASP rule against formula injection for CSV made for Excel or
  LibreOffice: a text cell starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return
  gets a leading apostrophe, so the spreadsheet shows it as text instead of running it.
  A cell that is a plain number (``-2``, ``-3,5``, ``+31``) is left alone: it cannot call
  anything and the apostrophe would turn a number into text. ``-2+3`` is not a plain number.
"""

from __future__ import annotations

import re

# C0 controls, DEL, C1 controls, and U+2028/U+2029 (line/paragraph separators). Unicode
# bidi overrides (U+202A-U+202E, U+2066-U+2069) can make printed text read backwards.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_CONTROL_KEEP_NEWLINE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
_WHITESPACE_CONTROLS = re.compile("[\t\n\r\x0b\x0c\u2028\u2029]")

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def clean_line(text: str) -> str:
    """``text`` on one line without control characters (whitespace controls become a space)."""
    if not text:
        return ""
    spaced = _WHITESPACE_CONTROLS.sub(" ", text)
    return _CONTROL.sub("", spaced)


def clean_multiline(text: str) -> str:
    """``text`` without control characters, keeping line breaks (``\\r\\n`` becomes ``\\n``)."""
    if not text:
        return ""
    unified = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROL_KEEP_NEWLINE.sub("", unified)


def has_control(text: str) -> bool:
    """True when ``text`` holds a control character that ``clean_line`` would remove."""
    return bool(_CONTROL.search(text))


def spreadsheet_cell(value: object) -> object:
    """``value`` ready for a CSV made for a spreadsheet (see the module notes)."""
    if not isinstance(value, str) or not value:
        return value
    if value.startswith(FORMULA_PREFIXES) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


__all__ = [
    "FORMULA_PREFIXES",
    "clean_line",
    "clean_multiline",
    "has_control",
    "spreadsheet_cell",
]
