"""The normal start opens the workspace that matches the vault on disk; the first start asks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from huisbezoek.coordinator import organisation
from huisbezoek.coordinator import startup as coordinator_startup
from huisbezoek.exchange.keys import OrgConfig
from huisbezoek.gui.coordinator.window import CoordinatorWindow
from huisbezoek.services import startup
from huisbezoek.services.startup import Role, Step

from .conftest import PASS, wait_op_idle
from .test_volunteer_path import first_start


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def coordinator_windows() -> list:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, CoordinatorWindow) and w.isVisible()
    ]


def coordinator_first_start(qtbot, app, tmp_path):
    app.start()
    page = app.window.first_start
    assert page is not None and page.current is Step.ROLE
    assert page.role_coordinator.accessibleName() == "Ik ben coördinator"
    page.role_coordinator.setFocus()
    qtbot.keyClick(page.role_coordinator, Qt.Key.Key_Space)
    assert page.role() is Role.COORDINATOR
    click(qtbot, page.next_button)
    assert page.current is Step.ORG_NAME
    click(qtbot, page.next_button)  # nothing filled in
    assert page.current is Step.ORG_NAME and page.error.isVisible()
    qtbot.keyClicks(page.org_name, "Welzijn Teststad")
    qtbot.keyClicks(page.coordinator_name, "Carla")
    click(qtbot, page.next_button)
    assert page.current is Step.PASSPHRASE
    qtbot.keyClicks(page.pass1, PASS)
    qtbot.keyClicks(page.pass2, PASS)
    click(qtbot, page.next_button)
    qtbot.waitUntil(lambda: page.current is Step.RECOVERY_KEY, timeout=15_000)
    key = page.key_label.text()
    assert len(key.split("-")) >= 8
    page.key_written.setChecked(True)
    click(qtbot, page.next_button)
    qtbot.keyClicks(page.confirm, key.split("-")[-1])
    click(qtbot, page.next_button)
    assert page.current is Step.ORG_FILE
    click(qtbot, page.next_button)  # not before the volunteers' file is saved
    assert page.current is Step.ORG_FILE and page.error.isVisible()
    org_file = tmp_path / "organisatie.json"
    page.save_org_file(org_file)
    qtbot.waitUntil(lambda: page.org_file_saved is not None, timeout=10_000)
    config = OrgConfig.from_bytes(org_file.read_bytes())
    assert config.name == "Welzijn Teststad"
    assert config.fingerprint in page.org_file_summary.text()
    click(qtbot, page.next_button)
    qtbot.waitUntil(lambda: app.coordinator is not None, timeout=10_000)
    assert page.key_label.text() == ""
    return config


def test_coordinator_first_start_and_reopen(qtbot, make_app, tmp_path):
    app = make_app()
    config = coordinator_first_start(qtbot, app, tmp_path)
    window = app.coordinator
    assert isinstance(window, CoordinatorWindow) and window.isVisible()
    assert window.vault.kind == "coordinator"
    assert not app.window.isVisible() and app.window.work is None  # no volunteer screens
    # The file for volunteers can be saved again from the volunteers tab.
    again_file = tmp_path / "nog-een-keer.json"
    window.volunteers.save_org_file(again_file)
    label = window.volunteers.fingerprint
    qtbot.waitUntil(lambda: config.fingerprint in label.text(), timeout=10_000)
    assert OrgConfig.from_bytes(again_file.read_bytes()).fingerprint == config.fingerprint
    wait_op_idle(qtbot)
    app.close_coordinator()
    installed = startup.installed_workspace()
    assert installed is not None and installed.role is Role.COORDINATOR

    # Start again: the coordinator's unlock, then the coordinator screens.
    again = make_app()
    again.start()
    dialog = again.coordinator_unlock
    assert dialog is not None and dialog.isVisible()
    assert not again.window.isVisible() and again.window.first_start is None
    qtbot.keyClicks(dialog.name, "Carla")
    qtbot.keyClicks(dialog.passphrase, "verkeerde wachtwoordzin")
    click(qtbot, dialog.open_button)
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=15_000)
    assert again.coordinator is None
    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, PASS)
    click(qtbot, dialog.open_button)
    qtbot.waitUntil(lambda: again.coordinator is not None, timeout=15_000)
    assert again.coordinator.isVisible()
    from huisbezoek.coordinator.organisation import organisation_config

    assert organisation_config(again.coordinator.vault).fingerprint == config.fingerprint
    assert again.window.work is None


def test_volunteer_vault_never_shows_coordinator_screens(qtbot, make_app):
    app = make_app()
    first_start(qtbot, app)
    assert app.coordinator is None and app.coordinator_unlock is None
    assert not coordinator_windows()
    assert app.window.work is not None and app.window.isVisible()
    app.lock.lock()
    app.lock.shutdown()

    again = make_app()
    again.start()
    assert again.coordinator_unlock is None and again.window.isVisible()
    assert again.window.pages.currentWidget() is again.window.unlock_page
    assert not coordinator_windows()


def test_coordinator_pages_at_200_percent(qtbot, make_app, qapp, tmp_path):
    from huisbezoek.gui.theme import apply_theme
    from huisbezoek.services.settings import Settings

    from .test_layout import SCREEN, clipped, settle

    try:
        app = make_app(settings=Settings(text_scale=200))
        window = app.window
        window.resize(*SCREEN)
        app.start()
        page = window.first_start
        settle(qtbot, window)
        assert not (problems := clipped(window)), problems
        page.role_coordinator.setChecked(True)
        page.next()
        assert page.current is Step.ORG_NAME
        settle(qtbot, window)
        assert not (problems := clipped(window)), problems
        page.org_name.setText("Welzijn Teststad")
        page.coordinator_name.setText("Carla")
        page.next()
        page.pass1.setText(PASS)
        page.pass2.setText(PASS)
        page.next()
        qtbot.waitUntil(lambda: page.recovery_key_text != "", timeout=15_000)
        page.key_written.setChecked(True)
        page.next()
        page.confirm.setText(page.recovery_key_text.split("-")[-1])
        page.next()
        assert page.current is Step.ORG_FILE
        page.save_org_file(tmp_path / "organisatie.json")
        qtbot.waitUntil(lambda: page.org_file_saved is not None, timeout=10_000)
        settle(qtbot, window)
        assert not (problems := clipped(window)), problems
    finally:
        apply_theme(qapp, Settings())


def test_coordinator_passphrase_forgotten(qtbot, make_app):
    import pytest

    from huisbezoek.vault.errors import WrongPassphraseError
    from huisbezoek.vault.keyslots import KdfParams

    created = coordinator_startup.create_coordinator_vault(
        "Welzijn", "Carla", PASS, kdf=KdfParams.FLOOR
    )
    created.opened.vault.close()
    app = make_app()
    app.start()
    dialog = app.coordinator_unlock
    assert dialog is not None and not dialog.recovery.isVisible()
    click(qtbot, dialog.forgot)
    assert dialog.recovery.isVisible() and not dialog.passphrase.isEnabled()
    assert dialog.recovery_key.accessibleName() == "Herstelsleutel"
    qtbot.keyClicks(dialog.name, "Carla")
    qtbot.keyClicks(dialog.recovery_key, created.recovery_key.lower())
    new = "lamp tafel winter zeven"
    qtbot.keyClicks(dialog.new_pass, new)
    qtbot.keyClicks(dialog.new_pass2, new + "x")
    click(qtbot, dialog.open_button)
    assert "niet hetzelfde" in dialog.message.text() and app.coordinator is None
    dialog.new_pass2.clear()
    qtbot.keyClicks(dialog.new_pass2, new)
    click(qtbot, dialog.open_button)
    qtbot.waitUntil(lambda: app.coordinator is not None, timeout=15_000)
    assert app.coordinator.isVisible() and dialog.recovery_key.text() == ""
    wait_op_idle(qtbot)
    app.close_coordinator()
    with pytest.raises(WrongPassphraseError):
        organisation.open_coordinator(None, PASS)
    organisation.open_coordinator(None, new).close()


def test_coordinator_unlock_at_200_percent(qtbot, make_app, qapp):
    from huisbezoek.gui.theme import apply_theme
    from huisbezoek.services.settings import Settings
    from huisbezoek.vault.keyslots import KdfParams

    from .test_layout import clipped

    created = coordinator_startup.create_coordinator_vault(
        "Welzijn", "Carla", PASS, kdf=KdfParams.FLOOR
    )
    created.opened.vault.close()
    try:
        app = make_app(settings=Settings(text_scale=200))
        app.start()
        dialog = app.coordinator_unlock
        qtbot.waitExposed(dialog)
        qtbot.wait(20)
        assert not (problems := clipped(dialog)), problems
        click(qtbot, dialog.forgot)
        qtbot.wait(20)
        assert not (problems := clipped(dialog)), problems
    finally:
        apply_theme(qapp, Settings())
