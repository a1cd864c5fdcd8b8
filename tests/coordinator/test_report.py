"""Small-cell suppression: primary under 5, and no hidden cell recomputable from the totals."""

from __future__ import annotations

import random
from datetime import date
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from huisbezoek.coordinator import documents
from huisbezoek.coordinator import followup as fu
from huisbezoek.coordinator.addresses import import_address_list
from huisbezoek.coordinator.dashboard import NeighbourhoodCoverage
from huisbezoek.coordinator.report import (
    HIDDEN,
    build_table,
    equations,
    suppress,
    to_csv,
)
from huisbezoek.coordinator.store.backend import CoordinatorStore
from huisbezoek.domain import Theme

from .helpers import add_batch, add_counts, add_volunteer, address_csv, resident_row
from .pdftext import text_of

WIDTH = 5 + len(Theme) + 1


def _rank(rows: list[list[Fraction]]) -> int:
    matrix = [row[:] for row in rows]
    rank, cols = 0, len(matrix[0]) if matrix else 0
    for col in range(cols):
        pivot = next((r for r in range(rank, len(matrix)) if matrix[r][col] != 0), None)
        if pivot is None:
            continue
        matrix[rank], matrix[pivot] = matrix[pivot], matrix[rank]
        for r in range(len(matrix)):
            if r != rank and matrix[r][col] != 0:
                factor = matrix[r][col] / matrix[rank][col]
                matrix[r] = [a - factor * b for a, b in zip(matrix[r], matrix[rank], strict=True)]
        rank += 1
    return rank


def determined_cells(n_rows: int, hidden: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """Hidden cells an attacker can solve exactly from the published sums (linear algebra)."""
    unknowns = sorted(hidden)
    index = {cell: i for i, cell in enumerate(unknowns)}
    system = []
    for cells in equations(n_rows):
        row = [Fraction(0)] * len(unknowns)
        for cell in cells:
            if cell in index:
                # the total enters with the opposite sign; the sign does not change solvability
                row[index[cell]] = Fraction(-1 if cell == cells[-1] else 1)
        if any(row):
            system.append(row)
    if not system:
        return set()
    base = _rank(system)
    found = set()
    for cell, i in index.items():
        unit = [Fraction(0)] * len(unknowns)
        unit[i] = Fraction(1)
        if _rank([*system, unit]) == base:
            found.add(cell)
    return found


def hood(name: str, **values: int) -> NeighbourhoodCoverage:
    signals = {Theme.VALLEN: values.pop("vallen", 0), Theme.EENZAAMHEID: values.pop("eenz", 0)}
    return NeighbourhoodCoverage(name, signals={k: v for k, v in signals.items() if v}, **values)


def test_small_cells_hidden_and_not_recomputable_from_totals() -> None:
    rows = [
        hood("Noord", in_band=120, invited=60, declined=40, not_reached=10, visited=3, vallen=2),
        hood("Oost", in_band=200, invited=90, declined=50, not_reached=20, visited=20, vallen=9),
        hood("Zuid", in_band=150, invited=70, declined=45, not_reached=15, visited=10, eenz=7),
    ]
    table = build_table(rows, date(2026, 11, 23))
    visited = table.columns.index("Bezocht")
    assert table.values[0][visited] is None  # 3: primary
    # Noord's 3 would follow from Totaal (33) minus Oost and Zuid: one more is hidden.
    assert sum(table.values[r][visited] is None for r in range(3)) >= 2
    # The response rate of Noord would give its visits away too.
    assert table.rates[0] is None
    assert table.rates[1] == round(100 * 20 / 90)
    hidden = {(r, c) for r in range(4) for c in range(WIDTH) if table.values[r][c] is None}
    assert determined_cells(4, hidden) == set()
    # the checker itself can find a giveaway: one hidden cell alone in its column
    assert determined_cells(4, {(0, visited)}) == {(0, visited)}
    text = to_csv(table).decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0].startswith("Wijk;Bewoners 75-80;Uitgenodigd")
    assert lines[1].split(";")[visited + 1] == HIDDEN
    assert ";3;" not in lines[1]


def test_all_small_table_hides_everything_small() -> None:
    table = build_table([hood("Noord", in_band=4, invited=2)], date(2026, 11, 23))
    assert table.values[0][0] is None and table.values[1][0] is None
    assert table.rates == (None, None)
    declined = table.columns.index("Afgezien")
    assert table.values[0][declined] == 0  # a zero points at nobody and stays visible


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=2**32), st.integers(min_value=1, max_value=6))
def test_no_hidden_cell_is_ever_recomputable(seed: int, n_hoods: int) -> None:
    rng = random.Random(seed)
    matrix: list[list[int]] = []
    for _ in range(n_hoods):
        line = [rng.choice([0, 1, 2, 4, 5, 7, 12, 40, 300]) for _ in range(WIDTH - 1)]
        line.append(sum(line[5 : 5 + len(Theme)]))
        matrix.append(line)
    matrix.append([sum(line[c] for line in matrix) for c in range(WIDTH)])
    hidden = suppress(matrix)
    small = {(r, c) for r, line in enumerate(matrix) for c, v in enumerate(line) if 0 < v < 5}
    assert small <= hidden
    assert determined_cells(len(matrix), hidden) == set()


def test_municipality_pdf_and_csv_from_a_store(store: CoordinatorStore) -> None:
    rows = [resident_row(n, "Noord") for n in range(1, 31)]
    rows += [resident_row(n, "Zuid", "5678 CD") for n in range(31, 34)]
    with store.session() as session:
        import_address_list(session, address_csv(rows), today=date(2026, 11, 23))
        add_volunteer(session)
        batch = add_batch(session)
        add_counts(session, batch, "Noord", {"visits": 12, "outcome:wil_bezoek": 12,
                                             "outcome:afgezien": 9})  # fmt: skip
        add_counts(session, batch, "Zuid", {"visits": 2, "outcome:wil_bezoek": 2})
        fu.sync_followups(session, today=date(2026, 11, 23))
    with store.session() as session:
        pdf = documents.municipality_report_pdf(session, date(2026, 11, 23))
        csv_text = documents.municipality_report_csv(session, date(2026, 11, 23)).decode(
            "utf-8-sig"
        )
    lines = [line.split(";") for line in csv_text.splitlines()]
    header, noord, zuid, total = lines
    col = header.index("Bezocht")
    assert (noord[0], zuid[0], total[0]) == ("Noord", "Zuid", "Totaal")
    # Zuid's 2 visits hidden, and Noord's 12 too, or 14 - 12 would give Zuid away.
    assert zuid[col] == HIDDEN and noord[col] == HIDDEN and total[col] == "14"
    assert zuid[header.index("Bewoners 75-80")] == HIDDEN
    text = " ".join(text_of(pdf).split())
    assert "Bezocht: 14" in text and "Bezocht: 12" not in text and "Bezocht: 2" not in text
    assert "Aantallen onder de 5" in text
