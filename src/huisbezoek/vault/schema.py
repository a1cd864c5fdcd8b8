"""What makes a vault kind: its metadata, its migration scripts and its audit table.

The engine, key slots, lock, backup and migration runner do not care what is stored; a
``Schema`` tells them. The volunteer vault is ``VOLUNTEER_SCHEMA``; the coordinator store
declares its own with ``kind="coordinator"``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import MetaData, Table


@dataclass(frozen=True)
class Schema:
    """A vault kind. ``migrations_package`` holds an Alembic ``env.py`` and ``versions/``
    (copy ``huisbezoek/vault/migrations/env.py``; it needs no changes)."""

    kind: str
    metadata: MetaData
    migrations_package: str
    audit_table: Table

    @property
    def script_location(self) -> str:
        module = importlib.import_module(self.migrations_package)
        assert module.__file__ is not None
        return str(Path(module.__file__).parent)


def _volunteer_schema() -> Schema:
    from huisbezoek.vault.models import AuditLog, Base

    return Schema(
        kind="volunteer",
        metadata=Base.metadata,
        migrations_package="huisbezoek.vault.migrations",
        audit_table=AuditLog.__table__,  # type: ignore[arg-type]
    )


VOLUNTEER_SCHEMA = _volunteer_schema()
