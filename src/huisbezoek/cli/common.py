"""What every vault-opening command shares: the folder option and where passphrases come from.

Passphrases are asked with ``getpass`` (twice when choosing one), or read line by line from
standard input with ``--passphrase-stdin`` for scripts. Nothing secret is ever an argument,
where other users of the computer could see it in the process list.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from huisbezoek import paths
from huisbezoek.errors import InvalidInputError
from huisbezoek.vault import Vault

if TYPE_CHECKING:
    from huisbezoek.coordinator.store.backend import CoordinatorStore


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

    def ask(self, prompt: str, *, missing_nl: str = "") -> str:
        """One secret: hidden from the terminal, or the next line of standard input.
        ``missing_nl`` is the Dutch message when there is no terminal to ask on."""
        if self._lines is None:
            try:
                return getpass.getpass(prompt)
            except EOFError:  # no terminal and nothing on standard input
                raise InvalidInputError(
                    "no passphrase on the terminal",
                    message_nl=missing_nl
                    or "Er kwam geen wachtwoordzin binnen. Typ hem in een terminal, of "
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


NO_TERMINAL_FOR_DB_NL = (
    "De server vraagt een wachtwoord, maar er is geen terminal om het te typen. Zet het "
    "wachtwoord in ~/.pgpass (Windows: %APPDATA%\\postgresql\\pgpass.conf) of in een "
    "servicebestand, of geef het met --passphrase-stdin op standaardinvoer."
)


def ask_server_password(url: str, asker: Secrets) -> str:
    """The server password of the account ``url`` names (else this computer's), typed hidden."""
    from huisbezoek.coordinator.store.server import describe

    account = describe(url).account or getpass.getuser()
    return asker.ask(
        f"Wachtwoord van account {account} op de server: ", missing_nl=NO_TERMINAL_FOR_DB_NL
    )


def open_server_store(url: str, asker: Secrets) -> CoordinatorStore:
    """The shared PostgreSQL store at ``url``. When libpq finds no password (``~/.pgpass``,
    a service file, ``PGPASSWORD``) and the server asks one, the person types it (hidden);
    it is never an argument and never saved."""
    from huisbezoek.coordinator.connection import remember_password_needed
    from huisbezoek.coordinator.store.backend import CoordinatorStore
    from huisbezoek.coordinator.store.server import PasswordNeededError

    try:
        return CoordinatorStore.open_url(url)
    except PasswordNeededError:
        pass
    store = CoordinatorStore.open_url(url, password=ask_server_password(url, asker))
    remember_password_needed(url, True)
    return store


def resolve_store(args: argparse.Namespace) -> str | None:
    """The PostgreSQL address a coordinator command uses (``--url``, an explicit ``--dir``
    for the local vault, ``HUISBEZOEK_STORE_URL``, the connected server), or None for the
    local coordinator vault: ``coordinator.connection.resolve_store_url``."""
    from huisbezoek.coordinator.connection import resolve_store_url

    return resolve_store_url(getattr(args, "url", None), getattr(args, "dir", None)).url


@contextlib.contextmanager
def coordinator_store(
    args: argparse.Namespace, asker: Secrets | None = None
) -> Iterator[CoordinatorStore]:
    """The coordinator store a command works on (see :func:`resolve_store`): the shared
    PostgreSQL store, or the coordinator vault in ``--dir`` with its passphrase asked."""
    from huisbezoek.coordinator import organisation
    from huisbezoek.coordinator.store.backend import CoordinatorStore

    asker = asker or asker_for(args)
    url = resolve_store(args)
    if url:
        store = open_server_store(url, asker)
        try:
            yield store
        finally:
            store.close()
        return
    passphrase = asker.ask("Wachtwoordzin coördinatiebestand: ")
    vault = organisation.open_coordinator(getattr(args, "dir", None), passphrase)
    try:
        yield CoordinatorStore.from_vault(vault)
    finally:
        vault.close()
