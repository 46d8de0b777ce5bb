"""Table model of the decks a facilitator can play: built-in and personal; broken ones with their errors."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

if TYPE_CHECKING:
    from workshop_app.core.catalogue import DeckEntry

Index = QModelIndex | QPersistentModelIndex

COL_TITLE, COL_KIND, COL_CARDS, COL_ORIGIN, COL_STATE = range(5)
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1  # the DeckEntry of the row


class DeckListModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[DeckEntry] = []
        self._headers: list[str] = []

    def headers(self) -> list[str]:
        """Translated once: the view asks for them hundreds of times while the start screen is laid out."""
        if not self._headers:
            self._headers = [
                self.tr("Jeu"), self.tr("Mécanique"), self.tr("Cartes"), self.tr("Origine"), self.tr("État")
            ]
        return self._headers

    def set_rows(self, rows: Sequence[DeckEntry]) -> None:
        self.beginResetModel()
        # valid decks first (built-in, then yours), then the broken ones so they catch the eye together
        self._rows = sorted(rows, key=lambda e: (not e.ok, not e.builtin, self._title(e).casefold()))
        self.endResetModel()

    def entry(self, row: int) -> DeckEntry:
        return self._rows[row]

    def valid_entries(self) -> list[DeckEntry]:
        return [e for e in self._rows if e.ok]

    def row_of_path(self, path: str) -> int:
        return next((i for i, e in enumerate(self._rows) if str(e.path) == path), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._rows[index.row()]
        if role == ENTRY_ROLE:
            return entry
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            if entry.deck is None:
                return "\n".join(str(i) for i in entry.issues)
            return str(entry.path)
        if role == Qt.ItemDataRole.ForegroundRole and not entry.ok and index.column() == COL_STATE:
            return QBrush(QColor("#B00020"))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == COL_CARDS:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _title(self, entry: DeckEntry) -> str:
        return entry.deck.title if entry.deck is not None else entry.path.name

    def _display(self, entry: DeckEntry, column: int) -> str:
        deck = entry.deck
        if column == COL_TITLE:
            return self._title(entry)
        if column == COL_KIND:
            if deck is None:
                return "—"
            return self.tr("Questions") if str(deck.mechanic) == "questions" else self.tr("Stratégie")
        if column == COL_CARDS:
            return str(len(deck.cards)) if deck is not None else "—"
        if column == COL_ORIGIN:
            return self.tr("intégré") if entry.builtin else self.tr("vos jeux")
        if deck is not None:
            return self.tr("valide")
        count = len(entry.issues)
        text = self.tr("invalide : %1 erreur") if count <= 1 else self.tr("invalide : %1 erreurs")
        return text.replace("%1", str(count))
