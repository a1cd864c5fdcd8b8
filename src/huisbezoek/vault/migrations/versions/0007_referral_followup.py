"""A referral records who makes the call and by when, so the resident's summary can say so.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("consent_records") as batch:
        batch.add_column(sa.Column("referral_caller", sa.String(length=20), nullable=True))
        batch.add_column(sa.Column("referral_due", sa.Date(), nullable=True))


def downgrade() -> None:
    raise NotImplementedError("the vault never downgrades; restore a backup instead")
