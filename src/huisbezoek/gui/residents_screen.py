"""The resident list (search as you type, filters) and one resident's page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from huisbezoek.domain import ContactOutcome, ResidentStatus, VisitStatus
from huisbezoek.gui.i18n import translate
from huisbezoek.gui.labels import (
    decline_label,
    format_date,
    format_datetime,
    method_label,
    outcome_label,
    status_label,
    visit_status_label,
)
from huisbezoek.gui.operations import run_op
from huisbezoek.gui.progress import run_with_progress
from huisbezoek.gui.resident_dialogs import AppointmentDialog, ContactDialog, ResidentDialog
from huisbezoek.gui.residents_model import ROW_ROLE, ResidentFilterModel, ResidentTableModel
from huisbezoek.gui.widgets import button_row, enum_data, heading, hint
from huisbezoek.services import residents as svc

# Columns that give way, in this order, when the list is too narrow for all of them (large text,
# a small screen): a sideways scroll bar is easy to miss and hard to use. Search still finds a
# postcode, the filter still picks a neighbourhood, and the resident's own screen shows it all.
FLEXIBLE_COLUMNS = (
    ResidentTableModel.POSTCODE,
    ResidentTableModel.LAST_CONTACT,
    ResidentTableModel.NEIGHBOURHOOD,
)


class ResidentsScreen(QWidget):
    """Emits ``open_resident(id)`` when the volunteer opens a resident."""

    open_resident = Signal(int)
    loaded = Signal()

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = ResidentTableModel(self)
        self.proxy = ResidentFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("Bewoners", "Zoek op naam, adres of postcode"))
        self.search.setAccessibleName(translate("Bewoners", "Zoeken"))
        self.search.setAccessibleDescription(
            translate("Bewoners", "Typ een naam, adres of postcode. De lijst past zich meteen aan.")
        )
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_search)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(translate("Bewoners", "Filter op stand"))
        self.status_filter.setAccessibleDescription(
            translate("Bewoners", "Toon alleen bewoners met deze stand.")
        )
        self.status_filter.addItem(translate("Bewoners", "Alle standen"), None)
        for s in ResidentStatus:
            self.status_filter.addItem(status_label(s), s)
        self.status_filter.currentIndexChanged.connect(
            lambda: self.proxy.set_status(enum_data(self.status_filter, ResidentStatus))
        )
        self.area_filter = QComboBox()
        self.area_filter.setAccessibleName(translate("Bewoners", "Filter op wijk"))
        self.area_filter.setAccessibleDescription(
            translate("Bewoners", "Toon alleen bewoners uit deze wijk.")
        )
        self.area_filter.addItem(translate("Bewoners", "Alle wijken"), None)
        self.area_filter.currentIndexChanged.connect(
            lambda: self.proxy.set_neighbourhood(self.area_filter.currentData())
        )
        self.table = QTableView()
        self.table.setObjectName("residentTable")
        self.table.setAccessibleName(translate("Bewoners", "Lijst van bewoners"))
        self.table.setAccessibleDescription(
            translate("Bewoners", "Pijltjes: een andere bewoner. Enter: openen.")
        )
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ResidentTableModel.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        # Widths are measured from every row (fit_columns), not by Qt's ResizeToContents: that
        # measures only the rows on screen, so a list filled while hidden (the volunteer was
        # on a resident's page) came back with "do ..." and "Dorpsst..." (issue 14).
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setTabKeyNavigation(False)
        self.table.activated.connect(self._activated)
        self.table.installEventFilter(self)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit_columns)
        self._last_room = 0
        self.count = hint()
        self.add_button = QPushButton(translate("Bewoners", "&Nieuwe bewoner…"))
        self.add_button.clicked.connect(self.add_resident)
        self.import_button = QPushButton(translate("Bewoners", "Adressen &inlezen (CSV)…"))
        self.import_button.clicked.connect(self.choose_csv)
        self.open_button = QPushButton(translate("Bewoners", "&Openen"))
        self.open_button.clicked.connect(self._open_selected)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.status_filter, 1)
        filters.addWidget(self.area_filter, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(button_row(self.open_button, self.add_button, self.import_button), 1)
        buttons.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(translate("Bewoners", "Bewoners")))
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        # Said once after an unlock that purged residents (retention); empty otherwise.
        self.notice = hint()
        self.notice.setObjectName("retentionNotice")
        self.notice.setWordWrap(True)
        self.notice.setVisible(False)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self.setTabOrder(self.search, self.status_filter)
        self.setTabOrder(self.status_filter, self.area_filter)
        self.setTabOrder(self.area_filter, self.table)
        self.setTabOrder(self.table, self.open_button)
        self.setTabOrder(self.open_button, self.add_button)
        self.setTabOrder(self.add_button, self.import_button)

    def reload(self, select_id: int | None = None) -> None:
        vault = self.ctx.vault
        if vault is None:
            return
        run_op(
            self,
            lambda: svc.list_residents(vault),
            on_done=lambda rows: self._show(rows, select_id),
        )

    def _show(self, rows, select_id) -> None:
        if self.ctx.vault is None:
            return  # locked while the list was loading: show nothing
        self.model.set_rows(rows)
        current = self.area_filter.currentData()
        self.area_filter.blockSignals(True)
        self.area_filter.clear()
        self.area_filter.addItem(translate("Bewoners", "Alle wijken"), None)
        for name in svc.neighbourhoods(rows):
            self.area_filter.addItem(name, name)
        idx = self.area_filter.findData(current) if current else 0
        self.area_filter.setCurrentIndex(max(idx, 0))
        self.area_filter.blockSignals(False)
        self.proxy.set_neighbourhood(self.area_filter.currentData())
        if select_id is not None:
            self.select(select_id)
        self._update_count()
        self.fit_columns()
        self.loaded.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() in (
            QEvent.Type.Resize,
            QEvent.Type.FontChange,
            QEvent.Type.Show,
        ):
            self._fit_timer.start()
        return super().eventFilter(watched, event)

    #: Rows measured for the column widths; beyond this the widest text is rarely new.
    MEASURED_ROWS = 2000

    def content_width(self, column: int) -> int:
        """What the column needs for its header and its widest text, over all its rows."""
        fm = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        widest = header.sectionSizeHint(column)
        rows = min(self.model.rowCount(), self.MEASURED_ROWS)
        margin = 2 * self.table.style().pixelMetric(
            self.table.style().PixelMetric.PM_FocusFrameHMargin, None, self.table
        )
        for row in range(rows):
            text = self.model.data(self.model.index(row, column))
            if text:
                widest = max(widest, fm.horizontalAdvance(str(text)) + margin + 12)
        return widest

    def fit_columns(self) -> None:
        """Hide the least needed columns until the rest fit the list's width; size the rest."""
        table = self.table
        widths = {c: self.content_width(c) for c in range(self.model.columnCount())}
        room = table.viewport().width() if table.isVisible() else self._last_room
        self._last_room = room or self._last_room
        needed = sum(widths.values())
        hidden: set[int] = set()
        for column in FLEXIBLE_COLUMNS:
            if needed <= room:
                break
            hidden.add(column)
            needed -= widths[column]
        # Still too wide (200% display scaling on a laptop): the address, then the name give
        # way, never below their header; the resident's own page shows them in full.
        header = table.horizontalHeader()
        for column in (ResidentTableModel.ADDRESS, ResidentTableModel.NAME):
            if needed <= room:
                break
            smallest = header.sectionSizeHint(column)
            cut = min(needed - room, widths[column] - smallest)
            widths[column] -= cut
            needed -= cut
        for column, width in widths.items():
            table.setColumnHidden(column, column in hidden)
            if column not in hidden:
                table.setColumnWidth(column, width)

    def clear(self) -> None:
        """Forget every row (used when the vault locks); a notice may name a resident."""
        self.model.clear()
        self.set_notice("")

    def set_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _update_count(self, *args) -> None:
        self.count.setText(
            translate("Bewoners", "{shown} van {total} bewoners").format(
                shown=self.proxy.rowCount(), total=self.model.rowCount()
            )
        )

    def select(self, resident_id: int) -> None:
        row = self.model.row_for_id(resident_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.selectRow(index.row())
            self.table.scrollTo(index)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.proxy.data(rows[0], ROW_ROLE).id

    def _activated(self, index) -> None:
        row = self.proxy.data(index, ROW_ROLE)
        if row is not None:
            self.open_resident.emit(row.id)

    def _open_selected(self) -> None:
        rid = self.selected_id()
        if rid is not None:
            self.open_resident.emit(rid)

    def add_resident(self) -> ResidentDialog:
        dlg = ResidentDialog(self, self.ctx)
        dlg.saved.connect(lambda rid: self.reload(select_id=rid))
        dlg.open()
        return dlg

    def choose_csv(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("Bewoners", "Adressenlijst kiezen"),
            str(Path.home()),
            translate("Bewoners", "CSV-bestand (*.csv *.txt)"),
        )
        if path:
            self.import_csv(Path(path))

    def import_csv(self, path: Path):
        vault = self.ctx.vault

        def job(progress, cancel):
            return svc.import_csv(vault, path, progress=progress, cancel=cancel)

        dlg = run_with_progress(self, translate("Bewoners", "Adressen inlezen"), job)
        dlg.succeeded.connect(self._imported)
        return dlg

    def _imported(self, result) -> None:
        from PySide6.QtWidgets import QMessageBox

        text = translate("Bewoners", "{n} bewoners ingelezen.").format(n=result.added)
        if result.skipped_duplicates:
            text += " " + translate(
                "Bewoners", "{n} stonden er al in en zijn overgeslagen."
            ).format(n=result.skipped_duplicates)
        box = QMessageBox(
            QMessageBox.Icon.Information, translate("Bewoners", "Klaar"), text, parent=self
        )
        box.setObjectName("importDone")
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()
        self.reload()


class ResidentScreen(QWidget):
    """One resident: details, contact attempts, appointments and visits."""

    back = Signal()
    open_visit = Signal(int)  # visit id
    start_visit = Signal(int)  # resident id
    changed = Signal()
    erased = Signal(str)  # what the list says afterwards

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.resident_id: int | None = None
        self.detail = None
        self.back_button = QPushButton(translate("Bewoner", "← &Terug naar de lijst"))
        self.back_button.clicked.connect(self.back)
        self.title = heading("")
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        self.status = hint()
        self.edit_button = QPushButton(translate("Bewoner", "Gegevens aan&passen…"))
        self.edit_button.clicked.connect(self.edit)
        self.contact_button = QPushButton(translate("Bewoner", "&Contact vastleggen…"))
        self.contact_button.clicked.connect(self.log_contact)
        self.appointment_button = QPushButton(translate("Bewoner", "&Afspraak maken…"))
        self.appointment_button.clicked.connect(self.make_appointment)
        self.visit_button = QPushButton(translate("Bewoner", "&Gesprek beginnen"))
        self.visit_button.setProperty("role", "primary")
        self.visit_button.clicked.connect(self._start_or_resume)
        # The resident's rights: see everything held (subject access), or have it erased.
        self.access_button = QPushButton(translate("Bewoner", "&Inzage afdrukken…"))
        self.access_button.setObjectName("accessButton")
        self.access_button.setToolTip(
            translate("Bewoner", "Alles wat deze laptop over de bewoner bewaart, in grote letters")
        )
        self.access_button.clicked.connect(self.show_access)
        self.erase_button = QPushButton(translate("Bewoner", "Bewoner wi&ssen…"))
        self.erase_button.setObjectName("eraseResidentButton")
        self.erase_button.setToolTip(
            translate("Bewoner", "Alles over deze bewoner van de laptop halen, op verzoek")
        )
        self.erase_button.clicked.connect(self.ask_erase)
        self.contacts = QListWidget()
        self.contacts.setAccessibleName(translate("Bewoner", "Contactpogingen"))
        self.contacts.setAccessibleDescription(
            translate("Bewoner", "Wanneer en hoe u contact had, en wat het opleverde.")
        )
        self.appointments = QListWidget()
        self.appointments.setAccessibleName(translate("Bewoner", "Afspraken"))
        self.appointments.setAccessibleDescription(
            translate("Bewoner", "Kies een afspraak om die af te zeggen.")
        )
        self.visits = QListWidget()
        self.visits.setAccessibleName(translate("Bewoner", "Gesprekken"))
        self.visits.setAccessibleDescription(translate("Bewoner", "Enter: het gesprek openen."))
        self.visits.itemActivated.connect(self._visit_activated)
        for lst in (self.contacts, self.appointments, self.visits):
            lst.setWordWrap(True)
        self.cancel_button = QPushButton(translate("Bewoner", "Afspraak af&zeggen"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel_appointment)
        self.appointments.currentItemChanged.connect(self._appointment_chosen)
        # The visit button on its own row: at 200% text four buttons side by side do not fit.
        actions = QVBoxLayout()
        actions.addWidget(self.visit_button, alignment=Qt.AlignmentFlag.AlignLeft)
        actions.addWidget(
            button_row(self.contact_button, self.appointment_button, self.edit_button)
        )
        actions.addWidget(button_row(self.access_button, self.erase_button))
        # In a scroll area: on a small screen (1366x768 at 200% display scaling) the page
        # scrolls instead of growing the window past the screen's edge.
        inner = QWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        area.setWidget(inner)
        outer.addWidget(area)
        layout = QVBoxLayout(inner)
        layout.addWidget(self.back_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.title)
        layout.addWidget(self.info)
        layout.addWidget(self.status)
        layout.addLayout(actions)
        lists = QHBoxLayout()
        for label, lst in (
            (translate("Bewoner", "Contact"), self.contacts),
            (translate("Bewoner", "Afspraken"), self.appointments),
            (translate("Bewoner", "Gesprekken"), self.visits),
        ):
            col = QVBoxLayout()
            col.addWidget(heading(label, "subheading"))
            col.addWidget(lst, 1)
            if lst is self.appointments:
                col.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignLeft)
            lists.addLayout(col, 1)
        layout.addLayout(lists, 1)

    def show_resident(self, resident_id: int) -> None:
        self.resident_id = resident_id
        self.reload()

    def reload(self) -> None:
        vault, rid = self.ctx.vault, self.resident_id
        if vault is None or rid is None:
            return
        run_op(self, lambda: svc.resident_detail(vault, rid), on_done=self._show)

    def clear(self) -> None:
        self.detail = None
        self.title.clear()
        self.info.clear()
        self.status.clear()
        for lst in (self.contacts, self.appointments, self.visits):
            lst.clear()

    def _show(self, detail) -> None:
        if self.ctx.vault is None:
            return  # locked while loading
        self.detail = detail
        r = detail.row
        self.title.setText(r.name)
        parts = [p for p in (r.address, r.postcode, r.neighbourhood) if p]
        lines = [", ".join(parts)]
        if r.phone:
            lines.append(translate("Bewoner", "Telefoon: {nummer}").format(nummer=r.phone))
        if r.birth_date:
            lines.append(
                translate("Bewoner", "Geboren: {datum}").format(datum=format_date(r.birth_date))
            )
        if detail.notes:
            lines.append(detail.notes)
        self.info.setText("\n".join(lines))
        self.status.setText(
            translate("Bewoner", "Stand: {stand}").format(stand=status_label(r.status))
        )
        self.contacts.clear()
        for c in detail.contacts:
            text = (
                f"{format_datetime(c.at)} · {method_label(c.method)} · {outcome_label(c.outcome)}"
            )
            if c.outcome is ContactOutcome.DECLINED and c.decline_reason is not None:
                text += f" ({decline_label(c.decline_reason)})"
            if c.note:
                text += f"\n{c.note}"
            self.contacts.addItem(text)
        if not detail.contacts:
            self.contacts.addItem(translate("Bewoner", "Nog geen contact."))
        self.appointments.clear()
        for a in detail.appointments:
            text = format_datetime(a.at)
            if a.location:
                text += f" · {a.location}"
            if a.cancelled:
                text += " · " + translate("Bewoner", "afgezegd")
            item = QListWidgetItem(text)
            if not a.cancelled:
                item.setData(Qt.ItemDataRole.UserRole, a.id)
            self.appointments.addItem(item)
        if not detail.appointments:
            self.appointments.addItem(translate("Bewoner", "Geen afspraken."))
        self.visits.clear()
        draft = None
        for v in detail.visits:
            item = QListWidgetItem(f"{format_date(v.day)} · {visit_status_label(v.status)}")
            item.setData(Qt.ItemDataRole.UserRole, v.id)
            self.visits.addItem(item)
            if v.status is VisitStatus.DRAFT and draft is None:
                draft = v.id
        if not detail.visits:
            self.visits.addItem(translate("Bewoner", "Nog geen gesprek."))
        self._draft = draft
        self.visit_button.setText(
            translate("Bewoner", "&Verder met het gesprek")
            if draft
            else translate("Bewoner", "&Gesprek beginnen")
        )
        self.changed.emit()

    def _appointment_chosen(self, item, _previous=None) -> None:
        self.cancel_button.setEnabled(
            item is not None and item.data(Qt.ItemDataRole.UserRole) is not None
        )

    def cancel_appointment(self) -> None:
        item = self.appointments.currentItem()
        aid = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if aid is None:
            return
        vault = self.ctx.vault
        run_op(self, lambda: svc.cancel_appointment(vault, aid), on_done=lambda _: self.reload())

    def _start_or_resume(self) -> None:
        if self.resident_id is None:
            return
        if getattr(self, "_draft", None):
            self.open_visit.emit(self._draft)
        else:
            self.start_visit.emit(self.resident_id)

    def _visit_activated(self, item: QListWidgetItem) -> None:
        vid = item.data(Qt.ItemDataRole.UserRole)
        if vid:
            self.open_visit.emit(vid)

    def _name(self) -> str:
        return self.detail.row.name if self.detail else ""

    def edit(self) -> ResidentDialog | None:
        if self.detail is None:
            return None
        dlg = ResidentDialog(self, self.ctx, self.resident_id, self.detail.as_input())
        dlg.saved.connect(lambda _: self.reload())
        dlg.open()
        return dlg

    def log_contact(self) -> ContactDialog | None:
        if self.resident_id is None:
            return None
        dlg = ContactDialog(self, self.ctx, self.resident_id, self._name())
        dlg.saved.connect(lambda _: self.reload())
        dlg.open()
        return dlg

    def show_access(self):
        """The subject-access overview for this resident (preview, print, save)."""
        from huisbezoek.gui.privacy_dialogs import AccessDialog

        if self.resident_id is None or self.detail is None:
            return None
        dlg = AccessDialog(self, self.ctx, self.resident_id, self._name())
        dlg.open()
        return dlg

    def ask_erase(self) -> None:
        """Count what goes (on the worker), then ask with a dialog that names all of it."""
        vault, rid = self.ctx.vault, self.resident_id
        if vault is None or rid is None:
            return
        from huisbezoek.services import privacy

        run_op(self, lambda: privacy.erasure_scope(vault, rid), on_done=self._confirm_erase)

    def _confirm_erase(self, scope):
        from huisbezoek.gui.privacy_dialogs import EraseDialog

        if self.ctx.vault is None:
            return None
        self.erase_dialog = EraseDialog(self, self.ctx, scope)
        self.erase_dialog.erased.connect(self._erased)
        self.erase_dialog.open()
        return self.erase_dialog

    def _erased(self, scope) -> None:
        self.resident_id = None
        self.clear()
        self.changed.emit()
        self.back.emit()
        self.erased.emit(
            translate("Bewoner", "{naam} is van deze laptop gewist.").format(naam=scope.name)
        )

    def make_appointment(self) -> AppointmentDialog | None:
        if self.resident_id is None:
            return None
        dlg = AppointmentDialog(self, self.ctx, self.resident_id, self._name())
        dlg.saved.connect(lambda _: self.reload())
        dlg.open()
        return dlg
