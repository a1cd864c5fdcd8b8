"""Coverage per neighbourhood for the dashboard: residents, never contact attempts.

The figures come from ``coordinator.figures`` (the volunteers' counts per resident and
quarter, plus the municipality's address list), the same source as the municipal report.
Invited share = invited / residents still in the round (moved and deceased left out), never
above 100%; response = said yes / answered.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from huisbezoek.coordinator.figures import NeighbourhoodCoverage, Period
from huisbezoek.coordinator.figures import coverage as _coverage
from huisbezoek.coordinator.figures import totals as _sum_rows
from huisbezoek.coordinator.settings import load_settings
from huisbezoek.coordinator.store.models import CoverageSnapshot
from huisbezoek.domain import Theme

__all__ = ["NeighbourhoodCoverage", "coverage", "progress", "themes_overall", "totals"]


def coverage(session: Session, period: Period | None = None) -> list[NeighbourhoodCoverage]:
    """One row per neighbourhood, sorted by name."""
    return _coverage(session, period)


def totals(session: Session) -> dict[str, int]:
    """Whole-organisation totals for the timeline snapshot (residents still in the round)."""
    overall = _sum_rows(coverage(session))
    return {
        "in_band": overall.eligible,
        "invited": min(overall.invited, overall.eligible),
        "visited": overall.visited,
    }


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
        TimelinePoint(s.day, min(s.invited / s.in_band, 1.0) if s.in_band else 0.0, target(s.day))
        for s in snapshots
    ]
    now = totals(session)
    share = min(now["invited"] / now["in_band"], 1.0) if now["in_band"] else 0.0
    return Progress(start, deadline, share, target(today), timeline)


def themes_overall(rows: list[NeighbourhoodCoverage]) -> dict[Theme, int]:
    """People with a signal per theme over all neighbourhoods."""
    overall: dict[Theme, int] = defaultdict(int)
    for row in rows:
        for theme, count in row.themes.items():
            overall[theme] += count
    return dict(overall)
