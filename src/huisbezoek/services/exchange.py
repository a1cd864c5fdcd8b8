"""Signal export, the volunteer's side of the exchange, and the keys it needs.

Keys are made on first need and kept in the vault's settings table (encrypted at rest); the
organisation's configuration file is read once; ``export_signals`` writes one batch file. The
coordinator's side (organisation, volunteer registry, import) is ``huisbezoek.coordinator``.
Long work takes ``progress(fraction, message)`` and a cancel flag (``threading.Event``), no Qt.
"""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from huisbezoek.domain import ConsentScope, VisitStatus, theme_label_nl
from huisbezoek.exchange import batch
from huisbezoek.exchange.errors import (
    ExportCancelledError,
    NoOrganisationConfigError,
)
from huisbezoek.exchange.files import read_limited
from huisbezoek.exchange.keys import (
    MAX_KEY_FILE_BYTES,
    OrgConfig,
    VolunteerKeys,
)
from huisbezoek.exchange.payload import (
    BatchPayload,
    Consent,
    NeighbourhoodCounts,
    ResidentIdentity,
    SharedSignal,
)
from huisbezoek.exchange.payload import WithdrawnSignal as WithdrawnItem
from huisbezoek.fsutil import atomic_write
from huisbezoek.progress import CancelFlag, ProgressFn, noop_progress
from huisbezoek.services import vault_settings
from huisbezoek.services.round_figures import neighbourhood_periods
from huisbezoek.vault import AuditEvent, Vault
from huisbezoek.vault.audit import append_event
from huisbezoek.vault.models import (
    ConsentRecord,
    ErasedAssignment,
    ExportBatch,
    OutboxItem,
    Resident,
    Signal,
    Visit,
    WithdrawnSignal,
)

log = logging.getLogger(__name__)

# Before vault revision 0003: the namespace of the derived signal ids (read by that migration).
NAMESPACE_SETTING = vault_settings.SIGNAL_NAMESPACE


def _audit(session: Session, vault: Vault, event: AuditEvent, detail: dict[str, Any]) -> None:
    append_event(session.connection(), vault.schema.audit_table, event, detail)


# == volunteer ===================================================================================


def ensure_volunteer_keys(vault: Vault) -> VolunteerKeys:
    """The volunteer's signing key and age identity; made and stored the first time."""
    with vault.session() as s:
        stored = vault_settings.volunteer_keys(s)
        if stored is not None:
            return VolunteerKeys.deserialize(stored.encode())
        keys = VolunteerKeys.generate()
        vault_settings.set_volunteer_keys(s, keys.serialize().decode())
        return keys


def _volunteer_name(session: Session) -> str:
    value = vault_settings.volunteer_name(session)
    return value if value.strip() else "Vrijwilliger"


@dataclass(frozen=True, slots=True)
class EnrolmentSummary:
    path: Path
    name: str
    key_id: str
    fingerprint: str


def write_enrolment(vault: Vault, out: Path) -> EnrolmentSummary:
    """Write the enrolment file (name and public keys) for the coordinator."""
    keys = ensure_volunteer_keys(vault)
    with vault.session() as s:
        name = _volunteer_name(s)
    enrolment = keys.enrolment(name)
    atomic_write(out, enrolment.to_bytes(), mode=0o644)
    return EnrolmentSummary(out, enrolment.name, enrolment.key_id, enrolment.fingerprint)


def import_org_config(vault: Vault, path: Path) -> OrgConfig:
    """Keep the organisation's configuration in the vault; the caller shows its fingerprint."""
    config = OrgConfig.from_bytes(read_limited(path, MAX_KEY_FILE_BYTES))
    ensure_volunteer_keys(vault)
    with vault.session() as s:
        vault_settings.set_org_config(s, config.model_dump(mode="json"))
    return config


def org_config(vault: Vault) -> OrgConfig | None:
    with vault.session() as s:
        stored = vault_settings.org_config(s)
    if stored is None:
        return None
    return OrgConfig.from_bytes(json.dumps(stored).encode())


def signal_uuid(namespace: uuid.UUID, signal_id: int) -> uuid.UUID:
    """The public id the exporter derived from a row id before vault revision 0003.

    Kept for tests of that migration, which gave existing signals exactly this id; new signals
    get a random ``Signal.uid`` (a row id can be reused after a delete).
    """
    return uuid.uuid5(namespace, f"signal/{signal_id}")


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path | None  # None: the batch went into the outbox
    batch_id: str
    sequence: int
    signals: int
    neighbourhoods: int


@dataclass(slots=True)
class _Collected:
    signals: list[SharedSignal] = field(default_factory=list)
    exported: list[tuple[int, int]] = field(default_factory=list)  # (row id, revision)
    counts: list[NeighbourhoodCounts] = field(default_factory=list)
    # Shared before, not any more: the coordinator erases these (consent withdrawn, or the
    # signal removed from a reopened visit).
    withdrawn: list[WithdrawnItem] = field(default_factory=list)
    removed: list[tuple[str, int]] = field(default_factory=list)  # (uid, revision) sent
    # Address-list numbers of residents erased here on request, until a receipt confirms them.
    erased_addresses: list[str] = field(default_factory=list)


def export_signals(
    vault: Vault,
    to_dir: Path | None,
    *,
    everything: bool = False,
    progress: ProgressFn | None = None,
    cancel: CancelFlag | None = None,
) -> ExportResult:
    """Write one batch file of the shared signals not yet exported at their current revision
    (``everything``: all shared signals again, after a lost batch) plus neighbourhood counts.
    ``to_dir`` None puts the batch in the vault's outbox instead (``services.outbox`` sends it
    when the organisation's drop can be reached), in the same transaction that marks the
    signals exported.

    The sequence number is reserved (committed) before the file is written, so a crash can
    leave a gap but never two different batches with one number. Signals are marked only after
    the file is safely on disk; nothing is deleted.
    """
    report = progress or noop_progress
    config = org_config(vault)
    if config is None:
        raise NoOrganisationConfigError("no organisation configuration")
    keys = ensure_volunteer_keys(vault)
    if to_dir is not None:
        to_dir.mkdir(parents=True, exist_ok=True)
    report(0.0, "Signalen verzamelen")
    with vault.session() as s:
        collected = _collect(s, everything)
    _check_cancel(cancel)
    report(0.4, f"{len(collected.signals)} signalen gevonden")

    batch_id = uuid.uuid4()
    with vault.session() as s:
        last = s.scalar(select(func.max(ExportBatch.sequence)))
        sequence = (last or 0) + 1
        s.add(ExportBatch(id=str(batch_id), sequence=sequence, file_sha256="", item_count=0))
    try:
        _check_cancel(cancel)
        header = batch.new_header(config, keys, sequence).model_copy(update={"batch_id": batch_id})
        payload = BatchPayload(
            header=header,
            signals=collected.signals,
            neighbourhoods=collected.counts,
            withdrawn=collected.withdrawn,
            erased_addresses=collected.erased_addresses,
        )
        report(0.6, "Versleutelen en ondertekenen")
        manifest, data = batch.build(payload, keys, config)
        _check_cancel(cancel)
    except BaseException:
        with vault.session() as s:  # nothing written: give the number back
            s.query(ExportBatch).filter(ExportBatch.id == str(batch_id)).delete()
        raise
    report(0.8, "Bestand opslaan")
    name = batch.batch_file_name(manifest)
    path = None if to_dir is None else to_dir / name
    if path is not None:
        atomic_write(path, data, mode=0o600)
    with vault.session() as s:
        if path is None:
            s.add(OutboxItem(batch_id=str(batch_id), file_name=name, data=data, attempts=0))
        for start in range(0, len(collected.exported), 500):
            chunk = collected.exported[start : start + 500]
            s.execute(
                update(Signal),
                [
                    {"id": sid, "exported_revision": rev, "exported_batch": str(batch_id)}
                    for sid, rev in chunk
                ],
            )
        if collected.erased_addresses:
            s.execute(
                update(ErasedAssignment)
                .where(ErasedAssignment.ref.in_(collected.erased_addresses))
                .values(sent_batch=str(batch_id))
            )
        for uid, revision in collected.removed:
            s.execute(
                update(WithdrawnSignal)
                .where(WithdrawnSignal.uid == uid)
                .values(sent_revision=revision)
            )
        s.execute(
            update(ExportBatch)
            .where(ExportBatch.id == str(batch_id))
            .values(file_sha256=hashlib.sha256(data).hexdigest(), item_count=len(payload.signals))
        )
        append_event(
            s.connection(),
            vault.schema.audit_table,
            AuditEvent.EXPORT,
            {
                "batch_id": str(batch_id),
                "sequence": sequence,
                "signals": len(payload.signals),
                "withdrawn": len(payload.withdrawn),
                "erased_addresses": len(payload.erased_addresses),
                "everything": everything,
            },
        )
    report(1.0, "Klaar")
    return ExportResult(path, str(batch_id), sequence, len(payload.signals), len(collected.counts))


def _check_cancel(cancel: CancelFlag | None) -> None:
    if cancel is not None and cancel.is_set():
        raise ExportCancelledError("export cancelled")


def _collect(session: Session, everything: bool) -> _Collected:
    out = _Collected()
    consents: dict[int, dict[ConsentScope, ConsentRecord]] = defaultdict(dict)
    for record in session.scalars(
        select(ConsentRecord).where(
            ConsentRecord.withdrawn_at.is_(None), ConsentRecord.signal_id.is_not(None)
        )
    ):
        assert record.signal_id is not None
        consents[record.signal_id].setdefault(record.scope, record)
    rows = session.execute(
        select(Signal, Resident)
        .join(Visit, Signal.visit_id == Visit.id)
        .join(Resident, Visit.resident_id == Resident.id)
        .where(Visit.status == VisitStatus.FINAL)
        .order_by(Signal.id)
    )
    # Ids the coordinator was told to erase (or told us it erased) never travel again, even if
    # a row with that id turns up here (an older backup put back, say).
    erased = set(session.scalars(select(WithdrawnSignal.uid)))
    for sig, resident in rows:
        if sig.uid in erased:
            continue
        given = consents.get(sig.id, {})
        share = given.get(ConsentScope.SHARE_SIGNAL)
        if share is None:
            sent = sig.exported_revision
            if sent is not None and (everything or sent < sig.revision):
                out.withdrawn.append(WithdrawnItem(id=uuid.UUID(sig.uid), revision=sig.revision))
                out.exported.append((sig.id, sig.revision))
            continue
        done = sig.exported_revision is not None and sig.exported_revision >= sig.revision
        if done and not everything:
            continue
        out.signals.append(_shared(sig, resident, given, share))
        out.exported.append((sig.id, sig.revision))
    for gone in session.scalars(select(WithdrawnSignal)):
        if everything or gone.sent_revision is None or gone.sent_revision < gone.revision:
            out.withdrawn.append(WithdrawnItem(id=uuid.UUID(gone.uid), revision=gone.revision))
            out.removed.append((gone.uid, gone.revision))
    # Sent again in every batch until a receipt confirms one that carried it.
    out.erased_addresses = list(
        session.scalars(
            select(ErasedAssignment.ref)
            .where(ErasedAssignment.notify.is_(True))
            .order_by(ErasedAssignment.erased_at, ErasedAssignment.ref)
        )
    )
    out.counts = neighbourhood_periods(session)
    return out


def _shared(
    sig: Signal,
    resident: Resident,
    given: dict[ConsentScope, ConsentRecord],
    share: ConsentRecord,
) -> SharedSignal:
    identity = None
    if ConsentScope.SHARE_IDENTITY in given:
        identity = ResidentIdentity(
            name=resident.name[:200] or "?",
            address=resident.address[:200],
            postcode=resident.postcode[:10],
            place="",
            phone=(resident.phone or "")[:40],
        )
    label = theme_label_nl(sig.theme)
    text = (sig.text or label).strip()[:500] or label
    return SharedSignal(
        id=uuid.UUID(sig.uid),
        revision=sig.revision,
        theme=sig.theme,
        severity=sig.severity,
        text=text,
        agreed=sig.agreed_action[:2000],
        consent=Consent(
            scopes=sorted(given, key=lambda scope: scope.value),
            given_on=share.given_at.astimezone(UTC).date(),
            method=share.method,
        ),
        identity=identity,
        referral_service_id=_referral_service_id(given.get(ConsentScope.REFERRAL)),
        neighbourhood=resident.neighbourhood.strip()[:100] or None,
    )


def _referral_service_id(record: ConsentRecord | None) -> str | None:
    if record is None or not record.service_id:
        return None
    return record.service_id
