"""Table model of the workshop's groups (tables): name (editable) with its colour, participants, answers.

An edit is not applied here: ``sig_edit`` asks for it, the service commits it, and the new snapshot comes back
through :meth:`set_rows`. The model never shows a name the database does not hold.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

if TYPE_CHECKING:
    from workshop_app.core.workshop import GroupInfo

Index = QModelIndex | QPersistentModelIndex

COL_NAME, COL_PARTICIPANTS, COL_ANSWERS = range(3)
GROUP_ROLE = Qt.ItemDataRole.UserRole + 1


class GroupsModel(QAbstractTableModel):
    #: (group id, field, value): the user edited a cell
    sig_edit = Signal(str, str, object)
    #: (participant ids, group id): participants were dropped on a table
    sig_participants_dropped = Signal(list, str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[GroupInfo] = []
        self._participants: dict[str, int] = {}
        self._answers: dict[str, int] = {}

    def set_rows(
        self,
        groups: Sequence[GroupInfo],
        participants: Mapping[str, int] | None = None,
        answers: Mapping[str, int] | None = None,
    ) -> None:
        rows = sorted(groups, key=lambda g: g.position)
        before = [(g, *self._counts(g)) for g in self._rows]
        self._participants = dict(participants or {})
        self._answers = dict(answers or {})
        if [g.id for g in rows] == [g.id for g in self._rows]:
            self._rows = rows  # same groups: keep the selection and any open editor
            # only the rows that changed: every vote refreshes this list, and a whole-table change made the
            # view ask for all its cells again (~200 data() calls a vote on the full day)
            changed = [i for i, row in enumerate(before) if (rows[i], *self._counts(rows[i])) != row]
            if changed:
                self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], COL_ANSWERS))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def _counts(self, group: GroupInfo) -> tuple[int, int]:
        return self._participants.get(group.id, 0), self._answers.get(group.id, 0)

    def group(self, row: int) -> GroupInfo:
        return self._rows[row]

    def row_of(self, group_id: str) -> int:
        return next((i for i, g in enumerate(self._rows) if g.id == group_id), -1)

    def answers(self, group_id: str) -> int:
        return self._answers.get(group_id, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("Table"), self.tr("Participants"), self.tr("Réponses")][section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid():
            base |= Qt.ItemFlag.ItemIsDropEnabled  # participants dragged from the list are seated here
        if index.isValid() and index.column() == COL_NAME:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    # -- drop: participants dragged from the list (see participants_moves) ---------------------------------
    def mimeTypes(self) -> list[str]:
        from workshop_app.ui.setup.participants_moves import MIME_PARTICIPANTS

        return [MIME_PARTICIPANTS]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def _drop_row(self, row: int, parent: Index) -> int:
        return parent.row() if parent.isValid() else row

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        from workshop_app.ui.setup.participants_moves import participant_ids

        return bool(participant_ids(data)) and 0 <= self._drop_row(row, parent) < len(self._rows)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        from workshop_app.ui.setup.participants_moves import participant_ids

        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        self.sig_participants_dropped.emit(participant_ids(data), self._rows[self._drop_row(row, parent)].id)
        return True

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        group = self._rows[index.row()]
        column = index.column()
        if role == GROUP_ROLE:
            return group
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == COL_NAME:
                return group.name
            if column == COL_PARTICIPANTS:
                return self._participants.get(group.id, 0)
            return self._answers.get(group.id, 0)
        if role == Qt.ItemDataRole.DecorationRole and column == COL_NAME:
            return QColor(group.colour)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != COL_NAME:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or index.column() != COL_NAME:
            return False
        name = str(value).strip()
        group = self._rows[index.row()]
        if not name or name == group.name:
            return False
        self.sig_edit.emit(group.id, "name", name)
        return True
