"""The large-print document builder every printed document uses, so the print rules live here.

Rules (from the architecture notes): A4, body at least 14 pt, headings at least 18 pt, line
spacing at least 1.4, left aligned, black on white, no text over images, the embedded Atkinson
Hyperlegible font, title, author and language (nl-NL) in the PDF, "Pagina 1 van 2" on every
page. Documents are rendered into memory: personal data never touches the disk unencrypted, so
the caller decides what happens to the bytes.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
)
from reportlab.platypus.paragraph import cleanBlockQuotedText

from . import fonts

LANGUAGE = "nl-NL"
PAGE_SIZE = A4
MARGIN_LEFT = 22 * mm
MARGIN_RIGHT = 20 * mm
MARGIN_TOP = 18 * mm
MARGIN_BOTTOM = 24 * mm  # room for the page number

BODY_SIZE = 14.0
HEADING_SIZE = 20.0
TITLE_SIZE = 26.0
FOOTER_SIZE = 14.0  # page numbers are read too
MIN_LEADING_RATIO = 1.4
BODY_LEADING = 21.0  # 1.5 x 14 pt
INK = colors.black

FRAME_WIDTH = PAGE_SIZE[0] - MARGIN_LEFT - MARGIN_RIGHT
# What a fresh page offers a flowable (platypus frames pad 6 pt on each side).
FULL_FRAME_HEIGHT = PAGE_SIZE[1] - MARGIN_TOP - MARGIN_BOTTOM - 12


@dataclass(frozen=True, slots=True)
class Organisation:
    """Who prints the document: named as the PDF's author and on the page."""

    name: str
    phone: str


@dataclass(frozen=True, slots=True)
class LargePrintStyles:
    body: ParagraphStyle
    body_bold: ParagraphStyle
    heading: ParagraphStyle
    title: ParagraphStyle
    contact_name: ParagraphStyle
    boxed: ParagraphStyle  # body text inside a frame: less space between lines of one item

    def all(self) -> tuple[ParagraphStyle, ...]:
        return (self.body, self.body_bold, self.heading, self.title, self.contact_name, self.boxed)


@cache
def styles() -> LargePrintStyles:
    """The only paragraph styles documents use (built once; fonts registered first)."""
    fonts.register_fonts()

    def style(
        name: str,
        size: float,
        font: str,
        *,
        before: float = 0,
        after: float = 0,
        keep_with_next: bool = False,
    ) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            fontName=font,
            fontSize=size,
            leading=max(round(size * 1.5), size * MIN_LEADING_RATIO),
            alignment=TA_LEFT,
            textColor=INK,
            backColor=None,
            spaceBefore=before,
            spaceAfter=after,
            keepWithNext=int(keep_with_next),
            allowWidows=0,
            allowOrphans=0,
            splitLongWords=0,  # never break a word or phone number in two
            hyphenationLang=None,
        )

    return LargePrintStyles(
        body=style("Body", BODY_SIZE, fonts.REGULAR, after=6),
        body_bold=style("BodyBold", BODY_SIZE, fonts.BOLD, after=6),
        heading=style("Heading", HEADING_SIZE, fonts.BOLD, before=12, after=4, keep_with_next=True),
        title=style("Title", TITLE_SIZE, fonts.BOLD, after=12, keep_with_next=True),
        contact_name=style("ContactName", 16.0, fonts.BOLD, after=3, keep_with_next=True),
        boxed=style("Boxed", BODY_SIZE, fonts.REGULAR, after=3),
    )


def text(value: str) -> str:
    """Plain text made safe for reportlab's paragraph markup."""
    return escape(value)


class LargePrintParagraph(Paragraph):  # type: ignore[misc]  # reportlab ships no type hints
    """A ``Paragraph`` that breaks its lines once per width.

    Platypus wraps a paragraph several times at the same width (``KeepTogether`` measures its
    group, the frame measures again, a ``Box`` measures its parts before and while placing
    them); line breaking is most of the layout time. A paragraph's lines depend only on the
    width (not on the height offered), so the result of the last wrap is reused while the width
    and the broken lines are still the same.
    """

    _wrap_memo: tuple[float, Any, float, float] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        memo = self._wrap_memo
        if memo is not None and memo[0] == availWidth and self.__dict__.get("blPara") is memo[1]:
            self.width, self.height = memo[2], memo[3]
            return memo[2], memo[3]
        width, height = super().wrap(availWidth, availHeight)
        self._wrap_memo = (availWidth, self.__dict__.get("blPara"), width, height)
        return width, height

    @classmethod
    def plain(cls, value: str, style: ParagraphStyle) -> LargePrintParagraph:
        """Plain text in one style, without reportlab's markup parser (an HTML parser, a third
        of the time spent building a document): the one fragment it would make is a copy of a
        parsed template with the text put in, whitespace collapsed the way the parser does."""
        cleaned = cleanBlockQuotedText(value)
        if not cleaned:
            return cls(text(value), style)
        frag = _frag_template(style).clone(text=cleaned, link=[], us_lines=[])
        return cls(text(value), style, frags=[frag])


@cache
def _frag_template(style: ParagraphStyle) -> Any:
    return Paragraph("x", style).frags[0]


class _NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no type hints
    """Holds pages back until the end so each can say "Pagina n van N" in one pass."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # reportlab's name
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held_pages)
        for number, state in enumerate(self._held_pages, start=1):
            self.__dict__.update(state)
            self.setFillColor(INK)
            self.setFont(fonts.REGULAR, FOOTER_SIZE)
            self.drawString(MARGIN_LEFT, MARGIN_BOTTOM - 14 * mm, f"Pagina {number} van {total}")
            Canvas.showPage(self)
        Canvas.save(self)


class Box(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """Flowables in a thin black frame (one contact, one agreement), kept on one page.

    Cheaper than a one-cell table (which wraps its content several times) and draws its
    content in order, so text extraction follows the reading order.
    """

    PAD_X = 4 * mm
    PAD_TOP = 3 * mm
    PAD_BOTTOM = 2 * mm
    LINE_WIDTH = 1.2

    def __init__(self, parts: Sequence[Flowable]) -> None:
        super().__init__()
        self.parts = list(parts)
        self._placed: list[tuple[Flowable, float]] = []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        inner = avail_width - 2 * self.PAD_X
        y = self.PAD_TOP
        self._placed = []
        for n, part in enumerate(self.parts):
            if n:
                y += max(part.getSpaceBefore(), self.parts[n - 1].getSpaceAfter())
            _, height = part.wrap(inner, avail_height)
            self._placed.append((part, y + height))
            y += height
        self.width = avail_width
        self.height = y + self.PAD_BOTTOM
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """Move whole to the next page when it fits there; split only what can never fit."""
        self.wrap(avail_width, avail_height)
        if self.height <= avail_height or avail_height < FULL_FRAME_HEIGHT * 0.9:
            return []
        inner = avail_width - 2 * self.PAD_X
        room = avail_height - self.PAD_TOP - self.PAD_BOTTOM
        first: list[Flowable] = []
        for n, part in enumerate(self.parts):
            gap = max(part.getSpaceBefore(), self.parts[n - 1].getSpaceAfter()) if first else 0
            _, height = part.wrap(inner, room)
            if gap + height <= room:
                first.append(part)
                room -= gap + height
                continue
            pieces = part.split(inner, room - gap)
            if pieces:
                first.append(pieces[0])
                rest = [*pieces[1:], *self.parts[n + 1 :]]
            else:
                rest = list(self.parts[n:])
            if not first:
                return []
            return [Box(first), Box(rest)]
        return []

    def draw(self) -> None:
        canvas: Any = self.canv
        canvas.saveState()
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(self.LINE_WIDTH)
        canvas.rect(0, 0, self.width, self.height, stroke=1, fill=0)
        canvas.restoreState()
        for part, bottom in self._placed:
            part.drawOn(canvas, self.PAD_X, self.height - bottom)


class DocumentBuilder:
    """Collects large-print content and renders it to PDF bytes.

    Every text goes in as plain text (escaped here), so content files cannot inject markup.
    """

    def __init__(self, *, title: str, author: str, subject: str = "") -> None:
        self.title = title
        self.author = author
        self.subject = subject
        self.styles = styles()
        self.story: list[Flowable] = []

    # -- content -------------------------------------------------------------------------

    def add_title(self, value: str) -> None:
        self.story.append(LargePrintParagraph.plain(value, self.styles.title))

    def add_heading(self, value: str) -> None:
        self.story.append(LargePrintParagraph.plain(value, self.styles.heading))

    def add_paragraph(self, value: str, *, bold: bool = False) -> None:
        self.story.append(self.paragraph(value, bold=bold))

    def add_labelled(self, label: str, value: str) -> None:
        """ "Label: value" with the label in bold."""
        self.story.append(self.labelled(label, value))

    def add_bullets(self, items: Iterable[str]) -> None:
        flowable = self.bullets(items)
        if flowable is not None:
            self.story.append(flowable)

    def add_question(
        self, question: str, answer: Sequence[str], points: Sequence[str] = ()
    ) -> None:
        """A section written as the reader's question with a short answer."""
        parts: list[Flowable] = [LargePrintParagraph.plain(question, self.styles.heading)]
        parts += [self.paragraph(value) for value in answer]
        bullets = self.bullets(points)
        if bullets is not None:
            parts.append(bullets)
        self.story.append(KeepTogether(parts))

    def add_box(self, parts: Sequence[Flowable]) -> None:
        """Content in a thin black frame: one contact, one agreement."""
        self.story.append(self.box(parts))

    def add_space(self, height_mm: float = 4) -> None:
        self.story.append(Spacer(1, height_mm * mm))

    def add(self, flowable: Flowable) -> None:
        self.story.append(flowable)

    # -- pieces --------------------------------------------------------------------------

    def paragraph(
        self, value: str, *, bold: bool = False, boxed: bool = False
    ) -> LargePrintParagraph:
        if boxed:
            if bold:
                return LargePrintParagraph(f"<b>{text(value)}</b>", self.styles.boxed)
            return LargePrintParagraph.plain(value, self.styles.boxed)
        return LargePrintParagraph.plain(value, self.styles.body_bold if bold else self.styles.body)

    def labelled(self, label: str, value: str, *, boxed: bool = False) -> LargePrintParagraph:
        style = self.styles.boxed if boxed else self.styles.body
        return LargePrintParagraph(f"<b>{text(label)}:</b> {text(value)}", style)

    def bullets(self, items: Iterable[str]) -> ListFlowable | None:
        entries = [ListItem(self.paragraph(item), value="•") for item in items]
        if not entries:
            return None
        return ListFlowable(
            entries,
            bulletType="bullet",
            start="•",
            bulletFontName=fonts.REGULAR,
            bulletFontSize=BODY_SIZE,
            bulletColor=INK,
            leftIndent=8 * mm,
            bulletDedent=6 * mm,
        )

    def box(self, parts: Sequence[Flowable]) -> Box:
        return Box(parts)

    # -- output --------------------------------------------------------------------------

    def render(self) -> bytes:
        buffer = io.BytesIO()
        doc = SimpleDocTemplate(
            buffer,
            pagesize=PAGE_SIZE,
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=self.title,
            author=self.author,
            subject=self.subject,
            creator="huisbezoek",
            lang=LANGUAGE,
            displayDocTitle=1,
            # Otherwise reportlab starts every page in Helvetica, a font we neither use nor embed.
            initialFontName=fonts.REGULAR,
            initialFontSize=BODY_SIZE,
            initialLeading=BODY_LEADING,
        )
        doc.build(list(self.story), canvasmaker=_NumberedCanvas)
        return buffer.getvalue()
