"""PDF inspection for the printing tests: text, font sizes, fonts, metadata (pypdf only)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import dataclass
from datetime import date

from pypdf import PdfReader
from pypdf.generic import ContentStream

from huisbezoek.printing import WELLBEING_DOMAINS, Agreement, Organisation, SummaryInput
from huisbezoek.printing.content import ServiceDirectory

ORG = Organisation(name="Welzijn Voorbeeldstad", phone="010-000 00 99")


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in reader(pdf).pages)


def flat(value: str) -> str:
    """Whitespace folded, so wrapped lines still match."""
    return " ".join(value.split())


@dataclass(frozen=True)
class Run:
    text: str
    size: float


def text_runs(pdf: bytes) -> list[Run]:
    """Every shown text with the font size it was set in (the Tf operand)."""
    runs: list[Run] = []
    for page in reader(pdf).pages:

        def visit(text: str, cm: object, tm: object, font: object, size: float) -> None:
            if text.strip():
                runs.append(Run(text, float(size)))

        page.extract_text(visitor_text=visit)
    return runs


def tf_sizes(pdf: bytes) -> list[float]:
    """Font sizes of every Tf operator in every page's content stream."""
    sizes: list[float] = []
    for _page, ops in _operations(pdf):
        sizes += [float(operands[1]) for operands, op in ops if op == b"Tf"]
    return sizes


def scaling_matrices(pdf: bytes) -> list[tuple[float, ...]]:
    """Any cm or Tm matrix that scales (which would make a Tf size lie about the real size)."""
    bad: list[tuple[float, ...]] = []
    for _, ops in _operations(pdf):
        for operands, op in ops:
            if op in (b"cm", b"Tm"):
                a, b, c, d = (float(x) for x in operands[:4])
                if abs(a * d - b * c) < 0.999:
                    bad.append((a, b, c, d))
    return bad


def _operations(pdf: bytes):  # type: ignore[no-untyped-def]
    doc = reader(pdf)
    for page in doc.pages:
        yield page, ContentStream(page.get_contents(), doc).operations


def fonts_of(pdf: bytes) -> dict[str, dict]:  # type: ignore[type-arg]
    """BaseFont -> font dictionary for every font any page uses."""
    found: dict[str, dict] = {}  # type: ignore[type-arg]
    for page in reader(pdf).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            found[str(font["/BaseFont"])] = font
    return found


def pdftotext(pdf: bytes) -> str | None:
    tool = shutil.which("pdftotext")
    if tool is None:
        return None
    return subprocess.run(
        [tool, "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode("utf-8")


def sample_summary(directory: ServiceDirectory, *, chart: bool = True) -> SummaryInput:
    return SummaryInput(
        visit_date=date(2026, 11, 23),
        volunteer_first_name="Anna",
        organisation=ORG,
        resident_name="mevrouw De Vries",
        topics=["Uw gezondheid", "Vallen en bewegen", "Contacten met anderen"],
        agreements=[
            Agreement("Bellen met de Cursus Stevig Staan", "U zelf", "Voor 1 december"),
            Agreement("Nog een keer langskomen", "Anna", "Over drie maanden"),
        ],
        contacts=[directory.service("stevig-staan"), directory.service("buurtkamer")],
        contacts_fictional=directory.fictional,
        wellbeing=dict(zip(WELLBEING_DOMAINS, [7, 5, 8, 6, None, 9], strict=True)),
        show_wellbeing_chart=chart,
    )


def words(value: str) -> set[str]:
    return set(re.findall(r"\w+", value.casefold()))
