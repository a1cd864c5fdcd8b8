"""Renders a leaflet from its YAML text, with the matching contacts from the sociale kaart."""

from __future__ import annotations

from collections.abc import Mapping

from reportlab.platypus import Flowable, Paragraph

from huisbezoek.domain import LeafletTopic

from .builder import DocumentBuilder, Organisation, text
from .content import Leaflet, Service, ServiceDirectory, leaflet_contacts, load_leaflets

FICTIONAL_NOTE = "Voorbeeld: deze organisatie bestaat niet echt."


def contact_parts(builder: DocumentBuilder, service: Service, *, fictional: bool) -> list[Flowable]:
    """One service as the reader needs it: who, what, and how to reach them."""
    parts: list[Flowable] = [Paragraph(text(service.name), builder.styles.contact_name)]
    parts.append(builder.paragraph(service.offer, boxed=True))
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
    if fictional:
        parts.append(builder.paragraph(FICTIONAL_NOTE, boxed=True))
    return parts


def add_contacts(
    builder: DocumentBuilder, services: tuple[Service, ...] | list[Service], *, fictional: bool
) -> None:
    for service in services:
        builder.add_box(contact_parts(builder, service, fictional=fictional))
        builder.add_space(4)


def add_organisation_footer(builder: DocumentBuilder, organisation: Organisation) -> None:
    builder.add_heading("Vragen?")
    builder.add_paragraph(f"Bel {organisation.name}.")
    builder.add_labelled("Telefoon", organisation.phone)


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
    contacts = leaflet_contacts(leaflet, directory)
    if contacts:
        builder.add_heading(leaflet.contacts.heading)
        builder.add_paragraph(f"Deze organisaties in {directory.municipality} helpen u graag.")
        add_contacts(builder, contacts, fictional=directory.fictional)
    if leaflet.closing:
        builder.add_paragraph(leaflet.closing)
    add_organisation_footer(builder, organisation)
    return builder


def render_leaflet(
    topic: LeafletTopic | Leaflet,
    directory: ServiceDirectory,
    *,
    organisation: Organisation,
    leaflets: Mapping[LeafletTopic, Leaflet] | None = None,
) -> bytes:
    """One leaflet as PDF bytes; ``leaflets`` defaults to the shipped texts (cached)."""
    if isinstance(topic, Leaflet):
        leaflet = topic
    else:
        leaflet = (leaflets if leaflets is not None else load_leaflets())[LeafletTopic(topic)]
    return build_leaflet(leaflet, directory, organisation=organisation).render()
