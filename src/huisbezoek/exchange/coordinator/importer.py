"""Check one batch file against the coordinator store and apply it: the import ledger rules.

The order is the security argument: container and manifest, our organisation, an approved and
non-revoked signer, the signature, the ledger (duplicate, conflict, replay), and only then
decryption, validation and the writes. Every rejection happens before the first write, and the
caller runs each batch inside a savepoint, so a batch is imported whole or not at all.

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
from typing import Any

from sqlalchemy import delete, func, insert, select, update
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


@dataclass(frozen=True, slots=True)
class ImportContext:
    """What every import in one run needs from the store, read once."""

    org_id: uuid.UUID
    identities: list[OrgIdentity]


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
    warnings: list[str] = field(default_factory=list)


def check_and_apply(session: Session, context: ImportContext, data: bytes) -> AppliedBatch:
    """Import one batch file's bytes in the session's current transaction, or raise."""
    sealed = batch.read(data)
    manifest = sealed.manifest
    if manifest.org_id != context.org_id:
        raise OtherOrganisationError("manifest names another organisation")
    volunteer = session.get(Volunteer, manifest.key_id)
    if volunteer is None or volunteer.approved_at is None:
        raise UnknownSignerError(f"signer {manifest.key_id} is not approved")
    if volunteer.revoked_at is not None:
        raise RevokedSignerError(f"signer {manifest.key_id} is revoked")
    batch.verify(sealed, minisign.decode_public_key(volunteer.public_key))

    previous = session.get(ImportLedger, str(manifest.batch_id))
    if previous is not None:
        if previous.payload_sha256 == sealed.payload_hash and previous.key_id == manifest.key_id:
            return AppliedBatch(
                manifest=manifest,
                volunteer_name=volunteer.name,
                duplicate=True,
                unchanged=previous.new_count + previous.updated_count + previous.unchanged_count,
            )
        raise ConflictingBatchError("batch id already imported with other contents")
    highest = session.scalar(
        select(func.max(ImportLedger.sequence)).where(ImportLedger.key_id == manifest.key_id)
    )
    if highest is not None and manifest.sequence <= highest:
        raise ReplayedBatchError(
            f"sequence {manifest.sequence} at or below imported {highest} for {manifest.key_id}"
        )
    expected = (highest or 0) + 1
    missing = (expected, manifest.sequence - 1) if manifest.sequence > expected else None

    payload = batch.open_payload(sealed, context.identities)
    result = AppliedBatch(manifest=manifest, volunteer_name=volunteer.name, missing=missing)
    _apply(session, sealed, payload, result)
    return result


def _apply(
    session: Session, sealed: batch.SealedBatch, payload: BatchPayload, result: AppliedBatch
) -> None:
    manifest = sealed.manifest
    key_id, batch_id = manifest.key_id, str(manifest.batch_id)
    stored = _stored_revisions(session, [str(s.id) for s in payload.signals])
    new_rows: list[dict[str, Any]] = []
    changed_rows: list[dict[str, Any]] = []
    now = datetime.now(UTC)
    for signal in payload.signals:
        sid = str(signal.id)
        row = _signal_row(signal, key_id, batch_id, now)
        if sid not in stored:
            row["first_imported_at"] = now
            new_rows.append(row)
            continue
        revision, owner = stored[sid]
        if owner != key_id:
            raise ConflictingBatchError("signal id belongs to another volunteer")
        if signal.revision > revision:
            changed_rows.append(row)
        else:
            result.unchanged += 1
    result.new, result.updated = len(new_rows), len(changed_rows)

    # The ledger row first: signals refer to the batch they came from.
    session.execute(
        insert(ImportLedger).values(
            batch_id=batch_id,
            key_id=key_id,
            sequence=manifest.sequence,
            created_at=manifest.created,
            file_sha256=sealed.file_hash,
            payload_sha256=sealed.payload_hash,
            imported_at=now,
            new_count=result.new,
            updated_count=result.updated,
            unchanged_count=result.unchanged,
            missing_before=f"{result.missing[0]}-{result.missing[1]}" if result.missing else "",
        )
    )
    if new_rows:
        session.execute(insert(ImportedSignal), new_rows)
    if changed_rows:
        # ORM bulk UPDATE by primary key: one executemany, column types applied.
        session.execute(update(ImportedSignal), changed_rows)
    # Counts are a snapshot: this (newer) batch's totals replace the volunteer's previous ones.
    session.execute(delete(NeighbourhoodCount).where(NeighbourhoodCount.key_id == key_id))
    count_rows = list(_count_rows(payload, key_id, batch_id))
    if count_rows:
        session.execute(insert(NeighbourhoodCount), count_rows)


def _stored_revisions(session: Session, ids: list[str]) -> dict[str, tuple[int, str]]:
    found: dict[str, tuple[int, str]] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        rows = session.execute(
            select(ImportedSignal.id, ImportedSignal.revision, ImportedSignal.source_key_id).where(
                ImportedSignal.id.in_(chunk)
            )
        )
        for sid, revision, owner in rows:
            found[sid] = (revision, owner)
    return found


def _signal_row(signal: SharedSignal, key_id: str, batch_id: str, now: datetime) -> dict[str, Any]:
    person = signal.identity if ConsentScope.SHARE_IDENTITY in signal.consent.scopes else None
    return {
        "id": str(signal.id),
        "revision": signal.revision,
        "source_key_id": key_id,
        "batch_id": batch_id,
        "theme": signal.theme,
        "severity": signal.severity,
        "text": signal.text,
        "agreed": signal.agreed,
        "consent_scopes": ",".join(sorted(s.value for s in signal.consent.scopes)),
        "consent_given_on": signal.consent.given_on,
        "consent_method": signal.consent.method,
        "resident_name": person.name if person else None,
        "resident_address": person.address if person else None,
        "resident_postcode": person.postcode if person else None,
        "resident_place": person.place if person else None,
        "resident_phone": person.phone if person else None,
        "updated_at": now,
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
