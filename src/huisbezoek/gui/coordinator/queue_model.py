"""The follow-up queue as a Qt table model over plain ``QueueItem`` rows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from huisbezoek.coordinator.followup import QueueItem
from huisbezoek.domain import Severity
from huisbezoek.gui.i18n import tr

Index = QModelIndex | QPersistentModelIndex


class QueueModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.items: list[QueueItem] = []
        self.headers = [
            tr("Opvolging", "Urgentie"),
            tr("Opvolging", "Onderwerp"),
            tr("Opvolging", "Bewoner"),
            tr("Opvolging", "Wijk"),
            tr("Opvolging", "Datum"),
            tr("Opvolging", "Status"),
            tr("Opvolging", "Opgepakt door"),
            tr("Opvolging", "Termijn"),
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
            item.severity.label_nl,
            item.theme.label_nl,
            item.resident,
            item.neighbourhood,
            item.signal_date.strftime("%d-%m-%Y"),
            item.status_text,
            item.assigned_to,
            item.due_on.strftime("%d-%m-%Y") if item.due_on else "",
        ]
        return values[index.column()]
