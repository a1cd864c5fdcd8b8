"""Walk every screen and dialog the volunteer and the coordinator see, calling ``check``.

``check(name, window)`` is called at each stop with the top-level window as it is on screen
then; it returns a list of problems. The walk returns every problem found, prefixed with the
screen's name, so one test run lists all of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QTabBar,
    QToolButton,
    QWidget,
)

from huisbezoek.services import residents as res_svc

from .conftest import PASS

Check = Callable[[str, QWidget], list[str]]

_MNEMONIC = re.compile(r"&([^&\s])")


def mnemonic_of(text: str) -> str | None:
    match = _MNEMONIC.search(text.replace("&&", ""))
    return match.group(1).lower() if match else None


def mnemonics(window: QWidget) -> list[tuple[str, str]]:
    """(letter, text) of every mnemonic that Alt+letter reaches in ``window`` right now."""
    found: list[tuple[str, str]] = []
    for w in window.findChildren(QWidget):
        if not w.isVisible() or w.window() is not window:
            continue
        texts: list[str] = []
        if isinstance(w, QAbstractButton) or (isinstance(w, QLabel) and w.buddy() is not None):
            texts.append(w.text())
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QTabBar):
            texts.extend(w.tabText(i) for i in range(w.count()) if w.isTabVisible(i))
        for text in texts:
            letter = mnemonic_of(text)
            if letter:
                found.append((letter, text))
    if isinstance(window, QMainWindow) and window.menuWidget() is not None:
        for action in window.menuBar().actions():
            if action.isVisible() and (letter := mnemonic_of(action.text())):
                found.append((letter, action.text()))
    return found


def mnemonic_clashes(name: str, window: QWidget) -> list[str]:
    by_letter: dict[str, list[str]] = {}
    for letter, text in mnemonics(window):
        by_letter.setdefault(letter, []).append(text)
    problems = [
        f"Alt+{letter.upper()}: {' / '.join(texts)}"
        for letter, texts in sorted(by_letter.items())
        if len(texts) > 1
    ]
    # Inside each menu too (Alt+B, then a letter).
    for menu in window.findChildren(QMenu):
        letters: dict[str, list[str]] = {}
        for action in menu.actions():
            if action.isVisible() and (letter := mnemonic_of(action.text())):
                letters.setdefault(letter, []).append(action.text())
        problems += [
            f"menu {menu.title()!r} {letter}: {' / '.join(texts)}"
            for letter, texts in letters.items()
            if len(texts) > 1
        ]
    return problems


# Widgets that take focus but are parts of another control (its accessible name is theirs).
_INNER = ("qt_calendar_", "qt_spinbox_lineedit", "qt_scrollarea_viewport", "qt_tableview_corner")


def unnamed_controls(name: str, window: QWidget) -> list[str]:
    """Visible interactive controls without an accessible name or description."""
    problems = []
    for w in window.findChildren(QWidget):
        if not w.isVisible() or w.window() is not window:
            continue
        # Interactive: reached with Tab, or an answer button reached with the arrow keys. Text
        # that can only be selected with the mouse is not a control.
        tab_stop = bool(w.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if not (tab_stop or isinstance(w, QAbstractButton)) or w.objectName().startswith(_INNER):
            continue
        if isinstance(w.parentWidget(), QAbstractButton | QTabBar):
            continue
        iface = QAccessible.queryAccessibleInterface(w)
        if iface is None:
            problems.append(f"{type(w).__name__}: no accessibility interface")
            continue
        if isinstance(w, QTabBar):
            # A screen reader reads each tab on its own: its text and its tool tip.
            for index in range(w.count()):
                tab = iface.child(index)
                if tab is None or not tab.text(QAccessible.Text.Description).strip():
                    problems.append(f"tab {w.tabText(index)!r}: no accessible description")
            continue
        label = iface.text(QAccessible.Text.Name).strip()
        what = f"{type(w).__name__} {w.objectName() or label or '?'}"
        if not label:
            problems.append(f"{what}: no accessible name")
        # Push buttons say what they do in their own words; a description would only make a
        # screen reader repeat them. Everything else says how it is used or what it expects.
        needs_description = not isinstance(w, QPushButton | QToolButton)
        if needs_description and not iface.text(QAccessible.Text.Description).strip():
            problems.append(f"{what}: no accessible description")
    return problems


def settle(qtbot) -> None:
    qtbot.wait(30)


def walk_volunteer(qtbot, make_app, check: Check) -> list[str]:
    problems: list[str] = []

    def stop(name: str, widget: QWidget) -> None:
        settle(qtbot)
        window = widget.window()
        problems.extend(f"{name}: {p}" for p in check(name, window))

    app = make_app()
    window = app.window
    window.resize(1366, 768)
    app.start()
    page = window.first_start
    stop("eerste start: rol", window)
    page.next()
    stop("eerste start: naam", window)
    page.name.setText("Els")
    page.next()
    page.pass1.setText(PASS)
    page.pass2.setText(PASS)
    stop("eerste start: wachtwoordzin", window)
    page.next()
    qtbot.waitUntil(lambda: page.recovery_key_text != "", timeout=15_000)
    stop("eerste start: herstelsleutel", window)
    page.key_written.setChecked(True)
    page.next()
    stop("eerste start: controle", window)
    page.confirm.setText(page.recovery_key_text.split("-")[-1])
    page.next()
    stop("eerste start: organisatie", window)
    with qtbot.waitSignal(app.lock.unlocked, timeout=15_000):
        page.next()
    app.lock.lock()
    stop("ontgrendelen", window)
    window.unlock_page.show_recovery(True)
    stop("ontgrendelen met herstelsleutel", window)
    window.unlock_page.show_recovery(False)
    window.unlock_page.passphrase.setText(PASS)
    with qtbot.waitSignal(app.lock.unlocked, timeout=15_000):
        window.unlock_page.submit()
    residents = window.work.residents
    dlg = residents.add_resident()
    stop("nieuwe bewoner", dlg)
    dlg.name.setText("Bep Jansen")
    if hasattr(dlg, "neighbourhood"):
        try:
            dlg.neighbourhood.setEditText("Centrum")
        except AttributeError:
            dlg.neighbourhood.setText("Centrum")
    with qtbot.waitSignal(dlg.saved, timeout=10_000):
        dlg.accept()
    qtbot.waitUntil(lambda: residents.model.rowCount() == 1, timeout=10_000)
    stop("bewoners", window)
    rid = res_svc.list_residents(app.ctx.vault)[0].id
    window.work.show_resident(rid)
    resident = window.work.resident
    qtbot.waitUntil(lambda: resident.detail is not None, timeout=10_000)
    stop("bewoner", window)
    for title, opener in (
        ("bewoner aanpassen", resident.edit),
        ("contact", resident.log_contact),
        ("afspraak", resident.make_appointment),
    ):
        dlg = opener()
        stop(title, dlg)
        dlg.reject()
    visit = window.work.visit
    with qtbot.waitSignal(visit.opened, timeout=10_000):
        window.work.start_visit(rid)
    for index, section in enumerate(visit.visit.form.sections):
        visit.go_to_section(index)
        stop(f"gesprek: {section.title}", window)
    visit.answer("toestemming", True)
    visit.answer("gevallen", True)
    visit.answer("hoe_vaak", 2)
    visit.answer("onveilig", True)
    stop("gesprek met signaal", window)
    with qtbot.waitSignal(visit.review.loaded, timeout=10_000):
        visit.show_review()
    stop("afronden", window)
    dlg = visit.review.add_signal()
    stop("signaal toevoegen", dlg)
    dlg.reject()
    dlg = visit.review.print_documents()
    qtbot.waitUntil(lambda: dlg.preview_ready, timeout=60_000)
    stop("afdrukken", dlg)
    dlg.reject()
    dlg = window.open_settings()
    stop("instellingen", dlg)
    dlg.reject()
    shelf = window.open_shelf()
    qtbot.waitUntil(lambda: shelf.ready, timeout=60_000)
    stop("folders", shelf)
    shelf.reject()
    return problems


def walk_coordinator(qtbot, make_app, tmp_path, check: Check) -> list[str]:
    from .test_coordinator_mode import coordinator_first_start

    problems: list[str] = []
    app = make_app()
    coordinator_first_start(qtbot, app, tmp_path)
    window = app.coordinator
    window.resize(1366, 768)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        settle(qtbot)
        name = f"coördinatie: {window.tabs.tabText(index).replace('&', '')}"
        problems.extend(f"{name}: {p}" for p in check(name, window))
    window.lock.lock() if hasattr(window.lock, "lock") else None
    settle(qtbot)
    for w in QApplication.topLevelWidgets():
        if w.isVisible() and w is not window and w is not app.window:
            name = f"coördinatie: {w.windowTitle()}"
            problems.extend(f"{name}: {p}" for p in check(name, w))
    return problems
