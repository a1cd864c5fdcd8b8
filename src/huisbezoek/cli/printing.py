"""Headless printing: ``huisbezoek print leaflet TOPIC --out FILE`` and friends.

Leaflets hold no personal data, so these commands call the printing area directly; the
resident's summary (``print summary VISIT``) opens the vault and goes through the documents
service. A PDF is only written where ``--out`` says, atomically and readable by the owner only.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from huisbezoek.cli.common import add_vault_options, open_vault
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
    one.add_argument("topic", metavar="ONDERWERP", help="naam van de folder, bijv. vallen")
    one.add_argument("--out", type=Path, required=True, help="het PDF-bestand")
    _common(one)
    one.set_defaults(func=_print_leaflet)

    every = sub.add_parser("leaflets", help="alle folders als PDF in een map opslaan")
    every.add_argument("--out", type=Path, required=True, help="de map voor de PDF-bestanden")
    _common(every)
    every.set_defaults(func=_print_leaflets)

    summary = sub.add_parser(
        "summary", help="de samenvatting van een bezoek voor de bewoner als PDF opslaan"
    )
    summary.add_argument("visit", type=int, metavar="BEZOEK", help="het nummer van het bezoek")
    summary.add_argument("--out", type=Path, required=True, help="het PDF-bestand")
    summary.add_argument(
        "--grafiek", action="store_true", help="met de cijfers als grafiek (als de bewoner dat wil)"
    )
    summary.add_argument(
        "--folders-erbij",
        action="store_true",
        help="ook de folders die bij de signalen passen, als aparte PDF-bestanden ernaast",
    )
    add_vault_options(summary)
    summary.set_defaults(func=_print_summary)

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
    topic = args.topic
    if topic not in leaflets:
        known = ", ".join(leaflets)
        print(f"Deze folder bestaat niet: {topic}. Kies uit: {known}", file=sys.stderr)
        return 2
    pdf = render_leaflet(topic, directory, organisation=organisation, leaflets=leaflets)
    save_pdf(args.out, pdf)
    print(f"Folder opgeslagen: {args.out}")
    return 0


def _print_leaflets(args: argparse.Namespace) -> int:
    directory = load_directory(args.sociale_kaart)
    leaflets = load_leaflets(args.folders)
    organisation = _organisation(args, directory)
    args.out.mkdir(parents=True, exist_ok=True)
    for topic in leaflets:
        pdf = render_leaflet(topic, directory, organisation=organisation, leaflets=leaflets)
        save_pdf(args.out / f"folder-{topic}.pdf", pdf)
    print(f"{len(leaflets)} folders opgeslagen in {args.out}")
    return 0


def _print_summary(args: argparse.Namespace) -> int:
    from huisbezoek.services import documents

    with open_vault(args) as vault:
        topics = documents.suggested_topics(vault, args.visit) if args.folders_erbij else []
        jobs = documents.visit_documents(
            vault, args.visit, topics, show_wellbeing_chart=args.grafiek
        )
        save_pdf(args.out, jobs[0].pdf)
        for job in jobs[1:]:
            assert job.topic is not None
            save_pdf(args.out.with_name(f"{args.out.stem}-folder-{job.topic}.pdf"), job.pdf)
        documents.record_leaflets_given(vault, args.visit, [j.topic for j in jobs if j.topic])
    print(f"Samenvatting opgeslagen: {args.out}")
    if len(jobs) > 1:
        print(f"En {len(jobs) - 1} folder(s) ernaast.")
    return 0


def _check(args: argparse.Namespace) -> int:
    leaflets = load_leaflets(args.folders)
    directory = load_directory(args.sociale_kaart)
    print(f"{len(leaflets)} folders en {len(directory.services)} adressen zijn in orde.")
    stale = stale_services(directory, date.today(), args.maanden)
    for service in stale:
        print(f"Lang niet gecontroleerd ({service.last_checked.isoformat()}): {service.name}")
    return 0
