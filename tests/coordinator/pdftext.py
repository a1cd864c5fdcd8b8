"""Text of a PDF for assertions (pypdf)."""

from __future__ import annotations

import io

from pypdf import PdfReader


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)
