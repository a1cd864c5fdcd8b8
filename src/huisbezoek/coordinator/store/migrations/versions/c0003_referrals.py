"""Structured referrals: the service a resident agreed to (sociale kaart id) and the signal's
neighbourhood on imported signals; the follow-up's outcome, and what is left of a referral
whose consent was withdrawn (when, and whether the service was told).

Revision ID: c0003
Revises: c0002
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0003"
down_revision = "c0002"
branch_labels = None
depends_on = None

_TIME = sa.String(length=32)  # UTCDateTime is ISO text


def upgrade() -> None:
    # Stores from before c0002 made their work tables from the models when opened, so a column
    # may already be there; add only what is missing.
    inspector = sa.inspect(op.get_bind())
    wanted = {
        "imported_signals": [
            sa.Column("referral_service_id", sa.String(length=40), nullable=True),
            sa.Column("neighbourhood", sa.String(length=100), nullable=True),
        ],
        "cw_followups": [
            sa.Column("outcome", sa.String(length=40), nullable=True),
            sa.Column("referral_service_id", sa.String(length=40), nullable=True),
            sa.Column("withdrawn_at", _TIME, nullable=True),
            sa.Column("service_told", sa.String(length=20), nullable=False, server_default=""),
        ],
    }
    for table, columns in wanted.items():
        present = {c["name"] for c in inspector.get_columns(table)}
        missing = [c for c in columns if c.name not in present]
        if missing:
            with op.batch_alter_table(table) as batch:
                for column in missing:
                    batch.add_column(column)
    indexes = {i["name"] for i in inspector.get_indexes("imported_signals")}
    if "ix_imported_signals_updated_at" not in indexes:
        op.create_index(
            op.f("ix_imported_signals_updated_at"), "imported_signals", ["updated_at"]
        )


def downgrade() -> None:
    raise NotImplementedError("the store never downgrades; restore a backup instead")
