"""The coordinator's window: tabs for volunteers, importing batches, the follow-up queue, the
dashboard per neighbourhood, and the report with retention and subject rights.

All store work runs on the vault worker (``run_op``); the screens get plain data back. The
window locks itself after idle time or on Ctrl+L (``gui.coordinator.lock``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QSpinBox,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from huisbezoek.fsutil import atomic_write
from huisbezoek.gui.coordinator.chart import CoverageChart, ProgressChart
from huisbezoek.gui.coordinator.queue_model import QueueModel
from huisbezoek.gui.i18n import tr
from huisbezoek.gui.operations import run_op
from huisbezoek.gui.progress import ProgressDialog
from huisbezoek.gui.widgets import (
    WrapLabel,
    button,
    button_row,
    error_label,
    heading,
    hint,
    scrolling,
)
from huisbezoek.services.coordinator import dashboard, documents, retention
from huisbezoek.services.coordinator import followup as fu
from huisbezoek.services.coordinator.settings import load_settings, set_retention_months
from huisbezoek.services.coordinator.store import CoordinatorStore
from huisbezoek.vault.core import Vault


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setObjectName(name)
    table.setAccessibleName(_TABLE_NAMES.get(name, ""))
    table.setAccessibleDescription(tr("Coördinatie", "Pijltjes: door de rijen en kolommen."))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().setVisible(False)
    return table


_TABLE_NAMES = {
    "volunteerTable": tr("Vrijwilligers", "Vrijwilligers"),
    "coverageTable": tr("Overzicht", "Bereik per wijk"),
    "splitTable": tr("Pakketten", "Wijken en vrijwilligers"),
}


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))
    table.resizeColumnsToContents()


class VolunteersPanel(QWidget):
    """Enrol from the enrolment file, compare the fingerprint by phone, approve, revoke."""

    changed = Signal()

    def __init__(self, vault: Vault) -> None:
        super().__init__()
        self.vault = vault
        self.rows: list[Any] = []
        self._pending_select = ""
        self.table = _table(
            [tr("Vrijwilligers", "Naam"), tr("Vrijwilligers", "Status"),
             tr("Vrijwilligers", "Laatste zending")],
            "volunteerTable",
        )  # fmt: skip
        self.table.setAccessibleName(tr("Vrijwilligers", "Vrijwilligers"))
        self.table.setAccessibleDescription(
            tr("Vrijwilligers", "Pijltjes: een andere vrijwilliger.")
        )
        self.fingerprint = WrapLabel("")
        self.fingerprint.setObjectName("fingerprint")
        self.fingerprint.setAccessibleName(tr("Vrijwilligers", "Vingerafdruk"))
        self.fingerprint.setAccessibleDescription(
            tr("Vrijwilligers", "Vergelijk deze met wat de vrijwilliger voorleest.")
        )
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.enrol_button = button(tr("Vrijwilligers", "Aanmeldbestand inlezen…"))
        self.approve_button = button(
            tr("Vrijwilligers", "Vingerafdruk klopt: goedkeuren"), primary=True
        )
        self.revoke_button = button(tr("Vrijwilligers", "Intrekken"))
        self.org_file_button = button(tr("Vrijwilligers", "Bestand voor vrijwilligers opslaan…"))
        self.org_file_button.setObjectName("orgFileButton")
        self.message = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Vrijwilligers", "Vrijwilligers")))
        layout.addWidget(
            hint(
                tr(
                    "Vrijwilligers",
                    "Lees het aanmeldbestand van een vrijwilliger in. Bel de vrijwilliger en laat "
                    "de vingerafdruk voorlezen. Klopt elk teken? Keur dan goed.",
                )
            )
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(self.fingerprint)
        layout.addWidget(self.message)
        layout.addWidget(
            button_row(self.enrol_button, self.approve_button, right=(self.revoke_button,))
        )
        # A new volunteer needs the organisation's file (public keys only) before enrolling.
        layout.addWidget(button_row(self.org_file_button))
        self.enrol_button.clicked.connect(self._choose)
        self.org_file_button.clicked.connect(self._choose_org_file_target)
        self.approve_button.clicked.connect(self.approve_selected)
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.table.itemSelectionChanged.connect(self._selected)
        self._selected()

    def refresh(self) -> None:
        from huisbezoek.services import exchange

        vault = self.vault

        def load() -> tuple[list[Any], dict[str, tuple[int, Any]]]:
            from sqlalchemy import func, select

            from huisbezoek.exchange.coordinator.models import ImportLedger

            rows = exchange.list_volunteers(vault)
            with vault.session() as s:
                last = {
                    key: (seq, at)
                    for key, seq, at in s.execute(
                        select(
                            ImportLedger.key_id,
                            func.max(ImportLedger.sequence),
                            func.max(ImportLedger.imported_at),
                        ).group_by(ImportLedger.key_id)
                    )
                }
            return rows, last

        run_op(self, load, on_done=self._show)

    def _show(self, result: tuple[list[Any], dict[str, tuple[int, Any]]]) -> None:
        self.rows, last = result
        lines = []
        for row in self.rows:
            seq = last.get(row.key_id)
            lines.append(
                [
                    row.name,
                    row.status_nl,
                    tr("Vrijwilligers", "nr. {nr}").format(nr=seq[0]) if seq else "-",
                ]
            )
        _fill(self.table, lines)
        if self._pending_select:
            self.select_key(self._pending_select)
            self._pending_select = ""
        self._selected()
        self.changed.emit()

    def clear(self) -> None:
        """Empty the list (while locked)."""
        self.rows = []
        _fill(self.table, [])
        self._selected()

    def _current(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def _selected(self) -> None:
        row = self._current()
        self.approve_button.setEnabled(row is not None and row.approved_at is None)
        self.revoke_button.setEnabled(row is not None and row.revoked_at is None)
        self.fingerprint.setText(
            tr("Vrijwilligers", "Vingerafdruk van {naam}: {vingerafdruk}").format(
                naam=row.name, vingerafdruk=row.fingerprint
            )
            if row is not None
            else tr("Vrijwilligers", "Kies een vrijwilliger om de vingerafdruk te zien.")
        )

    def select_key(self, key_id: str) -> None:
        for i, row in enumerate(self.rows):
            if row.key_id == key_id:
                self.table.selectRow(i)

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Vrijwilligers", "Aanmeldbestand kiezen"), "", "(*.json)"
        )
        if path:
            self.enrol_file(Path(path))

    def enrol_file(self, path: Path) -> None:
        from huisbezoek.services import exchange

        def done(row: Any) -> None:
            self.message.setText("")
            self._pending_select = row.key_id
            self.refresh()

        run_op(self, lambda: exchange.enrol_volunteer(self.vault, path), on_done=done)

    def _choose_org_file_target(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            tr("Vrijwilligers", "Bestand voor vrijwilligers opslaan"),
            str(Path.home() / "organisatie-huisbezoek.json"),
            "(*.json)",
        )
        if path:
            self.save_org_file(Path(path))

    def save_org_file(self, path: Path) -> None:
        """Write the organisation's configuration file that volunteers read in."""
        from huisbezoek.services import exchange

        vault = self.vault

        def work() -> Any:
            config = exchange.organisation_config(vault)
            atomic_write(path, config.to_bytes(), mode=0o644)
            return config

        def done(config: Any) -> None:
            self.message.setText("")
            self.fingerprint.setText(
                tr(
                    "Vrijwilligers",
                    "Opgeslagen: {bestand}. Vingerafdruk van de organisatie: {vingerafdruk}",
                ).format(bestand=path.name, vingerafdruk=config.fingerprint)
            )

        run_op(self, work, on_done=done)

    def approve_selected(self) -> None:
        from huisbezoek.services import exchange

        row = self._current()
        if row is not None:
            run_op(self, lambda: exchange.approve_volunteer(self.vault, row.key_id),
                   on_done=lambda _r: self.refresh())  # fmt: skip

    def revoke_selected(self) -> None:
        from huisbezoek.services import exchange

        row = self._current()
        if row is not None:
            run_op(self, lambda: exchange.revoke_volunteer(self.vault, row.key_id),
                   on_done=lambda _r: self.refresh())  # fmt: skip


class ImportPanel(QWidget):
    """Drop batch files here (or choose them); progress, then a report per file."""

    imported = Signal(object)

    def __init__(self, vault: Vault, store: CoordinatorStore) -> None:
        super().__init__()
        self.vault = vault
        self.store = store
        self.setAcceptDrops(True)
        self.choose_button = button(tr("Inlezen", "Zendingen kiezen…"), primary=True)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setObjectName("importReport")
        self.report.setAccessibleName(tr("Inlezen", "Verslag van het inlezen"))
        self.report.setAccessibleDescription(tr("Inlezen", "Wat er bij het inlezen gebeurde."))
        self.dialog: ProgressDialog | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Inlezen", "Zendingen van vrijwilligers inlezen")))
        layout.addWidget(
            hint(
                tr(
                    "Inlezen",
                    "Sleep de zendingen (bestanden) hierheen, of kies ze. Een zending die niet "
                    "klopt, wordt geweigerd; de rest wordt gewoon ingelezen.",
                )
            )
        )
        layout.addWidget(button_row(self.choose_button))
        layout.addWidget(self.report, 1)
        self.choose_button.clicked.connect(self._choose)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)

    def _choose(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, tr("Inlezen", "Zendingen kiezen"))
        if names:
            self.import_files([Path(n) for n in names])

    def import_files(self, paths: list[Path]) -> ProgressDialog:
        from huisbezoek.services import exchange

        vault, store = self.vault, self.store

        def job(progress: Any, cancel: Any) -> Any:
            report = exchange.import_batches(vault, paths, progress=progress, cancel=cancel)
            with store.session() as session:
                fu.sync_followups(session)
            return report

        self.dialog = ProgressDialog(self, tr("Inlezen", "Zendingen inlezen"), job)
        self.dialog.succeeded.connect(self._done)
        return self.dialog.start()

    def _done(self, report: Any) -> None:
        self.report.setPlainText("\n".join(report.lines_nl()))
        self.imported.emit(report)


STATUS_ORDER = list(fu.FollowUpStatus)


class QueuePanel(QWidget):
    """The follow-up queue on the left, the chosen signal and its follow-up on the right."""

    changed = Signal()

    def __init__(self, store: CoordinatorStore, user: str) -> None:
        super().__init__()
        self.store = store
        self.user = user
        self.model = QueueModel(self)
        self.view = QTableView()
        self.view.setObjectName("queueView")
        self.view.setAccessibleName(tr("Opvolging", "Signalen om op te volgen"))
        self.view.setAccessibleDescription(
            tr("Opvolging", "Pijltjes: een ander signaal. Rechts past u het aan.")
        )
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.show_closed = QCheckBox(tr("Opvolging", "Ook afgeronde signalen tonen"))
        self.show_closed.setAccessibleDescription(
            tr("Opvolging", "Ook signalen die klaar zijn in de lijst.")
        )
        self.detail = WrapLabel("")
        self.detail.setObjectName("signalDetail")
        self.status = QComboBox()
        self.status.setAccessibleName(tr("Opvolging", "Status"))
        self.status.setAccessibleDescription(tr("Opvolging", "Hoe ver de opvolging is."))
        for status in STATUS_ORDER:
            self.status.addItem(fu.STATUS_LABELS[status], status.value)
        self.service = QLineEdit()
        self.service.setAccessibleName(tr("Opvolging", "Dienst"))
        self.service.setAccessibleDescription(
            tr("Opvolging", "Welke organisatie het signaal oppakt.")
        )
        self.assigned = QLineEdit()
        self.assigned.setAccessibleName(tr("Opvolging", "Opgepakt door"))
        self.assigned.setAccessibleDescription(tr("Opvolging", "Wie het signaal oppakt."))
        self.has_due = QCheckBox(tr("Opvolging", "Termijn"))
        self.has_due.setAccessibleDescription(tr("Opvolging", "Zet aan om een datum te kiezen."))
        self.due = QDateEdit()
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("dd-MM-yyyy")
        self.due.setAccessibleName(tr("Opvolging", "Termijn"))
        self.due.setAccessibleDescription(tr("Opvolging", "Voor welke datum het klaar moet zijn."))
        self.note = QPlainTextEdit()
        self.note.setAccessibleName(tr("Opvolging", "Notitie"))
        self.note.setAccessibleDescription(tr("Opvolging", "Een notitie bij de opvolging."))
        self.note.setMaximumHeight(90)
        self.history = WrapLabel("")
        self.message = error_label()
        self.save_button = button(tr("Opvolging", "Opslaan"), primary=True)
        self.letter_button = button(tr("Opvolging", "Verwijsbrief maken…"))
        form = QFormLayout()
        form.addRow(tr("Opvolging", "Status"), self.status)
        form.addRow(tr("Opvolging", "Doorverwezen naar"), self.service)
        form.addRow(tr("Opvolging", "Opgepakt door"), self.assigned)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due, 1)
        form.addRow(tr("Opvolging", "Termijn"), due_row)
        form.addRow(tr("Opvolging", "Notitie"), self.note)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.detail)
        right_layout.addLayout(form)
        right_layout.addWidget(self.message)
        right_layout.addWidget(button_row(self.save_button, self.letter_button))
        right_layout.addWidget(self.history)
        right_layout.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(heading(tr("Opvolging", "Opvolging")))
        left_layout.addWidget(self.show_closed)
        left_layout.addWidget(self.view, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(scrolling(right))
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.current: fu.QueueItem | None = None
        #: What was typed for the chosen signal when the window locked; put back on unlock.
        self._draft: dict[str, Any] | None = None
        self.show_closed.toggled.connect(lambda _c: self.refresh())
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._selected())
        self.save_button.clicked.connect(self.save)
        self.letter_button.clicked.connect(self._letter)
        self._selected()

    def refresh(self) -> None:
        store, closed = self.store, self.show_closed.isChecked()

        def load() -> list[fu.QueueItem]:
            with store.session() as session:
                return fu.queue(session, include_closed=closed)

        keep = self.current.signal_id if self.current else None
        if keep is None and self._draft is not None:
            keep = self._draft["signal_id"]
        run_op(self, load, on_done=lambda items: self._show(items, keep))

    def _show(self, items: list[fu.QueueItem], keep: str | None) -> None:
        self.model.set_items(items)
        if keep is not None:
            self.select(keep)
        self._selected()
        draft, self._draft = self._draft, None
        current = self.current
        if draft is not None and current is not None and current.signal_id == draft["signal_id"]:
            self._put_back(draft)
        self.changed.emit()

    def clear(self) -> None:
        """Empty the queue and the chosen signal (while locked); keep what was typed."""
        item = self.current
        if item is not None:
            self._draft = {
                "signal_id": item.signal_id,
                "status": self.status.currentIndex(),
                "service": self.service.text(),
                "assigned": self.assigned.text(),
                "has_due": self.has_due.isChecked(),
                "due": self.due.date(),
                "note": self.note.toPlainText(),
            }
        self.view.clearSelection()
        self.model.set_items([])
        self._selected()
        self.service.clear()
        self.assigned.clear()
        self.note.clear()

    def _put_back(self, draft: dict[str, Any]) -> None:
        self.status.setCurrentIndex(draft["status"])
        self.service.setText(draft["service"])
        self.assigned.setText(draft["assigned"])
        self.has_due.setChecked(draft["has_due"])
        self.due.setDate(draft["due"])
        self.note.setPlainText(draft["note"])

    def select(self, signal_id: str) -> None:
        for row, item in enumerate(self.model.items):
            if item.signal_id == signal_id:
                self.view.selectRow(row)
                return

    def _selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        item = self.model.items[rows[0].row()] if rows else None
        self.current = item
        for widget in (self.status, self.service, self.assigned, self.has_due, self.due,
                       self.note, self.save_button, self.letter_button):  # fmt: skip
            widget.setEnabled(item is not None)
        if item is None:
            self.detail.setText(tr("Opvolging", "Kies een signaal in de lijst."))
            self.history.setText("")
            return
        self.detail.setText(
            tr("Opvolging", "{bewoner}. {onderwerp}, {urgentie}.\n{tekst}\nAfgesproken: {afspraak}")
            .format(bewoner=item.resident, onderwerp=item.theme.label_nl,
                    urgentie=item.severity.label_nl, tekst=item.text, afspraak=item.agreed or "-")
        )  # fmt: skip
        self.status.setCurrentIndex(STATUS_ORDER.index(item.status))
        self.service.setText(item.service)
        self.assigned.setText(item.assigned_to)
        self.has_due.setChecked(item.due_on is not None)
        if item.due_on:
            self.due.setDate(QDate(item.due_on.year, item.due_on.month, item.due_on.day))
        self.letter_button.setEnabled(item.may_refer)
        self.history.setText(item.notes)
        self.message.setText("")

    def save(self) -> None:
        item = self.current
        if item is None:
            return
        status = fu.FollowUpStatus(self.status.currentData())
        service, assigned, note = self.service.text(), self.assigned.text(), self.note.toPlainText()
        due = self.due.date().toPython() if self.has_due.isChecked() else None
        store, user = self.store, self.user

        def work() -> fu.QueueItem:
            with store.session() as session:
                return fu.update_followup(session, item.signal_id, by=user, status=status,
                                          service=service, assigned_to=assigned, due_on=due,
                                          note=note)  # fmt: skip

        def done(_item: fu.QueueItem) -> None:
            self.note.setPlainText("")
            self.refresh()

        run_op(self, work, on_done=done, on_error=self._error)

    def _error(self, exc: BaseException) -> None:
        from huisbezoek.errors import UserError
        from huisbezoek.gui.operations import show_error

        if isinstance(exc, UserError):
            self.message.setText(exc.message_nl)
        else:
            show_error(self, exc)

    def _letter(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Opvolging", "Verwijsbrief opslaan"), "verwijsbrief.pdf", "PDF (*.pdf)"
        )
        if path:
            self.save_letter(Path(path))

    def save_letter(self, path: Path) -> None:
        item = self.current
        if item is None:
            return
        store, user = self.store, self.user

        def work() -> None:
            with store.session() as session:
                pdf = documents.referral_letter_pdf(
                    session, item.signal_id, coordinator=user, made_on=date.today()
                )
            atomic_write(path, pdf)

        run_op(self, work, on_done=lambda _r: self.refresh(), on_error=self._error)


class DashboardPanel(QWidget):
    changed = Signal()

    def __init__(self, store: CoordinatorStore) -> None:
        super().__init__()
        self.store = store
        self.rows: list[dashboard.NeighbourhoodCoverage] = []
        self.summary = WrapLabel("")
        self.summary.setObjectName("progressSummary")
        self.chart = CoverageChart()
        self.timeline = ProgressChart()
        self.table = _table(
            [tr("Overzicht", "Wijk"), tr("Overzicht", "75-80 jaar"),
             tr("Overzicht", "Uitgenodigd"), tr("Overzicht", "Afgezien"),
             tr("Overzicht", "Niet bereikt"), tr("Overzicht", "Bezocht"),
             tr("Overzicht", "Respons"), tr("Overzicht", "Signalen")],
            "coverageTable",
        )  # fmt: skip
        self.themes = WrapLabel("")
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(heading(tr("Overzicht", "Bereik per wijk")))
        layout.addWidget(self.summary)
        layout.addWidget(self.timeline)
        layout.addWidget(self.chart)
        layout.addWidget(self.table)
        layout.addWidget(heading(tr("Overzicht", "Signalen per onderwerp"), "subheading"))
        layout.addWidget(self.themes)
        outer = QVBoxLayout(self)
        outer.addWidget(scrolling(inner))

    def refresh(self) -> None:
        store = self.store

        def load() -> tuple[list[dashboard.NeighbourhoodCoverage], dashboard.Progress]:
            with store.session() as session:
                return dashboard.coverage(session), dashboard.progress(session, date.today())

        run_op(self, load, on_done=self._show)

    def clear(self) -> None:
        """Empty the figures (while locked)."""
        self.rows = []
        self.chart.set_rows([])
        _fill(self.table, [])
        self.summary.setText("")
        self.themes.setText("")

    def _show(
        self, result: tuple[list[dashboard.NeighbourhoodCoverage], dashboard.Progress]
    ) -> None:
        self.rows, progress = result
        self.chart.set_rows(self.rows)
        self.timeline.set_progress(progress)
        _fill(
            self.table,
            [
                [r.neighbourhood, str(r.in_band), str(r.invited), str(r.declined),
                 str(r.not_reached), str(r.visited),
                 f"{r.response_rate:.0%}" if r.response_rate is not None else "-",
                 str(r.signal_total)]
                for r in self.rows
            ],
        )  # fmt: skip
        on_track = (
            tr("Overzicht", "Dat loopt op schema.")
            if progress.on_track
            else tr("Overzicht", "Dat loopt achter op schema.")
        )
        self.summary.setText(
            tr(
                "Overzicht",
                "{deel} van de bewoners van 75 tot en met 80 is uitgenodigd. Volgens de planning "
                "(klaar op {einde}) zou dat nu {doel} zijn. {oordeel}",
            ).format(
                deel=f"{progress.invited_share:.0%}",
                einde=progress.deadline.strftime("%d-%m-%Y"),
                doel=f"{progress.target_share:.0%}",
                oordeel=on_track,
            )
        )
        overall = dashboard.themes_overall(self.rows)
        self.themes.setText(
            "\n".join(f"{theme.label_nl}: {count}" for theme, count in sorted(
                overall.items(), key=lambda kv: -kv[1]))
            or tr("Overzicht", "Nog geen signalen.")
        )  # fmt: skip
        self.changed.emit()


class ReportPanel(QWidget):
    """The municipality report, the retention period with preview, and subject rights."""

    changed = Signal()

    def __init__(self, store: CoordinatorStore) -> None:
        super().__init__()
        self.store = store
        self.report_button = button(
            tr("Rapport", "Rapport voor de gemeente opslaan…"), primary=True
        )
        self.report_message = WrapLabel("")
        self.months = QSpinBox()
        self.months.setRange(1, 180)
        self.months.setSuffix(tr("Rapport", " maanden"))
        self.months.setAccessibleName(tr("Rapport", "Bewaartermijn"))
        self.months.setAccessibleDescription(
            tr("Rapport", "Hoeveel maanden signalen bewaard blijven.")
        )
        self.preview_button = button(tr("Rapport", "Toon wat gewist wordt"))
        self.preview = WrapLabel("")
        self.preview.setObjectName("retentionPreview")
        self.confirm = QCheckBox(tr("Rapport", "Ik weet dat wissen niet terug kan"))
        self.confirm.setAccessibleDescription(tr("Rapport", "Zet aan voordat u wist."))
        self.erase_button = button(tr("Rapport", "Nu wissen"))
        self.name = QLineEdit()
        self.name.setAccessibleName(tr("Rapport", "Naam van de bewoner"))
        self.name.setAccessibleDescription(
            tr("Rapport", "Precies zoals de bewoner in de signalen staat.")
        )
        self.postcode = QLineEdit()
        self.postcode.setAccessibleName(tr("Rapport", "Postcode van de bewoner"))
        self.postcode.setAccessibleDescription(tr("Rapport", "Vier cijfers en twee letters."))
        self.dossier_button = button(tr("Rapport", "Alles over deze bewoner opslaan…"))
        self.forget_confirm = QCheckBox(tr("Rapport", "Ik weet dat wissen niet terug kan"))
        self.forget_confirm.setAccessibleDescription(
            tr("Rapport", "Zet aan voordat u de bewoner wist.")
        )
        self.forget_button = button(tr("Rapport", "Deze bewoner helemaal wissen"))
        self.person_message = error_label()
        self.preview_total = 0
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(heading(tr("Rapport", "Rapport voor de gemeente")))
        layout.addWidget(
            hint(
                tr(
                    "Rapport",
                    "Een PDF en een CSV-bestand met de cijfers per wijk, zonder namen. "
                    "Aantallen onder de 5 staan er niet in.",
                )
            )
        )
        layout.addWidget(button_row(self.report_button))
        layout.addWidget(self.report_message)
        layout.addWidget(heading(tr("Rapport", "Bewaartermijn"), "subheading"))
        layout.addWidget(
            hint(
                tr(
                    "Rapport",
                    "Na deze termijn worden naam, adres en notities van afgeronde signalen "
                    "gewist. De tellingen blijven.",
                )
            )
        )
        form = QFormLayout()
        form.addRow(tr("Rapport", "Bewaren"), self.months)
        layout.addLayout(form)
        layout.addWidget(button_row(self.preview_button))
        layout.addWidget(self.preview)
        layout.addWidget(self.confirm)
        layout.addWidget(button_row(self.erase_button))
        layout.addWidget(heading(tr("Rapport", "Eén bewoner: inzien of wissen"), "subheading"))
        person = QFormLayout()
        person.addRow(tr("Rapport", "Naam"), self.name)
        person.addRow(tr("Rapport", "Postcode"), self.postcode)
        layout.addLayout(person)
        layout.addWidget(button_row(self.dossier_button))
        layout.addWidget(self.forget_confirm)
        layout.addWidget(button_row(self.forget_button))
        layout.addWidget(self.person_message)
        layout.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addWidget(scrolling(inner))
        self.report_button.clicked.connect(self._choose_report)
        self.preview_button.clicked.connect(self.show_preview)
        self.confirm.toggled.connect(lambda _c: self._enable())
        self.erase_button.clicked.connect(self.run_retention)
        self.dossier_button.clicked.connect(self._choose_dossier)
        self.forget_confirm.toggled.connect(lambda _c: self._enable())
        self.forget_button.clicked.connect(self.forget_resident)
        self._enable()

    def refresh(self) -> None:
        store = self.store

        def load() -> int:
            with store.session() as session:
                return load_settings(session).retention_months

        run_op(self, load, on_done=self.months.setValue)

    def _enable(self) -> None:
        self.erase_button.setEnabled(self.confirm.isChecked() and self.preview_total > 0)
        self.forget_button.setEnabled(self.forget_confirm.isChecked())

    def _choose_report(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Rapport", "Map voor het rapport"))
        if folder:
            self.save_report(Path(folder))

    def save_report(self, folder: Path) -> None:
        store = self.store
        today = date.today()

        def work() -> tuple[Path, Path]:
            with store.session() as session:
                pdf = documents.municipality_report_pdf(session, today)
                csv_bytes = documents.municipality_report_csv(session, today)
            pdf_path = folder / f"huisbezoeken-per-wijk-{today.isoformat()}.pdf"
            csv_path = folder / f"huisbezoeken-per-wijk-{today.isoformat()}.csv"
            atomic_write(pdf_path, pdf, mode=0o644)
            atomic_write(csv_path, csv_bytes, mode=0o644)
            return pdf_path, csv_path

        def done(paths: tuple[Path, Path]) -> None:
            self.report_message.setText(
                tr("Rapport", "Opgeslagen: {pdf} en {csv}.").format(
                    pdf=paths[0].name, csv=paths[1].name
                )
            )
            self.changed.emit()

        run_op(self, work, on_done=done)

    def show_preview(self) -> None:
        store, months = self.store, self.months.value()

        def work() -> retention.RetentionPreview:
            with store.session() as session:
                set_retention_months(session, months)
            with store.session() as session:
                return retention.preview_retention(session, date.today())

        run_op(self, work, on_done=self._show_preview)

    def _show_preview(self, preview: retention.RetentionPreview) -> None:
        self.preview_total = preview.total
        if preview.total == 0:
            text = tr("Rapport", "Er is nu niets om te wissen.")
        else:
            themes = ", ".join(
                f"{theme.label_nl} {count}" for theme, count in sorted(preview.per_theme.items())
            )
            text = tr(
                "Rapport",
                "Van {n} afgeronde signalen (afgesloten vóór {datum}) worden naam, adres, tekst "
                "en notities gewist; {met_naam} daarvan hebben een naam. Per onderwerp: {lijst}.",
            ).format(
                n=preview.total,
                datum=preview.cutoff.strftime("%d-%m-%Y"),
                met_naam=preview.with_identity,
                lijst=themes,
            )
        self.preview.setText(text)
        self._enable()
        self.changed.emit()

    def run_retention(self) -> None:
        store = self.store

        def done(count: int) -> None:
            self.confirm.setChecked(False)
            self.preview_total = 0
            self.preview.setText(tr("Rapport", "Gewist: {n} signalen.").format(n=count))
            self._enable()
            self.changed.emit()

        run_op(self, lambda: retention.run_retention(store, date.today()), on_done=done)

    def _ref(self) -> retention.ResidentRef | None:
        from huisbezoek.errors import UserError

        try:
            return retention.ResidentRef(self.name.text(), self.postcode.text())
        except UserError as exc:
            self.person_message.setText(exc.message_nl)
            return None

    def _person_error(self, exc: BaseException) -> None:
        from huisbezoek.errors import UserError
        from huisbezoek.gui.operations import show_error

        if isinstance(exc, UserError):
            self.person_message.setText(exc.message_nl)
        else:
            show_error(self, exc)
        self.changed.emit()

    def _choose_dossier(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Rapport", "Overzicht opslaan"), "gegevens-bewoner.pdf", "PDF (*.pdf)"
        )
        if path:
            self.save_dossier(Path(path))

    def save_dossier(self, path: Path) -> None:
        ref = self._ref()
        if ref is None:
            return
        store = self.store

        def work() -> None:
            with store.session() as session:
                pdf = documents.resident_dossier_pdf(session, ref, made_on=date.today())
            atomic_write(path, pdf)

        def done(_r: None) -> None:
            self.person_message.setText(tr("Rapport", "Opgeslagen: {naam}.").format(naam=path.name))
            self.changed.emit()

        run_op(self, work, on_done=done, on_error=self._person_error)

    def forget_resident(self) -> None:
        ref = self._ref()
        if ref is None:
            return
        store = self.store

        def done(result: retention.ResidentErasure) -> None:
            self.forget_confirm.setChecked(False)
            self.person_message.setText(
                tr("Rapport", "Gewist: {a} op de adreslijst, {s} signalen.").format(
                    a=result.address_list, s=result.signals
                )
            )
            self.changed.emit()

        run_op(self, lambda: retention.erase_resident(store, ref), on_done=done,
               on_error=self._person_error)  # fmt: skip


class CoordinatorWindow(QMainWindow):
    """Opens only on a coordinator store (``WrongStoreKindError`` for a volunteer's vault).

    ``idle_ms`` overrides the idle-lock time from the settings (tests); ``kdf`` is passed to
    the unlock dialog for a new passphrase after "Wachtwoordzin vergeten?".
    """

    lock_requested = Signal()
    closing = Signal()

    def __init__(
        self,
        vault: Vault,
        *,
        user: str,
        parent: QWidget | None = None,
        idle_ms: int | None = None,
        kdf: Any = None,
    ) -> None:
        store = CoordinatorStore.from_vault(vault)
        super().__init__(parent)
        self.setObjectName("coordinatorWindow")
        self.setWindowTitle(tr("Coördinatie", "Huisbezoek — coördinatie"))
        self.vault = vault
        self.store = store
        self.user = user
        self.volunteers = VolunteersPanel(vault)
        self.importer = ImportPanel(vault, store)
        self.queue = QueuePanel(store, user)
        self.dashboard = DashboardPanel(store)
        self.report = ReportPanel(store)
        from huisbezoek.gui.coordinator.assignments import AssignmentsPanel

        self.assignments = AssignmentsPanel(store)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(tr("Coördinatie", "Onderdelen"))
        self.tabs.setAccessibleDescription(
            tr("Coördinatie", "Ctrl+Tab of de pijltjestoetsen: naar een ander onderdeel.")
        )
        self.tabs.addTab(self.volunteers, tr("Coördinatie", "Vrijwilligers"))
        self.tabs.addTab(self.importer, tr("Coördinatie", "Inlezen"))
        self.tabs.addTab(self.queue, tr("Coördinatie", "Opvolging"))
        self.tabs.addTab(self.dashboard, tr("Coördinatie", "Overzicht per wijk"))
        self.tabs.addTab(self.report, tr("Coördinatie", "Rapport en bewaren"))
        self.tabs.addTab(self.assignments, tr("Coördinatie", "Adreslijst en pakketten"))
        # Screen readers read a tab's tool tip as its description.
        for index, about in enumerate(
            (
                tr("Coördinatie", "Vrijwilligers aanmelden en hun vingerafdruk controleren."),
                tr("Coördinatie", "Zendingen van vrijwilligers inlezen."),
                tr("Coördinatie", "Signalen oppakken en afronden."),
                tr("Coördinatie", "Hoeveel bewoners per wijk bereikt en bezocht zijn."),
                tr("Coördinatie", "Rapport voor de gemeente, bewaren en wissen."),
                tr("Coördinatie", "Adreslijsten inlezen en pakketten maken."),
            )
        ):
            self.tabs.setTabToolTip(index, about)
        self.setCentralWidget(self.tabs)
        self.importer.imported.connect(lambda _r: self.refresh_all())
        self.queue.changed.connect(self.dashboard.refresh)
        self.report.changed.connect(self._after_report)
        self.assignments.changed.connect(self.dashboard.refresh)
        self.volunteers.changed.connect(self.assignments.refresh)
        self._build_menu()
        from huisbezoek.gui.coordinator.lock import CoordinatorLock

        self.lock = CoordinatorLock(self, idle_ms=idle_ms, kdf=kdf)
        self.refresh_all()

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(tr("Menu", "&Bestand"))
        self.lock_action = QAction(tr("Menu", "&Vergrendelen"), self)
        self.lock_action.setObjectName("coordinatorLockAction")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        tip = tr(
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
        quit_action = QAction(tr("Menu", "&Afsluiten"), self)
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

    def reopen(self, vault: Vault) -> None:
        """Work on the reopened store again (after unlocking) and load the screens."""
        store = CoordinatorStore.from_vault(vault)
        self.vault, self.store = vault, store
        self.volunteers.vault = vault
        self.importer.vault, self.importer.store = vault, store
        self.queue.store = store
        self.dashboard.store = store
        self.report.store = store
        self.assignments.store = store
        self.refresh_all()

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
