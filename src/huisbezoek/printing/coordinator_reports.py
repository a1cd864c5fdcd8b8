"""Coordinator documents in large print: the anonymous report for the municipality, a referral
letter to a partner service, and everything held about one resident (right of access).

The functions take plain text prepared by the services layer, so printing knows nothing about
stores or suppression; a hidden cell arrives already as "x".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .builder import DocumentBuilder, Organisation
from .summary import date_nl


@dataclass(frozen=True, slots=True)
class ReportRow:
    """One neighbourhood (or the total): a value per column heading, as printed."""

    name: str
    values: Sequence[str]


@dataclass(frozen=True, slots=True)
class ReportSection:
    """One table of the report: a title, column headings and its rows."""

    title: str
    headings: Sequence[str]
    rows: Sequence[ReportRow]


def render_municipality_report(
    organisation: Organisation,
    *,
    made_on: date,
    period: str,
    band: str,
    sections: Sequence[ReportSection],
    hidden_mark: str,
    threshold: int,
    rounding: int,
) -> bytes:
    """Per row a framed block of figures; large print has no room for a wide table."""
    title = f"Huisbezoeken {band} jaar: cijfers"
    builder = DocumentBuilder(
        title=title, author=organisation.name, subject="Anoniem overzicht voor de gemeente"
    )
    builder.add_title(title)
    builder.add_paragraph(f"Periode: {period}.", bold=True)
    builder.add_paragraph(f"{organisation.name}, {date_nl(made_on)}.")
    builder.add_paragraph(
        "Dit overzicht bevat geen namen. Elk getal telt mensen, niet bezoeken of pogingen. "
        f"Aantallen onder de {threshold} staan er niet in, zodat niemand te herkennen is. Op die "
        f"plek staat '{hidden_mark}'. Soms staat er ook '{hidden_mark}' bij een groter aantal: "
        "anders kon u het kleine aantal uitrekenen uit het totaal. Een 0 is echt 0."
    )
    builder.add_paragraph(
        f"Alle andere aantallen zijn afgerond op {rounding}-tallen. Een totaal kan daardoor "
        "iets anders zijn dan de som van de regels."
    )
    for section in sections:
        builder.add_heading(section.title)
        if not section.rows:
            builder.add_paragraph("Geen gegevens in deze periode.")
        for row in section.rows:
            parts = [builder.paragraph(row.name, bold=True, boxed=True)]
            parts += [
                builder.labelled(heading, value, boxed=True)
                for heading, value in zip(section.headings, row.values, strict=True)
            ]
            builder.add_box(parts)
            builder.add_space(3)
    return builder.render()


@dataclass(frozen=True, slots=True)
class ReferralLetter:
    service: str
    resident_name: str
    resident_address: str
    resident_phone: str
    theme: str
    concern: str
    agreed: str
    consent_given_on: date
    consent_method: str
    coordinator: str


def render_referral_letter(
    organisation: Organisation, letter: ReferralLetter, *, made_on: date
) -> bytes:
    builder = DocumentBuilder(
        title=f"Verwijzing naar {letter.service}",
        author=organisation.name,
        subject="Verwijzing na een huisbezoek",
    )
    builder.add_title(f"Verwijzing naar {letter.service}")
    builder.add_paragraph(f"{organisation.name}, {date_nl(made_on)}.")
    builder.add_paragraph(
        "Bij een huisbezoek voor ouderen kwam iets naar voren waar u misschien kunt helpen. "
        "De bewoner vindt het goed dat wij dit aan u doorgeven."
    )
    builder.add_heading("Over wie gaat het")
    builder.add_labelled("Naam", letter.resident_name)
    if letter.resident_address:
        builder.add_labelled("Adres", letter.resident_address)
    if letter.resident_phone:
        builder.add_labelled("Telefoon", letter.resident_phone)
    builder.add_heading("Waarover")
    builder.add_labelled("Onderwerp", letter.theme)
    builder.add_paragraph(letter.concern)
    if letter.agreed:
        builder.add_labelled("Afgesproken", letter.agreed)
    builder.add_heading("Toestemming")
    builder.add_paragraph(
        f"De bewoner gaf op {date_nl(letter.consent_given_on)} {letter.consent_method} "
        "toestemming om door te verwijzen."
    )
    builder.add_paragraph(
        "Gebruik deze gegevens alleen voor deze hulpvraag. Bewaar de brief niet langer dan nodig."
    )
    builder.add_heading("Contact")
    builder.add_paragraph(
        f"{letter.coordinator}, {organisation.name}, telefoon {organisation.phone}."
    )
    return builder.render()


@dataclass(frozen=True, slots=True)
class DossierSection:
    heading: str
    lines: Sequence[tuple[str, str]]


def render_resident_dossier(
    organisation: Organisation, name: str, sections: Sequence[DossierSection], *, made_on: date
) -> bytes:
    """Everything the organisation holds about one resident, for a request for access."""
    builder = DocumentBuilder(
        title=f"Uw gegevens bij {organisation.name}",
        author=organisation.name,
        subject="Inzage in persoonsgegevens",
    )
    builder.add_title("Welke gegevens wij over u hebben")
    builder.add_paragraph(f"Voor: {name}. Gemaakt op {date_nl(made_on)}.")
    builder.add_paragraph(
        "Hieronder staat alles wat de coördinator van de huisbezoeken over u heeft vastgelegd. "
        "Klopt er iets niet, of wilt u dat wij het wissen? Bel ons."
    )
    for section in sections:
        builder.add_heading(section.heading)
        for label, value in section.lines:
            builder.add_labelled(label, value or "-")
    builder.add_heading("Vragen")
    builder.add_paragraph(f"Bel {organisation.name}: {organisation.phone}.")
    return builder.render()
