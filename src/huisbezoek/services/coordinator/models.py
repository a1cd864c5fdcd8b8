"""The coordinator's own working tables: follow-up, its history, the address list, settings.

They live beside the exchange area's coordinator schema (imported signals, volunteers, ledger)
in the same store, under their own metadata. In a coordinator vault they are made by the
Alembic revision ``c0002`` of the coordinator schema (a change here needs a new revision there);
a PostgreSQL store gets them from these models. They refer to imported signals by id without a
foreign key, so either side can change its tables without the other.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import Index, Integer, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from huisbezoek.domain import Severity, Theme
from huisbezoek.vault.types import (
    NAMING_CONVENTION,
    IntEnumType,
    ThemeType,
    type_annotation_map,
    utcnow,
)

UNKNOWN_NEIGHBOURHOOD = "Wijk onbekend"


class WorkBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = type_annotation_map()


class FollowUp(WorkBase):
    """The coordinator's work on one shared signal (one row per imported signal).

    Theme, severity and neighbourhood are copied here so the queue and the dashboard read one
    table, and so the anonymous counts survive when retention erases the signal's identity.
    """

    __tablename__ = "cw_followups"
    __table_args__ = (
        Index("ix_cw_followups_hood_theme", "neighbourhood", "theme"),
        Index("ix_cw_followups_retention", "is_open", "identity_erased_at", "closed_at"),
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


class FollowUpEvent(WorkBase):
    """Who changed what on a follow-up, and when. Notes are erased with the identity."""

    __tablename__ = "cw_followup_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    signal_id: Mapped[str] = mapped_column(String(36), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    by: Mapped[str] = mapped_column(String(200))
    field: Mapped[str] = mapped_column(String(40))
    old_value: Mapped[str] = mapped_column(Text, default="")
    new_value: Mapped[str] = mapped_column(Text, default="")


class AreaResident(WorkBase):
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


class CoverageSnapshot(WorkBase):
    """Totals after each import, for the progress timeline (no personal data)."""

    __tablename__ = "cw_coverage_snapshots"

    day: Mapped[date] = mapped_column(primary_key=True)
    in_band: Mapped[int] = mapped_column(Integer)
    invited: Mapped[int] = mapped_column(Integer)
    visited: Mapped[int] = mapped_column(Integer)


class WorkSetting(WorkBase):
    """Coordinator settings kept in the store (so all coordinators of one store share them)."""

    __tablename__ = "cw_settings"

    name: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
