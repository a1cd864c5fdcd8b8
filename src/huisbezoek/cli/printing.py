"""Headless printing: ``huisbezoek print leaflet TOPIC --out FILE`` and friends.

Leaflets hold no personal data, so these commands call the printing area directly; the
resident's summary needs the vault and is added on top of ``render_summary`` by the services.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from huisbezoek.domain import LeafletTopic
from huisbezoek.errors import InvalidInputError
from huisbezoek.printing import (
    Organisation,
    ServiceDirectory,
    load_directory,
    load_leaflets,
    render_leaflet,
    save_pdf,
    stale_services,
)

STALE_AFTER_MONTHS = 12


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("print", help="folders en andere documenten als PDF maken")
    sub = parser.add_subparsers(dest="print_command", metavar="wat", required=True)

    one = sub.add_parser("leaflet", help="één folder als PDF opslaan")
    one.add_argument("topic", choices=[topic.value for topic in LeafletTopic], metavar="ONDERWERP")
    one.add_argument("--out", type=Path, required=True, help="het PDF-bestand")
    _common(one)
    one.set_defaults(func=_print_leaflet)

    every = sub.add_parser("leaflets", help="alle folders als PDF in een map opslaan")
    every.add_argument("--out", type=Path, required=True, help="de map voor de PDF-bestanden")
    _common(every)
    every.set_defaults(func=_print_leaflets)

    check = sub.add_parser("check", help="folders en sociale kaart controleren")
    _common(check)
    check.add_argument(
        "--maanden",
        type=int,
        default=STALE_AFTER_MONTHS,
        help="waarschuw voor adressen die langer niet zijn gecontroleerd",
    )
    check.set_defaults(func=_check)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--folders", type=Path, help="map met folderteksten (standaard: ingebouwd)")
    parser.add_argument("--sociale-kaart", type=Path, help="map of bestand met de sociale kaart")
    parser.add_argument("--organisatie", help="naam van de organisatie op de folder")
    parser.add_argument("--telefoon", help="telefoonnummer van de organisatie")


def _organisation(args: argparse.Namespace, directory: ServiceDirectory) -> Organisation:
    known = directory.organisation
    name = args.organisatie or (known.name if known else None)
    phone = args.telefoon or (known.phone if known else None)
    if not name or not phone:
        raise InvalidInputError(
            "organisation name or phone missing",
            message_nl="Geef de naam en het telefoonnummer van de organisatie op "
            "(--organisatie en --telefoon).",
        )
    return Organisation(name=name, phone=phone)


def _print_leaflet(args: argparse.Namespace) -> int:
    directory = load_directory(args.sociale_kaart)
    leaflets = load_leaflets(args.folders)
    organisation = _organisation(args, directory)
    topic = LeafletTopic(args.topic)
    pdf = render_leaflet(topic, directory, organisation=organisation, leaflets=leaflets)
    _save(args.out, pdf)
    print(f"Folder opgeslagen: {args.out}")
    return 0


def _print_leaflets(args: argparse.Namespace) -> int:
    directory = load_directory(args.sociale_kaart)
    leaflets = load_leaflets(args.folders)
    organisation = _organisation(args, directory)
    args.out.mkdir(parents=True, exist_ok=True)
    for topic in LeafletTopic:
        pdf = render_leaflet(topic, directory, organisation=organisation, leaflets=leaflets)
        _save(args.out / f"folder-{topic.value}.pdf", pdf)
    print(f"{len(LeafletTopic)} folders opgeslagen in {args.out}")
    return 0


def _check(args: argparse.Namespace) -> int:
    leaflets = load_leaflets(args.folders)
    directory = load_directory(args.sociale_kaart)
    print(f"{len(leaflets)} folders en {len(directory.services)} adressen zijn in orde.")
    stale = stale_services(directory, date.today(), args.maanden)
    for service in stale:
        print(f"Lang niet gecontroleerd ({service.last_checked.isoformat()}): {service.name}")
    return 0


def _save(path: Path, pdf: bytes) -> None:
    try:
        save_pdf(path, pdf)
    except FileNotFoundError as exc:
        raise InvalidInputError(
            "output folder missing", message_nl=f"De map {path.parent} bestaat niet."
        ) from exc
    except PermissionError as exc:
        raise InvalidInputError(
            "output not writable", message_nl=f"Opslaan in {path.parent} mag niet."
        ) from exc
