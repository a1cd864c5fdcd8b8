"""Signal export (volunteer) and batch import (coordinator), and the keys both need.

Volunteer: keys are made on first need and kept in the vault's settings table (encrypted at
rest); the organisation's configuration file is read once; ``export_signals`` writes one batch
file. Coordinator: ``init_organisation`` makes the coordinator store (a vault of kind
"coordinator") with the organisation's age identity; volunteers are enrolled, approved and
revoked; ``import_batches`` reads batch files into the store. Long work takes
``progress(fraction, message)`` and a cancel flag (``threading.Event``), no Qt.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import logging
import os
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Table, delete, func, select, update
from sqlalchemy.orm import Session

from huisbezoek import paths
from huisbezoek.domain import ConsentScope, VisitStatus, theme_label_nl
from huisbezoek.errors import InvalidInputError, UserError
from huisbezoek.exchange import batch, minisign
from huisbezoek.exchange.coordinator.importer import (
    ImportContext,
    VerifiedBatch,
    apply_verified,
    check_signed,
)
from huisbezoek.exchange.coordinator.importer import finish as finish_import
from huisbezoek.exchange.coordinator.models import (
    ImportedSignal,
    ImportLedger,
    Organisation,
    OrgKey,
    Volunteer,
)
from huisbezoek.exchange.coordinator.schema import COORDINATOR_SCHEMA
from huisbezoek.exchange.errors import (
    CorruptBatchError,
    ExportCancelledError,
    InvalidKeyFileError,
    NoOrganisationConfigError,
    OversizedBatchError,
)
from huisbezoek.exchange.keys import (
    MAX_KEY_FILE_BYTES,
    Enrolment,
    OrgConfig,
    OrgIdentity,
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
from huisbezoek.vault import AuditEvent, KdfParams, Vault
from huisbezoek.vault.audit import append_event
from huisbezoek.vault.models import (
    ConsentRecord,
    ContactAttempt,
    ExportBatch,
    Resident,
    Setting,
    Signal,
    Visit,
    WithdrawnSignal,
)

log = logging.getLogger(__name__)

ProgressFn = Callable[[float, str], None]


class CancelFlag(Protocol):
    """``threading.Event`` fits; so does anything with ``is_set()``."""

    def is_set(self) -> bool: ...


KEYS_SETTING = "exchange.volunteer_keys"
ORG_CONFIG_SETTING = "exchange.org_config"
# Before vault revision 0003: the namespace of the derived signal ids (read by that migration).
NAMESPACE_SETTING = "exchange.signal_namespace"
VOLUNTEER_NAME_SETTING = "volunteer_name"  # written by services.session
UNKNOWN_NEIGHBOURHOOD = "Wijk onbekend"
COORDINATOR_DIR_NAME = "coordinator"


_ORGANISATION: Table = Organisation.__table__  # type: ignore[assignment]
_ORG_KEYS: Table = OrgKey.__table__  # type: ignore[assignment]


def _noop_progress(fraction: float, message: str) -> None:
    return None


@contextlib.contextmanager
def _bulk_work() -> Iterator[None]:
    """Keep the garbage collector's full passes off the long-lived heap during bulk work.

    Objects that exist before the run (SQLAlchemy mappers, pydantic schemas, the GUI) are frozen
    so that collections triggered by the run's many short-lived rows scan only new objects;
    measured, the full passes were a third of the import time. Unfrozen afterwards.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _audit(session: Session, vault: Vault, event: AuditEvent, detail: dict[str, Any]) -> None:
    append_event(session.connection(), vault.schema.audit_table, event, detail)


def _read_setting(session: Session, key: str) -> Any:
    row = session.get(Setting, key)
    return None if row is None else json.loads(row.value)


def _write_setting(session: Session, key: str, value: Any) -> None:
    session.merge(Setting(key=key, value=json.dumps(value)))


def _read_file(path: Path, limit: int) -> bytes:
    # One open: the size check and the read are of the same file, and a file that grows after
    # the check is still cut off at the limit. The first read asks for the size found (plus one
    # byte, to notice growth) rather than the limit: read(limit + 1) makes a buffer of the
    # limit's size for every file, which was a noticeable part of importing many small files.
    try:
        with path.open("rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size > limit:
                raise OversizedBatchError(f"file of {size} bytes over the limit")
            data = f.read(size + 1)
            if len(data) > size:  # grew since the size check: read on, still only to the limit
                data += f.read(limit + 1 - len(data))
        if len(data) > limit:
            raise OversizedBatchError("file grew over the limit while being read")
        return data
    except FileNotFoundError as exc:
        raise InvalidInputError(
            "file not found", message_nl=f"Het bestand {path.name} bestaat niet."
        ) from exc
    except IsADirectoryError as exc:
        raise InvalidInputError(
            "path is a folder", message_nl=f"{path.name} is een map, geen bestand."
        ) from exc


# == volunteer ===================================================================================


def ensure_volunteer_keys(vault: Vault) -> VolunteerKeys:
    """The volunteer's signing key and age identity; made and stored the first time."""
    with vault.session() as s:
        stored = _read_setting(s, KEYS_SETTING)
        if stored is not None:
            return VolunteerKeys.deserialize(str(stored).encode())
        keys = VolunteerKeys.generate()
        _write_setting(s, KEYS_SETTING, keys.serialize().decode())
        return keys


def _volunteer_name(session: Session) -> str:
    value = _read_setting(session, VOLUNTEER_NAME_SETTING)
    return value if isinstance(value, str) and value.strip() else "Vrijwilliger"


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
    config = OrgConfig.from_bytes(_read_file(path, MAX_KEY_FILE_BYTES))
    ensure_volunteer_keys(vault)
    with vault.session() as s:
        _write_setting(s, ORG_CONFIG_SETTING, config.model_dump(mode="json"))
    return config


def org_config(vault: Vault) -> OrgConfig | None:
    with vault.session() as s:
        stored = _read_setting(s, ORG_CONFIG_SETTING)
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
    path: Path
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


def export_signals(
    vault: Vault,
    to_dir: Path,
    *,
    everything: bool = False,
    progress: ProgressFn | None = None,
    cancel: CancelFlag | None = None,
) -> ExportResult:
    """Write one batch file of the shared signals not yet exported at their current revision
    (``everything``: all shared signals again, after a lost batch) plus neighbourhood counts.

    The sequence number is reserved (committed) before the file is written, so a crash can
    leave a gap but never two different batches with one number. Signals are marked only after
    the file is safely on disk; nothing is deleted.
    """
    report = progress or _noop_progress
    config = org_config(vault)
    if config is None:
        raise NoOrganisationConfigError("no organisation configuration")
    keys = ensure_volunteer_keys(vault)
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
        )
        report(0.6, "Versleutelen en ondertekenen")
        manifest, data = batch.build(payload, keys, config)
        _check_cancel(cancel)
    except BaseException:
        with vault.session() as s:  # nothing written: give the number back
            s.query(ExportBatch).filter(ExportBatch.id == str(batch_id)).delete()
        raise
    report(0.8, "Bestand opslaan")
    path = to_dir / batch.batch_file_name(manifest)
    atomic_write(path, data, mode=0o600)
    with vault.session() as s:
        for start in range(0, len(collected.exported), 500):
            chunk = collected.exported[start : start + 500]
            s.execute(
                update(Signal),
                [{"id": sid, "exported_revision": rev} for sid, rev in chunk],
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
    hoods: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"outcomes": defaultdict(int), "visits": 0, "unshared": defaultdict(int)}
    )
    rows = session.execute(
        select(Signal, Resident)
        .join(Visit, Signal.visit_id == Visit.id)
        .join(Resident, Visit.resident_id == Resident.id)
        .where(Visit.status == VisitStatus.FINAL)
        .order_by(Signal.id)
    )
    for sig, resident in rows:
        hood = resident.neighbourhood.strip() or UNKNOWN_NEIGHBOURHOOD
        given = consents.get(sig.id, {})
        share = given.get(ConsentScope.SHARE_SIGNAL)
        if share is None:
            hoods[hood]["unshared"][sig.theme] += 1
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
    for hood_name, outcome, count in session.execute(
        select(Resident.neighbourhood, ContactAttempt.outcome, func.count())
        .join(ContactAttempt, ContactAttempt.resident_id == Resident.id)
        .group_by(Resident.neighbourhood, ContactAttempt.outcome)
    ):
        hoods[hood_name.strip() or UNKNOWN_NEIGHBOURHOOD]["outcomes"][outcome] += count
    for hood_name, count in session.execute(
        select(Resident.neighbourhood, func.count())
        .join(Visit, Visit.resident_id == Resident.id)
        .where(Visit.status == VisitStatus.FINAL)
        .group_by(Resident.neighbourhood)
    ):
        hoods[hood_name.strip() or UNKNOWN_NEIGHBOURHOOD]["visits"] += count
    out.counts = [
        NeighbourhoodCounts(
            neighbourhood=name[:100],
            outcomes=dict(v["outcomes"]),
            visits=v["visits"],
            unshared_signals=dict(v["unshared"]),
        )
        for name, v in sorted(hoods.items())
    ]
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
    )


# == coordinator =================================================================================


def default_coordinator_dir() -> Path:
    return paths.data_dir() / COORDINATOR_DIR_NAME


def open_coordinator(folder: Path | None, passphrase: str) -> Vault:
    return Vault.open(folder or default_coordinator_dir(), passphrase, schema=COORDINATOR_SCHEMA)


@dataclass(frozen=True, slots=True)
class CreatedOrganisation:
    store: Vault
    recovery_key: str
    config: OrgConfig


def init_organisation(
    folder: Path | None,
    passphrase: str,
    name: str,
    *,
    backup_recipients: Sequence[str] = (),
    kdf: KdfParams | None = None,
) -> CreatedOrganisation:
    """Make the coordinator store with a new organisation identity; returns it open."""
    name = " ".join(name.split())
    if not name or len(name) > 200:
        raise InvalidInputError("bad organisation name", message_nl="Vul de naam in (kort).")
    identity = OrgIdentity.generate()
    recipients = [identity.recipient, *backup_recipients]
    config = OrgConfig.create(uuid.uuid4(), name, recipients)
    store, recovery_key = Vault.create(
        folder or default_coordinator_dir(),
        passphrase,
        kind="coordinator",
        schema=COORDINATOR_SCHEMA,
        kdf=kdf,
    )
    try:
        with store.session() as s:
            s.add(Organisation(id=1, org_id=str(config.org_id), name=name))
            s.add(OrgKey(recipient=identity.recipient, secret=identity.secret, role="primary"))
            for r in backup_recipients:
                s.add(OrgKey(recipient=r, secret=None, role="backup"))
            _audit(s, store, AuditEvent.ORG_INIT, {"recipients": len(recipients)})
    except BaseException:
        store.close()
        raise
    return CreatedOrganisation(store, recovery_key, config)


def organisation_config(store: Vault) -> OrgConfig:
    """The configuration file volunteers need, rebuilt from the store."""
    with store.session() as s:
        org = s.get(Organisation, 1)
        if org is None:
            raise NoOrganisationConfigError("coordinator store has no organisation")
        recipients = list(s.scalars(select(OrgKey.recipient).order_by(OrgKey.id)))
        return OrgConfig.create(uuid.UUID(org.org_id), org.name, recipients)


def _identities(session: Session) -> list[OrgIdentity]:
    column = _ORG_KEYS.c.secret
    secrets_ = session.connection().scalars(select(column).where(column.is_not(None)))
    return [OrgIdentity(str(secret)) for secret in secrets_]


def export_org_identity(store: Vault) -> str:
    """The organisation's secret identity as an ``age-keygen`` file, for safekeeping."""
    with store.session() as s:
        identities = _identities(s)
        _audit(s, store, AuditEvent.ORG_KEY_EXPORT, {"keys": len(identities)})
    return "".join(i.identity_file() for i in identities)


@dataclass(frozen=True, slots=True)
class VolunteerRow:
    key_id: str
    name: str
    fingerprint: str
    public_key: str
    age_recipient: str
    enrolled_at: datetime
    approved_at: datetime | None
    revoked_at: datetime | None

    @property
    def status_nl(self) -> str:
        if self.revoked_at is not None:
            return "ingetrokken"
        return "goedgekeurd" if self.approved_at is not None else "wacht op goedkeuring"


def _row(v: Volunteer) -> VolunteerRow:
    return VolunteerRow(
        v.key_id,
        v.name,
        v.fingerprint,
        v.public_key,
        v.age_recipient,
        v.enrolled_at,
        v.approved_at,
        v.revoked_at,
    )


def enrol_volunteer(store: Vault, path: Path) -> VolunteerRow:
    """Register an enrolment file; the volunteer still has to be approved."""
    enrolment = Enrolment.from_bytes(_read_file(path, MAX_KEY_FILE_BYTES))
    with store.session() as s:
        existing = s.get(Volunteer, enrolment.key_id)
        if existing is not None:
            if existing.public_key != enrolment.public_key:
                raise InvalidKeyFileError("key id collision")
            return _row(existing)
        volunteer = Volunteer(
            key_id=enrolment.key_id,
            name=enrolment.name,
            public_key=enrolment.public_key,
            age_recipient=enrolment.age_recipient,
            fingerprint=enrolment.fingerprint,
            enrolled_at=datetime.now(UTC),
        )
        s.add(volunteer)
        s.flush()
        _audit(s, store, AuditEvent.ENROL, {"key_id": enrolment.key_id})
        return _row(volunteer)


def _volunteer(session: Session, key_id: str) -> Volunteer:
    kid = minisign.key_id_hex(minisign.key_id_from_hex(key_id))
    volunteer = session.get(Volunteer, kid)
    if volunteer is None:
        raise InvalidInputError(
            "unknown key id", message_nl=f"Er is geen vrijwilliger met sleutelnummer {kid}."
        )
    return volunteer


def approve_volunteer(store: Vault, key_id: str) -> VolunteerRow:
    """Approve after comparing the fingerprint by phone. A revoked key stays revoked."""
    with store.session() as s:
        volunteer = _volunteer(s, key_id)
        if volunteer.revoked_at is not None:
            raise InvalidInputError(
                "approve revoked key",
                message_nl="Deze sleutel is ingetrokken. Laat de vrijwilliger zich opnieuw "
                "aanmelden met een nieuwe sleutel.",
            )
        if volunteer.approved_at is None:
            volunteer.approved_at = datetime.now(UTC)
            _audit(s, store, AuditEvent.APPROVE, {"key_id": volunteer.key_id})
        return _row(volunteer)


def revoke_volunteer(store: Vault, key_id: str) -> VolunteerRow:
    """From now on, batches signed with this key are refused (imported ones stay)."""
    with store.session() as s:
        volunteer = _volunteer(s, key_id)
        if volunteer.revoked_at is None:
            volunteer.revoked_at = datetime.now(UTC)
            _audit(s, store, AuditEvent.REVOKE, {"key_id": volunteer.key_id})
        return _row(volunteer)


def list_volunteers(store: Vault) -> list[VolunteerRow]:
    with store.session() as s:
        return [_row(v) for v in s.scalars(select(Volunteer).order_by(Volunteer.name))]


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
                lines.append(
                    f"{r.file_name}{who}: {r.new} nieuw, {r.updated} bijgewerkt, "
                    f"{r.unchanged} ongewijzigd{gone}."
                )
            lines.extend(f"  Let op: {w}" for w in r.warnings_nl)
        lines.append(
            f"Totaal: {self.new} nieuw, {self.updated} bijgewerkt, {self.unchanged} ongewijzigd, "
            f"{self.rejected} {'bestand' if self.rejected == 1 else 'bestanden'} geweigerd."
        )
        if self.cancelled:
            lines.append("Het inlezen is afgebroken; de rest is niet ingelezen.")
        return lines


def import_batches(
    store: Vault,
    files: Iterable[Path],
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFlag | None = None,
) -> ImportReport:
    """Import batch files. One transaction, one savepoint per file: every batch goes in whole
    or not at all, a refused file changes nothing, and the good ones are kept."""
    report = progress or _noop_progress
    paths_ = list(files)
    results: list[BatchImportResult] = []
    cancelled = False
    with _bulk_work(), store.session() as s:
        context = _import_context(s)
        for index, (path, checked) in enumerate(_checked_ahead(context, paths_)):
            if cancel is not None and cancel.is_set():
                cancelled = True
                break
            report(index / max(len(paths_), 1), f"{path.name} inlezen")
            if isinstance(checked, VerifiedBatch):
                results.append(_apply_one(s, context, checked, path.name))
            else:  # refused by the checks
                results.append(checked)
        finish_import(s, context)
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
    context: ImportContext, paths_: Sequence[Path]
) -> Iterator[tuple[Path, VerifiedBatch | BatchImportResult]]:
    """Each file with the outcome of :func:`check_signed`: verified, or refused."""
    run: list[tuple[Path, VerifiedBatch | BatchImportResult]] = []
    held = 0
    for path in paths_:
        checked = _check_file(context, path)
        run.append((path, checked))
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
    return ImportContext.load(session, uuid.UUID(org_id), _identities(session))


def _audit_import(session: Session, store: Vault, results: Sequence[BatchImportResult]) -> None:
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
    }
    _audit(session, store, AuditEvent.IMPORT, detail)


def import_batch_bytes(store: Vault, data: bytes, name: str = "zending") -> BatchImportResult:
    """One batch from memory (drag and drop, tests); same rules as :func:`import_batches`."""
    with store.session() as s:
        context = _import_context(s)
        try:
            verified = check_signed(context, data)
        except UserError as exc:
            result = _rejected(name, exc)
        else:
            result = _apply_one(s, context, verified, name)
        finish_import(s, context)
        _audit_import(s, store, [result])
        return result


def _check_file(context: ImportContext, path: Path) -> VerifiedBatch | BatchImportResult:
    try:
        data = _read_file(path, batch.MAX_BATCH_BYTES)
    except UserError as exc:
        return _rejected(path.name, exc)
    except OSError as exc:
        err = CorruptBatchError(f"cannot read file: {exc.strerror}")
        return _rejected(path.name, err)
    try:
        return check_signed(context, data)
    except UserError as exc:
        return _rejected(path.name, exc)


def _forget_follow_ups(session: Session, signal_ids: Sequence[str]) -> None:
    """The coordinator's work on signals whose sharing ended goes too: follow-up, notes and
    their history (they may name the resident). The signal stays as an empty tombstone."""
    from huisbezoek.services.coordinator.models import FollowUp, FollowUpEvent

    ids = list(signal_ids)
    session.execute(delete(FollowUpEvent).where(FollowUpEvent.signal_id.in_(ids)))
    session.execute(delete(FollowUp).where(FollowUp.signal_id.in_(ids)))


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
        batch_id=str(m.batch_id),
        key_id=m.key_id,
        volunteer=applied.volunteer_name,
        sequence=m.sequence,
        warnings_nl=tuple(warnings),
    )


@dataclass(frozen=True, slots=True)
class StoreCounts:
    """Sizes of the coordinator store's tables, for reports and tests."""

    signals: int
    batches: int
    volunteers: int


def store_counts(store: Vault) -> StoreCounts:
    with store.session() as s:
        return StoreCounts(
            signals=s.scalar(select(func.count()).select_from(ImportedSignal)) or 0,
            batches=s.scalar(select(func.count()).select_from(ImportLedger)) or 0,
            volunteers=s.scalar(select(func.count()).select_from(Volunteer)) or 0,
        )
