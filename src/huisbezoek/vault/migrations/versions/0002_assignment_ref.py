"""Residents remember the coordinator's assignment reference they were handed out under.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("residents", sa.Column("assignment_ref", sa.String(length=64), nullable=True))
    op.create_index(
        op.f("ix_residents_assignment_ref"), "residents", ["assignment_ref"], unique=False
    )


def downgrade() -> None:
    raise NotImplementedError("the vault never downgrades; restore a backup instead")
