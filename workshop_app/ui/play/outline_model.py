"""The workshop outline: sequences, and under each its cards with how many tables answered (« 3/4 »); the
day's other steps (accueil, pause, bilan…) in their place between the sequences, with their time.

A tree model over the session; it never rebuilds on a vote: a choice changes one card row and its sequence
row.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from workshop_app.core.deck import QuestionDeck
from workshop_app.core.events import Event, EventKind
from workshop_app.core.programme import STEP_EVENTS, ProgrammeStep, programme_steps
from workshop_app.core.workshop import SequenceInfo
from workshop_app.ui.session import WorkshopSession
from workshop_app.ui.theme_ink import ink

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the sequence id (top rows) or the card id (child rows)
SEQUENCE_ROLE = Qt.ItemDataRole.UserRole + 2  # the sequence id, on both kinds of rows
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 3  # (done, total)

COL_TITLE, COL_PROGRESS = 0, 1
_TOP = 0  # internal id of top-level rows; a card row's internal id is 1 + its sequence's row

_Index = QModelIndex | QPersistentModelIndex

_PROGRESS_ROLES = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole, PROGRESS_ROLE]
_STATE_EVENTS = frozenset({
    EventKind.CHOICE_RECORDED, EventKind.CHOICE_WITHDRAWN, EventKind.CARD_PICKED, EventKind.CARD_DROPPED,
})


class OutlineModel(QAbstractItemModel):
    def __init__(self, session: WorkshopSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._sequences: list[SequenceInfo] = self._read_sequences()
        self._rows: list[SequenceInfo | ProgrammeStep] = self._read_rows()
        self._current: tuple[str, str] = (session.sequence_id or "", session.card_id or "")
        self._sequence_done: dict[str, tuple[int, int]] = {}  # cleared by every event: Qt asks often
        session.sig_event.connect(self.on_session_event)
        session.sig_snapshot.connect(self.on_session_snapshot)
        session.sig_position.connect(self.on_session_position)

    # -- structure ------------------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(int(child.internalId()) - 1, 0, _TOP)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._rows)
        if parent.internalId() != _TOP or parent.column() != 0:
            return 0
        row = self._rows[parent.row()]
        return len(row.deck.cards) if isinstance(row, SequenceInfo) else 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 2

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Déroulé") if section == COL_TITLE else self.tr("Réponses")
        return None

    # -- data -----------------------------------------------------------------------------------------------
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _TOP:
            row = self._rows[index.row()]
            if isinstance(row, ProgrammeStep):
                return self._step_data(row, index.column(), role)
            return self._sequence_data(row, index.column(), role)
        seq = self._rows[int(index.internalId()) - 1]
        assert isinstance(seq, SequenceInfo)  # only sequences have children
        return self._card_data(seq, index.row(), index.column(), role)

    def _step_data(self, step: ProgrammeStep, column: int, role: int) -> Any:
        from workshop_app.ui.setup.steps_panel import step_text

        if role == ID_ROLE:
            return step.id
        if role == Qt.ItemDataRole.DisplayRole and column == COL_TITLE:
            return f"◦ {step_text(step.kind, step.label)}"
        if role == Qt.ItemDataRole.DisplayRole and column == COL_PROGRESS:
            if step.running:
                return self.tr("en cours")
            minutes = step.actual_minutes if step.actual_minutes is not None else step.planned_minutes
            return self.tr("%1 min").replace("%1", str(minutes)) if minutes is not None else ""
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and not step.running:
            return QBrush(QColor(ink().muted))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Hors jeu : commencez-la et terminez-la avec la barre « Hors jeu » sous la carte")
        return None

    def _sequence_data(self, seq: SequenceInfo, column: int, role: int) -> Any:
        if role in (ID_ROLE, SEQUENCE_ROLE):
            return seq.id
        if role == PROGRESS_ROLE or (role == Qt.ItemDataRole.DisplayRole and column == COL_PROGRESS):
            done, total = self._sequence_progress(seq)
            if role == PROGRESS_ROLE:
                return (done, total)
            return f"{round(100 * done / total) if total else 0} %"
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{seq.position + 1}. {seq.display_title}"
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return seq.display_title
        return None

    def _card_data(self, seq: SequenceInfo, row: int, column: int, role: int) -> Any:
        card = seq.deck.cards[row]
        if role == ID_ROLE:
            return card.id
        if role == SEQUENCE_ROLE:
            return seq.id
        if role == PROGRESS_ROLE or (role == Qt.ItemDataRole.DisplayRole and column == COL_PROGRESS):
            progress = self._card_progress(seq, card.id)
            return progress if role == PROGRESS_ROLE else f"{progress[0]}/{progress[1]}"
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row + 1}. {card.title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return card.title
        current = self._current == (seq.id, card.id)
        if role == Qt.ItemDataRole.FontRole and current:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_PROGRESS:
            done, total = self._card_progress(seq, card.id)
            if isinstance(seq.deck, QuestionDeck) and total and done >= total:
                return QBrush(QColor(ink().ok))
        if role == Qt.ItemDataRole.AccessibleTextRole and current:
            return self.tr("{0} (carte affichée)").format(card.title)
        return None

    def _card_progress(self, seq: SequenceInfo, card_id: str) -> tuple[int, int]:
        state = self._session.sequence_state(seq.id)
        groups = [g.id for g in self._session.snapshot.groups]
        if isinstance(seq.deck, QuestionDeck):
            return sum(1 for g in groups if (g, card_id) in state.answers), len(groups)
        return sum(1 for g in groups if card_id in state.picks.get(g, {})), len(groups)

    def _sequence_progress(self, seq: SequenceInfo) -> tuple[int, int]:
        known = self._sequence_done.get(seq.id)
        if known is None:
            known = self._sequence_done[seq.id] = self._count_sequence(seq)
        return known

    def _count_sequence(self, seq: SequenceInfo) -> tuple[int, int]:
        state = self._session.sequence_state(seq.id)
        groups = [g.id for g in self._session.snapshot.groups]
        if isinstance(seq.deck, QuestionDeck):
            cards = {c.id for c in seq.deck.cards}
            done = sum(1 for (g, c) in state.answers if c in cards and g in groups)
            return done, len(groups) * len(cards)
        return sum(1 for g in groups if state.picks.get(g)), len(groups)

    # -- lookup ---------------------------------------------------------------------------------------------
    def card_index(self, sequence_id: str, card_id: str, column: int = COL_TITLE) -> QModelIndex:
        row = self._row_of(sequence_id)
        if row < 0:
            return QModelIndex()
        seq = self._rows[row]
        assert isinstance(seq, SequenceInfo)
        ids = [c.id for c in seq.deck.cards]
        if card_id not in ids:
            return QModelIndex()
        return self.index(ids.index(card_id), column, self.index(row, 0))

    def sequence_index(self, sequence_id: str, column: int = COL_TITLE) -> QModelIndex:
        row = self._row_of(sequence_id)
        return self.index(row, column) if row >= 0 else QModelIndex()

    def _row_of(self, sequence_id: str) -> int:
        return next(
            (i for i, s in enumerate(self._rows) if isinstance(s, SequenceInfo) and s.id == sequence_id), -1
        )

    def step_index(self, step_id: str, column: int = COL_TITLE) -> QModelIndex:
        rows = enumerate(self._rows)
        row = next((i for i, s in rows if isinstance(s, ProgrammeStep) and s.id == step_id), -1)
        return self.index(row, column) if row >= 0 else QModelIndex()

    def _read_sequences(self) -> list[SequenceInfo]:
        return sorted(self._session.sequences, key=lambda s: s.position)

    def _read_rows(self) -> list[SequenceInfo | ProgrammeStep]:
        """Sequences in order, each step just before the sequence of its slot (after the last: at the end)."""
        steps = programme_steps(self._session.events)
        rows: list[SequenceInfo | ProgrammeStep] = []
        for position, seq in enumerate(self._sequences):
            rows.extend(s for s in steps if s.slot == position)
            rows.append(seq)
        rows.extend(s for s in steps if s.slot >= len(self._sequences))
        return rows

    # -- session signals ------------------------------------------------------------------------------------
    def on_session_event(self, event: Event) -> None:
        self._sequence_done.clear()
        if event.kind in STEP_EVENTS:
            self.on_session_snapshot()  # a step planned, started or ended: rare, the outline is rebuilt
        elif event.kind in (EventKind.UNDO, EventKind.REDO):
            self._refresh_all()
        elif event.kind in _STATE_EVENTS and event.sequence_id and event.card_id:
            self._refresh_progress(event.sequence_id, event.card_id)

    def on_session_snapshot(self) -> None:
        self._sequence_done.clear()
        self.beginResetModel()
        self._sequences = self._read_sequences()
        self._rows = self._read_rows()
        self.endResetModel()

    def on_session_position(self, sequence_id: str, card_id: str) -> None:
        previous, self._current = self._current, (sequence_id, card_id)
        for seq_id, c_id in {previous, self._current}:
            first = self.card_index(seq_id, c_id, COL_TITLE)
            if first.isValid():  # the title turns bold (or back), the count stays
                self.dataChanged.emit(first, first.siblingAtColumn(COL_PROGRESS))

    def _refresh_progress(self, sequence_id: str, card_id: str) -> None:
        """A vote changes the card's count and its sequence's percentage, not their titles: only those two
        cells are announced, so the view repaints two small cells instead of whole rows."""
        cell = self.card_index(sequence_id, card_id, COL_PROGRESS)
        if not cell.isValid():
            return
        self.dataChanged.emit(cell, cell, _PROGRESS_ROLES)
        top = self.sequence_index(sequence_id, COL_PROGRESS)
        self.dataChanged.emit(top, top, _PROGRESS_ROLES)

    def _refresh_all(self) -> None:
        for row, seq in enumerate(self._rows):
            if not isinstance(seq, SequenceInfo):
                continue
            parent = self.index(row, 0)
            self.dataChanged.emit(parent, parent.siblingAtColumn(COL_PROGRESS))
            if seq.deck.cards:
                last = len(seq.deck.cards) - 1
                self.dataChanged.emit(self.index(0, 0, parent), self.index(last, COL_PROGRESS, parent))
