"""Headless coordinator commands (``huisbezoek coordinator ...``): address list, assignment,
follow-up queue, dashboard, municipality report, retention and subject rights.

The store is a PostgreSQL database or the coordinator vault, chosen in this order
(``coordinator.connection.resolve_store_url``): ``--url``, an explicit ``--dir`` (the vault in
that folder), the environment variable ``HUISBEZOEK_STORE_URL``, the server saved with
``coordinator connect``, else the coordinator vault in the data folder. A vault's passphrase
comes from the terminal or, with ``--passphrase-stdin``, standard input. A server's password
is never an argument: libpq reads ``~/.pgpass`` or a service file, or the command asks it
(hidden).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from huisbezoek.cli.common import (
    ORG_PASSPHRASE_PROMPT,
    asker_for,
    coordinator_store,
    resolve_store,
    unlock_org_key,
)
from huisbezoek.coordinator import (
    addresses,
    dashboard,
    documents,
    figures,
    importer,
    retention,
)
from huisbezoek.coordinator import followup as fu
from huisbezoek.coordinator import packages as coordinator_packages
from huisbezoek.coordinator.connection import URL_ENV
from huisbezoek.coordinator.settings import (
    check_laptop_retention_months,
    check_retention_months,
    load_settings,
    save_settings,
    set_laptop_retention_months,
    set_retention_months,
)
from huisbezoek.coordinator.store.backend import init_organisation_in
from huisbezoek.domain import Severity, Theme
from huisbezoek.errors import InvalidInputError
from huisbezoek.exchange import package as package_format
from huisbezoek.fsutil import atomic_write
from huisbezoek.safe_read import read_bounded, read_yaml_folder
from huisbezoek.services import packages
from huisbezoek.vault import KdfParams


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    main = subparsers.add_parser("coordinator", help="coördinatie: opvolging, wijken, rapport")
    sub = main.add_subparsers(dest="coordinator_command", metavar="actie", required=True)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text)
        p.add_argument("--dir", type=Path, default=None, help="map van het coördinatiebestand")
        p.add_argument("--url", default=None, help=f"PostgreSQL-adres (of {URL_ENV})")
        p.add_argument("--passphrase-stdin", action="store_true", help="wachtwoordzin van stdin")
        return p

    p = command("addresses", "lees de adreslijst van de gemeente in (CSV)")
    p.add_argument("file", type=Path)
    p.set_defaults(func=cmd_addresses)
    p = command("assign", "geef de bewoners van een wijk aan een vrijwilliger")
    p.add_argument("--neighbourhood", required=True, help="naam van de wijk")
    p.add_argument("--volunteer", required=True, help="sleutel-id van de vrijwilliger")
    p.add_argument(
        "--reassign", "--opnieuw", action="store_true",
        help="ook bewoners die al een (andere) vrijwilliger hebben",
    )  # fmt: skip
    p.set_defaults(func=cmd_assign)
    p = command("queue", "toon de signalen die opvolging nodig hebben")
    p.add_argument("--all", action="store_true", help="ook afgeronde signalen")
    p.add_argument("--search", "--zoek", default="", help="naam, postcode of begin van het nummer")
    p.add_argument("--theme", "--onderwerp", choices=[t.value for t in Theme])
    p.add_argument("--severity", "--urgentie", choices=[s.slug for s in Severity])
    p.add_argument("--neighbourhood", "--wijk", default="")
    p.add_argument("--volunteer", "--vrijwilliger", default="", help="sleutel-id")
    p.add_argument("--status", choices=[s.value for s in fu.FollowUpStatus])
    p.add_argument("--due", "--termijn", choices=[d.value for d in fu.DueFilter])
    p.add_argument("--sort", "--volgorde", choices=[o.value for o in fu.QueueSort],
                   default=fu.QueueSort.URGENCY.value)  # fmt: skip
    p.add_argument("--page", "--pagina", type=int, default=1, help="bladzijde (50 per stuk)")
    p.set_defaults(func=cmd_queue)
    p = command("followup", "werk een signaal bij")
    p.add_argument("signal")
    p.add_argument("--by", help="wie dit doet (niet bij PostgreSQL: daar uw account)")
    p.add_argument("--status", choices=[s.value for s in fu.FollowUpStatus])
    p.add_argument("--service", help="dienst bij doorverwijzen")
    p.add_argument("--assign", help="wie het oppakt")
    p.add_argument("--due", help="termijn (DD-MM-JJJJ of JJJJ-MM-DD)")
    p.add_argument("--note", default="", help="notitie")
    p.add_argument(
        "--outcome", choices=[o.value for o in fu.FollowUpOutcome], help="hoe het afliep"
    )
    p.add_argument(
        "--tell-service",
        "--dienst-inlichten",
        choices=["ja", "nee"],
        help="na ingetrokken toestemming: laat u de dienst weten dat de verwijzing vervalt?",
    )
    p.set_defaults(func=cmd_followup)
    p = command("referral", "maak een verwijsbrief (PDF)")
    p.add_argument("signal")
    p.add_argument("--by", help="naam op de brief (bij PostgreSQL standaard uw account)")
    p.add_argument("--out", type=Path, required=True)
    p.set_defaults(func=cmd_referral)
    p = command("dashboard", "toon het bereik per wijk")
    p.set_defaults(func=cmd_dashboard)
    p = command("report", "maak het anonieme rapport voor de gemeente")
    p.add_argument("--pdf", type=Path)
    p.add_argument("--csv", type=Path)
    p.add_argument(
        "--period",
        "--periode",
        default="alles",
        help="alles (standaard), een jaar (2026) of een kwartaal (2026-K3)",
    )
    p.set_defaults(func=cmd_report)
    p = command("settings", "toon of wijzig de instellingen van de coördinatie")
    p.add_argument("--name", "--naam", help="naam van de organisatie op brieven en rapporten")
    p.add_argument("--phone", "--telefoon", help="telefoonnummer op brieven")
    p.add_argument("--round-start", "--start-ronde", help="startdatum van de ronde (DD-MM-JJJJ)")
    p.add_argument("--round-years", "--duur-ronde", type=int, help="duur van de ronde in jaren")
    p.add_argument("--age-min", "--leeftijd-van", type=int, help="jongste leeftijd")
    p.add_argument("--age-max", "--leeftijd-tot", type=int, help="oudste leeftijd")
    p.add_argument("--retention-months", "--bewaartermijn", type=int, help="maanden")
    p.set_defaults(func=cmd_settings)
    p = command("retention", "toon of wis wat over de bewaartermijn is")
    p.add_argument("--months", type=int, help="stel de bewaartermijn in (maanden)")
    p.add_argument("--run", action="store_true", help="wis echt (anders alleen tonen)")
    p.add_argument(
        "--laptop-months",
        type=int,
        help="bewaartermijn op de laptops van de vrijwilligers (gaat mee met het "
        "volgende configuratiepakket)",
    )
    p.set_defaults(func=cmd_retention)
    p = sub.add_parser("init-store", help="maak de organisatie in een PostgreSQL-database")
    p.add_argument("--url", default=None, help=f"PostgreSQL-adres (of {URL_ENV})")
    p.add_argument("--name", required=True, help="naam van de organisatie")
    p.add_argument("--config-out", type=Path, default=Path("organisatie.json"))
    p.add_argument(
        "--passphrase-stdin", action="store_true", help="wachtwoordzin van stdin (twee keer)"
    )
    p.add_argument("--kdf-floor", action="store_true", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_init_store, dir=None)
    p = sub.add_parser("roles", help="persoonlijke accounts in de gedeelde PostgreSQL-database")
    p.add_argument("--url", default=None, help=f"PostgreSQL-adres van de beheerder (of {URL_ENV})")
    p.add_argument("--passphrase-stdin", action="store_true", help="wachtwoord van stdin")
    p.set_defaults(func=cmd_roles, dir=None)
    roles_sub = p.add_subparsers(dest="roles_command", metavar="actie", required=True)
    roles_sub.add_parser("setup", help="maak de groepen, rechten en overzichten (eenmalig)")
    create = roles_sub.add_parser("create", help="maak een persoonlijk account")
    create.add_argument("name", metavar="NAAM", help="accountnaam, bijvoorbeeld an_devries")
    create.add_argument(
        "--role",
        required=True,
        choices=["coordinator", "followup", "reporting"],
        help="coordinator (alles), followup (eigen opvolging), reporting (alleen aantallen)",
    )
    p = command("import", "lees zendingen in (ook in PostgreSQL)")
    p.add_argument("files", type=Path, nargs="+")
    p.set_defaults(func=cmd_import)
    p = sub.add_parser("gui", help="open het coördinatiescherm")
    p.add_argument("--dir", type=Path, default=None, help="map van het coördinatiebestand")
    p.add_argument("--url", default=None, help=f"PostgreSQL-adres (of {URL_ENV} of connect)")
    p.set_defaults(func=cmd_gui)
    p = sub.add_parser(
        "connect", help="kies de PostgreSQL-server van de organisatie, toon of vergeet hem"
    )
    p.add_argument(
        "url", nargs="?", metavar="ADRES",
        help="postgresql://account@server:5432/database?sslmode=verify-full (zonder wachtwoord)",
    )  # fmt: skip
    p.add_argument("--forget", "--vergeet", action="store_true", help="vergeet de server")
    p.add_argument(
        "--passphrase-stdin", action="store_true", help="wachtwoord van de database van stdin"
    )
    p.set_defaults(func=cmd_connect, dir=None)
    p = command("assignment", "maak het toewijzingspakket voor één vrijwilliger")
    p.add_argument("--volunteer", required=True, help="sleutel-id van de vrijwilliger")
    p.add_argument("--out", type=Path, required=True)
    p.set_defaults(func=cmd_assignment)
    p = command("drop", "stel de uitwisselmap in (WebDAV of een gesynchroniseerde map)")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--webdav", metavar="ADRES", help="WebDAV-adres (https://...)")
    where.add_argument("--folder", type=Path, metavar="MAP", help="een gesynchroniseerde map")
    p.add_argument("--user", help="gebruikersnaam (bij --webdav); het wachtwoord wordt gevraagd")
    p.set_defaults(func=cmd_drop)
    p = command("fetch", "haal nieuwe zendingen op uit de uitwisselmap en lees ze in")
    p.set_defaults(func=cmd_fetch)
    p = command("publish", "zet pakketten in de uitwisselmap, voor de vrijwilligers")
    p.add_argument("files", type=Path, nargs="+", metavar="PAKKET")
    p.set_defaults(func=cmd_publish)
    p = command("configuration", "maak het configuratiepakket voor alle vrijwilligers")
    p.add_argument("--forms", type=Path, help="map met formulieren (*.yaml)")
    p.add_argument("--leaflets", type=Path, help="map met folders (*.yaml)")
    p.add_argument("--services", type=Path, help="map met de sociale kaart (*.yaml)")
    p.add_argument("--out", type=Path, required=True)
    p.set_defaults(func=cmd_configuration)
    package = subparsers.add_parser(
        "package", help="vrijwilliger: lees een pakket van de coördinator in"
    )
    package.add_argument("file", type=Path)
    package.add_argument("--dir", type=Path, default=None, help="map van de kluis")
    package.add_argument("--passphrase-stdin", action="store_true", help="wachtwoordzin van stdin")
    package.set_defaults(func=cmd_package)
    for name, help_text in (
        ("dossier", "print alles over één bewoner"),
        ("erase", "wis één bewoner"),
    ):
        p = command(name, help_text)
        p.add_argument("--name", required=True)
        p.add_argument("--postcode", required=True)
        if name == "dossier":
            p.add_argument("--out", type=Path, required=True)
            p.set_defaults(func=cmd_dossier)
        else:
            p.add_argument("--yes", action="store_true", help="zonder nog eens te vragen")
            p.set_defaults(func=cmd_erase)


def _need_server(args: argparse.Namespace) -> None:
    if not resolve_store(args):
        raise InvalidInputError(
            "no url",
            message_nl=f"Geef het adres van de database met --url of {URL_ENV}, of verbind "
            "eerst met: huisbezoek coordinator connect ADRES",
        )


def cmd_addresses(args: argparse.Namespace) -> int:
    data = _read(args.file, addresses.MAX_BYTES)
    with coordinator_store(args) as store, store.session() as session:
        report = addresses.import_address_list(session, data)
    print(f"Ingelezen: {report.new} nieuw, {report.updated} bijgewerkt.")
    for hood, count in sorted(report.per_neighbourhood.items()):
        print(f"  {hood}: {count}")
    return 0


def cmd_assign(args: argparse.Namespace) -> int:
    with coordinator_store(args) as store, store.session() as session:
        count = addresses.assign_neighbourhood(
            session, args.neighbourhood, args.volunteer, only_unassigned=not args.reassign
        )
    print(f"{count} bewoners toegewezen.")
    return 0


QUEUE_PAGE = 50


def cmd_queue(args: argparse.Namespace) -> int:
    spec = fu.QueueFilter(
        search=args.search,
        theme=Theme(args.theme) if args.theme else None,
        severity=Severity.from_slug(args.severity) if args.severity else None,
        neighbourhood=args.neighbourhood,
        volunteer=args.volunteer,
        status=fu.FollowUpStatus(args.status) if args.status else None,
        due=fu.DueFilter(args.due) if args.due else None,
        include_closed=args.all,
        sort=fu.QueueSort(args.sort),
    )
    if args.page < 1:
        raise InvalidInputError("bad page", message_nl="Bladzijde 1 is de eerste.")
    with coordinator_store(args) as store, store.session() as session:
        fu.sync_followups(session)
        page = fu.queue_page(session, spec, limit=QUEUE_PAGE, offset=(args.page - 1) * QUEUE_PAGE)
    for item in page.items:
        print(
            f"{item.signal_id[:8]}  {item.severity.label_nl:<13} {item.theme.label_nl:<24} "
            f"{item.signal_date:%d-%m-%Y}  {item.neighbourhood[:16]:<16} {item.status_text:<28} "
            f"{item.resident}"
        )
    if page.total == 0:
        print("Geen signalen gevonden.")
    else:
        last = page.offset + len(page.items)
        print(
            f"Signalen {page.offset + 1} tot en met {last} van {page.total} "
            f"(bladzijde {page.page} van {page.pages})."
        )
    return 0


def _author(session: Session, by: str | None) -> str:
    """Who makes a change: on a shared PostgreSQL store the personal database account, never a
    typed name (``--by`` is then ignored); in a vault, ``--by``."""
    if session.connection().dialect.name == "postgresql":
        return str(session.scalar(select(func.current_user())))
    if not by:
        raise InvalidInputError("no author", message_nl="Vul in wie dit doet: --by NAAM.")
    return by


def _sync_if_allowed(session: Session) -> None:
    """Bring the queue up to date, unless the account may not (a follow-up worker's account
    sees only its own items; a coordinator's refresh brings new ones)."""
    if session.connection().dialect.name == "postgresql":
        allowed = session.scalar(text("SELECT has_table_privilege('cw_followups', 'INSERT')"))
        if not allowed:
            return
    fu.sync_followups(session)


def cmd_followup(args: argparse.Namespace) -> int:
    status = fu.FollowUpStatus(args.status) if args.status else None
    outcome = fu.FollowUpOutcome(args.outcome) if args.outcome else None
    due = parse_day(args.due) if args.due is not None else None
    with coordinator_store(args) as store, store.session() as session:
        _sync_if_allowed(session)
        by = _author(session, args.by)
        signal_id = fu.resolve_signal_id(session, args.signal)
        if args.tell_service is not None:
            item = fu.decide_withdrawn_referral(
                session, signal_id, by=by, tell_service=args.tell_service == "ja"
            )
        else:
            changes: dict[str, object] = {} if due is None else {"due_on": due}
            item = fu.update_followup(
                session,
                signal_id,
                by=by,
                status=status,
                service=args.service,
                assigned_to=args.assign,
                note=args.note,
                outcome=outcome,
                **changes,  # type: ignore[arg-type]
            )
    print(f"Opgeslagen: {item.status_text}.")
    return 0


def parse_day(text: str) -> date:
    """A date as people type it (31-12-2026) or as ISO (2026-12-31); a Dutch error otherwise."""
    value = text.strip()
    for fmt in ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise InvalidInputError(
        "unreadable date", message_nl=f"'{value}' is geen datum. Schrijf bijvoorbeeld 31-12-2026."
    )


def cmd_referral(args: argparse.Namespace) -> int:
    with coordinator_store(args) as store, store.session() as session:
        signal_id = fu.resolve_signal_id(session, args.signal)
        pdf = documents.referral_letter_pdf(
            session,
            signal_id,
            coordinator=args.by or _author(session, None),
            made_on=date.today(),
        )
    atomic_write(args.out, pdf)
    print(f"Verwijsbrief opgeslagen: {args.out}")
    return 0


def cmd_dashboard(args: argparse.Namespace) -> int:
    with coordinator_store(args) as store, store.session() as session:
        fu.sync_followups(session)
        rows = dashboard.coverage(session)
        progress = dashboard.progress(session, date.today())
        band = load_settings(session)
        old = figures.legacy_volunteers(session)
    for line in dashboard_lines(rows, f"{band.age_min}-{band.age_max}"):
        print(line)
    print(
        f"Uitgenodigd: {progress.invited_share:.0%} van de bewoners; "
        f"volgens planning nu {progress.target_share:.0%} (klaar op {progress.deadline:%d-%m-%Y})."
    )
    if old:
        print(
            f"Let op: {old} vrijwilliger(s) stuurden nog een oude zending; hun bewoners tellen "
            "mee na hun volgende zending."
        )
    return 0


def dashboard_lines(rows: list[figures.NeighbourhoodCoverage], band: str) -> list[str]:
    """The dashboard as text: residents per neighbourhood, then the total."""
    head = (
        f"{'Wijk':<22}{band:>7}{'uitgen.':>8}{'bereikt':>8}{'ja':>6}{'bezocht':>8}"
        f"{'afgez.':>7}{'niet b.':>8}{'vertr.':>7}{'signaal':>8}{'respons':>8}"
    )
    lines = [head]
    for row in [*rows, figures.totals(rows)]:
        rate = f"{row.response_rate:.0%}" if row.response_rate is not None else "-"
        lines.append(
            f"{row.neighbourhood[:21]:<22}{row.in_band:>7}{row.invited:>8}{row.reached:>8}"
            f"{row.accepted:>6}{row.visited:>8}{row.declined:>7}{row.not_reached:>8}"
            f"{row.gone:>7}{row.signalled:>8}{rate:>8}"
        )
    return lines


def cmd_report(args: argparse.Namespace) -> int:
    if args.pdf is None and args.csv is None:
        raise InvalidInputError("no output", message_nl="Kies --pdf of --csv (of allebei).")
    today = date.today()
    period = figures.parse_period(args.period, today)
    with coordinator_store(args) as store, store.session() as session:
        fu.sync_followups(session)
        if args.pdf is not None:
            pdf = documents.municipality_report_pdf(session, today, period=period)
            atomic_write(args.pdf, pdf)
        if args.csv is not None:
            csv_bytes = documents.municipality_report_csv(session, today, period=period)
            atomic_write(args.csv, csv_bytes)
    print(f"Rapport opgeslagen ({period.label}).")
    return 0


def cmd_retention(args: argparse.Namespace) -> int:
    """Preview by default (``--months`` previews that term and saves nothing); ``--run``
    saves the term given and erases."""
    # Both terms are checked before either is saved: a wrong one changes nothing.
    if args.months is not None:
        check_retention_months(args.months)
    if args.laptop_months is not None:
        check_laptop_retention_months(args.laptop_months)
    with coordinator_store(args) as store:
        if args.months is not None and args.run:
            with store.session() as session:
                set_retention_months(session, args.months)
        if args.laptop_months is not None:
            with store.session() as session:
                set_laptop_retention_months(session, args.laptop_months)
        with store.session() as session:
            preview = retention.preview_retention(session, date.today(), months=args.months)
            laptop = load_settings(session).laptop_retention_months
        print(f"Bewaartermijn op de laptops: {laptop} maanden.")
        print(
            f"Bewaartermijn {preview.months} maanden: gegevens van {preview.total} "
            f"afgesloten signalen (gesloten voor {preview.cutoff:%d-%m-%Y}) worden gewist"
            + ("." if args.run else " als u --run gebruikt.")
        )
        if args.run:
            count = retention.run_retention(store, date.today())
            print(f"Gewist: {count}.")
    return 0


def cmd_settings(args: argparse.Namespace) -> int:
    """Show the settings, or change the ones given."""
    start = parse_day(args.round_start) if args.round_start else None
    with coordinator_store(args) as store, store.session() as session:
        current = save_settings(
            session,
            organisation_name=args.name,
            phone=args.phone,
            round_start=start,
            round_years=args.round_years,
            age_min=args.age_min,
            age_max=args.age_max,
            retention_months=args.retention_months,
        )
    start_text = f"{current.round_start:%d-%m-%Y}" if current.round_start else "nog niet gezet"
    print(f"Organisatie:      {current.organisation_name or '-'}")
    print(f"Telefoon:         {current.phone or '-'}")
    print(f"Start ronde:      {start_text}")
    print(f"Duur ronde:       {current.target_years} jaar")
    print(f"Leeftijdsgroep:   {current.age_min} tot en met {current.age_max} jaar")
    print(f"Bewaartermijn:    {current.retention_months} maanden")
    return 0


def cmd_dossier(args: argparse.Namespace) -> int:
    ref = retention.ResidentRef(args.name, args.postcode)
    with coordinator_store(args) as store, store.session() as session:
        pdf = documents.resident_dossier_pdf(session, ref, made_on=date.today())
    atomic_write(args.out, pdf)
    print(f"Overzicht opgeslagen: {args.out}")
    return 0


def cmd_erase(args: argparse.Namespace) -> int:
    ref = retention.ResidentRef(args.name, args.postcode)
    # The store first: with --passphrase-stdin the passphrase is the first line of input,
    # and only then the "ja".
    with coordinator_store(args) as store:
        if not args.yes:
            answer = input(f"Alles over {ref.name} wissen? Dit kan niet terug. Typ ja: ")
            if answer.strip().lower() != "ja":
                print("Niets gewist.")
                return 1
        erased = retention.erase_resident(store, ref)
    print(f"Gewist: {erased.address_list} op de adreslijst, {erased.signals} signalen.")
    return 0


def cmd_init_store(args: argparse.Namespace) -> int:
    _need_server(args)
    print(
        "Kies de wachtwoordzin van de organisatiesleutel. Alle coördinatoren gebruiken dezelfde; "
        "zonder deze zin kan niemand zendingen openen. Bewaar hem op een veilige plek."
    )
    passphrase = asker_for(args).ask_new(ORG_PASSPHRASE_PROMPT)
    kdf = KdfParams.FLOOR if args.kdf_floor else None
    with coordinator_store(args) as store:
        config = init_organisation_in(store, args.name, passphrase, kdf=kdf)
    atomic_write(args.config_out, config.to_bytes(), mode=0o644)
    print(f"Organisatie {config.name} is gemaakt. Configuratiebestand: {args.config_out}")
    print(f"Vingerafdruk (vergelijk die door de telefoon): {config.fingerprint}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:

    with coordinator_store(args) as store:
        unlock_org_key(store, asker_for(args))
        # The exchange services need only session() and schema, which the store offers.
        report = importer.import_batches(store, args.files)
        with store.session() as session:
            fu.sync_followups(session)
    for line in report.lines_nl():
        print(line)
    return 0 if report.rejected == 0 else 1


def cmd_roles(args: argparse.Namespace) -> int:
    from huisbezoek.coordinator.store.roles import Role, create_login, setup_roles

    _need_server(args)
    with coordinator_store(args) as store, store.engine.begin() as conn:
        if args.roles_command == "setup":
            setup_roles(conn)
            print("De groepen huisbezoek_coordinator, huisbezoek_followup en "
                  "huisbezoek_reporting en hun rechten staan klaar.")  # fmt: skip
            return 0
        password = asker_for(args).ask_new(f"Wachtwoord voor {args.name}: ")
        setup_roles(conn)
        create_login(conn, args.name, Role(args.role), password)
    print(f"Account {args.name} is gemaakt ({args.role}).")
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from huisbezoek.gui.launcher import run_coordinator_gui

    return run_coordinator_gui(args.dir, url=resolve_store(args))


def cmd_connect(args: argparse.Namespace) -> int:
    """Save, show or forget the organisation's server (see ``coordinator.connection``)."""
    from huisbezoek.coordinator import connection
    from huisbezoek.coordinator.store.server import (
        PasswordNeededError,
        StoreUnavailableError,
        check_url,
        describe,
        probe,
    )

    if args.forget:
        if connection.forget_connection():
            print("De server is vergeten. Huisbezoek gebruikt nu het coördinatiebestand op "
                  "deze computer.")  # fmt: skip
        else:
            print("Er was geen server ingesteld.")
        return 0
    if args.url is None:
        saved = connection.load_connection()
        if saved is None:
            print("Er is geen server ingesteld. Huisbezoek gebruikt het coördinatiebestand op "
                  "deze computer.")  # fmt: skip
        else:
            print(f"Verbonden met: {describe(saved.url).line_nl()}")
            print(f"Adres: {saved.url}")
        if connection.resolve_store_url().source == URL_ENV:
            print(f"Let op: {URL_ENV} is ingesteld; dat adres gaat voor.")
        return 0
    url = check_url(args.url)
    asked = False
    try:
        try:
            found = probe(url)
        except PasswordNeededError:
            from huisbezoek.cli.common import ask_server_password

            password = ask_server_password(url, asker_for(args))
            asked = True
            found = probe(url, password)
    except StoreUnavailableError as exc:
        raise type(exc)(
            exc.log_message, message_nl=f"{exc.message_nl} Het adres is niet opgeslagen."
        ) from None
    connection.save_connection(url, password_needed=asked)
    where = describe(url)
    organisation_text = f" (organisatie {found.organisation})" if found.organisation else ""
    print(f"Verbonden. {where.line_nl()}{organisation_text}.")
    print(f"U werkt als {found.account}. Alle coördinatie-opdrachten en het coördinatiescherm "
          "gebruiken nu deze server.")  # fmt: skip
    if asked:
        print("Het wachtwoord is niet bewaard; Huisbezoek vraagt het elke keer. Wilt u dat "
              "niet, zet het dan in ~/.pgpass.")  # fmt: skip
    return 0


def cmd_assignment(args: argparse.Namespace) -> int:
    with coordinator_store(args) as store:
        unlock_org_key(store, asker_for(args))
        with store.session() as session:
            data, count = coordinator_packages.export_assignment(session, args.volunteer)
    atomic_write(args.out, data, mode=0o644)
    print(f"Toewijzing met {count} bewoners opgeslagen: {args.out}")
    return 0


def _folder_files(folder: Path | None) -> dict[str, str]:
    if folder is None:
        return {}
    if not folder.is_dir():
        raise InvalidInputError(
            "not a folder", message_nl=f"De map {folder.name} bestaat niet. Kies een map."
        )
    return read_yaml_folder(folder)


def cmd_configuration(args: argparse.Namespace) -> int:
    from huisbezoek.services.configuration import check_package_files

    files = {
        "forms": _folder_files(args.forms),
        "leaflets": _folder_files(args.leaflets),
        "services": _folder_files(args.services),
    }
    check_package_files(**files)  # as the volunteers' apps will, before anything is made
    with coordinator_store(args) as store:
        unlock_org_key(store, asker_for(args))
        with store.session() as session:
            data = coordinator_packages.export_configuration(session, **files)
    atomic_write(args.out, data, mode=0o644)
    print(f"Configuratiepakket opgeslagen: {args.out}")
    return 0


def cmd_package(args: argparse.Namespace) -> int:
    from huisbezoek.services import startup as volunteer_session

    data = _read(args.file, package_format.MAX_PACKAGE_BYTES)
    if args.passphrase_stdin:
        passphrase = sys.stdin.readline().rstrip("\r\n")
    else:
        passphrase = getpass.getpass("Wachtwoordzin: ")
    opened = volunteer_session.unlock(passphrase, folder=args.dir)
    vault = opened.vault
    try:
        kind = package_format.package_kind(data)
        if kind == package_format.ASSIGNMENT:
            result = packages.accept_assignment(vault, data)
            print(f"Toewijzing ingelezen: {result.added} nieuwe bewoners, "
                  f"{result.skipped} stonden er al.")  # fmt: skip
            for line in result.lines_nl()[1:]:
                print(line)
        else:
            from huisbezoek.services.configuration import apply_configuration_package

            for line in apply_configuration_package(vault, data).lines_nl():
                print(line)
    finally:
        vault.close()
    return 0


def _read(path: Path, limit: int) -> bytes:
    """An outside file (package, address list) through the bounded reader."""
    return read_bounded(path, limit)


def cmd_drop(args: argparse.Namespace) -> int:
    from huisbezoek.coordinator import drop as coordinator_drop

    if args.webdav and not args.user:
        raise InvalidInputError("no user", message_nl="Geef ook --user GEBRUIKERSNAAM op.")
    with coordinator_store(args) as store, store.session() as session:
        if args.folder is not None:
            coordinator_drop.set_folder(session, args.folder)
        else:
            password = (
                sys.stdin.readline().rstrip("\r\n")
                if args.passphrase_stdin
                else getpass.getpass("Wachtwoord van de uitwisselmap: ")
            )
            coordinator_drop.set_webdav(session, args.webdav, args.user, password)
    print("De uitwisselmap is ingesteld. Nieuwe configuratiepakketten noemen hem voor de")
    print("vrijwilligers. Ophalen gaat met: huisbezoek coordinator fetch")
    return 0


def cmd_fetch(args: argparse.Namespace) -> int:
    from huisbezoek.coordinator import drop as coordinator_drop

    with coordinator_store(args) as store:
        unlock_org_key(store, asker_for(args))  # opens the batches, signs the receipts
        with store.session() as session:
            drop = coordinator_drop.open_drop(session)
        fetched = coordinator_drop.fetch(store, drop)
        with store.session() as session:
            fu.sync_followups(session)
        from huisbezoek.coordinator.receipts import publish_receipts

        receipts = publish_receipts(store, drop, fetched.report)
    for line in fetched.lines_nl():
        print(line)
    if receipts:
        print(f"Ontvangstbewijs in de uitwisselmap gezet voor {len(receipts)} vrijwilliger(s).")
    return 0 if fetched.report.rejected == 0 else 1


def cmd_publish(args: argparse.Namespace) -> int:
    from huisbezoek.coordinator import drop as coordinator_drop

    files = [(path, _read(path, package_format.MAX_PACKAGE_BYTES)) for path in args.files]
    with coordinator_store(args) as store, store.session() as session:
        drop = coordinator_drop.open_drop(session)
        for path, data in files:
            targets = coordinator_drop.publish(
                session, drop, data, coordinator_drop.package_file_name(data)
            )
            print(f"{path.name}: klaargezet voor {len(targets)} vrijwilliger(s).")
    return 0
