"""Derive a resident's place in the round from the contact history."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from huisbezoek.domain import ContactOutcome, ResidentStatus


@dataclass(frozen=True, slots=True)
class ContactEvent:
    when: datetime
    outcome: ContactOutcome


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
