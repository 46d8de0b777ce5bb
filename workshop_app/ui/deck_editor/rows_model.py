"""An editable table of plain rows (the compass's axes and levers, the scale), one column per field."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from workshop_app.core.deck_field_text import parse_ids
from workshop_app.core.deck_sheet_layout import YES, Column

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """``rows`` are dicts keyed by each column's field; every edit calls ``on_change(rows)``."""

    def __init__(
        self,
        columns: Sequence[Column],
        rows: list[dict[str, Any]],
        on_change: Callable[[list[dict[str, Any]]], None],
        issue_of: Callable[[int, str], str],
    ) -> None:
        super().__init__()
        self.columns = list(columns)
        self.rows = rows
        self._on_change = on_change
        self._issue_of = issue_of

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            column = self.columns[section]
            return column.header + (" *" if column.required else "")
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        value = self.rows[index.row()].get(column.key)
        issue = self._issue_of(index.row(), column.key)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column.kind == "bool":
                return YES if value else ""
            if column.kind == "ids" and isinstance(value, list):
                return " ; ".join(str(v) for v in value)
            if value is None:
                return ""
            if isinstance(value, float) and value.is_integer():
                return str(int(value))
            return str(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return issue or None
        if role == Qt.ItemDataRole.BackgroundRole and issue:
            return QColor("#FBE3E4")
        if role == Qt.ItemDataRole.DecorationRole and column.key == "colour" and isinstance(value, str):
            colour = QColor(value)
            return colour if colour.isValid() else None
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        column = self.columns[index.column()]
        text = str(value).strip()
        row = self.rows[index.row()]
        if column.kind == "bool":
            row[column.key] = text.casefold() in ("oui", "o", "x", "1", "vrai")
        elif column.kind == "ids":
            row[column.key] = parse_ids(text)
        elif column.kind == "number":
            try:
                row[column.key] = float(text.replace(",", ".")) if text else None
            except ValueError:
                row[column.key] = text  # kept as typed: the deck model names the problem
        elif text or column.required:
            row[column.key] = text
        else:
            row.pop(column.key, None)
        self._on_change(self.rows)
        self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.columns) - 1))
        return True

    def refresh(self) -> None:
        """The issues changed (another field was edited): repaint the cells."""
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.columns) - 1))

    def insert(self, row: int, values: dict[str, Any]) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.insert(row, values)
        self.endInsertRows()
        self._on_change(self.rows)

    def remove(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.rows[row]
            self.endRemoveRows()
            self._on_change(self.rows)
