"""Coordinator settings kept in the store itself (so every coordinator of one store shares
them): the organisation's name and phone number as letters print them, the round's start and
length, the age band, and the retention period. Each setter checks its value and says in Dutch
what is wrong."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from huisbezoek.coordinator.store.models import Organisation, WorkSetting
from huisbezoek.errors import InvalidInputError

DEFAULT_RETENTION_MONTHS = 12
MIN_RETENTION_MONTHS = 1
MAX_RETENTION_MONTHS = 180  # the Wmo file term; nobody needs longer for follow-up
# What the volunteers' laptops keep (sent in the configuration package): short, because the
# laptop holds every raw answer and note, and the follow-up lives here.
DEFAULT_LAPTOP_RETENTION_MONTHS = 6
MAX_LAPTOP_RETENTION_MONTHS = 36


MIN_AGE, MAX_AGE = 50, 110
MAX_ROUND_YEARS = 10


@dataclass(frozen=True, slots=True)
class CoordinatorSettings:
    retention_months: int = DEFAULT_RETENTION_MONTHS
    round_start: date | None = None
    target_years: int = 2
    age_min: int = 75
    age_max: int = 80
    organisation_name: str = ""
    phone: str = ""
    laptop_retention_months: int = DEFAULT_LAPTOP_RETENTION_MONTHS


def load_settings(session: Session) -> CoordinatorSettings:
    values = {row.name: row.value for row in session.scalars(select(WorkSetting))}
    start = values.get("round_start")
    organisation = session.get(Organisation, 1)
    return CoordinatorSettings(
        retention_months=int(values.get("retention_months", DEFAULT_RETENTION_MONTHS)),
        round_start=date.fromisoformat(start) if start else None,
        target_years=int(values.get("target_years", 2)),
        age_min=int(values.get("age_min", 75)),
        age_max=int(values.get("age_max", 80)),
        # The name on letters and reports; the registered name stays in the organisation's
        # configuration file, whose fingerprint the volunteers checked by phone.
        organisation_name=values.get("organisation_name")
        or (organisation.name if organisation else ""),
        phone=values.get("organisation_phone", ""),
        laptop_retention_months=int(
            values.get("laptop_retention_months", DEFAULT_LAPTOP_RETENTION_MONTHS)
        ),
    )


def save_settings(
    session: Session,
    *,
    organisation_name: str | None = None,
    phone: str | None = None,
    round_start: date | None = None,
    round_years: int | None = None,
    age_min: int | None = None,
    age_max: int | None = None,
    retention_months: int | None = None,
) -> CoordinatorSettings:
    """Change what is given (None: leave as it is); everything is checked before anything is
    written, so a wrong value changes nothing."""
    now = load_settings(session)
    low = now.age_min if age_min is None else age_min
    high = now.age_max if age_max is None else age_max
    if not (MIN_AGE <= low <= high <= MAX_AGE):
        raise InvalidInputError(
            f"age band {low}-{high}",
            message_nl=(
                f"Kies een leeftijdsgroep tussen {MIN_AGE} en {MAX_AGE} jaar, de jongste leeftijd "
                "eerst (bijvoorbeeld 75 tot en met 80)."
            ),
        )
    if round_years is not None and not 1 <= round_years <= MAX_ROUND_YEARS:
        raise InvalidInputError(
            f"round length {round_years}",
            message_nl=f"Een ronde duurt 1 tot en met {MAX_ROUND_YEARS} jaar.",
        )
    name = organisation_name.strip() if organisation_name is not None else None
    if name is not None and not 2 <= len(name) <= 200:
        raise InvalidInputError(
            "organisation name", message_nl="Vul de naam van de organisatie in (2 tot 200 tekens)."
        )
    number = phone.strip() if phone is not None else None
    if number is not None and (len(number) > 40 or any(c.isalpha() for c in number)):
        raise InvalidInputError(
            "phone number", message_nl="Een telefoonnummer heeft cijfers, spaties of streepjes."
        )
    if retention_months is not None:
        set_retention_months(session, retention_months)
    if round_start is not None:
        set_round_start(session, round_start)
    if round_years is not None:
        _put(session, "target_years", str(round_years))
    if age_min is not None or age_max is not None:
        _put(session, "age_min", str(low))
        _put(session, "age_max", str(high))
    if number is not None:
        _put(session, "organisation_phone", number)
    if name is not None:
        _put(session, "organisation_name", name)
    session.flush()
    return load_settings(session)


def _put(session: Session, name: str, value: str) -> None:
    row = session.get(WorkSetting, name)
    if row is None:
        session.add(WorkSetting(name=name, value=value))
    else:
        row.value = value


def set_retention_months(session: Session, months: int) -> None:
    check_retention_months(months)
    _put(session, "retention_months", str(months))


def check_retention_months(months: int) -> None:
    if not MIN_RETENTION_MONTHS <= months <= MAX_RETENTION_MONTHS:
        raise InvalidInputError(
            f"retention {months} out of range",
            message_nl=(
                f"Kies een bewaartermijn van {MIN_RETENTION_MONTHS} tot en met "
                f"{MAX_RETENTION_MONTHS} maanden."
            ),
        )


def set_laptop_retention_months(session: Session, months: int) -> None:
    """How long volunteers' laptops keep finished work; takes effect with the next
    configuration package."""
    check_laptop_retention_months(months)
    _put(session, "laptop_retention_months", str(months))


def check_laptop_retention_months(months: int) -> None:
    if not MIN_RETENTION_MONTHS <= months <= MAX_LAPTOP_RETENTION_MONTHS:
        raise InvalidInputError(
            f"laptop retention {months} out of range",
            message_nl=(
                f"Kies voor de laptops een bewaartermijn van {MIN_RETENTION_MONTHS} tot en met "
                f"{MAX_LAPTOP_RETENTION_MONTHS} maanden."
            ),
        )


def set_round_start(session: Session, start: date) -> None:
    _put(session, "round_start", start.isoformat())
