"""Dialogs around a resident: add/edit, log a contact attempt, make an appointment."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from huisbezoek.domain import ContactMethod, ContactOutcome, DeclineReason
from huisbezoek.errors import UserError
from huisbezoek.gui.date_field import DateField, DateTimeField
from huisbezoek.gui.dialogs import BaseDialog
from huisbezoek.gui.i18n import translate
from huisbezoek.gui.labels import decline_label, method_label, outcome_label
from huisbezoek.gui.operations import run_op, show_problem
from huisbezoek.gui.widgets import enum_data, error_label, show_message
from huisbezoek.services import residents as svc


def _form() -> QFormLayout:
    form = QFormLayout()
    # Wrap rows at large text sizes: the label goes above its field instead of clipping.
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return form


class _SavingDialog(BaseDialog):
    """A dialog whose OK runs a service call on the worker; stays open with a Dutch error."""

    saved = Signal(object)

    def __init__(self, parent, name, ctx) -> None:
        super().__init__(parent, name, ctx)
        self.error = error_label()
        self._saving = False

    def work(self) -> Callable[[], Any]:  # the job for the worker
        raise NotImplementedError

    def accept(self) -> None:
        if self._saving:
            return
        try:
            fn = self.work()
        except UserError as exc:
            show_message(self.error, exc.message_nl)
            return
        self._saving = True

        def done(result) -> None:
            self._saving = False
            super(_SavingDialog, self).accept()
            self.saved.emit(result)

        def failed(exc: BaseException) -> None:
            self._saving = False
            show_problem(self, self.error, exc)

        run_op(self, fn, on_done=done, on_error=failed)


class ResidentDialog(_SavingDialog):
    """Add a resident (``resident_id`` None) or edit one."""

    def __init__(self, parent, ctx, resident_id: int | None = None, data=None) -> None:
        super().__init__(parent, "residentDialog", ctx)
        self.resident_id = resident_id
        self.setWindowTitle(
            translate("Bewoner", "Nieuwe bewoner")
            if resident_id is None
            else translate("Bewoner", "Bewoner aanpassen")
        )
        self.name = QLineEdit()
        self.address = QLineEdit()
        self.postcode = QLineEdit()
        self.postcode.setMaxLength(8)
        self.neighbourhood = NeighbourhoodBox()
        # Typed as people type dates; empty means the birth date is not known.
        self.birth = DateField(translate("Bewoner", "Geboortedatum"))
        self.phone = QLineEdit()
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(self.fontMetrics().height() * 5)
        names = {
            self.name: translate("Bewoner", "Naam"),
            self.address: translate("Bewoner", "Adres"),
            self.postcode: translate("Bewoner", "Postcode"),
            self.neighbourhood: translate("Bewoner", "Wijk"),
            self.phone: translate("Bewoner", "Telefoon"),
            self.notes: translate("Bewoner", "Notitie"),
        }
        for widget, text in names.items():
            widget.setAccessibleName(text)
        place = self.neighbourhood.lineEdit()
        if place is not None:  # the typing part of the list is what has the focus
            place.setAccessibleName(names[self.neighbourhood])
            place.setAccessibleDescription(self.neighbourhood.accessibleDescription())
        for widget, text in (
            (self.name, translate("Bewoner", "Voornaam en achternaam.")),
            (self.address, translate("Bewoner", "Straat en huisnummer.")),
            (
                self.postcode,
                translate("Bewoner", "Vier cijfers en twee letters, bijvoorbeeld 1234 AB."),
            ),
            (self.phone, translate("Bewoner", "Alleen cijfers, spaties, + en -.")),
            (
                self.notes,
                translate("Bewoner", "Wat u wilt onthouden. Tab gaat naar het volgende veld."),
            ),
        ):
            widget.setAccessibleDescription(text)
        form = _form()
        form.addRow(translate("Bewoner", "&Naam:"), self.name)
        form.addRow(translate("Bewoner", "&Adres:"), self.address)
        form.addRow(translate("Bewoner", "&Postcode:"), self.postcode)
        form.addRow(translate("Bewoner", "&Wijk:"), self.neighbourhood)
        form.addRow(translate("Bewoner", "&Geboortedatum:"), self.birth)
        form.addRow(translate("Bewoner", "&Telefoon:"), self.phone)
        form.addRow(translate("Bewoner", "N&otitie:"), self.notes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.standard_buttons())
        self._load_neighbourhoods()
        if data is not None:
            self.name.setText(data.name)
            self.address.setText(data.address)
            self.postcode.setText(data.postcode)
            self.neighbourhood.setText(data.neighbourhood)
            self.birth.set_date(data.birth_date)
            self.phone.setText(data.phone)
            self.notes.setPlainText(data.notes)

    def _load_neighbourhoods(self) -> None:
        vault = self.ctx.vault if self.ctx is not None else None
        if vault is not None:
            run_op(
                self, lambda: svc.neighbourhood_names(vault), on_done=self.neighbourhood.set_known
            )

    def value(self) -> svc.ResidentInput:
        birth = self.birth.date()
        if birth is None and not self.birth.is_empty():
            raise UserError(
                "unclear birth date",
                message_nl=translate(
                    "Bewoner",
                    "Die geboortedatum begrijp ik niet. Typ dag, maand en jaar, "
                    "bijvoorbeeld 15-3-1949 of 15 maart 1949.",
                ),
            )
        return svc.ResidentInput(
            name=self.name.text(),
            address=self.address.text(),
            postcode=self.postcode.text(),
            neighbourhood=self.neighbourhood.text(),
            birth_date=birth,
            phone=self.phone.text(),
            notes=self.notes.toPlainText(),
        )

    def work(self):
        data = svc.check_resident(self.value())
        vault, rid = self.ctx.vault, self.resident_id
        if rid is None:
            return lambda: svc.add_resident(vault, data)

        def update() -> int:
            svc.update_resident(vault, rid, data)
            return rid

        return update


def _to_utc(local: datetime) -> datetime:
    """A typed local date and time (no zone) as UTC."""
    return local.astimezone(UTC)


def _typed_moment(field: DateTimeField) -> datetime:
    value = field.value()
    if value is None:
        raise UserError(
            "unclear date or time",
            message_nl=translate(
                "Dialoog",
                "Die datum of tijd begrijp ik niet. Typ bijvoorbeeld 15-3-2027 en 10:30.",
            ),
        )
    return value


class NeighbourhoodBox(QComboBox):
    """The neighbourhood: chosen from the ones in use (the coordinator's lists included), or
    typed. "Anders" empties the field for a new name. "centrum" is saved as "Centrum" when
    that is the spelling in use (services.residents.canonical_neighbourhood)."""

    OTHER = "__anders__"

    def __init__(self) -> None:
        super().__init__()
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.completer()
        if completer is not None:
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setAccessibleDescription(
            translate(
                "Bewoner", "Kies een wijk met de pijltjes of typ de naam. Anders: een nieuwe wijk."
            )
        )
        self.set_known([])
        self.activated.connect(self._chosen)

    def set_known(self, names: list[str]) -> None:
        typed = self.text()
        self.blockSignals(True)
        self.clear()
        for name in names:
            self.addItem(name, name)
        self.addItem(translate("Bewoner", "Anders, namelijk…"), self.OTHER)
        self.setCurrentIndex(-1)
        self.setEditText(typed)
        self.blockSignals(False)

    def _chosen(self, index: int) -> None:
        if self.itemData(index) == self.OTHER:
            self.setCurrentIndex(-1)
            self.setEditText("")
            line = self.lineEdit()
            if line is not None:
                line.setFocus()

    def text(self) -> str:
        text = self.currentText()
        return "" if text == self.itemText(self.count() - 1) and self.count() else text

    def setText(self, text: str) -> None:
        self.setCurrentIndex(-1)
        self.setEditText(text)


class ContactDialog(_SavingDialog):
    """Log one contact attempt: how, when, the outcome and (when declined) why."""

    def __init__(self, parent, ctx, resident_id: int, resident_name: str) -> None:
        super().__init__(parent, "contactDialog", ctx)
        self.resident_id = resident_id
        self.setWindowTitle(translate("Contact", "Contact met {naam}").format(naam=resident_name))
        self.method = QComboBox()
        for m in ContactMethod:
            self.method.addItem(method_label(m), m)
        self.method.setCurrentIndex(list(ContactMethod).index(ContactMethod.PHONE))
        self.when = DateTimeField(translate("Contact", "Wanneer"), datetime.now())
        self.outcome = QComboBox()
        for o in (
            ContactOutcome.INTERESTED,
            ContactOutcome.DECLINED,
            ContactOutcome.NO_ANSWER,
            ContactOutcome.CALL_BACK,
            ContactOutcome.INVITED,
            ContactOutcome.MOVED,
            ContactOutcome.DECEASED,
        ):
            self.outcome.addItem(outcome_label(o), o)
        self.reason = QComboBox()
        self.reason.addItem(translate("Contact", "— kies een reden —"), None)
        for r in DeclineReason:
            self.reason.addItem(decline_label(r), r)
        self.note = QLineEdit()
        for w, text in (
            (self.method, translate("Contact", "Hoe")),
            (self.outcome, translate("Contact", "Uitkomst")),
            (self.reason, translate("Contact", "Reden")),
            (self.note, translate("Contact", "Notitie")),
        ):
            w.setAccessibleName(text)
        for w, text in (
            (self.method, translate("Contact", "Telefoon, aan de deur, brief of anders.")),
            (self.outcome, translate("Contact", "Wat het contact opleverde.")),
            (self.reason, translate("Contact", "Waarom de bewoner geen bezoek wil.")),
            (self.note, translate("Contact", "Een korte notitie, als u wilt.")),
        ):
            w.setAccessibleDescription(text)
        form = _form()
        form.addRow(translate("Contact", "&Hoe:"), self.method)
        form.addRow(translate("Contact", "&Wanneer:"), self.when)
        form.addRow(translate("Contact", "&Uitkomst:"), self.outcome)
        form.addRow(translate("Contact", "&Reden:"), self.reason)
        form.addRow(translate("Contact", "N&otitie:"), self.note)
        self.form = form
        self.outcome.currentIndexChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.standard_buttons())
        self._update()

    def _update(self) -> None:
        declined = enum_data(self.outcome, ContactOutcome) is ContactOutcome.DECLINED
        self.form.setRowVisible(self.reason, declined)

    def set_outcome(self, outcome: ContactOutcome, reason: DeclineReason | None = None) -> None:
        self.outcome.setCurrentIndex(self.outcome.findData(outcome))
        if reason is not None:
            self.reason.setCurrentIndex(self.reason.findData(reason))

    def work(self):
        vault, rid = self.ctx.vault, self.resident_id
        outcome = enum_data(self.outcome, ContactOutcome)
        declined = outcome is ContactOutcome.DECLINED
        reason = enum_data(self.reason, DeclineReason) if declined else None
        if outcome is ContactOutcome.DECLINED and reason is None:
            raise UserError(
                "no reason",
                message_nl=translate(
                    "Contact",
                    "Kies waarom de bewoner geen bezoek wil. Weet u het niet, kies dan 'Anders'.",
                ),
            )
        method, note, at = (
            enum_data(self.method, ContactMethod),
            self.note.text(),
            _to_utc(_typed_moment(self.when)),
        )
        return lambda: svc.log_contact(
            vault, rid, method=method, outcome=outcome, decline_reason=reason, note=note, at=at
        )


class AppointmentDialog(_SavingDialog):
    def __init__(self, parent, ctx, resident_id: int, resident_name: str) -> None:
        super().__init__(parent, "appointmentDialog", ctx)
        self.resident_id = resident_id
        self.setWindowTitle(translate("Afspraak", "Afspraak met {naam}").format(naam=resident_name))
        tomorrow = datetime.combine(date.today() + timedelta(days=1), time(10, 0))
        self.when = DateTimeField(translate("Afspraak", "Datum en tijd"), tomorrow)
        self.location = QLineEdit()
        self.location.setPlaceholderText(translate("Afspraak", "Bij de bewoner thuis"))
        self.location.setAccessibleName(translate("Afspraak", "Waar"))
        self.location.setAccessibleDescription(
            translate("Afspraak", "Leeg laten als het bij de bewoner thuis is.")
        )
        self.note = QLineEdit()
        self.note.setAccessibleName(translate("Afspraak", "Notitie"))
        self.note.setAccessibleDescription(translate("Afspraak", "Een korte notitie, als u wilt."))
        form = _form()
        form.addRow(translate("Afspraak", "&Datum en tijd:"), self.when)
        form.addRow(translate("Afspraak", "&Waar:"), self.location)
        form.addRow(translate("Afspraak", "N&otitie:"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.standard_buttons())

    def work(self):
        at = _to_utc(_typed_moment(self.when))
        if at < datetime.now(UTC) - timedelta(days=1):
            raise UserError(
                "appointment in the past",
                message_nl=translate(
                    "Afspraak", "Deze datum is al voorbij. Kies een datum in de toekomst."
                ),
            )
        vault, rid, loc, note = (
            self.ctx.vault,
            self.resident_id,
            self.location.text(),
            self.note.text(),
        )
        return lambda: svc.add_appointment(vault, rid, at, location=loc, note=note)
