"""The report tab: the anonymous report for the municipality, retention (preview and erase) and
subject rights (a resident's dossier, erasure)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from huisbezoek.coordinator import documents, retention
from huisbezoek.coordinator.figures import report_periods
from huisbezoek.coordinator.settings import load_settings, set_retention_months
from huisbezoek.coordinator.store.backend import CoordinatorStore
from huisbezoek.fsutil import atomic_write
from huisbezoek.gui.i18n import translate
from huisbezoek.gui.labels import theme_label
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


class ReportPanel(QWidget):
    """The municipality report, the retention period with preview, and subject rights."""

    changed = Signal()

    def __init__(self, store: CoordinatorStore) -> None:
        super().__init__()
        self.store = store
        self.report_button = button(
            translate("Rapport", "Rapport voor de gemeente opslaan…"), primary=True
        )
        self.report_message = WrapLabel("")
        self.period = QComboBox()
        self.period.setObjectName("reportPeriod")
        self.period.setAccessibleDescription(
            translate("Rapport", "Over welke periode het rapport gaat.")
        )
        self.period.setAccessibleName(translate("Rapport", "Periode van het rapport"))
        for period in report_periods(date.today()):
            self.period.addItem(period.label, period)
        self.months = QSpinBox()
        self.months.setRange(1, 180)
        self.months.setSuffix(translate("Rapport", " maanden"))
        self.months.setAccessibleName(translate("Rapport", "Bewaartermijn"))
        self.months.setAccessibleDescription(
            translate("Rapport", "Hoeveel maanden signalen bewaard blijven.")
        )
        self.preview_button = button(translate("Rapport", "Toon wat gewist wordt"))
        self.preview = WrapLabel("")
        self.preview.setObjectName("retentionPreview")
        self.confirm = QCheckBox(translate("Rapport", "Ik weet dat wissen niet terug kan"))
        self.confirm.setAccessibleDescription(translate("Rapport", "Zet aan voordat u wist."))
        self.erase_button = button(translate("Rapport", "Nu wissen"))
        self.name = QLineEdit()
        self.name.setAccessibleName(translate("Rapport", "Naam van de bewoner"))
        self.name.setAccessibleDescription(
            translate("Rapport", "Precies zoals de bewoner in de signalen staat.")
        )
        self.postcode = QLineEdit()
        self.postcode.setAccessibleName(translate("Rapport", "Postcode van de bewoner"))
        self.postcode.setAccessibleDescription(
            translate("Rapport", "Vier cijfers en twee letters.")
        )
        self.dossier_button = button(translate("Rapport", "Alles over deze bewoner opslaan…"))
        self.forget_confirm = QCheckBox(translate("Rapport", "Ik weet dat wissen niet terug kan"))
        self.forget_confirm.setAccessibleDescription(
            translate("Rapport", "Zet aan voordat u de bewoner wist.")
        )
        self.forget_button = button(translate("Rapport", "Deze bewoner helemaal wissen"))
        self.person_message = error_label()
        self.preview_total = 0
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(heading(translate("Rapport", "Rapport voor de gemeente")))
        layout.addWidget(
            hint(
                translate(
                    "Rapport",
                    "Een PDF en een CSV-bestand met de cijfers per wijk, zonder namen. "
                    "Aantallen onder de 5 staan er niet in.",
                )
            )
        )
        period_row = QFormLayout()
        period_row.addRow(translate("Rapport", "Periode:"), self.period)
        layout.addLayout(period_row)
        layout.addWidget(button_row(self.report_button))
        layout.addWidget(self.report_message)
        layout.addWidget(heading(translate("Rapport", "Bewaartermijn"), "subheading"))
        layout.addWidget(
            hint(
                translate(
                    "Rapport",
                    "Na deze termijn worden naam, adres en notities van afgeronde signalen "
                    "gewist. De tellingen blijven.",
                )
            )
        )
        form = QFormLayout()
        form.addRow(translate("Rapport", "Bewaren"), self.months)
        layout.addLayout(form)
        layout.addWidget(button_row(self.preview_button))
        layout.addWidget(self.preview)
        layout.addWidget(self.confirm)
        layout.addWidget(button_row(self.erase_button))
        layout.addWidget(
            heading(translate("Rapport", "Eén bewoner: inzien of wissen"), "subheading")
        )
        person = QFormLayout()
        person.addRow(translate("Rapport", "Naam"), self.name)
        person.addRow(translate("Rapport", "Postcode"), self.postcode)
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
        folder = QFileDialog.getExistingDirectory(
            self, translate("Rapport", "Map voor het rapport")
        )
        if folder:
            self.save_report(Path(folder))

    def save_report(self, folder: Path) -> None:
        store = self.store
        today = date.today()
        period = self.period.currentData()

        def work() -> tuple[Path, Path]:
            with store.session() as session:
                pdf = documents.municipality_report_pdf(session, today, period=period)
                csv_bytes = documents.municipality_report_csv(session, today, period=period)
            pdf_path = folder / f"huisbezoeken-per-wijk-{today.isoformat()}.pdf"
            csv_path = folder / f"huisbezoeken-per-wijk-{today.isoformat()}.csv"
            atomic_write(pdf_path, pdf, mode=0o644)
            atomic_write(csv_path, csv_bytes, mode=0o644)
            return pdf_path, csv_path

        def done(paths: tuple[Path, Path]) -> None:
            self.report_message.setText(
                translate("Rapport", "Opgeslagen: {pdf} en {csv}.").format(
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
            text = translate("Rapport", "Er is nu niets om te wissen.")
        else:
            themes = ", ".join(
                f"{theme_label(theme)} {count}"
                for theme, count in sorted(preview.per_theme.items())
            )
            text = translate(
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
            self.preview.setText(translate("Rapport", "Gewist: {n} signalen.").format(n=count))
            self._enable()
            self.changed.emit()

        run_op(self, lambda: retention.run_retention(store, date.today()), on_done=done)

    def _ref(self) -> retention.ResidentRef | None:
        from huisbezoek.errors import UserError

        try:
            return retention.ResidentRef(self.name.text(), self.postcode.text())
        except UserError as exc:
            show_message(self.person_message, exc.message_nl)
            return None

    def _person_error(self, exc: BaseException) -> None:
        from huisbezoek.gui.operations import show_problem

        show_problem(self, self.person_message, exc)
        self.changed.emit()

    def _choose_dossier(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, translate("Rapport", "Overzicht opslaan"), "gegevens-bewoner.pdf", "PDF (*.pdf)"
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
            show_message(
                self.person_message,
                translate("Rapport", "Opgeslagen: {naam}.").format(naam=path.name),
            )
            self.changed.emit()

        run_op(self, work, on_done=done, on_error=self._person_error)

    def forget_resident(self) -> None:
        ref = self._ref()
        if ref is None:
            return
        store = self.store

        def done(result: retention.ResidentErasure) -> None:
            self.forget_confirm.setChecked(False)
            show_message(
                self.person_message,
                translate("Rapport", "Gewist: {a} op de adreslijst, {s} signalen.").format(
                    a=result.address_list, s=result.signals
                ),
            )
            self.changed.emit()

        run_op(self, lambda: retention.erase_resident(store, ref), on_done=done,
               on_error=self._person_error)  # fmt: skip
