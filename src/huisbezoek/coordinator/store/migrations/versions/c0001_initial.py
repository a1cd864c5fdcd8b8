"""Initial coordinator store: organisation keys, volunteer registry, import ledger, imported
signals, neighbourhood counts and the audit log.

Revision ID: c0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from huisbezoek.vault.audit import append_only_triggers

revision = "c0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.String(length=40), nullable=False),
        sa.Column("event", sa.String(length=40), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("row_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_table(
        "org_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("recipient", sa.String(length=100), nullable=False),
        sa.Column("secret", sa.Text(), nullable=True),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_org_keys")),
        sa.UniqueConstraint("recipient", name=op.f("uq_org_keys_recipient")),
    )
    op.create_table(
        "organisation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("org_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisation")),
    )
    op.create_table(
        "volunteers",
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("age_recipient", sa.String(length=100), nullable=False),
        sa.Column("fingerprint", sa.String(length=40), nullable=False),
        sa.Column("enrolled_at", sa.String(length=32), nullable=False),
        sa.Column("approved_at", sa.String(length=32), nullable=True),
        sa.Column("revoked_at", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("key_id", name=op.f("pk_volunteers")),
    )
    op.create_table(
        "import_ledger",
        sa.Column("batch_id", sa.String(length=36), nullable=False),
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("payload_sha256", sa.String(length=64), nullable=False),
        sa.Column("imported_at", sa.String(length=32), nullable=False),
        sa.Column("new_count", sa.Integer(), nullable=False),
        sa.Column("updated_count", sa.Integer(), nullable=False),
        sa.Column("unchanged_count", sa.Integer(), nullable=False),
        sa.Column("missing_before", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["key_id"], ["volunteers.key_id"], name=op.f("fk_import_ledger_key_id_volunteers")
        ),
        sa.PrimaryKeyConstraint("batch_id", name=op.f("pk_import_ledger")),
        sa.UniqueConstraint("key_id", "sequence", name=op.f("uq_import_ledger_key_id")),
    )
    op.create_index(op.f("ix_import_ledger_key_id"), "import_ledger", ["key_id"], unique=False)
    op.create_table(
        "neighbourhood_counts",
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.Column("neighbourhood", sa.String(length=100), nullable=False),
        sa.Column("metric", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["key_id"],
            ["volunteers.key_id"],
            name=op.f("fk_neighbourhood_counts_key_id_volunteers"),
        ),
        sa.PrimaryKeyConstraint(
            "key_id", "neighbourhood", "metric", name=op.f("pk_neighbourhood_counts")
        ),
    )
    op.create_table(
        "imported_signals",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("source_key_id", sa.String(length=16), nullable=False),
        sa.Column("batch_id", sa.String(length=36), nullable=False),
        sa.Column("theme", sa.String(length=40), nullable=False),
        sa.Column("severity", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("agreed", sa.Text(), nullable=False),
        sa.Column("consent_scopes", sa.String(length=200), nullable=False),
        sa.Column("consent_given_on", sa.Date(), nullable=False),
        sa.Column("consent_method", sa.String(length=40), nullable=False),
        sa.Column("resident_name", sa.String(length=200), nullable=True),
        sa.Column("resident_address", sa.String(length=200), nullable=True),
        sa.Column("resident_postcode", sa.String(length=10), nullable=True),
        sa.Column("resident_place", sa.String(length=200), nullable=True),
        sa.Column("resident_phone", sa.String(length=40), nullable=True),
        sa.Column("first_imported_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["import_ledger.batch_id"],
            name=op.f("fk_imported_signals_batch_id_import_ledger"),
        ),
        sa.ForeignKeyConstraint(
            ["source_key_id"],
            ["volunteers.key_id"],
            name=op.f("fk_imported_signals_source_key_id_volunteers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_imported_signals")),
    )
    op.create_index(
        op.f("ix_imported_signals_severity"), "imported_signals", ["severity"], unique=False
    )
    op.create_index(
        op.f("ix_imported_signals_source_key_id"),
        "imported_signals",
        ["source_key_id"],
        unique=False,
    )
    for statement in append_only_triggers("audit_log"):
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("the coordinator store is never downgraded")
