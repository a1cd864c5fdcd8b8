"""The follow-up tab: the queue of shared signals (direct first), the chosen one's details, its
status, service, notes and due date, and a letter for the resident."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from huisbezoek.coordinator import documents
from huisbezoek.coordinator import followup as fu
from huisbezoek.coordinator.store.backend import CoordinatorStore
from huisbezoek.fsutil import atomic_write
from huisbezoek.gui.coordinator.queue_filters import PAGE_SIZE, QueueFilterBar
from huisbezoek.gui.coordinator.queue_model import QueueModel
from huisbezoek.gui.i18n import translate
from huisbezoek.gui.labels import severity_label, theme_label
from huisbezoek.gui.operations import run_op
from huisbezoek.gui.widgets import (
    WrapLabel,
    button,
    button_row,
    error_label,
    heading,
    scrolling,
    show_message,
)

STATUS_ORDER = list(fu.FollowUpStatus)


def detail_text(item: fu.QueueItem) -> str:
    """The chosen signal as the coordinator reads it, with the contact details the resident
    agreed to share."""
    lines = [
        translate("Opvolging", "{bewoner}. {onderwerp}, {urgentie}.").format(
            bewoner=item.resident,
            onderwerp=theme_label(item.theme),
            urgentie=severity_label(item.severity),
        )
    ]
    if item.withdrawn:
        withdrawn = translate(
            "Opvolging",
            "De bewoner heeft de toestemming ingetrokken na de verwijzing. "
            "Laat u de dienst weten dat die vervalt?",
        )
        lines.append(withdrawn)
    address = " ".join(p for p in (item.address, item.postcode, item.place) if p)
    if address:
        lines.append(translate("Opvolging", "Adres: {adres}").format(adres=address))
    if item.phone:
        lines.append(translate("Opvolging", "Telefoon: {telefoon}").format(telefoon=item.phone))
    lines.append(translate("Opvolging", "Wijk: {wijk}. Vrijwilliger: {vrijwilliger}.").format(
        wijk=item.neighbourhood, vrijwilliger=item.volunteer or "-"))  # fmt: skip
    if item.referral_service_id:
        from huisbezoek.coordinator.sociale_kaart import service_name

        lines.append(translate("Opvolging", "Toestemming voor verwijzing naar: {dienst}").format(
            dienst=service_name(item.referral_service_id)))  # fmt: skip
    if item.text:
        lines.append(item.text)
    lines.append(
        translate("Opvolging", "Afgesproken: {afspraak}").format(afspraak=item.agreed or "-")
    )
    return "\n".join(lines)


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
        self.view.setAccessibleName(translate("Opvolging", "Signalen om op te volgen"))
        self.view.setAccessibleDescription(
            translate("Opvolging", "Pijltjes: een ander signaal. Rechts past u het aan.")
        )
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.filters = QueueFilterBar()
        self.show_closed = self.filters.show_closed
        for choice in self.filters.findChildren(QComboBox):
            choice.setAccessibleDescription(
                translate("Opvolging", "Pijltjes: een andere keuze. De lijst past zich meteen aan.")
            )
        self.show_closed.setAccessibleDescription(
            translate("Opvolging", "Ook signalen die klaar zijn in de lijst.")
        )
        self.detail = WrapLabel("")
        self.detail.setObjectName("signalDetail")
        self.detail.setWordWrap(True)  # WrapLabel does not turn wrapping on by itself
        self.status = QComboBox()
        self.status.setAccessibleName(translate("Opvolging", "Status"))
        self.status.setAccessibleDescription(translate("Opvolging", "Hoe ver de opvolging is."))
        for status in STATUS_ORDER:
            self.status.addItem(fu.STATUS_LABELS[status], status.value)
        self.service = QLineEdit()
        self.service.setAccessibleName(translate("Opvolging", "Dienst"))
        self.service.setAccessibleDescription(
            translate("Opvolging", "Welke organisatie het signaal oppakt.")
        )
        self.outcome = QComboBox()
        self.outcome.setAccessibleName(translate("Opvolging", "Uitkomst"))
        self.outcome.setAccessibleDescription(translate("Opvolging", "Hoe de opvolging afliep."))
        self.outcome.addItem(translate("Opvolging", "Nog geen uitkomst"), None)
        for outcome, label in (
            (fu.FollowUpOutcome.HELP_STARTED, translate("Opvolging", "Hulp gestart")),
            (fu.FollowUpOutcome.DID_NOT_WANT, translate("Opvolging", "Wilde niet")),
            (fu.FollowUpOutcome.NOT_NEEDED, translate("Opvolging", "Niet nodig")),
        ):
            self.outcome.addItem(label, outcome.value)
        self.assigned = QLineEdit()
        self.assigned.setAccessibleName(translate("Opvolging", "Opgepakt door"))
        self.assigned.setAccessibleDescription(translate("Opvolging", "Wie het signaal oppakt."))
        self.has_due = QCheckBox(translate("Opvolging", "Termijn"))
        self.has_due.setAccessibleDescription(
            translate("Opvolging", "Zet aan om een datum te kiezen.")
        )
        self.due = QDateEdit()
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("dd-MM-yyyy")
        self.due.setAccessibleName(translate("Opvolging", "Termijn"))
        self.due.setAccessibleDescription(
            translate("Opvolging", "Voor welke datum het klaar moet zijn.")
        )
        self.note = QPlainTextEdit()
        self.note.setAccessibleName(translate("Opvolging", "Notitie"))
        self.note.setAccessibleDescription(translate("Opvolging", "Een notitie bij de opvolging."))
        self.note.setMaximumHeight(90)
        self.history = WrapLabel("")
        self.history.setWordWrap(True)
        self.message = error_label()
        self.save_button = button(translate("Opvolging", "Opslaan"), primary=True)
        self.letter_button = button(translate("Opvolging", "Verwijsbrief maken…"))
        form = QFormLayout()
        # labels above their fields when the pane is narrow (200% text)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(translate("Opvolging", "Status"), self.status)
        form.addRow(translate("Opvolging", "Doorverwezen naar"), self.service)
        form.addRow(translate("Opvolging", "Uitkomst"), self.outcome)
        form.addRow(translate("Opvolging", "Opgepakt door"), self.assigned)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due, 1)
        form.addRow(translate("Opvolging", "Termijn"), due_row)
        form.addRow(translate("Opvolging", "Notitie"), self.note)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.detail)
        right_layout.addLayout(form)
        right_layout.addWidget(self.message)
        right_layout.addWidget(button_row(self.save_button, self.letter_button))
        self.tell_button = button(translate("Opvolging", "Ik licht de dienst in"))
        self.no_tell_button = button(translate("Opvolging", "Dienst inlichten is niet nodig"))
        self.withdrawn_row = button_row(self.tell_button, self.no_tell_button)
        right_layout.addWidget(self.withdrawn_row)
        right_layout.addWidget(self.history)
        right_layout.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(heading(translate("Opvolging", "Opvolging")))
        left_layout.addWidget(self.filters)
        left_layout.addWidget(self.view, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(scrolling(right))
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.current: fu.QueueItem | None = None
        #: What was typed for the chosen signal when the window locked; put back on unlock.
        self._draft: dict[str, Any] | None = None
        self.filters.changed.connect(self.refresh)
        self.tell_button.clicked.connect(lambda: self.decide_withdrawn(True))
        self.no_tell_button.clicked.connect(lambda: self.decide_withdrawn(False))
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._selected())
        self.save_button.clicked.connect(self.save)
        self.letter_button.clicked.connect(self._letter)
        self._selected()

    def refresh(self) -> None:
        store, spec, offset = self.store, self.filters.spec(), self.filters.offset

        def load() -> tuple[fu.QueuePage, tuple[list[str], list[tuple[str, str]]]]:
            with store.session() as session:
                page = fu.queue_page(session, spec, limit=PAGE_SIZE, offset=offset)
                return page, fu.queue_choices(session)

        keep = self.current.signal_id if self.current else None
        if keep is None and self._draft is not None:
            keep = self._draft["signal_id"]
        run_op(self, load, on_done=lambda result: self._show(result, keep))

    def _show(
        self,
        result: tuple[fu.QueuePage, tuple[list[str], list[tuple[str, str]]]],
        keep: str | None,
    ) -> None:
        page, (hoods, volunteers) = result
        self.filters.set_choices(hoods, volunteers)
        self.filters.show_page(page)
        items = list(page.items)
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
        self.filters.show_page(None)
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
        editable = item is not None and not item.withdrawn
        for widget in (self.status, self.service, self.assigned, self.has_due, self.due,
                       self.note, self.save_button, self.letter_button, self.outcome):  # fmt: skip
            widget.setEnabled(editable)
        self.withdrawn_row.setVisible(item is not None and item.withdrawn and not item.service_told)
        if item is None:
            self.detail.setText(translate("Opvolging", "Kies een signaal in de lijst."))
            self.history.setText("")
            return
        self.detail.setText(detail_text(item))
        self.status.setCurrentIndex(STATUS_ORDER.index(item.status))
        self.outcome.setCurrentIndex(
            max(self.outcome.findData(item.outcome.value if item.outcome else None), 0)
        )
        self.service.setText(item.service)
        self.assigned.setText(item.assigned_to)
        self.has_due.setChecked(item.due_on is not None)
        if item.due_on:
            self.due.setDate(QDate(item.due_on.year, item.due_on.month, item.due_on.day))
        self.letter_button.setEnabled(item.may_refer and not item.withdrawn)
        self.history.setText(item.notes)
        show_message(self.message, "")

    def save(self) -> None:
        item = self.current
        if item is None:
            return
        status = fu.FollowUpStatus(self.status.currentData())
        chosen = self.outcome.currentData()
        outcome = fu.FollowUpOutcome(chosen) if chosen else None
        service, assigned, note = self.service.text(), self.assigned.text(), self.note.toPlainText()
        due = self.due.date().toPython() if self.has_due.isChecked() else None
        store, user = self.store, self.user

        def work() -> fu.QueueItem:
            with store.session() as session:
                return fu.update_followup(session, item.signal_id, by=user, status=status,
                                          service=service, assigned_to=assigned, due_on=due,
                                          note=note, outcome=outcome)  # fmt: skip

        def done(_item: fu.QueueItem) -> None:
            self.note.setPlainText("")
            self.refresh()

        run_op(self, work, on_done=done, on_error=self._error)

    def decide_withdrawn(self, tell: bool) -> None:
        """Consent withdrawn after a referral: the coordinator says whether the service is told."""
        item = self.current
        if item is None or not item.withdrawn:
            return
        store, user = self.store, self.user

        def work() -> fu.QueueItem:
            with store.session() as session:
                return fu.decide_withdrawn_referral(
                    session, item.signal_id, by=user, tell_service=tell
                )

        run_op(self, work, on_done=lambda _i: self.refresh(), on_error=self._error)

    def _error(self, exc: BaseException) -> None:
        from huisbezoek.gui.operations import show_problem

        show_problem(self, self.message, exc)

    def _letter(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, translate("Opvolging", "Verwijsbrief opslaan"), "verwijsbrief.pdf", "PDF (*.pdf)"
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
