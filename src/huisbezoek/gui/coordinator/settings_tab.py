"""The coordinator's settings: the organisation's name and phone number on letters and reports,
the round's start and length, the age band and the retention period. Saved together; a wrong
value is named in Dutch and nothing changes.

Below them, the server: the address of the organisation's shared PostgreSQL store that
``huisbezoek coordinator gui`` and every coordinator command use (``coordinator.connection``;
the same as ``huisbezoek coordinator connect``). "Verbinding testen" connects once and says
what it found; "Server opslaan" tests and saves it; an empty field saved forgets it. The
address never holds a password (it is refused with a Dutch message)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDateEdit,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

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
    show_message,
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
        layout.addWidget(self._server_box())
        layout.addStretch(1)
        outer = QVBoxLayout(self)
        self.area = scrolling(inner)
        outer.addWidget(self.area)
        # A field reached by its Alt key (Alt+A: the server's address) scrolls into view too,
        # not only one reached by Tab.
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._follow_focus)
        self.save_button.clicked.connect(self.save)

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and self.isAncestorOf(new):
            self.area.ensureWidgetVisible(new)

    def _server_box(self) -> QWidget:
        box = QWidget()
        box.setObjectName("serverSettings")
        self.server_url = QLineEdit()
        self.server_url.setObjectName("serverUrl")
        self.server_url.setAccessibleName(translate("Instellingen", "Adres van de server"))
        self.server_url.setAccessibleDescription(
            translate(
                "Instellingen",
                "Bijvoorbeeld postgresql://account@server:5432/database. Zonder wachtwoord.",
            )
        )
        self.server_url.setPlaceholderText("postgresql://account@server:5432/database")
        self.test_button = button(translate("Instellingen", "Verbinding &testen"))
        self.test_button.setObjectName("serverTest")
        self.server_save = button(translate("Instellingen", "Server &opslaan"))
        self.server_save.setObjectName("serverSave")
        self.server_message = WrapLabel("")
        self.server_message.setObjectName("serverMessage")
        self.server_message.setAccessibleName(translate("Instellingen", "Verbinding"))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(translate("Instellingen", "&Adres"), self.server_url)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(translate("Instellingen", "Server")))
        layout.addWidget(
            hint(
                translate(
                    "Instellingen",
                    "Werkt uw organisatie met een gedeelde database? Vul dan het adres in dat "
                    "de beheerder u gaf. Zet er geen wachtwoord in: Huisbezoek vraagt het, of "
                    "leest het uit ~/.pgpass. Leeg laten en opslaan: u werkt weer met het "
                    "bestand op deze computer. Het geldt vanaf de volgende start.",
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(button_row(self.test_button, self.server_save))
        layout.addWidget(self.server_message)
        self.test_button.clicked.connect(self.test_server)
        self.server_save.clicked.connect(self.save_server)
        self._load_server()
        return box

    def _load_server(self) -> None:
        from huisbezoek.coordinator.connection import load_connection

        saved = load_connection()
        current = saved.url if saved is not None else ""
        if not current and self.store.backend == "postgresql":
            current = self.store.url
        self.server_url.setText(current)

    def test_server(self) -> None:
        """Connect once to the typed address (changes nothing) and say what was found."""
        self._test_server(then_save=False)

    def save_server(self) -> None:
        """Test the address, then save it as the connected server (empty: forget it)."""
        self._test_server(then_save=True)

    def _test_server(self, *, then_save: bool) -> None:
        from huisbezoek.coordinator.store.server import PasswordNeededError, check_url, probe
        from huisbezoek.errors import UserError

        text = self.server_url.text().strip()
        if not text:
            if then_save:
                self._save_server("", password_needed=False)
            else:
                self.server_message.setText(translate("Instellingen", "Vul eerst een adres in."))
            return
        try:
            url = check_url(text)
        except UserError as exc:
            self.server_message.setText(exc.message_nl)
            return

        def work() -> tuple[str, str, bool]:
            try:
                found = probe(url)
            except PasswordNeededError:
                return "", "", True
            return found.organisation, found.account, False

        def done(result: tuple[str, str, bool]) -> None:
            organisation, account, needs_password = result
            if needs_password:
                text = translate(
                    "Instellingen",
                    "De server is bereikbaar en vraagt een wachtwoord. Huisbezoek vraagt het "
                    "als u de coördinatie opent.",
                )
            else:
                text = translate(
                    "Instellingen",
                    "Verbinding gelukt: organisatie {organisatie}, account {account}.",
                ).format(organisatie=organisation or "-", account=account)
            if then_save:
                self._save_server(url, password_needed=needs_password, tested=text)
            else:
                self.server_message.setText(text)

        def failed(exc: BaseException) -> None:
            self.server_message.setText(
                exc.message_nl
                if isinstance(exc, UserError)
                else translate("Instellingen", "Verbinden lukte niet. Probeer het nog eens.")
            )

        self.server_message.setText(translate("Instellingen", "Even geduld: verbinden…"))
        self.area.ensureWidgetVisible(self.server_message)
        run_op(self, work, on_done=done, on_error=failed)

    def _save_server(self, url: str, *, password_needed: bool, tested: str = "") -> None:
        from huisbezoek.coordinator import connection

        if not url:
            connection.forget_connection()
            self.server_message.setText(
                translate(
                    "Instellingen",
                    "Opgeslagen: geen server. Vanaf de volgende start werkt u met het bestand "
                    "op deze computer.",
                )
            )
            return
        connection.save_connection(url, password_needed=password_needed)
        self.server_message.setText(
            tested
            + " "
            + translate(
                "Instellingen", "Opgeslagen. Vanaf de volgende start werkt u op deze server."
            )
        )

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
        show_message(self.message, "")

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
        from huisbezoek.gui.operations import show_problem

        self.saved.setText("")
        show_problem(self, self.message, exc)
