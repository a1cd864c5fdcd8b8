"""Which coordinator store the commands and the window use, and the connected server.

``huisbezoek coordinator connect URL`` (or the window's settings) saves the PostgreSQL address
of the organisation's shared store in ``coordinator-server.json`` in the data folder, beside
the app's ``settings.json``. It holds no password (``server.check_url`` refuses one) and no
personal data: only the address, and whether the server asked a password last time (so the
unlock dialog shows the field at once).

:func:`resolve_store_url` is the one rule every coordinator command and the window follow:
``--url``, else an explicit ``--dir`` (the local vault in that folder), else the environment
variable ``HUISBEZOEK_STORE_URL``, else the connected server, else the local coordinator
vault (``None``).
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import make_url
from sqlalchemy.exc import ArgumentError

from huisbezoek import paths
from huisbezoek.coordinator.store.server import DRIVER, BadServerUrlError, check_url
from huisbezoek.fsutil import atomic_write
from huisbezoek.safe_read import FileRefusedError, loads_json, read_bounded

log = logging.getLogger(__name__)

URL_ENV = "HUISBEZOEK_STORE_URL"
CONNECTION_FILE = paths.COORDINATOR_SERVER_NAME
_MAX_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class SavedConnection:
    url: str
    #: The server asked a password the last time (no ~/.pgpass entry): ask it at once.
    password_needed: bool = False


def connection_path() -> Path:
    return paths.data_dir() / CONNECTION_FILE


def load_connection() -> SavedConnection | None:
    """The connected server, or None (none saved, or the file is damaged: logged)."""
    path = connection_path()
    if not path.exists():
        return None
    try:
        raw = loads_json(read_bounded(path, _MAX_BYTES), max_depth=4)
        url = check_url(str(raw["url"]))
        needed = raw.get("password_needed") is True
    except (FileRefusedError, KeyError, TypeError, ValueError) as exc:
        log.warning("connected-server file unreadable (%s); ignored", type(exc).__name__)
        return None
    return SavedConnection(url=url, password_needed=needed)


def save_connection(url: str, *, password_needed: bool = False) -> SavedConnection:
    """Save ``url`` (checked: PostgreSQL, no password) as the connected server."""
    saved = SavedConnection(url=check_url(url), password_needed=password_needed)
    data = {"url": saved.url, "password_needed": saved.password_needed}
    atomic_write(connection_path(), json.dumps(data, indent=2).encode("utf-8"), mode=0o600)
    return saved


def remember_password_needed(url: str, needed: bool) -> None:
    """Note whether the connected server asked a password (only for the connected address)."""
    saved = load_connection()
    if saved is not None and same_address(saved.url, url) and saved.password_needed != needed:
        save_connection(saved.url, password_needed=needed)


def same_address(a: str, b: str) -> bool:
    """Whether two addresses name the same server, database and account (spelling aside)."""
    left, right = make_url(a), make_url(b)
    return left.set(drivername=DRIVER, password=None) == right.set(drivername=DRIVER, password=None)


def forget_connection() -> bool:
    """Remove the connected server; False when none was saved."""
    path = connection_path()
    if not path.exists():
        return False
    path.unlink()
    return True


@dataclass(frozen=True, slots=True)
class StoreChoice:
    """Where the store is: a PostgreSQL ``url`` (checked) or, with ``url=None``, the local
    coordinator vault; ``source`` says which rule chose it (for messages)."""

    url: str | None
    source: str
    password_needed: bool = False


def resolve_store_url(given_url: str | None = None, given_dir: Path | None = None) -> StoreChoice:
    """See the module docstring for the order."""
    if given_url:
        return StoreChoice(check_url(given_url), "--url")
    if given_dir is not None:
        return StoreChoice(None, "--dir")
    env = os.environ.get(URL_ENV, "").strip()
    if env:
        # The environment may carry a password (as PGPASSWORD may): it is not on a command line.
        try:
            parsed = make_url(env)
        except ArgumentError:
            raise BadServerUrlError(f"{URL_ENV} is not a database address") from None
        if parsed.drivername in ("postgresql", "postgres"):
            env = parsed.set(drivername=DRIVER).render_as_string(hide_password=False)
        return StoreChoice(env, URL_ENV)
    saved = load_connection()
    if saved is not None:
        return replace(StoreChoice(saved.url, "connect"), password_needed=saved.password_needed)
    return StoreChoice(None, "vault")
