"""The coordinator's window: tabs for volunteers, importing batches, the follow-up queue, the
dashboard per neighbourhood, the report with retention and subject rights, and the address list
with the packages for volunteers. Each tab is its own module (``*_tab.py``); the window builds
them, wires their signals and hands them the store after an unlock.

All store work runs on the vault worker (``run_op``); the screens get plain data back. The
window locks itself after idle time or on Ctrl+L (``gui.coordinator.lock``).

The tabs work on a ``CoordinatorStore`` only, so the same window runs on the coordinator's
vault and on the organisation's shared PostgreSQL store. On PostgreSQL the window's title names
the server and account; a backup and a new vault passphrase (File menu) are the vault's and are
switched off there (the server's administrator makes backups with ``pg_dump``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QMainWindow,
    QTabWidget,
    QWidget,
)

from huisbezoek.coordinator.store.backend import POSTGRESQL, CoordinatorStore
from huisbezoek.gui.coordinator.assignments_tab import AssignmentsPanel
from huisbezoek.gui.coordinator.dashboard_tab import DashboardPanel
from huisbezoek.gui.coordinator.file_actions import FileActions
from huisbezoek.gui.coordinator.import_tab import ImportPanel
from huisbezoek.gui.coordinator.lock import CoordinatorLock
from huisbezoek.gui.coordinator.queue_tab import QueuePanel
from huisbezoek.gui.coordinator.report_tab import ReportPanel
from huisbezoek.gui.coordinator.settings_tab import SettingsPanel
from huisbezoek.gui.coordinator.volunteers_tab import VolunteersPanel
from huisbezoek.gui.i18n import translate
from huisbezoek.vault.core import Vault


class CoordinatorWindow(QMainWindow):
    """Opens only on a coordinator store (``WrongStoreKindError`` for a volunteer's vault).

    ``idle_ms`` overrides the idle-lock time from the settings (tests); ``kdf`` is passed to
    the unlock dialog for a new passphrase after "Wachtwoordzin vergeten?".
    """

    lock_requested = Signal()
    closing = Signal()

    def __init__(
        self,
        opened: Vault | CoordinatorStore,
        *,
        user: str,
        parent: QWidget | None = None,
        idle_ms: int | None = None,
        kdf: Any = None,
        password_used: bool = False,
    ) -> None:
        store = as_store(opened)
        super().__init__(parent)
        self.setObjectName("coordinatorWindow")
        self.setWindowTitle(translate("Coördinatie", "Huisbezoek — coördinatie"))
        #: The coordinator vault behind the store, or None on the shared PostgreSQL store.
        self.vault: Vault | None = store.vault
        self.store = store
        self.user = user
        #: PostgreSQL: the server asked the typed password (the lock asks it again).
        self.password_used = password_used
        self.kdf = kdf  # for a new passphrase (File menu) and a legacy org key; None calibrates
        self.volunteers = VolunteersPanel(store)
        self.importer = ImportPanel(store, kdf=kdf)
        self.queue = QueuePanel(store, user)
        self.dashboard = DashboardPanel(store)
        self.report = ReportPanel(store)
        self.assignments = AssignmentsPanel(store)
        self.settings = SettingsPanel(store)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(translate("Coördinatie", "Onderdelen"))
        self.tabs.setAccessibleDescription(
            translate("Coördinatie", "Ctrl+Tab of de pijltjestoetsen: naar een ander onderdeel.")
        )
        self.tabs.addTab(self.volunteers, translate("Coördinatie", "Vrijwilligers"))
        self.tabs.addTab(self.importer, translate("Coördinatie", "Inlezen"))
        self.tabs.addTab(self.queue, translate("Coördinatie", "Opvolging"))
        self.tabs.addTab(self.dashboard, translate("Coördinatie", "Overzicht per wijk"))
        self.tabs.addTab(self.report, translate("Coördinatie", "Rapport en bewaren"))
        self.tabs.addTab(self.assignments, translate("Coördinatie", "Adreslijst en pakketten"))
        self.tabs.addTab(self.settings, translate("Coördinatie", "Instellingen"))
        # Screen readers read a tab's tool tip as its description.
        for index, about in enumerate(
            (
                translate(
                    "Coördinatie", "Vrijwilligers aanmelden en hun vingerafdruk controleren."
                ),
                translate("Coördinatie", "Zendingen van vrijwilligers inlezen."),
                translate("Coördinatie", "Signalen oppakken en afronden."),
                translate("Coördinatie", "Hoeveel bewoners per wijk bereikt en bezocht zijn."),
                translate("Coördinatie", "Rapport voor de gemeente, bewaren en wissen."),
                translate("Coördinatie", "Adreslijsten inlezen en pakketten maken."),
                translate("Coördinatie", "Gegevens van de organisatie en bewaartermijnen."),
            )
        ):
            self.tabs.setTabToolTip(index, about)
        self.setCentralWidget(self.tabs)
        self.importer.imported.connect(lambda _r: self.refresh_all())
        self.queue.changed.connect(self.dashboard.refresh)
        self.report.changed.connect(self._after_report)
        self.assignments.changed.connect(self.dashboard.refresh)
        self.volunteers.changed.connect(self.assignments.refresh)
        self.settings.changed.connect(self.refresh_all)
        self._build_menu()
        self._show_server()
        self.lock = CoordinatorLock(self, idle_ms=idle_ms, kdf=kdf)
        self.refresh_all()

    @property
    def on_server(self) -> bool:
        return self.store.backend == POSTGRESQL

    def _show_server(self) -> None:
        """On the server the title names it and the account (a title costs no height on a
        small screen, and screen readers read it when the window gets the focus)."""
        from huisbezoek.coordinator.store.server import describe

        self.file_actions.on_server(self.on_server)
        if not self.on_server:
            return
        where = describe(self.store.url)
        self.setWindowTitle(
            translate(
                "Coördinatie", "Huisbezoek — coördinatie op {server}, database {database}, "
                "account {account}",
            ).format(server=where.server, database=where.database or "-", account=self.user)
        )  # fmt: skip

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(translate("Menu", "&Bestand"))
        self.lock_action = QAction(translate("Menu", "&Vergrendelen"), self)
        self.lock_action.setObjectName("coordinatorLockAction")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        tip = translate(
            "Menu",
            "Zet de coördinatie op slot (Ctrl+L). Niemand ziet dan nog gegevens van bewoners. "
            "Met uw wachtwoordzin gaat u verder waar u was.",
        )
        self.lock_action.setToolTip(tip)
        self.lock_action.setStatusTip(tip)
        self.lock_action.triggered.connect(self.lock_requested)
        self.addAction(self.lock_action)
        menu.setToolTipsVisible(True)
        menu.addAction(self.lock_action)
        menu.addSeparator()
        self.file_actions = FileActions(self, menu)
        menu.addSeparator()
        quit_action = QAction(translate("Menu", "&Afsluiten"), self)
        quit_action.setObjectName("coordinatorQuitAction")
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.triggered.connect(self.close)
        self.addAction(quit_action)
        menu.addAction(quit_action)

    def clear_personal_data(self) -> None:
        """Empty every screen that shows residents, signals or volunteers (the store locks)."""
        self.volunteers.clear()
        self.queue.clear()
        self.dashboard.clear()
        self.report.preview.setText("")
        self.report.person_message.setText("")
        self.assignments.clear()
        self.settings.clear()

    def reopen(self, opened: Vault | CoordinatorStore) -> None:
        """Work on the reopened store again (after unlocking) and load the screens."""
        store = as_store(opened)
        self.vault, self.store = store.vault, store
        self.volunteers.store = store
        self.importer.store = store
        self.queue.store = store
        self.dashboard.store = store
        self.report.store = store
        self.assignments.store = store
        self.settings.store = store
        self.refresh_all()

    def close_store(self) -> None:
        """Close the vault or the server connection (locking, quitting); safe to repeat."""
        if self.vault is not None:
            if not self.vault.closed:
                self.vault.close()
        elif not self.store.closed:
            self.store.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)

    def _after_report(self) -> None:
        self.queue.refresh()

    def refresh_all(self) -> None:
        self.volunteers.refresh()
        self.queue.refresh()
        self.dashboard.refresh()
        self.report.refresh()
        self.assignments.refresh()
        self.settings.refresh()


def as_store(opened: Vault | CoordinatorStore) -> CoordinatorStore:
    """The store the tabs use: a ``CoordinatorStore`` as it is, a coordinator vault wrapped."""
    if isinstance(opened, CoordinatorStore):
        return opened
    return CoordinatorStore.from_vault(opened)
