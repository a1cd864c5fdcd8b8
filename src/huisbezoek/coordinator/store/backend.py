"""The coordinator store as one object, whether it is an encrypted vault or a PostgreSQL database.

The embedded SQLCipher vault is the default; an organisation with several coordinators points
the store at PostgreSQL with a SQLAlchemy URL. Services take a ``CoordinatorStore`` and only
use what both backends offer: one unit of work per action, the audit log, portable SQL.
"""

from __future__ import annotations

import contextlib
import logging
import uuid
from collections.abc import Iterator
from typing import Any, cast

from sqlalchemy import Connection, Engine, create_engine, inspect
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from huisbezoek.coordinator.store import orgkey
from huisbezoek.coordinator.store.schema import COORDINATOR_SCHEMA
from huisbezoek.coordinator.store.server import connect_args, explain
from huisbezoek.errors import UserError
from huisbezoek.exchange.keys import OrgConfig
from huisbezoek.vault import audit as audit_log
from huisbezoek.vault import migrate
from huisbezoek.vault.core import Vault
from huisbezoek.vault.errors import NewerSchemaError
from huisbezoek.vault.keyslots import KdfParams, check_passphrase_strength

log = logging.getLogger(__name__)

SQLCIPHER = "sqlcipher"
POSTGRESQL = "postgresql"

# PostgreSQL has no RAISE(ABORT) triggers; this function keeps the audit log append-only there.
_PG_AUDIT_GUARD = (
    "CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$ "
    "BEGIN RAISE EXCEPTION 'audit log is append-only'; END; $$ LANGUAGE plpgsql",
    "CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
)


class NewerStoreError(UserError):
    message_nl = (
        "De gedeelde database is al bijgewerkt door een nieuwere versie van Huisbezoek. "
        "Installeer de nieuwste versie om hem te gebruiken. Er is niets veranderd."
    )


class StoreClosedError(UserError):
    message_nl = "De coördinatie staat op slot. Open hem opnieuw om verder te gaan."


class WrongStoreKindError(UserError):
    message_nl = "Dit is de kluis van een vrijwilliger. Coördinatorwerk kan hier niet."


class WrongOldOrgPassphraseError(orgkey.WrongOrgPassphraseError):
    message_nl = (
        "De huidige wachtwoordzin van de organisatiesleutel klopt niet. Let op hoofdletters en "
        "spaties, en probeer het opnieuw. De wachtwoordzin is niet veranderd."
    )


class OrgPassphraseNotHereError(UserError):
    message_nl = (
        "Een coördinatiebestand op de laptop heeft geen aparte wachtwoordzin voor de "
        "organisatiesleutel: die sleutel zit in het versleutelde bestand. Dit kan alleen bij "
        "een gedeelde PostgreSQL-database."
    )


class CoordinatorStore:
    """Open with ``from_vault`` (SQLCipher) or ``open_url`` (PostgreSQL); ``close()`` at the end."""

    #: The vault kind's schema, so services written for a coordinator ``Vault`` (which use only
    #: ``session()`` and ``schema.audit_table``) work on a PostgreSQL store as well.
    schema = COORDINATOR_SCHEMA

    def __init__(self, engine: Engine, backend: str, vault: Vault | None = None) -> None:
        self.engine = engine
        self.backend = backend
        self._vault = vault
        self._org_secrets: dict[str, str] = {}
        self._closed = False
        #: The PostgreSQL address without a password (for the screens), or "" for a vault.
        self.url = engine.url.render_as_string(hide_password=True) if backend == POSTGRESQL else ""
        #: The address to connect again after a lock (as given: with a password only when the
        #: environment variable carried one; a typed password is never part of it).
        self.address = (
            engine.url.render_as_string(hide_password=False) if backend == POSTGRESQL else ""
        )

    @property
    def vault(self) -> Vault | None:
        """The coordinator vault behind a SQLCipher store; None on PostgreSQL."""
        return self._vault

    @property
    def closed(self) -> bool:
        return self._vault.closed if self._vault is not None else self._closed

    @property
    def org_key_unlocked(self) -> bool:
        """Whether services can use the organisation's secret key (always, in a vault)."""
        return self._vault is not None or bool(self._org_secrets)

    def needs_org_passphrase(self) -> bool:
        """True on PostgreSQL until :meth:`unlock_org_key` ran: the caller must ask for the
        organisation passphrase before an import or a package (a vault needs none)."""
        return not self.org_key_unlocked

    def unlock_org_key(self, passphrase: str, *, kdf: KdfParams | None = None) -> None:
        """Open the organisation's sealed secret key with the shared organisation passphrase
        and keep it in memory for this store's sessions (PostgreSQL only; a vault's key is
        encrypted with the vault). A plaintext key from an older version is sealed with this
        passphrase now (once: the rows are locked, so two coordinators cannot both do it).

        ``WrongOrgPassphraseError`` when the passphrase does not fit; nothing changes then.
        """
        if self._vault is not None:
            return
        from sqlalchemy import select

        from huisbezoek.coordinator.store.models import OrgKey

        unlocked: dict[str, str] = {}
        with self.session() as session:
            rows = session.scalars(
                select(OrgKey).where(OrgKey.secret.is_not(None)).with_for_update()
            ).all()
            sealed_now = 0
            for row in rows:
                assert row.secret is not None
                if orgkey.is_sealed(row.secret):
                    unlocked[row.recipient] = orgkey.open_sealed(
                        row.secret, row.recipient, passphrase
                    )
                else:
                    unlocked[row.recipient] = row.secret
                    row.secret = orgkey.seal(
                        row.secret, row.recipient, passphrase, kdf or KdfParams.calibrate()
                    )
                    sealed_now += 1
            if sealed_now:
                self.audit(session, "org_key_sealed", {"keys": sealed_now})
        self._org_secrets = unlocked

    def change_org_passphrase(self, old: str, new: str, *, kdf: KdfParams | None = None) -> int:
        """Seal the organisation's secret keys under ``new`` instead of ``old`` (PostgreSQL),
        in one transaction with an audit event; returns how many keys were sealed again.

        ``WrongOldOrgPassphraseError`` when ``old`` does not open them; nothing changes then.
        The keys themselves stay the same (volunteers keep their configuration); a backup
        made before still opens with ``old``.
        """
        if self._vault is not None:
            raise OrgPassphraseNotHereError("org passphrase in a vault")
        from sqlalchemy import select

        from huisbezoek.coordinator.store.models import OrgKey

        check_passphrase_strength(new)
        if new == old:
            raise UserError(
                "same passphrase",
                message_nl="De nieuwe wachtwoordzin is gelijk aan de huidige. Kies een andere.",
            )
        kdf = kdf or KdfParams.calibrate()
        unlocked: dict[str, str] = {}
        with self.session() as session:
            rows = session.scalars(
                select(OrgKey).where(OrgKey.secret.is_not(None)).with_for_update()
            ).all()
            for row in rows:
                assert row.secret is not None
                secret = row.secret
                if orgkey.is_sealed(secret):
                    try:
                        secret = orgkey.open_sealed(secret, row.recipient, old)
                    except orgkey.WrongOrgPassphraseError:
                        raise WrongOldOrgPassphraseError("old passphrase does not fit") from None
                unlocked[row.recipient] = secret
                row.secret = orgkey.seal(secret, row.recipient, new, kdf)
            self.audit(session, "org_passphrase_changed", {"keys": len(rows)})
        self._org_secrets = unlocked
        return len(rows)

    @classmethod
    def from_vault(cls, vault: Vault) -> CoordinatorStore:
        """The store inside an open coordinator vault. Its working tables come from the vault's
        migrations (revision ``c0002``), which ran when the vault was opened."""
        if vault.kind != COORDINATOR_SCHEMA.kind:
            raise WrongStoreKindError(f"vault kind {vault.kind!r} is not a coordinator store")
        return cls(vault.engine, SQLCIPHER, vault)

    @classmethod
    def open_url(
        cls, url: str, *, password: str | None = None, **engine_options: Any
    ) -> CoordinatorStore:
        """A PostgreSQL store; an empty database gets the full schema.

        ``password`` is for a server that asks one when libpq found none (``~/.pgpass``, a
        service file); it goes to libpq for each connection and is never stored. A failed
        connection raises a ``StoreUnavailableError`` subclass that says why in Dutch
        (``server.explain``)."""
        options: dict[str, Any] = {
            # An error must never carry a statement's values (names, addresses, signal
            # texts) into a traceback, a log or the screen.
            "hide_parameters": True,
            # psycopg prepares a statement after five runs; PostgreSQL then may choose a
            # generic plan for the importer's "id IN (...)" lookups on a table it has not
            # analysed in the running transaction, and scan the whole table per batch
            # (60 batches: about 60 s instead of a few). Plans are made per statement instead.
            "connect_args": {"prepare_threshold": None, **connect_args(password)},
            **engine_options,
        }
        engine = create_engine(url, **options)
        try:
            with engine.connect() as conn:
                _prepare_schema(conn)
        except OperationalError as exc:
            engine.dispose()
            raise explain(exc) from None
        except NewerSchemaError:
            engine.dispose()
            raise NewerStoreError("store schema is newer than this version") from None
        return cls(engine, POSTGRESQL)

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any exception."""
        if self._vault is not None:
            with self._vault.session() as session:
                yield session
            return
        if self._closed:
            raise StoreClosedError("the store was closed (locked)")
        info = {orgkey.SESSION_INFO_KEY: self._org_secrets}
        with Session(self.engine, expire_on_commit=False, info=info) as session, session.begin():
            yield session

    def audit(
        self, session: Session, event: audit_log.AuditEvent | str, detail: dict[str, Any]
    ) -> None:
        """Record an event in the caller's transaction (counts only, never names)."""
        # append_event only needs str(event); the exchange area's events are plain strings too.
        audit_log.append_event(
            session.connection(), COORDINATOR_SCHEMA.audit_table, cast(Any, event), detail
        )

    def audit_events(self, limit: int = 200) -> list[audit_log.AuditEntry]:
        with self.engine.connect() as conn:
            return audit_log.read_events(conn, COORDINATOR_SCHEMA.audit_table, limit)

    def close(self) -> None:
        """Closes a PostgreSQL engine and forgets the unsealed organisation key; a vault is
        closed by its owner."""
        self._org_secrets = {}
        if self._vault is None:
            self._closed = True
            self.engine.dispose()

    def database_user(self) -> str:
        """The account this store works as: the database user on PostgreSQL, "" in a vault."""
        if self.backend != POSTGRESQL:
            return ""
        from sqlalchemy import text

        with self.engine.connect() as conn:
            return str(conn.scalar(text("SELECT current_user")))


def init_organisation_in(
    store: CoordinatorStore, name: str, passphrase: str, *, kdf: KdfParams | None = None
) -> OrgConfig:
    """A new organisation identity in an empty PostgreSQL store (``org init`` makes the vault
    kind), its secret sealed under the organisation ``passphrase`` the coordinators will
    share. Returns the configuration file volunteers need; the store stays unlocked."""
    from huisbezoek.coordinator.store.models import Organisation, OrgKey
    from huisbezoek.exchange.keys import OrgIdentity

    name = " ".join(name.split())
    if not name or len(name) > 200:
        raise UserError("bad organisation name", message_nl="Vul de naam in (kort).")
    identity = OrgIdentity.generate()
    config = OrgConfig.create(uuid.uuid4(), name, [identity.recipient])
    secret = identity.secret  # inside a vault, which is encrypted as a whole
    if store.backend == POSTGRESQL:
        check_passphrase_strength(passphrase)
        kdf = kdf or KdfParams.calibrate()
        secret = orgkey.seal(identity.secret, identity.recipient, passphrase, kdf)
    with store.session() as session:
        if session.get(Organisation, 1) is not None:
            raise UserError(
                "organisation exists", message_nl="Deze database heeft al een organisatie."
            )
        session.add(Organisation(id=1, org_id=str(config.org_id), name=name))
        session.add(OrgKey(recipient=identity.recipient, secret=secret, role="primary"))
        store.audit(session, "org_init", {"recipients": 1})
    store._org_secrets = {identity.recipient: identity.secret}
    return config


def _prepare_schema(conn: Connection) -> None:
    """Build an empty database, or bring an existing one to this version's schema.

    The exchange area's first Alembic revision carries SQLite-only triggers, so a new
    PostgreSQL store is built from the models (the same tables the vault gets from its
    revisions) and stamped with the head revision. From there on the revisions run as in a
    vault: a store from an older version is upgraded (revisions after ``c0001`` are written
    for both dialects and the PostgreSQL tests run them), one from a newer version is refused.
    """
    fresh = not inspect(conn).has_table("audit_log")
    current = migrate.current_revision(conn)
    if fresh or current is None:
        # A store made before stores were stamped has exactly the tables of the head.
        COORDINATOR_SCHEMA.metadata.create_all(conn)
        if fresh and conn.dialect.name == "postgresql":
            for statement in _PG_AUDIT_GUARD:
                conn.exec_driver_sql(statement)
            audit_log.append_event(
                conn, COORDINATOR_SCHEMA.audit_table, audit_log.AuditEvent.CREATE, {"kind": "pg"}
            )
        migrate.stamp(COORDINATOR_SCHEMA, conn)
        conn.commit()
        return
    conn.rollback()
    if migrate.needs_upgrade(COORDINATOR_SCHEMA, conn):  # NewerSchemaError when unknown
        log.info("upgrading the shared store from revision %s", current)
        migrate.upgrade(COORDINATOR_SCHEMA, conn)
