"""The queue's search, filters, sorting and paging: a bar above the list that turns what the
coordinator chose into a ``followup.QueueFilter`` and a page, and says how many match."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from huisbezoek.coordinator import followup as fu
from huisbezoek.domain import Severity, Theme
from huisbezoek.gui.i18n import translate
from huisbezoek.gui.labels import severity_label, theme_label
from huisbezoek.gui.widgets import WrapLabel, button

PAGE_SIZE = 50


def _narrow(combo: QComboBox) -> QComboBox:
    # Long names (a volunteer with key id) must not make the window wider than the screen.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(10)
    return combo


def _combo(name: str, everything: str) -> QComboBox:
    combo = _narrow(QComboBox())
    combo.setAccessibleName(name)
    combo.addItem(everything, None)
    return combo


class QueueFilterBar(QWidget):
    """Emits ``changed`` when the filter or the page changes (typing waits a moment)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queueFilters")
        self.offset = 0
        self.search = QLineEdit()
        self.search.setObjectName("queueSearch")
        self.search.setAccessibleName(translate("Opvolging", "Zoeken op naam, postcode of nummer"))
        self.search.setPlaceholderText(translate("Opvolging", "Zoek op naam, postcode of nummer"))
        self.search.setClearButtonEnabled(True)
        everything = translate("Opvolging", "Alle")
        self.theme = _combo(
            translate("Opvolging", "Onderwerp"), translate("Opvolging", "Alle onderwerpen")
        )
        for theme in Theme:
            self.theme.addItem(theme_label(theme), theme.value)
        self.severity = _combo(
            translate("Opvolging", "Urgentie"), translate("Opvolging", "Elke urgentie")
        )
        for severity in sorted(Severity, reverse=True):
            self.severity.addItem(severity_label(severity), int(severity))
        self.neighbourhood = _combo(
            translate("Opvolging", "Wijk"), translate("Opvolging", "Alle wijken")
        )
        self.volunteer = _combo(
            translate("Opvolging", "Vrijwilliger"), translate("Opvolging", "Alle vrijwilligers")
        )
        self.status = _combo(
            translate("Opvolging", "Status"), translate("Opvolging", "Alle open signalen")
        )
        for status in fu.FollowUpStatus:
            self.status.addItem(fu.STATUS_LABELS[status], status.value)
        self.due = _combo(translate("Opvolging", "Termijn"), everything)
        for due, label in (
            (fu.DueFilter.OVERDUE, translate("Opvolging", "Termijn verlopen")),
            (fu.DueFilter.THIS_WEEK, translate("Opvolging", "Termijn deze week")),
            (fu.DueFilter.NONE, translate("Opvolging", "Zonder termijn")),
        ):
            self.due.addItem(label, due.value)
        self.sort = _narrow(QComboBox())
        self.sort.setAccessibleName(translate("Opvolging", "Volgorde"))
        for sort, label in (
            (fu.QueueSort.URGENCY, translate("Opvolging", "Meest dringend eerst")),
            (fu.QueueSort.OLDEST, translate("Opvolging", "Oudste eerst")),
            (fu.QueueSort.NEWEST, translate("Opvolging", "Nieuwste eerst")),
            (fu.QueueSort.DUE, translate("Opvolging", "Op termijn")),
            (fu.QueueSort.NEIGHBOURHOOD, translate("Opvolging", "Op wijk")),
        ):
            self.sort.addItem(label, sort.value)
        self.show_closed = QCheckBox(translate("Opvolging", "Ook afgeronde signalen tonen"))
        self.previous = button(translate("Opvolging", "◀ Vorige"))
        self.previous.setAccessibleName(translate("Opvolging", "Vorige bladzijde"))
        self.next = button(translate("Opvolging", "Volgende ▶"))
        self.next.setAccessibleName(translate("Opvolging", "Volgende bladzijde"))
        self.count = WrapLabel("")
        self.count.setObjectName("queueCount")
        self.count.setWordWrap(True)
        grid = QGridLayout()
        grid.addWidget(self.search, 0, 0)
        grid.addWidget(self.sort, 0, 1)
        pairs = [
            (translate("Opvolging", "Onderwerp"), self.theme),
            (translate("Opvolging", "Urgentie"), self.severity),
            (translate("Opvolging", "Wijk"), self.neighbourhood),
            (translate("Opvolging", "Vrijwilliger"), self.volunteer),
            (translate("Opvolging", "Status"), self.status),
            (translate("Opvolging", "Termijn"), self.due),
        ]
        for index, (label, combo) in enumerate(pairs):
            cell = QHBoxLayout()  # label beside the list: half the height at 200% text
            text = QLabel(label)
            text.setBuddy(combo)
            cell.addWidget(text)
            cell.addWidget(combo)
            grid.addLayout(cell, 1 + index // 2, index % 2)
        paging = QHBoxLayout()
        paging.addStretch(1)
        paging.addWidget(self.previous)
        paging.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(self.show_closed)
        layout.addLayout(paging)
        layout.addWidget(self.count)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(300)
        self._typing.timeout.connect(self._filter_changed)
        self.search.textChanged.connect(lambda _t: self._typing.start())
        self.search.returnPressed.connect(self._filter_changed)
        for combo in (self.theme, self.severity, self.neighbourhood, self.volunteer,
                      self.status, self.due, self.sort):  # fmt: skip
            combo.currentIndexChanged.connect(lambda _i: self._filter_changed())
        self.show_closed.toggled.connect(lambda _c: self._filter_changed())
        self.previous.clicked.connect(lambda: self._turn(-1))
        self.next.clicked.connect(lambda: self._turn(1))
        self.show_page(None)

    def spec(self) -> fu.QueueFilter:
        theme = self.theme.currentData()
        severity = self.severity.currentData()
        status = self.status.currentData()
        due = self.due.currentData()
        return fu.QueueFilter(
            search=self.search.text().strip(),
            theme=Theme(theme) if theme else None,
            severity=Severity(severity) if severity else None,
            neighbourhood=self.neighbourhood.currentData() or "",
            volunteer=self.volunteer.currentData() or "",
            status=fu.FollowUpStatus(status) if status else None,
            due=fu.DueFilter(due) if due else None,
            include_closed=self.show_closed.isChecked(),
            sort=fu.QueueSort(self.sort.currentData()),
        )

    def set_choices(self, neighbourhoods: list[str], volunteers: list[tuple[str, str]]) -> None:
        """Fill the neighbourhood and volunteer lists, keeping what was chosen."""
        for combo, values in (
            (self.neighbourhood, [(hood, hood) for hood in neighbourhoods]),
            (self.volunteer, [(f"{name} ({key_id})", key_id) for key_id, name in volunteers]),
        ):
            chosen = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for label, data in values:
                combo.addItem(label, data)
            combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen else 0)
            combo.blockSignals(False)

    def show_page(self, page: fu.QueuePage | None) -> None:
        if page is None:
            self.count.setText("")
            self.previous.setEnabled(False)
            self.next.setEnabled(False)
            return
        if page.total == 0:
            self.count.setText(translate("Opvolging", "Geen signalen gevonden."))
        else:
            self.count.setText(
                translate("Opvolging", "Signalen {van} tot en met {tot} van {totaal}").format(
                    van=page.offset + 1,
                    tot=page.offset + len(page.items),
                    totaal=f"{page.total:,}".replace(",", "."),
                )
            )
        self.previous.setEnabled(page.offset > 0)
        self.next.setEnabled(page.offset + page.limit < page.total)

    def _turn(self, step: int) -> None:
        self.offset = max(self.offset + step * PAGE_SIZE, 0)
        self.changed.emit()

    def _filter_changed(self) -> None:
        self._typing.stop()
        self.offset = 0
        self.changed.emit()
