"""Check one batch file against the coordinator store and apply it: the import ledger rules.

The order is the security argument: container and manifest, our organisation, an approved and
non-revoked signer, the signature, the ledger (duplicate, conflict, replay), and only then
decryption, validation and the writes. Every rejection happens before the first write, and each
batch's writes run inside a savepoint, so a batch is imported whole or not at all.

Rules (docs/batch-format.md): a byte-identical payload already in the ledger is "unchanged"; the
same batch id with other contents is refused; a sequence number at or below the highest one
imported for that key is refused as a replay; a jump above the next number is imported and
reported as a gap. Per signal, a higher revision replaces the stored one and a lower or equal
one changes nothing, so an older batch can never roll anything back.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Connection, Table, bindparam, func, select
from sqlalchemy.orm import Session

from huisbezoek.domain import ConsentScope
from huisbezoek.exchange import batch, minisign
from huisbezoek.exchange.coordinator.models import (
    ImportedSignal,
    ImportLedger,
    NeighbourhoodCount,
    Volunteer,
)
from huisbezoek.exchange.errors import (
    ConflictingBatchError,
    OtherOrganisationError,
    ReplayedBatchError,
    RevokedSignerError,
    UnknownSignerError,
)
from huisbezoek.exchange.keys import OrgIdentity
from huisbezoek.exchange.payload import BatchPayload, SharedSignal

_CHUNK = 500  # stays well below SQLite's limit on bound parameters

_SIGNALS: Table = ImportedSignal.__table__  # type: ignore[assignment]
_LEDGER: Table = ImportLedger.__table__  # type: ignore[assignment]
_COUNTS: Table = NeighbourhoodCount.__table__  # type: ignore[assignment]
_SIGNAL_COLUMNS = [c.name for c in _SIGNALS.columns]
_LEDGER_COLUMNS = [c.name for c in _LEDGER.columns]
_UPDATABLE = [c for c in _SIGNAL_COLUMNS if c not in ("id", "first_imported_at")]


def _insert_sql(table: str, columns: list[str]) -> str:
    # Identifiers come from our own table definitions, never from input.
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"  # noqa: S608


# SQLite (the SQLCipher vault): statements on the keyed DBAPI connection of the same transaction,
# values already in stored form (enum values, ISO text; timestamps through the real column type
# once per batch). SQLAlchemy's per-statement and per-row handling was two thirds of the import
# time (benchmarks/bench_exchange.py). Other databases (PostgreSQL) take the typed Core path.
_SQL_FIND_LEDGER = (
    "SELECT payload_sha256, key_id, new_count + updated_count + unchanged_count "
    "FROM import_ledger WHERE batch_id = ?"
)
_SQL_INSERT_LEDGER = _insert_sql("import_ledger", _LEDGER_COLUMNS)
_SQL_INSERT_SIGNALS = _insert_sql("imported_signals", _SIGNAL_COLUMNS)
_SQL_UPDATE_SIGNAL = (
    "UPDATE imported_signals SET "  # noqa: S608
    + ", ".join(f"{name} = ?" for name in _UPDATABLE)
    + " WHERE id = ?"
)

# The same through SQLAlchemy Core, for other databases.
_FIND_LEDGER = select(
    _LEDGER.c.payload_sha256,
    _LEDGER.c.key_id,
    _LEDGER.c.new_count + _LEDGER.c.updated_count + _LEDGER.c.unchanged_count,
).where(_LEDGER.c.batch_id == bindparam("batch_id"))
_FIND_SIGNALS = select(_SIGNALS.c.id, _SIGNALS.c.revision, _SIGNALS.c.source_key_id).where(
    _SIGNALS.c.id.in_(bindparam("ids", expanding=True))
)
_UPDATE_SIGNAL = (
    _SIGNALS.update()
    .where(_SIGNALS.c.id == bindparam("w_id"))
    .values({name: bindparam(f"v_{name}") for name in _UPDATABLE})
)
_DELETE_COUNTS = _COUNTS.delete().where(_COUNTS.c.key_id == bindparam("k"))


@dataclass(frozen=True, slots=True)
class Signer:
    name: str
    public_key: bytes
    approved: bool
    revoked: bool


@dataclass(slots=True)
class ImportContext:
    """What every import in one run needs from the store, read once and kept up to date."""

    org_id: uuid.UUID
    identities: list[OrgIdentity]
    signers: dict[str, Signer] = field(default_factory=dict)
    highest: dict[str, int] = field(default_factory=dict)
    # The newest neighbourhood snapshot per volunteer seen in this run, written by ``finish``:
    # each batch's snapshot replaces the previous one, so only the last one needs writing.
    pending_counts: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    @classmethod
    def load(
        cls, session: Session, org_id: uuid.UUID, identities: list[OrgIdentity]
    ) -> ImportContext:
        signers = {
            v.key_id: Signer(
                v.name,
                minisign.decode_public_key(v.public_key),
                v.approved_at is not None,
                v.revoked_at is not None,
            )
            for v in session.scalars(select(Volunteer))
        }
        highest = {
            key: seq
            for key, seq in session.execute(
                select(ImportLedger.key_id, func.max(ImportLedger.sequence)).group_by(
                    ImportLedger.key_id
                )
            )
        }
        return cls(org_id, identities, signers, highest)


@dataclass(slots=True)
class AppliedBatch:
    """What one accepted batch did; ``duplicate`` when it had been imported before."""

    manifest: batch.Manifest
    volunteer_name: str
    duplicate: bool = False
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    missing: tuple[int, int] | None = None  # first and last skipped sequence number


@dataclass(slots=True)
class _Plan:
    """The rows one batch will write, in stored form for the raw path."""

    ledger: dict[str, Any]
    new: list[dict[str, Any]]
    changed: list[dict[str, Any]]
    counts: list[dict[str, Any]]


def check_and_apply(
    session: Session, context: ImportContext, data: bytes, *, defer_counts: bool = False
) -> AppliedBatch:
    """Import one batch file's bytes in the session's current transaction, or raise.

    Nothing is written unless every check passed; the writes of one batch are all-or-nothing.
    With ``defer_counts`` the neighbourhood snapshot is kept in ``context`` and written by
    :func:`finish`, which the caller then calls once before committing (only the newest
    snapshot per volunteer is written; faster for runs of many batches).
    """
    sealed = batch.read(data)
    manifest = sealed.manifest
    if manifest.org_id != context.org_id:
        raise OtherOrganisationError("manifest names another organisation")
    signer = context.signers.get(manifest.key_id)
    if signer is None or not signer.approved:
        raise UnknownSignerError(f"signer {manifest.key_id} is not approved")
    if signer.revoked:
        raise RevokedSignerError(f"signer {manifest.key_id} is revoked")
    batch.verify(sealed, signer.public_key)

    conn = session.connection()
    raw = _use_raw(conn)
    cursor: Any = cast(Any, conn.connection).dbapi_connection.cursor() if raw else None
    try:
        if raw:
            previous = cursor.execute(_SQL_FIND_LEDGER, (str(manifest.batch_id),)).fetchone()
        else:
            previous = conn.execute(_FIND_LEDGER, {"batch_id": str(manifest.batch_id)}).first()
        if previous is not None:
            if previous[0] == sealed.payload_hash and previous[1] == manifest.key_id:
                return AppliedBatch(
                    manifest, signer.name, duplicate=True, unchanged=int(previous[2])
                )
            raise ConflictingBatchError("batch id already imported with other contents")
        highest = context.highest.get(manifest.key_id)
        if highest is not None and manifest.sequence <= highest:
            raise ReplayedBatchError(
                f"sequence {manifest.sequence} at or below {highest} for {manifest.key_id}"
            )
        expected = (highest or 0) + 1
        missing = (expected, manifest.sequence - 1) if manifest.sequence > expected else None

        payload = batch.open_payload(sealed, context.identities)
        result = AppliedBatch(manifest, signer.name, missing=missing)
        ids = [str(s.id) for s in payload.signals]
        stored = _stored_raw(cursor, ids) if raw else _stored_core(conn, ids)
        plan = _plan(conn, sealed, payload, ids, stored, result, raw=raw)
        if raw:
            _write_raw(cursor, plan)
        else:
            with session.begin_nested():
                _write_core(conn, plan)
    finally:
        if cursor is not None:
            cursor.close()
    context.highest[manifest.key_id] = manifest.sequence
    context.pending_counts[manifest.key_id] = plan.counts
    if not defer_counts:
        finish(session, context)
    return result


def _use_raw(conn: Connection) -> bool:
    """The fast path on SQLite/SQLCipher; typed Core statements elsewhere (PostgreSQL)."""
    return conn.dialect.name == "sqlite"


def finish(session: Session, context: ImportContext) -> None:
    """Write the neighbourhood snapshots of the accepted batches; call before committing."""
    conn = session.connection()
    for key_id, rows in context.pending_counts.items():
        conn.execute(_DELETE_COUNTS, {"k": key_id})
        if rows:
            conn.execute(_COUNTS.insert(), rows)
    context.pending_counts.clear()


def _plan(  # noqa: PLR0917
    conn: Connection,
    sealed: batch.SealedBatch,
    payload: BatchPayload,
    ids: list[str],
    stored: dict[str, tuple[int, str]],
    result: AppliedBatch,
    *,
    raw: bool,
) -> _Plan:
    """Decide per signal (new, newer revision, or nothing); may still refuse the batch."""
    manifest = sealed.manifest
    key_id, batch_id = manifest.key_id, str(manifest.batch_id)
    now = datetime.now(UTC)
    stamp: Any = now
    if raw:  # the stored text of the timestamp, made by the column's own type
        stamp = _SIGNALS.c.updated_at.type.process_bind_param(now, conn.dialect)  # type: ignore[attr-defined]
    new_rows: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    scope_texts: dict[tuple[ConsentScope, ...], str] = {}
    for signal, sid in zip(payload.signals, ids, strict=True):
        known = stored.get(sid)
        if known is None:
            new_rows.append(_signal_row(signal, sid, key_id, batch_id, stamp, raw, scope_texts))
        elif known[1] != key_id:
            raise ConflictingBatchError("signal id belongs to another volunteer")
        elif signal.revision > known[0]:
            changed.append(_signal_row(signal, sid, key_id, batch_id, stamp, raw, scope_texts))
        else:
            result.unchanged += 1
    result.new, result.updated = len(new_rows), len(changed)
    ledger = {
        "batch_id": batch_id,
        "key_id": key_id,
        "sequence": manifest.sequence,
        "created_at": _LEDGER.c.created_at.type.process_bind_param(manifest.created, conn.dialect)  # type: ignore[attr-defined]
        if raw
        else manifest.created,
        "file_sha256": sealed.file_hash,
        "payload_sha256": sealed.payload_hash,
        "imported_at": stamp,
        "new_count": result.new,
        "updated_count": result.updated,
        "unchanged_count": result.unchanged,
        "missing_before": f"{result.missing[0]}-{result.missing[1]}" if result.missing else "",
    }
    return _Plan(ledger, new_rows, changed, list(_count_rows(payload, key_id, batch_id)))


def _write_raw(cursor: Any, plan: _Plan) -> None:
    cursor.execute("SAVEPOINT huisbezoek_batch")
    try:
        # The ledger row first: signals refer to the batch they came from.
        cursor.execute(_SQL_INSERT_LEDGER, [plan.ledger[c] for c in _LEDGER_COLUMNS])
        if plan.new:
            # _signal_row builds its dict in column order
            cursor.executemany(_SQL_INSERT_SIGNALS, [tuple(r.values()) for r in plan.new])
        if plan.changed:
            cursor.executemany(
                _SQL_UPDATE_SIGNAL, [[r[c] for c in _UPDATABLE] + [r["id"]] for r in plan.changed]
            )
    except BaseException:
        cursor.execute("ROLLBACK TO huisbezoek_batch")
        cursor.execute("RELEASE huisbezoek_batch")
        raise
    cursor.execute("RELEASE huisbezoek_batch")


def _write_core(conn: Connection, plan: _Plan) -> None:
    conn.execute(_LEDGER.insert(), [plan.ledger])
    if plan.new:
        conn.execute(_SIGNALS.insert(), plan.new)
    if plan.changed:
        rows = [{"w_id": r["id"], **{f"v_{c}": r[c] for c in _UPDATABLE}} for r in plan.changed]
        conn.execute(_UPDATE_SIGNAL, rows)


def _stored_raw(cursor: Any, ids: list[str]) -> dict[str, tuple[int, str]]:
    found: dict[str, tuple[int, str]] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        sql = (
            "SELECT id, revision, source_key_id FROM imported_signals "  # noqa: S608
            f"WHERE id IN ({', '.join('?' * len(chunk))})"
        )
        for sid, revision, owner in cursor.execute(sql, chunk):
            found[sid] = (revision, owner)
    return found


def _stored_core(conn: Connection, ids: list[str]) -> dict[str, tuple[int, str]]:
    found: dict[str, tuple[int, str]] = {}
    for start in range(0, len(ids), _CHUNK):
        for sid, revision, owner in conn.execute(
            _FIND_SIGNALS, {"ids": ids[start : start + _CHUNK]}
        ):
            found[sid] = (revision, owner)
    return found


def _signal_row(  # noqa: PLR0917 (hot loop: positional on purpose)
    signal: SharedSignal,
    sid: str,
    key_id: str,
    batch_id: str,
    stamp: Any,
    raw: bool,
    scope_texts: dict[tuple[ConsentScope, ...], str],
) -> dict[str, Any]:
    """A row for imported_signals, keys in column order; ``raw``: values in stored form."""
    consent = signal.consent
    given = tuple(consent.scopes)
    scope_text = scope_texts.get(given)
    if scope_text is None:
        scope_text = scope_texts[given] = ",".join(sorted(s.value for s in given))
    person = signal.identity if ConsentScope.SHARE_IDENTITY in given else None
    return {
        "id": sid,
        "revision": signal.revision,
        "source_key_id": key_id,
        "batch_id": batch_id,
        "theme": signal.theme.value if raw else signal.theme,
        "severity": int(signal.severity) if raw else signal.severity,
        "text": signal.text,
        "agreed": signal.agreed,
        "consent_scopes": scope_text,
        "consent_given_on": consent.given_on.isoformat() if raw else consent.given_on,
        "consent_method": consent.method.value if raw else consent.method,
        "resident_name": person.name if person else None,
        "resident_address": person.address if person else None,
        "resident_postcode": person.postcode if person else None,
        "resident_place": person.place if person else None,
        "resident_phone": person.phone if person else None,
        "first_imported_at": stamp,
        "updated_at": stamp,
    }


def _count_rows(payload: BatchPayload, key_id: str, batch_id: str) -> Iterable[dict[str, Any]]:
    for hood in payload.neighbourhoods:
        metrics: dict[str, int] = {"visits": hood.visits}
        metrics.update({f"outcome:{k.value}": v for k, v in hood.outcomes.items()})
        metrics.update({f"unshared:{k.value}": v for k, v in hood.unshared_signals.items()})
        for metric, value in metrics.items():
            yield {
                "key_id": key_id,
                "neighbourhood": hood.neighbourhood,
                "metric": metric,
                "value": value,
                "batch_id": batch_id,
            }
