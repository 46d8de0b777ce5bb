"""Table model of the sequences: which decks are played, in which order, for how many minutes each."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

if TYPE_CHECKING:
    from workshop_app.core.workshop import SequenceInfo

Index = QModelIndex | QPersistentModelIndex

COL_POSITION, COL_TITLE, COL_CARDS, COL_MINUTES = range(4)
SEQUENCE_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_MINUTES = 600


class SequencesModel(QAbstractTableModel):
    #: (sequence id, field, value): planned minutes (int or None) or title (str) edited
    sig_edit = Signal(str, str, object)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[SequenceInfo] = []

    def set_rows(self, sequences: Sequence[SequenceInfo]) -> None:
        rows = sorted(sequences, key=lambda s: s.position)
        if [s.id for s in rows] == [s.id for s in self._rows]:
            self._rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, COL_MINUTES))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def sequence(self, row: int) -> SequenceInfo:
        return self._rows[row]

    def row_of(self, sequence_id: str) -> int:
        return next((i for i, s in enumerate(self._rows) if s.id == sequence_id), -1)

    def total_minutes(self) -> int:
        return sum(s.planned_minutes or 0 for s in self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("N°"), self.tr("Séquence (jeu)"), self.tr("Cartes"), self.tr("Minutes prévues")][
                section
            ]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() in (COL_TITLE, COL_MINUTES):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        seq = self._rows[index.row()]
        column = index.column()
        if role == SEQUENCE_ROLE:
            return seq
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_POSITION:
                return str(index.row() + 1)
            if column == COL_TITLE:
                return seq.display_title
            if column == COL_CARDS:
                return str(len(seq.deck.cards))
            return str(seq.planned_minutes) if seq.planned_minutes else "—"
        if role == Qt.ItemDataRole.EditRole:
            if column == COL_TITLE:
                return seq.display_title
            if column == COL_MINUTES:
                return seq.planned_minutes or 0
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_TITLE:
            return f"{seq.deck.title} ({seq.deck.id}, version {seq.deck.version})"
        if role == Qt.ItemDataRole.TextAlignmentRole and column != COL_TITLE:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        seq = self._rows[index.row()]
        if index.column() == COL_MINUTES:
            try:
                minutes = int(value)
            except (TypeError, ValueError):
                return False
            if not 0 <= minutes <= MAX_MINUTES:
                return False
            if minutes == (seq.planned_minutes or 0):
                return False
            self.sig_edit.emit(seq.id, "planned_minutes", minutes)
            return True
        if index.column() == COL_TITLE:
            title = str(value).strip()
            stored = "" if title == seq.deck.title else title
            if stored == seq.title:
                return False
            self.sig_edit.emit(seq.id, "title", stored)
            return True
        return False
