"""``huisbezoek vault ...``: create, check, re-key, back up and restore the encrypted vault.

Passphrases are asked with ``getpass`` (twice when choosing one), or read line by line from
standard input with ``--passphrase-stdin`` for scripts. Nothing secret is ever passed as an
argument, where other users of the computer could see it in the process list.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Iterator
from pathlib import Path

from huisbezoek import paths
from huisbezoek.errors import InvalidInputError
from huisbezoek.vault import KdfParams, Vault, restore_backup


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("vault", help="de versleutelde kluis beheren")
    sub = parser.add_subparsers(dest="vault_command", metavar="actie", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--dir", type=Path, default=None, help="map van de kluis (standaard: de gewone map)"
        )
        p.add_argument(
            "--passphrase-stdin",
            action="store_true",
            help="lees wachtwoordzinnen regel voor regel van standaardinvoer",
        )

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


class _Secrets:
    """Where passphrases come from: the terminal (hidden) or standard input lines."""

    def __init__(self, from_stdin: bool) -> None:
        self._lines: Iterator[str] | None = iter(sys.stdin) if from_stdin else None

    def ask(self, prompt: str) -> str:
        if self._lines is None:
            return getpass.getpass(prompt)
        try:
            return next(self._lines).rstrip("\r\n")
        except StopIteration:
            raise InvalidInputError(
                "stdin ran out of lines",
                message_nl="Er kwamen te weinig regels binnen op standaardinvoer.",
            ) from None

    def ask_new(self) -> str:
        first = self.ask("Nieuwe wachtwoordzin: ")
        second = self.ask("Nog een keer: ")
        if first != second:
            raise InvalidInputError(
                "passphrases differ",
                message_nl="De twee wachtwoordzinnen zijn niet gelijk. Probeer het opnieuw.",
            )
        return first


def _folder(args: argparse.Namespace) -> Path:
    return Path(args.dir) if args.dir else paths.default_vault_dir()


def _kdf(args: argparse.Namespace) -> KdfParams | None:
    return KdfParams.FLOOR if getattr(args, "kdf_floor", False) else None


def cmd_init(args: argparse.Namespace) -> int:
    asker = _Secrets(args.passphrase_stdin)
    passphrase = asker.ask_new()
    print("Even geduld: de kluis wordt gemaakt...", file=sys.stderr)
    vault, recovery_key = Vault.create(_folder(args), passphrase, kdf=_kdf(args))
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
    asker = _Secrets(args.passphrase_stdin)
    with Vault.open(_folder(args), asker.ask("Wachtwoordzin: ")) as vault:
        report = vault.check()
    lines = [
        ("Databank heel (integrity_check)", report.integrity_ok),
        ("Versleuteling heel (cipher_integrity_check)", report.cipher_integrity_ok),
        (f"Logboek onveranderd ({report.audit.rows} regels)", report.audit.ok),
    ]
    for label, ok in lines:
        print(f"{'in orde' if ok else 'FOUT   '}  {label}")
    print(f"Schemaversie: {report.schema_revision}")
    return 0 if report.ok else 1


def cmd_change_passphrase(args: argparse.Namespace) -> int:
    asker = _Secrets(args.passphrase_stdin)
    old = asker.ask("Huidige wachtwoordzin: ")
    with Vault.open(_folder(args), old) as vault:
        vault.change_passphrase(old, asker.ask_new(), kdf=_kdf(args))
    print("De wachtwoordzin is veranderd.")
    return 0


def cmd_reset_passphrase(args: argparse.Namespace) -> int:
    asker = _Secrets(args.passphrase_stdin)
    key = asker.ask("Herstelsleutel: ")
    with Vault.open_with_recovery(_folder(args), key) as vault:
        vault.reset_passphrase(asker.ask_new(), kdf=_kdf(args))
    print("De nieuwe wachtwoordzin is ingesteld.")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    asker = _Secrets(args.passphrase_stdin)
    with Vault.open(_folder(args), asker.ask("Wachtwoordzin: ")) as vault:
        written = vault.backup(args.file)
    print(f"Reservekopie gemaakt: {written}")
    print("Ze is versleuteld en opent met de wachtwoordzin of herstelsleutel van nu.")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    asker = _Secrets(args.passphrase_stdin)
    if args.recovery_key:
        secret = asker.ask("Herstelsleutel: ")
        result = restore_backup(args.file, _folder(args), recovery_key=secret)
    else:
        secret = asker.ask("Wachtwoordzin van de reservekopie: ")
        result = restore_backup(args.file, _folder(args), passphrase=secret)
    print(f"De reservekopie van {result.created_at} is teruggezet.")
    return 0
