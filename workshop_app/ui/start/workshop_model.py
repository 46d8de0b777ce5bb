"""Table model of the workshops listed on the start page (from ``service.list_workshops()``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QDate, QLocale, QModelIndex, QPersistentModelIndex, Qt

if TYPE_CHECKING:
    from workshop_app.services.api import WorkshopSummary

Index = QModelIndex | QPersistentModelIndex

COL_DATE, COL_TITLE, COL_TERRITORY, COL_DECKS, COL_PROGRESS, COL_STATUS = range(6)
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 1  # the WorkshopSummary of the row
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 2  # (answered, total)


class WorkshopListModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[WorkshopSummary] = []  # the rows shown: those the search matches
        self._all: list[WorkshopSummary] = []
        self._search = ""
        self._headers: list[str] = []

    def headers(self) -> list[str]:
        """Translated once: the view asks for them hundreds of times while the start screen is laid out."""
        if not self._headers:
            self._headers = [
                self.tr("Date"),
                self.tr("Atelier"),
                self.tr("Territoire"),
                self.tr("Jeux"),
                self.tr("Avancement"),
                self.tr("État"),
            ]
        return self._headers

    def status_label(self, status: str) -> str:
        labels = {
            "draft": self.tr("En préparation"),
            "running": self.tr("En cours"),
            "done": self.tr("Terminé"),
            "archived": self.tr("Archivé"),
        }
        return labels.get(str(status), str(status))

    # -- content --------------------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[WorkshopSummary]) -> None:
        self._all = list(rows)
        self.set_search(self._search)

    def set_search(self, text: str) -> None:
        """Show only the workshops whose title, territory, programme, decks or year hold every word typed."""
        from workshop_app.ui.start.workshop_search import matches

        self.beginResetModel()
        self._search = text
        self._rows = [s for s in self._all if matches(s, text)] if text.strip() else list(self._all)
        self.endResetModel()

    def total_count(self) -> int:
        return len(self._all)

    def summary(self, row: int) -> WorkshopSummary:
        return self._rows[row]

    def row_of(self, workshop_id: str) -> int:
        return next((i for i, s in enumerate(self._rows) if s.id == workshop_id), -1)

    # -- Qt model -------------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        column = index.column()
        if role == SUMMARY_ROLE:
            return item
        if role == PROGRESS_ROLE:
            return (item.answered, item.total)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_PROGRESS:
                text = (
                    self.tr("%1 réponse enregistrée sur %2")
                    if item.answered <= 1
                    else self.tr("%1 réponses enregistrées sur %2")
                )
                return text.replace("%1", str(item.answered)).replace("%2", str(item.total))
            if column == COL_DECKS:
                return "\n".join(item.deck_titles)
            return self._display(item, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_DATE, COL_PROGRESS):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, item: WorkshopSummary, column: int) -> str:
        if column == COL_DATE:
            if item.date is None:
                return "—"
            day = QDate(item.date.year, item.date.month, item.date.day)
            return QLocale().toString(day, "d MMM yyyy")
        if column == COL_TITLE:
            return item.title
        if column == COL_TERRITORY:
            return item.territory or "—"
        if column == COL_DECKS:
            return ", ".join(item.deck_titles) or self.tr("aucun jeu")
        if column == COL_PROGRESS:
            return f"{item.answered} / {item.total}"
        return self.status_label(item.status)
