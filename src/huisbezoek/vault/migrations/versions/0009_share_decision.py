"""A signal remembers that the resident said no to sharing it (``signals.share_declined_at``),
so "do not share" is a decision the visit can be finalised with, not a blank.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("signals", sa.Column("share_declined_at", sa.String(length=32), nullable=True))


def downgrade() -> None:
    raise NotImplementedError("the vault never downgrades; restore a backup instead")
