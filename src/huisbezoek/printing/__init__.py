"""Printed documents: leaflets, the resident summary, the recovery-key sheet (reportlab).

Qt-free. Every ``render_*`` returns PDF bytes made in memory; the caller prints them or, when
the volunteer chooses "save as PDF", writes them with ``save_pdf`` (atomic, private mode).
"""

from __future__ import annotations

from pathlib import Path

from huisbezoek.errors import UserError
from huisbezoek.fsutil import atomic_write

from .builder import DocumentBuilder, LargePrintStyles, Organisation, styles
from .content import (
    Leaflet,
    LeafletContacts,
    LeafletSection,
    Service,
    ServiceDirectory,
    ServiceKind,
    SignalLike,
    leaflet_contacts,
    load_directory,
    load_leaflets,
    long_sentences,
    service_kind,
    stale_services,
    suggest_leaflets,
)
from .errors import PrintInputError, ResourceFileError, SavePdfError
from .fonts import missing_glyphs
from .leaflets import prerender_leaflets, render_leaflet
from .recovery import render_recovery_sheet
from .summary import (
    EXAMPLE_MARK,
    WELLBEING_DOMAINS,
    Agreement,
    Referral,
    SummaryInput,
    date_nl,
    render_summary,
    summary_title,
)


def save_pdf(path: Path, pdf: bytes) -> None:
    """Write PDF bytes the volunteer chose to save: atomically, readable by the owner only.
    A folder that cannot take it gives :class:`SavePdfError` (a full disk: ``DiskFullError``)."""
    try:
        atomic_write(Path(path), pdf)
    except UserError:
        raise
    except OSError as exc:  # the log gets the kind only: a file name may name the resident
        raise SavePdfError.for_folder(Path(path).parent, exc) from exc


__all__ = [
    "EXAMPLE_MARK",
    "WELLBEING_DOMAINS",
    "Agreement",
    "DocumentBuilder",
    "LargePrintStyles",
    "Leaflet",
    "LeafletContacts",
    "LeafletSection",
    "Organisation",
    "PrintInputError",
    "Referral",
    "ResourceFileError",
    "SavePdfError",
    "Service",
    "ServiceDirectory",
    "ServiceKind",
    "SignalLike",
    "SummaryInput",
    "date_nl",
    "leaflet_contacts",
    "load_directory",
    "load_leaflets",
    "long_sentences",
    "missing_glyphs",
    "prerender_leaflets",
    "render_leaflet",
    "render_recovery_sheet",
    "render_summary",
    "save_pdf",
    "service_kind",
    "stale_services",
    "styles",
    "suggest_leaflets",
    "summary_title",
]
