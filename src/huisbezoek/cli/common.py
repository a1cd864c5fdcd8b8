"""What every vault-opening command shares: the folder option and where passphrases come from.

Passphrases are asked with ``getpass`` (twice when choosing one), or read line by line from
standard input with ``--passphrase-stdin`` for scripts. Nothing secret is ever an argument,
where other users of the computer could see it in the process list.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Iterator
from pathlib import Path

from huisbezoek import paths
from huisbezoek.errors import InvalidInputError
from huisbezoek.vault import Vault


def add_vault_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dir", type=Path, default=None, help="map van de kluis (standaard: de gewone map)"
    )
    parser.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help="lees wachtwoordzinnen regel voor regel van standaardinvoer",
    )


def vault_folder(args: argparse.Namespace) -> Path:
    return Path(args.dir) if getattr(args, "dir", None) else paths.default_vault_dir()


class Secrets:
    """Where passphrases come from: the terminal (hidden) or standard input lines."""

    def __init__(self, from_stdin: bool) -> None:
        self._lines: Iterator[str] | None = iter(sys.stdin) if from_stdin else None

    def ask(self, prompt: str) -> str:
        if self._lines is None:
            try:
                return getpass.getpass(prompt)
            except EOFError:  # no terminal and nothing on standard input
                raise InvalidInputError(
                    "no passphrase on the terminal",
                    message_nl="Er kwam geen wachtwoordzin binnen. Typ hem in een terminal, of "
                    "geef hem met --passphrase-stdin op standaardinvoer.",
                ) from None
        try:
            return next(self._lines).rstrip("\r\n")
        except StopIteration:
            raise InvalidInputError(
                "stdin ran out of lines",
                message_nl="Er kwamen te weinig regels binnen op standaardinvoer.",
            ) from None

    def ask_new(self, prompt: str = "Nieuwe wachtwoordzin: ") -> str:
        first = self.ask(prompt)
        second = self.ask("Nog een keer: ")
        if first != second:
            raise InvalidInputError(
                "passphrases differ",
                message_nl="De twee wachtwoordzinnen zijn niet gelijk. Probeer het opnieuw.",
            )
        return first


def open_vault(args: argparse.Namespace, asker: Secrets | None = None) -> Vault:
    """Open the volunteer's vault named by ``--dir``, asking its passphrase."""
    asker = asker or Secrets(args.passphrase_stdin)
    return Vault.open(vault_folder(args), asker.ask("Wachtwoordzin: "))


ORG_PASSPHRASE_PROMPT = "Wachtwoordzin organisatiesleutel: "  # noqa: S105 (a prompt)


def asker_for(args: argparse.Namespace) -> Secrets:
    """One ``Secrets`` per command, so lines on standard input are read in order."""
    asker: Secrets | None = getattr(args, "_secrets", None)
    if asker is None:
        asker = Secrets(bool(getattr(args, "passphrase_stdin", False)))
        args._secrets = asker
    return asker


def unlock_org_key(store: object, asker: Secrets) -> None:
    """On a shared PostgreSQL store, ask the organisation passphrase and unseal the
    organisation's key (needed to open batches and sign packages); a vault needs nothing."""
    from huisbezoek.coordinator.store.backend import CoordinatorStore

    if isinstance(store, CoordinatorStore) and store.needs_org_passphrase():
        store.unlock_org_key(asker.ask(ORG_PASSPHRASE_PROMPT))
