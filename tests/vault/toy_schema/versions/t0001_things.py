"""Things and the toy audit log.

Revision ID: t0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from huisbezoek.vault.audit import append_only_triggers

revision = "t0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "things",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("label", sa.String(100), nullable=False),
    )
    op.create_table(
        "toy_audit",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("event", sa.String(40), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("row_hash", sa.String(64), nullable=False),
    )
    for statement in append_only_triggers("toy_audit"):
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError
