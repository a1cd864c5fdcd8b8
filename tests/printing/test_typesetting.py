"""The large-print typesetter: line breaking and the page rules, without rendering a PDF."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from huisbezoek.printing import fonts
from huisbezoek.printing.builder import (
    FRAME_BOTTOM,
    FRAME_WIDTH,
    FULL_FRAME_HEIGHT,
    MIN_LINES,
    Block,
    Box,
    DocumentBuilder,
    Group,
    TextBlock,
    Widths,
    break_lines,
    paginate,
    split_words,
    styles,
)

SIZE = 14.0
_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéëï0123456789-.,:", min_size=1, max_size=18)
_gap = st.sampled_from([" ", "  ", "\n", "\t", " \n "])


def width_of(line: list[tuple[str, str]], widths: Widths) -> float:
    return sum(widths.per_point(font, value) * SIZE for font, value in line)


def words_of(lines: list[list[tuple[str, str]]]) -> list[str]:
    return " ".join("".join(value for _, value in line) for line in lines).split()


@settings(max_examples=150, deadline=None)
@given(
    words=st.lists(st.tuples(_word, _gap), min_size=1, max_size=60),
    width=st.floats(min_value=40, max_value=FRAME_WIDTH),
    bold_label=st.booleans(),
)
def test_lines_keep_every_word_whole_and_within_the_width(words, width, bold_label):
    fonts.register_fonts()
    value = "".join(word + gap for word, gap in words)
    fragments = [(fonts.REGULAR, value)]
    if bold_label:
        fragments.insert(0, (fonts.BOLD, "Telefoon: "))
    widths = Widths()
    lines = break_lines(fragments, width, SIZE, widths)

    # Nothing lost, nothing cut, whitespace folded.
    expected = [word for word, _ in words]
    if bold_label:
        expected.insert(0, "Telefoon:")
    assert words_of(lines) == expected
    for n, line in enumerate(lines):
        text = "".join(v for _, v in line)
        assert text == text.strip() and "  " not in text
        # Over the width only when the line is one word that is wider on its own.
        if width_of(line, widths) > width + 1e-6:
            assert len(text.split()) == 1
        # Greedy: the next line's first word would not have fitted on this line.
        if n + 1 < len(lines):
            first_next = "".join(v for _, v in lines[n + 1]).split()[0]
            extended = (
                width_of(line, widths)
                + (widths.per_point(line[-1][0], " ") + widths.per_point(fonts.REGULAR, first_next))
                * SIZE
            )
            assert extended > width - 1e-6


def test_a_label_keeps_its_bold_font_and_words_glued_across_fonts_stay_one_word():
    fonts.register_fonts()
    lines = break_lines(
        [(fonts.BOLD, "Telefoon:"), (fonts.REGULAR, " 010-000 00 04")], FRAME_WIDTH, SIZE, Widths()
    )
    assert lines == [[(fonts.BOLD, "Telefoon: "), (fonts.REGULAR, "010-000 00 04")]]
    glued = split_words([(fonts.BOLD, "Let"), (fonts.REGULAR, "op: nu")])
    assert glued == [[(fonts.BOLD, "Let"), (fonts.REGULAR, "op:")], [(fonts.REGULAR, "nu")]]


def test_a_long_word_is_never_cut():
    fonts.register_fonts()
    address = "www.een-heel-lange-website-van-de-gemeente-voorbeeldstad.example/ouderen"
    lines = break_lines([(fonts.REGULAR, f"Kijk op {address} voor meer")], 120, SIZE, Widths())
    assert [(fonts.REGULAR, address)] in lines


def _laid_out(builder: DocumentBuilder) -> list[list[tuple[Block, float]]]:
    widths = Widths()
    for block in builder.story:
        block.layout(FRAME_WIDTH, widths)
    return paginate(builder.story)


def _texts(page: list[tuple[Block, float]]) -> list[TextBlock]:
    found: list[TextBlock] = []
    for block, _ in page:
        if isinstance(block, TextBlock):
            found.append(block)
        elif isinstance(block, Box):
            found += [part for part in block.parts if isinstance(part, TextBlock)]
    return found


def _filler(builder: DocumentBuilder, lines: int) -> None:
    """About ``lines`` full body lines, as two-line paragraphs."""
    for n in range(lines // 2):
        builder.add_paragraph(f"Regel {n}: " + "woord " * 14 + "en nog wat woorden erbij.")


def test_a_split_paragraph_leaves_at_least_two_lines_on_each_page():
    for filler in range(0, 30):  # the room left on the page, millimetre by millimetre
        builder = DocumentBuilder(title="t", author="a")
        _filler(builder, 26)
        builder.add_space(filler)
        builder.add_paragraph("lang " * 300)
        pages = _laid_out(builder)
        long_parts = [
            block
            for page in pages
            for block, _ in page
            if isinstance(block, TextBlock) and block.fragments[0][1].startswith("lang")
        ]
        assert sum(len(part.lines or []) for part in long_parts) == len(
            break_lines(long_parts[0].fragments, FRAME_WIDTH, 14.0, Widths())
        )
        for part in long_parts:
            assert len(part.lines or []) >= MIN_LINES, filler
        for page in pages:  # nothing runs below the frame (into the page number)
            assert min(top - block.height for block, top in page) >= FRAME_BOTTOM - 1e-6


def test_a_heading_never_ends_a_page():
    for filler in range(20, 44):
        builder = DocumentBuilder(title="t", author="a")
        _filler(builder, filler)
        builder.add_heading("Wie helpt u verder?")
        builder.add_paragraph("tekst " * 60)
        for page in _laid_out(builder):
            last = page[-1][0]
            assert not (isinstance(last, TextBlock) and last.style == styles().heading), filler


def test_a_group_moves_whole_and_a_box_stays_on_one_page():
    for filler in range(20, 44, 3):
        builder = DocumentBuilder(title="t", author="a")
        _filler(builder, filler)
        group = Group([builder.heading("Vraag?"), *(builder.paragraph("antwoord " * 20),) * 2])
        builder.add(group)
        box = builder.box([builder.styled("Dienst", styles().contact_name)] * 4)
        builder.add(box)
        pages = _laid_out(builder)
        placed = {id(block): n for n, page in enumerate(pages) for block, _ in page}
        assert len({placed[id(part)] for part in group.parts}) == 1, filler
        assert id(box) in placed


def test_a_box_taller_than_a_page_is_split_between_its_lines():
    builder = DocumentBuilder(title="t", author="a")
    box = builder.box([builder.paragraph("afspraak " * 900, boxed=True)])
    builder.add(box)
    pages = _laid_out(builder)
    assert box.layout(FRAME_WIDTH, Widths()) > FULL_FRAME_HEIGHT
    assert len(pages) >= 2
    assert all(isinstance(block, Box) for page in pages for block, _ in page)
    words = [w for page in pages for block in _texts(page) for w in words_of(block.lines or [])]
    assert words == ["afspraak"] * 900
