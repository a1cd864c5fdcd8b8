"""The work area: the resident list, one resident, and a visit, in one stacked widget.

Imported after the vault is unlocked (it brings in the database and form libraries); see
:func:`preload`.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox, QPushButton

from huisbezoek.domain import VisitStatus
from huisbezoek.gui.i18n import translate
from huisbezoek.gui.operations import run_op
from huisbezoek.gui.residents_screen import ResidentScreen, ResidentsScreen
from huisbezoek.gui.visit_screen import VisitScreen
from huisbezoek.gui.widgets import PageStack
from huisbezoek.services import visit_resume


class TodayVisitPrompt(QMessageBox):
    """ "There is a visit today already: continue it?" Emits ``chosen`` with "continue",
    "new" (only offered when that visit is finalised) or "cancel"."""

    chosen = Signal(str)

    def __init__(self, parent, today) -> None:
        super().__init__(parent)
        self.setObjectName("todayVisitPrompt")
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(translate("Gesprek", "Er is vandaag al een gesprek"))
        final = today.status is VisitStatus.FINAL
        self.setText(
            translate(
                "Gesprek",
                "Met deze bewoner is vandaag al een gesprek. Het is afgerond. Wilt u dat "
                "gesprek bekijken, of echt een tweede gesprek beginnen?",
            )
            if final
            else translate(
                "Gesprek",
                "Met deze bewoner is vandaag al een gesprek, nog niet afgerond. Gaat u met "
                "dat gesprek verder?",
            )
        )
        self.continue_button = QPushButton(
            translate("Gesprek", "Dat gesprek &bekijken")
            if final
            else translate("Gesprek", "&Verder met dat gesprek")
        )
        self.addButton(self.continue_button, QMessageBox.ButtonRole.AcceptRole)
        self.new_button: QPushButton | None = None
        if final:
            self.new_button = QPushButton(translate("Gesprek", "&Nieuw gesprek beginnen"))
            self.addButton(self.new_button, QMessageBox.ButtonRole.DestructiveRole)
        cancel = self.addButton(
            translate("Gesprek", "Annuleren"), QMessageBox.ButtonRole.RejectRole
        )
        self.setDefaultButton(self.continue_button)
        self.setEscapeButton(cancel)
        self.buttonClicked.connect(self._clicked)

    def _clicked(self, button) -> None:
        if button is self.continue_button:
            self.chosen.emit("continue")
        elif self.new_button is not None and button is self.new_button:
            self.chosen.emit("new")
        else:
            self.chosen.emit("cancel")


def preload() -> None:
    """Nothing to do: importing this module (on the worker, during unlock) is the point."""


class WorkArea(PageStack):
    """Residents list, one resident, a visit; remembers which one was showing."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.residents = ResidentsScreen(ctx)
        self.resident = ResidentScreen(ctx)
        self.visit = VisitScreen(ctx)
        self.addWidget(self.residents)
        self.addWidget(self.resident)
        self.addWidget(self.visit)
        self.residents.open_resident.connect(self.show_resident)
        self.resident.back.connect(self.show_list)
        self.resident.erased.connect(self.residents.set_notice)
        self.resident.start_visit.connect(self.start_visit)
        self.resident.open_visit.connect(self.open_visit)
        self.visit.back.connect(self._visit_closed)

    def show_list(self) -> None:
        self.setCurrentWidget(self.residents)
        self.residents.reload(select_id=self.resident.resident_id)
        self.residents.table.setFocus()

    def show_resident(self, resident_id: int) -> None:
        self.resident.show_resident(resident_id)
        self.setCurrentWidget(self.resident)
        self.resident.visit_button.setFocus()

    def start_visit(self, resident_id: int) -> None:
        """Start (or resume) a visit; asks first when the resident already has one today."""
        vault = self.ctx.vault
        run_op(
            self,
            lambda: visit_resume.visit_on(vault, resident_id),
            on_done=lambda today: self._start_or_ask(resident_id, today),
        )

    def _start_or_ask(self, resident_id: int, today) -> None:
        if today is None:
            self.visit.start_for(resident_id)
            self.setCurrentWidget(self.visit)
            return
        self.today_prompt = TodayVisitPrompt(self, today)
        self.today_prompt.chosen.connect(
            lambda choice: self._today_chosen(resident_id, today, choice)
        )
        self.today_prompt.open()

    def _today_chosen(self, resident_id: int, today, choice: str) -> None:
        if choice == "continue":
            self.open_visit(today.id)
        elif choice == "new":
            self.visit.start_for(resident_id, new=True)
            self.setCurrentWidget(self.visit)

    def open_visit(self, visit_id: int) -> None:
        self.visit.open_visit(visit_id)
        self.setCurrentWidget(self.visit)

    def _visit_closed(self) -> None:
        if self.resident.resident_id is not None:
            self.show_resident(self.resident.resident_id)
        else:
            self.show_list()

    def clear_personal_data(self) -> None:
        self.residents.clear()
        self.resident.clear()
        self.visit.blank()

    def reload_after_unlock(self) -> None:
        current = self.currentWidget()
        if current is self.residents:
            self.residents.reload()
            self.residents.table.setFocus()  # the unlock field is gone: keep the keyboard
        elif current is self.resident:
            self.resident.reload()
            self.resident.visit_button.setFocus()
        elif current is self.visit:
            self.visit.restore()
