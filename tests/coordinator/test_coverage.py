"""Address list import (per-row errors, nothing half-imported) and coverage per neighbourhood."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from huisbezoek.coordinator import addresses, dashboard, figures
from huisbezoek.coordinator import followup as fu
from huisbezoek.coordinator.settings import set_round_start
from huisbezoek.coordinator.store.backend import CoordinatorStore
from huisbezoek.coordinator.store.models import AreaResident
from huisbezoek.domain import Theme

from .helpers import (
    KEY_A,
    KEY_B,
    add_batch,
    add_counts,
    add_signal,
    add_volunteer,
    address_csv,
    resident_row,
)

TODAY = date(2026, 11, 23)


def test_wrong_rows_are_named_and_nothing_is_imported(store: CoordinatorStore) -> None:
    data = address_csv(
        [
            resident_row(1),
            resident_row(2, postcode="12AB"),
            resident_row(3, born="31-02-1948"),
            resident_row(4, born="01-01-1970"),
            ("", "Dorpsstraat", "5", "1234 AB", "Teststad", "01-01-1948", "Noord"),
            resident_row(1),
        ]
    )
    with pytest.raises(addresses.AddressListError) as caught, store.session() as session:
        addresses.import_address_list(session, data, today=TODAY)
    message = caught.value.message_nl
    assert "Regel 3: postcode '12AB' klopt niet" in message
    assert "Regel 4: geboortedatum '31-02-1948' klopt niet" in message
    assert "Regel 5: deze bewoner is 56 jaar" in message
    assert "Regel 6: naam is leeg" in message
    assert "Regel 7: dezelfde bewoner staat ook op regel 2" in message
    assert "Er is niets veranderd" in message
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(AreaResident)) == 0


def test_missing_columns_are_named(store: CoordinatorStore) -> None:
    with pytest.raises(addresses.InvalidInputError) as caught, store.session() as session:
        addresses.import_address_list(session, b"naam;straat\nA;B\n", today=TODAY)
    assert "huisnummer" in caught.value.message_nl


def test_import_again_updates_and_assignment_splits(store: CoordinatorStore) -> None:
    rows = [resident_row(n, "Noord") for n in range(1, 8)] + [
        resident_row(n, "Zuid", "5678 CD") for n in range(8, 11)
    ]
    with store.session() as session:
        report = addresses.import_address_list(
            session, address_csv(rows, delimiter=","), today=TODAY
        )
        assert (report.new, report.updated) == (10, 0)
        again = addresses.import_address_list(session, address_csv(rows), today=TODAY)
        assert (again.new, again.updated) == (0, 10)
        add_volunteer(session, KEY_A, "Vera")
        assert addresses.assign_neighbourhood(session, "Noord", KEY_A) == 7
        split = addresses.split_by_neighbourhood(session)
        with pytest.raises(addresses.UnknownVolunteerError):
            addresses.assign_neighbourhood(session, "Zuid", KEY_B)
    assert [(s.neighbourhood, s.residents, s.assigned, s.volunteers) for s in split] == [
        ("Noord", 7, 7, ("Vera",)),
        ("Zuid", 3, 0, ()),
    ]


def test_a_corrected_list_changes_only_what_changed(store: CoordinatorStore) -> None:
    """The municipality sends the list again with one resident in another neighbourhood and
    one street spelled right: those two change, the rest stays as it was, and the count of
    residents already on the list is all of them (on PostgreSQL the new ones go by COPY)."""
    from sqlalchemy import select

    from huisbezoek.coordinator.store.models import AreaResident

    rows = [resident_row(n) for n in range(1, 6)]
    with store.session() as session:
        addresses.import_address_list(session, address_csv(rows), today=TODAY)
        before = {r.name: (r.id, r.imported_at) for r in session.scalars(select(AreaResident))}
    corrected = list(rows)
    corrected[1] = resident_row(2, "Zuid")
    corrected[3] = ("Bewoner 4", "Dorpstraat", "4", "1234 AB", "Teststad", "01-03-1948", "Noord")
    corrected.append(resident_row(6, "West", "4321 BA"))
    with store.session() as session:
        again = addresses.import_address_list(session, address_csv(corrected), today=TODAY)
        assert (again.new, again.updated) == (1, 5)
        stored = {
            r.name: (r.id, r.street, r.neighbourhood, r.postcode, r.birth_date)
            for r in session.scalars(select(AreaResident))
        }
    assert stored["Bewoner 2"][2] == "Zuid" and stored["Bewoner 4"][1] == "Dorpstraat"
    assert stored["Bewoner 1"][1:3] == ("Dorpsstraat", "Noord")
    assert stored["Bewoner 6"][1:] == ("Dorpsstraat", "West", "4321BA", date(1948, 3, 1))
    assert {name: v[0] for name, v in stored.items() if name in before} == {
        name: v[0] for name, v in before.items()
    }  # the same rows, updated in place


def test_coverage_per_neighbourhood(store: CoordinatorStore) -> None:
    rows = [resident_row(n, "Noord") for n in range(1, 21)]
    with store.session() as session:
        addresses.import_address_list(session, address_csv(rows), today=TODAY)
        set_round_start(session, date(2026, 1, 1))
        add_volunteer(session, KEY_A)
        add_volunteer(session, KEY_B, "Bert")
        batch_a = add_batch(session, KEY_A)
        batch_b = add_batch(session, KEY_B)
        # volunteer A: 11 residents invited, 9 answered, 3 said yes and were visited, 6
        # declined, 2 not reached, 2 moved away; 2 people with a signal on loneliness
        metrics = {"p:2026Q3:invited": 11, "p:2026Q3:reached": 9, "p:2026Q3:accepted": 3,
                   "p:2026Q4:visited": 3, "p:2026Q3:declined:geen_behoefte": 6,
                   "p:2026Q3:not_reached": 2, "p:2026Q3:gone": 2,
                   "p:2026Q4:theme:eenzaamheid": 2, "p:2026Q4:signalled": 2}  # fmt: skip
        add_counts(session, batch_a, "Noord", metrics, KEY_A)
        one_visit = {"p:2026Q4:invited": 1, "p:2026Q4:reached": 1, "p:2026Q4:accepted": 1,
                     "p:2026Q4:visited": 1}  # fmt: skip
        add_counts(session, batch_b, "Noord", one_visit, KEY_B)
        add_counts(session, batch_b, "West", {"p:2026Q4:invited": 1, "p:2026Q4:reached": 1,
                                              "p:2026Q4:declined:anders": 1}, KEY_B)  # fmt: skip
        # an old (schema 1) snapshot of a third volunteer counts attempts: left out
        add_volunteer(session, "1111222233334444", "Oud")
        old = add_batch(session, "1111222233334444")
        add_counts(session, old, "Noord", {"visits": 40, "outcome:afgezien": 90},
                   "1111222233334444")  # fmt: skip
        add_signal(session, batch_a, name="Iemand", postcode="1234AB", theme=Theme.EENZAAMHEID)
        fu.sync_followups(session, today=TODAY)
    with store.session() as session:
        result = {row.neighbourhood: row for row in dashboard.coverage(session)}
        progress = dashboard.progress(session, TODAY)
        legacy = figures.legacy_volunteers(session)
        q3 = {
            r.neighbourhood: r for r in dashboard.coverage(session, figures.quarter_period(2026, 3))
        }
    north = result["Noord"]
    assert (north.in_band, north.gone, north.invited, north.declined, north.not_reached) == (
        20, 2, 12, 6, 2,
    )  # fmt: skip
    assert (north.reached, north.accepted, north.visited) == (10, 4, 4)
    assert north.response_rate == pytest.approx(4 / 10)
    assert north.invited_share == pytest.approx(12 / 18)
    # people, from the volunteers' counts; the shared signal is one of those two people
    assert north.themes == {Theme.EENZAAMHEID: 2}
    assert result["West"].in_band == 0 and result["West"].declined == 1
    assert legacy == 1
    assert (q3["Noord"].invited, q3["Noord"].visited, q3["Noord"].gone) == (11, 0, 2)
    assert progress.invited_share == pytest.approx(13 / 18)
    assert progress.target_share == pytest.approx((TODAY - date(2026, 1, 1)).days / 730, abs=0.01)
    assert [p.day for p in progress.timeline] == [TODAY]


def test_invited_share_never_above_all(store: CoordinatorStore) -> None:
    """More residents invited than on the address list (a volunteer's own list) stays 100%."""
    rows = [resident_row(n, "Noord") for n in range(1, 4)]
    with store.session() as session:
        addresses.import_address_list(session, address_csv(rows), today=TODAY)
        add_volunteer(session, KEY_A)
        add_counts(session, add_batch(session, KEY_A), "Noord", {"p:2026Q4:invited": 7})
    with store.session() as session:
        row = dashboard.coverage(session)[0]
        progress = dashboard.progress(session, TODAY)
    assert row.invited_share == 1.0 and progress.invited_share == 1.0
