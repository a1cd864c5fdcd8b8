"""Headless commands for batch exchange: ``org ...`` (coordinator), ``enrol``, ``config import``,
``export`` (volunteer) and ``import`` (coordinator).

Passphrases come through ``cli.common.Secrets``: hidden prompts or ``--passphrase-stdin``.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path
from typing import Any

import pyrage

from huisbezoek.cli.common import Secrets, coordinator_store, open_vault, unlock_org_key
from huisbezoek.coordinator import importer, organisation
from huisbezoek.errors import InvalidInputError
from huisbezoek.fsutil import atomic_write
from huisbezoek.services import exchange as svc
from huisbezoek.vault import KdfParams, Vault


def _common(p: argparse.ArgumentParser, *, coordinator: bool) -> None:
    where = "het coördinatiebestand" if coordinator else "de kluis"
    p.add_argument("--dir", type=Path, default=None, help=f"map van {where}")
    if coordinator:
        p.add_argument(
            "--url",
            default=None,
            help="PostgreSQL-adres van de gedeelde opslag (of HUISBEZOEK_STORE_URL, of "
            "coordinator connect); wachtwoord in ~/.pgpass of gevraagd, niet in het adres",
        )
    p.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help="lees wachtwoordzinnen regel voor regel van standaardinvoer",
    )


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    org = subparsers.add_parser("org", help="coördinatie: organisatie en vrijwilligers")
    sub = org.add_subparsers(dest="org_command", metavar="actie", required=True)

    init = sub.add_parser("init", help="maak het coördinatiebestand en de sleutel")
    _common(init, coordinator=True)
    init.add_argument("--name", required=True, help="naam van de organisatie")
    init.add_argument(
        "--config-out",
        type=Path,
        default=Path("organisatie.json"),
        help="waar het configuratiebestand voor vrijwilligers komt",
    )
    init.add_argument(
        "--backup-recipient",
        action="append",
        default=[],
        help="extra (reserve)sleutel age1...; mag vaker",
    )
    init.add_argument("--kdf-floor", action="store_true", help=argparse.SUPPRESS)
    init.set_defaults(func=cmd_org_init)

    config = sub.add_parser("config", help="schrijf het configuratiebestand opnieuw")
    _common(config, coordinator=True)
    config.add_argument("--out", type=Path, required=True)
    config.set_defaults(func=cmd_org_config)

    enrol = sub.add_parser("enrol", help="lees een aanmeldbestand van een vrijwilliger in")
    _common(enrol, coordinator=True)
    enrol.add_argument("file", type=Path)
    enrol.add_argument("--name", "--naam", help="naam van de vrijwilliger (anders uit het bestand)")
    enrol.set_defaults(func=cmd_org_enrol)

    rename = sub.add_parser("rename", help="geef een vrijwilliger een andere naam")
    _common(rename, coordinator=True)
    rename.add_argument("key_id", metavar="SLEUTELNUMMER")
    rename.add_argument("name", metavar="NAAM")
    rename.set_defaults(func=cmd_org_rename)

    for name, func, text in (
        ("approve", cmd_org_approve, "keur een vrijwilliger goed (na controle vingerafdruk)"),
        ("revoke", cmd_org_revoke, "trek de sleutel van een vrijwilliger in"),
    ):
        p = sub.add_parser(name, help=text)
        _common(p, coordinator=True)
        p.add_argument("key_id", metavar="SLEUTELNUMMER")
        p.set_defaults(func=func)

    volunteers = sub.add_parser("volunteers", help="toon de vrijwilligers en hun sleutels")
    _common(volunteers, coordinator=True)
    volunteers.set_defaults(func=cmd_org_volunteers)

    passphrase = sub.add_parser(
        "passphrase",
        help="wijzig de wachtwoordzin van de organisatiesleutel (gedeelde PostgreSQL-database)",
    )
    _common(passphrase, coordinator=True)
    passphrase.add_argument("--kdf-floor", action="store_true", help=argparse.SUPPRESS)
    passphrase.set_defaults(func=cmd_org_passphrase)

    export_key = sub.add_parser("export-key", help="bewaar de sleutel van de organisatie")
    _common(export_key, coordinator=True)
    export_key.add_argument("--out", type=Path, required=True)
    export_key.add_argument(
        "--unencrypted",
        action="store_true",
        help="zonder wachtwoord (alleen voor een veilige plek, zoals een kluis)",
    )
    export_key.set_defaults(func=cmd_org_export_key)

    enrol_v = subparsers.add_parser("enrol", help="vrijwilliger: maak uw aanmeldbestand")
    _common(enrol_v, coordinator=False)
    enrol_v.add_argument("--out", type=Path, required=True)
    enrol_v.set_defaults(func=cmd_enrol)

    cfg = subparsers.add_parser("config", help="vrijwilliger: configuratie van de organisatie")
    cfg_sub = cfg.add_subparsers(dest="config_command", metavar="actie", required=True)
    cfg_import = cfg_sub.add_parser("import", help="lees het configuratiebestand in")
    _common(cfg_import, coordinator=False)
    cfg_import.add_argument("file", type=Path)
    cfg_import.set_defaults(func=cmd_config_import)

    export = subparsers.add_parser("export", help="vrijwilliger: maak een zending signalen")
    _common(export, coordinator=False)
    export.add_argument(
        "--to",
        type=Path,
        default=None,
        help="map voor het bestand (zonder --to: in de uitgaande post, verstuurd via de "
        "uitwisselmap zodra er internet is)",
    )
    export.add_argument(
        "--alles",
        action="store_true",
        help="stuur alle gedeelde signalen opnieuw (als een zending kwijt is)",
    )
    export.set_defaults(func=cmd_export)

    send = subparsers.add_parser(
        "send", help="vrijwilliger: verstuur de uitgaande post en haal pakketten op"
    )
    _common(send, coordinator=False)
    send.set_defaults(func=cmd_send)

    drop = subparsers.add_parser("drop", help="vrijwilliger: stel de uitwisselmap in")
    _common(drop, coordinator=False)
    where = drop.add_mutually_exclusive_group(required=True)
    where.add_argument("--webdav", metavar="ADRES", help="WebDAV-adres (https://...)")
    where.add_argument("--folder", type=Path, metavar="MAP", help="een gesynchroniseerde map")
    drop.add_argument("--user", help="gebruikersnaam (bij --webdav); het wachtwoord wordt gevraagd")
    drop.set_defaults(func=cmd_drop)

    imp = subparsers.add_parser("import", help="coördinatie: lees zendingen in")
    _common(imp, coordinator=True)
    imp.add_argument("files", type=Path, nargs="+", metavar="BESTAND")
    imp.set_defaults(func=cmd_import)


def _open_volunteer(args: argparse.Namespace) -> Vault:
    return open_vault(args)


def _open_store(
    args: argparse.Namespace, asker: Secrets | None = None
) -> contextlib.AbstractContextManager[Any]:
    """The coordinator store (``cli.common.coordinator_store``): ``--url``, an explicit
    ``--dir``, ``HUISBEZOEK_STORE_URL``, the connected server, else the local vault."""
    return coordinator_store(args, asker or Secrets(args.passphrase_stdin))


def _print_stderr(text: str) -> None:
    print(text, file=sys.stderr)


def _progress(fraction: float, message: str) -> None:
    """Progress on the terminal (not when output goes to a file or a script)."""
    if sys.stderr.isatty():
        print(f"\r{fraction * 100:3.0f}%  {message[:60]:<60}", end="", file=sys.stderr, flush=True)
        if fraction >= 1.0:
            print(file=sys.stderr)


# -- coordinator ----------------------------------------------------------------------------


def cmd_org_init(args: argparse.Namespace) -> int:
    passphrase = Secrets(args.passphrase_stdin).ask_new()
    _print_stderr("Even geduld: het coördinatiebestand wordt gemaakt...")
    created = organisation.init_organisation(
        args.dir,
        passphrase,
        args.name,
        backup_recipients=args.backup_recipient,
        kdf=KdfParams.FLOOR if args.kdf_floor else None,
    )
    created.store.close()
    atomic_write(args.config_out, created.config.to_bytes(), mode=0o644)
    print(f"Organisatie {created.config.name} is gemaakt.")
    print(f"Configuratiebestand voor vrijwilligers: {args.config_out}")
    print(f"Vingerafdruk (vergelijk die door de telefoon): {created.config.fingerprint}")
    print()
    print("Herstelsleutel van het coördinatiebestand (bewaar hem op een veilige plek):")
    print(f"    {created.recovery_key}")
    print()
    print("Bewaar ook de sleutel van de organisatie: huisbezoek org export-key --out BESTAND")
    return 0


def cmd_org_config(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        config = organisation.organisation_config(store)
    atomic_write(args.out, config.to_bytes(), mode=0o644)
    print(f"Configuratiebestand geschreven: {args.out}")
    print(f"Vingerafdruk: {config.fingerprint}")
    return 0


def cmd_org_enrol(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        row = organisation.enrol_volunteer(store, args.file)
        if args.name:
            row = organisation.rename_volunteer(store, row.key_id, args.name)
    print(f"Aangemeld: {row.name}, sleutelnummer {row.key_id}.")
    print(f"Vingerafdruk: {row.fingerprint}")
    print("Bel de vrijwilliger en vergelijk de vingerafdruk. Klopt hij, dan:")
    print(f"    huisbezoek org approve {row.key_id}")
    return 0


def cmd_org_rename(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        row = organisation.rename_volunteer(store, args.key_id, args.name)
    print(f"Sleutelnummer {row.key_id} heet nu {row.name}.")
    return 0


def cmd_org_approve(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        row = organisation.approve_volunteer(store, args.key_id)
    print(f"{row.name} ({row.key_id}) is goedgekeurd.")
    return 0


def cmd_org_revoke(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        row = organisation.revoke_volunteer(store, args.key_id)
    print(f"De sleutel van {row.name} ({row.key_id}) is ingetrokken.")
    return 0


def cmd_org_volunteers(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        rows = organisation.list_volunteers(store)
    if not rows:
        print("Er zijn nog geen vrijwilligers aangemeld.")
    for r in rows:
        print(f"{r.key_id}  {r.status_nl:<22} {r.name}")
        print(f"    vingerafdruk {r.fingerprint}  publieke sleutel {r.public_key}")
    return 0


def cmd_org_passphrase(args: argparse.Namespace) -> int:
    """The shared organisation passphrase of a PostgreSQL store: the current one, then the
    new one twice (hidden, or lines on standard input)."""
    from huisbezoek.cli.common import resolve_store
    from huisbezoek.coordinator.store.backend import OrgPassphraseNotHereError

    if not resolve_store(args):  # the local vault: said before any question
        raise OrgPassphraseNotHereError("org passphrase without a shared store")
    asker = Secrets(args.passphrase_stdin)
    with _open_store(args, asker) as store:
        old = asker.ask("Huidige wachtwoordzin organisatiesleutel: ")
        new = asker.ask_new("Nieuwe wachtwoordzin organisatiesleutel: ")
        _print_stderr("Even geduld: de sleutel wordt opnieuw verzegeld...")
        kdf = KdfParams.FLOOR if args.kdf_floor else None
        keys = store.change_org_passphrase(old, new, kdf=kdf)
    print(f"De wachtwoordzin van de organisatiesleutel is gewijzigd ({keys} sleutel(s)).")
    print("Geef de nieuwe wachtwoordzin aan de andere coördinatoren. Een reservekopie van "
          "eerder (pg_dump) opent nog met de oude wachtwoordzin.")  # fmt: skip
    return 0


def cmd_org_export_key(args: argparse.Namespace) -> int:
    asker = Secrets(args.passphrase_stdin)
    with _open_store(args, asker) as store:
        unlock_org_key(store, asker)
        text = organisation.export_org_identity(store)
    if args.unencrypted:
        atomic_write(args.out, text.encode("ascii"), mode=0o600)
        print(f"De sleutel staat zonder wachtwoord in {args.out}. Bewaar dit bestand veilig.")
        return 0
    secret = asker.ask_new("Wachtwoord voor het sleutelbestand: ")
    if len(secret) < 10:
        raise InvalidInputError(
            "short export passphrase", message_nl="Kies een wachtwoord van minstens 10 tekens."
        )
    atomic_write(args.out, pyrage.passphrase.encrypt(text.encode("ascii"), secret), mode=0o600)
    print(f"De sleutel staat versleuteld in {args.out} (openen met: age -d {args.out}).")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    asker = Secrets(args.passphrase_stdin)
    with _open_store(args, asker) as store:
        unlock_org_key(store, asker)
        report = importer.import_batches(store, args.files, progress=_progress)
    for line in report.lines_nl():
        print(line)
    return 0 if report.rejected == 0 else 1


# -- volunteer ------------------------------------------------------------------------------


def cmd_enrol(args: argparse.Namespace) -> int:
    with _open_volunteer(args) as vault:
        summary = svc.write_enrolment(vault, args.out)
    print(f"Aanmeldbestand geschreven: {summary.path}")
    print(f"Uw sleutelnummer: {summary.key_id}")
    print(f"Uw vingerafdruk (de coördinator vraagt erom): {summary.fingerprint}")
    return 0


def cmd_config_import(args: argparse.Namespace) -> int:
    with _open_volunteer(args) as vault:
        config = svc.import_org_config(vault, args.file)
    print(f"Organisatie: {config.name}")
    print(f"Vingerafdruk: {config.fingerprint}")
    print("Vergelijk deze vingerafdruk door de telefoon met de coördinator.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from huisbezoek.services import outbox

    with _open_volunteer(args) as vault:
        result = svc.export_signals(vault, args.to, everything=args.alles, progress=_progress)
        if result.path is not None:
            print(f"Zending {result.sequence} met {result.signals} signalen: {result.path}")
            return 0
        print(
            f"Zending {result.sequence} met {result.signals} signalen staat in de uitgaande post."
        )
        return _send(vault, outbox)


def cmd_send(args: argparse.Namespace) -> int:
    from huisbezoek.services import outbox

    with _open_volunteer(args) as vault:
        return _send(vault, outbox)


def _send(vault: Vault, outbox: Any) -> int:
    report = outbox.send_now(vault, progress=_progress)
    if report.sent:
        print(f"{report.sent} {'zending' if report.sent == 1 else 'zendingen'} verstuurd.")
    if report.error is not None:
        print(report.error.message_nl, file=sys.stderr)
    print(outbox.status(vault).line_nl())
    return 0 if report.error is None else 1


def cmd_drop(args: argparse.Namespace) -> int:
    from huisbezoek.services import outbox

    asker = Secrets(args.passphrase_stdin)
    with open_vault(args, asker) as vault:
        if args.folder is not None:
            outbox.set_folder(vault, args.folder)
            print(f"De uitwisselmap is nu {args.folder}.")
            return 0
        if not args.user:
            raise InvalidInputError("no user", message_nl="Geef ook --user GEBRUIKERSNAAM op.")
        password = asker.ask("Wachtwoord van de uitwisselmap: ")
        outbox.set_webdav(vault, args.webdav, args.user, password)
    print("De uitwisselmap is ingesteld. Versturen gaat met: huisbezoek send")
    return 0
