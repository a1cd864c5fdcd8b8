"""Signals removed after they were shared leave their public id behind (``withdrawn_signals``),
so the next export can tell the coordinator to erase them.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "withdrawn_signals",
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("withdrawn_at", sa.String(length=32), nullable=False),
        sa.Column("sent_revision", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("uid", name=op.f("pk_withdrawn_signals")),
    )


def downgrade() -> None:
    raise NotImplementedError("the vault never downgrades; restore a backup instead")
