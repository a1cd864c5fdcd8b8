"""The anonymous report for the municipality, per period: what a funder asks, with disclosure
control that holds against the table's own margins and against comparing reports.

Figures (from ``coordinator.figures``, the same source as the dashboard) count residents, never
contact attempts: residents in the age band, invited, reached, said yes, visited, not reached,
declined by reason, and people with at least one signal per theme, per neighbourhood; then
people referred per service and the outcomes of the follow-ups closed in the period.

Disclosure control, in this order (see ``docs/coordinator.md``):

1. **Primary suppression**: every count from 1 to 4 is hidden ("x").
2. **Structural zeros are shown**: a zero points at nobody, and it is never hidden.
3. **Secondary suppression**: every published sum (column totals in the "Totaal" row, and per
   row the decline reasons adding up to "Afgezien totaal") is an equation. Each cell lies in at
   most two of them, so with suitable signs the hidden cells are the edges of a graph on the
   equations (a cell in one equation hangs from an extra "ground" vertex), and a hidden cell
   can be solved exactly when, and only when, its edge is a bridge. While one is, the smallest
   *positive* visible cell of one of its equations is hidden too. Because every hidden cell is
   then at least 1, moving a little along any cycle keeps all of them non-negative: with
   non-negativity added (linear programming) no hidden cell has a unique value either.
4. **Against differencing** successive or overlapping reports: periods are whole calendar
   quarters (a quarter, a calendar year, or since the start up to the last whole quarter), and
   every published count is rounded to a multiple of 5 (totals rounded on their own). Two
   reports that differ by one resident then differ by 0 or 5, never by exactly 1.
   Rates are computed from the published (rounded) counts, so they reveal nothing more.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from huisbezoek.coordinator.figures import (
    DECLINE_REASONS,
    NeighbourhoodCoverage,
    Period,
    coverage,
    totals,
)
from huisbezoek.coordinator.settings import load_settings
from huisbezoek.domain import Theme, theme_label_nl
from huisbezoek.safe_text import spreadsheet_cell

THRESHOLD = 5
ROUNDING = 5
HIDDEN = "x"
TOTAL_ROW = "Totaal"
RATE_LABEL = "Respons (%)"

Cell = tuple[int, int]


def base_columns(age_min: int, age_max: int) -> tuple[tuple[str, str], ...]:
    return (
        ("in_band", f"Bewoners {age_min}-{age_max} jaar"),
        ("invited", "Uitgenodigd"),
        ("reached", "Bereikt"),
        ("accepted", "Wil bezoek"),
        ("visited", "Bezocht"),
        ("not_reached", "Niet bereikt"),
    )


REASON_COLUMNS = tuple((key, f"Afgezien: {label.lower()}") for key, label in DECLINE_REASONS)
DECLINED_TOTAL = ("declined", "Afgezien totaal")


def report_themes(rows: Sequence[NeighbourhoodCoverage] = ()) -> list[str]:
    """The built-in themes, then any other theme (declared by a form) the rows hold, by id."""
    builtin = [theme.value for theme in Theme]
    extra = sorted({str(t) for row in rows for t in row.themes} - set(builtin))
    return builtin + extra


def theme_columns(themes: Sequence[str]) -> tuple[tuple[str, str], ...]:
    return tuple((theme, f"Mensen met signaal {theme_label_nl(theme).lower()}") for theme in themes)


THEME_COLUMNS = theme_columns(report_themes())
SIGNALLED = ("signalled", "Mensen met een signaal")


def _first_reason_column() -> int:
    return 6


def layout_width(n_themes: int = len(Theme)) -> int:
    return 6 + len(REASON_COLUMNS) + 1 + n_themes + 1


@dataclass(frozen=True, slots=True)
class ReportTable:
    """One published table: rows then "Totaal"; ``values`` hold ``None`` where hidden."""

    title: str
    row_heading: str
    columns: tuple[str, ...]
    rows: tuple[str, ...]
    values: tuple[tuple[int | None, ...], ...]
    rates: tuple[int | None, ...] | None = None  # response in whole percent, per row

    def cell_text(self, row: int, column: int) -> str:
        value = self.values[row][column]
        return HIDDEN if value is None else str(value)

    def rate_text(self, row: int) -> str:
        rates = self.rates or ()
        rate = rates[row] if row < len(rates) else None
        return HIDDEN if rate is None else str(rate)


@dataclass(frozen=True, slots=True)
class MunicipalReport:
    made_on: date
    period: Period
    band: str
    tables: tuple[ReportTable, ...]


# -- the tables and their equations ---------------------------------------------------------


def neighbourhood_matrix(
    rows: Sequence[NeighbourhoodCoverage],
) -> tuple[list[str], list[list[int]]]:
    """The main table's true values: a line per neighbourhood, then the totals."""
    names = [row.neighbourhood for row in rows] + [TOTAL_ROW]
    themes = report_themes(rows)
    matrix: list[list[int]] = []
    for row in [*rows, totals(rows)]:
        line = [row.in_band, row.invited, row.reached, row.accepted, row.visited, row.not_reached]
        line += [row.declined_by.get(key, 0) for key, _ in REASON_COLUMNS]
        line.append(row.declined)
        line += [row.themes.get(theme, 0) for theme in themes]  # type: ignore[call-overload]
        line.append(row.signalled)
        matrix.append(line)
    return names, matrix


def neighbourhood_equations(n_rows: int, n_themes: int = len(Theme)) -> list[list[Cell]]:
    """Every sum the main table shows, as cells; the total comes last in each.

    The column totals (last row), and per row the decline reasons adding up to their total.
    People per theme do not add up (one person can have signals on several themes).
    """
    width = layout_width(n_themes)
    total_row = n_rows - 1
    sums = [[(r, c) for r in range(total_row)] + [(total_row, c)] for c in range(width)]
    first = _first_reason_column()
    declined = first + len(REASON_COLUMNS)
    for row in range(n_rows):
        sums.append([(row, c) for c in range(first, declined)] + [(row, declined)])
    return sums


def list_equations(n_rows: int) -> list[list[Cell]]:
    """A one-column table whose last row is the total."""
    return [[(r, 0) for r in range(n_rows)]]


def suppress(
    matrix: list[list[int]], sums: list[list[Cell]], threshold: int = THRESHOLD
) -> set[Cell]:
    """The cells to hide: primary (1 to threshold - 1) plus secondary, until no hidden cell
    follows from the published sums (see the module's docstring). Zeros are never hidden."""
    hidden: set[Cell] = {
        (r, c)
        for r, line in enumerate(matrix)
        for c, value in enumerate(line)
        if 0 < value < threshold
    }
    member: dict[Cell, list[int]] = {}
    for index, cells in enumerate(sums):
        for cell in cells:
            member.setdefault(cell, []).append(index)
    while True:
        bridge = _first_bridge(hidden, member, len(sums))
        if bridge is None:
            return hidden
        pick = _cheapest_visible(bridge, hidden, sums, member, matrix)
        if pick is None:  # no positive cell left to hide: hide every positive cell
            return hidden | {cell for cell in member if matrix[cell[0]][cell[1]] > 0}
        hidden.add(pick)


def _cheapest_visible(
    bridge: Cell,
    hidden: set[Cell],
    sums: list[list[Cell]],
    member: dict[Cell, list[int]],
    matrix: list[list[int]],
) -> Cell | None:
    """The smallest positive visible cell in the bridge's sums (inner cells before totals);
    failing that, in any sum reachable from it through hidden cells."""

    def positive(cell: Cell) -> bool:
        return cell not in hidden and matrix[cell[0]][cell[1]] > 0

    def value(cell: Cell) -> tuple[int, Cell]:
        return (matrix[cell[0]][cell[1]], cell)

    options: list[Cell] = []
    for index in member.get(bridge, []):
        cells = sums[index]
        inner = [cell for cell in cells[:-1] if positive(cell)]
        options += inner or [cell for cell in cells if positive(cell)]
    if options:
        return min(options, key=value)
    seen: set[int] = set()
    queue = list(member.get(bridge, []))
    while queue:
        index = queue.pop()
        if index in seen:
            continue
        seen.add(index)
        for cell in sums[index]:
            if positive(cell):
                options.append(cell)
            elif cell in hidden:
                queue += member.get(cell, [])
    return min(options, key=value) if options else None


def _first_bridge(hidden: set[Cell], member: dict[Cell, list[int]], n_sums: int) -> Cell | None:
    """A hidden cell whose edge is a bridge in the graph of sums, or None (Tarjan, iterative)."""
    ground = n_sums
    edges = sorted(cell for cell in hidden if cell in member)
    ends = [(member[c][0], member[c][1] if len(member[c]) > 1 else ground) for c in edges]
    adjacency: dict[int, list[tuple[int, int]]] = {}
    for eid, (a, b) in enumerate(ends):
        adjacency.setdefault(a, []).append((b, eid))
        adjacency.setdefault(b, []).append((a, eid))
    order: dict[int, int] = {}
    low: dict[int, int] = {}
    counter = 0
    for root in adjacency:
        if root in order:
            continue
        order[root] = low[root] = counter
        counter += 1
        stack: list[tuple[int, int, int]] = [(root, -1, 0)]  # vertex, edge in, next neighbour
        while stack:
            vertex, via, position = stack[-1]
            neighbours = adjacency[vertex]
            if position < len(neighbours):
                stack[-1] = (vertex, via, position + 1)
                other, eid = neighbours[position]
                if eid == via:
                    continue
                if other in order:
                    low[vertex] = min(low[vertex], order[other])
                else:
                    order[other] = low[other] = counter
                    counter += 1
                    stack.append((other, eid, 0))
                continue
            stack.pop()
            if stack:
                parent = stack[-1][0]
                low[parent] = min(low[parent], low[vertex])
                if low[vertex] > order[parent]:
                    return edges[via]
    return None


def round_count(value: int, base: int = ROUNDING) -> int:
    """To the nearest multiple of ``base``, halves up; a visible count (>= 5) stays >= 5."""
    if value <= 0:
        return 0
    return max(base * ((value + base // 2) // base), base)


def publish(
    matrix: list[list[int]], hidden: set[Cell], *, rounding: int = ROUNDING
) -> tuple[tuple[int | None, ...], ...]:
    return tuple(
        tuple(
            None if (r, c) in hidden else (round_count(v, rounding) if rounding > 1 else v)
            for c, v in enumerate(line)
        )
        for r, line in enumerate(matrix)
    )


def _rate(accepted: int | None, reached: int | None) -> int | None:
    if accepted is None or not reached:
        return None
    return min(round(100 * accepted / reached), 100)


def neighbourhood_table(
    rows: Sequence[NeighbourhoodCoverage],
    *,
    age_min: int = 75,
    age_max: int = 80,
    rounding: int = ROUNDING,
) -> ReportTable:
    names, matrix = neighbourhood_matrix(rows)
    themes = report_themes(rows)
    hidden = suppress(matrix, neighbourhood_equations(len(matrix), len(themes)))
    values = publish(matrix, hidden, rounding=rounding)
    headings = tuple(
        label
        for _, label in (
            *base_columns(age_min, age_max),
            *REASON_COLUMNS,
            DECLINED_TOTAL,
            *theme_columns(themes),
            SIGNALLED,
        )
    )
    rates = tuple(_rate(line[3], line[2]) for line in values)
    return ReportTable("Bewoners per wijk", "Wijk", headings, tuple(names), values, rates)


def list_table(
    title: str,
    row_heading: str,
    column: str,
    counts: dict[str, int],
    *,
    rounding: int = ROUNDING,
) -> ReportTable:
    """A one-column table (per service, per outcome) with its total, suppressed the same way."""
    names = sorted(counts)
    matrix = [[counts[name]] for name in names] + [[sum(counts.values())]]
    hidden = suppress(matrix, list_equations(len(matrix)))
    return ReportTable(
        title,
        row_heading,
        (column,),
        (*names, TOTAL_ROW),
        publish(matrix, hidden, rounding=rounding),
    )


# -- from the store -------------------------------------------------------------------------


def municipal_report(
    session: Session,
    period: Period,
    made_on: date,
    *,
    service_name: Callable[[str], str] | None = None,
) -> MunicipalReport:
    """The whole report for one period, every table suppressed and rounded."""
    from huisbezoek.coordinator.followup import outcomes_in_period

    settings = load_settings(session)
    rows = coverage(session, period)
    main = neighbourhood_table(rows, age_min=settings.age_min, age_max=settings.age_max)
    name = service_name or _service_names()
    referrals: dict[str, int] = {}
    for service, count in totals(rows).referrals.items():
        label = name(service)
        referrals[label] = referrals.get(label, 0) + count
    tables = [
        main,
        list_table("Mensen doorverwezen, per dienst", "Dienst", "Mensen", referrals),
        list_table(
            "Opvolging van gedeelde signalen, afgesloten in deze periode",
            "Uitkomst",
            "Signalen",
            outcomes_in_period(session, period),
        ),
    ]
    return MunicipalReport(made_on, period, f"{settings.age_min}-{settings.age_max}", tuple(tables))


def _service_names() -> Callable[[str], str]:
    from huisbezoek.coordinator.sociale_kaart import service_name

    return service_name


def to_csv(report: MunicipalReport) -> bytes:
    """Semicolons and a BOM, so Excel in Dutch opens it in columns with the right letters.
    One block per table, separated by an empty line."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")

    # Every cell through the OWASP rule: a neighbourhood or service named "=HYPERLINK(...)" is
    # shown as text, never run by the spreadsheet.
    def row(cells: list[str]) -> list[object]:
        return [spreadsheet_cell(cell) for cell in cells]

    writer.writerow(row([f"Huisbezoeken {report.band} jaar", report.period.label]))
    for table in report.tables:
        writer.writerow([])
        writer.writerow(row([table.title]))
        extra = [RATE_LABEL] if table.rates is not None else []
        writer.writerow(row([table.row_heading, *table.columns, *extra]))
        for r, name in enumerate(table.rows):
            rate = [table.rate_text(r)] if table.rates is not None else []
            writer.writerow(
                row([name, *(table.cell_text(r, c) for c in range(len(table.columns))), *rate])
            )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
