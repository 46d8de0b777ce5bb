"""The action plan as a table: action, porteur, échéance, levier. Edits go through ``save`` (the service).

The model holds the stored ``ActionItem`` rows; an edit calls ``save(action_id, {field: value})`` and shows
the row it gets back, so the table only ever shows what was committed. ``save`` returns None on a refusal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QObject, QPersistentModelIndex, Qt

from workshop_app.core.workshop import ActionItem
from workshop_app.ui.date_edit import date_in_full

COL_ACTION, COL_OWNER, COL_DEADLINE, COL_LEVER = range(4)
ACTION_ROLE = Qt.ItemDataRole.UserRole + 1
NO_DATE = QDate(2000, 1, 1)  # the date editor's « — » (no deadline)

_Index = QModelIndex | QPersistentModelIndex
SaveCallback = Callable[[str, dict[str, Any]], ActionItem | None]
_FIELDS = {COL_ACTION: "action", COL_OWNER: "owner", COL_DEADLINE: "deadline", COL_LEVER: "lever_id"}


def to_qdate(value: date | None) -> QDate:
    return QDate(value.year, value.month, value.day) if value else QDate()


def from_qdate(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, QDate) and value.isValid() and value != NO_DATE:
        return date(value.year(), value.month(), value.day())
    return None


class ActionPlanModel(QAbstractTableModel):
    def __init__(
        self,
        items: Sequence[ActionItem],
        levers: Sequence[tuple[str, str]],
        save: SaveCallback,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._items = sorted(items, key=lambda a: a.position)
        self.levers = list(levers)  # (id, label) offered in the « levier » column
        self._labels = dict(self.levers)
        self._save = save

    # -- shape ----------------------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation is Qt.Orientation.Vertical:
            return str(section + 1)
        titles = (self.tr("Action"), self.tr("Porteur"), self.tr("Échéance"), self.tr("Levier"))
        return titles[section] if 0 <= section < 4 else None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    # -- data -----------------------------------------------------------------------------------------------
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = index.column()
        if role == ACTION_ROLE:
            return item
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(item, column)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._display(item, column)
        return None

    def _edit_value(self, item: ActionItem, column: int) -> Any:
        if column == COL_ACTION:
            return item.action
        if column == COL_OWNER:
            return item.owner
        if column == COL_DEADLINE:
            return to_qdate(item.deadline) if item.deadline else NO_DATE
        return item.lever_id or ""

    def _display(self, item: ActionItem, column: int) -> str:
        if column == COL_DEADLINE:
            return date_in_full(item.deadline) if item.deadline else ""
        if column == COL_LEVER:
            return self._labels.get(item.lever_id or "", item.lever_id or "")
        return str(self._edit_value(item, column))

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        item = self._items[index.row()]
        column = index.column()
        new: Any
        if column == COL_DEADLINE:
            new = from_qdate(value)
        elif column == COL_LEVER:
            new = str(value) if value else None
        else:
            new = str(value or "").strip()
            if column == COL_ACTION and not new:
                return False  # an action needs words; the old text stays
        if new == getattr(item, _FIELDS[column]):
            return False
        saved = self._save(item.id, {_FIELDS[column]: new})
        if saved is None:
            return False
        self._items[index.row()] = saved
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 3))
        return True

    # -- rows -----------------------------------------------------------------------------------------------
    def items(self) -> list[ActionItem]:
        return list(self._items)

    def append_item(self, item: ActionItem) -> int:
        row = len(self._items)
        self.beginInsertRows(QModelIndex(), row, row)
        self._items.append(item)
        self.endInsertRows()
        return row

    def remove_item(self, action_id: str) -> None:
        row = next((i for i, a in enumerate(self._items) if a.id == action_id), -1)
        if row < 0:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._items[row]
        self.endRemoveRows()

    def reset_items(self, items: Sequence[ActionItem], levers: Sequence[tuple[str, str]]) -> None:
        self.beginResetModel()
        self._items = sorted(items, key=lambda a: a.position)
        self.levers = list(levers)
        self._labels = dict(self.levers)
        self.endResetModel()
