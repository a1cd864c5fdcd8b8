"""The append-only, hash-chained audit log of security events (never names, answers or keys).

Each row stores ``sha256(prev_hash || canonical row)``, so changing, removing or reordering a
row breaks the chain from that row on; triggers refuse UPDATE and DELETE on the table. Anyone
holding the data key could rewrite the whole chain; the log is a record for the volunteer and
the coordinator, not a defence against the key holder.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, Integer, String, Table, Text, func, insert, select
from sqlalchemy.orm import Mapped, mapped_column

from huisbezoek.vault.types import utcnow

GENESIS_HASH = "0" * 64


class AuditEvent(StrEnum):
    CREATE = "create"
    UNLOCK = "unlock"
    FAILED_UNLOCK = "failed_unlock"
    RECOVERY_UNLOCK = "recovery_unlock"
    PASSPHRASE_CHANGE = "passphrase_change"  # noqa: S105 (an event name)
    MIGRATE = "migrate"
    BACKUP = "backup"
    RESTORE = "restore"
    EXPORT = "export"
    ERASE = "erase"
    SUBJECT_ACCESS = "subject_access"  # an overview for the resident was made (counts only)
    VISIT_REOPENED = "visit_reopened"
    CONSENT_CHANGED = "consent_changed"  # detail: visit and signal ids, the purposes now given
    VISIT_FINALISED = "visit_finalised"
    # The coordinator store's exchange events (detail: key ids and counts only).
    ORG_INIT = "org_init"
    ORG_KEY_EXPORT = "org_key_export"
    ENROL = "enrol"
    APPROVE = "approve"
    REVOKE = "revoke"
    IMPORT = "import"


class AuditLogMixin:
    """Columns of an audit log; a schema declares ``class AuditLog(AuditLogMixin, Base)``."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(40))
    event: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text, default="{}")
    prev_hash: Mapped[str] = mapped_column(String(64))
    row_hash: Mapped[str] = mapped_column(String(64))


def append_only_triggers(table_name: str) -> list[str]:
    """SQL for the triggers that make ``table_name`` append-only (used by migrations)."""
    return [
        f"CREATE TRIGGER {table_name}_no_{verb.lower()} BEFORE {verb} ON {table_name} "
        f"BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
        for verb in ("UPDATE", "DELETE")
    ]


def _row_hash(prev_hash: str, row_id: int, at: str, event: str, detail: str) -> str:
    canonical = json.dumps(
        {"id": row_id, "at": at, "event": event, "detail": detail},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=True,
    ).encode()
    return hashlib.sha256(bytes.fromhex(prev_hash) + canonical).hexdigest()


def append_event(
    conn: Connection,
    table: Table,
    event: AuditEvent,
    detail: dict[str, Any] | None = None,
    *,
    at: datetime | None = None,
) -> int:
    """Append one event in the caller's transaction; returns its row id.

    ``detail`` holds counts, revisions and similar, never personal data or paths.
    """
    last = conn.execute(
        select(table.c.id, table.c.row_hash).order_by(table.c.id.desc()).limit(1)
    ).first()
    if conn.dialect.name == "postgresql":
        # A shared store: who did it is the database account (a personal login role), not a
        # name anyone could type.
        detail = {**(detail or {}), "db_user": conn.execute(select(func.current_user())).scalar()}
    prev_hash = last.row_hash if last else GENESIS_HASH
    row_id = (last.id + 1) if last else 1
    when = (at or utcnow()).isoformat(timespec="microseconds")
    detail_text = json.dumps(detail or {}, sort_keys=True, separators=(",", ":"))
    conn.execute(
        insert(table).values(
            id=row_id,
            at=when,
            event=str(event),
            detail=detail_text,
            prev_hash=prev_hash,
            row_hash=_row_hash(prev_hash, row_id, when, str(event), detail_text),
        )
    )
    return row_id


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: datetime
    event: str
    detail: dict[str, Any]
    #: The database account that wrote it (a shared PostgreSQL store); None in a vault.
    db_user: str | None = None


@dataclass(frozen=True, slots=True)
class AuditReport:
    ok: bool
    rows: int
    first_bad_id: int | None = None


def verify_audit_chain(conn: Connection, table: Table) -> AuditReport:
    """Walk the chain from the first row; report the first row whose hash does not follow."""
    prev_hash, expected_id, count = GENESIS_HASH, 1, 0
    rows = conn.execute(select(table).order_by(table.c.id))
    for row in rows:
        count += 1
        good = (
            row.id == expected_id
            and row.prev_hash == prev_hash
            and row.row_hash == _row_hash(prev_hash, row.id, row.at, row.event, row.detail)
        )
        if not good:
            return AuditReport(ok=False, rows=count, first_bad_id=row.id)
        prev_hash, expected_id = row.row_hash, row.id + 1
    return AuditReport(ok=True, rows=count)


def read_events(conn: Connection, table: Table, limit: int = 200) -> list[AuditEntry]:
    """The newest ``limit`` events, newest first, as plain data."""
    rows = conn.execute(select(table).order_by(table.c.id.desc()).limit(limit))
    entries = []
    for row in rows:
        detail = json.loads(row.detail)
        user = detail.pop("db_user", None)
        entries.append(
            AuditEntry(
                id=row.id,
                at=datetime.fromisoformat(row.at),
                event=row.event,
                detail=detail,
                db_user=user,
            )
        )
    return entries
