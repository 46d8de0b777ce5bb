"""« Historique et relecture »: every event of the workshop (what, which table, which card, when), filtered by
kind, table or words; and a replay slider that shows the compass as it stood after any event.

Rows and states come from :mod:`workshop_app.services.history` (no Qt); this only displays them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSlider,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.events import EventKind
from workshop_app.core.scoring import score
from workshop_app.core.state import SequenceState
from workshop_app.services.history import HistoryRow, filter_rows, history_rows, state_at
from workshop_app.ui.compass.widget import CompassWidget
from workshop_app.ui.session import WorkshopSession
from workshop_app.ui.setup.steps_panel import step_text

_Index = QModelIndex | QPersistentModelIndex
_ANSWERS = frozenset({EventKind.CHOICE_RECORDED, EventKind.CHOICE_WITHDRAWN, EventKind.ARGUMENT_SET,
                      EventKind.CARD_PICKED, EventKind.CARD_DROPPED})


class HistoryModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[HistoryRow] = []
        self.kind_labels = {  # the interface's words for ``services.history.KIND_LABELS``
            EventKind.CARD_SHOWN: self.tr("carte affichée"),
            EventKind.CHOICE_RECORDED: self.tr("réponse"),
            EventKind.CHOICE_WITHDRAWN: self.tr("réponse retirée"),
            EventKind.ARGUMENT_SET: self.tr("argument"),
            EventKind.CARD_PICKED: self.tr("carte choisie"),
            EventKind.CARD_DROPPED: self.tr("carte retirée"),
            EventKind.NOTE_ADDED: self.tr("note"),
            EventKind.TIMER_STARTED: self.tr("minuteur démarré"),
            EventKind.TIMER_STOPPED: self.tr("minuteur arrêté"),
            EventKind.SEQUENCE_STARTED: self.tr("séquence commencée"),
            EventKind.SEQUENCE_ENDED: self.tr("séquence terminée"),
            EventKind.RESULTS_REVEALED: self.tr("résultats dévoilés"),
            EventKind.RESULTS_HIDDEN: self.tr("résultats masqués"),
            EventKind.UNDO: self.tr("annulation"),
            EventKind.REDO: self.tr("rétablissement"),
            EventKind.STEP_PLANNED: self.tr("étape prévue"),
            EventKind.STEP_REMOVED: self.tr("étape retirée"),
            EventKind.STEP_STARTED: self.tr("étape commencée"),
            EventKind.STEP_ENDED: self.tr("étape terminée"),
        }

    def detail(self, row: HistoryRow) -> str:
        """The detail in the interface's language (``services.history`` writes French and says it as data)."""
        if row.detail_key == "event" and row.detail_args:
            return self.tr("événement n° %1").replace("%1", row.detail_args[0])
        if row.detail_key == "timer_sequence":
            return self.tr("séquence")
        if row.detail_key == "timer_card":
            return self.tr("carte")
        if row.detail_key == "step" and len(row.detail_args) == 2:
            return step_text(*row.detail_args)
        return row.detail

    def set_rows(self, rows: Sequence[HistoryRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            titles = (
                self.tr("Heure"), self.tr("Quoi"), self.tr("Table"), self.tr("Carte"), self.tr("Détail")
            )
            return titles[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self.rows[index.row()]
        what = self.kind_labels.get(row.kind, row.what)
        return (row.at.strftime("%H:%M:%S"), what, row.table, row.card, self.detail(row))[index.column()]


class HistoryDialog(QDialog):
    def __init__(self, session: WorkshopSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(self.tr("Historique et relecture"))
        self._session = session
        snapshot = session.live_snapshot()
        self._events = sorted(snapshot.events, key=lambda e: e.seq)
        groups = {g.id: g.name for g in snapshot.groups}
        cards = {(s.id, c.id): f"{c.id} — {c.title}" for s in snapshot.sequences for c in s.deck.cards}
        options = {(s.id, o.id): o.label for s in snapshot.sequences for o in getattr(s.deck, "scale", ())}
        self._all = history_rows(self._events, groups, cards, options)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filtrer : un mot, une table, une carte…"))
        self.search.setClearButtonEnabled(True)
        self.kind = QComboBox()
        for label, kinds in self._kind_choices():
            self.kind.addItem(label, kinds)
        self.table_filter = QComboBox()
        self.table_filter.addItem(self.tr("Toutes les tables"), "")
        for group in sorted(snapshot.groups, key=lambda g: g.position):
            self.table_filter.addItem(group.name, group.name)
        self.model = HistoryModel(self)
        self.view = QTableView()
        self.view.setObjectName("historyView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.count = QLabel()
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("replaySlider")
        self.slider.setRange(0, max(0, len(self._events) - 1))
        self.slider.setAccessibleName(self.tr("Relecture : la boussole après l’événement choisi"))
        self.moment = QLabel()
        self.moment.setObjectName("replayMoment")
        self.compass = CompassWidget()
        self._build_layout()
        self.search.textChanged.connect(lambda _t: self.apply_filter())
        self.kind.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.table_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.view.selectionModel().currentRowChanged.connect(self.on_row_changed)
        self.slider.valueChanged.connect(self.show_moment)
        self.apply_filter()
        self.slider.setValue(self.slider.maximum())
        self.show_moment(self.slider.value())
        self.resize(1100, 720)

    def _kind_choices(self) -> list[tuple[str, frozenset[EventKind] | None]]:
        return [
            (self.tr("Tous les événements"), None),
            (self.tr("Réponses et cartes choisies"), _ANSWERS),
            (self.tr("Notes"), frozenset({EventKind.NOTE_ADDED})),
            (self.tr("Cartes affichées"), frozenset({EventKind.CARD_SHOWN})),
            (self.tr("Dévoilements"), frozenset({EventKind.RESULTS_REVEALED, EventKind.RESULTS_HIDDEN})),
            (self.tr("Minuteurs et séquences"), frozenset({
                EventKind.TIMER_STARTED, EventKind.TIMER_STOPPED, EventKind.SEQUENCE_STARTED,
                EventKind.SEQUENCE_ENDED})),
            (self.tr("Annulations"), frozenset({EventKind.UNDO, EventKind.REDO})),
        ]

    def _build_layout(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.kind, 1)
        filters.addWidget(self.table_filter, 1)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(filters)
        top_layout.addWidget(self.view, 1)
        top_layout.addWidget(self.count)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        replay = QLabel(self.tr("Relecture : la boussole telle qu’elle était"))
        replay.setStyleSheet("font-weight: bold;")
        bottom_layout.addWidget(replay)
        bottom_layout.addWidget(self.slider)
        bottom_layout.addWidget(self.moment)
        bottom_layout.addWidget(self.compass, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setSizes([320, 400])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # -- history --------------------------------------------------------------------------------------------
    def apply_filter(self) -> None:
        table = str(self.table_filter.currentData() or "")
        rows = filter_rows(self._all, kinds=self.kind.currentData(), table=table, text=self.search.text())
        self.model.set_rows(rows)
        text = self.tr("%1 événement(s) sur %2").replace("%1", str(len(rows)))
        self.count.setText(text.replace("%2", str(len(self._all))))

    def on_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            seq = self.model.rows[current.row()].seq
            index = next((i for i, e in enumerate(self._events) if e.seq == seq), -1)
            if index >= 0:
                self.slider.setValue(index)

    # -- replay ---------------------------------------------------------------------------------------------
    def show_moment(self, index: int) -> None:
        if not self._events:
            self.moment.setText(self.tr("Rien ne s’est encore passé."))
            return
        event = self._events[max(0, min(index, len(self._events) - 1))]
        sequence = self._session.sequence(event.sequence_id) if event.sequence_id else None
        sequence = sequence or self._session.sequence()
        row = next(r for r in self._all if r.seq == event.seq)
        text = self.tr("Après l’événement %1 / %2, à %3 : %4").replace("%1", str(index + 1))
        text = text.replace("%2", str(len(self._events))).replace("%3", row.at.strftime("%H:%M:%S"))
        self.moment.setText(text.replace("%4", self.model.kind_labels.get(row.kind, row.what)))
        if sequence is None:
            return
        state = state_at(self._events, event.seq).sequences.get(sequence.id)
        groups = self._session.groups
        reading = score(sequence.deck, state or SequenceState(), [g.id for g in groups])
        self.compass.set_data(sequence.deck, reading, groups)
        self.compass.flush()


def open_history(session: WorkshopSession, parent: QWidget) -> HistoryDialog:
    dialog = HistoryDialog(session, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
