"""The resident's personal summary, "Uw gesprek van <datum>", with an optional wellbeing chart.

The input is deliberately plain: there is no field for scores, bands or signal labels, so the
summary cannot show them. Callers pass section titles as topics, never signal names.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from reportlab.graphics.shapes import Drawing, Line, Polygon, PolyLine, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from . import fonts
from .builder import (
    BODY_SIZE,
    FRAME_WIDTH,
    INK,
    Block,
    DocumentBuilder,
    Organisation,
)
from .content import Service
from .errors import PrintInputError
from .leaflets import FICTIONAL_NOTE_WITH_NATIONAL, add_contacts

if TYPE_CHECKING:  # privacy.py imports this module (date_nl)
    from .privacy import PrivacyText

MONTHS_NL = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip

# The six dimensions of wellbeing the conversation asks the resident to rate, 0 to 10.
WELLBEING_DOMAINS = (
    "Lichaam",
    "Gevoel",
    "Zingeving",
    "Kwaliteit van leven",
    "Meedoen",
    "Dagelijks leven",
)
RATING_MAX = 10


def date_nl(day: date) -> str:
    """``23 november 2026``: written out, so no one wonders whether 3-4 is March or April."""
    return f"{day.day} {MONTHS_NL[day.month - 1]} {day.year}"


#: At the foot of every page of a summary made with the demo sociale kaart.
EXAMPLE_MARK = "VOORBEELD: verzonnen adressen"
EXAMPLE_NOTE = (
    "Dit blad is een voorbeeld. De organisaties uit de buurt en hun telefoonnummers zijn verzonnen."
)


@dataclass(frozen=True, slots=True)
class Agreement:
    """What was agreed: who does what, and when if that was said."""

    what: str
    who: str | None = None
    when: str | None = None


@dataclass(frozen=True, slots=True)
class Referral:
    """A referral the resident agreed to: to which service, who makes the call, by when."""

    service: str
    who: str | None = None
    when: str | None = None


@dataclass(frozen=True, slots=True)
class SummaryInput:
    """Everything the summary prints, and nothing else."""

    visit_date: date
    volunteer_first_name: str
    organisation: Organisation
    resident_name: str | None = None
    topics: Sequence[str] = ()  # the form's section titles that were talked about
    agreements: Sequence[Agreement] = ()
    referrals: Sequence[Referral] = ()
    # The resident's own words: (what was asked, in the reader's terms; their answer).
    own_words: Sequence[tuple[str, str]] = ()
    contacts: Sequence[Service] = ()
    #: The first this many contacts are for something that needs action now: they go in a
    #: short block near the top ("Heeft u het moeilijk?") with their phone numbers.
    urgent_contacts: int = 0
    contacts_fictional: bool = False  # the demo sociale kaart: say the contacts are made up
    national_ids: frozenset[str] = frozenset()  # contacts that are real national lines
    # Domain label -> the resident's own rating 0..10, or None when not asked or not said.
    wellbeing: Mapping[str, int | None] = field(default_factory=dict)
    show_wellbeing_chart: bool = False  # only when the resident wants it
    # Who sees what, for how long, and the resident's rights (resources/privacy), filled in.
    privacy: PrivacyText | None = None


def summary_title(visit_date: date) -> str:
    return f"Uw gesprek van {date_nl(visit_date)}"


def _check(data: SummaryInput) -> None:
    if not data.volunteer_first_name.strip():
        raise PrintInputError("summary without volunteer name")
    for label, rating in data.wellbeing.items():
        if not label.strip():
            raise PrintInputError("empty wellbeing label")
        if rating is not None and (
            isinstance(rating, bool) or not isinstance(rating, int) or not 0 <= rating <= RATING_MAX
        ):
            raise PrintInputError("wellbeing rating out of range")
    if data.show_wellbeing_chart and not 3 <= len(data.wellbeing) <= 8:
        raise PrintInputError("a wellbeing chart needs 3 to 8 domains")


def build_summary(data: SummaryInput) -> DocumentBuilder:
    _check(data)
    org = data.organisation
    builder = DocumentBuilder(
        title=summary_title(data.visit_date), author=org.name, subject="Samenvatting van uw gesprek"
    )
    if data.contacts_fictional:
        builder.page_mark = EXAMPLE_MARK
    builder.add_title(summary_title(data.visit_date))
    if data.resident_name:
        builder.add_labelled("Voor", data.resident_name)
    builder.add_paragraph(
        f"{data.volunteer_first_name} van {org.name} was bij u op bezoek. "
        "Op dit blad leest u nog eens wat u samen besprak."
    )
    if data.contacts_fictional:
        builder.add_paragraph(EXAMPLE_NOTE, bold=True)
    urgent = list(data.contacts[: data.urgent_contacts])
    if urgent:
        real = data.contacts_fictional and any(s.id in data.national_ids for s in urgent)
        _add_urgent(builder, urgent, FICTIONAL_NOTE_WITH_NATIONAL if real else None)
    if data.agreements or data.referrals:
        builder.add_heading("Wat u samen afsprak")
        for referral in data.referrals:
            parts: list[Block] = [
                builder.labelled("Doorverwezen naar", referral.service, boxed=True)
            ]
            if referral.who:
                parts.append(builder.labelled("Wie belt", referral.who, boxed=True))
            if referral.when:
                parts.append(builder.labelled("Wanneer", referral.when, boxed=True))
            builder.add_box(parts)
            builder.add_space(3)
        for agreement in data.agreements:
            parts = [builder.paragraph(agreement.what, bold=True, boxed=True)]
            if agreement.who:
                parts.append(builder.labelled("Wie doet het", agreement.who, boxed=True))
            if agreement.when:
                parts.append(builder.labelled("Wanneer", agreement.when, boxed=True))
            builder.add_box(parts)
            builder.add_space(3)
    # The services the signals call for, most urgent first; "Voor wie" is left out: these
    # were chosen for this resident in the conversation.
    add_contacts(
        builder,
        "Wie u kan helpen",
        None,
        data.contacts[data.urgent_contacts :],
        fictional=data.contacts_fictional,
        audience=False,
        national=data.national_ids,
    )
    if data.own_words:
        builder.add_heading("In uw eigen woorden")
        for asked, answer in data.own_words:
            builder.add(
                builder.keep_together(
                    [builder.paragraph(asked, bold=True), builder.paragraph(answer)]
                )
            )
    if data.topics:
        builder.add_heading("Waar u over sprak")
        builder.add_bullets(data.topics)
    rated = {label: value for label, value in data.wellbeing.items() if value is not None}
    if data.show_wellbeing_chart and rated:
        builder.add(
            builder.keep_together(
                [
                    builder.heading("Hoe het met u gaat"),
                    builder.paragraph(
                        "U gaf zelf een cijfer van 0 tot 10. "
                        "Hoe verder naar buiten, hoe beter het volgens u gaat."
                    ),
                    builder.drawing(wellbeing_chart(data.wellbeing)),
                ]
            )
        )
    if data.privacy is not None:
        # The heading stays with its first line; the lines may run on to the next page.
        builder.add_heading(data.privacy.title)
        for line in data.privacy.lines:
            builder.add_paragraph(line)
    builder.add_heading("Vragen?")
    builder.add_paragraph(f"Bel {org.name}: {org.phone}. Vraag naar {data.volunteer_first_name}.")
    return builder


def _add_urgent(builder: DocumentBuilder, services: Sequence[Service], note: str | None) -> None:
    """Who to call when it gets too much: short, near the top, one framed block."""
    parts: list[Block] = []
    for service in services:
        parts.append(builder.paragraph(service.name, bold=True, boxed=True))
        if service.phone:
            parts.append(builder.labelled("Telefoon", service.phone, boxed=True))
        else:
            parts.append(builder.paragraph(service.audience, boxed=True))
        if service.opening_hours:
            parts.append(builder.labelled("Open", service.opening_hours, boxed=True))
        parts.append(builder.spacer(2))
    opening: list[Block] = [builder.heading("Heeft u het moeilijk? Bel gerust")]
    if note:
        opening.append(builder.paragraph(note, bold=True))
    builder.add(builder.keep_together([*opening, builder.box(parts[:-1])]))


def render_summary(data: SummaryInput) -> bytes:
    """The summary as PDF bytes. Holds personal data: the caller must not write it in plain."""
    return build_summary(data).render()


# --- the chart --------------------------------------------------------------------------

CHART_RADIUS = 115.0
_LABEL_GAP = 12.0
_LINE = BODY_SIZE * 1.4
_FILL = colors.Color(0.82, 0.82, 0.82)


def _wrap(label: str, width: float) -> list[str]:
    lines: list[str] = []
    for word in label.split():
        if lines and stringWidth(f"{lines[-1]} {word}", fonts.REGULAR, BODY_SIZE) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def wellbeing_chart(ratings: Mapping[str, int | None]) -> Drawing:
    """A radar chart of the resident's own ratings: black lines, labels outside the web.

    Axes run clockwise from the top. A missing rating leaves its axis without a point; the
    outline is only drawn between neighbours that both have one, so nothing is made up.
    """
    fonts.register_fonts()
    items = list(ratings.items())
    count = len(items)
    width = FRAME_WIDTH
    side_room = width / 2 - CHART_RADIUS * math.cos(math.radians(30)) - _LABEL_GAP - 4
    wrapped = [(_wrap(label, side_room), value) for label, value in items]
    tallest = max(len(lines) for lines, _ in wrapped) + 1  # one more line for the value
    height = 2 * CHART_RADIUS + 2 * (_LABEL_GAP + tallest * _LINE) + 8
    cx, cy = width / 2, height / 2
    drawing = Drawing(width, height)
    # Otherwise the renderer starts in Helvetica 10: unembedded and below the size floor.
    drawing.initialFontName = fonts.REGULAR
    drawing.initialFontSize = BODY_SIZE

    angles = [math.pi / 2 - 2 * math.pi * i / count for i in range(count)]

    def at(angle: float, radius: float) -> tuple[float, float]:
        return cx + radius * math.cos(angle), cy + radius * math.sin(angle)

    for ring in (5, 10):
        ring_points = [c for a in angles for c in at(a, CHART_RADIUS * ring / RATING_MAX)]
        drawing.add(Polygon(ring_points, strokeColor=INK, strokeWidth=0.6, fillColor=None))
    for angle in angles:
        drawing.add(Line(cx, cy, *at(angle, CHART_RADIUS), strokeColor=INK, strokeWidth=0.6))

    values = [value for _, value in items]
    points: list[tuple[float, float] | None] = [
        at(angle, CHART_RADIUS * value / RATING_MAX) if value is not None else None
        for angle, value in zip(angles, values, strict=True)
    ]
    if all(point is not None for point in points):
        flat = [c for point in points if point is not None for c in point]
        drawing.add(Polygon(flat, strokeColor=INK, strokeWidth=2.5, fillColor=_FILL))
    else:
        for i, point in enumerate(points):
            following = points[(i + 1) % count]
            if point is not None and following is not None:
                drawing.add(PolyLine([*point, *following], strokeColor=INK, strokeWidth=2.5))
    for point in points:
        if point is not None:
            x, y = point
            square = 3.5
            drawing.add(
                Polygon(
                    [x - square, y - square, x + square, y - square,
                     x + square, y + square, x - square, y + square],
                    fillColor=INK, strokeColor=INK,
                )
            )  # fmt: skip

    # Labels last, clockwise from the top, so extracted text reads in a sensible order.
    for angle, (lines, value) in zip(angles, wrapped, strict=True):
        block = [*lines, f"{value} van 10" if value is not None else "geen cijfer"]
        x, y = at(angle, CHART_RADIUS + _LABEL_GAP)
        cos = math.cos(angle)
        anchor = "middle" if abs(cos) < 0.2 else ("start" if cos > 0 else "end")
        sin = math.sin(angle)
        if sin > 0.7:  # above the web: the block sits on top of the anchor point
            top = y + (len(block) - 1) * _LINE + 4
        elif sin < -0.7:
            top = y - BODY_SIZE
        else:  # beside the web: centred on it
            top = y + (len(block) * _LINE) / 2 - BODY_SIZE
        for n, line in enumerate(block):
            is_value = n == len(block) - 1
            drawing.add(
                String(
                    x, top - n * _LINE, line,
                    fontName=fonts.BOLD if is_value else fonts.REGULAR,
                    fontSize=BODY_SIZE, fillColor=INK, textAnchor=anchor,
                )
            )  # fmt: skip
    return drawing
