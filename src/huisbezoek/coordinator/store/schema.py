"""The coordinator vault kind: its metadata, migrations and audit table for the vault layer."""

from __future__ import annotations

from huisbezoek.coordinator.store.models import CoordinatorAuditLog, CoordinatorBase
from huisbezoek.vault.schema import Schema

COORDINATOR_SCHEMA = Schema(
    kind="coordinator",
    metadata=CoordinatorBase.metadata,
    migrations_package="huisbezoek.coordinator.store.migrations",
    audit_table=CoordinatorAuditLog.__table__,  # type: ignore[arg-type]
)
