"""qtmodeltester on every custom model, plus search and filters on the resident list."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from huisbezoek.domain import ResidentStatus
from huisbezoek.gui.residents_model import ROW_ROLE, ResidentFilterModel, ResidentTableModel
from huisbezoek.services.residents import ResidentRow


def rows():
    now = datetime.now(UTC)
    statuses = list(ResidentStatus)
    return [
        ResidentRow(
            id=i,
            name=name,
            address=f"Lindelaan {i}",
            postcode=f"91{i:02d} ZA",
            neighbourhood="Lindehoeve" if i % 2 else "Oude Kern",
            birth_date=date(1948, 1, 1 + i),
            phone=f"06 1234 50{i:02d}",
            status=statuses[i % len(statuses)],
            last_contact=now - timedelta(days=i) if i % 3 else None,
            next_appointment=now + timedelta(days=i) if i % 4 == 0 else None,
        )
        for i, name in enumerate(
            ["Anna de Boer", "Jan Smit", "Grietje Bos", "Klaas Koster", "Maria van Dijk"]
        )
    ]


def test_table_model(qtmodeltester):
    model = ResidentTableModel()
    model.set_rows(rows())
    # The tester stays connected: every later change is checked too.
    qtmodeltester.check(model, force_py=True)
    model.set_rows([])
    assert model.rowCount() == 0
    model.set_rows(rows()[:2])


def test_filter_model(qtmodeltester):
    model = ResidentTableModel()
    model.set_rows(rows())
    proxy = ResidentFilterModel()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy, force_py=True)
    proxy.set_search("smit")
    assert proxy.rowCount() == 1
    proxy.set_search("91 03")  # postcode typed with a different space
    assert [proxy.data(proxy.index(r, 0), ROW_ROLE).name for r in range(proxy.rowCount())] == [
        "Klaas Koster"
    ]
    proxy.set_search("")
    proxy.set_neighbourhood("Lindehoeve")
    assert proxy.rowCount() == 2
    proxy.set_neighbourhood(None)
    proxy.set_status(ResidentStatus.INVITED)
    assert {proxy.data(proxy.index(r, 0), ROW_ROLE).status for r in range(proxy.rowCount())} == {
        ResidentStatus.INVITED
    }
    proxy.set_status(None)
    proxy.sort(ResidentTableModel.STATUS)
    first = proxy.data(proxy.index(0, 0), ROW_ROLE)
    assert first.status is ResidentStatus.TO_INVITE  # the round's order, not the alphabet
