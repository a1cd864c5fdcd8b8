"""A store the size of a region: the volunteers' neighbourhood counts summed once per import
(``neighbourhood_totals``) instead of on every refresh of the dashboard and the report, an
index to sum one neighbourhood again, one on the follow-up's "assigned to" (what a
follow-up worker's row-level security filters on), and status and open added to the index on
neighbourhood and theme (the reporting account's counts per status read it alone).

With 3,000 volunteers the counts hold some 660,000 rows; summing them took 220 ms of each
dashboard refresh on PostgreSQL. The totals are filled here from the counts already stored.

Revision ID: c0005
Revises: c0004
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0005"
down_revision = "c0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    present = {str(i["name"]) for i in inspector.get_indexes("neighbourhood_counts")}
    if "ix_neighbourhood_counts_hood" not in present:
        op.create_index("ix_neighbourhood_counts_hood", "neighbourhood_counts", ["neighbourhood"])
    followups = {str(i["name"]): i["column_names"] for i in inspector.get_indexes("cw_followups")}
    if "ix_cw_followups_assigned" not in followups:
        op.create_index("ix_cw_followups_assigned", "cw_followups", ["assigned_to"])
    wide = ["neighbourhood", "theme", "status", "is_open"]
    if followups.get("ix_cw_followups_hood_theme") != wide:
        if "ix_cw_followups_hood_theme" in followups:
            op.drop_index("ix_cw_followups_hood_theme", "cw_followups")
        op.create_index("ix_cw_followups_hood_theme", "cw_followups", wide)
    if "neighbourhood_totals" not in inspector.get_table_names():
        op.create_table(
            "neighbourhood_totals",
            sa.Column("neighbourhood", sa.String(length=100), nullable=False),
            sa.Column("metric", sa.String(length=60), nullable=False),
            sa.Column("total", sa.Integer(), nullable=False),
            sa.PrimaryKeyConstraint(
                "neighbourhood", "metric", name=op.f("pk_neighbourhood_totals")
            ),
        )
        op.execute(
            "INSERT INTO neighbourhood_totals (neighbourhood, metric, total) "
            "SELECT neighbourhood, metric, sum(value) FROM neighbourhood_counts "
            "GROUP BY neighbourhood, metric"
        )
    if op.get_bind().dialect.name == "postgresql":
        # Personal accounts made before (``coordinator roles setup``) import through the
        # coordinator group, which then needs this table too; setup grants it from now on.
        op.execute(
            "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
            "'huisbezoek_coordinator') THEN GRANT SELECT, INSERT, UPDATE, DELETE ON "
            "neighbourhood_totals TO huisbezoek_coordinator; END IF; END $$"
        )
        # The follow-up worker's policies compared assigned_to with current_user (collation
        # "C"), which no index fits; in the text columns' collation the new index serves them.
        for statement in _POLICIES:
            op.execute(statement)
        # The reporting account's view of the counts reads the totals too (same columns).
        op.execute(
            "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_views WHERE viewname = "
            "'report_neighbourhood_counts') THEN CREATE OR REPLACE VIEW "
            "report_neighbourhood_counts AS SELECT neighbourhood, metric, total::bigint AS total "
            "FROM neighbourhood_totals; END IF; END $$"
        )


_POLICIES = (
    "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_policies WHERE tablename = 'cw_followups' AND "
    "policyname = 'followup_own_items') THEN ALTER POLICY followup_own_items ON cw_followups "
    'USING (assigned_to = (current_user::text COLLATE "default")) '
    'WITH CHECK (assigned_to = (current_user::text COLLATE "default")); END IF; END $$',
    "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_policies WHERE tablename = 'imported_signals' AND "
    "policyname = 'followup_own_signals') THEN ALTER POLICY followup_own_signals ON "
    "imported_signals USING (id IN (SELECT signal_id FROM cw_followups "
    'WHERE assigned_to = (current_user::text COLLATE "default"))); END IF; END $$',
    "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_policies WHERE tablename = 'cw_followup_events' "
    "AND policyname = 'followup_own_events') THEN ALTER POLICY followup_own_events ON "
    "cw_followup_events USING (signal_id IN (SELECT signal_id FROM cw_followups "
    'WHERE assigned_to = (current_user::text COLLATE "default"))); END IF; END $$',
)


def downgrade() -> None:
    raise NotImplementedError("the store never downgrades; restore a backup instead")
