"""The anonymous figures a batch carries: residents per neighbourhood and calendar quarter.

Each resident's stages come from the domain's status rules (``domain.status``), so a resident
with five attempts is invited once, a second visit is not a second "bezocht", and a moved or
deceased resident leaves the round. Only counts leave the laptop: no dates, ids or reasons per
person.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from huisbezoek.domain import UNKNOWN_NEIGHBOURHOOD, ConsentScope, VisitStatus
from huisbezoek.domain.status import ContactEvent, quarter_of, resident_figures
from huisbezoek.exchange.payload import NeighbourhoodCounts, PeriodCounts
from huisbezoek.vault.models import (
    Appointment,
    ConsentRecord,
    ContactAttempt,
    Resident,
    Signal,
    Visit,
)


def _day(moment: datetime) -> date:
    """The day as the volunteer lived it (local time), so New Year's night stays in Q4."""
    return moment.astimezone().date() if moment.tzinfo is not None else moment.date()


def neighbourhood_periods(
    session: Session, now: datetime | None = None
) -> list[NeighbourhoodCounts]:
    """One entry per neighbourhood with residents counted per quarter (schema 2)."""
    now = now or datetime.now(UTC)
    today_start = now.replace(hour=0, minute=0, second=0, microsecond=0)
    hoods = {
        rid: (hood.strip() or UNKNOWN_NEIGHBOURHOOD)[:100]
        for rid, hood in session.execute(select(Resident.id, Resident.neighbourhood))
    }
    contacts: dict[int, list[ContactEvent]] = defaultdict(list)
    for rid, at, outcome, reason in session.execute(
        select(
            ContactAttempt.resident_id,
            ContactAttempt.at,
            ContactAttempt.outcome,
            ContactAttempt.decline_reason,
        )
    ):
        local = at.astimezone() if at.tzinfo is not None else at
        contacts[rid].append(ContactEvent(local, outcome, reason.value if reason else None))
    booked: dict[int, list[date]] = defaultdict(list)
    open_booking: set[int] = set()
    for rid, at in session.execute(
        select(Appointment.resident_id, Appointment.at).where(Appointment.cancelled.is_(False))
    ):
        booked[rid].append(_day(at))
        if _comparable(at, today_start) >= today_start:
            open_booking.add(rid)
    visited: dict[int, list[date]] = defaultdict(list)
    for rid, finalised, started in session.execute(
        select(Visit.resident_id, Visit.finalised_at, Visit.started_at).where(
            Visit.status == VisitStatus.FINAL
        )
    ):
        visited[rid].append(_day(finalised or started))
    # the first finished visit with a signal on each theme, per resident
    theme_first: dict[tuple[int, str], date] = {}
    signal_first: dict[int, date] = {}
    for rid, theme, finalised, started in session.execute(
        select(Visit.resident_id, Signal.theme, Visit.finalised_at, Visit.started_at)
        .join(Signal, Signal.visit_id == Visit.id)
        .where(Visit.status == VisitStatus.FINAL)
    ):
        day = _day(finalised or started)
        key = (rid, theme)
        if key not in theme_first or day < theme_first[key]:
            theme_first[key] = day
        if rid not in signal_first or day < signal_first[rid]:
            signal_first[rid] = day
    referral_first: dict[tuple[int, str], date] = {}
    referrals = session.execute(
        select(ConsentRecord.resident_id, ConsentRecord.service_id, ConsentRecord.given_at).where(
            ConsentRecord.scope == ConsentScope.REFERRAL, ConsentRecord.withdrawn_at.is_(None)
        )
    )
    for rid, service, given in referrals:
        if not service:
            continue
        day = _day(given)
        known = referral_first.get((rid, service))
        if known is None or day < known:
            referral_first[(rid, service)] = day

    table: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)

    def cell(rid: int, day: date) -> dict[str, Any]:
        periods = table[hoods[rid]]
        quarter = quarter_of(day)
        found = periods.get(quarter)
        if found is None:
            found = periods[quarter] = {
                "invited": 0, "reached": 0, "accepted": 0, "visited": 0, "not_reached": 0,
                "signalled": 0, "gone": 0, "declined": defaultdict(int), "themes": defaultdict(int),
                "referrals": defaultdict(int),
            }  # fmt: skip
        return found

    gone_ids: set[int] = set()
    for rid in hoods:
        figures = resident_figures(
            contacts.get(rid, ()),
            final_visits=visited.get(rid, ()),
            appointments=booked.get(rid, ()),
            has_open_appointment=rid in open_booking,
        )
        if figures.gone is not None:
            cell(rid, figures.gone)["gone"] += 1
            gone_ids.add(rid)
            continue
        for stage in ("invited", "reached", "accepted", "visited", "not_reached"):
            day = getattr(figures, stage)
            if day is not None:
                cell(rid, day)[stage] += 1
        if figures.declined is not None:
            cell(rid, figures.declined)["declined"][figures.decline_reason] += 1
    for rid, day in signal_first.items():
        if rid not in gone_ids:
            cell(rid, day)["signalled"] += 1
    for (rid, theme), day in theme_first.items():
        if rid not in gone_ids:
            cell(rid, day)["themes"][theme] += 1
    for (rid, service), day in referral_first.items():
        if rid not in gone_ids:
            cell(rid, day)["referrals"][service] += 1
    return [
        NeighbourhoodCounts(
            neighbourhood=hood,
            periods={
                quarter: PeriodCounts(
                    invited=v["invited"],
                    reached=v["reached"],
                    accepted=v["accepted"],
                    visited=v["visited"],
                    not_reached=v["not_reached"],
                    signalled=v["signalled"],
                    gone=v["gone"],
                    declined=dict(v["declined"]),
                    themes={getattr(t, "value", str(t)): n for t, n in v["themes"].items()},
                    referrals=dict(v["referrals"]),
                )
                for quarter, v in sorted(periods.items())
            },
        )
        for hood, periods in sorted(table.items())
    ]


def _comparable(moment: datetime, reference: datetime) -> datetime:
    if moment.tzinfo is None and reference.tzinfo is not None:
        return moment.replace(tzinfo=reference.tzinfo)
    if moment.tzinfo is not None and reference.tzinfo is None:
        return moment.replace(tzinfo=None)
    return moment
