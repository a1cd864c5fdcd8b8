"""The coordinator window on the organisation's shared PostgreSQL store, as a coordinator uses
it: opened by address with a password-protected account (the dialog asks the password only
when the server wants it), a batch imported after the organisation passphrase, the dashboard
against a hand count, a volunteer approved, locked with Ctrl+L and unlocked with the password;
the same with a ~/.pgpass file (nothing asked); and the server in the settings tab."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import create_engine, text

from huisbezoek.coordinator import connection, organisation
from huisbezoek.coordinator.store.backend import CoordinatorStore, init_organisation_in
from huisbezoek.exchange.keys import VolunteerKeys
from huisbezoek.gui import operations
from huisbezoek.vault.keyslots import KdfParams

from .conftest import ServerAccount, account_database
from .helpers import address_csv, batch_file, resident_row
from .test_gui_layout import clipped
from .test_gui_path import _born

pytestmark = pytest.mark.postgres

ORG_PASS = "organisatie zin voor de test"  # test data
HOUR_MS = 60 * 60 * 1000
ENTER = Qt.Key.Key_Return


@pytest.fixture(autouse=True)
def no_password_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "geen-pgpass"))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.delenv(connection.URL_ENV, raising=False)


@pytest.fixture
def server(pg_password_server: Any, tmp_path: Path) -> Iterator[dict[str, Any]]:
    """A shared store with an organisation, Vera (approved) and Piet (waiting)."""
    account = account_database(pg_password_server)
    store = CoordinatorStore.open_url(account.url, password=account.password)
    try:
        config = init_organisation_in(store, "Welzijn Teststad", ORG_PASS, kdf=KdfParams.FLOOR)
        vera, piet = VolunteerKeys.generate(), VolunteerKeys.generate()
        for keys, name in ((vera, "Vera Vrijwilliger"), (piet, "Piet Nieuw")):
            (tmp_path / f"{name}.json").write_bytes(keys.enrolment(name).to_bytes())
            organisation.enrol_volunteer(store, tmp_path / f"{name}.json")
        organisation.approve_volunteer(store, vera.key_id_hex)
    finally:
        store.close()
    yield {"account": account, "config": config, "vera": vera, "piet": piet}
    operations.worker().flush(10)
    for w in QApplication.topLevelWidgets():
        if w.isVisible():
            w.close()


def press_enter(qtbot: Any, dialog: Any) -> None:
    qtbot.keyClick(dialog.focusWidget() or dialog, ENTER)


def open_window(qtbot: Any, account: ServerAccount, password: str | None) -> Any:
    from huisbezoek.gui.coordinator.launch import unlock_dialog

    dialog = unlock_dialog(None, None, kdf=KdfParams.FLOOR, idle_ms=HOUR_MS, url=account.url)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    where = dialog.server_line.text()
    assert account.account in where and account.url.rsplit("/", 1)[1] in where
    assert not dialog.name.isVisible() and not dialog.forgot.isVisible()
    assert not dialog.passphrase.isVisible()  # nothing asked before the server wants it
    if password is None:
        with qtbot.waitSignal(dialog.opened, timeout=20_000):
            press_enter(qtbot, dialog)
    else:
        press_enter(qtbot, dialog)
        qtbot.waitUntil(dialog.passphrase.isVisible, timeout=20_000)
        assert "vraagt uw wachtwoord" in dialog.message.text()
        assert dialog.focusWidget() is dialog.passphrase
        qtbot.keyClicks(dialog.passphrase, "niet het wachtwoord")
        press_enter(qtbot, dialog)
        qtbot.waitUntil(lambda: "klopt niet" in dialog.message.text(), timeout=20_000)
        assert "Traceback" not in dialog.message.text() and dialog.window is None
        assert dialog.message.isVisible()
        qtbot.keyClicks(dialog.passphrase, password)  # the wrong one is selected: replaced
        with qtbot.waitSignal(dialog.opened, timeout=20_000):
            press_enter(qtbot, dialog)
    win = dialog.window
    qtbot.addWidget(win)
    assert win.user == account.account and win.vault is None
    return win


def lock_with_ctrl_l(qtbot: Any, win: Any) -> Any:
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=3000)
    old = win.store
    with qtbot.waitSignal(win.lock.locked, timeout=10_000):
        qtbot.keyClick(win.tabs, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert old.closed and win.lock.is_locked and not win.isVisible()
    assert win.dashboard.table.rowCount() == 0 and win.volunteers.table.rowCount() == 0
    dialog = win.lock.dialog
    qtbot.waitExposed(dialog)
    return dialog


def test_window_on_the_server_with_a_password(qtbot: Any, server: dict[str, Any],
                                              tmp_path: Path) -> None:  # fmt: skip
    account: ServerAccount = server["account"]
    win = open_window(qtbot, account, account.password)
    assert account.account in win.windowTitle() and "127.0.0.1" in win.windowTitle()
    assert not win.file_actions.backup_action.isEnabled()  # pg_dump is the server's backup
    assert not win.file_actions.passphrase_action.isEnabled()
    saved = connection.load_connection()
    assert saved is None  # opened by --url: nothing saved behind the person's back

    # the municipality's address list: 40 residents in Noord
    places = win.assignments
    good = tmp_path / "lijst.csv"
    good.write_bytes(address_csv([resident_row(n, "Noord", born=_born()) for n in range(1, 41)]))
    places.import_list(good)
    qtbot.waitUntil(lambda: "40 nieuw" in places.message.text(), timeout=20_000)

    # import: the organisation passphrase is asked first (the key is sealed on the server)
    win.tabs.setCurrentWidget(win.importer)
    asked = win.importer.import_files([batch_file(tmp_path, server["vera"], server["config"])])
    assert asked.objectName() == "coordinatorOrgKey"
    qtbot.waitExposed(asked)
    qtbot.keyClicks(asked.fields[0], "verkeerde zin voor de sleutel")
    qtbot.keyClick(asked.fields[0], ENTER)
    qtbot.waitUntil(lambda: "opent de sleutel" in asked.message.text(), timeout=20_000)
    assert asked.message.isVisible()
    asked.fields[0].clear()
    qtbot.keyClicks(asked.fields[0], ORG_PASS)
    qtbot.keyClick(asked.fields[0], ENTER)
    qtbot.waitUntil(lambda: "Totaal: 2 nieuw" in win.importer.report.toPlainText(),
                    timeout=30_000)  # fmt: skip
    assert not win.store.needs_org_passphrase()

    # dashboard against the hand count of the batch: 40 residents in the band, 21 invited,
    # 19 reached, 7 said yes and were visited, 12 declined (9 + 3), 2 not reached, nobody
    # moved, 7 with a signal; response 7 of 19 = 37%
    dash = win.dashboard
    win.tabs.setCurrentWidget(dash)
    qtbot.waitUntil(lambda: dash.table.rowCount() == 2 and dash.table.item(0, 2).text() == "21",
                    timeout=20_000)  # fmt: skip
    values = [dash.table.item(0, c).text() for c in range(11)]
    assert values == ["Noord", "40", "21", "19", "7", "7", "12", "2", "0", "37%", "7"]
    assert "Vallen: 1" in dash.themes.text()

    # approve Piet after comparing his fingerprint, by keyboard
    panel = win.volunteers
    win.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 2, timeout=20_000)
    panel.table.setFocus()
    row = next(i for i, r in enumerate(panel.rows) if r.key_id == server["piet"].key_id_hex)
    panel.table.selectRow(row)
    assert server["piet"].fingerprint in panel.fingerprint.text()
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=3000)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Tab)  # Tab leaves the list (it used to walk cells)
    assert QApplication.focusWidget() is panel.enrol_button
    qtbot.keyClick(panel.enrol_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.approve_button
    qtbot.keyClick(panel.approve_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: panel.table.item(row, 1).text() == "goedgekeurd", timeout=20_000)
    # the focus goes back to the list, not on to "Intrekken" (a second Space would revoke)
    assert QApplication.focusWidget() is panel.table
    admin = create_engine(account.admin_url)
    try:
        with admin.connect() as conn:
            approved = conn.scalar(
                text("SELECT count(*) FROM volunteers WHERE approved_at IS NOT NULL")
            )
            assert approved == 2
    finally:
        admin.dispose()

    # lock: the connection closes; unlocking asks the database password again
    dialog = lock_with_ctrl_l(qtbot, win)
    assert dialog.passphrase.isVisible() and dialog.focusWidget() is dialog.passphrase
    assert account.account in dialog.server_line.text()
    with pytest.raises(Exception, match="closed"), win.lock.window.store.session():
        pass
    press_enter(qtbot, dialog)  # nothing typed: the server refuses
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=20_000)
    assert win.lock.is_locked
    qtbot.keyClicks(dialog.passphrase, account.password)
    with qtbot.waitSignal(win.lock.unlocked, timeout=20_000):
        press_enter(qtbot, dialog)
    assert win.isVisible() and not win.store.closed and win.tabs.currentWidget() is panel
    qtbot.waitUntil(lambda: panel.table.rowCount() == 2, timeout=20_000)
    assert win.store.needs_org_passphrase()  # the organisation key was forgotten too
    win.close()
    win.close_store()


def test_with_pgpass_nothing_is_asked_and_the_lock_says_so(
    qtbot: Any, server: dict[str, Any]
) -> None:
    account: ServerAccount = server["account"]
    pgpass = Path(os.environ["PGPASSFILE"])
    port = account.url.split(":")[-1].split("/")[0]
    pgpass.write_text(f"127.0.0.1:{port}:*:{account.account}:{account.password}\n")
    pgpass.chmod(0o600)
    win = open_window(qtbot, account, None)
    dialog = lock_with_ctrl_l(qtbot, win)
    assert not dialog.passphrase.isVisible()
    assert "pgpass" in dialog.relock_hint.text() and "vergrendel" in dialog.relock_hint.text()
    assert dialog.focusWidget() is dialog.open_button
    with qtbot.waitSignal(win.lock.unlocked, timeout=20_000):
        press_enter(qtbot, dialog)
    assert not win.store.closed
    win.close()
    win.close_store()


def test_server_unlock_dialog_fits_at_200_percent(qtbot: Any, qapp: Any) -> None:
    from huisbezoek.gui.coordinator.launch import unlock_dialog
    from huisbezoek.gui.i18n import install_pseudo_translator
    from huisbezoek.gui.theme import apply_theme
    from huisbezoek.services.settings import Settings

    apply_theme(qapp, Settings(text_scale=200))
    translator = install_pseudo_translator(1.3)
    try:
        url = "postgresql+psycopg://an_devries@db.welzijn-teststad.nl:5432/huisbezoek"
        dialog = unlock_dialog(None, None, url=url, password_needed=True)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.waitUntil(lambda: clipped(dialog)[0] == [], timeout=3000)
        assert clipped(dialog)[1] >= 4
        assert dialog.width() <= 1366 and dialog.height() <= 768
    finally:
        qapp.removeTranslator(translator)
        apply_theme(qapp, Settings())


def test_server_in_the_settings_tab(qtbot: Any, server: dict[str, Any], tmp_path: Path) -> None:
    from huisbezoek.gui.coordinator.window import CoordinatorWindow

    account: ServerAccount = server["account"]
    created = organisation.init_organisation(
        tmp_path / "coord", "fiets kopje regen zeven", "Welzijn Laptop", kdf=KdfParams.FLOOR
    )
    win = CoordinatorWindow(created.store, user="Carla", idle_ms=HOUR_MS)
    qtbot.addWidget(win)
    win.show()
    try:
        panel = win.settings
        win.tabs.setCurrentWidget(panel)
        assert "database" not in win.windowTitle()  # the laptop's own store: no server named
        field = panel.server_url
        assert field.text() == "" and field.accessibleName()
        field.setFocus()
        with_password = account.url.replace(account.account, f"{account.account}:geheim")
        qtbot.keyClicks(field, with_password)
        panel.server_save.setFocus()
        qtbot.keyClick(panel.server_save, Qt.Key.Key_Space)
        assert "Zet geen wachtwoord" in panel.server_message.text()
        assert not connection.connection_path().exists()

        field.clear()
        qtbot.keyClicks(field, account.url)
        qtbot.keyClick(panel.test_button, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: "vraagt een wachtwoord" in panel.server_message.text(),
                        timeout=20_000)  # fmt: skip
        assert not connection.connection_path().exists()  # testing saves nothing
        qtbot.keyClick(panel.server_save, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: "Opgeslagen" in panel.server_message.text(), timeout=20_000)
        saved = json.loads(connection.connection_path().read_text("utf-8"))
        assert saved["password_needed"] is True and account.password not in str(saved)
        assert connection.resolve_store_url().url == saved["url"]

        field.clear()
        qtbot.keyClick(panel.server_save, Qt.Key.Key_Space)
        assert "geen server" in panel.server_message.text()
        assert connection.resolve_store_url().url is None
    finally:
        win.close()
        operations.worker().flush(10)
        created.store.close()


def test_the_normal_start_opens_the_connected_server(qtbot: Any, server: dict[str, Any]) -> None:
    """A coordinator who ran ``coordinator connect`` starts ``huisbezoek`` from the Start menu:
    no first-start wizard, the server's unlock dialog, which asks the password at once (the
    server asked it when connecting)."""
    from huisbezoek.gui.app import Application

    account: ServerAccount = server["account"]
    connection.save_connection(account.url, password_needed=True)
    app = Application(idle_ms=HOUR_MS, kdf=KdfParams.FLOOR)
    try:
        app.start()
        dialog = app.coordinator_unlock
        assert dialog is not None and not app.window.isVisible()
        qtbot.waitExposed(dialog)
        assert account.account in dialog.server_line.text()
        assert dialog.passphrase.isVisible() and dialog.focusWidget() is dialog.passphrase
        qtbot.keyClicks(dialog.passphrase, account.password)
        with qtbot.waitSignal(dialog.opened, timeout=20_000):
            press_enter(qtbot, dialog)
        assert app.coordinator is not None and app.coordinator.user == account.account
    finally:
        app.lock.shutdown()
        app.close_coordinator()
        QApplication.instance().removeEventFilter(app.lock.idle)
        app.lock.idle.stop()
