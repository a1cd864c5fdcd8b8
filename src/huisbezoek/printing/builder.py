"""The large-print typesetter every printed document uses, so the print rules live here.

Rules (from the architecture notes): A4, body at least 14 pt, headings at least 18 pt, line
spacing at least 1.4, left aligned, black on white, no text over images, the embedded Atkinson
Hyperlegible font, title, author and language (nl-NL) in the PDF, "Pagina 1 van 2" on every
page. Documents are rendered into memory: personal data never touches the disk unencrypted, so
the caller decides what happens to the bytes.

Layout is done here, straight onto reportlab's canvas, rather than with platypus. Our documents
hold only headings, plain paragraphs (a bold label at most), bullets, framed blocks and a
picture; platypus' general machinery (a markup parser, paragraphs wrapped several times,
frames, list and keep-together wrappers) made a three-page leaflet take seven times as long as
reportlab's blank page. The page rules we need are few and are kept here:

- a paragraph breaks between words only, never inside a word or a phone number;
- a paragraph split over two pages leaves at least two lines on each (no widows or orphans);
- a heading never ends a page: it needs the first lines of what follows below it;
- a group (a question with its answer, a heading with the first contact) and a framed block
  move to the next page whole when they fit there; only what can never fit on one page flows.
"""

from __future__ import annotations

import io
import re
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas

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
FRAME_TOP: float = PAGE_SIZE[1] - MARGIN_TOP
FRAME_BOTTOM: float = MARGIN_BOTTOM
FULL_FRAME_HEIGHT = FRAME_TOP - FRAME_BOTTOM

MIN_LINES = 2  # a split paragraph keeps at least this many lines on each page
BULLET = "•"
BULLET_INDENT = 8 * mm
BULLET_DEDENT = 6 * mm  # the bullet stands this far left of the item's text
_EPSILON = 1e-6


@dataclass(frozen=True, slots=True)
class Organisation:
    """Who prints the document: named as the PDF's author and on the page."""

    name: str
    phone: str


@dataclass(frozen=True, slots=True)
class TextStyle:
    """One kind of text. Always left aligned, black on white."""

    name: str
    font_name: str
    font_size: float
    leading: float
    space_before: float = 0.0
    space_after: float = 0.0
    keep_with_next: bool = False
    alignment: str = "left"
    text_color: colors.Color = INK


@dataclass(frozen=True, slots=True)
class LargePrintStyles:
    body: TextStyle
    body_bold: TextStyle
    heading: TextStyle
    title: TextStyle
    contact_name: TextStyle
    boxed: TextStyle  # body text inside a frame: less space between lines of one item

    def all(self) -> tuple[TextStyle, ...]:
        return (self.body, self.body_bold, self.heading, self.title, self.contact_name, self.boxed)


@cache
def styles() -> LargePrintStyles:
    """The only text styles documents use (built once; fonts registered first)."""
    fonts.register_fonts()

    def style(
        name: str,
        size: float,
        font: str,
        *,
        before: float = 0,
        after: float = 0,
        keep_with_next: bool = False,
    ) -> TextStyle:
        leading = max(round(size * 1.5), size * MIN_LEADING_RATIO)
        return TextStyle(name, font, size, leading, before, after, keep_with_next)

    return LargePrintStyles(
        body=style("Body", BODY_SIZE, fonts.REGULAR, after=6),
        body_bold=style("BodyBold", BODY_SIZE, fonts.BOLD, after=6),
        heading=style("Heading", HEADING_SIZE, fonts.BOLD, before=12, after=4, keep_with_next=True),
        title=style("Title", TITLE_SIZE, fonts.BOLD, after=12, keep_with_next=True),
        contact_name=style("ContactName", 16.0, fonts.BOLD, after=3, keep_with_next=True),
        boxed=style("Boxed", BODY_SIZE, fonts.REGULAR, after=3),
    )


# --- text -------------------------------------------------------------------------------

Fragment = tuple[str, str]  # (font name, text)
Line = list[Fragment]  # one printed line: runs of one font each, spaces included
_SPACE = re.compile(r"(\s+)")


class Widths:
    """Text widths for one document, per point of font size, each string measured once."""

    __slots__ = ("_fonts", "known")

    def __init__(self) -> None:
        self.known: dict[Fragment, float] = {}
        self._fonts: dict[str, Any] = {}

    def per_point(self, font: str, value: str) -> float:
        key = (font, value)
        width = self.known.get(key)
        if width is None:
            face = self._fonts.get(font)
            if face is None:
                face = self._fonts[font] = getFont(font)
            width = self.known[key] = face.stringWidth(value, 1.0)
        return width


def split_words(fragments: Iterable[Fragment]) -> list[list[Fragment]]:
    """Words in reading order, each as its fragments (a word may change font inside, rarely);
    whitespace of any kind separates words and is folded."""
    words: list[list[Fragment]] = []
    glued = False  # the next piece continues the last word (no whitespace between)
    for font, value in fragments:
        for piece in _SPACE.split(value):
            if not piece:
                continue
            if piece.isspace():
                glued = False
            elif glued:
                words[-1].append((font, piece))
            else:
                words.append([(font, piece)])
                glued = True
    return words


def break_lines(
    fragments: Sequence[Fragment], width: float, size: float, widths: Widths
) -> list[Line]:
    """Greedy line breaking between words. A word wider than the line gets a line of its own
    and is never cut: a phone number or a web address must stay whole to be usable."""
    room = width / size  # in widths per point
    if len(fragments) == 1:  # one font, the usual case: words are plain strings
        font, value = fragments[0]
        known = widths.known
        space = widths.per_point(font, " ")
        plain: list[list[str]] = []
        current: list[str] = []
        used = 0.0
        for word in value.split():
            word_width = known.get((font, word))
            if word_width is None:
                word_width = widths.per_point(font, word)
            if current and used + space + word_width <= room + _EPSILON:
                current.append(word)
                used += space + word_width
                continue
            if current:
                plain.append(current)
            current = [word]
            used = word_width
        if current:
            plain.append(current)
        return [[(font, " ".join(words))] for words in plain]

    lines: list[list[list[Fragment]]] = []
    pending: list[list[Fragment]] = []
    filled = 0.0
    for parts in split_words(fragments):
        parts_width = sum(widths.per_point(font, value) for font, value in parts)
        if pending:
            space = widths.per_point(pending[-1][-1][0], " ")
            if filled + space + parts_width <= room + _EPSILON:
                pending.append(parts)
                filled += space + parts_width
                continue
            lines.append(pending)
        pending = [parts]
        filled = parts_width
    if pending:
        lines.append(pending)
    return [_segments(words) for words in lines]


def _segments(words: Sequence[Sequence[Fragment]]) -> Line:
    """Words as runs of one font each; the space between two words goes with the font of the
    first (as measured)."""
    segments: Line = []
    for n, word in enumerate(words):
        if n:
            font, value = segments[-1]
            segments[-1] = (font, value + " ")
        for font, value in word:
            if segments and segments[-1][0] == font:
                segments[-1] = (font, segments[-1][1] + value)
            else:
                segments.append((font, value))
    return segments


# --- blocks -----------------------------------------------------------------------------


class Block:
    """Something placed on a page: laid out once for a width, then drawn at a position."""

    space_before = 0.0
    space_after = 0.0
    keep_with_next = False
    height = 0.0

    def layout(self, width: float, widths: Widths) -> float:
        raise NotImplementedError

    def min_height(self) -> float:
        """The least of this block that must stand on a page below a heading."""
        return self.height

    def split(self, room: float) -> tuple[Block, Block] | None:
        """A part that fits in ``room`` and the rest, or None to move the whole block."""
        return None

    def draw(self, canvas: Any, x: float, top: float) -> None:
        raise NotImplementedError


class TextBlock(Block):
    """A paragraph: plain text in one style, optionally with bold fragments and a bullet."""

    def __init__(
        self,
        fragments: Sequence[Fragment],
        style: TextStyle,
        *,
        bullet: bool = False,
        lines: list[Line] | None = None,
    ) -> None:
        self.fragments = list(fragments)
        self.style = style
        self.bullet = bullet
        self.indent = BULLET_INDENT if bullet else 0.0
        self.space_before = style.space_before
        self.space_after = style.space_after
        self.keep_with_next = style.keep_with_next
        self.lines = lines
        self._width: float | None = None
        if lines is not None:
            self.height = len(lines) * style.leading

    def layout(self, width: float, widths: Widths) -> float:
        if self.lines is None or (self._width is not None and self._width != width):
            self.lines = break_lines(
                self.fragments, width - self.indent, self.style.font_size, widths
            )
            self._width = width
        self.height = len(self.lines) * self.style.leading
        return self.height

    def min_height(self) -> float:
        lines = self.lines or []
        if len(lines) < 2 * MIN_LINES:
            return self.height
        return MIN_LINES * self.style.leading

    def split(self, room: float) -> tuple[Block, Block] | None:
        lines = self.lines or []
        fit = min(int((room + _EPSILON) // self.style.leading), len(lines) - MIN_LINES)
        if fit < MIN_LINES:
            return None
        first = TextBlock(self.fragments, self.style, bullet=self.bullet, lines=lines[:fit])
        first.space_after = 0.0
        first.keep_with_next = False
        rest = TextBlock(self.fragments, self.style, lines=lines[fit:])
        rest.indent = self.indent
        rest.space_before = 0.0
        return first, rest

    def draw(self, canvas: Any, x: float, top: float) -> None:
        """One text object for the paragraph, a line after the other, so text extracts in
        reading order."""
        style = self.style
        size, leading = style.font_size, style.leading
        text = canvas.beginText()
        if self.bullet:
            text.setTextOrigin(x + self.indent - BULLET_DEDENT, top - size)
            text.setFont(fonts.REGULAR, BODY_SIZE, leading)
            text.textOut(BULLET + " ")
        text.setTextOrigin(x + self.indent, top - size)
        current = ""
        for line in self.lines or []:
            last = len(line) - 1
            for n, (font, value) in enumerate(line):
                if font != current:
                    text.setFont(font, size, leading)
                    current = font
                if n == last:
                    text.textLine(value)
                else:
                    text.textOut(value)
        canvas.drawText(text)


class Space(Block):
    """Vertical room between blocks; none at the top of a page."""

    def __init__(self, height: float) -> None:
        self.height = height

    def layout(self, width: float, widths: Widths) -> float:
        return self.height

    def draw(self, canvas: Any, x: float, top: float) -> None:
        pass


def _stack(parts: Sequence[Block]) -> list[float]:
    """Offsets from the top of each part's top, with the space between neighbours."""
    offsets: list[float] = []
    y = 0.0
    for n, part in enumerate(parts):
        if n:
            y += max(parts[n - 1].space_after, part.space_before)
        offsets.append(y)
        y += part.height
    offsets.append(y)  # the total, last
    return offsets


class Box(Block):
    """Blocks in a thin black frame (one contact, one agreement), kept on one page.

    Only a box too tall for any page is split, between its lines.
    """

    PAD_X = 4 * mm
    PAD_TOP = 3 * mm
    PAD_BOTTOM = 2 * mm
    LINE_WIDTH = 1.2

    def __init__(self, parts: Sequence[Block]) -> None:
        self.parts = list(parts)
        self._offsets: list[float] = []
        self._width = 0.0

    def layout(self, width: float, widths: Widths) -> float:
        inner = width - 2 * self.PAD_X
        for part in self.parts:
            part.layout(inner, widths)
        self._width = width
        return self._measure()

    def _measure(self) -> float:
        self._offsets = _stack(self.parts)
        self.height = self.PAD_TOP + self._offsets[-1] + self.PAD_BOTTOM
        return self.height

    def split(self, room: float) -> tuple[Block, Block] | None:
        if self.height <= FULL_FRAME_HEIGHT:
            return None  # fits on the next page whole
        space = room - self.PAD_TOP - self.PAD_BOTTOM
        for n, part in enumerate(self.parts):
            bottom = self._offsets[n] + part.height
            if bottom <= space + _EPSILON:
                continue
            pieces = part.split(space - self._offsets[n])
            if pieces is not None:
                first, rest = [*self.parts[:n], pieces[0]], [pieces[1], *self.parts[n + 1 :]]
            elif n:
                first, rest = self.parts[:n], self.parts[n:]
            else:
                return None
            return self._sub(first), self._sub(rest)
        return None

    def _sub(self, parts: Sequence[Block]) -> Box:
        box = Box(parts)
        box._width = self._width
        box._measure()
        return box

    def draw(self, canvas: Any, x: float, top: float) -> None:
        canvas.saveState()
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(self.LINE_WIDTH)
        canvas.rect(x, top - self.height, self._width, self.height, stroke=1, fill=0)
        canvas.restoreState()
        for part, offset in zip(self.parts, self._offsets, strict=False):
            part.draw(canvas, x + self.PAD_X, top - self.PAD_TOP - offset)


class Group(Block):
    """Blocks that go to the next page together when they do not fit (a question with its
    answer); a group taller than a page flows like its parts would."""

    def __init__(self, parts: Sequence[Block]) -> None:
        self.parts = list(parts)
        self.space_before = self.parts[0].space_before if self.parts else 0.0

    def layout(self, width: float, widths: Widths) -> float:
        for part in self.parts:
            part.layout(width, widths)
        self.height = _stack(self.parts)[-1]
        return self.height

    def min_height(self) -> float:
        if self.height <= FULL_FRAME_HEIGHT or not self.parts:
            return self.height
        return self.parts[0].min_height()

    def draw(self, canvas: Any, x: float, top: float) -> None:  # pragma: no cover
        raise AssertionError("a group is placed part by part")


class Graphic(Block):
    """A picture of a fixed size, drawn by a function given the bottom-left corner."""

    def __init__(
        self, width: float, height: float, paint: Callable[[Any, float, float], None]
    ) -> None:
        self.width = width
        self.height = height
        self.paint = paint

    @classmethod
    def of(cls, drawing: Drawing) -> Graphic:
        """A reportlab graphics ``Drawing`` (the radar chart)."""

        def paint(canvas: Any, x: float, y: float) -> None:
            renderPDF.draw(drawing, canvas, x, y, showBoundary=False)

        return cls(drawing.width, drawing.height, paint)

    def layout(self, width: float, widths: Widths) -> float:
        return self.height

    def draw(self, canvas: Any, x: float, top: float) -> None:
        self.paint(canvas, x, top - self.height)


# --- pages ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Pages:
    pages: list[list[tuple[Block, float]]] = field(default_factory=lambda: [[]])
    y: float = FRAME_TOP
    after: float = 0.0  # space the last block asked for below it

    @property
    def at_top(self) -> bool:
        return not self.pages[-1]

    def room(self) -> float:
        return self.y - FRAME_BOTTOM

    def gap(self, block: Block) -> float:
        return 0.0 if self.at_top else max(self.after, block.space_before)

    def place(self, block: Block) -> None:
        top = self.y - self.gap(block)
        self.pages[-1].append((block, top))
        self.y = top - block.height
        self.after = block.space_after

    def new_page(self) -> None:
        self.pages.append([])
        self.y = FRAME_TOP
        self.after = 0.0


def _needed_below(block: Block, queue: deque[Block]) -> float:
    """What must fit under a heading: the gap and the first lines of the next block."""
    for following in queue:
        if isinstance(following, Space):
            continue
        return max(block.space_after, following.space_before) + following.min_height()
    return 0.0


def paginate(story: Sequence[Block]) -> list[list[tuple[Block, float]]]:
    """Blocks (laid out) onto pages: for each page the blocks with the y of their top."""
    pages = _Pages()
    queue = deque(story)
    while queue:
        block = queue.popleft()
        if isinstance(block, Space):
            if not pages.at_top:
                pages.y -= min(block.height, pages.room())
            continue
        need = pages.gap(block) + block.height
        if isinstance(block, Group):
            if need > pages.room() and not pages.at_top and block.height <= FULL_FRAME_HEIGHT:
                pages.new_page()
            queue.extendleft(reversed(block.parts))
            continue
        if block.keep_with_next:
            need += _needed_below(block, queue)
        if need <= pages.room() + _EPSILON:
            pages.place(block)
            continue
        pieces = None if block.keep_with_next else block.split(pages.room() - pages.gap(block))
        if pieces is not None:
            pages.place(pieces[0])
            pages.new_page()
            queue.appendleft(pieces[1])
        elif pages.at_top:
            pages.place(block)  # taller than a page and cannot be split: it runs over
        else:
            pages.new_page()
            queue.appendleft(block)
    return pages.pages


# --- the document -----------------------------------------------------------------------


class DocumentBuilder:
    """Collects large-print content and renders it to PDF bytes.

    Every text goes in as plain text: there is no markup, so content files cannot inject any.
    """

    def __init__(self, *, title: str, author: str, subject: str = "") -> None:
        self.title = title
        self.author = author
        self.subject = subject
        self.styles = styles()
        self.story: list[Block] = []
        #: Printed in bold at the foot of every page, right of the page number (for example
        #: that a summary was made with the demo sociale kaart). None: nothing.
        self.page_mark: str | None = None

    # -- content -------------------------------------------------------------------------

    def add_title(self, value: str) -> None:
        self.story.append(self.styled(value, self.styles.title))

    def add_heading(self, value: str) -> None:
        self.story.append(self.heading(value))

    def add_paragraph(self, value: str, *, bold: bool = False) -> None:
        self.story.append(self.paragraph(value, bold=bold))

    def add_labelled(self, label: str, value: str) -> None:
        """ "Label: value" with the label in bold."""
        self.story.append(self.labelled(label, value))

    def add_bullets(self, items: Iterable[str]) -> None:
        self.story.extend(self.bullets(items))

    def add_question(
        self, question: str, answer: Sequence[str], points: Sequence[str] = ()
    ) -> None:
        """A section written as the reader's question with a short answer."""
        parts: list[Block] = [self.heading(question)]
        parts += [self.paragraph(value) for value in answer]
        parts += self.bullets(points)
        self.story.append(Group(parts))

    def add_box(self, parts: Sequence[Block]) -> None:
        """Content in a thin black frame: one contact, one agreement."""
        self.story.append(self.box(parts))

    def add_space(self, height_mm: float = 4) -> None:
        self.story.append(Space(height_mm * mm))

    def add(self, block: Block) -> None:
        self.story.append(block)

    # -- pieces --------------------------------------------------------------------------

    def styled(self, value: str, style: TextStyle) -> TextBlock:
        return TextBlock([(style.font_name, value)], style)

    def heading(self, value: str) -> TextBlock:
        return self.styled(value, self.styles.heading)

    def paragraph(self, value: str, *, bold: bool = False, boxed: bool = False) -> TextBlock:
        if boxed:
            font = fonts.BOLD if bold else fonts.REGULAR
            return TextBlock([(font, value)], self.styles.boxed)
        return self.styled(value, self.styles.body_bold if bold else self.styles.body)

    def labelled(self, label: str, value: str, *, boxed: bool = False) -> TextBlock:
        style = self.styles.boxed if boxed else self.styles.body
        return TextBlock([(fonts.BOLD, f"{label}:"), (style.font_name, f" {value}")], style)

    def bullets(self, items: Iterable[str]) -> list[Block]:
        style = self.styles.body
        return [TextBlock([(style.font_name, item)], style, bullet=True) for item in items]

    def box(self, parts: Sequence[Block]) -> Box:
        return Box(parts)

    def spacer(self, height_mm: float = 4) -> Space:
        return Space(height_mm * mm)

    def keep_together(self, parts: Sequence[Block]) -> Group:
        return Group(parts)

    def drawing(self, drawing: Drawing) -> Graphic:
        return Graphic.of(drawing)

    # -- output --------------------------------------------------------------------------

    def render(self) -> bytes:
        widths = Widths()
        for block in self.story:
            block.layout(FRAME_WIDTH, widths)
        pages = paginate(self.story)

        buffer = io.BytesIO()
        canvas = Canvas(
            buffer,
            pagesize=PAGE_SIZE,
            lang=LANGUAGE,
            # Otherwise reportlab starts every page in Helvetica, a font we neither use nor embed.
            initialFontName=fonts.REGULAR,
            initialFontSize=BODY_SIZE,
            initialLeading=BODY_LEADING,
        )
        canvas.setTitle(self.title)
        canvas.setAuthor(self.author)
        canvas.setSubject(self.subject)
        canvas.setCreator("huisbezoek")
        canvas.setViewerPreference("DisplayDocTitle", "true")
        canvas.setFillColor(INK)
        total = len(pages)
        for number, page in enumerate(pages, start=1):
            for block, top in page:
                block.draw(canvas, MARGIN_LEFT, top)
            canvas.setFillColor(INK)
            canvas.setFont(fonts.REGULAR, FOOTER_SIZE)
            canvas.drawString(MARGIN_LEFT, MARGIN_BOTTOM - 14 * mm, f"Pagina {number} van {total}")
            if self.page_mark:
                canvas.setFont(fonts.BOLD, FOOTER_SIZE)
                canvas.drawRightString(
                    MARGIN_LEFT + FRAME_WIDTH, MARGIN_BOTTOM - 14 * mm, self.page_mark
                )
            canvas.showPage()
        canvas.save()
        return buffer.getvalue()
