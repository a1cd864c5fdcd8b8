"""A referral names its service by the sociale kaart's id, so the coordinator's letter goes to
the service the resident agreed to (``consent_records.service_id``).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"  # after 0007_referral_followup; the lead re-chains if needed
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("consent_records") as batch:
        batch.add_column(sa.Column("service_id", sa.String(length=40), nullable=True))


def downgrade() -> None:
    raise NotImplementedError("the vault never downgrades; restore a backup instead")
