"""``huisbezoek vault ...``: create, check, re-key, back up and restore the encrypted vault.

Passphrases come through ``cli.common.Secrets``: hidden prompts, or ``--passphrase-stdin``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from huisbezoek.cli.common import Secrets, add_vault_options, vault_folder
from huisbezoek.vault import KdfParams, Vault, restore_backup


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("vault", help="de versleutelde kluis beheren")
    sub = parser.add_subparsers(dest="vault_command", metavar="actie", required=True)

    common = add_vault_options

    init = sub.add_parser("init", help="maak een nieuwe kluis en toon de herstelsleutel")
    common(init)
    init.add_argument(
        "--kdf-floor",
        action="store_true",
        help="gebruik de laagst toegestane sleutelafleiding (voor trage computers en tests)",
    )
    init.set_defaults(func=cmd_init)

    check = sub.add_parser("check", help="open de kluis en controleer alles")
    common(check)
    check.set_defaults(func=cmd_check)

    change = sub.add_parser("change-passphrase", help="kies een nieuwe wachtwoordzin")
    common(change)
    change.add_argument("--kdf-floor", action="store_true", help=argparse.SUPPRESS)
    change.set_defaults(func=cmd_change_passphrase)

    reset = sub.add_parser(
        "reset-passphrase", help="wachtwoordzin vergeten: open met de herstelsleutel"
    )
    common(reset)
    reset.add_argument("--kdf-floor", action="store_true", help=argparse.SUPPRESS)
    reset.set_defaults(func=cmd_reset_passphrase)

    backup = sub.add_parser("backup", help="maak een versleutelde reservekopie")
    common(backup)
    backup.add_argument("file", type=Path, help="bestand voor de reservekopie")
    backup.set_defaults(func=cmd_backup)

    restore = sub.add_parser("restore", help="zet een reservekopie terug")
    common(restore)
    restore.add_argument("file", type=Path, help="de reservekopie")
    restore.add_argument(
        "--recovery-key",
        action="store_true",
        help="open de reservekopie met de herstelsleutel in plaats van de wachtwoordzin",
    )
    restore.set_defaults(func=cmd_restore)

    retention = sub.add_parser(
        "retention", help="toon wat volgens de bewaartermijn van de laptop weg mag"
    )
    common(retention)
    retention.add_argument(
        "--run", action="store_true", help="haal precies die bewoners nu weg (anders alleen tonen)"
    )
    retention.set_defaults(func=cmd_retention)


def _kdf(args: argparse.Namespace) -> KdfParams | None:
    return KdfParams.FLOOR if getattr(args, "kdf_floor", False) else None


def cmd_init(args: argparse.Namespace) -> int:
    asker = Secrets(args.passphrase_stdin)
    passphrase = asker.ask_new()
    print("Even geduld: de kluis wordt gemaakt...", file=sys.stderr)
    vault, recovery_key = Vault.create(vault_folder(args), passphrase, kdf=_kdf(args))
    vault.close()
    print("De kluis is gemaakt.")
    print()
    print("Uw herstelsleutel (schrijf hem op of print hem, en bewaar hem op een veilige plek):")
    print()
    print(f"    {recovery_key}")
    print()
    print("Met deze sleutel opent u de kluis als u de wachtwoordzin vergeet.")
    print("Hij wordt maar één keer getoond.")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    asker = Secrets(args.passphrase_stdin)
    with Vault.open(vault_folder(args), asker.ask("Wachtwoordzin: ")) as vault:
        report = vault.check()
    lines = [
        ("Databank heel (integrity_check)", report.integrity_ok),
        ("Versleuteling heel (cipher_integrity_check)", report.cipher_integrity_ok),
        (f"Logboek onveranderd ({report.audit.rows} regels)", report.audit.ok),
        ("Kluis en logboek passen bij het sleutelbestand", report.binding_ok),
    ]
    for label, ok in lines:
        print(f"{'in orde' if ok else 'FOUT   '}  {label}")
    print(f"Schemaversie: {report.schema_revision}")
    return 0 if report.ok else 1


def cmd_change_passphrase(args: argparse.Namespace) -> int:
    asker = Secrets(args.passphrase_stdin)
    old = asker.ask("Huidige wachtwoordzin: ")
    with Vault.open(vault_folder(args), old) as vault:
        vault.change_passphrase(old, asker.ask_new(), kdf=_kdf(args))
    print("De wachtwoordzin is veranderd.")
    return 0


def cmd_reset_passphrase(args: argparse.Namespace) -> int:
    asker = Secrets(args.passphrase_stdin)
    key = asker.ask("Herstelsleutel: ")
    with Vault.open_with_recovery(vault_folder(args), key) as vault:
        vault.reset_passphrase(asker.ask_new(), kdf=_kdf(args))
    print("De nieuwe wachtwoordzin is ingesteld.")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    asker = Secrets(args.passphrase_stdin)
    with Vault.open(vault_folder(args), asker.ask("Wachtwoordzin: ")) as vault:
        written = vault.backup(args.file)
    print(f"Reservekopie gemaakt: {written}")
    print("Ze is versleuteld en opent met de wachtwoordzin of herstelsleutel van nu.")
    return 0


def cmd_retention(args: argparse.Namespace) -> int:
    """The retention preview (as the GUI shows it); with ``--run`` the purge of that list."""
    from huisbezoek.services import privacy

    asker = Secrets(args.passphrase_stdin)
    with Vault.open(vault_folder(args), asker.ask("Wachtwoordzin: ")) as vault:
        preview = privacy.retention_preview(vault)
        print(
            f"Bewaartermijn {preview.months} maanden: wat voor "
            f"{preview.cutoff:%d-%m-%Y} is afgehandeld, mag weg."
        )
        for item in preview.items:
            print(f"- {item.scope.name}: {item.reason_nl}, laatst {item.last_activity:%d-%m-%Y}")
            for line in item.scope.lines_nl()[1:]:
                print(f"    {line}")
        if not preview.items:
            print("Er hoeft nu niets weg.")
        elif args.run:
            done = privacy.run_retention(vault, only=preview.resident_ids)
            print(f"Weggehaald: {done.residents} bewoners.")
        else:
            print(f"{len(preview.items)} bewoners. Met --run haalt u ze nu weg.")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    asker = Secrets(args.passphrase_stdin)
    if args.recovery_key:
        secret = asker.ask("Herstelsleutel: ")
        result = restore_backup(args.file, vault_folder(args), recovery_key=secret)
    else:
        secret = asker.ask("Wachtwoordzin van de reservekopie: ")
        result = restore_backup(args.file, vault_folder(args), passphrase=secret)
    print(f"De reservekopie van {result.created_at} is teruggezet.")
    return 0
