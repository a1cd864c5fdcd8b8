"""Derive a resident's place in the round from the contact history."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from huisbezoek.domain import ContactOutcome, ResidentStatus


@dataclass(frozen=True, slots=True)
class ContactEvent:
    when: datetime
    outcome: ContactOutcome
    reason: str | None = None  # the coded decline reason (``DeclineReason`` value), if any


# How many unanswered attempts before we call a resident "niet bereikt".
NOT_REACHED_AFTER = 3


def resident_status(
    contacts: Iterable[ContactEvent],
    *,
    has_final_visit: bool,
    has_open_appointment: bool,
) -> ResidentStatus:
    """The status a volunteer sees in the list; the newest decisive contact wins."""
    if has_final_visit:
        return ResidentStatus.VISITED
    history = sorted(contacts, key=lambda c: c.when)
    if any(c.outcome in (ContactOutcome.MOVED, ContactOutcome.DECEASED) for c in history):
        return ResidentStatus.GONE
    if has_open_appointment:
        return ResidentStatus.APPOINTMENT
    if not history:
        return ResidentStatus.TO_INVITE
    last = history[-1].outcome
    if last is ContactOutcome.DECLINED:
        return ResidentStatus.DECLINED
    misses = 0
    for event in reversed(history):
        if event.outcome is not ContactOutcome.NO_ANSWER:
            break
        misses += 1
    if misses >= NOT_REACHED_AFTER:
        return ResidentStatus.NOT_REACHED
    return ResidentStatus.INVITED


# -- figures per resident (what the coordinator's dashboard and report count) ----------------

# The outcomes that show the resident answered: a "no" is an answer too.
_ANSWERED = frozenset(
    {ContactOutcome.INTERESTED, ContactOutcome.DECLINED, ContactOutcome.CALL_BACK}
)
# A decline without a coded reason is counted under this key.
REASON_NOT_GIVEN = "niet_gegeven"


@dataclass(frozen=True, slots=True)
class ResidentFigures:
    """When one resident first reached each stage of the round, from the status rules.

    A resident counts once per stage, however many attempts or visits: ``invited`` is the
    first contact (or visit), ``reached`` the first answer, ``accepted`` the first "yes"
    (interest, appointment or visit), ``visited`` the first finished visit. ``declined`` and
    ``not_reached`` are set only when that is the resident's status now, on the day of the
    contact that decided it. A moved or deceased resident has only ``gone``: they leave the
    round and every denominator.
    """

    status: ResidentStatus
    invited: date | None = None
    reached: date | None = None
    accepted: date | None = None
    visited: date | None = None
    declined: date | None = None
    decline_reason: str | None = None
    not_reached: date | None = None
    gone: date | None = None


def resident_figures(
    contacts: Iterable[ContactEvent],
    *,
    final_visits: Iterable[date] = (),
    appointments: Iterable[date] = (),
    has_open_appointment: bool = False,
) -> ResidentFigures:
    """The stages of one resident (see :class:`ResidentFigures`); the status is
    :func:`resident_status`'s, so the volunteer's list and the coordinator's figures agree."""
    history = sorted(contacts, key=lambda c: c.when)
    visits = sorted(final_visits)
    booked = sorted(appointments)
    status = resident_status(
        history, has_final_visit=bool(visits), has_open_appointment=has_open_appointment
    )
    if status is ResidentStatus.GONE:
        gone = next(
            c for c in history if c.outcome in (ContactOutcome.MOVED, ContactOutcome.DECEASED)
        )
        return ResidentFigures(status, gone=gone.when.date())

    def first(*days: date | None) -> date | None:
        found = [d for d in days if d is not None]
        return min(found) if found else None

    first_contact = history[0].when.date() if history else None
    answered = next((c.when.date() for c in history if c.outcome in _ANSWERED), None)
    interested = next(
        (c.when.date() for c in history if c.outcome is ContactOutcome.INTERESTED), None
    )
    first_visit = visits[0] if visits else None
    first_booking = booked[0] if booked else None
    declined = reason = not_reached = None
    if status is ResidentStatus.DECLINED:
        last = history[-1]
        declined = last.when.date()
        reason = last.reason or REASON_NOT_GIVEN
    elif status is ResidentStatus.NOT_REACHED:
        not_reached = history[-1].when.date()
    return ResidentFigures(
        status,
        invited=first(first_contact, first_booking, first_visit),
        reached=first(answered, first_booking, first_visit),
        accepted=first(interested, first_booking, first_visit),
        visited=first_visit,
        declined=declined,
        decline_reason=reason,
        not_reached=not_reached,
    )


def quarter_of(day: date) -> str:
    """The calendar quarter a day falls in, as the batch and the report name it: ``2026Q4``."""
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"
