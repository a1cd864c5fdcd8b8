"""Reaching the organisation's PostgreSQL server: the address check (never a password in it),
a Dutch message for each way connecting can fail, and a probe that tests a connection without
changing anything.

Passwords never travel on a command line or in a saved address. libpq finds them itself in
``~/.pgpass`` (``PGPASSFILE``), a service file (``PGSERVICEFILE``) or ``PGPASSWORD``; when it
finds none and the server asks for one, the caller asks the person (a hidden prompt, or the
coordinator's unlock dialog) and passes it here as ``password``, which goes to libpq as a
connection parameter and is never written anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import create_engine, inspect, make_url, text
from sqlalchemy.exc import ArgumentError, DBAPIError

from huisbezoek.errors import InvalidInputError, UserError

#: The SQLAlchemy driver the store uses (psycopg 3); ``postgresql://`` is read as this.
DRIVER = "postgresql+psycopg"
_SCHEMES = {"postgresql", "postgres", "postgresql+psycopg"}
#: Seconds before an unreachable server is reported (libpq waits for ever by default).
CONNECT_TIMEOUT = 10


class StoreUnavailableError(UserError):
    message_nl = (
        "De gedeelde database van de organisatie is niet bereikbaar. "
        "Controleer het adres en de netwerkverbinding, of vraag de beheerder om hulp."
    )


class PasswordNeededError(StoreUnavailableError):
    """The server asks a password and libpq found none (no ~/.pgpass entry, no service file)."""

    message_nl = (
        "De server vraagt uw wachtwoord voor de database. Typ het in, of zet het in het "
        "bestand ~/.pgpass (Windows: %APPDATA%\\postgresql\\pgpass.conf)."
    )


class WrongPasswordError(StoreUnavailableError):
    message_nl = (
        "De server laat u niet binnen: de accountnaam of het wachtwoord klopt niet. Let op "
        "hoofdletters. Klopt het toch, vraag de beheerder dan of uw account bestaat."
    )


class NotAllowedError(StoreUnavailableError):
    message_nl = (
        "De server laat dit account niet toe vanaf deze computer. Vraag de beheerder om uw "
        "computer toe te laten (pg_hba.conf)."
    )


class DatabaseMissingError(StoreUnavailableError):
    message_nl = (
        "Deze database bestaat niet op de server. Controleer de naam van de database in het "
        "adres, of vraag de beheerder om hulp."
    )


class TlsError(StoreUnavailableError):
    message_nl = (
        "De beveiligde verbinding (TLS) met de server lukt niet. Controleer of het adres "
        "sslmode en het juiste certificaat noemt, of vraag de beheerder om hulp."
    )


class NoHuisbezoekSchemaError(StoreUnavailableError):
    message_nl = (
        "Deze database heeft nog geen gegevens van Huisbezoek. Kies de database van uw "
        "organisatie, of laat de beheerder hem eerst maken met: "
        "huisbezoek coordinator init-store"
    )


class BadServerUrlError(InvalidInputError):
    message_nl = (
        "Dit is geen adres van een PostgreSQL-database. Schrijf het zo: "
        "postgresql://account@server:5432/database?sslmode=verify-full"
    )


class PasswordInUrlError(InvalidInputError):
    message_nl = (
        "Zet geen wachtwoord in het adres: anderen kunnen het dan zien. Zet het wachtwoord in "
        "het bestand ~/.pgpass (Windows: %APPDATA%\\postgresql\\pgpass.conf) of in een "
        "servicebestand (pg_service.conf). Laat u het weg, dan vraagt Huisbezoek erom."
    )


def check_url(url: str) -> str:
    """``url`` as the store opens it (``postgresql+psycopg://...``), or a Dutch error when it is
    not a PostgreSQL address or carries a password."""
    try:
        parsed = make_url(url.strip())
    except ArgumentError:
        raise BadServerUrlError("unparseable store url") from None
    if parsed.drivername not in _SCHEMES:
        raise BadServerUrlError(f"driver {parsed.drivername!r} is not PostgreSQL")
    if parsed.password is not None or "password" in parsed.query:
        raise PasswordInUrlError("password in the store url")
    return parsed.set(drivername=DRIVER).render_as_string(hide_password=False)


@dataclass(frozen=True, slots=True)
class ServerAddress:
    """What a person needs to see of an address: which server, database and account."""

    server: str
    database: str
    account: str
    service: str = ""

    def line_nl(self) -> str:
        if self.service:
            return f"Dienst {self.service} (pg_service.conf)"
        who = f", account {self.account}" if self.account else ""
        return f"Server {self.server}, database {self.database or '-'}{who}"


def describe(url: str) -> ServerAddress:
    """The server, database and account an address names (never its password)."""
    parsed = make_url(url)
    host = parsed.host or _first(parsed.query.get("host")) or "localhost"
    port = parsed.port or _first(parsed.query.get("port"))
    server = f"{host}:{port}" if port else host
    if server.startswith("/"):
        server = f"{host} (deze computer)"
    return ServerAddress(
        server=server,
        database=parsed.database or "",
        account=parsed.username or "",
        service=_first(parsed.query.get("service")) or "",
    )


def _first(value: Any) -> str | None:
    if isinstance(value, tuple):
        return str(value[0]) if value else None
    return None if value is None else str(value)


def connect_args(password: str | None) -> dict[str, Any]:
    """libpq options for every connection of the store's engine."""
    args: dict[str, Any] = {"connect_timeout": CONNECT_TIMEOUT}
    if password:
        args["password"] = password
    return args


def explain(exc: BaseException) -> StoreUnavailableError:
    """The Dutch error for a failed connection; the log text names only the kind."""
    message = str(getattr(exc, "orig", None) or exc)
    low = message.lower()
    if "no password supplied" in low:
        return PasswordNeededError("server wants a password")
    if "password authentication failed" in low or ("role" in low and "does not exist" in low):
        return WrongPasswordError("authentication failed")
    if "pg_hba.conf" in low:
        return NotAllowedError("no pg_hba entry")
    if "database" in low and "does not exist" in low:
        return DatabaseMissingError("database does not exist")
    if "ssl" in low or "certificate" in low or "tls" in low:
        return TlsError("tls failed")
    return StoreUnavailableError(f"cannot reach the store: {type(exc).__name__}")


@dataclass(frozen=True, slots=True)
class ProbeResult:
    account: str
    organisation: str


def probe(url: str, password: str | None = None) -> ProbeResult:
    """Connect once and check that the database holds a Huisbezoek store; changes nothing.
    Raises one of the errors above."""
    engine = create_engine(
        url, hide_parameters=True, connect_args=connect_args(password), poolclass=_null_pool()
    )
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table("organisation"):
                raise NoHuisbezoekSchemaError("no organisation table")
            account = str(conn.scalar(text("SELECT current_user")))
            try:
                name = conn.scalar(text("SELECT name FROM organisation WHERE id = 1"))
            except DBAPIError:  # an account that may not read it (reporting) still connects
                name = None
            return ProbeResult(account=account, organisation=str(name or ""))
    except DBAPIError as exc:
        raise explain(exc) from None
    finally:
        engine.dispose()


def _null_pool() -> Any:
    from sqlalchemy.pool import NullPool

    return NullPool
