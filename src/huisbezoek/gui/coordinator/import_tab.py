"""The import tab: batch files chosen or dropped are read into the store with a progress bar
and a cancel button; the report says per file what happened."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from huisbezoek.coordinator import followup as fu
from huisbezoek.coordinator import importer
from huisbezoek.coordinator.store.backend import CoordinatorStore
from huisbezoek.gui.coordinator.org_key import with_org_key
from huisbezoek.gui.i18n import translate
from huisbezoek.gui.progress import ProgressDialog
from huisbezoek.gui.widgets import (
    button,
    button_row,
    heading,
    hint,
)


class ImportPanel(QWidget):
    """Drop batch files here (or choose them); progress, then a report per file."""

    imported = Signal(object)

    def __init__(self, store: CoordinatorStore, *, kdf: Any = None) -> None:
        super().__init__()
        self.store = store
        self.kdf = kdf
        self.setAcceptDrops(True)
        self.choose_button = button(translate("Inlezen", "Zendingen kiezen…"), primary=True)
        self.fetch_button = button(translate("Inlezen", "&Ophalen uit de uitwisselmap"))
        self.fetch_button.setObjectName("fetchButton")
        self.fetch_button.setAccessibleDescription(
            translate("Inlezen", "Haal nieuwe zendingen op uit de uitwisselmap en lees ze in")
        )
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setObjectName("importReport")
        self.report.setAccessibleName(translate("Inlezen", "Verslag van het inlezen"))
        self.report.setAccessibleDescription(
            translate("Inlezen", "Wat er bij het inlezen gebeurde.")
        )
        self.dialog: ProgressDialog | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(heading(translate("Inlezen", "Zendingen van vrijwilligers inlezen")))
        layout.addWidget(
            hint(
                translate(
                    "Inlezen",
                    "Sleep de zendingen (bestanden) hierheen, of kies ze. Een zending die niet "
                    "klopt, wordt geweigerd; de rest wordt gewoon ingelezen.",
                )
            )
        )
        layout.addWidget(button_row(self.choose_button, self.fetch_button))
        layout.addWidget(self.report, 1)
        self.choose_button.clicked.connect(self._choose)
        self.fetch_button.clicked.connect(self.fetch)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)

    def _choose(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, translate("Inlezen", "Zendingen kiezen"))
        if names:
            self.import_files([Path(n) for n in names])

    def import_files(self, paths: list[Path]) -> Any:
        """Import ``paths``; on a shared store first the organisation passphrase, if the key
        is still sealed. Returns the progress dialog (or the passphrase dialog)."""
        store = self.store

        def job(progress: Any, cancel: Any) -> Any:
            report = importer.import_batches(store, paths, progress=progress, cancel=cancel)
            with store.session() as session:
                fu.sync_followups(session)
            return report

        def start() -> ProgressDialog:
            self.dialog = ProgressDialog(self, translate("Inlezen", "Zendingen inlezen"), job)
            self.dialog.succeeded.connect(self._done)
            return self.dialog.start()

        return with_org_key(self, store, start, kdf=self.kdf)

    def fetch(self) -> Any:
        """Fetch what waits in the drop, import it and file each batch as done or refused."""
        return with_org_key(self, self.store, self._fetch, kdf=self.kdf)

    def _fetch(self) -> ProgressDialog:
        from huisbezoek.coordinator import drop as coordinator_drop

        store = self.store

        def job(progress: Any, cancel: Any) -> Any:
            with store.session() as session:
                drop = coordinator_drop.open_drop(session)
            fetched = coordinator_drop.fetch(store, drop, progress=progress, cancel=cancel)
            with store.session() as session:
                fu.sync_followups(session)
            from huisbezoek.coordinator.receipts import publish_receipts

            # Each volunteer whose batches arrived gets a signed receipt in the drop.
            publish_receipts(store, drop, fetched.report)
            return fetched

        self.dialog = ProgressDialog(self, translate("Inlezen", "Ophalen uit de uitwisselmap"), job)
        self.dialog.succeeded.connect(self._fetched)
        return self.dialog.start()

    def _fetched(self, fetched: Any) -> None:
        self.report.setPlainText("\n".join(fetched.lines_nl()))
        self.imported.emit(fetched.report)

    def _done(self, report: Any) -> None:
        self.report.setPlainText("\n".join(report.lines_nl()))
        self.imported.emit(report)
