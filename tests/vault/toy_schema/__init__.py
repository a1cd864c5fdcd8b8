"""A tiny second vault kind, to show the engine takes any schema (as the coordinator's does)."""

from __future__ import annotations

from sqlalchemy import MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from huisbezoek.vault.audit import AuditLogMixin


class ToyBase(DeclarativeBase):
    metadata = MetaData()


class Thing(ToyBase):
    __tablename__ = "things"

    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(100))


class ToyAudit(AuditLogMixin, ToyBase):
    __tablename__ = "toy_audit"
