"""Settings, keyboard and accessibility: text size, contrast, idle time, Ctrl+L, names, CSV."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from huisbezoek.gui.theme import BASE_POINT_SIZE, apply_theme
from huisbezoek.services import residents as res_svc
from huisbezoek.services import startup
from huisbezoek.services.settings import Settings, load_settings
from huisbezoek.vault.keyslots import KdfParams

INPUTS = (QLineEdit, QPlainTextEdit, QComboBox, QSpinBox)


def unlocked_demo(qtbot, make_app, **kw):
    startup.create_demo_vault(kdf=KdfParams.FLOOR)
    app = make_app(**kw)
    app.start()
    qtbot.waitUntil(lambda: app.window.pages.currentWidget() is app.window.unlock_page)
    assert startup.DEMO_PASSPHRASE in app.window.unlock_page.demo_note.text()
    app.window.unlock_page.passphrase.setText(startup.DEMO_PASSPHRASE)
    with qtbot.waitSignal(app.lock.unlocked, timeout=15_000):
        app.window.unlock_page.submit()
    qtbot.waitUntil(lambda: app.window.work.residents.model.rowCount() > 0, timeout=10_000)
    return app


def unnamed_inputs(root: QWidget) -> list[str]:
    missing = []
    for w in root.findChildren(QWidget):
        if isinstance(w, INPUTS) and w.isVisibleTo(root) and not w.accessibleName():
            if isinstance(w.parentWidget(), QAbstractSpinBox | QComboBox):
                continue  # the line edit inside a spin box or combo box
            missing.append(f"{type(w).__name__} {w.objectName()}")
    return missing


def test_settings_dialog_changes_text_size_contrast_and_idle_time(qtbot, make_app, qapp):
    app = make_app()
    app.start()
    try:
        dlg = app.window.open_settings()
        dlg.scale.setValue(175)
        dlg.contrast.setChecked(True)
        dlg.idle.setValue(12)
        dlg.accept()
        assert qapp.font().pointSizeF() == BASE_POINT_SIZE * 1.75
        assert qapp.palette().color(QPalette.ColorRole.Window).name() == "#ffffff"
        assert app.lock.idle.timeout_ms == 60 * 60 * 1000  # the test's injected timeout wins
        stored = load_settings()
        assert (stored.text_scale, stored.high_contrast, stored.idle_lock_minutes) == (
            175,
            True,
            12,
        )
    finally:
        apply_theme(qapp, Settings())


def test_idle_time_from_settings(qtbot, isolated_home):
    from huisbezoek.gui.app import Application

    app = Application(kdf=KdfParams.FLOOR, settings=Settings(idle_lock_minutes=7))
    qtbot.addWidget(app.window)
    try:
        assert app.lock.idle.timeout_ms == 7 * 60_000
        app.ctx.update_settings(Settings(idle_lock_minutes=3))
        assert app.lock.idle.timeout_ms == 3 * 60_000
    finally:
        QApplication.instance().removeEventFilter(app.lock.idle)
        app.lock.shutdown()


def test_ctrl_l_locks_hides_dialogs_and_keeps_typed_text(qtbot, make_app):
    app = unlocked_demo(qtbot, make_app)
    window = app.window
    dlg = window.work.residents.add_resident()
    qtbot.keyClicks(dlg.name, "Half getypt")
    assert dlg.isVisible()
    window.show()
    dlg.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg, timeout=3000)
    with qtbot.waitSignal(app.lock.locked, timeout=5000):
        # An application-wide shortcut: works while a dialog has the focus.
        qtbot.keyClick(dlg.name, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not dlg.isVisible()
    assert window.work.residents.model.rowCount() == 0
    assert not window.new_resident_action.isEnabled()
    window.unlock_page.passphrase.setText(startup.DEMO_PASSPHRASE)
    with qtbot.waitSignal(app.lock.unlocked, timeout=15_000):
        window.unlock_page.submit()
    assert dlg.isVisible() and dlg.name.text() == "Half getypt"
    qtbot.waitUntil(lambda: window.work.residents.model.rowCount() > 0, timeout=10_000)
    dlg.reject()
    # And from the main window itself.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    with qtbot.waitSignal(app.lock.locked, timeout=5000):
        qtbot.keyClick(
            window.work.residents.search, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
        )


def test_every_input_has_an_accessible_name(qtbot, make_app):
    app = unlocked_demo(qtbot, make_app)
    window = app.window
    assert unnamed_inputs(window) == []
    rid = window.work.residents.model.rows()[0].id
    window.work.show_resident(rid)
    qtbot.waitUntil(lambda: window.work.resident.detail is not None)
    for open_dialog in (
        window.work.resident.log_contact,
        window.work.resident.make_appointment,
        window.work.resident.edit,
        window.open_settings,
    ):
        dlg = open_dialog()
        assert unnamed_inputs(dlg) == [], type(dlg).__name__
        dlg.reject()
    visit = window.work.visit
    with qtbot.waitSignal(visit.opened, timeout=10_000):
        window.work.start_visit(rid)
    for i in range(len(visit.visit.form.sections)):
        page = visit.page_for(i)
        for w in page.findChildren(QAbstractButton):
            assert w.accessibleName() or w.text(), "button without a name"
        assert unnamed_inputs(page) == []
    with qtbot.waitSignal(visit.review.loaded, timeout=10_000):
        visit.show_review()
    assert unnamed_inputs(visit.review) == []


def test_tab_order_on_the_resident_list(qtbot, make_app):
    app = unlocked_demo(qtbot, make_app)
    screen = app.window.work.residents
    app.window.show()
    screen.search.setFocus()
    order = [screen.search]
    w = screen.search
    for _ in range(6):
        w = w.nextInFocusChain()
        while not (w.focusPolicy() & Qt.FocusPolicy.TabFocus) or not w.isVisible():
            w = w.nextInFocusChain()
        order.append(w)
    assert order[:5] == [
        screen.search,
        screen.status_filter,
        screen.area_filter,
        screen.table,
        screen.open_button,
    ]


def test_search_and_filters(qtbot, make_app):
    app = unlocked_demo(qtbot, make_app)
    screen = app.window.work.residents
    total = screen.model.rowCount()
    qtbot.keyClicks(screen.search, "kerkpad")
    assert 0 < screen.proxy.rowCount() < total
    screen.search.clear()
    screen.area_filter.setCurrentIndex(screen.area_filter.findData("Oude Kern"))
    rows = [screen.proxy.index(r, 3).data() for r in range(screen.proxy.rowCount())]
    assert rows and set(rows) == {"Oude Kern"}
    assert f"van {total}" in screen.count.text()


def test_csv_import_reports_row_errors_and_adds_nothing(qtbot, make_app, tmp_path):
    from huisbezoek.gui import operations

    app = unlocked_demo(qtbot, make_app)
    screen = app.window.work.residents
    before = screen.model.rowCount()
    bad = tmp_path / "lijst.csv"
    bad.write_text("naam;postcode\nPiet Bakker;1234 AB\n;9999\nKees;12\n", encoding="utf-8")
    dlg = screen.import_csv(bad)
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=10_000)
    message = operations.last_errors()[-1]
    assert "Regel 3" in message and "Regel 4" in message and "niets ingelezen" in message
    assert len(res_svc.list_residents(app.ctx.vault)) == before
    good = tmp_path / "goed.csv"
    good.write_text("naam;adres;wijk\nPiet Bakker;Dorpsstraat 1;Oude Kern\n", encoding="utf-8")
    dlg = screen.import_csv(good)
    qtbot.waitUntil(lambda: screen.model.rowCount() == before + 1, timeout=10_000)


def test_forgotten_passphrase_with_the_recovery_key(qtbot, make_app):
    from .conftest import PASS

    created = startup.create_vault("Els", PASS, kdf=KdfParams.FLOOR)
    key = created.recovery_key
    startup.close(created.opened)
    app = make_app()
    app.start()
    page = app.window.unlock_page
    assert not page.demo_note.isVisible()  # a real vault never shows a passphrase
    qtbot.mouseClick(page.forgot, Qt.MouseButton.LeftButton)
    assert page.stack.currentIndex() == 1
    page.recovery_key.setText("AAAA-" + key[5:])
    page.new_pass.setText("nieuwe zin met vier woorden")
    page.new_pass2.setText("nieuwe zin met vier woorden")
    qtbot.mouseClick(page.recover_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.recovery_message.isVisible, timeout=10_000)
    assert "herstelsleutel" in page.recovery_message.text().lower()
    page.recovery_key.setText(key.lower().replace("-", " "))
    with qtbot.waitSignal(app.lock.unlocked, timeout=15_000):
        qtbot.mouseClick(page.recover_button, Qt.MouseButton.LeftButton)
    app.lock.lock()
    page.passphrase.setText("nieuwe zin met vier woorden")
    with qtbot.waitSignal(app.lock.unlocked, timeout=15_000):
        page.submit()


def test_dialogs_are_window_modal_and_remember_their_size(qtbot, make_app):
    app = make_app()
    app.start()
    dlg = app.window.open_settings()
    assert dlg.windowModality() == Qt.WindowModality.WindowModal
    dlg.resize(dlg.width() + 123, dlg.height() + 45)
    size = dlg.size()
    dlg.reject()
    assert "settingsDialog" in load_settings().geometries
    again = app.window.open_settings()
    qtbot.waitUntil(again.isVisible)
    assert again.size() == size
    again.reject()
