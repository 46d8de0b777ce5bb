"""The tables under the current card: one row per group (questions decks) or the strategy board (strategy
decks), built once per sequence and updated per event.

A vote updates the one row it concerns; rows are rebuilt only when the sequence or the groups change.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.core.events import Event, EventKind
from workshop_app.ui.play.question_row import QuestionRow, scale_legend
from workshop_app.ui.play.strategy_panel import StrategyPanel
from workshop_app.ui.session import WorkshopSession
from workshop_app.ui.theme_ink import follow_ink

_ANSWER_EVENTS = frozenset({EventKind.CHOICE_RECORDED, EventKind.CHOICE_WITHDRAWN, EventKind.ARGUMENT_SET})
_PICK_EVENTS = frozenset({EventKind.CARD_PICKED, EventKind.CARD_DROPPED})


class GroupsPanel(QStackedWidget):
    def __init__(self, session: WorkshopSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.rows: list[QuestionRow] = []
        self.strategy: StrategyPanel | None = None
        self._built_for: tuple[str, tuple[str, ...]] | None = None
        self._card = ""
        self._masked = False
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self.on_focus_changed)
        self.rebuild()

    # -- building (per sequence, never per vote) ------------------------------------------------------------
    def rebuild(self, force: bool = False) -> bool:
        """Build the rows for the current sequence and groups; False when they are already built."""
        seq = self._session.sequence()
        groups = sorted(self._session.groups, key=lambda g: g.position)
        key = (seq.id if seq else "", tuple(f"{g.id}{g.name}{g.colour}" for g in groups))
        if key == self._built_for and not force:
            return False
        self._built_for = key
        self.commit_pending()
        self.rows, self.strategy = [], None
        while self.count():
            old = self.widget(0)
            if old is None:
                break
            self.removeWidget(old)
            old.deleteLater()
        deck = seq.deck if seq else None
        if isinstance(deck, QuestionDeck):
            self.addWidget(self._question_rows(deck))
        elif isinstance(deck, StrategyDeck):
            self.strategy = StrategyPanel(
                deck, groups, lambda: self._session.sequence_state().picks,
                arguments=lambda: self._session.sequence_state().pick_arguments,
            )
            self.strategy.sig_pick.connect(self.on_pick)
            self.strategy.notes.sig_argument.connect(self.on_row_argument)
            self.strategy.notes.sig_note.connect(self.on_strategy_note)
            self.addWidget(self.strategy)
        self._card = ""
        self.show_card(self._session.card_id or "")
        self._apply_masks()
        if self.strategy is not None and self._masked:
            self.strategy.set_masked(True)
        return True

    def _question_rows(self, deck: QuestionDeck) -> QWidget:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        legend = QLabel(self.tr("Touches : {0} · Suppr retire · ↑↓ autre table · Entrée argument").format(
            scale_legend(deck)))
        legend.setWordWrap(True)
        follow_ink(legend, lambda ink: legend.setStyleSheet(f"color: {ink.muted};"))
        layout.addWidget(legend)
        for number, group in enumerate(sorted(self._session.groups, key=lambda g: g.position), start=1):
            row = QuestionRow(group, number, deck)
            row.sig_choice.connect(self.on_row_choice)
            row.sig_withdraw.connect(self.on_row_withdraw)
            row.sig_argument.connect(self.on_row_argument)
            row.sig_note.connect(self.on_row_note)
            row.sig_move.connect(self.on_row_move)
            self.rows.append(row)
            layout.addWidget(row)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(holder)
        self._scroll = scroll
        return scroll

    def commit_pending(self) -> None:
        for row in self.rows:
            row.commit_pending()

    # -- updating -------------------------------------------------------------------------------------------
    def show_card(self, card_id: str) -> None:
        self._card = card_id
        for row in self.rows:
            self._update_row(row)
        if self.strategy is not None:
            self.strategy.set_current(card_id)
            self.strategy.refresh_all()

    def _update_row(self, row: QuestionRow) -> None:
        state = self._session.sequence_state()
        key = (row.group.id, self._card)
        row.show_card(self._card, state.answers.get(key), state.pick_arguments.get(key, ""))
        row.set_notes([n for n in state.notes if n.group_id == row.group.id and n.card_id == self._card])

    def on_session_event(self, event: Event) -> None:
        if event.kind in (EventKind.UNDO, EventKind.REDO):
            self.show_card(self._card)
            return
        if event.sequence_id != self._session.sequence_id:
            return
        if event.kind in _PICK_EVENTS and self.strategy is not None and event.group_id and event.card_id:
            self.strategy.refresh_card(event.group_id, event.card_id)
            return
        row = self.row_for(event.group_id)
        answer = event.kind in _ANSWER_EVENTS and event.card_id == self._card
        if row is not None and (answer or event.kind is EventKind.NOTE_ADDED):
            self._update_row(row)

    # -- room mode ------------------------------------------------------------------------------------------
    def set_masked(self, masked: bool) -> None:
        """Room mode before the reveal: each row hides its answer unless it has the keyboard."""
        if masked != self._masked:
            self._masked = masked
            self._apply_masks()
        if self.strategy is not None:
            self.strategy.set_masked(masked)

    def on_focus_changed(self, _old: QWidget | None, _new: QWidget | None) -> None:
        if self._masked:
            self._apply_masks()

    def _apply_masks(self) -> None:
        focused = self.focused_index()
        for index, row in enumerate(self.rows):
            row.set_masked(self._masked and index != focused)

    def row_for(self, group_id: str | None) -> QuestionRow | None:
        return next((r for r in self.rows if r.group.id == group_id), None)

    # -- keyboard -------------------------------------------------------------------------------------------
    def focus_group(self, index: int) -> None:
        if self.strategy is not None:
            self.strategy.focus_group(index, self._card)
        elif self.rows:
            row = self.rows[max(0, min(len(self.rows) - 1, index))]
            self._scroll.ensureWidgetVisible(row)
            row.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focused_index(self) -> int:
        widget = QApplication.focusWidget()
        if widget is None:
            return -1
        return next((i for i, r in enumerate(self.rows) if r is widget or r.isAncestorOf(widget)), -1)

    def on_row_move(self, step: int) -> None:
        index = self.focused_index()
        if index >= 0:
            self.focus_group(index + step)

    # -- intent from the rows -------------------------------------------------------------------------------
    def on_row_choice(self, group_id: str, option_id: str) -> None:
        row = self.row_for(group_id)
        self._session.record_choice(group_id, option_id, row.argument_text() if row else None)

    def on_row_withdraw(self, group_id: str) -> None:
        self._session.withdraw_choice(group_id)

    def on_row_argument(self, group_id: str, card_id: str, text: str) -> None:
        self._session.set_argument(group_id, text, card_id=card_id)

    def on_row_note(self, group_id: str, text: str, internal: bool = False) -> None:
        self._session.add_note(text, group_id=group_id, internal=internal)

    def on_strategy_note(self, group_id: str, card_id: str, text: str) -> None:
        self._session.add_note(text, group_id=group_id, card_id=card_id)

    def on_pick(self, group_id: str, card_id: str, picked: bool) -> None:
        if picked:
            self._session.pick_card(group_id, card_id)
        else:
            self._session.drop_card(group_id, card_id)
