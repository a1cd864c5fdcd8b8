"""Alembic environment of the toy schema: the vault hands over the connection."""

from __future__ import annotations

from alembic import context

config = context.config
context.configure(
    connection=config.attributes["connection"],
    target_metadata=config.attributes.get("target_metadata"),
    transaction_per_migration=True,
)
with context.begin_transaction():
    context.run_migrations()
