"""The address list and the packages for volunteers: read in the municipality's list (per-row
errors, nothing half-read), see it split by neighbourhood, give a neighbourhood to a volunteer,
and save an assignment package per volunteer or a configuration package for all."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFileDialog, QFormLayout, QVBoxLayout, QWidget

from huisbezoek.coordinator import addresses, organisation, packages
from huisbezoek.coordinator.store.backend import CoordinatorStore
from huisbezoek.errors import UserError
from huisbezoek.fsutil import atomic_write
from huisbezoek.gui.coordinator.org_key import with_org_key
from huisbezoek.gui.i18n import translate
from huisbezoek.gui.operations import run_op, show_error
from huisbezoek.gui.widgets import (
    WrapLabel,
    button,
    button_row,
    fill_table,
    heading,
    hint,
    scrolling,
    table,
)
from huisbezoek.safe_read import read_bounded, read_yaml_folder


class AssignmentsPanel(QWidget):
    changed = Signal()

    def __init__(self, store: CoordinatorStore) -> None:
        super().__init__()
        self.store = store
        self.volunteers: list[tuple[str, str]] = []
        self._keep_volunteer: Any = None  # the chosen volunteer while locked
        self.split: list[addresses.NeighbourhoodSplit] = []
        self.list_button = button(
            translate("Pakketten", "Adreslijst van de gemeente inlezen…"), primary=True
        )
        self.message = WrapLabel("")
        self.message.setObjectName("addressMessage")
        self.table = table(
            [translate("Pakketten", "Wijk"), translate("Pakketten", "Bewoners"),
             translate("Pakketten", "Toegewezen"), translate("Pakketten", "Vrijwilligers")],
            "splitTable",
        )  # fmt: skip
        self.table.setAccessibleName(translate("Pakketten", "Wijken en vrijwilligers"))
        self.volunteer = QComboBox()
        self.volunteer.setAccessibleName(translate("Pakketten", "Vrijwilliger"))
        self.volunteer.setAccessibleDescription(translate("Pakketten", "Voor wie het pakket is."))
        self.assign_button = button(
            translate("Pakketten", "Gekozen wijk geven aan deze vrijwilliger")
        )
        self.package_button = button(translate("Pakketten", "Toewijzingspakket opslaan…"))
        self.config_button = button(translate("Pakketten", "Configuratiepakket maken…"))
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(heading(translate("Pakketten", "Adreslijst en pakketten")))
        layout.addWidget(
            hint(
                translate(
                    "Pakketten",
                    "Lees de adreslijst in (CSV met naam, straat, huisnummer, postcode, "
                    "woonplaats, geboortedatum en wijk). Geef daarna elke wijk aan een "
                    "vrijwilliger en sla het pakket voor die vrijwilliger op. Alleen die "
                    "vrijwilliger kan het openen.",
                )
            )
        )
        layout.addWidget(button_row(self.list_button))
        layout.addWidget(self.message)
        layout.addWidget(self.table)
        form = QFormLayout()
        form.addRow(translate("Pakketten", "Vrijwilliger"), self.volunteer)
        layout.addLayout(form)
        layout.addWidget(button_row(self.assign_button, self.package_button))
        layout.addWidget(
            heading(translate("Pakketten", "Configuratie voor alle vrijwilligers"), "subheading")
        )
        layout.addWidget(
            hint(
                translate(
                    "Pakketten",
                    "Kies de map met formulieren, folders en de sociale kaart. Het pakket is "
                    "ondertekend door de organisatie.",
                )
            )
        )
        layout.addWidget(button_row(self.config_button))
        layout.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addWidget(scrolling(inner))
        self.list_button.clicked.connect(self._choose_list)
        self.assign_button.clicked.connect(self.assign_selected)
        self.package_button.clicked.connect(self._choose_package)
        self.config_button.clicked.connect(self._choose_config)

    def refresh(self) -> None:
        store = self.store

        def load() -> tuple[list[addresses.NeighbourhoodSplit], list[tuple[str, str]]]:
            with store.session() as session:
                volunteers = organisation.approved_volunteers(session)
                return addresses.split_by_neighbourhood(session), volunteers

        run_op(self, load, on_done=self._show)

    def clear(self) -> None:
        """Empty the list and the volunteers (while locked); the chosen one comes back."""
        self._keep_volunteer = self.volunteer.currentData()
        fill_table(self.table, [])
        self.split = []
        self.volunteers = []
        self.volunteer.clear()
        self.message.setText("")

    def _show(
        self, result: tuple[list[addresses.NeighbourhoodSplit], list[tuple[str, str]]]
    ) -> None:
        split, self.volunteers = result
        fill_table(
            self.table,
            [[s.neighbourhood, str(s.residents), str(s.assigned), ", ".join(s.volunteers)]
             for s in split],
        )  # fmt: skip
        self.split = split
        current = self.volunteer.currentData()
        if current is None:
            current, self._keep_volunteer = self._keep_volunteer, None
        self.volunteer.clear()
        for key, name in self.volunteers:
            self.volunteer.addItem(name, key)
        if current is not None:
            index = self.volunteer.findData(current)
            if index >= 0:
                self.volunteer.setCurrentIndex(index)
        self.changed.emit()

    def _error(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            self.message.setText(exc.message_nl)
            self.changed.emit()
        else:
            show_error(self, exc)

    def _choose_list(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("Pakketten", "Adreslijst kiezen"), "", "CSV (*.csv *.txt)"
        )
        if path:
            self.import_list(Path(path))

    def import_list(self, path: Path) -> None:
        store = self.store

        def work() -> addresses.AddressImportReport:
            data = read_bounded(path, addresses.MAX_BYTES)
            with store.session() as session:
                return addresses.import_address_list(session, data)

        def done(report: addresses.AddressImportReport) -> None:
            self.message.setText(
                translate("Pakketten", "Ingelezen: {nieuw} nieuw, {bij} bijgewerkt.").format(
                    nieuw=report.new, bij=report.updated
                )
            )
            self.refresh()

        run_op(self, work, on_done=done, on_error=self._error)

    def selected_neighbourhood(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return item.text() if item is not None else None

    def assign_selected(self) -> None:
        hood, key = self.selected_neighbourhood(), self.volunteer.currentData()
        if hood is None or key is None:
            self.message.setText(
                translate("Pakketten", "Kies een wijk in de lijst en een vrijwilliger.")
            )
            return
        store = self.store

        def work() -> int:
            with store.session() as session:
                return addresses.assign_neighbourhood(session, hood, key)

        def done(count: int) -> None:
            self.message.setText(
                translate("Pakketten", "{n} bewoners in {wijk} toegewezen.").format(
                    n=count, wijk=hood
                )
            )
            self.refresh()

        run_op(self, work, on_done=done, on_error=self._error)

    def _choose_package(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, translate("Pakketten", "Toewijzingspakket opslaan"), "toewijzing.hbp"
        )
        if path:
            self.save_assignment(Path(path))

    def save_assignment(self, path: Path) -> None:
        key = self.volunteer.currentData()
        if key is None:
            self.message.setText(translate("Pakketten", "Kies een vrijwilliger."))
            return
        store = self.store

        def work() -> int:
            with store.session() as session:
                data, count = packages.export_assignment(session, key)
            atomic_write(path, data, mode=0o644)
            return count

        def done(count: int) -> None:
            self.message.setText(
                translate("Pakketten", "Pakket met {n} bewoners opgeslagen: {naam}.").format(
                    n=count, naam=path.name
                )
            )
            self.changed.emit()

        with_org_key(self, store, lambda: run_op(self, work, on_done=done, on_error=self._error))

    def _choose_config(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, translate("Pakketten", "Map met de inhoud"))
        if not folder:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, translate("Pakketten", "Configuratiepakket opslaan"), "configuratie.hbp"
        )
        if path:
            self.save_configuration(Path(folder), Path(path))

    def save_configuration(self, source: Path, path: Path) -> None:
        """``source`` holds ``forms/``, ``leaflets/`` and ``sociale_kaart/`` (*.yaml each)."""
        store = self.store

        def files(folder: Path) -> dict[str, str]:
            if not folder.is_dir():
                return {}
            return read_yaml_folder(folder)

        def work() -> None:
            from huisbezoek.services.configuration import check_package_files

            contents = {
                "forms": files(source / "forms"),
                "leaflets": files(source / "leaflets"),
                "services": files(source / "sociale_kaart"),
            }
            # Checked as the volunteers' apps will check them, before a revision is used up.
            check_package_files(**contents)
            with store.session() as session:
                data = packages.export_configuration(session, **contents)
            atomic_write(path, data, mode=0o644)

        def done(_r: Any) -> None:
            self.message.setText(
                translate("Pakketten", "Configuratiepakket opgeslagen: {naam}.").format(
                    naam=path.name
                )
            )
            self.changed.emit()

        with_org_key(self, store, lambda: run_op(self, work, on_done=done, on_error=self._error))
