"""Coordinator settings kept in the store itself: retention period, round start, age band."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from huisbezoek.coordinator.store.models import WorkSetting
from huisbezoek.errors import InvalidInputError

DEFAULT_RETENTION_MONTHS = 12
MIN_RETENTION_MONTHS = 1
MAX_RETENTION_MONTHS = 180  # the Wmo file term; nobody needs longer for follow-up
# What the volunteers' laptops keep (sent in the configuration package): short, because the
# laptop holds every raw answer and note, and the follow-up lives here.
DEFAULT_LAPTOP_RETENTION_MONTHS = 6
MAX_LAPTOP_RETENTION_MONTHS = 36


@dataclass(frozen=True, slots=True)
class CoordinatorSettings:
    retention_months: int = DEFAULT_RETENTION_MONTHS
    round_start: date | None = None
    target_years: int = 2
    age_min: int = 75
    age_max: int = 80
    laptop_retention_months: int = DEFAULT_LAPTOP_RETENTION_MONTHS


def load_settings(session: Session) -> CoordinatorSettings:
    values = {row.name: row.value for row in session.scalars(select(WorkSetting))}
    start = values.get("round_start")
    return CoordinatorSettings(
        retention_months=int(values.get("retention_months", DEFAULT_RETENTION_MONTHS)),
        round_start=date.fromisoformat(start) if start else None,
        target_years=int(values.get("target_years", 2)),
        age_min=int(values.get("age_min", 75)),
        age_max=int(values.get("age_max", 80)),
        laptop_retention_months=int(
            values.get("laptop_retention_months", DEFAULT_LAPTOP_RETENTION_MONTHS)
        ),
    )


def _put(session: Session, name: str, value: str) -> None:
    row = session.get(WorkSetting, name)
    if row is None:
        session.add(WorkSetting(name=name, value=value))
    else:
        row.value = value


def set_retention_months(session: Session, months: int) -> None:
    if not MIN_RETENTION_MONTHS <= months <= MAX_RETENTION_MONTHS:
        raise InvalidInputError(
            f"retention {months} out of range",
            message_nl=(
                f"Kies een bewaartermijn van {MIN_RETENTION_MONTHS} tot en met "
                f"{MAX_RETENTION_MONTHS} maanden."
            ),
        )
    _put(session, "retention_months", str(months))


def set_laptop_retention_months(session: Session, months: int) -> None:
    """How long volunteers' laptops keep finished work; takes effect with the next
    configuration package."""
    if not MIN_RETENTION_MONTHS <= months <= MAX_LAPTOP_RETENTION_MONTHS:
        raise InvalidInputError(
            f"laptop retention {months} out of range",
            message_nl=(
                f"Kies voor de laptops een bewaartermijn van {MIN_RETENTION_MONTHS} tot en met "
                f"{MAX_LAPTOP_RETENTION_MONTHS} maanden."
            ),
        )
    _put(session, "laptop_retention_months", str(months))


def set_round_start(session: Session, start: date) -> None:
    _put(session, "round_start", start.isoformat())
