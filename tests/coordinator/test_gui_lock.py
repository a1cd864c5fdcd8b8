"""The coordinator's workspace locks like the volunteer's: after idle time (a short timeout,
injected) and on Ctrl+L the store closes and no resident's name or signal is on screen; a wrong
passphrase keeps it locked with a calm message; unlocking returns to the same tab with the data
and what was typed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from huisbezoek.coordinator import followup as fu
from huisbezoek.coordinator import organisation
from huisbezoek.coordinator.store.backend import CoordinatorStore
from huisbezoek.domain import Severity
from huisbezoek.gui import operations
from huisbezoek.vault.keyslots import KdfParams

from .helpers import add_batch, add_signal, add_volunteer

PASS = "fiets kopje regen zeven"  # test data
RESIDENT = "Bep Testvrouw"  # invented
SIGNAL = "Valt vaak op de trap bij de voordeur."
HOUR_MS = 60 * 60 * 1000


def visible_texts() -> str:
    """Every text a visible widget shows, including table cells (one string to search)."""
    parts: list[str] = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        for w in [top, *top.findChildren(QWidget)]:
            if not w.isVisible():
                continue
            if isinstance(w, QLabel | QAbstractButton | QLineEdit):
                parts.append(w.text())
            elif isinstance(w, QPlainTextEdit):
                parts.append(w.toPlainText())
            elif isinstance(w, QAbstractItemView) and w.model() is not None:
                model = w.model()
                for r in range(model.rowCount()):
                    for c in range(model.columnCount()):
                        parts.append(str(model.index(r, c).data() or ""))
    return "\n".join(parts)


@pytest.fixture
def window(qtbot: Any, tmp_path: Path) -> Iterator[Any]:
    from huisbezoek.gui.coordinator.window import CoordinatorWindow

    created = organisation.init_organisation(
        tmp_path / "coord", PASS, "Welzijn Teststad", kdf=KdfParams.FLOOR
    )
    store = CoordinatorStore.from_vault(created.store)
    with store.session() as session:
        add_volunteer(session)
        add_signal(
            session, add_batch(session), name=RESIDENT, text=SIGNAL, severity=Severity.DIRECT
        )
        fu.sync_followups(session)
    win = CoordinatorWindow(created.store, user="Carla", idle_ms=HOUR_MS, kdf=KdfParams.FLOOR)
    qtbot.addWidget(win)
    win.show()
    win.tabs.setCurrentWidget(win.queue)
    qtbot.waitUntil(lambda: win.queue.model.rowCount() == 1, timeout=10_000)
    win.queue.select(win.queue.model.items[0].signal_id)
    assert RESIDENT in visible_texts() and SIGNAL in visible_texts()
    win.setProperty("testRecoveryKey", created.recovery_key)
    yield win
    if win.lock.dialog is not None:
        win.lock.dialog.close()
    win.close()
    operations.worker().flush(10)
    if not win.vault.closed:
        win.vault.close()


def unlock(qtbot: Any, win: Any, passphrase: str = PASS) -> None:
    dialog = win.lock.dialog
    dialog.passphrase.setText(passphrase)
    with qtbot.waitSignal(win.lock.unlocked, timeout=15_000):
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)


def test_idle_timeout_locks_and_unlocking_returns_to_the_same_tab(qtbot: Any, window: Any) -> None:
    win = window
    assert win.lock.idle.timeout_ms == HOUR_MS
    # Something typed in the follow-up before the lock.
    qtbot.keyClicks(win.queue.note, "Dochter gebeld.")
    win.queue.assigned.setText("Carla")
    with qtbot.waitSignal(win.lock.locked, timeout=5000):
        win.lock.idle.set_timeout_ms(30)
    assert win.vault.closed and win.lock.is_locked
    assert not win.isVisible()
    texts = visible_texts()
    assert RESIDENT not in texts and SIGNAL not in texts
    assert win.queue.model.rowCount() == 0 and win.volunteers.table.rowCount() == 0
    dialog = win.lock.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.name.text() == "Carla" and dialog.name.isReadOnly()
    assert dialog.forgot.isVisible()  # "Wachtwoordzin vergeten?" is still there
    win.lock.idle.set_timeout_ms(HOUR_MS)  # no second lock while unlocking

    unlock(qtbot, win)
    assert win.isVisible() and not win.vault.closed and not dialog.isVisible()
    assert win.tabs.currentWidget() is win.queue
    qtbot.waitUntil(lambda: SIGNAL in visible_texts(), timeout=10_000)
    assert RESIDENT in visible_texts()
    assert win.queue.note.toPlainText() == "Dochter gebeld."
    assert win.queue.assigned.text() == "Carla"
    # The reopened store is used: saving the follow-up works.
    win.queue.save()
    qtbot.waitUntil(lambda: "Dochter gebeld." in win.queue.history.text(), timeout=10_000)
    assert win.lock.idle.active


def test_ctrl_l_locks_and_a_wrong_passphrase_keeps_it_locked(qtbot: Any, window: Any) -> None:
    win = window
    win.tabs.setCurrentWidget(win.dashboard)
    qtbot.waitUntil(lambda: win.dashboard.themes.text() != "", timeout=10_000)
    action = win.lock_action
    assert action.shortcut().toString() == "Ctrl+L" and action.toolTip()
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=3000)
    with qtbot.waitSignal(win.lock.locked, timeout=5000):
        qtbot.keyClick(win.tabs, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert win.vault.closed and not win.isVisible()
    assert RESIDENT not in visible_texts()
    assert win.dashboard.table.rowCount() == 0

    dialog = win.lock.dialog
    dialog.passphrase.setText("verkeerde wachtwoordzin")
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=15_000)
    assert "klopt niet" in dialog.message.text()
    assert "Traceback" not in dialog.message.text()
    assert win.vault.closed and not win.isVisible() and dialog.isVisible()
    assert RESIDENT not in visible_texts()

    dialog.passphrase.clear()
    unlock(qtbot, win)
    assert win.tabs.currentWidget() is win.dashboard
    qtbot.waitUntil(lambda: win.dashboard.themes.text() != "", timeout=10_000)
    win.tabs.setCurrentWidget(win.queue)
    qtbot.waitUntil(lambda: RESIDENT in visible_texts(), timeout=10_000)


def test_locked_dialog_is_not_clipped_at_200_percent(qtbot: Any, qapp: Any, window: Any) -> None:
    from huisbezoek.gui.i18n import install_pseudo_translator
    from huisbezoek.gui.theme import apply_theme
    from huisbezoek.services.settings import Settings

    from .test_gui_layout import clipped

    apply_theme(qapp, Settings(text_scale=200))
    translator = install_pseudo_translator(1.3)
    try:
        with qtbot.waitSignal(window.lock.locked, timeout=5000):
            window.lock_action.trigger()
        dialog = window.lock.dialog
        qtbot.waitExposed(dialog)
        problems, checked = clipped(dialog)
        assert checked >= 4 and problems == []
        qtbot.mouseClick(dialog.forgot, Qt.MouseButton.LeftButton)
        assert dialog.recovery.isVisible() and not dialog.passphrase.isEnabled()
        # The dialog grows once its layout has run; no label stays clipped.
        qtbot.waitUntil(lambda: clipped(dialog)[0] == [], timeout=3000)
    finally:
        qapp.removeTranslator(translator)
        apply_theme(qapp, Settings())


def test_passphrase_forgotten_while_locked(qtbot: Any, window: Any) -> None:
    win = window
    win.tabs.setCurrentWidget(win.report)
    with qtbot.waitSignal(win.lock.locked, timeout=5000):
        win.lock_action.trigger()
    dialog = win.lock.dialog
    qtbot.mouseClick(dialog.forgot, Qt.MouseButton.LeftButton)
    dialog.recovery_key.setText(str(win.property("testRecoveryKey")).lower())
    new = "lamp tafel wolk spijker"
    dialog.new_pass.setText(new)
    dialog.new_pass2.setText(new)
    with qtbot.waitSignal(win.lock.unlocked, timeout=15_000):
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert win.tabs.currentWidget() is win.report and not win.vault.closed
    assert dialog.recovery_key.text() == "" and dialog.new_pass.text() == ""
    # The new passphrase is the one that unlocks next time.
    with qtbot.waitSignal(win.lock.locked, timeout=5000):
        win.lock_action.trigger()
    unlock(qtbot, win, new)
    win.tabs.setCurrentWidget(win.queue)
    qtbot.waitUntil(lambda: RESIDENT in visible_texts(), timeout=10_000)
