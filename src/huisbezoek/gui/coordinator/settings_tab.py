"""The coordinator's settings: the organisation's name and phone number on letters and reports,
the round's start and length, the age band and the retention period. Saved together; a wrong
value is named in Dutch and nothing changes."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDateEdit, QFormLayout, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from huisbezoek.coordinator.settings import (
    MAX_AGE,
    MAX_RETENTION_MONTHS,
    MAX_ROUND_YEARS,
    MIN_AGE,
    MIN_RETENTION_MONTHS,
    CoordinatorSettings,
    load_settings,
    save_settings,
)
from huisbezoek.coordinator.store.backend import CoordinatorStore
from huisbezoek.gui.i18n import translate
from huisbezoek.gui.operations import run_op
from huisbezoek.gui.widgets import (
    WrapLabel,
    button,
    button_row,
    error_label,
    heading,
    hint,
    scrolling,
)


def _spin(low: int, high: int, name: str, suffix: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setAccessibleName(name)
    spin.setSuffix(suffix)
    return spin


class SettingsPanel(QWidget):
    changed = Signal()

    def __init__(self, store: CoordinatorStore) -> None:
        super().__init__()
        self.store = store
        self.setObjectName("coordinatorSettings")
        self.name = QLineEdit()
        self.name.setAccessibleName(translate("Instellingen", "Naam van de organisatie"))
        self.phone = QLineEdit()
        self.phone.setAccessibleName(translate("Instellingen", "Telefoonnummer op brieven"))
        self.round_start = QDateEdit()
        self.round_start.setCalendarPopup(True)
        self.round_start.setDisplayFormat("dd-MM-yyyy")
        self.round_start.setAccessibleName(translate("Instellingen", "Start van de ronde"))
        years = translate("Instellingen", " jaar")
        self.round_years = _spin(
            1, MAX_ROUND_YEARS, translate("Instellingen", "Duur van de ronde"), years
        )
        self.age_min = _spin(MIN_AGE, MAX_AGE, translate("Instellingen", "Jongste leeftijd"), years)
        self.age_max = _spin(MIN_AGE, MAX_AGE, translate("Instellingen", "Oudste leeftijd"), years)
        self.retention = _spin(
            MIN_RETENTION_MONTHS,
            MAX_RETENTION_MONTHS,
            translate("Instellingen", "Bewaartermijn"),
            translate("Instellingen", " maanden"),
        )
        self.save_button = button(translate("Instellingen", "Instellingen opslaan"), primary=True)
        self.message = error_label()
        self.saved = WrapLabel("")
        self.saved.setObjectName("settingsSaved")
        form = QFormLayout()
        form.addRow(translate("Instellingen", "Naam van de organisatie"), self.name)
        form.addRow(translate("Instellingen", "Telefoon"), self.phone)
        form.addRow(translate("Instellingen", "Start van de ronde"), self.round_start)
        form.addRow(translate("Instellingen", "Duur van de ronde"), self.round_years)
        form.addRow(translate("Instellingen", "Leeftijd van"), self.age_min)
        form.addRow(translate("Instellingen", "tot en met"), self.age_max)
        form.addRow(translate("Instellingen", "Bewaartermijn"), self.retention)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(heading(translate("Instellingen", "Instellingen")))
        layout.addWidget(
            hint(
                translate(
                    "Instellingen",
                    "Naam en telefoon staan op verwijsbrieven en rapporten. De leeftijdsgroep "
                    "geldt voor de adreslijst, het overzicht en het rapport.",
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(button_row(self.save_button))
        layout.addWidget(self.saved)
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            field = item.widget() if item is not None else None
            if field is not None:
                field.setAccessibleDescription(
                    translate("Instellingen", "Wordt bewaard als u op Opslaan drukt.")
                )
        layout.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addWidget(scrolling(inner))
        self.save_button.clicked.connect(self.save)

    def refresh(self) -> None:
        store = self.store

        def load() -> CoordinatorSettings:
            with store.session() as session:
                return load_settings(session)

        run_op(self, load, on_done=self._show)

    def clear(self) -> None:
        self.name.clear()
        self.phone.clear()

    def _show(self, current: CoordinatorSettings) -> None:
        self.name.setText(current.organisation_name)
        self.phone.setText(current.phone)
        start = current.round_start or date.today()
        self.round_start.setDate(QDate(start.year, start.month, start.day))
        self.round_years.setValue(current.target_years)
        self.age_min.setValue(current.age_min)
        self.age_max.setValue(current.age_max)
        self.retention.setValue(current.retention_months)
        self.message.setText("")

    def save(self) -> None:
        store = self.store
        values = {
            "organisation_name": self.name.text(),
            "phone": self.phone.text(),
            "round_start": self.round_start.date().toPython(),
            "round_years": self.round_years.value(),
            "age_min": self.age_min.value(),
            "age_max": self.age_max.value(),
            "retention_months": self.retention.value(),
        }

        def work() -> CoordinatorSettings:
            with store.session() as session:
                return save_settings(session, **values)  # type: ignore[arg-type]

        def done(current: CoordinatorSettings) -> None:
            self._show(current)
            self.saved.setText(translate("Instellingen", "Opgeslagen."))
            self.changed.emit()

        run_op(self, work, on_done=done, on_error=self._error)

    def _error(self, exc: BaseException) -> None:
        from huisbezoek.errors import UserError
        from huisbezoek.gui.operations import show_error

        self.saved.setText("")
        if isinstance(exc, UserError):
            self.message.setText(exc.message_nl)
        else:
            show_error(self, exc)
