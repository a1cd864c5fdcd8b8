"""Residents per neighbourhood and period: the one source of the dashboard's and the report's
figures.

The volunteers' batches (schema 2) count residents, never contact attempts, per calendar
quarter in which each resident first reached a stage (``domain.status.resident_figures``);
they are stored as ``neighbourhood_counts`` rows named ``p:<quarter>:<stage>``. A period is a
run of whole quarters, so a report over a year is the sum of its quarters and counts each
resident once per stage. Snapshots from schema 1 batches (attempts per outcome) are left out:
the volunteer's next batch replaces them.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Connection, delete, distinct, func, insert, select
from sqlalchemy.orm import Session

from huisbezoek.coordinator.store.models import AreaResident, NeighbourhoodCount, NeighbourhoodTotal
from huisbezoek.domain import Theme, theme_of
from huisbezoek.domain.status import quarter_of
from huisbezoek.errors import InvalidInputError
from huisbezoek.exchange.payload import PeriodCounts

PREFIX = "p:"
SIMPLE_STAGES = (
    "invited", "reached", "accepted", "visited", "not_reached", "signalled", "gone"
)  # fmt: skip
DECLINE_REASONS: tuple[tuple[str, str], ...] = (
    ("geen_behoefte", "Geen behoefte"),
    ("al_hulp", "Heeft al hulp"),
    ("geen_tijd", "Geen tijd"),
    ("wantrouwen", "Wantrouwen"),
    ("gezondheid", "Gezondheid"),
    ("anders", "Andere reden"),
    ("niet_gegeven", "Geen reden gegeven"),
)


def period_metrics(quarter: str, counts: PeriodCounts) -> dict[str, int]:
    """The store rows of one quarter of a batch (zeros left out)."""
    out: dict[str, int] = {}
    base = f"{PREFIX}{quarter}:"
    for stage in SIMPLE_STAGES:
        value = getattr(counts, stage)
        if value:
            out[base + stage] = value
    for reason, value in counts.declined.items():
        if value:
            out[f"{base}declined:{reason}"] = value
    for theme, value in counts.themes.items():
        if value:
            out[f"{base}theme:{theme}"] = value
    for service, value in counts.referrals.items():
        if value:
            out[f"{base}referral:{service}"] = value
    return out


@dataclass(frozen=True, slots=True)
class Period:
    """Whole calendar quarters from ``first`` to ``last`` (``None``: since the start)."""

    label: str
    first: str | None
    last: str

    def contains(self, quarter: str) -> bool:
        return (self.first is None or self.first <= quarter) and quarter <= self.last

    def days(self) -> tuple[date | None, date]:
        """First day (``None``: no start) and the day after the last."""
        return (_quarter_start(self.first) if self.first else None), _quarter_end(self.last)


def _quarter_start(key: str) -> date:
    year, quarter = int(key[:4]), int(key[5])
    return date(year, 3 * quarter - 2, 1)


def _quarter_end(key: str) -> date:
    year, quarter = int(key[:4]), int(key[5])
    return date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)


def quarter_period(year: int, quarter: int) -> Period:
    key = f"{year}Q{quarter}"
    return Period(f"{quarter}e kwartaal {year}", key, key)


def year_period(year: int) -> Period:
    return Period(f"{year}", f"{year}Q1", f"{year}Q4")


def since_start(until: date) -> Period:
    return Period(f"Vanaf het begin tot en met {until:%d-%m-%Y}", None, quarter_of(until))


def parse_period(text: str, today: date) -> Period:
    """``alles`` (since the start), ``2026`` (a calendar year) or ``2026-K3`` (a quarter)."""
    value = text.strip().upper().replace(" ", "")
    if value in ("", "ALLES"):
        return since_start(today)
    if value.isdigit() and len(value) == 4:
        return year_period(int(value))
    for mark in ("-K", "K", "-Q", "Q"):
        year, found, quarter = value.partition(mark)
        if found and year.isdigit() and len(year) == 4 and quarter in ("1", "2", "3", "4"):
            return quarter_period(int(year), int(quarter))
    raise InvalidInputError(
        "unknown period",
        message_nl=(
            "Onbekende periode. Kies 'alles', een jaar (bijvoorbeeld 2026) of een kwartaal "
            "(bijvoorbeeld 2026-K3)."
        ),
    )


def report_periods(today: date) -> list[Period]:
    """The fixed periods a report can cover: since the start, this and last year, and the
    current and four previous quarters."""
    out = [since_start(today), year_period(today.year), year_period(today.year - 1)]
    year, quarter = today.year, (today.month - 1) // 3 + 1
    for _ in range(5):
        out.append(quarter_period(year, quarter))
        year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    return out


def last_complete_quarter(today: date) -> tuple[int, int]:
    quarter = (today.month - 1) // 3 + 1
    return (today.year, quarter - 1) if quarter > 1 else (today.year - 1, 4)


@dataclass(slots=True)
class NeighbourhoodCoverage:
    """Residents of one neighbourhood in a period; every figure counts people."""

    neighbourhood: str
    in_band: int = 0  # on the municipality's address list
    gone: int = 0  # moved or deceased: out of the round and of every denominator
    invited: int = 0
    reached: int = 0
    accepted: int = 0
    visited: int = 0
    not_reached: int = 0
    signalled: int = 0  # people with at least one signal (any theme)
    declined_by: dict[str, int] = field(default_factory=dict)
    themes: dict[Theme, int] = field(default_factory=dict)  # people with a signal per theme
    referrals: dict[str, int] = field(default_factory=dict)  # people per service id

    @property
    def declined(self) -> int:
        return sum(self.declined_by.values())

    @property
    def response_rate(self) -> float | None:
        """Said yes to a visit, of the residents who answered."""
        return min(self.accepted / self.reached, 1.0) if self.reached else None

    @property
    def eligible(self) -> int:
        return max(self.in_band - self.gone, 0)

    @property
    def invited_share(self) -> float | None:
        """Invited, of the residents still in the round; never above 100%."""
        return min(self.invited / self.eligible, 1.0) if self.eligible else None

    def add(self, metric: str, value: int) -> None:
        stage, _, key = metric.partition(":")
        if stage in SIMPLE_STAGES and not key:
            setattr(self, stage, getattr(self, stage) + value)
        elif stage == "declined":
            self.declined_by[key] = self.declined_by.get(key, 0) + value
        elif stage == "theme":
            # any theme id counts: forms may declare themes beyond the built-in ones
            theme = theme_of(key)
            self.themes[theme] = self.themes.get(theme, 0) + value  # type: ignore[index,arg-type]
        elif stage == "referral":
            self.referrals[key] = self.referrals.get(key, 0) + value


def coverage(session: Session, period: Period | None = None) -> list[NeighbourhoodCoverage]:
    """One row per neighbourhood (sorted by name) for ``period`` (default: everything).

    ``gone`` is always counted over the whole round: a resident who moved is out of the
    denominator whenever they moved.
    """
    rows: dict[str, NeighbourhoodCoverage] = {}

    def row(name: str) -> NeighbourhoodCoverage:
        found = rows.get(name)
        if found is None:
            found = rows[name] = NeighbourhoodCoverage(name)
        return found

    for hood, count in session.execute(
        select(AreaResident.neighbourhood, func.count()).group_by(AreaResident.neighbourhood)
    ):
        row(hood).in_band = int(count)
    for hood, metric, total in _period_sums(session):
        quarter, _, rest = metric.removeprefix(PREFIX).partition(":")
        target = row(hood)
        if rest == "gone":
            target.gone += int(total)
        elif period is None or period.contains(quarter):
            target.add(rest, int(total))
    return [rows[name] for name in sorted(rows)]


def _period_sums(session: Session) -> Iterable[tuple[str, str, int]]:
    result = session.execute(
        select(
            NeighbourhoodTotal.neighbourhood, NeighbourhoodTotal.metric, NeighbourhoodTotal.total
        ).where(NeighbourhoodTotal.metric.like(f"{PREFIX}%"))
    )
    return [(hood, metric, int(total or 0)) for hood, metric, total in result]


def refresh_totals(conn: Connection | Session, neighbourhoods: Collection[str]) -> None:
    """Sum the volunteers' counts of ``neighbourhoods`` again into ``neighbourhood_totals``;
    call in the transaction that changed their ``neighbourhood_counts``."""
    names = sorted(set(neighbourhoods))
    for start in range(0, len(names), 500):
        chunk = names[start : start + 500]
        conn.execute(delete(NeighbourhoodTotal).where(NeighbourhoodTotal.neighbourhood.in_(chunk)))
        conn.execute(
            insert(NeighbourhoodTotal).from_select(
                ["neighbourhood", "metric", "total"],
                select(
                    NeighbourhoodCount.neighbourhood,
                    NeighbourhoodCount.metric,
                    func.sum(NeighbourhoodCount.value),
                )
                .where(NeighbourhoodCount.neighbourhood.in_(chunk))
                .group_by(NeighbourhoodCount.neighbourhood, NeighbourhoodCount.metric),
            )
        )


def legacy_volunteers(session: Session) -> int:
    """Volunteers whose newest snapshot is from an old (schema 1) batch: not yet counted."""
    return int(
        session.scalar(
            select(func.count(distinct(NeighbourhoodCount.key_id))).where(
                NeighbourhoodCount.metric.not_like(f"{PREFIX}%")
            )
        )
        or 0
    )


def totals(rows: Iterable[NeighbourhoodCoverage], name: str = "Totaal") -> NeighbourhoodCoverage:
    out = NeighbourhoodCoverage(name)
    for r in rows:
        out.in_band += r.in_band
        out.gone += r.gone
        for stage in ("invited", "reached", "accepted", "visited", "not_reached", "signalled"):
            setattr(out, stage, getattr(out, stage) + getattr(r, stage))
        for key, value in r.declined_by.items():
            out.declined_by[key] = out.declined_by.get(key, 0) + value
        for theme, value in r.themes.items():
            out.themes[theme] = out.themes.get(theme, 0) + value
        for service, value in r.referrals.items():
            out.referrals[service] = out.referrals.get(service, 0) + value
    return out
