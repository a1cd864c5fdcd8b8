"""The main window: first start, unlock, and the work area (residents, one resident, a visit).

Locking (idle timeout or Ctrl+L) goes through :class:`LockController`: pending answer saves
are flushed first, dialogs that show personal data are hidden (their typed text kept), lists
are emptied, the vault is closed, and the unlock screen takes the window. Unlocking reopens
the vault and puts the volunteer back where they were.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QWidget,
)

from huisbezoek.gui.i18n import translate
from huisbezoek.gui.idle import IdleWarningBanner, IdleWatcher, hide_personal_windows
from huisbezoek.gui.operations import worker
from huisbezoek.gui.unlock import UnlockPage
from huisbezoek.gui.widgets import PageStack
from huisbezoek.services import startup

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.setWindowTitle(translate("Hoofdvenster", "Huisbezoek"))
        self.pages = PageStack()
        self.setCentralWidget(self.pages)
        self.first_start: QWidget | None = None
        self.unlock_page = UnlockPage(ctx)
        # The work area (residents, visit) is built after the first unlock: its modules pull
        # in the database and form libraries, which the unlock screen does not need.
        self.work: Any = None
        self.blank = QLabel(translate("Hoofdvenster", "Even geduld…"))
        self.blank.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for w in (self.blank, self.unlock_page):
            self.pages.addWidget(w)
        self.pages.setCurrentWidget(self.blank)
        from huisbezoek.gui.outbox_ui import OutboxBar

        self.outbox_bar = OutboxBar(ctx, self)
        self.statusBar().addPermanentWidget(self.outbox_bar, 1)
        self._build_menus()
        self._build_shelf_menu()
        self.set_unlocked(False)
        self.placed = ""

    #: Below this available height (logical pixels) the status line is hidden.
    SHORT_SCREEN = 480

    #: The size the window opens at when it fits the screen (else it opens maximised).
    PREFERRED_SIZE = (1100, 740)

    def place_on_screen(self) -> str:
        """Last size if it still fits, else the preferred size, else maximised (see screen_fit)."""
        from PySide6.QtCore import QSize

        from huisbezoek.gui.screen_fit import place_window

        if self.testAttribute(Qt.WidgetAttribute.WA_Resized):
            self.placed = "given"  # sized by the caller (tests, screenshots)
            return self.placed
        # A very short screen (1366x768 at 200% display scaling is 683x364): the status line
        # gives its room to the page; "Nu versturen" stays in the Bestand menu.
        short = self.screen().availableGeometry().height() < self.SHORT_SCREEN
        self.statusBar().setVisible(not short)
        stored = self.ctx.settings.geometries.get(self.objectName())
        self.placed = place_window(self, QSize(*self.PREFERRED_SIZE), stored)
        return self.placed

    def _action(self, text: str, slot, shortcut=None, name: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.triggered.connect(slot)
        if name:
            action.setObjectName(name)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(translate("Menu", "&Bestand"))
        self.lock_action = self._action(
            translate("Menu", "&Vergrendelen"), self.request_lock, "Ctrl+L", "lockAction"
        )
        self.settings_action = self._action(
            translate("Menu", "&Instellingen…"), self.open_settings, "Ctrl+,", "settingsAction"
        )
        self.quit_action = self._action(
            translate("Menu", "&Afsluiten"), self.close, QKeySequence.StandardKey.Quit, "quitAction"
        )
        self.export_action = self._action(
            translate("Menu", "Naar de &coördinator sturen…"),
            self._export,
            "Ctrl+E",
            "exportAction",
        )
        self.org_action = self._action(
            translate("Menu", "&Organisatie-instellingen inlezen…"),
            self._org_config,
            None,
            "orgAction",
        )
        self.package_action = self._action(
            translate("Menu", "&Pakket van de coördinator inlezen…"),
            self._package,
            None,
            "packageAction",
        )
        self.send_action = self._action(
            translate("Menu", "&Nu versturen"), lambda: self.outbox_bar.send(quiet=False), None,
            "sendNowAction",
        )  # fmt: skip
        self.drop_action = self._action(
            translate("Menu", "Verbin&ding met de organisatie…"), self._drop, None, "dropAction"
        )
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.send_action)
        file_menu.addAction(self.drop_action)
        file_menu.addAction(self.org_action)
        file_menu.addAction(self.package_action)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        res_menu = bar.addMenu(translate("Menu", "Bewone&rs"))
        self.list_action = self._action(
            translate("Menu", "&Lijst van bewoners"),
            lambda: self.ensure_work().show_list(),
            "Ctrl+1",
            "listAction",
        )
        self.new_resident_action = self._action(
            translate("Menu", "&Nieuwe bewoner…"), self._new_resident, "Ctrl+N", "newResidentAction"
        )
        self.find_action = self._action(
            translate("Menu", "&Zoeken"), self._find, "Ctrl+F", "findAction"
        )
        self.import_action = self._action(
            translate("Menu", "Adressen &inlezen (CSV)…"),
            self._import_csv,
            None,
            "importAction",
        )
        self.retention_action = self._action(
            translate("Menu", "&Bewaartermijn: wat weg mag…"),
            self._retention,
            None,
            "retentionAction",
        )
        for a in (self.list_action, self.new_resident_action, self.find_action, self.import_action):
            res_menu.addAction(a)
        res_menu.addSeparator()
        res_menu.addAction(self.retention_action)
        help_menu = bar.addMenu(translate("Menu", "&Hulp"))
        help_menu.addAction(self._action(translate("Menu", "&Over Huisbezoek"), self._about))
        self.data_actions = [
            self.export_action,
            self.send_action,
            self.drop_action,
            self.org_action,
            self.package_action,
            self.list_action,
            self.new_resident_action,
            self.find_action,
            self.import_action,
            self.retention_action,
        ]

    lock_requested = Signal()

    def request_lock(self) -> None:
        self.lock_requested.emit()

    def set_unlocked(self, unlocked: bool) -> None:
        for a in self.data_actions:
            a.setEnabled(unlocked)
        self.lock_action.setEnabled(unlocked)

    def show_first_start(self, page: QWidget) -> None:
        self.first_start = page
        self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)

    def show_unlock(self) -> None:
        self.unlock_page.prepare()
        self.pages.setCurrentWidget(self.unlock_page)
        self.unlock_page.passphrase.setFocus()

    def ensure_work(self) -> Any:
        if self.work is None:
            from huisbezoek.gui.work_area import WorkArea

            self.work = WorkArea(self.ctx)
            self.pages.addWidget(self.work)
        return self.work

    def show_work(self) -> None:
        self.pages.setCurrentWidget(self.ensure_work())

    def open_settings(self) -> Any:
        from huisbezoek.gui.settings_dialog import SettingsDialog

        dlg = SettingsDialog(self, self.ctx)
        dlg.open()
        return dlg

    def _new_resident(self) -> None:
        work = self.ensure_work()
        work.show_list()
        work.residents.add_resident()

    def _export(self) -> None:
        """With a drop set: into the outbox and sent when online; without: a file to carry."""
        from huisbezoek.gui.exchange_ui import choose_and_export
        from huisbezoek.gui.operations import run_op
        from huisbezoek.gui.outbox_ui import export_to_outbox
        from huisbezoek.services import outbox

        vault = self.ctx.vault

        def chosen(has_drop: bool) -> None:
            if has_drop:
                export_to_outbox(self, self.ctx, self.outbox_bar)
            else:
                choose_and_export(self, self.ctx)

        run_op(self, lambda: outbox.open_volunteer_drop(vault) is not None, on_done=chosen)

    def _drop(self) -> None:
        from huisbezoek.gui.outbox_ui import DropDialog

        dialog = DropDialog(self, self.ctx, on_saved=lambda: self.outbox_bar.send(quiet=False))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _org_config(self) -> None:
        from huisbezoek.gui.exchange_ui import choose_org_config

        choose_org_config(self, self.ctx)

    def _package(self) -> None:
        from huisbezoek.gui.package_import import choose_and_import_package

        choose_and_import_package(self, self.ctx, on_done=self._package_done)

    def _package_done(self, _box) -> None:
        # New residents from an assignment show in the list at once.
        if self.work is not None:
            self.work.residents.reload()

    def _retention(self) -> Any:
        from huisbezoek.gui.privacy_dialogs import RetentionDialog

        if self.ctx.vault is None:
            return None
        dlg = RetentionDialog(self, self.ctx)
        dlg.purged.connect(lambda _result: self.ensure_work().show_list())
        dlg.open()
        return dlg

    def _import_csv(self) -> None:
        self.ensure_work().residents.choose_csv()

    def _find(self) -> None:
        work: Any = self.work
        if work is not None and self.pages.currentWidget() is self.work:
            work.setCurrentWidget(work.residents)
            work.residents.search.setFocus()
            work.residents.search.selectAll()

    def _about(self) -> None:
        from huisbezoek import __version__

        QMessageBox.about(
            self,
            translate("Menu", "Over Huisbezoek"),
            translate(
                "Menu",
                "Huisbezoek {versie}\nVoor vrijwilligers die ouderen thuis bezoeken. "
                "Alles blijft op deze computer, in een kluis op slot.",
            ).format(versie=__version__),
        )

    def _build_shelf_menu(self) -> None:
        """The Folders menu, before Hulp. Leaflets hold no personal data: usable while locked."""
        self.shelf_action = self._action(
            translate("Menu", "&Folders afdrukken…"), self.open_shelf, "Ctrl+Shift+P", "shelfAction"
        )
        bar = self.menuBar()
        menu = QMenu(translate("Menu", "&Folders"), self)
        menu.addAction(self.shelf_action)
        bar.insertMenu(bar.actions()[-1], menu)

    def open_shelf(self) -> Any:
        from huisbezoek.gui.leaflet_shelf import LeafletShelf

        shelf = LeafletShelf(self, self.ctx)
        shelf.open()
        return shelf

    closing = Signal()

    def closeEvent(self, event) -> None:
        from huisbezoek.gui.screen_fit import saved_geometry

        if self.isVisible():
            self.ctx.remember_geometry(self.objectName(), saved_geometry(self))
        self.closing.emit()
        super().closeEvent(event)


class LockController(QObject):
    """Owns the unlocked state; see the module docstring."""

    locked = Signal()
    unlocked = Signal()

    def __init__(self, ctx, window: MainWindow, idle_ms: int | None = None) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.opened = None
        self.hidden_windows: list[QWidget] = []
        minutes = ctx.settings.idle_lock_minutes
        self.idle = IdleWatcher(idle_ms if idle_ms is not None else minutes * 60_000, self)
        self.idle.install()
        self.idle.idle.connect(self.lock)
        self.idle_warning = IdleWarningBanner(window, self.idle)
        window.lock_requested.connect(self.lock)
        ctx.lock_requested.connect(self.lock)
        window.unlock_page.unlocked.connect(self.on_unlocked)
        window.closing.connect(self.shutdown)
        ctx.settings_changed.connect(self._settings_changed)
        self._fixed_idle = idle_ms is not None

    def _settings_changed(self) -> None:
        if not self._fixed_idle:
            self.idle.set_timeout_ms(self.ctx.settings.idle_lock_minutes * 60_000)

    @property
    def is_unlocked(self) -> bool:
        return self.opened is not None

    def on_unlocked(self, opened) -> None:
        self.opened = opened
        self.ctx.vault = opened.vault
        self.ctx.volunteer_name = opened.volunteer_name
        self.ctx.is_demo = opened.is_demo
        title = translate("Hoofdvenster", "Huisbezoek")
        if opened.is_demo:
            title += " — " + translate("Hoofdvenster", "DEMO (verzonnen bewoners)")
        self.window.setWindowTitle(title)
        self.window.set_unlocked(True)
        self.window.show_work()
        self.window.work.reload_after_unlock()
        self.window.outbox_bar.refresh()
        self.window.outbox_bar.send(quiet=True)  # what waits goes when the drop is reachable
        purged = getattr(opened, "purged", 0)
        self.window.work.residents.set_notice(
            translate(
                "Hoofdvenster",
                "Bij het openen zijn {n} bewoner(s) van de laptop gehaald: de bewaartermijn "
                "was voorbij. Zie Bewoners > Bewaartermijn.",
            ).format(n=purged)
            if purged
            else ""
        )
        for w in self.hidden_windows:
            w.show()
        self.hidden_windows = []
        self.idle.start()
        self.unlocked.emit()

    def lock(self) -> None:
        if self.opened is None:
            return
        self.idle.stop()
        work = self.window.work
        if work is not None:
            work.visit.flush_pending()  # start any debounced save now
        if not worker().flush(timeout=30):
            log.error("pending saves did not finish before locking")
        self._hide_personal_windows()
        self.window.outbox_bar.clear()
        if work is not None:
            work.clear_personal_data()
        opened, self.opened = self.opened, None
        self.ctx.vault = None
        worker().submit(lambda: startup.close(opened))
        worker().flush(timeout=10)
        self.window.set_unlocked(False)
        self.window.setWindowTitle(translate("Hoofdvenster", "Huisbezoek — op slot"))
        self.window.show_unlock()
        self.locked.emit()

    def _hide_personal_windows(self) -> None:
        self.hidden_windows = hide_personal_windows(keep=(self.window,))

    def shutdown(self) -> None:
        from huisbezoek.gui.outbox_ui import shutdown_network_worker

        self.idle.stop()
        self.window.outbox_bar.clear()
        shutdown_network_worker()
        if self.window.work is not None:
            self.window.work.visit.flush_pending()
        worker().flush(timeout=30)
        opened, self.opened = self.opened, None
        self.ctx.vault = None
        if opened is not None:
            worker().submit(lambda: startup.close(opened))
            worker().flush(timeout=10)
