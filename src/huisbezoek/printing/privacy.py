"""Privacy texts for the resident: the consent script read at the start of a visit, the block
printed on the summary, and the subject-access overview "Wat wij over u bewaren".

The words are data (``resources/privacy/privacy.yaml``), so an organisation can adapt them;
the program fills in the organisation, its phone number, the retention period and the
volunteer's first name. Plain text only, no markup.
"""

from __future__ import annotations

import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from huisbezoek.paths import resources_dir

from .builder import DocumentBuilder, Organisation
from .content import _read_yaml
from .errors import PrintInputError, ResourceFileError
from .summary import date_nl

PRIVACY_FILE = "privacy/privacy.yaml"
PLACEHOLDERS = frozenset({"organisatie", "telefoon", "maanden", "vrijwilliger"})
PARTS = ("gesprek", "samenvatting", "inzage")


@dataclass(frozen=True, slots=True)
class PrivacyText:
    """One part of the file: a title and its sentences, placeholders not yet filled in."""

    title: str
    lines: tuple[str, ...]
    hint: str = ""  # for the volunteer only (the consent script)

    def filled(self, **values: object) -> PrivacyText:
        def fill(text: str) -> str:
            return text.format_map({k: str(v) for k, v in values.items()})

        return PrivacyText(fill(self.title), tuple(fill(x) for x in self.lines), fill(self.hint))


def _check_placeholders(path: Path, text: str) -> None:
    try:
        names = {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}
    except ValueError:
        raise ResourceFileError.for_file(
            path, "bad braces", "een accolade { of } staat niet goed"
        ) from None
    unknown = names - PLACEHOLDERS
    if unknown:
        name = sorted(unknown)[0]
        raise ResourceFileError.for_file(
            path, f"unknown placeholder {name}", f"de naam {{{name}}} kent het programma niet"
        )


def load_privacy_texts(path: Path | None = None) -> Mapping[str, PrivacyText]:
    """The three parts of the privacy file, checked (each part a title and sentences)."""
    path = path or resources_dir() / PRIVACY_FILE
    data: Any = _read_yaml(path)
    if not isinstance(data, dict):
        raise ResourceFileError.for_file(path, "not a mapping", "het bestand is leeg")
    out: dict[str, PrivacyText] = {}
    for part in PARTS:
        raw = data.get(part)
        title = raw.get("titel") if isinstance(raw, dict) else None
        lines = raw.get("zinnen") if isinstance(raw, dict) else None
        hint = raw.get("uitleg_vrijwilliger", "") if isinstance(raw, dict) else ""
        if (
            not isinstance(title, str)
            or not isinstance(hint, str)
            or not isinstance(lines, list)
            or not lines
            or not all(isinstance(x, str) and x.strip() for x in lines)
        ):
            raise ResourceFileError.for_file(
                path, f"part {part} incomplete", f"het deel '{part}' mist een titel of zinnen"
            )
        for text in (title, hint, *lines):
            _check_placeholders(path, text)
        out[part] = PrivacyText(title.strip(), tuple(" ".join(x.split()) for x in lines), hint)
    return out


# -- subject access -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AccessVisitText:
    title: str  # "Gesprek van 3 december 2026"
    status: str
    answers: Sequence[tuple[str, str]] = ()
    signals: Sequence[tuple[str, str]] = ()
    consents: Sequence[str] = ()
    leaflets: Sequence[str] = ()


@dataclass(frozen=True, slots=True)
class AccessInput:
    """Everything the overview prints, as text."""

    organisation: Organisation
    intro: PrivacyText  # filled in
    made_on: date
    details: Sequence[tuple[str, str]]
    contacts: Sequence[str] = ()
    appointments: Sequence[str] = ()
    visits: Sequence[AccessVisitText] = field(default_factory=tuple)


def build_subject_access(data: AccessInput) -> DocumentBuilder:
    if not data.details:
        raise PrintInputError("subject access without details")
    org = data.organisation
    builder = DocumentBuilder(
        title=data.intro.title, author=org.name, subject="Overzicht van uw gegevens (inzage)"
    )
    builder.add_title(data.intro.title)
    builder.add_paragraph(f"Gemaakt op {date_nl(data.made_on)}.")
    for line in data.intro.lines:
        builder.add_paragraph(line)
    builder.add_heading("Uw gegevens")
    for label, value in data.details:
        builder.add_labelled(label, value)
    builder.add_heading("Contact met u")
    builder.add_bullets(data.contacts or ["Er staat geen contact met u in."])
    if data.appointments:
        builder.add_heading("Afspraken")
        builder.add_bullets(data.appointments)
    if not data.visits:
        builder.add_heading("Gesprekken")
        builder.add_paragraph("Er staat geen gesprek met u in.")
    for visit in data.visits:
        builder.add_heading(visit.title)
        builder.add_paragraph(visit.status)
        # Each list with its label kept together: no label alone at the foot of a page.
        if visit.answers:
            builder.add(
                builder.keep_together(
                    [
                        builder.paragraph("Wat de vrijwilliger opschreef", bold=True),
                        *builder.bullets(f"{q} {a}" for q, a in visit.answers),
                    ]
                )
            )
        if visit.signals:
            builder.add(
                builder.keep_together(
                    [
                        builder.paragraph(
                            "Aandachtspunten die de vrijwilliger noteerde", bold=True
                        ),
                        *(builder.labelled(label, text) for label, text in visit.signals),
                    ]
                )
            )
        if visit.consents:
            builder.add_paragraph("Waar u toestemming voor gaf", bold=True)
            builder.add_bullets(visit.consents)
        if visit.leaflets:
            builder.add_paragraph("Folders die u kreeg", bold=True)
            builder.add_bullets(visit.leaflets)
    builder.add_heading("Vragen?")
    builder.add_paragraph(f"Bel {org.name}: {org.phone}.")
    return builder


def render_subject_access(data: AccessInput) -> bytes:
    """The overview as PDF bytes. Holds personal data: the caller must not write it in plain."""
    return build_subject_access(data).render()
