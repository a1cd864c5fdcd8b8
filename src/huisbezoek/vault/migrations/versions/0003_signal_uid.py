"""Signals get a stable public id (``uid``), so a reused row id never passes for an old signal.

SQLite may hand the row id of a deleted newest row to the next insert. The exchange used to
derive a signal's public id from its row id, so a new signal could arrive at the coordinator
under the id of a deleted one and be taken for it. Existing rows get the id the exporter gave
them (uuid5 of the vault's exchange namespace and the row id), so signals already exported keep
their identity; in a vault that never exported, no such namespace exists and they get random
ids. New rows get a random UUID4 from the model.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import json
import uuid

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# Copied from services.exchange at the time of writing: a migration must not change when the
# code it was written against does.
_NAMESPACE_SETTING = "exchange.signal_namespace"


def _legacy_uid(namespace: uuid.UUID | None, row_id: int) -> str:
    if namespace is None:
        return str(uuid.uuid4())
    return str(uuid.uuid5(namespace, f"signal/{row_id}"))


def upgrade() -> None:
    conn = op.get_bind()
    op.add_column("signals", sa.Column("uid", sa.String(length=36), nullable=True))
    stored = conn.execute(
        sa.text("SELECT value FROM settings WHERE key = :k"), {"k": _NAMESPACE_SETTING}
    ).scalar()
    namespace = None if stored is None else uuid.UUID(str(json.loads(stored)))
    ids = conn.execute(sa.text("SELECT id FROM signals")).scalars().all()
    if ids:
        conn.execute(
            sa.text("UPDATE signals SET uid = :uid WHERE id = :id"),
            [{"uid": _legacy_uid(namespace, row_id), "id": row_id} for row_id in ids],
        )
    # NOT NULL needs the table rebuilt on SQLite; the migration runner switches foreign keys
    # off for this (otherwise dropping the old table would cascade into consent_records).
    with op.batch_alter_table("signals", recreate="always") as batch_op:
        batch_op.alter_column("uid", existing_type=sa.String(length=36), nullable=False)
        batch_op.create_index(batch_op.f("ix_signals_uid"), ["uid"], unique=True)


def downgrade() -> None:
    raise NotImplementedError("the vault never downgrades; restore a backup instead")
