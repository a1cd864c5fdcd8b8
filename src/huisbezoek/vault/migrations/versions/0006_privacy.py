"""Privacy on the laptop: erasure tombstones, which batch carried each signal, and which
batches the coordinator confirmed it received (feeds retention).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "erasures",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("erased_at", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("counts_json", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_erasures")),
    )
    op.create_table(
        "erased_assignments",
        sa.Column("ref", sa.String(length=64), nullable=False),
        sa.Column("erased_at", sa.String(length=32), nullable=False),
        sa.Column("notify", sa.Boolean(), nullable=False),
        sa.Column("sent_batch", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("ref", name=op.f("pk_erased_assignments")),
    )
    op.add_column("signals", sa.Column("exported_batch", sa.String(length=36), nullable=True))
    op.add_column("export_batches", sa.Column("received_at", sa.String(length=32), nullable=True))


def downgrade() -> None:
    raise NotImplementedError("the vault never downgrades; restore a backup instead")
