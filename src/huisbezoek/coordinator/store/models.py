"""The coordinator store's schema: typed SQLAlchemy 2 models, changed only through migrations.

One declarative base for the whole store. It reuses the vault's column types and audit log, so
it is a vault like the volunteer's (same encryption, key slots and backup) with its own tables:
what imports fill (organisation, volunteers, ledger, imported signals, neighbourhood counts)
and the coordinator's own work (follow-up, its history, the address list, settings, coverage
snapshots, tables prefixed ``cw_``). A change here needs a new Alembic revision under
``migrations/``; a fresh PostgreSQL store is built from these models and stamped. The work
tables refer to imported signals by id without a foreign key.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import ForeignKey, Index, Integer, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from huisbezoek.domain import UNKNOWN_NEIGHBOURHOOD, ConsentMethod, Severity, Theme
from huisbezoek.vault.audit import AuditLogMixin
from huisbezoek.vault.types import (
    NAMING_CONVENTION,
    IntEnumType,
    StrEnumType,
    ThemeType,
    type_annotation_map,
    utcnow,
)


class CoordinatorBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = type_annotation_map()


class Organisation(CoordinatorBase):
    """One row: who we are. Batches naming another ``org_id`` are refused."""

    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[str] = mapped_column(String(36))
    name: Mapped[str]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class OrgKey(CoordinatorBase):
    """An age identity of the organisation. A backup key's secret may live only on paper."""

    __tablename__ = "org_keys"

    id: Mapped[int] = mapped_column(primary_key=True)
    recipient: Mapped[str] = mapped_column(String(100), unique=True)
    secret: Mapped[str | None] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(20), default="primary")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Volunteer(CoordinatorBase):
    """The registry of volunteer signing keys: enrolled, then approved, perhaps revoked."""

    __tablename__ = "volunteers"

    key_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str]
    public_key: Mapped[str] = mapped_column(String(64))
    age_recipient: Mapped[str] = mapped_column(String(100))
    fingerprint: Mapped[str] = mapped_column(String(40))
    enrolled_at: Mapped[datetime] = mapped_column(default=utcnow)
    approved_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]


class ImportLedger(CoordinatorBase):
    """One row per imported batch: what makes a second import of it a no-op."""

    __tablename__ = "import_ledger"
    __table_args__ = (UniqueConstraint("key_id", "sequence"),)

    batch_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    key_id: Mapped[str] = mapped_column(String(16), ForeignKey("volunteers.key_id"), index=True)
    sequence: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime]
    file_sha256: Mapped[str] = mapped_column(String(64))
    payload_sha256: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
    new_count: Mapped[int] = mapped_column(Integer, default=0)
    updated_count: Mapped[int] = mapped_column(Integer, default=0)
    unchanged_count: Mapped[int] = mapped_column(Integer, default=0)
    # Sequence numbers skipped just before this batch, e.g. "3-4"; empty when none.
    missing_before: Mapped[str] = mapped_column(String(40), default="")


class ImportedSignal(CoordinatorBase):
    """The newest revision of each shared signal; identity columns only with consent."""

    __tablename__ = "imported_signals"
    __table_args__ = (
        # the queue's search (c0004): a name is found by scanning this small index instead of
        # the whole table, a postcode by looking it up
        Index("ix_imported_signals_person", "resident_name", "id"),
        Index("ix_imported_signals_postcode", "resident_postcode"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    revision: Mapped[int] = mapped_column(Integer)
    source_key_id: Mapped[str] = mapped_column(
        String(16), ForeignKey("volunteers.key_id"), index=True
    )
    # indexed (c0004): the follow-up sync reads the signals of the batches not yet synced
    batch_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("import_ledger.batch_id"), index=True
    )
    theme: Mapped[Theme] = mapped_column(ThemeType())  # built in, or declared by a form
    severity: Mapped[Severity] = mapped_column(IntEnumType(Severity), index=True)
    text: Mapped[str] = mapped_column(Text)
    agreed: Mapped[str] = mapped_column(Text, default="")
    consent_scopes: Mapped[str] = mapped_column(String(200))  # slugs, comma-separated
    consent_given_on: Mapped[date]
    consent_method: Mapped[ConsentMethod] = mapped_column(StrEnumType(ConsentMethod))
    resident_name: Mapped[str | None]
    resident_address: Mapped[str | None]
    resident_postcode: Mapped[str | None] = mapped_column(String(10))
    resident_place: Mapped[str | None]
    resident_phone: Mapped[str | None] = mapped_column(String(40))
    first_imported_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    # revision c0004: the sociale kaart id of the service the resident agreed to, and the
    # neighbourhood the volunteer knows (a signal without identity is still placed)
    referral_service_id: Mapped[str | None] = mapped_column(String(40))
    neighbourhood: Mapped[str | None] = mapped_column(String(100))
    # Set when the coordinator erased it (subject request or retention; revision c0003): a
    # later revision from the volunteer then moves the revision on but brings no words and no
    # identity back.
    erased_at: Mapped[datetime | None]


class ErasureNotice(CoordinatorBase):
    """A signal erased at a resident's request here: the volunteer who sent it is told in the
    next assignment package, and erases the resident on the laptop too (revision c0003).
    Holds the signal's random public id and the volunteer's key id, nothing else."""

    __tablename__ = "erasure_notices"

    signal_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    key_id: Mapped[str] = mapped_column(String(16), index=True)
    erased_at: Mapped[datetime] = mapped_column(default=utcnow)


# What an erased signal keeps: its row (theme, severity, revision) as a tombstone with no words
# and no identity, so an older revision can never bring it back. Used by retention, subject
# erasure and withdrawn sharing; follow-ups skip signals whose text is empty.
ERASED_TEXT = ""
ERASED_SIGNAL_VALUES: dict[str, str | None] = {
    "resident_name": None,
    "resident_address": None,
    "resident_postcode": None,
    "resident_place": None,
    "resident_phone": None,
    "text": ERASED_TEXT,
    "agreed": ERASED_TEXT,
}


class NeighbourhoodCount(CoordinatorBase):
    """A volunteer's latest anonymous totals per neighbourhood (replaced by each newer batch).

    ``metric`` is ``visits``, ``outcome:<ContactOutcome>`` or ``unshared:<Theme>``.
    """

    __tablename__ = "neighbourhood_counts"
    # c0005: the totals of a neighbourhood are summed again after each import that touches it
    __table_args__ = (Index("ix_neighbourhood_counts_hood", "neighbourhood"),)

    key_id: Mapped[str] = mapped_column(
        String(16), ForeignKey("volunteers.key_id"), primary_key=True
    )
    neighbourhood: Mapped[str] = mapped_column(String(100), primary_key=True)
    metric: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)
    batch_id: Mapped[str] = mapped_column(String(36))


class NeighbourhoodTotal(CoordinatorBase):
    """All volunteers' ``neighbourhood_counts`` summed per neighbourhood and metric (c0005).

    The dashboard and the report read these few rows (some tens of thousands for a region)
    instead of summing every volunteer's snapshot on each refresh; the importer sums a
    neighbourhood again whenever a batch replaces a volunteer's counts in it
    (``figures.refresh_totals``), in the same transaction.
    """

    __tablename__ = "neighbourhood_totals"

    neighbourhood: Mapped[str] = mapped_column(String(100), primary_key=True)
    metric: Mapped[str] = mapped_column(String(60), primary_key=True)
    total: Mapped[int] = mapped_column(Integer)


class CoordinatorAuditLog(AuditLogMixin, CoordinatorBase):
    __tablename__ = "audit_log"


# -- the coordinator's own work (revision c0002) --------------------------------------------


class FollowUp(CoordinatorBase):
    """The coordinator's work on one shared signal (one row per imported signal).

    Theme, severity and neighbourhood are copied here so the queue and the dashboard read one
    table, and so the anonymous counts survive when retention erases the signal's identity.
    """

    __tablename__ = "cw_followups"
    __table_args__ = (
        # c0005 added status and is_open: the reporting account's counts per neighbourhood,
        # theme and status read this index alone (78 ms at 600,000 follow-ups, not 320)
        Index("ix_cw_followups_hood_theme", "neighbourhood", "theme", "status", "is_open"),
        Index("ix_cw_followups_retention", "is_open", "identity_erased_at", "closed_at"),
        # the queue's filters (c0004)
        Index("ix_cw_followups_status", "status", "severity"),
        Index("ix_cw_followups_due", "is_open", "due_on"),
        Index("ix_cw_followups_source", "source_key_id"),
        # c0005: a follow-up worker's account sees only rows assigned to it (row-level
        # security on PostgreSQL), so every query of theirs filters on this first
        Index("ix_cw_followups_assigned", "assigned_to"),
        # covering indexes (c0004): the report's outcomes and the retention preview count
        # closed follow-ups without reading each row
        Index(
            "ix_cw_followups_outcomes", "is_open", "closed_at", "withdrawn_at", "status", "outcome"
        ),
        Index(
            "ix_cw_followups_erasable",
            "is_open",
            "identity_erased_at",
            "closed_at",
            "theme",
            "has_identity",
        ),
    )

    signal_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    theme: Mapped[Theme] = mapped_column(ThemeType())  # built in, or declared by a form
    severity: Mapped[Severity] = mapped_column(IntEnumType(Severity))
    neighbourhood: Mapped[str] = mapped_column(String(100), default=UNKNOWN_NEIGHBOURHOOD)
    source_key_id: Mapped[str] = mapped_column(String(16))
    signal_date: Mapped[date]
    status: Mapped[str] = mapped_column(String(40), default="nieuw")
    service: Mapped[str] = mapped_column(String(200), default="")
    assigned_to: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    due_on: Mapped[date | None]
    is_open: Mapped[int] = mapped_column(Integer, default=1)
    closed_at: Mapped[datetime | None] = mapped_column(index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    identity_erased_at: Mapped[datetime | None]
    # 1 while the signal carries name or address (kept here so retention previews read one table)
    has_identity: Mapped[int] = mapped_column(Integer, default=0)
    # revision c0004: how the follow-up ended ("hulp_gestart", "wilde_niet", "niet_nodig"); the
    # service the resident agreed to; and, for a referral whose consent was withdrawn, when,
    # and whether the service was told ("" not asked yet, "ja", "nee").
    outcome: Mapped[str | None] = mapped_column(String(40))
    referral_service_id: Mapped[str | None] = mapped_column(String(40))
    withdrawn_at: Mapped[datetime | None]
    service_told: Mapped[str] = mapped_column(String(20), default="", server_default="")


# The queue's exact order (direct first, then severity, then the oldest), so the first page is
# read straight from the index instead of sorting every open follow-up.
Index(
    "ix_cw_followups_queue",
    FollowUp.is_open.desc(),
    FollowUp.severity.desc(),
    FollowUp.signal_date,
    FollowUp.created_at,
    FollowUp.signal_id,
)


class FollowUpEvent(CoordinatorBase):
    """Who changed what on a follow-up, and when. Notes are erased with the identity."""

    __tablename__ = "cw_followup_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    signal_id: Mapped[str] = mapped_column(String(36), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    by: Mapped[str] = mapped_column(String(200))
    field: Mapped[str] = mapped_column(String(40))
    old_value: Mapped[str] = mapped_column(Text, default="")
    new_value: Mapped[str] = mapped_column(Text, default="")


class AreaResident(CoordinatorBase):
    """One resident in the age band from the municipality's address list."""

    __tablename__ = "cw_area_residents"
    __table_args__ = (
        Index("ix_cw_area_residents_hood", "neighbourhood", "assigned_key_id"),
        Index("ix_cw_area_residents_match", "postcode", "house_number"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # Same person, same list: importing the list again updates instead of doubling.
    match_key: Mapped[str] = mapped_column(String(300), unique=True)
    name: Mapped[str]
    street: Mapped[str]
    house_number: Mapped[str] = mapped_column(String(20))
    postcode: Mapped[str] = mapped_column(String(10))
    place: Mapped[str]
    birth_date: Mapped[date]
    neighbourhood: Mapped[str] = mapped_column(String(100))
    assigned_key_id: Mapped[str | None] = mapped_column(String(16))
    assigned_at: Mapped[datetime | None]
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)


class SyncedBatch(CoordinatorBase):
    """A batch whose signals the follow-up sync has seen (c0004). A batch committed late by
    another coordinator's import is simply not here yet, so the next sync takes it."""

    __tablename__ = "cw_synced_batches"

    batch_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    synced_at: Mapped[datetime] = mapped_column(default=utcnow)


class CoverageSnapshot(CoordinatorBase):
    """Totals after each import, for the progress timeline (no personal data)."""

    __tablename__ = "cw_coverage_snapshots"

    day: Mapped[date] = mapped_column(primary_key=True)
    in_band: Mapped[int] = mapped_column(Integer)
    invited: Mapped[int] = mapped_column(Integer)
    visited: Mapped[int] = mapped_column(Integer)


class WorkSetting(CoordinatorBase):
    """Coordinator settings kept in the store (so all coordinators of one store share them)."""

    __tablename__ = "cw_settings"

    name: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
