"""The volunteers tab: enrol from the enrolment file, compare the fingerprint by phone, approve,
revoke, and save the organisation file for new volunteers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QVBoxLayout,
    QWidget,
)

from huisbezoek.coordinator import organisation
from huisbezoek.coordinator.store.backend import CoordinatorStore
from huisbezoek.fsutil import atomic_write
from huisbezoek.gui.i18n import translate
from huisbezoek.gui.operations import run_op
from huisbezoek.gui.widgets import (
    WrapLabel,
    button,
    button_row,
    error_label,
    fill_table,
    heading,
    hint,
    show_message,
    table,
)


class VolunteersPanel(QWidget):
    """Enrol from the enrolment file, compare the fingerprint by phone, approve, revoke."""

    changed = Signal()

    def __init__(self, store: CoordinatorStore) -> None:
        super().__init__()
        self.store = store
        self.rows: list[Any] = []
        self._pending_select = ""
        self.table = table(
            [translate("Vrijwilligers", "Naam"), translate("Vrijwilligers", "Status"),
             translate("Vrijwilligers", "Laatste zending")],
            "volunteerTable",
        )  # fmt: skip
        self.table.setAccessibleName(translate("Vrijwilligers", "Vrijwilligers"))
        self.fingerprint = WrapLabel("")
        self.fingerprint.setAccessibleName(translate("Vrijwilligers", "Vingerafdruk"))
        self.fingerprint.setAccessibleDescription(
            translate("Vrijwilligers", "Vergelijk deze met wat de vrijwilliger voorleest.")
        )
        self.fingerprint.setObjectName("fingerprint")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.enrol_button = button(translate("Vrijwilligers", "Aanmeldbestand inlezen…"))
        self.approve_button = button(
            translate("Vrijwilligers", "Vingerafdruk klopt: goedkeuren"), primary=True
        )
        self.revoke_button = button(translate("Vrijwilligers", "Intrekken"))
        self.org_file_button = button(
            translate("Vrijwilligers", "Bestand voor vrijwilligers opslaan…")
        )
        self.org_file_button.setObjectName("orgFileButton")
        self.message = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(heading(translate("Vrijwilligers", "Vrijwilligers")))
        layout.addWidget(
            hint(
                translate(
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

        store = self.store

        def load() -> tuple[list[Any], dict[str, organisation.LastBatch]]:
            return organisation.list_volunteers(store), organisation.last_batches(store)

        run_op(self, load, on_done=self._show)

    def _show(self, result: tuple[list[Any], dict[str, organisation.LastBatch]]) -> None:
        self.rows, last = result
        lines = []
        for row in self.rows:
            newest = last.get(row.key_id)
            lines.append(
                [
                    row.name,
                    row.status_nl,
                    translate("Vrijwilligers", "nr. {nr}").format(nr=newest.sequence)
                    if newest
                    else "-",
                ]
            )
        fill_table(self.table, lines)
        if self._pending_select:
            self.select_key(self._pending_select)
            self._pending_select = ""
        self._selected()
        self.changed.emit()

    def clear(self) -> None:
        """Empty the list (while locked)."""
        self.rows = []
        fill_table(self.table, [])
        self._selected()

    def _current(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def _selected(self) -> None:
        row = self._current()
        self.approve_button.setEnabled(row is not None and row.approved_at is None)
        self.revoke_button.setEnabled(row is not None and row.revoked_at is None)
        self.fingerprint.setText(
            translate("Vrijwilligers", "Vingerafdruk van {naam}: {vingerafdruk}").format(
                naam=row.name, vingerafdruk=row.fingerprint
            )
            if row is not None
            else translate("Vrijwilligers", "Kies een vrijwilliger om de vingerafdruk te zien.")
        )

    def select_key(self, key_id: str) -> None:
        for i, row in enumerate(self.rows):
            if row.key_id == key_id:
                self.table.selectRow(i)

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("Vrijwilligers", "Aanmeldbestand kiezen"), "", "(*.json)"
        )
        if path:
            self.enrol_file(Path(path))

    def enrol_file(self, path: Path) -> None:

        def done(row: Any) -> None:
            show_message(self.message, "")
            self._pending_select = row.key_id
            self.refresh()

        store = self.store
        run_op(self, lambda: organisation.enrol_volunteer(store, path), on_done=done)

    def _choose_org_file_target(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            translate("Vrijwilligers", "Bestand voor vrijwilligers opslaan"),
            str(Path.home() / "organisatie-huisbezoek.json"),
            "(*.json)",
        )
        if path:
            self.save_org_file(Path(path))

    def save_org_file(self, path: Path) -> None:
        """Write the organisation's configuration file that volunteers read in."""

        store = self.store

        def work() -> Any:
            config = organisation.organisation_config(store)
            atomic_write(path, config.to_bytes(), mode=0o644)
            return config

        def done(config: Any) -> None:
            show_message(self.message, "")
            self.fingerprint.setText(
                translate(
                    "Vrijwilligers",
                    "Opgeslagen: {bestand}. Vingerafdruk van de organisatie: {vingerafdruk}",
                ).format(bestand=path.name, vingerafdruk=config.fingerprint)
            )

        run_op(self, work, on_done=done)

    def approve_selected(self) -> None:

        row = self._current()
        if row is not None:
            run_op(self, lambda: organisation.approve_volunteer(self.store, row.key_id),
                   on_done=self._after_approve)  # fmt: skip

    def _after_approve(self, _row: Any) -> None:
        # The approve button turns grey; the focus goes back to the list, never on to
        # "Intrekken", where a second Space would revoke the volunteer just approved.
        self.table.setFocus()
        self.refresh()

    def revoke_selected(self) -> None:

        row = self._current()
        if row is not None:
            run_op(self, lambda: organisation.revoke_volunteer(self.store, row.key_id),
                   on_done=lambda _r: self.refresh())  # fmt: skip
