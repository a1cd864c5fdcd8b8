"""Counts per resident, end to end: a volunteer's crafted round (several attempts, a repeat
visit, moved, deceased, declines with and without a reason) is exported, imported, and every
figure on the dashboard, the CLI and the report is checked against residents counted by hand."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from huisbezoek.coordinator import addresses, dashboard, figures, importer, report
from huisbezoek.domain import (
    ContactMethod,
    ContactOutcome,
    DeclineReason,
    Severity,
    Theme,
    VisitStatus,
)
from huisbezoek.exchange import batch
from huisbezoek.services import exchange as svc
from huisbezoek.services.round_figures import neighbourhood_periods
from huisbezoek.vault.models import (
    Appointment,
    ContactAttempt,
    FormDefinition,
    Resident,
    Signal,
    Visit,
)

Out = ContactOutcome


def address_csv(rows: list[tuple[str, ...]]) -> bytes:
    header = "naam;straat;huisnummer;postcode;woonplaats;geboortedatum;wijk"
    return ("\n".join([header, *(";".join(r) for r in rows)]) + "\n").encode("utf-8")


def resident_row(n: int, hood: str, postcode: str = "1234 AB") -> tuple[str, ...]:
    return (f"Bewoner {n}", "Dorpsstraat", str(n), postcode, "Teststad", "01-03-1948", hood)


NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


def _resident(
    s,
    name: str,
    hood: str,
    contacts: list[tuple[str, ContactOutcome, DeclineReason | None]],
    visits: list[tuple[str, list[Theme]]] = (),
    appointment: str | None = None,
) -> None:
    resident = Resident(name=name, address="Dorpsstraat 1", postcode="1234 AB", neighbourhood=hood)
    s.add(resident)
    s.flush()
    for day, outcome, reason in contacts:
        s.add(
            ContactAttempt(
                resident_id=resident.id,
                at=datetime.fromisoformat(day + "T10:00+00:00"),
                method=ContactMethod.PHONE,
                outcome=outcome,
                decline_reason=reason,
            )
        )
    for day, themes in visits:
        moment = datetime.fromisoformat(day + "T11:00+00:00")
        visit = Visit(
            resident_id=resident.id, form_id="test", form_version="1", definition_hash="0" * 64,
            status=VisitStatus.FINAL, started_at=moment, finalised_at=moment,
        )  # fmt: skip
        s.add(visit)
        s.flush()
        for theme in themes:
            s.add(Signal(visit_id=visit.id, theme=theme, severity=Severity.AANDACHT, text="x"))
    if appointment:
        s.add(
            Appointment(resident_id=resident.id, at=datetime.fromisoformat(appointment + "+00:00"))
        )


def crafted_round(vault) -> None:
    """Nine residents; the comments give what a person counts by hand."""
    with vault.session() as s:
        s.add(FormDefinition(sha256="0" * 64, form_id="test", version="1", source="{}"))
        # Anna: letter and two misses in Q3, yes in Q4, visited twice (counts once)
        _resident(s, "Anna", "Noord", [
            ("2026-08-01", Out.INVITED, None), ("2026-08-10", Out.NO_ANSWER, None),
            ("2026-08-20", Out.NO_ANSWER, None), ("2026-10-05", Out.INTERESTED, None),
        ], visits=[("2026-10-20", [Theme.EENZAAMHEID]),
                   ("2026-11-10", [Theme.EENZAAMHEID, Theme.VALLEN])])  # fmt: skip
        # Bert: three misses: not reached (Q3)
        _resident(s, "Bert", "Noord", [
            ("2026-07-01", Out.NO_ANSWER, None), ("2026-07-08", Out.NO_ANSWER, None),
            ("2026-07-15", Out.NO_ANSWER, None),
        ])  # fmt: skip
        # Cor: a miss in Q3, declined "geen behoefte" in Q4
        _resident(s, "Cor", "Noord", [
            ("2026-09-20", Out.NO_ANSWER, None),
            ("2026-10-02", Out.DECLINED, DeclineReason.NO_NEED),
        ])  # fmt: skip
        # Dirk: a letter, then moved: out of the round
        _resident(s, "Dirk", "Noord", [
            ("2026-09-01", Out.INVITED, None), ("2026-10-01", Out.MOVED, None),
        ])  # fmt: skip
        # Els: deceased: out of the round
        _resident(s, "Els", "Noord", [("2026-08-15", Out.DECEASED, None)])
        # Hans: nobody contacted him yet
        _resident(s, "Hans", "Noord", [])
        # Ina: declined in Q3, changed her mind, visited in Q4: visited, not declined
        _resident(s, "Ina", "Noord", [
            ("2026-08-10", Out.DECLINED, DeclineReason.TOO_BUSY),
            ("2026-10-10", Out.INTERESTED, None),
        ], visits=[("2026-10-15", [])])  # fmt: skip
        # Fien (Zuid): declined without a reason, twice (counts once)
        _resident(s, "Fien", "Zuid", [
            ("2026-10-03", Out.DECLINED, None), ("2026-10-09", Out.DECLINED, None),
        ])  # fmt: skip
        # Gerrit (Zuid): yes, an appointment, no visit yet
        _resident(s, "Gerrit", "Zuid", [("2026-11-01", Out.INTERESTED, None)],
                  appointment="2026-12-20T10:00")  # fmt: skip


def test_batch_counts_each_resident_once_per_stage_and_quarter(volunteer):
    crafted_round(volunteer)
    with volunteer.session() as s:
        attempts = s.scalar(select(func.count()).select_from(ContactAttempt))
        counts = {c.neighbourhood: c.periods for c in neighbourhood_periods(s, NOW)}
    assert attempts == 17  # what the old figures called "invited"
    noord, zuid = counts["Noord"], counts["Zuid"]
    q3, q4 = noord["2026Q3"], noord["2026Q4"]
    # Q3: Anna, Bert, Cor, Ina first contacted; Ina answered (a no); Bert not reached; Els died
    assert (q3.invited, q3.reached, q3.accepted, q3.visited) == (4, 1, 0, 0)
    assert (q3.not_reached, q3.gone, q3.declined) == (1, 1, {})
    # Q4: Anna and Cor answered; Anna and Ina said yes and were visited; Cor declined; Dirk moved
    assert (q4.invited, q4.reached, q4.accepted, q4.visited) == (0, 2, 2, 2)
    assert (q4.not_reached, q4.gone, q4.declined) == (0, 1, {"geen_behoefte": 1})
    # Anna had eenzaamheid twice and vallen once: one person per theme, one person signalled
    assert (q4.signalled, q4.themes) == (1, {Theme.EENZAAMHEID: 1, Theme.VALLEN: 1})
    zq4 = zuid["2026Q4"]
    assert (zq4.invited, zq4.reached, zq4.accepted, zq4.visited) == (2, 2, 1, 0)
    assert zq4.declined == {"niet_gegeven": 1}
    assert set(zuid) == {"2026Q4"}


@pytest.fixture
def imported(linked, tmp_path):
    volunteer, coordinator = linked
    crafted_round(volunteer)
    path = svc.export_signals(volunteer, tmp_path / "out").path
    assert importer.import_batches(coordinator, [path]).rejected == 0
    rows = [resident_row(n, "Noord") for n in range(1, 8)]
    rows += [resident_row(n, "Zuid", "5678 CD") for n in range(8, 10)]
    with coordinator.session() as s:
        addresses.import_address_list(s, address_csv(rows), today=date(2026, 12, 3))
    return coordinator


def test_dashboard_counts_residents_not_attempts(imported):
    with imported.session() as s:
        rows = {r.neighbourhood: r for r in dashboard.coverage(s)}
        progress = dashboard.progress(s, date(2026, 12, 3))
    noord, zuid = rows["Noord"], rows["Zuid"]
    # Noord: 7 on the list, Dirk and Els left: 5 in the round; Anna, Bert, Cor, Ina invited
    assert (noord.in_band, noord.gone, noord.eligible, noord.invited) == (7, 2, 5, 4)
    assert (noord.reached, noord.accepted, noord.visited) == (3, 2, 2)  # Anna, Cor, Ina
    assert (noord.declined, noord.not_reached, noord.signalled) == (1, 1, 1)
    assert noord.invited_share == pytest.approx(4 / 5)
    assert noord.response_rate == pytest.approx(2 / 3)
    assert (zuid.invited, zuid.reached, zuid.accepted, zuid.declined) == (2, 2, 1, 1)
    total = figures.totals(rows.values())
    assert (total.invited, total.reached, total.accepted, total.visited) == (6, 5, 3, 2)
    assert total.response_rate == pytest.approx(3 / 5)  # 60%, not visits per attempt
    # 6 invited of the 7 still in the round; never above 100%
    assert progress.invited_share == pytest.approx(6 / 7)
    assert dashboard.themes_overall(list(rows.values())) == {
        Theme.EENZAAMHEID: 1, Theme.VALLEN: 1,
    }  # fmt: skip


def test_periods_add_up_to_the_whole_round(imported):
    with imported.session() as s:
        q3 = figures.totals(figures.coverage(s, figures.quarter_period(2026, 3)))
        q4 = figures.totals(figures.coverage(s, figures.quarter_period(2026, 4)))
        year = figures.totals(figures.coverage(s, figures.year_period(2026)))
        before = figures.totals(figures.coverage(s, figures.year_period(2025)))
    assert (q3.invited, q4.invited, year.invited, before.invited) == (4, 2, 6, 0)
    assert (q3.reached, q4.reached, year.reached) == (1, 4, 5)
    assert year.declined_by == {"geen_behoefte": 1, "niet_gegeven": 1}


def test_cli_dashboard_and_report_show_the_same_figures(imported):
    from huisbezoek.cli.coordinator import dashboard_lines

    with imported.session() as s:
        rows = dashboard.coverage(s)
        made = report.municipal_report(s, figures.since_start(date(2026, 12, 3)), date(2026, 12, 3))
    lines = dashboard_lines(rows, "75-80")
    total = lines[-1].split()
    # Totaal: 9 listed, 6 invited, 5 reached, 3 yes, 2 visited, 2 declined, 1 not reached,
    # 2 moved or deceased, 1 with a signal, 60% response
    assert total == ["Totaal", "9", "6", "5", "3", "2", "2", "1", "2", "1", "60%"]
    main = made.tables[0]
    last = len(main.rows) - 1
    col = main.columns.index
    # in the report the total row's 6 invited is published rounded to 5 and the rest hidden
    assert main.rows[last] == "Totaal"
    assert main.values[last][col("Uitgenodigd")] == 5
    assert main.values[last][col("Bewoners 75-80 jaar")] == 10
    assert main.values[last][col("Bezocht")] is None  # 2 < 5


def test_an_old_batch_still_imports_and_is_named_on_the_dashboard(linked, tmp_path):
    """A schema 1 batch (attempts per outcome) imports; its counts are left out of the
    per-resident figures and the dashboard says how many volunteers still send them."""
    from huisbezoek.exchange.keys import OrgConfig
    from huisbezoek.exchange.payload import BatchPayload, NeighbourhoodCounts

    from .helpers import make_payload

    volunteer, coordinator = linked
    keys = svc.ensure_volunteer_keys(volunteer)
    config = svc.org_config(volunteer)
    assert isinstance(config, OrgConfig)
    fresh = make_payload(keys, config)
    old = BatchPayload(
        schema_version=1,
        header=fresh.header,
        signals=list(fresh.signals),
        neighbourhoods=[
            NeighbourhoodCounts(
                neighbourhood="Noord", outcomes={Out.DECLINED: 4, Out.INTERESTED: 2}, visits=2
            )
        ],
    )
    path = tmp_path / "oud.zip"
    path.write_bytes(batch.build(old, keys, config)[1])
    assert batch.read(path.read_bytes()).manifest.schema_version == 1
    report_ = importer.import_batches(coordinator, [path])
    assert (report_.rejected, report_.new) == (0, 1)
    with coordinator.session() as s:
        rows = dashboard.coverage(s)
        assert figures.legacy_volunteers(s) == 1
    assert all(r.invited == 0 and r.visited == 0 for r in rows)
    # a schema 2 batch may not carry attempts: minimisation is part of the format
    with pytest.raises(ValueError, match="residents per period only"):
        BatchPayload(
            header=fresh.header,
            signals=[],
            neighbourhoods=[NeighbourhoodCounts(neighbourhood="Noord", visits=2)],
        )
