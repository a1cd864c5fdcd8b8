"""Structured referrals and a queue that scales: the service a resident agreed to (sociale
kaart id) and the signal's neighbourhood on imported signals; the follow-up's outcome, and what
is left of a referral whose consent was withdrawn (when, and whether the service was told);
indexes for the queue's filters, and the batches the follow-up sync has seen
(``cw_synced_batches``).

Revision ID: c0004
Revises: c0003
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0004"
down_revision = "c0003"
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
    wanted_indexes = {
        "imported_signals": [
            ("ix_imported_signals_batch_id", ["batch_id"]),
            ("ix_imported_signals_person", ["resident_name", "id"]),
            ("ix_imported_signals_postcode", ["resident_postcode"]),
        ],
        "cw_followups": [
            ("ix_cw_followups_status", ["status", "severity"]),
            ("ix_cw_followups_due", ["is_open", "due_on"]),
            ("ix_cw_followups_source", ["source_key_id"]),
            (
                "ix_cw_followups_outcomes",
                ["is_open", "closed_at", "withdrawn_at", "status", "outcome"],
            ),
            (
                "ix_cw_followups_erasable",
                ["is_open", "identity_erased_at", "closed_at", "theme", "has_identity"],
            ),
        ],
    }
    for table, indexes in wanted_indexes.items():
        present = {str(i["name"]) for i in inspector.get_indexes(table)}
        for name, index_columns in indexes:
            if name not in present:
                op.create_index(name, table, index_columns)
    if "cw_synced_batches" not in inspector.get_table_names():
        op.create_table(
            "cw_synced_batches",
            sa.Column("batch_id", sa.String(length=36), nullable=False),
            sa.Column("synced_at", _TIME, nullable=False),
            sa.PrimaryKeyConstraint("batch_id", name=op.f("pk_cw_synced_batches")),
        )


def downgrade() -> None:
    raise NotImplementedError("the store never downgrades; restore a backup instead")
