"""The resident list keeps whole columns after returning from a resident (issue 14: "do ...",
"Dorpsst..." until the window was resized)."""

from __future__ import annotations

import pytest

from huisbezoek.gui.theme import apply_theme
from huisbezoek.services.settings import Settings

from .test_dates_and_places import unlocked_demo


def squeezed(residents) -> list[str]:
    table, header = residents.table, residents.table.horizontalHeader()
    out = []
    for column in range(residents.model.columnCount()):
        if table.isColumnHidden(column):
            continue
        need = max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
        if header.sectionSize(column) < need:
            out.append(f"{column}: {header.sectionSize(column)} < {need}")
    return out


@pytest.mark.parametrize("scale", [100, 200])
def test_columns_survive_a_visit_to_a_resident(qtbot, make_app, qapp, scale):
    try:
        app, residents = unlocked_demo(qtbot, make_app, settings=Settings(text_scale=scale))
        window = app.window
        qtbot.wait(50)
        assert not squeezed(residents)
        before = {
            c: residents.table.columnWidth(c)
            for c in range(residents.model.columnCount())
            if not residents.table.isColumnHidden(c)
        }
        for row in residents.model.rows()[:3]:
            window.work.show_resident(row.id)
            qtbot.waitUntil(lambda: window.work.resident.detail is not None)
            # The list reloads while hidden (as after reading a coordinator's package).
            with qtbot.waitSignal(residents.loaded, timeout=10_000):
                residents.reload()
            with qtbot.waitSignal(residents.loaded, timeout=10_000):
                window.work.resident.back.emit()
            qtbot.wait(50)
            assert not squeezed(residents), squeezed(residents)
            after = {
                c: residents.table.columnWidth(c)
                for c in range(residents.model.columnCount())
                if not residents.table.isColumnHidden(c)
            }
            assert after == before
    finally:
        apply_theme(qapp, Settings())
