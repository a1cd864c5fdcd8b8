"""Pick the service a resident agrees to be referred to, from the sociale kaart.

A small self-contained widget for the consent step of the review page: it offers the
services of the active directory by name (type to narrow the list), and gives back the
service's id and name, which ``services.review.set_signal_consent(service_id=...,
referral_service=...)`` records and the batch carries. The wheel never changes the choice
unless the list has focus.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from huisbezoek.gui.i18n import translate
from huisbezoek.printing.content import ServiceDirectory, load_directory


class ServicePicker(QComboBox):
    """An editable list of the directory's services; ``chosen`` gives (id, name), or ("", "")
    when nothing is chosen."""

    chosen = Signal(str, str)

    def __init__(
        self, directory: ServiceDirectory | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("servicePicker")
        self.setAccessibleName(
            translate("Verwijzing", "Dienst waarnaar de bewoner verwezen wil worden")
        )
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        edit = self.lineEdit()
        assert edit is not None  # editable
        edit.setPlaceholderText(translate("Verwijzing", "Typ om te zoeken in de sociale kaart"))
        found = directory if directory is not None else load_directory()
        self.addItem("", "")
        for service in sorted(found.services, key=lambda s: s.name.lower()):
            self.addItem(service.name, service.id)
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        completer.activated.connect(self._choose_text)
        edit.editingFinished.connect(self._match_typed)
        self.installEventFilter(self)
        self.currentIndexChanged.connect(self._emit)

    def service_id(self) -> str:
        return str(self.currentData() or "")

    def service_name(self) -> str:
        return self.currentText() if self.service_id() else ""

    def select(self, service_id: str | None) -> None:
        index = self.findData(service_id or "")
        self.setCurrentIndex(max(index, 0))

    def _choose_text(self, text: str) -> None:
        index = self.findText(text, Qt.MatchFlag.MatchExactly)
        if index >= 0:
            self.setCurrentIndex(index)

    def _match_typed(self) -> None:
        """Enter after a few letters picks the one service whose name holds them."""
        edit = self.lineEdit()
        if edit is None:
            return
        typed = edit.text().strip().lower()
        if not typed:
            self.setCurrentIndex(0)
            return
        hits = [i for i in range(1, self.count()) if typed in self.itemText(i).lower()]
        if len(hits) == 1:
            self.setCurrentIndex(hits[0])
            edit.setText(self.itemText(hits[0]))

    def _emit(self, _index: int) -> None:
        self.chosen.emit(self.service_id(), self.service_name())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.Wheel and not self.hasFocus():
            event.ignore()
            return True
        return super().eventFilter(watched, event)
