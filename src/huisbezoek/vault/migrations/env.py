"""Alembic environment for vault schemas: runs on the connection the vault hands over.

There is no alembic.ini and no URL: ``huisbezoek.vault.migrate`` passes an open, keyed
connection and the target metadata in ``config.attributes``. Each revision runs in its own
transaction, so a failure leaves the vault at the last completed revision.
"""

from __future__ import annotations

from alembic import context

config = context.config
connection = config.attributes["connection"]

context.configure(
    connection=connection,
    target_metadata=config.attributes.get("target_metadata"),
    render_as_batch=True,
    transaction_per_migration=True,
    # huisbezoek.vault.migrate checks foreign keys here, inside each revision's transaction.
    on_version_apply=config.attributes.get("on_version_apply", ()),
)
with context.begin_transaction():
    context.run_migrations()
