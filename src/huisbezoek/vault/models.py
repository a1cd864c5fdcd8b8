"""The volunteer's vault schema: typed SQLAlchemy 2 models of everything a volunteer keeps.

Enums from ``huisbezoek.domain`` are stored as their values (Dutch slugs), ``Severity`` as its
number, timestamps as UTC ISO text. The schema itself changes only through the Alembic scripts
in ``vault/migrations/versions``; these classes must match the newest one.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from huisbezoek.domain import (
    ConsentMethod,
    ConsentScope,
    ContactMethod,
    ContactOutcome,
    DeclineReason,
    Severity,
    VisitStatus,
)
from huisbezoek.vault.audit import AuditLogMixin
from huisbezoek.vault.types import (
    NAMING_CONVENTION,
    IntEnumType,
    StrEnumType,
    ThemeType,
    type_annotation_map,
    utcnow,
)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = type_annotation_map()


class Resident(Base):
    __tablename__ = "residents"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    address: Mapped[str] = mapped_column(default="")
    postcode: Mapped[str] = mapped_column(String(10), default="", index=True)
    neighbourhood: Mapped[str] = mapped_column(String(100), default="", index=True)
    birth_date: Mapped[date | None]
    phone: Mapped[str | None] = mapped_column(String(40))
    notes: Mapped[str] = mapped_column(Text, default="")
    # The coordinator's id for an address handed out in an assignment package (revision 0002).
    assignment_ref: Mapped[str | None] = mapped_column(String(64), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    contacts: Mapped[list[ContactAttempt]] = relationship(
        back_populates="resident", cascade="all, delete-orphan", passive_deletes=True
    )
    appointments: Mapped[list[Appointment]] = relationship(
        back_populates="resident", cascade="all, delete-orphan", passive_deletes=True
    )
    visits: Mapped[list[Visit]] = relationship(
        back_populates="resident", cascade="all, delete-orphan", passive_deletes=True
    )


class ContactAttempt(Base):
    __tablename__ = "contact_attempts"

    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(
        ForeignKey("residents.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime]
    method: Mapped[ContactMethod] = mapped_column(StrEnumType(ContactMethod))
    outcome: Mapped[ContactOutcome] = mapped_column(StrEnumType(ContactOutcome))
    decline_reason: Mapped[DeclineReason | None] = mapped_column(StrEnumType(DeclineReason))
    note: Mapped[str] = mapped_column(Text, default="")

    resident: Mapped[Resident] = relationship(back_populates="contacts")


class Appointment(Base):
    __tablename__ = "appointments"

    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(
        ForeignKey("residents.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime]
    location: Mapped[str] = mapped_column(default="")
    note: Mapped[str] = mapped_column(Text, default="")
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)

    resident: Mapped[Resident] = relationship(back_populates="appointments")


class FormDefinition(Base):
    """The exact definition text a visit was filled with, so old visits always render."""

    __tablename__ = "form_definitions"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    form_id: Mapped[str] = mapped_column(String(100))
    version: Mapped[str] = mapped_column(String(40))
    source: Mapped[str] = mapped_column(Text)
    stored_at: Mapped[datetime] = mapped_column(default=utcnow)


class Visit(Base):
    __tablename__ = "visits"

    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(
        ForeignKey("residents.id", ondelete="CASCADE"), index=True
    )
    form_id: Mapped[str] = mapped_column(String(100))
    form_version: Mapped[str] = mapped_column(String(40))
    definition_hash: Mapped[str] = mapped_column(String(64), ForeignKey("form_definitions.sha256"))
    status: Mapped[VisitStatus] = mapped_column(StrEnumType(VisitStatus), default=VisitStatus.DRAFT)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    finalised_at: Mapped[datetime | None]
    reopened_count: Mapped[int] = mapped_column(Integer, default=0)

    resident: Mapped[Resident] = relationship(back_populates="visits")
    answers: Mapped[list[Answer]] = relationship(
        back_populates="visit", cascade="all, delete-orphan", passive_deletes=True
    )
    signals: Mapped[list[Signal]] = relationship(
        back_populates="visit", cascade="all, delete-orphan", passive_deletes=True
    )


class Answer(Base):
    """One answer, saved on its own the moment it is given (autosave)."""

    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("visit_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"))
    question_id: Mapped[str] = mapped_column(String(100))
    value_json: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime]

    visit: Mapped[Visit] = relationship(back_populates="answers")


def new_signal_uid() -> str:
    return str(uuid.uuid4())


class Signal(Base):
    __tablename__ = "signals"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The signal's public id in exchange batches (revision 0003). Random, never derived from
    # ``id``: SQLite may give a deleted newest row's id to the next insert.
    uid: Mapped[str] = mapped_column(String(36), default=new_signal_uid, unique=True, index=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    # A theme id (built in, or declared by the form); plain text since themes became data.
    theme: Mapped[str] = mapped_column(ThemeType())
    severity: Mapped[Severity] = mapped_column(IntEnumType(Severity))
    # The id of the form rule that raised it; None for a signal the volunteer added by hand.
    source_rule: Mapped[str | None] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    agreed_action: Mapped[str] = mapped_column(Text, default="")
    revision: Mapped[int] = mapped_column(Integer, default=1)
    exported_revision: Mapped[int | None] = mapped_column(Integer)
    # The batch that last carried this signal (revision 0007): retention waits for its receipt.
    exported_batch: Mapped[str | None] = mapped_column(String(36))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    # When the resident said no to sharing this signal (revision 0007); None: shared, or not
    # decided yet. A visit is finalised only when every signal is shared or declined.
    share_declined_at: Mapped[datetime | None]

    visit: Mapped[Visit] = relationship(back_populates="signals")

    @property
    def manual(self) -> bool:
        return self.source_rule is None


class ConsentRecord(Base):
    __tablename__ = "consent_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(
        ForeignKey("residents.id", ondelete="CASCADE"), index=True
    )
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"))
    signal_id: Mapped[int | None] = mapped_column(ForeignKey("signals.id", ondelete="CASCADE"))
    scope: Mapped[ConsentScope] = mapped_column(StrEnumType(ConsentScope))
    given_at: Mapped[datetime]
    method: Mapped[ConsentMethod] = mapped_column(StrEnumType(ConsentMethod))
    withdrawn_at: Mapped[datetime | None]
    referral_service: Mapped[str | None]
    # With a referral (revision 0005): who makes the call, and by when (for the summary).
    referral_caller: Mapped[str | None] = mapped_column(String(20))
    referral_due: Mapped[date | None]
    # The sociale kaart's id of the service a referral names (revision 0008); with it the
    # batch tells the coordinator which service the resident agreed to.
    service_id: Mapped[str | None] = mapped_column(String(40))


class LeafletGiven(Base):
    __tablename__ = "leaflets_given"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    topic: Mapped[str] = mapped_column(String(40))  # a leaflet id
    printed_at: Mapped[datetime] = mapped_column(default=utcnow)


class ExportBatch(Base):
    __tablename__ = "export_batches"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    sequence: Mapped[int] = mapped_column(Integer, unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    file_sha256: Mapped[str] = mapped_column(String(64))
    item_count: Mapped[int] = mapped_column(Integer)
    # When a receipt from the coordinator named this batch as imported (revision 0007).
    received_at: Mapped[datetime | None]


class WithdrawnSignal(Base):
    """A signal the coordinator holds that is gone here (removed from a reopened visit): the
    next export tells the coordinator to erase it (revision 0004). Kept after sending, so a
    repeated export ("alles opnieuw") says it again. Holds no words, only the public id."""

    __tablename__ = "withdrawn_signals"

    uid: Mapped[str] = mapped_column(String(36), primary_key=True)
    revision: Mapped[int] = mapped_column(Integer)
    withdrawn_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_revision: Mapped[int | None] = mapped_column(Integer)


class OutboxItem(Base):
    """A batch waiting to go to the organisation's drop, or sent and waiting for the
    coordinator's receipt (revision 0005). The bytes are the encrypted, signed batch file;
    they are dropped once the coordinator confirms it has the batch."""

    __tablename__ = "outbox"

    batch_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("export_batches.id", ondelete="CASCADE"), primary_key=True
    )
    file_name: Mapped[str] = mapped_column(String(200))
    data: Mapped[bytes | None] = mapped_column(LargeBinary)
    queued_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]
    received_at: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # The error's class name only (for the status line and logs): never personal data.
    last_error: Mapped[str | None] = mapped_column(String(80))


class Erasure(Base):
    """The tombstone of an erased resident (revision 0007): when, why and how much went.

    Holds no personal data at all: no name, no row ids, no signal ids; only counts.
    ``reason`` is ``verzoek`` (the resident asked), ``coordinator`` (an erasure notice) or
    ``bewaartermijn`` (retention)."""

    __tablename__ = "erasures"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    erased_at: Mapped[datetime] = mapped_column(default=utcnow)
    reason: Mapped[str] = mapped_column(String(20))
    counts_json: Mapped[str] = mapped_column(Text)


class ErasedAssignment(Base):
    """The coordinator's address-list number of an erased resident (revision 0007), so a later
    assignment package does not bring them back. ``notify``: the resident asked (or the
    coordinator erased them), so the next export asks the coordinator to drop the entry; the
    row goes once a receipt confirms the batch that said so. Retention keeps the number (no
    name) so the resident is not handed out again in this round."""

    __tablename__ = "erased_assignments"

    ref: Mapped[str] = mapped_column(String(64), primary_key=True)
    erased_at: Mapped[datetime] = mapped_column(default=utcnow)
    notify: Mapped[bool] = mapped_column(Boolean)
    sent_batch: Mapped[str | None] = mapped_column(String(36))


class Setting(Base):
    """Small key/value settings that belong with the data (JSON text values)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AuditLog(AuditLogMixin, Base):
    __tablename__ = "audit_log"
