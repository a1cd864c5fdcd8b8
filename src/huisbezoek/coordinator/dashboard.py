"""Coverage per neighbourhood for the dashboard: a few GROUP BY queries, no rows in Python.

Sources: the municipality's address list (residents in the age band), the volunteers' latest
anonymous counts per neighbourhood (contact outcomes, visits, unshared signals per theme) and
the follow-ups (shared signals per theme). "Invited" is every resident with any recorded
contact outcome; the response rate is visits per invited resident.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huisbezoek.coordinator.settings import load_settings
from huisbezoek.coordinator.store.models import (
    AreaResident,
    CoverageSnapshot,
    FollowUp,
    NeighbourhoodCount,
)
from huisbezoek.domain import ContactOutcome, Theme

OUTCOME_PREFIX = "outcome:"
UNSHARED_PREFIX = "unshared:"


@dataclass(slots=True)
class NeighbourhoodCoverage:
    neighbourhood: str
    in_band: int = 0
    invited: int = 0
    declined: int = 0
    not_reached: int = 0
    visited: int = 0
    signals: dict[Theme, int] = field(default_factory=dict)

    @property
    def response_rate(self) -> float | None:
        return self.visited / self.invited if self.invited else None

    @property
    def invited_share(self) -> float | None:
        return self.invited / self.in_band if self.in_band else None

    @property
    def signal_total(self) -> int:
        return sum(self.signals.values())


def coverage(session: Session) -> list[NeighbourhoodCoverage]:
    """One row per neighbourhood, sorted by name."""
    rows: dict[str, NeighbourhoodCoverage] = {}

    def row(name: str) -> NeighbourhoodCoverage:
        found = rows.get(name)
        if found is None:
            found = rows[name] = NeighbourhoodCoverage(name)
        return found

    for hood, count in session.execute(
        select(AreaResident.neighbourhood, func.count()).group_by(AreaResident.neighbourhood)
    ):
        row(hood).in_band = count
    for hood, metric, total in session.execute(
        select(
            NeighbourhoodCount.neighbourhood,
            NeighbourhoodCount.metric,
            func.sum(NeighbourhoodCount.value),
        ).group_by(NeighbourhoodCount.neighbourhood, NeighbourhoodCount.metric)
    ):
        target = row(hood)
        value = int(total or 0)
        if metric == "visits":
            target.visited += value
        elif metric.startswith(OUTCOME_PREFIX):
            target.invited += value
            outcome = metric.removeprefix(OUTCOME_PREFIX)
            if outcome == ContactOutcome.DECLINED.value:
                target.declined += value
            elif outcome == ContactOutcome.NO_ANSWER.value:
                target.not_reached += value
        elif metric.startswith(UNSHARED_PREFIX):
            theme = _theme(metric.removeprefix(UNSHARED_PREFIX))
            if theme is not None:
                target.signals[theme] = target.signals.get(theme, 0) + value
    for hood, theme, count in signals_per_theme(session):
        target = row(hood)
        target.signals[theme] = target.signals.get(theme, 0) + count
    return [rows[name] for name in sorted(rows)]


def _theme(slug: str) -> Theme | None:
    try:
        return Theme(slug)
    except ValueError:
        return None


def signals_per_theme(session: Session) -> list[tuple[str, Theme, int]]:
    """Shared signals per neighbourhood and theme (all, open and closed)."""
    result = session.execute(
        select(FollowUp.neighbourhood, FollowUp.theme, func.count()).group_by(
            FollowUp.neighbourhood, FollowUp.theme
        )
    )
    return [(hood, theme, int(count)) for hood, theme, count in result]


def totals(session: Session) -> dict[str, int]:
    """Whole-organisation totals for the timeline snapshot."""
    in_band = session.scalar(select(func.count()).select_from(AreaResident)) or 0
    invited = (
        session.scalar(
            select(func.coalesce(func.sum(NeighbourhoodCount.value), 0)).where(
                NeighbourhoodCount.metric.like(f"{OUTCOME_PREFIX}%")
            )
        )
        or 0
    )
    visited = (
        session.scalar(
            select(func.coalesce(func.sum(NeighbourhoodCount.value), 0)).where(
                NeighbourhoodCount.metric == "visits"
            )
        )
        or 0
    )
    return {"in_band": int(in_band), "invited": int(invited), "visited": int(visited)}


@dataclass(frozen=True, slots=True)
class TimelinePoint:
    day: date
    invited_share: float  # invited / residents in the age band
    target_share: float  # where the round should be on that day to finish in time


@dataclass(frozen=True, slots=True)
class Progress:
    start: date
    deadline: date
    invited_share: float
    target_share: float
    timeline: list[TimelinePoint]

    @property
    def on_track(self) -> bool:
        return self.invited_share >= self.target_share


def progress(session: Session, today: date) -> Progress:
    """Share of the age band invited so far against a straight line to the two-year target."""
    settings = load_settings(session)
    snapshots = list(session.scalars(select(CoverageSnapshot).order_by(CoverageSnapshot.day)))
    start = settings.round_start or (snapshots[0].day if snapshots else today)
    deadline = start + timedelta(days=round(365.25 * settings.target_years))
    span = max((deadline - start).days, 1)

    def target(day: date) -> float:
        return min(max((day - start).days / span, 0.0), 1.0)

    timeline = [
        TimelinePoint(s.day, s.invited / s.in_band if s.in_band else 0.0, target(s.day))
        for s in snapshots
    ]
    now = totals(session)
    share = now["invited"] / now["in_band"] if now["in_band"] else 0.0
    return Progress(start, deadline, share, target(today), timeline)


def themes_overall(rows: list[NeighbourhoodCoverage]) -> dict[Theme, int]:
    overall: dict[Theme, int] = defaultdict(int)
    for row in rows:
        for theme, count in row.signals.items():
            overall[theme] += count
    return dict(overall)
