"""A read-only table model over :class:`workshop_app.ui.cohort.rows.Row` lists: principles in bold, low
coverage in a warm background with its reason in the tooltip; never sortable (no ranking by default)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from workshop_app.ui.cohort.rows import Row

LOW_BACKGROUND = QColor("#FFF1D6")
_Index = QModelIndex | QPersistentModelIndex


class GridModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.header: tuple[str, ...] = ()
        self.rows: list[Row] = []
        self.low_tip = ""

    def set_rows(self, header: Sequence[str], rows: Sequence[Row], low_tip: str = "") -> None:
        self.beginResetModel()
        self.header = tuple(header)
        self.rows = list(rows)
        self.low_tip = low_tip
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.header)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.header[section] if 0 <= section < len(self.header) else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            cells = row.cells
            return cells[index.column()] if index.column() < len(cells) else ""
        if role == Qt.ItemDataRole.FontRole and row.heading:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and row.low_coverage:
            return QBrush(LOW_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = row.tooltip
            if row.low_coverage and self.low_tip:
                tip = f"{tip}\n{self.low_tip}" if tip else self.low_tip
            return tip or None
        return None
