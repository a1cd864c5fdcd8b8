"""The municipal report: figures per period, and disclosure control checked the way an attacker
would: each published table solved as linear programs (scipy's HiGHS), for many random tables."""

from __future__ import annotations

import itertools
import random
from datetime import date

import numpy as np
import pytest
from scipy.optimize import linprog

from huisbezoek.coordinator import documents
from huisbezoek.coordinator import followup as fu
from huisbezoek.coordinator.addresses import import_address_list
from huisbezoek.coordinator.figures import (
    NeighbourhoodCoverage,
    parse_period,
    quarter_period,
    since_start,
    year_period,
)
from huisbezoek.coordinator.report import (
    HIDDEN,
    REASON_COLUMNS,
    TOTAL_ROW,
    layout_width,
    list_equations,
    list_table,
    neighbourhood_equations,
    neighbourhood_matrix,
    neighbourhood_table,
    round_count,
    suppress,
    to_csv,
)
from huisbezoek.coordinator.store.backend import CoordinatorStore
from huisbezoek.domain import Theme, theme_of
from huisbezoek.errors import InvalidInputError

from .helpers import add_batch, add_counts, add_volunteer, address_csv, resident_row
from .pdftext import text_of

Cell = tuple[int, int]
FIRST_REASON = 6
DECLINED = FIRST_REASON + len(REASON_COLUMNS)
FIRST_THEME = DECLINED + 1
SIGNALLED = FIRST_THEME + len(Theme)


def lp_ranges(
    matrix: list[list[int]],
    sums: list[list[Cell]],
    hidden: set[Cell],
    inequalities: list[tuple[Cell, Cell]] = (),
) -> dict[Cell, tuple[float, float]]:
    """What an attacker learns: the min and max of each hidden cell subject to the published
    cells, every published sum (margins), non-negativity and ``inequalities`` (a <= b)."""
    unknowns = sorted(hidden)
    index = {cell: i for i, cell in enumerate(unknowns)}
    a_eq, b_eq = [], []
    for cells in sums:
        row = np.zeros(len(unknowns))
        constant = 0.0
        for cell in cells:
            sign = -1.0 if cell == cells[-1] else 1.0
            if cell in index:
                row[index[cell]] += sign
            else:
                constant += sign * matrix[cell[0]][cell[1]]
        if row.any():
            a_eq.append(row)
            b_eq.append(-constant)
        else:
            assert constant == 0  # the published table is consistent
    a_ub, b_ub = [], []
    for low, high in inequalities:
        row = np.zeros(len(unknowns))
        constant = 0.0
        for cell, sign in ((low, 1.0), (high, -1.0)):
            if cell in index:
                row[index[cell]] += sign
            else:
                constant += sign * matrix[cell[0]][cell[1]]
        if row.any():
            a_ub.append(row)
            b_ub.append(-constant)
    out = {}
    for cell, i in index.items():
        bounds = []
        for direction in (1.0, -1.0):
            c = np.zeros(len(unknowns))
            c[i] = direction
            result = linprog(
                c,
                A_ub=np.array(a_ub) if a_ub else None,
                b_ub=np.array(b_ub) if b_ub else None,
                A_eq=np.array(a_eq) if a_eq else None,
                b_eq=np.array(b_eq) if b_eq else None,
                bounds=[(0, None)] * len(unknowns),
                method="highs",
            )
            assert result.status in (0, 3), result.message  # 3: unbounded above
            bounds.append(direction * result.fun if result.status == 0 else float("inf"))
        out[cell] = (bounds[0], bounds[1])
    return out


def derivable(ranges: dict[Cell, tuple[float, float]]) -> set[Cell]:
    """Hidden cells whose feasible range holds a single whole number."""
    eps = 1e-6
    return {
        cell
        for cell, (low, high) in ranges.items()
        if np.floor(high + eps) - np.ceil(low - eps) < 1
    }


def random_row(rng: random.Random, name: str) -> NeighbourhoodCoverage:
    """A consistent neighbourhood: invited >= reached >= accepted >= visited >= signalled >=
    each theme, declined and not reached within the invited. Many small counts and zeros."""
    small = [0, 0, 1, 2, 3, 4, 5, 6, 8, 12, 30]
    signalled = rng.choice(small)
    visited = signalled + rng.choice(small)
    accepted = visited + rng.choice([0, 0, 1, 3])
    declined_by = {key: rng.choice(small) for key, _ in REASON_COLUMNS if rng.random() < 0.6}
    reached = accepted + sum(declined_by.values()) + rng.choice([0, 0, 2])
    not_reached = rng.choice(small)
    invited = reached + not_reached + rng.choice([0, 0, 1, 7])
    in_band = 0 if name == "Wijk onbekend" else invited + rng.choice([0, 3, 40, 300])
    themes = {t: rng.randint(0, signalled) for t in Theme if signalled and rng.random() < 0.5}
    return NeighbourhoodCoverage(
        name, in_band=in_band, invited=invited, reached=reached, accepted=accepted,
        visited=visited, not_reached=not_reached, signalled=signalled,
        declined_by=declined_by, themes={t: v for t, v in themes.items() if v},
    )  # fmt: skip


def domain_inequalities(n_rows: int) -> list[tuple[Cell, Cell]]:
    """What an attacker also knows of a report since the start (a <= b in every row)."""
    pairs = []
    for r in range(n_rows):
        chain = [SIGNALLED, 4, 3, 2, 1]  # signalled <= visited <= accepted <= reached <= invited
        pairs += [((r, a), (r, b)) for a, b in itertools.pairwise(chain)]
        pairs.append(((r, DECLINED), (r, 2)))  # declined <= reached
        pairs.append(((r, 5), (r, 1)))  # not reached <= invited
        pairs += [((r, FIRST_THEME + t), (r, SIGNALLED)) for t in range(len(Theme))]
    return pairs


def test_the_issue_example_cannot_be_recomputed() -> None:
    """Noord 3 with a known column total 15 and two visible 6s was recomputed as 15 - 6 - 6."""
    rows = [
        NeighbourhoodCoverage("Noord", in_band=200, invited=60, themes={Theme.EENZAAMHEID: 3}),
        NeighbourhoodCoverage("Oost", in_band=200, invited=60, themes={Theme.EENZAAMHEID: 6}),
        NeighbourhoodCoverage("Zuid", in_band=200, invited=60, themes={Theme.EENZAAMHEID: 6}),
    ]
    _names, matrix = neighbourhood_matrix(rows)
    sums = neighbourhood_equations(len(matrix))
    hidden = suppress(matrix, sums)
    col = FIRST_THEME + list(Theme).index(Theme.EENZAAMHEID)
    assert (0, col) in hidden
    assert sum((r, col) in hidden for r in range(3)) >= 2
    # zeros are never hidden: they point at nobody and would give the game away
    assert all(matrix[r][c] > 0 for r, c in hidden)
    assert derivable(lp_ranges(matrix, sums, hidden)) == set()
    # and the checker does find the giveaway of primary suppression alone
    primary = {(0, col)}
    assert derivable(lp_ranges(matrix, sums, primary)) == {(0, col)}


def test_a_hidden_zero_would_be_found_by_linear_programming() -> None:
    """Why complements are never zeros: hiding the zeros next to a 3 and a 4 (what the old
    suppression did, picking the smallest cell) lets non-negativity pin every hidden cell."""
    matrix = [[3, 0, 20, 23], [4, 0, 30, 34], [7, 0, 50, 57]]
    sums = [[(r, 0), (r, 1), (r, 2), (r, 3)] for r in range(3)]
    sums += [[(0, c), (1, c), (2, c)] for c in range(4)]
    zeros_hidden = {(0, 0), (0, 1), (1, 0), (1, 1)}
    assert derivable(lp_ranges(matrix, sums, zeros_hidden)) == zeros_hidden
    hidden = suppress(matrix, sums)
    assert {(0, 0), (1, 0)} <= hidden and (0, 1) not in hidden and (1, 1) not in hidden
    assert derivable(lp_ranges(matrix, sums, hidden)) == set()


@pytest.mark.slow
def test_no_hidden_cell_has_a_unique_value_in_200_random_tables() -> None:
    """The published table (exact cells, margins, non-negativity) solved as linear programs:
    a stronger attacker than the real one, who sees the visible cells rounded to 5."""
    rng = random.Random(20261203)
    names = ["Noord", "Oost", "Zuid", "West", "Centrum", "Wijk onbekend"]
    checked = hidden_total = 0
    for _ in range(200):
        rows = [random_row(rng, name) for name in names[: rng.randint(1, 6)]]
        _names, matrix = neighbourhood_matrix(rows)
        sums = neighbourhood_equations(len(matrix))
        hidden = suppress(matrix, sums)
        small = {(r, c) for r, line in enumerate(matrix) for c, v in enumerate(line) if 0 < v < 5}
        assert small <= hidden
        assert all(matrix[r][c] > 0 for r, c in hidden)  # structural zeros shown
        ranges = lp_ranges(matrix, sums, hidden)
        assert derivable(ranges) == set(), (matrix, sorted(hidden))
        checked += 1
        hidden_total += len(hidden)
    assert checked == 200 and hidden_total > 1000


def test_lists_per_service_and_outcome_are_protected_too() -> None:
    rng = random.Random(7)
    for _ in range(200):
        counts = {
            f"dienst-{i}": rng.choice([0, 1, 2, 4, 5, 9, 30]) for i in range(rng.randint(1, 6))
        }
        names = sorted(counts)
        matrix = [[counts[n]] for n in names] + [[sum(counts.values())]]
        sums = list_equations(len(matrix))
        hidden = suppress(matrix, sums)
        assert derivable(lp_ranges(matrix, sums, hidden)) == set()
    table = list_table("Mensen doorverwezen", "Dienst", "Mensen", {"a": 3, "b": 0, "c": 12})
    assert table.rows == ("a", "b", "c", TOTAL_ROW)
    assert [line[0] for line in table.values] == [None, 0, None, 15]


def test_rounding_and_structural_zeros() -> None:
    assert [round_count(v) for v in (0, 5, 7, 8, 12, 13, 1234)] == [0, 5, 5, 10, 10, 15, 1235]
    rows = [
        NeighbourhoodCoverage("Noord", in_band=120, invited=62, reached=40, accepted=21,
                              visited=20, declined_by={"geen_behoefte": 19}),
        NeighbourhoodCoverage("Wijk onbekend", in_band=0, invited=0),
    ]  # fmt: skip
    table = neighbourhood_table(rows, age_min=70, age_max=85)
    assert table.columns[0] == "Bewoners 70-85 jaar"
    # everything published is a multiple of 5; the unknown neighbourhood's zeros are shown
    assert table.values[0][:5] == (120, 60, 40, 20, 20)
    assert table.values[1][0] == 0 and table.values[1][1] == 0
    # the rate comes from the published counts: 20 / 40
    assert table.rates[0] == 50


def test_periods_parse_and_refuse_in_dutch() -> None:
    today = date(2026, 12, 3)
    assert parse_period("2026-K3", today) == quarter_period(2026, 3)
    assert parse_period("2025", today) == year_period(2025)
    assert parse_period("alles", today) == since_start(today)
    with pytest.raises(InvalidInputError) as raised:
        parse_period("vorige week", today)
    assert "kwartaal" in raised.value.message_nl


def test_municipality_pdf_and_csv_per_period(store: CoordinatorStore) -> None:
    rows = [resident_row(n, "Noord") for n in range(1, 31)]
    rows += [resident_row(n, "Zuid", "5678 CD") for n in range(31, 34)]
    with store.session() as session:
        import_address_list(session, address_csv(rows), today=date(2026, 11, 23))
        add_volunteer(session)
        batch = add_batch(session)
        add_counts(session, batch, "Noord", {
            "p:2026Q3:invited": 12, "p:2026Q4:invited": 9, "p:2026Q3:reached": 10,
            "p:2026Q4:reached": 9, "p:2026Q3:accepted": 7, "p:2026Q4:accepted": 5,
            "p:2026Q3:visited": 7, "p:2026Q4:visited": 5,
            "p:2026Q4:declined:geen_behoefte": 6, "p:2026Q3:declined:al_hulp": 3,
            "p:2026Q4:referral:wmo-loket": 6,
        })  # fmt: skip
        add_counts(session, batch, "Zuid", {"p:2026Q4:invited": 2, "p:2026Q4:visited": 2})
        fu.sync_followups(session, today=date(2026, 11, 23))
    made_on = date(2026, 11, 23)
    with store.session() as session:
        pdf = documents.municipality_report_pdf(session, made_on)
        csv_all = documents.municipality_report_csv(session, made_on).decode("utf-8-sig")
        csv_q3 = documents.municipality_report_csv(
            session, made_on, period=quarter_period(2026, 3)
        ).decode("utf-8-sig")
    lines = [line.split(";") for line in csv_all.splitlines()]
    assert lines[0] == ["Huisbezoeken 75-80 jaar", "Vanaf het begin tot en met 23-11-2026"]
    header = lines[3]
    noord, zuid, total = lines[4], lines[5], lines[6]
    col = header.index("Bezocht")
    assert (noord[0], zuid[0], total[0]) == ("Noord", "Zuid", "Totaal")
    # Zuid's 2 visits hidden, and Noord's 12 too (or 14 - 12 gives Zuid away); 14 -> 15
    assert zuid[col] == HIDDEN and noord[col] == HIDDEN and total[col] == "15"
    assert zuid[header.index("Bewoners 75-80 jaar")] == HIDDEN
    # declined by reason: al_hulp 3 hidden, and one more of Noord's reasons or its total 9
    assert noord[header.index("Afgezien: heeft al hulp")] == HIDDEN
    assert HIDDEN in (
        noord[header.index("Afgezien: geen behoefte")],
        noord[header.index("Afgezien totaal")],
    )
    assert ["Wmo-loket gemeente Voorbeeldstad", "5"] in [line[:2] for line in lines]
    q3 = [line.split(";") for line in csv_q3.splitlines()]
    assert q3[0][1] == "3e kwartaal 2026"
    assert q3[4][0] == "Noord" and q3[4][q3[3].index("Uitgenodigd")] == "10"  # 12 -> 10
    text = " ".join(text_of(pdf).split())
    assert "Periode: Vanaf het begin tot en met 23-11-2026" in text
    assert "Bezocht: 15" in text and "Bezocht: 12" not in text and "Bezocht: 2" not in text
    assert "Aantallen onder de 5" in text and "afgerond op 5-tallen" in text


def test_width_matches_the_headings() -> None:
    table = neighbourhood_table([NeighbourhoodCoverage("Noord")])
    assert len(table.columns) == layout_width() == SIGNALLED + 1
    assert table.columns[DECLINED] == "Afgezien totaal"
    assert to_csv  # the CSV writer is exercised in the store test above


def test_a_theme_declared_by_a_form_gets_its_own_column() -> None:
    # Form v2 declares "geheugen": people with a signal about it get a column after the
    # built-in themes, protected like the rest.
    rows = [
        NeighbourhoodCoverage("Noord", in_band=40, invited=30, visited=20,
                              themes={Theme.VALLEN: 6, theme_of("geheugen"): 7}),
        NeighbourhoodCoverage("Zuid", in_band=40, invited=30, visited=20,
                              themes={Theme.VALLEN: 5, theme_of("geheugen"): 5}),
    ]  # fmt: skip
    table = neighbourhood_table(rows)
    column = table.columns.index("Mensen met signaal geheugen")
    assert column == FIRST_THEME + len(Theme)
    assert [table.values[r][column] for r in range(3)] == [5, 5, 10]  # 7, 5, 12 rounded
