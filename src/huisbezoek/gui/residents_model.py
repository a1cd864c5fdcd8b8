"""Qt models for the resident list: a table model over plain rows and a filtering proxy."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from huisbezoek.domain import ResidentStatus
from huisbezoek.gui.i18n import translate
from huisbezoek.gui.labels import format_date, format_datetime, status_label
from huisbezoek.services.residents import ResidentRow

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

_ROUND_ORDER = {status: i for i, status in enumerate(ResidentStatus)}


class ResidentTableModel(QAbstractTableModel):
    NAME, ADDRESS, POSTCODE, NEIGHBOURHOOD, STATUS, APPOINTMENT, LAST_CONTACT = range(7)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[ResidentRow] = []

    def headers(self) -> list[str]:
        return [
            translate("Bewoners", "Naam"),
            translate("Bewoners", "Adres"),
            translate("Bewoners", "Postcode"),
            translate("Bewoners", "Wijk"),
            translate("Bewoners", "Stand"),
            translate("Bewoners", "Afspraak"),
            translate("Bewoners", "Laatste contact"),
        ]

    def set_rows(self, rows: list[ResidentRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def rows(self) -> list[ResidentRow]:
        return list(self._rows)

    def row_for_id(self, resident_id: int) -> int:
        for i, r in enumerate(self._rows):
            if r.id == resident_id:
                return i
        return -1

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 7:
            return self.headers()[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if col == self.NAME:
                return row.name
            if col == self.ADDRESS:
                return row.address
            if col == self.POSTCODE:
                return row.postcode
            if col == self.NEIGHBOURHOOD:
                return row.neighbourhood
            if col == self.STATUS:
                return status_label(row.status)
            if col == self.APPOINTMENT:
                return format_datetime(row.next_appointment) if row.next_appointment else ""
            if col == self.LAST_CONTACT:
                return format_date(row.last_contact) if row.last_contact else ""
            return None
        if role == SORT_ROLE:
            if col == self.STATUS:
                return _ROUND_ORDER[row.status]
            if col == self.APPOINTMENT:
                return row.next_appointment.isoformat() if row.next_appointment else "9999"
            if col == self.LAST_CONTACT:
                return row.last_contact.isoformat() if row.last_contact else ""
            return str(self.data(index, Qt.ItemDataRole.DisplayRole) or "").casefold()
        if role == ROW_ROLE:
            return row
        return None


class ResidentFilterModel(QSortFilterProxyModel):
    """Search as you type (name, address, postcode, phone) plus status and neighbourhood."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._status: ResidentStatus | None = None
        self._neighbourhood: str | None = None
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_search(self, text: str) -> None:
        self._begin()
        self._words = text.casefold().split()
        self._end()

    def set_status(self, status: ResidentStatus | None) -> None:
        self._begin()
        self._status = status
        self._end()

    def set_neighbourhood(self, name: str | None) -> None:
        self._begin()
        self._neighbourhood = name
        self._end()

    def _begin(self) -> None:
        # Qt 6.10+ wants begin/endFilterChange; older versions only have invalidateRowsFilter.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()

    def _end(self) -> None:
        if hasattr(self, "endFilterChange"):
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        model = self.sourceModel()
        row: ResidentRow | None = model.data(model.index(source_row, 0, source_parent), ROW_ROLE)
        if row is None:
            return False
        if self._status is not None and row.status is not self._status:
            return False
        if self._neighbourhood is not None and (
            " ".join(row.neighbourhood.split()).casefold() != self._neighbourhood.casefold()
        ):
            return False
        if self._words:
            haystack = f"{row.name} {row.address} {row.postcode} {row.phone}".casefold()
            compact = haystack.replace(" ", "")
            return all(w in haystack or w in compact for w in self._words)
        return True
