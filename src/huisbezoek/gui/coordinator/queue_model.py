"""The follow-up queue as a Qt table model over plain ``QueueItem`` rows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from huisbezoek.coordinator.followup import QueueItem
from huisbezoek.domain import Severity
from huisbezoek.gui.i18n import translate
from huisbezoek.gui.labels import severity_label, theme_label

Index = QModelIndex | QPersistentModelIndex


class QueueModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.items: list[QueueItem] = []
        self.headers = [
            translate("Opvolging", "Urgentie"),
            translate("Opvolging", "Onderwerp"),
            translate("Opvolging", "Bewoner"),
            translate("Opvolging", "Wijk"),
            translate("Opvolging", "Datum"),
            translate("Opvolging", "Status"),
            translate("Opvolging", "Opgepakt door"),
            translate("Opvolging", "Termijn"),
        ]

    def set_items(self, items: list[QueueItem]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid() or index.row() >= len(self.items):
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return item.signal_id
        if role == Qt.ItemDataRole.FontRole and item.severity is Severity.DIRECT:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        values = [
            severity_label(item.severity),
            theme_label(item.theme),
            item.resident,
            item.neighbourhood,
            item.signal_date.strftime("%d-%m-%Y"),
            item.status_text,
            item.assigned_to,
            item.due_on.strftime("%d-%m-%Y") if item.due_on else "",
        ]
        return values[index.column()]
