"""The builder's paragraph shortcuts give what reportlab's own parsing and wrapping give."""

import pytest
from reportlab.platypus import Paragraph

from huisbezoek.printing.builder import FRAME_WIDTH, LargePrintParagraph, styles, text


@pytest.mark.parametrize(
    "value",
    ["Valt  vaak,\n  ook\tbuiten", "Gas & licht <uit>", "  rand  ", "Één – twee 'drie'", ""],
)
def test_plain_paragraph_lays_out_like_the_parsed_one(value):
    style = styles().body
    quick = LargePrintParagraph.plain(value, style)
    parsed = Paragraph(text(value), style)
    assert quick.getPlainText() == parsed.getPlainText()
    quick_size = quick.wrap(FRAME_WIDTH / 3, 800)
    assert quick_size == parsed.wrap(FRAME_WIDTH / 3, 800)
    assert len(quick.blPara.lines) == len(parsed.blPara.lines)


def test_plain_paragraph_uses_the_style_font_and_its_own_fragment():
    style = styles().heading
    first = LargePrintParagraph.plain("Eerste", style)
    second = LargePrintParagraph.plain("Tweede", style)
    assert first.frags[0].fontName == style.fontName and first.frags[0].fontSize == style.fontSize
    assert first.frags[0] is not second.frags[0]
    assert first.frags[0].link is not second.frags[0].link


def test_wrap_breaks_lines_once_per_width(monkeypatch):
    calls = []
    original = Paragraph.breakLines

    def counting(self, widths):
        calls.append(tuple(widths))
        return original(self, widths)

    monkeypatch.setattr(Paragraph, "breakLines", counting)
    p = LargePrintParagraph.plain("woord " * 40, styles().body)
    wide = p.wrap(FRAME_WIDTH, 500)
    assert p.wrap(FRAME_WIDTH, 100) == wide  # the height offered does not matter
    assert len(calls) == 1
    narrow = p.wrap(FRAME_WIDTH / 2, 500)
    assert len(calls) == 2 and narrow[1] > wide[1]
    assert p.wrap(FRAME_WIDTH, 500) == wide and len(calls) == 3
    assert p.height == wide[1]
