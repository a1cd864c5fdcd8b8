"""An erased signal stays erased (``imported_signals.erased_at``), and erasures at a resident's
request are passed on to the volunteer who sent the signals (``erasure_notices``).

Revision ID: c0003
Revises: c0002
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0003"
down_revision = "c0002"
branch_labels = None
depends_on = None

_TIME = sa.String(length=32)  # UTCDateTime is ISO text


def upgrade() -> None:
    op.add_column("imported_signals", sa.Column("erased_at", _TIME, nullable=True))
    op.create_table(
        "erasure_notices",
        sa.Column("signal_id", sa.String(length=36), nullable=False),
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.Column("erased_at", _TIME, nullable=False),
        sa.PrimaryKeyConstraint("signal_id", name=op.f("pk_erasure_notices")),
    )
    op.create_index(op.f("ix_erasure_notices_key_id"), "erasure_notices", ["key_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_erasure_notices_key_id"), table_name="erasure_notices")
    op.drop_table("erasure_notices")
    with op.batch_alter_table("imported_signals") as batch:
        batch.drop_column("erased_at")
