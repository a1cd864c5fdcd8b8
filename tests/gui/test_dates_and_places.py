"""Date fields take typing, the calendar is Dutch, the neighbourhood has one spelling."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from huisbezoek.services import residents as res_svc
from huisbezoek.services import startup
from huisbezoek.vault.keyslots import KdfParams

from .conftest import wait_op_idle


def unlocked_demo(qtbot, make_app, **kw):
    """The demo vault unlocked by its passphrase in a 1366x768 window; the list is filled."""
    startup.create_demo_vault(kdf=KdfParams.FLOOR)
    app = make_app(**kw)
    window = app.window
    window.resize(1366, 768)
    app.start()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.unlock_page)
    window.unlock_page.passphrase.setText(startup.DEMO_PASSPHRASE)
    with qtbot.waitSignal(app.lock.unlocked, timeout=15_000):
        window.unlock_page.submit()
    residents = window.work.residents
    qtbot.waitUntil(lambda: residents.model.rowCount() > 0, timeout=15_000)
    return app, residents


def test_new_resident_typed_date_and_known_neighbourhood(qtbot, make_app):
    app, residents = unlocked_demo(qtbot, make_app)
    dlg = residents.add_resident()
    qtbot.waitUntil(lambda: dlg.neighbourhood.count() > 1)  # the names in use arrived
    known = [dlg.neighbourhood.itemText(i) for i in range(dlg.neighbourhood.count())]
    assert known[:-1] == ["Lindehoeve", "Molenkwartier", "Oude Kern"]
    assert known[-1].startswith("Anders")
    qtbot.keyClicks(dlg.name, "Truus Bakker")
    qtbot.keyClicks(dlg.neighbourhood, "oude kern")  # typed in lower case
    qtbot.keyClicks(dlg.birth.edit, "15 maart 1949")
    dlg.birth.edit.editingFinished.emit()
    assert dlg.birth.edit.text() == "15-03-1949"  # shown as understood
    with qtbot.waitSignal(dlg.saved, timeout=10_000):
        dlg.accept()
    row = next(r for r in res_svc.list_residents(app.ctx.vault) if r.name == "Truus Bakker")
    assert row.neighbourhood == "Oude Kern"
    assert row.birth_date == dt.date(1949, 3, 15)
    assert res_svc.neighbourhood_names(app.ctx.vault) == [
        "Lindehoeve",
        "Molenkwartier",
        "Oude Kern",
    ]


def test_other_neighbourhood_and_unclear_date(qtbot, make_app):
    app, residents = unlocked_demo(qtbot, make_app)
    dlg = residents.add_resident()
    box = dlg.neighbourhood
    qtbot.waitUntil(lambda: box.count() > 1)
    qtbot.keyClicks(dlg.name, "Wim Smit")
    for _ in range(box.count()):  # arrow down to the last entry: "Anders, namelijk…"
        qtbot.keyClick(box, Qt.Key.Key_Down)
    assert box.currentText() == ""  # emptied for a new name
    qtbot.keyClicks(box, "Nieuwbouw West")
    qtbot.keyClicks(dlg.birth.edit, "31-2-1950")
    dlg.accept()
    assert "begrijp ik niet" in dlg.error.text()  # nothing saved, the dialog stays
    assert dlg.isVisible()
    dlg.birth.edit.clear()
    qtbot.keyClicks(dlg.birth.edit, "28021950")
    with qtbot.waitSignal(dlg.saved, timeout=10_000):
        dlg.accept()
    row = next(r for r in res_svc.list_residents(app.ctx.vault) if r.name == "Wim Smit")
    assert (row.neighbourhood, row.birth_date) == ("Nieuwbouw West", dt.date(1950, 2, 28))


def test_calendar_is_dutch_whatever_the_system_language(qtbot):
    from huisbezoek.gui.date_field import DateField

    field = DateField("Geboortedatum")
    qtbot.addWidget(field)
    field.show()
    qtbot.keyClicks(field.edit, "15031949")
    calendar = field.open_calendar()
    assert calendar.locale().monthName(3) == "maart"
    assert calendar.locale().dayName(1) == "maandag"
    assert calendar.firstDayOfWeek() == Qt.DayOfWeek.Monday
    assert calendar.selectedDate().toPython() == dt.date(1949, 3, 15)
    days = calendar.findChild(QTableView)  # the grid of days takes the keys
    qtbot.keyClick(days, Qt.Key.Key_Right)  # the next day, by keyboard
    qtbot.keyClick(days, Qt.Key.Key_Return)
    assert field.edit.text() == "16-03-1949"
    assert field._menu is not None and not field._menu.isVisible()  # the calendar closed


def test_contact_time_typed(qtbot, make_app):
    app, residents = unlocked_demo(qtbot, make_app)
    rid = residents.model.rows()[0].id
    app.window.work.show_resident(rid)
    resident = app.window.work.resident
    qtbot.waitUntil(lambda: resident.detail is not None)
    dlg = resident.make_appointment()
    dlg.when.day.edit.clear()
    qtbot.keyClicks(dlg.when.day.edit, "15 maart 2030")
    dlg.when.time.clear()
    qtbot.keyClicks(dlg.when.time, "1030")
    with qtbot.waitSignal(dlg.saved, timeout=10_000):
        dlg.accept()
    wait_op_idle(qtbot)
    detail = res_svc.resident_detail(app.ctx.vault, rid)
    local = [a.at.astimezone() for a in detail.appointments]
    assert any((t.date(), t.hour, t.minute) == (dt.date(2030, 3, 15), 10, 30) for t in local), local
