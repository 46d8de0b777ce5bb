"""Table model of the participants: name (optional), role, service, organisation, table.

Like the groups model, an edit becomes ``sig_edit`` (participant id, field, value); the rows change only when
the committed snapshot comes back through :meth:`set_rows`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal

if TYPE_CHECKING:
    from workshop_app.core.workshop import GroupInfo, ParticipantInfo

Index = QModelIndex | QPersistentModelIndex

COL_NAME, COL_ROLE, COL_SERVICE, COL_ORGANISATION, COL_KIND, COL_GROUP = range(6)
FIELDS = ("name", "role", "service", "organisation", "kind", "group_id")
KINDS = ("", "élu", "agent", "partenaire")  # « élu » is a role (a kind of participant), not a service
PARTICIPANT_ROLE = Qt.ItemDataRole.UserRole + 1
GROUP_ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the group column: the id behind the shown name


class ParticipantsModel(QAbstractTableModel):
    #: (participant id, field, value): the user edited a cell; value is a str, or a group id / None
    sig_edit = Signal(str, str, object)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ParticipantInfo] = []
        self._groups: list[GroupInfo] = []

    @property
    def groups(self) -> list[GroupInfo]:
        return list(self._groups)

    def set_rows(self, participants: Sequence[ParticipantInfo], groups: Sequence[GroupInfo]) -> None:
        self._groups = sorted(groups, key=lambda g: g.position)
        rows = list(participants)
        if [p.id for p in rows] == [p.id for p in self._rows]:
            self._rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, COL_GROUP))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def participant(self, row: int) -> ParticipantInfo:
        return self._rows[row]

    def row_of(self, participant_id: str) -> int:
        return next((i for i, p in enumerate(self._rows) if p.id == participant_id), -1)

    def group_name(self, group_id: str | None) -> str:
        return next((g.name for g in self._groups if g.id == group_id), "—")

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(FIELDS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [
                self.tr("Nom (facultatif)"),
                self.tr("Fonction"),
                self.tr("Service"),
                self.tr("Organisation"),
                self.tr("Rôle"),
                self.tr("Table"),
            ][section]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return super().flags(index)
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled

    # -- drag: the selected rows' participants, dropped on a table (see participants_moves) -----------------
    def mimeTypes(self) -> list[str]:
        from workshop_app.ui.setup.participants_moves import MIME_PARTICIPANTS

        return [MIME_PARTICIPANTS]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        from workshop_app.ui.setup.participants_moves import participants_mime

        rows = sorted({i.row() for i in indexes if i.isValid()})
        return participants_mime([self._rows[r].id for r in rows])

    def supportedDragActions(self) -> Qt.DropAction:
        # a copy for Qt: the rows are never removed from this list (a « move » would make the view clear them)
        return Qt.DropAction.CopyAction

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        person = self._rows[index.row()]
        column = index.column()
        if role == PARTICIPANT_ROLE:
            return person
        if column == COL_GROUP:
            if role == GROUP_ID_ROLE or role == Qt.ItemDataRole.EditRole:
                return person.group_id or ""
            if role == Qt.ItemDataRole.DisplayRole:
                return self.group_name(person.group_id)
            return None
        if column == COL_KIND and role == Qt.ItemDataRole.DisplayRole:
            return self.kind_label(person.kind)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return getattr(person, FIELDS[column])
        return None

    def kind_label(self, kind: str) -> str:
        labels = {"élu": self.tr("élu·e"), "agent": self.tr("agent·e"), "partenaire": self.tr("partenaire")}
        return labels.get(kind, "—")

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        person = self._rows[index.row()]
        field = FIELDS[index.column()]
        if field == "group_id":
            new: str | None = str(value) if value else None
            if new is not None and all(g.id != new for g in self._groups):
                return False
        else:
            new = str(value).strip()
            if field == "kind" and new not in KINDS:
                return False
        if getattr(person, field) == new:
            return False
        self.sig_edit.emit(person.id, field, new)
        return True
