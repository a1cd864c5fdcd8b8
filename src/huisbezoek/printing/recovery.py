"""The recovery-key sheet the volunteer prints once, when the vault is made.

The key appears on this sheet only: not in the PDF's metadata, not in a file name (the caller
picks that), and the bytes are never written anywhere unless the volunteer saves them.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth

from . import fonts
from .builder import INK, Block, DocumentBuilder, Organisation, Widths
from .errors import PrintInputError
from .summary import date_nl

KEY_SIZE = 26.0
GROUPS_PER_ROW = 3
_KEY_CHARS = re.compile(r"^[0-9A-Za-z]+$")


def key_groups(recovery_key: str, group: int = 4) -> list[str]:
    """The key in groups as typed back: split on dashes or spaces, else every ``group`` chars."""
    parts = [part for part in re.split(r"[-\s]+", recovery_key.strip()) if part]
    if len(parts) == 1:
        parts = [parts[0][i : i + group] for i in range(0, len(parts[0]), group)]
    if not parts or not all(_KEY_CHARS.match(part) for part in parts):
        raise PrintInputError("recovery key has unexpected characters")
    return [part.upper() for part in parts]


class KeyGroups(Block):
    """The key in large characters, each in a cell of the same width, so groups line up."""

    def __init__(self, groups: list[str], size: float = KEY_SIZE) -> None:
        self.groups = groups
        self.size = size
        widest = max(stringWidth(ch, fonts.BOLD, size) for group in groups for ch in group)
        self.cell = widest + size * 0.08
        self.longest = max(len(group) for group in groups)
        self.dash = size * 1.4
        self.line = size * 1.6
        self.bottom_gap = size * 0.5
        self.rows = [groups[i : i + GROUPS_PER_ROW] for i in range(0, len(groups), GROUPS_PER_ROW)]

    def layout(self, width: float, widths: Widths) -> float:
        self.height = len(self.rows) * self.line + self.bottom_gap
        return self.height

    def draw(self, canvas: Any, x0: float, top: float) -> None:
        bottom = top - self.height
        canvas.setFillColor(INK)
        group_width = self.longest * self.cell
        for r, row in enumerate(self.rows):
            y = bottom + self.bottom_gap + (len(self.rows) - r - 1) * self.line
            y += (self.line - self.size) / 2
            # One text object per row, so the row extracts as one line of text.
            line = canvas.beginText()
            line.setFont(fonts.BOLD, self.size)
            x = x0
            for g, group in enumerate(row):
                for n, ch in enumerate(group):
                    width = stringWidth(ch, fonts.BOLD, self.size)
                    line.setTextOrigin(x + (n + 0.5) * self.cell - width / 2, y)
                    line.textOut(ch)
                x += group_width
                if g < len(row) - 1:  # a dash between groups, none at the end of a row
                    width = stringWidth("-", fonts.BOLD, self.size)
                    line.setTextOrigin(x + (self.dash - width) / 2, y)
                    line.textOut("-")
                x += self.dash
            canvas.drawText(line)


def build_recovery_sheet(
    recovery_key: str, *, vault_id: str, created: date, organisation: Organisation | None = None
) -> DocumentBuilder:
    groups = key_groups(recovery_key)
    builder = DocumentBuilder(
        title="Herstelsleutel van uw kluis",
        author=organisation.name if organisation else "huisbezoek",
        subject="Herstelsleutel",
    )
    builder.add_title("Herstelsleutel van uw kluis")
    builder.add_paragraph(
        "Met deze sleutel opent u uw kluis in Huisbezoek als u uw wachtwoord vergeten bent."
    )
    builder.add_paragraph(
        "Wie dit blad heeft, kan uw kluis openen. Bewaar het daarom goed. "
        "U krijgt de sleutel maar één keer te zien."
    )
    builder.add(
        builder.keep_together(
            [
                builder.heading("Uw herstelsleutel"),
                builder.box(
                    [
                        KeyGroups(groups),
                        builder.labelled("Kluis", vault_id, boxed=True),
                        builder.labelled("Gemaakt op", date_nl(created), boxed=True),
                    ]
                ),
            ]
        )
    )
    builder.add_space(3)
    builder.add_paragraph(
        "Hoofdletters of kleine letters maakt niet uit. De streepjes hoeft u niet te typen."
    )
    builder.add_heading("Zo bewaart u dit blad veilig")
    builder.add_bullets(
        [
            "Leg het blad thuis op een veilige plek, bij uw andere belangrijke papieren.",
            "Bewaar het blad niet bij de laptop of in de laptoptas.",
            "Maak geen foto of kopie van dit blad.",
            "Geef de sleutel aan niemand. Ook niet als iemand zegt dat hij van de organisatie is.",
        ]
    )
    if organisation:
        builder.add_paragraph(f"Vragen? Bel {organisation.name}: {organisation.phone}.")
    return builder


def render_recovery_sheet(
    recovery_key: str, *, vault_id: str, created: date, organisation: Organisation | None = None
) -> bytes:
    """The sheet as PDF bytes; holds the key, so the caller never writes it without being asked."""
    return build_recovery_sheet(
        recovery_key, vault_id=vault_id, created=created, organisation=organisation
    ).render()
