"""The anonymous report for the municipality: coverage figures per neighbourhood with small
cells suppressed, as a table the PDF and the CSV both print.

Primary suppression hides every count from 1 to 4: a handful of people could be recognised. A
zero stays visible: it points at nobody, and hiding structural zeros (the row for signals
without a known neighbourhood has no residents on the address list) would force the secondary
suppression to hide whole columns for no gain. Secondary suppression then makes sure no hidden
cell can be worked back exactly from the totals: the table has column totals (the "Totaal" row)
and, per row, the signals per theme add up to "Signalen totaal" (see ``suppress``). The
response rate is shown only when both of its counts are. Bounds (a hidden cell lies between 0
and a total) are not protected beyond the threshold itself.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from huisbezoek.coordinator.dashboard import NeighbourhoodCoverage, coverage
from huisbezoek.domain import Theme
from huisbezoek.safe_text import spreadsheet_cell

THRESHOLD = 5
HIDDEN = "x"
TOTAL_ROW = "Totaal"

BASE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("in_band", "Bewoners 75-80"),
    ("invited", "Uitgenodigd"),
    ("declined", "Afgezien"),
    ("not_reached", "Niet bereikt"),
    ("visited", "Bezocht"),
)
SIGNAL_TOTAL = ("signal_total", "Signalen totaal")
RATE_LABEL = "Respons (%)"

Cell = tuple[int, int]


@dataclass(frozen=True, slots=True)
class ReportTable:
    """Rows are neighbourhoods then "Totaal"; ``values`` hold ``None`` where suppressed."""

    made_on: date
    columns: tuple[str, ...]  # Dutch headings of the count columns
    rows: tuple[str, ...]
    values: tuple[tuple[int | None, ...], ...]
    rates: tuple[int | None, ...]  # response rate in whole percent, per row

    def cell_text(self, row: int, column: int) -> str:
        value = self.values[row][column]
        return HIDDEN if value is None else str(value)

    def rate_text(self, row: int) -> str:
        rate = self.rates[row]
        return HIDDEN if rate is None else str(rate)


def theme_columns() -> list[tuple[str, str]]:
    return [(theme.value, f"Signalen {theme.label_nl.lower()}") for theme in Theme]


def _raw_table(rows: Sequence[NeighbourhoodCoverage]) -> tuple[list[str], list[list[int]]]:
    names = [row.neighbourhood for row in rows] + [TOTAL_ROW]
    matrix: list[list[int]] = []
    for row in rows:
        line = [getattr(row, key) for key, _ in BASE_COLUMNS]
        line += [row.signals.get(theme, 0) for theme in Theme]
        line.append(row.signal_total)
        matrix.append(line)
    width = len(BASE_COLUMNS) + len(Theme) + 1
    matrix.append([sum(line[c] for line in matrix) for c in range(width)])
    return names, matrix


def equations(n_rows: int) -> list[list[Cell]]:
    """Every sum the table shows, as cells; the total comes last in each."""
    width = len(BASE_COLUMNS) + len(Theme) + 1
    total_row = n_rows - 1
    sums: list[list[Cell]] = []
    for column in range(width):
        sums.append([(r, column) for r in range(n_rows - 1)] + [(total_row, column)])
    first_theme = len(BASE_COLUMNS)
    theme_cols = range(first_theme, first_theme + len(Theme))
    for row in range(n_rows):
        sums.append([(row, c) for c in theme_cols] + [(row, width - 1)])
    return sums


def suppress(matrix: list[list[int]], threshold: int = THRESHOLD) -> set[Cell]:
    """The cells to hide: primary (1 to threshold - 1) plus secondary, until no hidden cell follows
    from the published sums.

    Every cell lies in one or two of the sums, so the hidden cells are the edges of a graph
    whose vertices are the sums (a cell in one sum hangs from an extra "ground" vertex); with
    suitable signs the sums are that graph's incidence matrix. A hidden cell can then be
    computed exactly when, and only when, its edge is a bridge. While one is, hide the smallest
    visible cell of one of its sums.
    """
    n_rows = len(matrix)
    hidden: set[Cell] = {
        (r, c)
        for r, line in enumerate(matrix)
        for c, value in enumerate(line)
        if 0 < value < threshold
    }
    sums = equations(n_rows)
    member: dict[Cell, list[int]] = {}
    for index, cells in enumerate(sums):
        for cell in cells:
            member.setdefault(cell, []).append(index)
    while True:
        bridge = _first_bridge(hidden, member, len(sums))
        if bridge is None:
            return hidden
        pick = _cheapest_visible(bridge, hidden, sums, member, matrix)
        if pick is None:  # cannot happen: an all-hidden sum has no bridge; stay safe anyway
            return hidden | set(member)
        hidden.add(pick)


def _cheapest_visible(
    bridge: Cell,
    hidden: set[Cell],
    sums: list[list[Cell]],
    member: dict[Cell, list[int]],
    matrix: list[list[int]],
) -> Cell | None:
    options: list[Cell] = []
    for index in member[bridge]:
        cells = sums[index]
        inner = [cell for cell in cells[:-1] if cell not in hidden]
        options += inner or [cell for cell in cells if cell not in hidden]
    if not options:
        return None
    return min(options, key=lambda cell: (matrix[cell[0]][cell[1]], cell))


def _first_bridge(hidden: set[Cell], member: dict[Cell, list[int]], n_sums: int) -> Cell | None:
    """A hidden cell whose edge is a bridge in the graph of sums, or None (Tarjan, iterative)."""
    ground = n_sums
    edges = sorted(hidden)
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


def build_table(rows: Sequence[NeighbourhoodCoverage], made_on: date) -> ReportTable:
    names, matrix = _raw_table(rows)
    hidden = suppress(matrix)
    values = tuple(
        tuple(None if (r, c) in hidden else value for c, value in enumerate(line))
        for r, line in enumerate(matrix)
    )
    invited_col = [key for key, _ in BASE_COLUMNS].index("invited")
    visited_col = [key for key, _ in BASE_COLUMNS].index("visited")
    rates: list[int | None] = []
    for line in values:
        invited, visited = line[invited_col], line[visited_col]
        rates.append(round(100 * visited / invited) if invited and visited is not None else None)
    headings = tuple(label for _, label in (*BASE_COLUMNS, *theme_columns(), SIGNAL_TOTAL))
    return ReportTable(made_on, headings, tuple(names), values, tuple(rates))


def municipality_table(session: Session, made_on: date) -> ReportTable:
    return build_table(coverage(session), made_on)


def to_csv(table: ReportTable) -> bytes:
    """Semicolons and a BOM, so Excel in Dutch opens it in columns with the right letters."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    # Every cell through the OWASP rule: a neighbourhood named "=HYPERLINK(...)" in an address
    # list or a batch is shown as text, never run by the spreadsheet.
    writer.writerow([spreadsheet_cell(h) for h in ("Wijk", *table.columns, RATE_LABEL)])
    for r, name in enumerate(table.rows):
        writer.writerow(
            [spreadsheet_cell(name)]
            + [spreadsheet_cell(table.cell_text(r, c)) for c in range(len(table.columns))]
            + [spreadsheet_cell(table.rate_text(r))]
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
