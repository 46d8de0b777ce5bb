"""The sequences: which decks the workshop plays, in which order, and the minutes planned for each."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.deck import QuestionDeck
from workshop_app.core.deck_subsets import restrict_to_subset
from workshop_app.ui import subject_flow
from workshop_app.ui.setup.list_editor import wire_list_editing
from workshop_app.ui.setup.sequences_model import COL_TITLE, MAX_MINUTES, SequencesModel

if TYPE_CHECKING:
    from workshop_app.core.catalogue import DeckEntry
    from workshop_app.core.deck_loader import AnyDeck
    from workshop_app.ui.session import WorkshopSession

DEFAULT_MINUTES = 45


class SequencesPanel(QWidget):
    def __init__(self, session: WorkshopSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = SequencesModel(self)
        self._decks: list[DeckEntry] = []
        self._choices: list[tuple[AnyDeck, str]] = []  # (deck, subset id or "") per combo entry
        heading = QLabel(self.tr("&Séquences (jeux joués, dans l’ordre)"))
        heading.setObjectName("sectionTitle")
        self.view = QTableView()
        self.view.setObjectName("sequencesView")
        heading.setBuddy(self.view)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        self.deck_combo = QComboBox()
        self.deck_combo.setObjectName("deckCombo")
        self.deck_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.deck_combo.setMinimumContentsLength(16)
        self.minutes = QSpinBox()
        self.minutes.setObjectName("minutesSpin")
        self.minutes.setRange(0, MAX_MINUTES)
        self.minutes.setSingleStep(5)
        self.minutes.setValue(DEFAULT_MINUTES)
        self.minutes.setSuffix(self.tr(" min"))
        self.add_button = QPushButton(self.tr("Ajouter la sé&quence"))
        self.add_button.setObjectName("addSequenceButton")
        self.up_button = QPushButton(self.tr("Monter"))
        self.down_button = QPushButton(self.tr("Descendre"))
        self.remove_button = QPushButton(self.tr("Retirer la séquence"))
        self.total_label = QLabel()
        self.total_label.setObjectName("muted")
        add_row = QHBoxLayout()
        add_row.addWidget(self.deck_combo, 1)
        add_row.addWidget(self.minutes)
        add_row.addWidget(self.add_button)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.up_button)
        edit_row.addWidget(self.down_button)
        edit_row.addWidget(self.remove_button)
        edit_row.addStretch(1)
        edit_row.addWidget(self.total_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.view, 1)
        layout.addLayout(add_row)
        layout.addLayout(edit_row)
        self.add_button.clicked.connect(self.on_add_clicked)
        moves = (self.up_button, self.down_button, self.on_move)
        wire_list_editing(self.view, self.remove_button, self.on_remove_clicked, moves)
        self.model.sig_edit.connect(self.on_model_edit)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        session.sig_snapshot.connect(self.refresh)
        self.refresh()

    def set_decks(self, entries: Sequence[DeckEntry]) -> None:
        current = self.deck_combo.currentData()
        self._decks = [e for e in entries if e.deck is not None]
        self._choices = []
        self.deck_combo.clear()
        for entry in self._decks:
            assert entry.deck is not None
            self._choices.append((entry.deck, ""))
            self.deck_combo.addItem(f"{entry.deck.title} ({len(entry.deck.cards)})", entry.deck.id)
            for subset in entry.deck.subsets:  # a named shorter edition: « … — version courte (12) »
                self._choices.append((entry.deck, subset.id))
                label = f"{entry.deck.title} — {subset.title} ({len(subset.cards)})"
                self.deck_combo.addItem(label, f"{entry.deck.id}#{subset.id}")
        if current is not None:
            self.deck_combo.setCurrentIndex(max(0, self.deck_combo.findData(current)))
        self.add_button.setEnabled(bool(self._decks))

    def select_deck(self, deck_id: str) -> bool:
        index = self.deck_combo.findData(deck_id)
        if index >= 0:
            self.deck_combo.setCurrentIndex(index)
        return index >= 0

    def refresh(self) -> None:
        self.model.set_rows(self.session.snapshot.sequences)
        if not self.view.currentIndex().isValid() and self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))
        total = self.model.total_minutes()
        self.total_label.setText(
            self.tr("Durée prévue : %1 h %2")
            .replace("%1", str(total // 60))
            .replace("%2", f"{total % 60:02d}")
            if total
            else ""
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.view.currentIndex().row() if self.view.currentIndex().isValid() else -1
        count = self.model.rowCount()
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)

    def on_add_clicked(self) -> None:
        index = self.deck_combo.currentIndex()
        if not 0 <= index < len(self._choices):
            return
        deck, subset_id = self._choices[index]
        title = ""
        if subset_id:
            deck = restrict_to_subset(deck, subset_id)
            title = f"{deck.title} — {deck.subset_title}"[:200]
        if subject_flow.is_subject(deck):  # a project to rate, a service interviewed: it is named first
            assert isinstance(deck, QuestionDeck)
            name = subject_flow.ask_subject_name(self, deck)
            if name is None:
                return
            title = name
        workshop_id, minutes = self.session.workshop_id, self.minutes.value() or None
        seq = self.session.change_setup(lambda s: s.add_sequence(workshop_id, deck, minutes, title))
        if seq is not None:
            self.view.selectRow(self.model.row_of(seq.id))

    def on_move(self, delta: int) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        row = index.row() + delta
        if not 0 <= row < self.model.rowCount():
            return
        sequence_id = self.model.sequence(index.row()).id
        self.session.change_setup(lambda s: s.move_sequence(sequence_id, row))
        self.view.selectRow(self.model.row_of(sequence_id))

    def on_remove_clicked(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        sequence_id = self.model.sequence(index.row()).id
        self.session.change_setup(lambda s: s.remove_sequence(sequence_id))

    def on_model_edit(self, sequence_id: str, field: str, value: object) -> None:
        if field == "planned_minutes" and isinstance(value, int):
            self.session.change_setup(lambda s: s.update_sequence(sequence_id, planned_minutes=value))
        elif field == "title":
            self.session.change_setup(lambda s: s.update_sequence(sequence_id, title=str(value)))
