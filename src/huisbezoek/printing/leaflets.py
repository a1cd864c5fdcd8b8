"""Renders a leaflet from its YAML text, with the matching contacts from the sociale kaart."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from functools import lru_cache

from huisbezoek.domain import LeafletId

from .builder import Block, DocumentBuilder, Organisation
from .content import Leaflet, Service, ServiceDirectory, leaflet_contacts, load_leaflets

FICTIONAL_NOTE = "Let op: dit zijn voorbeelden. Deze organisaties bestaan niet echt."
FICTIONAL_NOTE_WITH_NATIONAL = (
    "Let op: de organisaties uit de buurt zijn voorbeelden. Ze bestaan niet echt. "
    "De landelijke hulplijnen zijn wel echt."
)


def contact_parts(
    builder: DocumentBuilder, service: Service, *, audience: bool = True
) -> list[Block]:
    """One service as the reader needs it: who, what, and how to reach them."""
    parts: list[Block] = [builder.styled(service.name, builder.styles.contact_name)]
    parts.append(builder.paragraph(service.offer, boxed=True))
    if audience:
        parts.append(builder.labelled("Voor wie", service.audience, boxed=True))
    for label, value in (
        ("Telefoon", service.phone),
        ("Open", service.opening_hours),
        ("Adres", service.address),
        ("Website", service.website),
        ("E-mail", service.email),
    ):
        if value:
            parts.append(builder.labelled(label, value, boxed=True))
    return parts


def add_contacts(
    builder: DocumentBuilder,
    heading: str,
    intro: str | None,
    services: Sequence[Service],
    *,
    fictional: bool,
    audience: bool = True,
    national: Collection[str] = (),
) -> None:
    """A heading, a line or two, then one framed block per service.

    The heading, its lines and the first block stay on one page, so a heading never ends a page.
    """
    if not services:
        return
    opening: list[Block] = [builder.heading(heading)]
    if intro:
        opening.append(builder.paragraph(intro))
    if fictional:
        real = any(service.id in national for service in services)
        note = FICTIONAL_NOTE_WITH_NATIONAL if real else FICTIONAL_NOTE
        opening.append(builder.paragraph(note, bold=True))
    boxes = [
        builder.box(contact_parts(builder, service, audience=audience)) for service in services
    ]
    builder.add(builder.keep_together([*opening, boxes[0]]))
    for box in boxes[1:]:
        builder.add_space(4)
        builder.add(box)
    builder.add_space(2)


def add_organisation_footer(builder: DocumentBuilder, organisation: Organisation) -> None:
    builder.add_heading("Vragen?")
    builder.add_paragraph(f"Bel {organisation.name}: {organisation.phone}.")


def build_leaflet(
    leaflet: Leaflet, directory: ServiceDirectory, *, organisation: Organisation
) -> DocumentBuilder:
    builder = DocumentBuilder(
        title=leaflet.title, author=organisation.name, subject=f"Folder: {leaflet.title}"
    )
    builder.add_title(leaflet.title)
    for paragraph in leaflet.intro:
        builder.add_paragraph(paragraph)
    for section in leaflet.sections:
        builder.add_question(section.question, section.answer, section.points)
    if leaflet.closing:
        builder.add_paragraph(leaflet.closing)
    # The visiting organisation first, the local services last: the contact blocks are the
    # bulkiest part, so a page break falls between them rather than before a lone footer.
    add_organisation_footer(builder, organisation)
    add_contacts(
        builder,
        leaflet.contacts.heading,
        f"Deze organisaties in {directory.municipality} helpen u graag.",
        leaflet_contacts(leaflet, directory),
        fictional=directory.fictional,
        national={line.id for line in directory.national},
    )
    return builder


def render_leaflet(
    topic: LeafletId | Leaflet,
    directory: ServiceDirectory,
    *,
    organisation: Organisation,
    leaflets: Mapping[LeafletId, Leaflet] | None = None,
) -> bytes:
    """One leaflet as PDF bytes; ``leaflets`` defaults to the shipped texts (cached).

    A leaflet holds no personal data and the same inputs give the same document, so rendered
    leaflets are kept (a few dozen, about 30 kB each): printing the same leaflet for the next
    resident, or after a preview, costs nothing. Resident summaries are never cached.
    """
    if isinstance(topic, Leaflet):
        leaflet = topic
    else:
        leaflet = (leaflets if leaflets is not None else load_leaflets())[str(topic)]
    return _render_cached(leaflet, directory, organisation)


@lru_cache(maxsize=48)
def _render_cached(
    leaflet: Leaflet, directory: ServiceDirectory, organisation: Organisation
) -> bytes:
    # Models are frozen, so equal content means an equal key.
    return build_leaflet(leaflet, directory, organisation=organisation).render()


def prerender_leaflets(
    directory: ServiceDirectory,
    *,
    organisation: Organisation,
    leaflets: Mapping[LeafletId, Leaflet] | None = None,
) -> None:
    """Render every leaflet once (about 0.1 s), e.g. in a background job after unlocking, so
    the first preview or print of any leaflet is instant."""
    for leaflet in (leaflets if leaflets is not None else load_leaflets()).values():
        _render_cached(leaflet, directory, organisation)


def clear_leaflet_cache() -> None:
    """Forget rendered leaflets (for benchmarks; new files give new keys anyway)."""
    _render_cached.cache_clear()
