"""Check one batch file against the coordinator store and apply it: the import ledger rules.

The order is the security argument: container and manifest, our organisation, an approved and
non-revoked signer, the signature, the ledger (duplicate, conflict, replay), and only then
decryption, validation and the writes. Every rejection happens before the first write but one:
on SQLite a signal id stored for another volunteer is found by the insert itself (see
``_apply_raw``). Each batch's writes run inside a savepoint, which that rejection rolls back, so a
batch is imported whole or not at all.

Rules (docs/batch-format.md): a byte-identical payload already in the ledger is "unchanged"; the
same batch id with other contents is refused; a sequence number at or below the highest one
imported for that key is refused as a replay; a jump above the next number is imported and
reported as a gap. Per signal, a higher revision replaces the stored one and a lower or equal
one changes nothing, so an older batch can never roll anything back.

``import_batches`` (files) and ``import_batch_bytes`` (one batch in memory) run these checks in
one transaction with a savepoint per file and report each file's outcome in Dutch. Long runs take
``progress(fraction, message)`` and a cancel flag (``threading.Event``), no Qt.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from operator import itemgetter
from pathlib import Path
from typing import Any, cast

from pydantic import TypeAdapter
from sqlalchemy import (
    ARRAY,
    Connection,
    Dialect,
    String,
    Table,
    any_,
    bindparam,
    delete,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session

from huisbezoek.coordinator.figures import period_metrics, refresh_totals
from huisbezoek.coordinator.organisation import identities
from huisbezoek.coordinator.store import StoreLike, serialise_imports
from huisbezoek.coordinator.store.models import (
    ERASED_SIGNAL_VALUES,
    AreaResident,
    FollowUp,
    FollowUpEvent,
    ImportedSignal,
    ImportLedger,
    NeighbourhoodCount,
    Organisation,
    Volunteer,
)
from huisbezoek.coordinator.store.schema import COORDINATOR_SCHEMA
from huisbezoek.domain import ConsentScope
from huisbezoek.errors import UserError
from huisbezoek.exchange import batch, minisign
from huisbezoek.exchange.errors import (
    ConflictingBatchError,
    CorruptBatchError,
    ForeignSignalError,
    NoOrganisationConfigError,
    OtherOrganisationError,
    ReplayedBatchError,
    RevokedSignerError,
    UnknownSignerError,
)
from huisbezoek.exchange.files import read_limited
from huisbezoek.exchange.keys import OrgIdentity
from huisbezoek.exchange.payload import BatchPayload, NeighbourhoodCounts, SharedSignal
from huisbezoek.progress import CancelFlag, ProgressFn, bulk_work, noop_progress
from huisbezoek.vault import AuditEvent
from huisbezoek.vault.audit import append_event

log = logging.getLogger(__name__)

_CHUNK = 500  # stays well below SQLite's limit on bound parameters
_ID_TEXTS: TypeAdapter[list[uuid.UUID]] = TypeAdapter(list[uuid.UUID])

_SIGNALS: Table = ImportedSignal.__table__  # type: ignore[assignment]
_LEDGER: Table = ImportLedger.__table__  # type: ignore[assignment]
_COUNTS: Table = NeighbourhoodCount.__table__  # type: ignore[assignment]
_ORGANISATION: Table = Organisation.__table__  # type: ignore[assignment]
# ``erased_at`` is the coordinator's own mark (see _KEEP_ERASED): a batch never writes it.
_SIGNAL_COLUMNS = [c.name for c in _SIGNALS.columns if c.name != "erased_at"]
_LEDGER_COLUMNS = [c.name for c in _LEDGER.columns]
_UPDATABLE = [c for c in _SIGNAL_COLUMNS if c not in ("id", "first_imported_at")]
# A raw row (a tuple in column order) rearranged as the UPDATE's parameters: values, then id.
_UPDATE_PARAMS = itemgetter(*[_SIGNAL_COLUMNS.index(c) for c in [*_UPDATABLE, "id"]])


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
_SQL_SEQUENCE_TAKEN = "SELECT 1 FROM import_ledger WHERE key_id = ? AND sequence = ?"
# Every signal is inserted as new; the ones stored before are left out and sorted out after.
_SQL_INSERT_NEW_SIGNALS = (
    _insert_sql("imported_signals", _SIGNAL_COLUMNS) + " ON CONFLICT (id) DO NOTHING"
)
_COUNT_COLUMNS = ["key_id", "neighbourhood", "metric", "value", "batch_id"]  # _count_rows
_SQL_DELETE_COUNTS_IN = "DELETE FROM neighbourhood_counts WHERE key_id IN "
_SQL_INSERT_COUNTS = _insert_sql("neighbourhood_counts", _COUNT_COLUMNS)
_SQL_UPDATE_LEDGER_COUNTS = (
    "UPDATE import_ledger SET new_count = ?, updated_count = ?, unchanged_count = ? "
    "WHERE batch_id = ?"
)
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
_SEQUENCE_TAKEN = select(_LEDGER.c.batch_id).where(
    _LEDGER.c.key_id == bindparam("key_id"), _LEDGER.c.sequence == bindparam("sequence")
)
_FIND_SIGNALS = select(_SIGNALS.c.id, _SIGNALS.c.revision, _SIGNALS.c.source_key_id).where(
    _SIGNALS.c.id.in_(bindparam("ids", expanding=True))
)
_FIND_SIGNALS_ANY = select(_SIGNALS.c.id, _SIGNALS.c.revision, _SIGNALS.c.source_key_id).where(
    _SIGNALS.c.id == any_(bindparam("ids", type_=ARRAY(String)))
)
_UPDATE_LEDGER_COUNTS = (
    _LEDGER.update()
    .where(_LEDGER.c.batch_id == bindparam("b"))
    .values(new_count=bindparam("n"), updated_count=bindparam("u"), unchanged_count=bindparam("c"))
)
_UPDATE_SIGNAL = (
    _SIGNALS.update()
    .where(_SIGNALS.c.id == bindparam("w_id"))
    .values({name: bindparam(f"v_{name}") for name in _UPDATABLE})
)
# A withdrawn signal becomes a tombstone (ERASED_SIGNAL_VALUES, and no consent) at the
# withdrawal's revision.
_ERASE_SIGNAL = (
    _SIGNALS.update()
    .where(_SIGNALS.c.id == bindparam("w_id"))
    .values(
        revision=bindparam("v_revision"),
        batch_id=bindparam("v_batch"),
        updated_at=bindparam("v_stamp"),
        consent_scopes="",
        **ERASED_SIGNAL_VALUES,
    )
)
# A signal the coordinator erased (a resident's request, or retention) stays erased: a newer
# revision from the volunteer moves the revision and batch on, and this blanks it again in the
# same transaction, so no name, address or words come back.
_KEEP_ERASED = (
    _SIGNALS.update()
    .where(_SIGNALS.c.batch_id == bindparam("batch"), _SIGNALS.c.erased_at.is_not(None))
    .values(**ERASED_SIGNAL_VALUES)
)
_VOLUNTEERS: Table = Volunteer.__table__  # type: ignore[assignment]
_SIGNERS = select(
    _VOLUNTEERS.c.key_id,
    _VOLUNTEERS.c.name,
    _VOLUNTEERS.c.public_key,
    _VOLUNTEERS.c.approved_at,
    _VOLUNTEERS.c.revoked_at,
)
_HIGHEST = select(_LEDGER.c.key_id, func.max(_LEDGER.c.sequence)).group_by(_LEDGER.c.key_id)
_DELETE_COUNTS = _COUNTS.delete().where(_COUNTS.c.key_id.in_(bindparam("keys", expanding=True)))


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
    # The newest neighbourhood snapshot per volunteer seen in this run (batch id, counts),
    # written by ``finish``: each batch's snapshot replaces the previous one, so only the last
    # one is turned into rows and written.
    pending_counts: dict[str, tuple[str, Sequence[NeighbourhoodCounts]]] = field(
        default_factory=dict
    )

    @classmethod
    def load(
        cls, session: Session, org_id: uuid.UUID, identities: list[OrgIdentity]
    ) -> ImportContext:
        conn = session.connection()  # Core statements: a fresh store compiles them quickly
        signers = {
            key_id: Signer(
                name,
                minisign.decode_public_key(public_key),
                approved is not None,
                revoked is not None,
            )
            for key_id, name, public_key, approved, revoked in conn.execute(_SIGNERS)
        }
        highest = {key_id: sequence for key_id, sequence in conn.execute(_HIGHEST)}
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
    withdrawn: tuple[str, ...] = ()  # ids of stored signals erased because sharing ended
    kept_erased: int = 0  # newer revisions of signals erased here, which stay erased
    erased_addresses: tuple[str, ...] = ()  # address-list numbers the volunteer erased


@dataclass(frozen=True, slots=True)
class VerifiedBatch:
    """A batch for our organisation whose signature verified with the key of an approved,
    non-revoked volunteer. Only :func:`check_signed` makes one and :func:`apply_verified` takes
    nothing else, so nothing is decrypted before that check."""

    sealed: batch.SealedBatch
    signer: Signer


def check_and_apply(
    session: Session, context: ImportContext, data: bytes, *, defer_counts: bool = False
) -> AppliedBatch:
    """Import one batch file's bytes in the session's current transaction, or raise.

    Nothing is written unless every check passed; the writes of one batch are all-or-nothing.
    With ``defer_counts`` the neighbourhood snapshot is kept in ``context`` and written by
    :func:`finish`, which the caller then calls once before committing (only the newest
    snapshot per volunteer is written; faster for runs of many batches).
    """
    verified = check_signed(context, data)
    return apply_verified(session, context, verified, defer_counts=defer_counts)


def check_signed(context: ImportContext, data: bytes) -> VerifiedBatch:
    """The checks that need no store, or raise: size, container and manifest, our
    organisation, an approved and non-revoked signer, and the signature.

    Reads only ``context.org_id`` and ``context.signers``, which an import run does not change,
    so a run may check files ahead of applying the ones before them.
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
    return VerifiedBatch(sealed, signer)


def apply_verified(
    session: Session, context: ImportContext, verified: VerifiedBatch, *, defer_counts: bool = False
) -> AppliedBatch:
    """The rest of :func:`check_and_apply` for a batch :func:`check_signed` passed: the ledger
    (duplicate, conflict, replay), then decryption, validation and the writes."""
    sealed, signer = verified.sealed, verified.signer
    manifest = sealed.manifest
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
        # A number at or below the highest is a late batch filling a gap (batches can arrive
        # out of order: two coordinators, a drop, a file found later) unless another batch
        # holds that number already. A late batch goes in by the usual revision rule, so it
        # can never roll anything back; the newer neighbourhood snapshot stays.
        late = highest is not None and manifest.sequence <= highest
        if late:
            key = (manifest.key_id, manifest.sequence)
            taken = (
                cursor.execute(_SQL_SEQUENCE_TAKEN, key).fetchone()
                if raw
                else conn.execute(_SEQUENCE_TAKEN, {"key_id": key[0], "sequence": key[1]}).first()
            )
            if taken is not None:
                raise ReplayedBatchError(
                    f"sequence {manifest.sequence} already taken for {manifest.key_id}"
                )
        expected = (highest or 0) + 1
        missing = (expected, manifest.sequence - 1) if manifest.sequence > expected else None

        payload = batch.open_payload(sealed, context.identities)
        result = AppliedBatch(manifest, signer.name, missing=missing)
        ids = _signal_ids(payload)
        gone = _withdrawals(conn, payload, manifest.key_id)  # checked before any write
        if raw:
            _apply_raw(cursor, conn.dialect, sealed, payload, ids, result)
        else:
            _apply_core(session, conn, sealed, payload, ids, result)
        if result.updated:
            _keep_erased(conn, str(manifest.batch_id), result)
        result.erased_addresses = tuple(payload.erased_addresses)
        if gone:
            stamp = datetime.now(UTC)
            batch_id = str(manifest.batch_id)
            conn.execute(
                _ERASE_SIGNAL,
                [
                    {"w_id": sid, "v_revision": rev, "v_batch": batch_id, "v_stamp": stamp}
                    for sid, rev in gone
                ],
            )
            result.withdrawn = tuple(sid for sid, _ in gone)
    finally:
        if cursor is not None:
            cursor.close()
    if not late:
        context.highest[manifest.key_id] = manifest.sequence
        context.pending_counts[manifest.key_id] = (str(manifest.batch_id), payload.neighbourhoods)
    if not defer_counts:
        finish(session, context)
    return result


def _keep_erased(conn: Connection, batch_id: str, result: AppliedBatch) -> None:
    """Blank again the erased signals this batch updated; they count as unchanged."""
    kept = conn.execute(_KEEP_ERASED, {"batch": batch_id}).rowcount
    if kept:
        result.updated -= kept
        result.unchanged += kept
        result.kept_erased = kept
        conn.execute(
            _LEDGER.update()
            .where(_LEDGER.c.batch_id == batch_id)
            .values(updated_count=result.updated, unchanged_count=result.unchanged)
        )


def _signal_ids(payload: BatchPayload) -> list[str]:
    """The signals' ids in canonical text form (as ``str(uuid)``), made in pydantic-core:
    ``UUID.__str__`` is Python code and was a few percent of the import time."""
    texts: list[str] = _ID_TEXTS.dump_python([s.id for s in payload.signals], mode="json")
    return texts


def _withdrawals(conn: Connection, payload: BatchPayload, key_id: str) -> list[tuple[str, int]]:
    """The stored signals this batch withdraws (id, revision): this volunteer's, at an older
    revision. Another volunteer's id refuses the batch; an unknown id is nothing to erase."""
    if not payload.withdrawn:
        return []
    ids = [str(item.id) for item in payload.withdrawn]
    stored = _stored_core(conn, ids)
    gone: list[tuple[str, int]] = []
    for item, sid in zip(payload.withdrawn, ids, strict=True):
        known = stored.get(sid)
        if known is None:
            continue
        if known[1] != key_id:
            raise ForeignSignalError("withdrawn signal id belongs to another volunteer")
        if item.revision > known[0]:
            gone.append((sid, item.revision))
    return gone


def _use_raw(conn: Connection) -> bool:
    """The fast path on SQLite/SQLCipher; typed Core statements elsewhere (PostgreSQL)."""
    return conn.dialect.name == "sqlite"


def finish(session: Session, context: ImportContext) -> None:
    """Write the neighbourhood snapshots of the accepted batches; call before committing."""
    if not context.pending_counts:
        return
    keys = list(context.pending_counts)
    rows = [
        row
        for key_id, (batch_id, neighbourhoods) in context.pending_counts.items()
        for row in _count_rows(neighbourhoods, key_id, batch_id)
    ]
    conn = session.connection()
    touched = {row[1] for row in rows}  # the neighbourhoods whose totals change
    for start in range(0, len(keys), _CHUNK):
        touched.update(
            conn.scalars(
                select(_COUNTS.c.neighbourhood)
                .where(_COUNTS.c.key_id.in_(keys[start : start + _CHUNK]))
                .distinct()
            )
        )
    if _use_raw(conn):
        cursor = cast(Any, conn.connection).dbapi_connection.cursor()
        try:
            for start in range(0, len(keys), _CHUNK):
                chunk = keys[start : start + _CHUNK]
                cursor.execute(_SQL_DELETE_COUNTS_IN + f"({', '.join('?' * len(chunk))})", chunk)
            cursor.executemany(_SQL_INSERT_COUNTS, rows)
        finally:
            cursor.close()
    else:
        for start in range(0, len(keys), _CHUNK):
            conn.execute(_DELETE_COUNTS, {"keys": keys[start : start + _CHUNK]})
        if rows:
            conn.execute(
                _COUNTS.insert(), [dict(zip(_COUNT_COLUMNS, r, strict=True)) for r in rows]
            )
    refresh_totals(conn, touched)
    context.pending_counts.clear()


_NEW, _CHANGED, _UNCHANGED = "new", "changed", "unchanged"


def _decide(stored: dict[str, tuple[int, str]], key_id: str, sid: str, revision: int) -> str:
    """A signal is new, replaces the stored one (a higher revision) or changes nothing; a
    signal id stored for another volunteer's key refuses the whole batch."""
    known = stored.get(sid)
    if known is None:
        return _NEW
    if known[1] != key_id:
        raise ForeignSignalError("signal id belongs to another volunteer")
    return _CHANGED if revision > known[0] else _UNCHANGED


def _ledger_row(sealed: batch.SealedBatch, result: AppliedBatch, **stamps: Any) -> dict[str, Any]:
    """The batch's ledger row; ``stamps`` gives ``created_at`` and ``imported_at``."""
    manifest = sealed.manifest
    return {
        "batch_id": str(manifest.batch_id),
        "key_id": manifest.key_id,
        "sequence": manifest.sequence,
        "file_sha256": sealed.file_hash,
        "payload_sha256": sealed.payload_hash,
        "new_count": result.new,
        "updated_count": result.updated,
        "unchanged_count": result.unchanged,
        "missing_before": f"{result.missing[0]}-{result.missing[1]}" if result.missing else "",
        **stamps,
    }


def _apply_raw(  # noqa: PLR0917
    cursor: Any,
    dialect: Dialect,
    sealed: batch.SealedBatch,
    payload: BatchPayload,
    ids: list[str],
    result: AppliedBatch,
) -> None:
    """SQLite: write the batch inside a savepoint, every signal inserted as if new.

    ``ON CONFLICT (id) DO NOTHING`` leaves out the ids stored before, so the usual batch (only
    new signals) costs one primary-key probe per signal instead of a look-up and an insert.
    Only when some were left out are those looked up and sorted out as :func:`_decide` says,
    and the ledger row's counts corrected; a signal id of another volunteer undoes the
    batch's writes (the savepoint) and refuses it.
    """
    manifest = sealed.manifest
    key_id, batch_id = manifest.key_id, str(manifest.batch_id)
    # Timestamps as stored text, made by the columns' own type (once per batch).
    stamp = _SIGNALS.c.updated_at.type.process_bind_param(datetime.now(UTC), dialect)  # type: ignore[attr-defined]
    created = _LEDGER.c.created_at.type.process_bind_param(manifest.created, dialect)  # type: ignore[attr-defined]
    rows = _signal_rows(key_id, batch_id, stamp, payload.signals, ids)
    result.new = len(rows)
    ledger = _ledger_row(sealed, result, created_at=created, imported_at=stamp)
    cursor.execute("SAVEPOINT huisbezoek_batch")
    try:
        # The ledger row first: signals refer to the batch they came from.
        cursor.execute(_SQL_INSERT_LEDGER, [ledger[c] for c in _LEDGER_COLUMNS])
        if rows:
            cursor.executemany(_SQL_INSERT_NEW_SIGNALS, rows)
            if cursor.rowcount != len(rows):
                _sort_out_stored(cursor, rows, ids, key_id, batch_id, result)
    except BaseException:
        cursor.execute("ROLLBACK TO huisbezoek_batch")
        cursor.execute("RELEASE huisbezoek_batch")
        raise
    cursor.execute("RELEASE huisbezoek_batch")


def _sort_out_stored(  # noqa: PLR0917
    cursor: Any, rows: list[Any], ids: list[str], key_id: str, batch_id: str, result: AppliedBatch
) -> None:
    """The signals the insert left out (stored before): update the newer ones, count the rest."""
    left_out = len(rows) - cursor.rowcount
    stored = _stored_raw(cursor, ids, before=batch_id)
    if len(stored) != left_out:  # cannot happen inside our transaction; never guess counts
        raise RuntimeError("signals left out by the insert do not match the stored ones")
    changed = []
    for row in rows:
        verdict = _decide(stored, key_id, row[0], row[1])  # the id and revision columns
        if verdict == _CHANGED:
            changed.append(_UPDATE_PARAMS(row))
        elif verdict == _UNCHANGED:
            result.unchanged += 1
    if changed:
        cursor.executemany(_SQL_UPDATE_SIGNAL, changed)
    result.new, result.updated = len(rows) - left_out, len(changed)
    cursor.execute(
        _SQL_UPDATE_LEDGER_COUNTS, (result.new, result.updated, result.unchanged, batch_id)
    )


def _apply_core(  # noqa: PLR0917
    session: Session,
    conn: Connection,
    sealed: batch.SealedBatch,
    payload: BatchPayload,
    ids: list[str],
    result: AppliedBatch,
) -> None:
    """Other databases (PostgreSQL): the raw path's rule through SQLAlchemy Core, inside a
    savepoint.

    Every signal goes in as new and ``ON CONFLICT (id) DO NOTHING`` leaves out the ones stored
    before; the usual batch needs nothing more. On PostgreSQL the rows travel by ``COPY`` into
    a temporary staging table and move over in one statement (:func:`_insert_new_pg`); a
    multi-row ``INSERT`` of 1,000 rows of 18 values was slower than the row-by-row one, since
    the driver and the server parse 18,000 parameters. Elsewhere one ``INSERT ... RETURNING``.
    Only the ids left out are looked up, decided by :func:`_decide` and the newer ones
    updated; the ledger row's counts are then corrected. A signal id of another volunteer
    undoes the batch's writes and refuses it.
    """
    manifest = sealed.manifest
    key_id, batch_id = manifest.key_id, str(manifest.batch_id)
    now = datetime.now(UTC)
    by_id = dict(zip(ids, payload.signals, strict=True))
    result.new = len(ids)
    ledger = _ledger_row(sealed, result, created_at=manifest.created, imported_at=now)
    # The connection's own savepoint: Session.begin_nested() would start it only when the
    # session next hands out a connection, and this one is already in hand, so a refused
    # batch's rows stayed.
    with conn.begin_nested():
        conn.execute(_LEDGER.insert(), [ledger])
        if not ids:
            return
        if conn.dialect.name == "postgresql":
            stamp = _SIGNALS.c.updated_at.type.process_bind_param(now, conn.dialect)  # type: ignore[attr-defined]
            rows = _signal_rows(key_id, batch_id, stamp, payload.signals, ids)
            inserted = _insert_new_pg(conn, rows)
        else:
            typed = [_signal_row(key_id, batch_id, now, by_id[sid], sid) for sid in ids]
            inserted = set(conn.execute(_insert_new_signals(conn.dialect), typed).scalars())
        if len(inserted) == len(ids):
            return
        left_out = [sid for sid in ids if sid not in inserted]
        stored = _stored_core(conn, left_out)
        changed: list[dict[str, Any]] = []
        for sid in left_out:
            signal = by_id[sid]
            verdict = _decide(stored, key_id, sid, signal.revision)
            if verdict == _CHANGED:
                changed.append(_signal_row(key_id, batch_id, now, signal, sid))
            elif verdict == _UNCHANGED:
                result.unchanged += 1
        if changed:
            params = [{"w_id": r["id"], **{f"v_{c}": r[c] for c in _UPDATABLE}} for r in changed]
            conn.execute(_UPDATE_SIGNAL, params)
        result.new, result.updated = len(inserted), len(changed)
        conn.execute(
            _UPDATE_LEDGER_COUNTS,
            {"n": result.new, "u": result.updated, "c": result.unchanged, "b": batch_id},
        )


# PostgreSQL: COPY into a temporary table of the session (emptied at every commit), then one
# statement moves the rows over, leaving out the stored ids, and empties it again. Identifiers
# come from our own table definitions, never from input.
_PG_STAGING = "huisbezoek_signal_staging"
_PG_COLUMNS = ", ".join(_SIGNAL_COLUMNS)
_PG_CREATE_STAGING = (
    f"CREATE TEMPORARY TABLE IF NOT EXISTS {_PG_STAGING} "
    "(LIKE imported_signals INCLUDING DEFAULTS) ON COMMIT DELETE ROWS"
)
_PG_COPY_STAGING = f"COPY {_PG_STAGING} ({_PG_COLUMNS}) FROM STDIN"
_PG_MOVE_STAGED = (
    f"WITH staged AS (DELETE FROM {_PG_STAGING} RETURNING {_PG_COLUMNS}) "  # noqa: S608
    f"INSERT INTO imported_signals ({_PG_COLUMNS}) SELECT {_PG_COLUMNS} FROM staged "
    "ON CONFLICT (id) DO NOTHING RETURNING id"
)


def _insert_new_pg(conn: Connection, rows: list[tuple[Any, ...]]) -> set[str]:
    """Insert the rows (stored form, column order) that are not stored yet; their ids."""
    dbapi = cast(Any, conn.connection).dbapi_connection
    with dbapi.cursor() as cursor:
        # IF NOT EXISTS: made once per connection; a rolled-back transaction may take it away.
        if not _pg_has_staging(cursor):
            cursor.execute(_PG_CREATE_STAGING)
        with cursor.copy(_PG_COPY_STAGING) as copy:
            for row in rows:
                copy.write_row(row)
        cursor.execute(_PG_MOVE_STAGED)
        return {row[0] for row in cursor.fetchall()}


def _pg_has_staging(cursor: Any) -> bool:
    cursor.execute(f"SELECT to_regclass('pg_temp.{_PG_STAGING}') IS NOT NULL")
    return bool(cursor.fetchone()[0])


_INSERT_NEW_SIGNALS: dict[str, Any] = {}


def _insert_new_signals(dialect: Dialect) -> Any:
    """``INSERT ... ON CONFLICT (id) DO NOTHING RETURNING id`` in the dialect's own words
    (PostgreSQL and SQLite both have it), made once per dialect so its compiled form is
    cached. RETURNING makes SQLAlchemy send pages of rows as one multi-row statement."""
    statement = _INSERT_NEW_SIGNALS.get(dialect.name)
    if statement is None:
        from sqlalchemy.dialects import postgresql, sqlite

        module: Any = postgresql if dialect.name == "postgresql" else sqlite
        statement = _INSERT_NEW_SIGNALS[dialect.name] = (
            module.insert(_SIGNALS)
            .on_conflict_do_nothing(index_elements=[_SIGNALS.c.id])
            .returning(_SIGNALS.c.id)
        )
    return statement


def _stored_raw(cursor: Any, ids: list[str], *, before: str) -> dict[str, tuple[int, str]]:
    """Revision and owner of the signals among ``ids`` stored by other batches than ``before``."""
    found: dict[str, tuple[int, str]] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        sql = (
            "SELECT id, revision, source_key_id FROM imported_signals "  # noqa: S608
            f"WHERE batch_id != ? AND id IN ({', '.join('?' * len(chunk))})"
        )
        for sid, revision, owner in cursor.execute(sql, [before, *chunk]):
            found[sid] = (revision, owner)
    return found


def _stored_core(conn: Connection, ids: list[str]) -> dict[str, tuple[int, str]]:
    """Revision and owner of the stored signals among ``ids``: on PostgreSQL one statement
    with the ids as one array parameter (``id = ANY(:ids)``, one plan whatever the count),
    elsewhere ``IN`` lists in chunks below SQLite's parameter limit."""
    found: dict[str, tuple[int, str]] = {}
    if conn.dialect.name == "postgresql":
        for sid, revision, owner in conn.execute(_FIND_SIGNALS_ANY, {"ids": ids}):
            found[sid] = (revision, owner)
        return found
    for start in range(0, len(ids), _CHUNK):
        for sid, revision, owner in conn.execute(
            _FIND_SIGNALS, {"ids": ids[start : start + _CHUNK]}
        ):
            found[sid] = (revision, owner)
    return found


def _signal_rows(
    key_id: str, batch_id: str, stamp: str, signals: Sequence[SharedSignal], ids: Sequence[str]
) -> list[tuple[Any, ...]]:
    """Rows for imported_signals in stored form and column order (the raw SQLite path).

    Stored forms as the column types make them (enum values, ISO dates); the test
    ``test_raw_signal_rows_match_the_typed_row`` holds this to :func:`_signal_row`. One loop
    with its names bound locally (no call per signal); texts that repeat across the batch
    (scopes, dates) are made once. Enum members are read through ``_value_`` (the ``value``
    property costs a Python call each); the scopes are ``StrEnum`` members, so ``str.join``
    reads them without a Python call, where hashing a member would call ``Enum.__hash__``.
    """
    share_identity = ConsentScope.SHARE_IDENTITY
    scope_texts: dict[str, str] = {}  # the scopes as sent -> sorted and joined
    date_texts: dict[date, str] = {}
    rows: list[tuple[Any, ...]] = []
    append = rows.append
    for signal, sid in zip(signals, ids, strict=True):
        consent = signal.consent
        scopes = consent.scopes
        key = ",".join(scopes)
        scope_text = scope_texts.get(key)
        if scope_text is None:
            scope_text = scope_texts[key] = ",".join(sorted(scopes))
        given_on = date_texts.get(consent.given_on)
        if given_on is None:
            given_on = date_texts[consent.given_on] = consent.given_on.isoformat()
        person = signal.identity if share_identity in scopes else None
        if person is None:
            name = address = postcode = place = phone = None
        else:
            name, address, postcode = person.name, person.address, person.postcode
            place, phone = person.place, person.phone
        append((
            sid,
            signal.revision,
            key_id,
            batch_id,
            str(signal.theme),
            signal.severity._value_,
            signal.text,
            signal.agreed,
            scope_text,
            given_on,
            consent.method._value_,
            name,
            address,
            postcode,
            place,
            phone,
            stamp,
            stamp,
            signal.referral_service_id,
            signal.neighbourhood,
        ))  # fmt: skip
    return rows


def _signal_row(
    key_id: str, batch_id: str, stamp: datetime, signal: SharedSignal, sid: str
) -> dict[str, Any]:
    """A row for imported_signals with typed values, for SQLAlchemy Core (other databases)."""
    consent = signal.consent
    person = signal.identity if ConsentScope.SHARE_IDENTITY in consent.scopes else None
    return {
        "id": sid,
        "revision": signal.revision,
        "source_key_id": key_id,
        "batch_id": batch_id,
        "theme": signal.theme,
        "severity": signal.severity,
        "text": signal.text,
        "agreed": signal.agreed,
        "consent_scopes": ",".join(sorted(s.value for s in consent.scopes)),
        "consent_given_on": consent.given_on,
        "consent_method": consent.method,
        "resident_name": person.name if person else None,
        "resident_address": person.address if person else None,
        "resident_postcode": person.postcode if person else None,
        "resident_place": person.place if person else None,
        "resident_phone": person.phone if person else None,
        "first_imported_at": stamp,
        "updated_at": stamp,
        "referral_service_id": signal.referral_service_id,
        "neighbourhood": signal.neighbourhood,
    }


def _count_rows(
    neighbourhoods: Iterable[NeighbourhoodCounts], key_id: str, batch_id: str
) -> Iterable[tuple[str, str, str, int, str]]:
    """Rows for neighbourhood_counts, in the order of ``_COUNT_COLUMNS``.

    Schema 2 (residents per quarter) becomes ``p:<quarter>:<stage>`` rows (see
    ``coordinator.figures``); a schema 1 snapshot keeps its old metrics, which the figures
    leave out (they count attempts, not residents).
    """
    for hood in neighbourhoods:
        metrics: dict[str, int] = {}
        if hood.periods:
            for quarter, counts in hood.periods.items():
                metrics.update(period_metrics(quarter, counts))
        else:
            metrics["visits"] = hood.visits
            metrics.update({f"outcome:{k.value}": v for k, v in hood.outcomes.items()})
            metrics.update({f"unshared:{k}": v for k, v in hood.unshared_signals.items()})
        for metric, value in metrics.items():
            yield (key_id, hood.neighbourhood, metric, value, batch_id)


# -- importing files: one run, one report ----------------------------------------------------


class ImportStatus(StrEnum):
    IMPORTED = "ingelezen"
    UNCHANGED = "al_ingelezen"
    REJECTED = "geweigerd"


@dataclass(frozen=True, slots=True)
class BatchImportResult:
    """One file's outcome. ``reason_nl`` says why it was refused; ``warnings_nl`` are notes."""

    file_name: str
    status: ImportStatus
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    withdrawn: int = 0  # signals erased because the resident no longer shares them
    kept_erased: int = 0  # signals erased here that this batch updated: they stay erased
    addresses_erased: int = 0  # address-list entries dropped at the resident's request
    batch_id: str | None = None
    key_id: str | None = None
    volunteer: str | None = None
    sequence: int | None = None
    reason_nl: str = ""
    error: str = ""  # the error class, for logs and tests
    warnings_nl: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ImportReport:
    results: tuple[BatchImportResult, ...]
    cancelled: bool = False

    def _sum(self, attr: str) -> int:
        return sum(int(getattr(r, attr)) for r in self.results)

    @property
    def new(self) -> int:
        return self._sum("new")

    @property
    def updated(self) -> int:
        return self._sum("updated")

    @property
    def unchanged(self) -> int:
        return self._sum("unchanged")

    @property
    def withdrawn(self) -> int:
        return self._sum("withdrawn")

    @property
    def rejected(self) -> int:
        return sum(1 for r in self.results if r.status is ImportStatus.REJECTED)

    def lines_nl(self) -> list[str]:
        """The report as short Dutch lines, one per file, then the totals."""
        lines = []
        for r in self.results:
            if r.status is ImportStatus.REJECTED:
                lines.append(f"{r.file_name}: geweigerd. {r.reason_nl}")
                continue
            who = f" van {r.volunteer} (zending {r.sequence})" if r.volunteer else ""
            if r.status is ImportStatus.UNCHANGED:
                lines.append(f"{r.file_name}{who}: was al ingelezen, niets veranderd.")
            else:
                gone = f", {r.withdrawn} ingetrokken en gewist" if r.withdrawn else ""
                if r.kept_erased:
                    gone += f", {r.kept_erased} eerder gewist en gewist gebleven"
                if r.addresses_erased:
                    gone += f", {r.addresses_erased} op verzoek van de adreslijst gehaald"
                lines.append(
                    f"{r.file_name}{who}: {r.new} nieuw, {r.updated} bijgewerkt, "
                    f"{r.unchanged} ongewijzigd{gone}."
                )
            lines.extend(f"  Let op: {w}" for w in r.warnings_nl)
        withdrawn = f"{self.withdrawn} ingetrokken en gewist, " if self.withdrawn else ""
        lines.append(
            f"Totaal: {self.new} nieuw, {self.updated} bijgewerkt, {self.unchanged} ongewijzigd, "
            f"{withdrawn}"
            f"{self.rejected} {'bestand' if self.rejected == 1 else 'bestanden'} geweigerd."
        )
        if self.cancelled:
            lines.append("Het inlezen is afgebroken; de rest is niet ingelezen.")
        return lines


def import_batches(
    store: StoreLike,
    files: Iterable[Path],
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFlag | None = None,
) -> ImportReport:
    """Import batch files. One transaction, one savepoint per file: every batch goes in whole
    or not at all, a refused file changes nothing, and the good ones are kept."""
    sources = [(path.name, _file_loader(path)) for path in files]
    return import_sources(store, sources, progress=progress, cancel=cancel)


# A batch to import: its name for the report and how to get its bytes (read from a file, or
# fetched from the drop); a loader raises a UserError to refuse it.
Source = tuple[str, Callable[[], bytes]]


def import_sources(
    store: StoreLike,
    sources: Sequence[Source],
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFlag | None = None,
) -> ImportReport:
    """:func:`import_batches` for batches from anywhere (files, the drop)."""
    report = progress or noop_progress
    results: list[BatchImportResult] = []
    cancelled = False
    with bulk_work(), store.session() as s:
        serialise_imports(s)
        context = _import_context(s)
        for index, (name, checked) in enumerate(_checked_ahead(context, sources)):
            if cancel is not None and cancel.is_set():
                cancelled = True
                break
            report(index / max(len(sources), 1), f"{name} inlezen")
            if isinstance(checked, VerifiedBatch):
                results.append(_apply_one(s, context, checked, name))
            else:  # refused by the checks
                results.append(checked)
        finish(s, context)
        _audit_import(s, store, results)
        report(1.0, "Klaar")
    return ImportReport(tuple(results), cancelled)


# Files are read and their signatures checked (no store needed) a run of files ahead of
# decrypting and writing them: the same work for many files in a row ran measurably faster than
# interleaved, one file at a time (benchmarks/bench_exchange.py; the CPU's caches stay warm).
# A run holds at most this many files and bytes, so memory and a cancel stay in bounds.
CHECK_AHEAD_FILES = 128
CHECK_AHEAD_BYTES = 16 * 1024 * 1024


def _checked_ahead(
    context: ImportContext, sources: Sequence[Source]
) -> Iterator[tuple[str, VerifiedBatch | BatchImportResult]]:
    """Each source with the outcome of :func:`check_signed`: verified, or refused."""
    run: list[tuple[str, VerifiedBatch | BatchImportResult]] = []
    held = 0
    for name, load in sources:
        checked = _check_source(context, name, load)
        run.append((name, checked))
        if isinstance(checked, VerifiedBatch):
            held += len(checked.sealed.encrypted)
        if len(run) >= CHECK_AHEAD_FILES or held >= CHECK_AHEAD_BYTES:
            yield from run
            run, held = [], 0
    yield from run


def _import_context(session: Session) -> ImportContext:
    # Core statements on the table (no ORM objects): quicker to compile on a freshly opened store.
    org_id = session.connection().scalar(
        select(_ORGANISATION.c.org_id).where(_ORGANISATION.c.id == 1)
    )
    if org_id is None:
        raise NoOrganisationConfigError("coordinator store has no organisation")
    return ImportContext.load(session, uuid.UUID(org_id), identities(session))


def _audit_import(session: Session, store: StoreLike, results: Sequence[BatchImportResult]) -> None:
    """One audit event per import run (ids and counts only), in the same transaction."""
    if not results:
        return
    imported_ = [r for r in results if r.status is ImportStatus.IMPORTED]
    detail = {
        "batches": [[r.key_id, r.sequence, r.batch_id] for r in imported_],
        "unchanged_batches": sum(1 for r in results if r.status is ImportStatus.UNCHANGED),
        "rejected": [r.error for r in results if r.status is ImportStatus.REJECTED],
        "new": sum(r.new for r in imported_),
        "updated": sum(r.updated for r in imported_),
        "withdrawn": sum(r.withdrawn for r in imported_),
        "addresses_erased": sum(r.addresses_erased for r in imported_),
    }
    append_event(session.connection(), COORDINATOR_SCHEMA.audit_table, AuditEvent.IMPORT, detail)


def import_batch_bytes(store: StoreLike, data: bytes, name: str = "zending") -> BatchImportResult:
    """One batch from memory (drag and drop, tests); same rules as :func:`import_batches`."""
    with store.session() as s:
        serialise_imports(s)
        context = _import_context(s)
        try:
            verified = check_signed(context, data)
        except UserError as exc:
            result = _rejected(name, exc)
        else:
            result = _apply_one(s, context, verified, name)
        finish(s, context)
        _audit_import(s, store, [result])
        return result


def _file_loader(path: Path) -> Callable[[], bytes]:
    def load() -> bytes:
        try:
            return read_limited(path, batch.MAX_BATCH_BYTES)
        except OSError as exc:
            raise CorruptBatchError(f"cannot read file: {exc.strerror}") from None

    return load


def _check_source(
    context: ImportContext, name: str, load: Callable[[], bytes]
) -> VerifiedBatch | BatchImportResult:
    try:
        return check_signed(context, load())
    except UserError as exc:
        return _rejected(name, exc)


# What a referral keeps of its history after the resident withdrew consent: that it was
# referred, to which service, and the letter; never notes (they may name the resident).
_REFERRAL_FIELDS = ("status", "dienst", "verwijsbrief", "uitkomst")


def _forget_follow_ups(session: Session, signal_ids: Sequence[str]) -> None:
    """The coordinator's work on signals whose sharing ended goes too: follow-up, notes and
    their history (they may name the resident). The signal stays as an empty tombstone.

    A follow-up that was already referred to a service (status "doorverwezen" or a letter
    made) is kept as a minimal record instead: theme, neighbourhood, the service and the
    referral events, no notes, open again with the question whether to tell the service that
    the referral lapses (``followup.decide_withdrawn_referral``).
    """
    ids = list(signal_ids)
    referred = set(
        session.scalars(
            select(FollowUp.signal_id).where(
                FollowUp.signal_id.in_(ids),
                or_(
                    FollowUp.status == "doorverwezen",
                    FollowUp.signal_id.in_(
                        select(FollowUpEvent.signal_id).where(
                            FollowUpEvent.signal_id.in_(ids),
                            FollowUpEvent.field == "verwijsbrief",
                        )
                    ),
                ),
            )
        )
    )
    forget = [sid for sid in ids if sid not in referred]
    if forget:
        session.execute(delete(FollowUpEvent).where(FollowUpEvent.signal_id.in_(forget)))
        session.execute(delete(FollowUp).where(FollowUp.signal_id.in_(forget)))
    if referred:
        keep = list(referred)
        session.execute(
            delete(FollowUpEvent).where(
                FollowUpEvent.signal_id.in_(keep), FollowUpEvent.field.not_in(_REFERRAL_FIELDS)
            )
        )
        now = datetime.now(UTC)
        session.execute(
            update(FollowUp)
            .where(FollowUp.signal_id.in_(keep))
            .values(
                notes="", assigned_to="", withdrawn_at=now, service_told="", is_open=1,
                has_identity=0, updated_at=now,
            ),
            execution_options={"synchronize_session": False},
        )  # fmt: skip


def _forget_addresses(session: Session, refs: Sequence[str], key_id: str) -> int:
    """Drop the address-list entries a volunteer erased at the resident's request. Only entries
    assigned to that volunteer: a batch cannot remove anyone else's residents."""
    ids = [int(ref) for ref in refs if ref.isdigit()]
    if not ids:
        return 0
    removed = 0
    for start in range(0, len(ids), 500):
        result = session.execute(
            delete(AreaResident).where(
                AreaResident.id.in_(ids[start : start + 500]),
                AreaResident.assigned_key_id == key_id,
            ),
            execution_options={"synchronize_session": False},
        )
        removed += int(getattr(result, "rowcount", 0) or 0)
    return removed


def _rejected(name: str, exc: UserError) -> BatchImportResult:
    log.info("batch %s rejected: %s", name, exc.log_message)
    return BatchImportResult(
        file_name=name,
        status=ImportStatus.REJECTED,
        reason_nl=exc.message_nl,
        error=type(exc).__name__,
    )


def _apply_one(
    s: Session, context: ImportContext, verified: VerifiedBatch, name: str
) -> BatchImportResult:
    try:
        applied = apply_verified(s, context, verified, defer_counts=True)  # all or nothing
    except UserError as exc:
        return _rejected(name, exc)
    if applied.withdrawn:
        _forget_follow_ups(s, applied.withdrawn)
    dropped = _forget_addresses(s, applied.erased_addresses, applied.manifest.key_id)
    m = applied.manifest
    warnings: list[str] = []
    if applied.missing is not None:
        first, last = applied.missing
        numbers = f"{first}" if first == last else f"{first} tot en met {last}"
        warnings.append(
            f"zending {numbers} van {applied.volunteer_name} ontbreekt. Vraag de vrijwilliger "
            "om alles opnieuw te exporteren (huisbezoek export --alles)."
        )
    return BatchImportResult(
        file_name=name,
        status=ImportStatus.UNCHANGED if applied.duplicate else ImportStatus.IMPORTED,
        new=applied.new,
        updated=applied.updated,
        unchanged=applied.unchanged,
        withdrawn=len(applied.withdrawn),
        kept_erased=applied.kept_erased,
        addresses_erased=dropped,
        batch_id=str(m.batch_id),
        key_id=m.key_id,
        volunteer=applied.volunteer_name,
        sequence=m.sequence,
        warnings_nl=tuple(warnings),
    )
