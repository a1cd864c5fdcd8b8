"""The work area: the resident list, one resident, and a visit, in one stacked widget.

Imported after the vault is unlocked (it brings in the database and form libraries); see
:func:`preload`.
"""

from __future__ import annotations

from huisbezoek.gui.residents_screen import ResidentScreen, ResidentsScreen
from huisbezoek.gui.visit_screen import VisitScreen
from huisbezoek.gui.widgets import PageStack


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
        self.visit.start_for(resident_id)
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
