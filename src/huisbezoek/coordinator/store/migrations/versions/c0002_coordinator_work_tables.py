"""The coordinator's working tables (``cw_*``): follow-up and its history, the address list,
coverage snapshots and settings (models: ``huisbezoek.coordinator.store.models``).

Stores made before this revision got these tables from ``create_all`` when they were opened,
with the same names and columns; for them this revision only records that they are there.

Revision ID: c0002
Revises: c0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0002"
down_revision = "c0001"
branch_labels = None
depends_on = None

# Frozen copies of the model types: UTCDateTime is ISO text, enums are text or integer.
_TIME = sa.String(length=32)


def _create_followups() -> None:
    op.create_table(
        "cw_followups",
        sa.Column("signal_id", sa.String(length=36), nullable=False),
        sa.Column("theme", sa.String(length=40), nullable=False),
        sa.Column("severity", sa.Integer(), nullable=False),
        sa.Column("neighbourhood", sa.String(length=100), nullable=False),
        sa.Column("source_key_id", sa.String(length=16), nullable=False),
        sa.Column("signal_date", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("service", sa.String(length=200), nullable=False),
        sa.Column("assigned_to", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("is_open", sa.Integer(), nullable=False),
        sa.Column("closed_at", _TIME, nullable=True),
        sa.Column("created_at", _TIME, nullable=False),
        sa.Column("updated_at", _TIME, nullable=False),
        sa.Column("identity_erased_at", _TIME, nullable=True),
        sa.Column("has_identity", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("signal_id", name=op.f("pk_cw_followups")),
    )
    op.create_index(op.f("ix_cw_followups_closed_at"), "cw_followups", ["closed_at"])
    op.create_index("ix_cw_followups_hood_theme", "cw_followups", ["neighbourhood", "theme"])
    op.create_index(
        "ix_cw_followups_queue",
        "cw_followups",
        [
            sa.literal_column("is_open DESC"),
            sa.literal_column("severity DESC"),
            "signal_date",
            "created_at",
            "signal_id",
        ],
    )
    op.create_index(
        "ix_cw_followups_retention",
        "cw_followups",
        ["is_open", "identity_erased_at", "closed_at"],
    )


def _create_followup_events() -> None:
    op.create_table(
        "cw_followup_events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("signal_id", sa.String(length=36), nullable=False),
        sa.Column("at", _TIME, nullable=False),
        sa.Column("by", sa.String(length=200), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=False),
        sa.Column("new_value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cw_followup_events")),
    )
    op.create_index(op.f("ix_cw_followup_events_signal_id"), "cw_followup_events", ["signal_id"])


def _create_area_residents() -> None:
    op.create_table(
        "cw_area_residents",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("match_key", sa.String(length=300), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("street", sa.String(length=200), nullable=False),
        sa.Column("house_number", sa.String(length=20), nullable=False),
        sa.Column("postcode", sa.String(length=10), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column("neighbourhood", sa.String(length=100), nullable=False),
        sa.Column("assigned_key_id", sa.String(length=16), nullable=True),
        sa.Column("assigned_at", _TIME, nullable=True),
        sa.Column("imported_at", _TIME, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cw_area_residents")),
        sa.UniqueConstraint("match_key", name=op.f("uq_cw_area_residents_match_key")),
    )
    op.create_index(
        "ix_cw_area_residents_hood", "cw_area_residents", ["neighbourhood", "assigned_key_id"]
    )
    op.create_index("ix_cw_area_residents_match", "cw_area_residents", ["postcode", "house_number"])


def _create_coverage_snapshots() -> None:
    op.create_table(
        "cw_coverage_snapshots",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("in_band", sa.Integer(), nullable=False),
        sa.Column("invited", sa.Integer(), nullable=False),
        sa.Column("visited", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_cw_coverage_snapshots")),
    )


def _create_settings() -> None:
    op.create_table(
        "cw_settings",
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_cw_settings")),
    )


_TABLES = {
    "cw_followups": _create_followups,
    "cw_followup_events": _create_followup_events,
    "cw_area_residents": _create_area_residents,
    "cw_coverage_snapshots": _create_coverage_snapshots,
    "cw_settings": _create_settings,
}


def upgrade() -> None:
    existing = set(sa.inspect(op.get_bind()).get_table_names())
    for name, create in _TABLES.items():
        # A store opened by an older version already has the table (create_all), rows too.
        if name not in existing:
            create()


def downgrade() -> None:
    for name in reversed(list(_TABLES)):
        op.drop_table(name)
