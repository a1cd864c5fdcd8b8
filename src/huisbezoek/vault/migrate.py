"""Run a schema's Alembic migrations on an open vault connection, without alembic.ini."""

from __future__ import annotations

from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection

from huisbezoek.vault.errors import NewerSchemaError
from huisbezoek.vault.schema import Schema


def _config(schema: Schema, connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", schema.script_location)
    config.attributes["connection"] = connection
    config.attributes["target_metadata"] = schema.metadata
    config.attributes["on_version_apply"] = (_check_foreign_keys,)
    return config


class ForeignKeyViolationError(RuntimeError):
    """A migration left rows pointing at rows that do not exist; it is rolled back."""


def _check_foreign_keys(*, ctx: Any, **_: Any) -> None:
    # Called by env.py inside each revision's transaction, after its steps: foreign keys are
    # off while migrating, so this is where a broken reference stops the revision.
    connection = ctx.connection
    if connection is not None and connection.dialect.name == "sqlite":
        bad = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if bad:
            raise ForeignKeyViolationError(f"migration broke {len(bad)} foreign key references")


def head_revision(schema: Schema) -> str:
    head = ScriptDirectory.from_config(_config(schema)).get_current_head()
    assert head is not None, "a schema needs at least one revision"
    return head


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def needs_upgrade(schema: Schema, connection: Connection) -> bool:
    """True when the vault is behind; ``NewerSchemaError`` when it is from a newer app."""
    current = current_revision(connection)
    connection.rollback()
    if current is None:
        return True
    script = ScriptDirectory.from_config(_config(schema))
    try:
        known = script.get_revision(current)
    except CommandError:
        known = None
    if known is None:
        raise NewerSchemaError(f"vault schema revision {current} is unknown to this version")
    return current != script.get_current_head()


def stamp(schema: Schema, connection: Connection, revision: str = "head") -> None:
    """Record ``revision`` in the caller's transaction without running it (for a database
    built from the models)."""
    script = ScriptDirectory.from_config(_config(schema))
    MigrationContext.configure(connection).stamp(script, revision)


def upgrade(schema: Schema, connection: Connection, target: str = "head") -> None:
    """Bring the vault to ``target``; each revision commits on its own.

    Foreign keys are switched off meanwhile (SQLite's documented way to change a table): a
    revision that rebuilds a table drops the old one, and with foreign keys on that drop would
    first delete its rows and cascade into the tables that refer to them (consent records of
    signals, say). Each revision checks the references before it commits instead.
    """
    if connection.dialect.name != "sqlite":
        command.upgrade(_config(schema, connection), target)
        connection.commit()
        return
    if connection.in_transaction():
        raise RuntimeError("migrate outside a transaction (foreign_keys cannot change in one)")
    raw: Any = connection.connection.dbapi_connection
    raw.execute("PRAGMA foreign_keys = OFF")
    try:
        command.upgrade(_config(schema, connection), target)
        connection.commit()
    finally:
        if connection.in_transaction():
            connection.rollback()
        raw.execute("PRAGMA foreign_keys = ON")
        if raw.execute("PRAGMA foreign_keys").fetchone()[0] != 1:
            connection.invalidate()  # never hand a connection without them back to the pool
            raise RuntimeError("foreign keys could not be switched back on")


def run_in_alembic_env() -> None:
    """The body of every schema's ``migrations/env.py``: migrate the connection we handed over.

    There is no alembic.ini and no URL: ``upgrade`` passes an open, keyed connection and the
    target metadata in ``config.attributes``. Each revision runs in its own transaction, so a
    failure leaves the vault at the last completed revision.
    """
    from alembic import context

    config = context.config
    context.configure(
        connection=config.attributes["connection"],
        target_metadata=config.attributes.get("target_metadata"),
        render_as_batch=True,
        transaction_per_migration=True,
        # Foreign keys are checked here, inside each revision's transaction.
        on_version_apply=config.attributes.get("on_version_apply", ()),
    )
    with context.begin_transaction():
        context.run_migrations()
