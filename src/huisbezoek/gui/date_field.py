"""Date and time fields that take what a person types, with a Dutch calendar beside them.

Qt's date editor ignores typing until a part of the date is selected. Here the volunteer
types 15031949, 15-3-1949 or 15 maart 1949 (see :mod:`huisbezoek.domain.dates`); leaving the
field shows the date as it was understood (15-03-1949). The button opens a calendar in Dutch
with Monday first, whatever the system language.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QWidget,
    QWidgetAction,
)

from huisbezoek.domain.dates import format_date, parse_date, parse_time
from huisbezoek.gui.i18n import translate

DUTCH = QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)


def dutch_calendar(parent: QWidget | None = None) -> QCalendarWidget:
    calendar = QCalendarWidget(parent)
    calendar.setLocale(DUTCH)
    calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
    calendar.setGridVisible(True)
    calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
    calendar.setAccessibleName(translate("Datum", "Kalender"))
    calendar.setAccessibleDescription(
        translate(
            "Datum",
            "Pijltjes: andere dag. Page Up, Page Down: andere maand. Enter: kiezen.",
        )
    )
    return calendar


class DateField(QWidget):
    """A typed date with a calendar button; empty means "not known"."""

    date_changed = Signal(object)  # datetime.date or None

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(translate("Datum", "bijvoorbeeld 15-3-1949"))
        self.edit.setAccessibleName(name)
        self.edit.setAccessibleDescription(
            translate(
                "Datum", "Typ de datum als dag, maand, jaar: 15031949, 15-3-1949 of 15 maart 1949."
            )
        )
        self.edit.editingFinished.connect(self._tidy)
        self.edit.textChanged.connect(lambda _t: self.date_changed.emit(self.date()))
        self.button = QPushButton(translate("Datum", "Kalender…"))
        self.button.setAccessibleName(translate("Datum", "Kalender voor {veld}").format(veld=name))
        self.button.clicked.connect(self.open_calendar)
        self.setFocusProxy(self.edit)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.button)
        self.calendar: QCalendarWidget | None = None
        self._menu: QMenu | None = None

    def text(self) -> str:
        return self.edit.text()

    def date(self) -> dt.date | None:
        return parse_date(self.edit.text())

    def is_empty(self) -> bool:
        return not self.edit.text().strip()

    def set_date(self, value: dt.date | None) -> None:
        self.edit.setText(format_date(value) if value is not None else "")

    def _tidy(self) -> None:
        parsed = self.date()
        if parsed is not None and self.edit.text() != format_date(parsed):
            self.edit.setText(format_date(parsed))

    def open_calendar(self) -> QCalendarWidget:
        """Show the Dutch calendar under the field; Enter or a click takes the day."""
        calendar = dutch_calendar()
        current = self.date() or dt.date.today()
        calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        menu = QMenu(self)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(calendar)
        menu.addAction(holder)

        def chosen(day: QDate) -> None:
            self.set_date(dt.date(day.year(), day.month(), day.day()))
            menu.close()
            self.edit.setFocus()

        calendar.activated.connect(chosen)
        calendar.clicked.connect(chosen)
        self.calendar, self._menu = calendar, menu
        menu.popup(self.edit.mapToGlobal(self.edit.rect().bottomLeft()))
        calendar.setFocus()
        return calendar


class DateTimeField(QWidget):
    """A typed date (with calendar) and a typed time (10:30)."""

    def __init__(self, name: str, value: dt.datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.day = DateField(translate("Datum", "{veld}: datum").format(veld=name))
        self.time = QLineEdit()
        self.time.setAccessibleName(translate("Datum", "{veld}: tijd").format(veld=name))
        self.time.setAccessibleDescription(translate("Datum", "Typ de tijd, bijvoorbeeld 10:30."))
        self.time.setPlaceholderText(translate("Datum", "uu:mm"))
        self.time.setMaximumWidth(self.fontMetrics().averageCharWidth() * 9)
        self.time.editingFinished.connect(self._tidy_time)
        self.setFocusProxy(self.day)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.day, 1)
        row.addWidget(self.time)
        self.set_value(value)

    def set_value(self, value: dt.datetime) -> None:
        self.day.set_date(value.date())
        self.time.setText(value.strftime("%H:%M"))

    def value(self) -> dt.datetime | None:
        """The local date and time typed, or ``None`` when either part is not clear."""
        day, time = self.day.date(), parse_time(self.time.text())
        if day is None or time is None:
            return None
        return dt.datetime.combine(day, time)

    def _tidy_time(self) -> None:
        parsed = parse_time(self.time.text())
        if parsed is not None:
            self.time.setText(parsed.strftime("%H:%M"))
