"""Run a schema's Alembic migrations on an open vault connection, without alembic.ini."""

from __future__ import annotations

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
    return config


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


def upgrade(schema: Schema, connection: Connection, target: str = "head") -> None:
    """Bring the vault to ``target``; each revision commits on its own."""
    command.upgrade(_config(schema, connection), target)
    connection.commit()
