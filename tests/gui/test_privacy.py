"""Erasing a resident and printing the overview of their data, through the widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from huisbezoek.domain import ContactOutcome, DeclineReason

from .conftest import wait_op_idle
from .test_volunteer_path import add_resident, first_start, log_contact


def open_resident(qtbot, app, rid):
    work = app.window.work
    work.show_resident(rid)
    qtbot.waitUntil(lambda: work.resident.detail is not None, timeout=10_000)
    return work.resident


def test_erase_asks_names_what_goes_and_then_erases(qtbot, make_app):
    app = make_app()
    first_start(qtbot, app)
    app.window.resize(1366, 768)
    keep = add_resident(qtbot, app, "Blijft Bestaan")
    rid = add_resident(qtbot, app, "Gaat Weg", phone="0612345678")
    page = open_resident(qtbot, app, rid)
    log_contact(qtbot, app, ContactOutcome.DECLINED, DeclineReason.NO_NEED)

    qtbot.mouseClick(page.erase_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(page, "erase_dialog", None) is not None, timeout=10_000)
    dlg = page.erase_dialog
    qtbot.waitUntil(dlg.isVisible, timeout=5_000)
    assert dlg.windowTitle() == "Bewoner wissen" and dlg.scope.name == "Gaat Weg"
    lines = [dlg.items.item(i).text() for i in range(dlg.items.count())]
    assert lines == ["Naam, adres, telefoon en geboortedatum", "1 contactpoging"]
    # The safe choice has the focus: Enter and Escape keep everything.
    assert dlg.keep_button.hasFocus() or QApplication.focusWidget() is dlg.keep_button
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=5_000)
    assert app.ctx.vault is not None
    from huisbezoek.services import residents as res_svc

    assert {r.id for r in res_svc.list_residents(app.ctx.vault)} == {keep, rid}

    page.erase_dialog = None
    qtbot.mouseClick(page.erase_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.erase_dialog is not None, timeout=10_000)
    dlg = page.erase_dialog
    qtbot.waitUntil(dlg.isVisible, timeout=5_000)
    with qtbot.waitSignal(dlg.erased, timeout=10_000):
        qtbot.mouseClick(dlg.erase_button, Qt.MouseButton.LeftButton)
    wait_op_idle(qtbot)
    work = app.window.work
    qtbot.waitUntil(lambda: work.currentWidget() is work.residents, timeout=10_000)
    qtbot.waitUntil(lambda: work.residents.model.rowCount() == 1, timeout=10_000)
    assert [r.name for r in work.residents.model.rows()] == ["Blijft Bestaan"]
    assert work.residents.notice.text() == "Gaat Weg is van deze laptop gewist."
    assert page.title.text() == ""


def test_access_overview_previews_and_saves(qtbot, make_app, tmp_path):
    app = make_app()
    first_start(qtbot, app)
    rid = add_resident(qtbot, app, "Inzage Persoon")
    page = open_resident(qtbot, app, rid)
    dlg = page.show_access()
    qtbot.waitUntil(dlg.save_button.isEnabled, timeout=20_000)
    assert dlg.page_total >= 1
    with qtbot.waitSignal(dlg.saved, timeout=10_000) as saved:
        dlg.save_to(tmp_path / "inzage")
    path = saved.args[0]
    assert path.name == "inzage.pdf" and path.read_bytes().startswith(b"%PDF")
    events = [e.event for e in app.ctx.vault.audit_events()]
    assert "subject_access" in events


def test_visit_starts_with_the_consent_script(qtbot, make_app):
    app = make_app()
    first_start(qtbot, app)
    app.window.resize(1366, 768)
    rid = add_resident(qtbot, app, "Toestemming Persoon")
    page = open_resident(qtbot, app, rid)
    visit = app.window.work.visit
    with qtbot.waitSignal(visit.opened, timeout=10_000):
        qtbot.mouseClick(page.visit_button, Qt.MouseButton.LeftButton)
    first = visit.page_for(0)
    script = first.consent_script
    assert script is not None and script.isVisibleTo(first)
    text = " ".join(label.text() for label in script.lines)
    # Who sees it, for how long, and the rights, filled in (no placeholder left).
    assert "Alleen ik kan ze lezen" in text and "6 maanden" in text
    assert "stoppen" in text and "intrekken" in text and "{" not in text
    # It stands above the first question, and only in the first section.
    first_question = next(iter(first.widgets.values()))
    assert script.geometry().top() < first_question.geometry().top()
    assert visit.page_for(1).consent_script is None
    # Every line is whole at this size (word wrap, no clipping sideways).
    assert all(label.wordWrap() for label in script.lines)


def test_unlock_purges_what_retention_covers_and_says_so(qtbot, make_app):
    from datetime import UTC, datetime

    from huisbezoek.services import residents as res_svc
    from huisbezoek.vault.models import ContactAttempt, Resident

    from .conftest import PASS

    app = make_app()
    first_start(qtbot, app)
    old = add_resident(qtbot, app, "Lang Geleden")
    open_resident(qtbot, app, old)
    log_contact(qtbot, app, ContactOutcome.DECLINED, DeclineReason.NO_NEED)
    keep = add_resident(qtbot, app, "Net Toegevoegd")
    wait_op_idle(qtbot)
    long_ago = datetime(2025, 1, 1, tzinfo=UTC)
    with app.ctx.vault.session() as s:  # a year and a half ago
        s.execute(
            Resident.__table__.update()
            .where(Resident.id == old)
            .values(created_at=long_ago, updated_at=long_ago)
        )
        s.execute(ContactAttempt.__table__.update().values(at=long_ago))
    residents = app.window.work.residents
    assert not residents.notice.isVisible()
    with qtbot.waitSignal(app.lock.locked, timeout=10_000):
        app.lock.lock()
    qtbot.waitUntil(lambda: app.window.pages.currentWidget() is app.window.unlock_page)
    qtbot.keyClicks(app.window.unlock_page.passphrase, PASS)
    with qtbot.waitSignal(app.lock.unlocked, timeout=15_000):
        qtbot.keyClick(app.window.unlock_page.passphrase, Qt.Key.Key_Return)
    app.window.work.show_list()
    qtbot.waitUntil(lambda: residents.model.rowCount() == 1, timeout=10_000)
    assert [r.id for r in residents.model.rows()] == [keep]
    assert residents.notice.isVisibleTo(app.window)
    assert "1 bewoner(s)" in residents.notice.text()
    assert [r.id for r in res_svc.list_residents(app.ctx.vault)] == [keep]


def test_privacy_dialogs_fit_at_200_percent_and_enter_keeps(qtbot, make_app):
    from huisbezoek.services import residents as res_svc
    from huisbezoek.services import startup
    from huisbezoek.services.settings import Settings
    from huisbezoek.vault.keyslots import KdfParams

    from .test_layout import SCREEN, clipped, settle

    startup.create_demo_vault(kdf=KdfParams.FLOOR)
    app = make_app(settings=Settings(text_scale=200))
    window = app.window
    window.resize(*SCREEN)
    app.start()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.unlock_page)
    window.unlock_page.passphrase.setText(startup.DEMO_PASSPHRASE)
    with qtbot.waitSignal(app.lock.unlocked, timeout=15_000):
        window.unlock_page.submit()
    rows = res_svc.list_residents(app.ctx.vault)
    visited = next(r for r in rows if r.name == "Catharina de Wit")  # a finished visit
    page = open_resident(qtbot, app, visited.id)
    page.erase_dialog = None
    page.ask_erase()
    qtbot.waitUntil(lambda: page.erase_dialog is not None, timeout=10_000)
    dlg = page.erase_dialog
    qtbot.waitUntil(dlg.isVisible, timeout=5_000)
    settle(qtbot, dlg)
    assert dlg.height() <= SCREEN[1] and not (problems := clipped(dlg)), problems
    assert dlg.items.count() >= 5  # details, the visit and its answers, contacts, signals...
    qtbot.keyClick(dlg, Qt.Key.Key_Return)  # the default button: keep
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=5_000)
    assert visited.id in {r.id for r in res_svc.list_residents(app.ctx.vault)}

    access = page.show_access()
    qtbot.waitUntil(access.save_button.isEnabled, timeout=20_000)
    settle(qtbot, access)
    assert access.width() <= SCREEN[0] and not (problems := clipped(access)), problems
    access.reject()
    retention = window._retention()
    qtbot.waitUntil(lambda: retention.preview_data is not None, timeout=10_000)
    settle(qtbot, retention)
    assert not (problems := clipped(retention)), problems
    assert retention.items.item(0).text() == "Er hoeft nu niets weg."  # the demo is recent
    retention.reject()
