"""The play screen: the outline on the left, the current card and one row per table in the centre, the live
compass on the right. Everything follows the session's signals; a vote updates one row and schedules one
compass redraw.

Public slots for the shell's actions: ``next_card``, ``previous_card``, ``undo``, ``redo``,
``focus_group(index)`` (0-based), ``toggle_reveal``, ``toggle_card_timer`` / ``card_timer``,
``toggle_sequence_timer`` / ``sequence_timer``.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.events import Event, EventKind
from workshop_app.ui.coalesce import Coalescer
from workshop_app.ui.compass.subjects_view import SubjectsView
from workshop_app.ui.compass.widget import CompassWidget
from workshop_app.ui.play import subjects_play
from workshop_app.ui.play.card_panel import CardPanel
from workshop_app.ui.play.feedback import describe_undo
from workshop_app.ui.play.groups_panel import GroupsPanel
from workshop_app.ui.play.outline_model import ID_ROLE, SEQUENCE_ROLE, OutlineModel
from workshop_app.ui.play.outline_view import OutlineView
from workshop_app.ui.play.step_bar import StepBar
from workshop_app.ui.play.timer_bar import TimerBar
from workshop_app.ui.session import WorkshopSession
from workshop_app.ui.settings import COMPASS_VIEW, PLAY_SPLITTER, AppSettings
from workshop_app.ui.splitter_memory import remember_sizes
from workshop_app.ui.theme_ink import follow_ink, ink

COMPASS_DELAY_MS = 16  # at most one compass redraw per frame in a burst; a lone vote is drawn in its handler
_REVEAL = frozenset({EventKind.RESULTS_REVEALED, EventKind.RESULTS_HIDDEN, EventKind.UNDO, EventKind.REDO})
_SCORING = frozenset({
    EventKind.CHOICE_RECORDED, EventKind.CHOICE_WITHDRAWN, EventKind.CARD_PICKED, EventKind.CARD_DROPPED,
    EventKind.UNDO, EventKind.REDO,
})


class PlayPage(QWidget):
    #: a short French message for the status bar (what undo took back, an error…)
    sig_status = Signal(str)

    def __init__(
        self, session: WorkshopSession, settings: AppSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._settings = settings
        self.outline_model = OutlineModel(session, self)
        self.outline = OutlineView(self.outline_model)
        self.outline.activated.connect(self.on_outline_activated)
        self.outline.clicked.connect(self.on_outline_activated)
        self.outline_model.modelReset.connect(self.outline.expandAll)  # a step planned or started: stays open
        self.card = CardPanel()
        self.timers = TimerBar(session)
        self.steps = StepBar(session)  # accueil, pause, bilan: started and ended here
        self.groups = GroupsPanel(session)
        self.previous_button = QPushButton(self.tr("◀ Carte précédente"))
        self.previous_button.clicked.connect(self.previous_card)
        self.next_button = QPushButton(self.tr("Carte suivante ▶"))
        self.next_button.clicked.connect(self.next_card)
        self.reveal_button = QPushButton()
        self.reveal_button.clicked.connect(self.toggle_reveal)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self._status_error = False
        follow_ink(self.status, lambda _ink: self._style_status())
        self.compass = CompassWidget()
        self.compass.set_view(settings.get(COMPASS_VIEW))
        self.compass.sig_view_changed.connect(self.on_compass_view_changed)
        self.room_mode = False
        self.compass_cover = QLabel(self.tr(
            "Boussole masquée (mode salle).\n\nLa salle voit cet écran : la boussole apparaîtra quand "
            "vous dévoilerez les résultats (R)."))
        self.compass_cover.setObjectName("compassCover")
        self.compass_cover.setWordWrap(True)
        self.compass_cover.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.compass_cover.setMargin(24)
        self.compass_stack = QStackedWidget()
        self.compass_stack.addWidget(self.compass)
        self.compass_stack.addWidget(self.compass_cover)
        self._subjects: SubjectsView | None = None  # built for the first deck that rates subjects
        self._compass_timer = Coalescer(self.flush_compass, COMPASS_DELAY_MS, self)
        self._build_layout()
        session.sig_event_first.connect(self.on_session_event_first)
        session.sig_event.connect(self.on_session_event)
        session.sig_position.connect(self.on_session_position)
        session.sig_snapshot.connect(self.on_session_snapshot)
        session.sig_error.connect(self.on_session_error)
        self._show_position()
        self.flush_compass()

    def _build_layout(self) -> None:
        navigation = QHBoxLayout()
        navigation.addWidget(self.previous_button)
        navigation.addWidget(self.next_button)
        navigation.addStretch(1)
        navigation.addWidget(self.reveal_button)
        centre = QWidget()
        column = QVBoxLayout(centre)
        column.setContentsMargins(6, 0, 6, 0)
        column.addWidget(self.card)
        column.addLayout(navigation)
        column.addWidget(self.timers)
        column.addWidget(self.steps)
        column.addWidget(self.groups, 1)
        column.addWidget(self.status)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.outline)
        splitter.addWidget(centre)
        splitter.addWidget(self.compass_stack)
        # The outline grows with the window too (a fifth of the width): card titles need room to be read.
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 4)
        splitter.setStretchFactor(2, 3)
        self.outline.setMinimumWidth(200)
        # the compass sets its own minimum width (its toggles must never be clipped)
        splitter.setSizes([300, 660, 390])
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        remember_sizes(splitter, self._settings, PLAY_SPLITTER)  # the outline's width, across sessions
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

    @property
    def subjects(self) -> SubjectsView:
        """The comparison shown in place of the radar for a deck that rates projects, services…: built the
        first time such a deck is played (or it is asked for), so a workshop of compass decks never pays
        for its ~27 widgets."""
        if self._subjects is None:
            view = SubjectsView()
            self.compass_stack.addWidget(view)
            view.sig_add_subject.connect(lambda: subjects_play.add_from_play(self))
            view.sig_subject_chosen.connect(lambda sid: subjects_play.choose(self, sid))
            view.sig_add_criterion.connect(lambda: subjects_play.add_criterion_from_play(self))
            view.sig_to_plan.connect(lambda: subjects_play.to_plan(self))
            self._subjects = view
        return self._subjects

    def subjects_built(self) -> bool:
        return self._subjects is not None

    # -- public slots (the shell's actions) -----------------------------------------------------------------
    @Slot()
    def next_card(self) -> None:
        self._step(1)

    @Slot()
    def previous_card(self) -> None:
        self._step(-1)

    @Slot()
    def undo(self) -> None:
        self._commit_edits()
        event = self.session.undo()
        if event is None:
            self._say(self.tr("Rien à annuler."))

    @Slot()
    def redo(self) -> None:
        event = self.session.redo()
        if event is None:
            self._say(self.tr("Rien à rétablir."))

    @Slot(int)
    def focus_group(self, index: int) -> None:
        self.groups.focus_group(index)

    @Slot()
    def toggle_reveal(self) -> None:
        if self.session.sequence_id is not None:
            self.session.set_revealed(not self.session.sequence_state().revealed)

    @Slot()
    def toggle_card_timer(self) -> None:
        self.timers.toggle_card()

    @Slot()
    def toggle_sequence_timer(self) -> None:
        self.timers.toggle_sequence()

    # the names of the shell's actions (T, Shift+T)
    card_timer = toggle_card_timer
    sequence_timer = toggle_sequence_timer

    def flush_compass(self) -> None:
        """Score and redraw the compass now (the coalescing timer calls this; tests and benchmarks too)."""
        self._compass_timer.stop()
        if subjects_play.refresh(self):
            return
        self.compass.set_data(self.session.deck, self.session.compass(), self.session.groups)
        self.compass.flush()
        self.compass.paint_now()  # on screen in this pass, not after the scene's queued update request

    # -- navigation -----------------------------------------------------------------------------------------
    def _step(self, delta: int) -> None:
        self._commit_edits()
        if self.session.step_card(delta):
            return
        sequences = sorted(self.session.sequences, key=lambda s: s.position)
        ids = [s.id for s in sequences]
        if self.session.sequence_id not in ids:
            return
        target = ids.index(self.session.sequence_id) + delta
        if 0 <= target < len(ids) and sequences[target].deck.cards:
            cards = sequences[target].deck.cards
            self.session.show_card(cards[0 if delta > 0 else -1].id, ids[target])

    def on_outline_activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        if not index.isValid():
            return
        sequence_id = index.data(SEQUENCE_ROLE)
        self._commit_edits()
        if sequence_id is None:  # a step of the day (accueil, pause…): the « Hors jeu » bar takes it
            self.steps.choose(index.data(ID_ROLE))
            return
        if index.parent().isValid():
            card_id = index.data(ID_ROLE)
            if (sequence_id, card_id) != (self.session.sequence_id, self.session.card_id):
                self.session.show_card(card_id, sequence_id)
            else:
                self.session.mark_shown(start=True)  # choosing it in the outline is an act: it starts
        elif sequence_id != self.session.sequence_id:
            self.session.select_sequence(sequence_id)
            self.session.mark_shown(start=True)

    def _commit_edits(self) -> None:
        self.groups.commit_pending()

    # -- session signals ------------------------------------------------------------------------------------
    def on_session_event_first(self, event: Event) -> None:
        if event.kind in _SCORING and event.sequence_id in (self.session.sequence_id, None):
            # The event is committed: the compass is redrawn now, in the click's own handler, ahead of what
            # the event loop has queued (the window's labels, the projector, timers) and of the other
            # listeners (the outline's progress, the row, the actions); a burst is thinned.
            self._compass_timer.run_now_or_request()

    def on_session_event(self, event: Event) -> None:
        self.groups.on_session_event(event)
        if event.kind in _REVEAL:
            self._show_reveal()
        if event.author != self.session.author:  # another copy's undo (a shared database): not ours to say
            return
        if event.kind is EventKind.UNDO:
            self._say(self.tr("Annulé : {0}").format(describe_undo(self.session, event)))
        elif event.kind is EventKind.REDO:
            self._say(self.tr("Rétabli : {0}").format(describe_undo(self.session, event)))

    def on_session_position(self, sequence_id: str, card_id: str) -> None:
        self._show_position()
        self._mark_shown()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._mark_shown()

    def _mark_shown(self) -> None:
        """The card the facilitator now sees goes into the log as shown, once its sequence has started (merely
        opening the Jeu tab before the workshop does not start it: see ``WorkshopSession.mark_shown``)."""
        if self.isVisible():
            self.session.mark_shown()

    def on_session_snapshot(self) -> None:
        self.outline.expandAll()
        self.groups.rebuild()
        self._show_position()
        self.flush_compass()
        self._mark_shown()

    def on_session_error(self, message: str) -> None:
        self._say(message, error=True)

    def on_compass_view_changed(self, view: str) -> None:
        self._settings.set(COMPASS_VIEW, view)

    # -- display --------------------------------------------------------------------------------------------
    def _show_position(self) -> None:
        seq = self.session.sequence()
        deck_changed = self.groups.rebuild()
        self.groups.show_card(self.session.card_id or "")
        self.card.set_card(self.session.deck, self.session.card_id, seq.display_title if seq else "")
        index = self.outline_model.card_index(self.session.sequence_id or "", self.session.card_id or "")
        if index.isValid():
            self.outline.setCurrentIndex(index)
            self.outline.scrollTo(index)
        self._show_reveal()
        if deck_changed:
            self.flush_compass()

    @Slot(bool)
    def set_room_mode(self, on: bool) -> None:
        """Room mode (one mirrored screen): compass and other tables' answers hidden until revealed."""
        self.room_mode = on
        self._show_reveal()

    def _show_reveal(self) -> None:
        revealed = self.session.sequence_state().revealed
        hidden = self.room_mode and not revealed
        face = self.subjects if subjects_play.active(self) else self.compass
        self.compass_stack.setCurrentWidget(self.compass_cover if hidden else face)
        self.groups.set_masked(hidden)
        if revealed:
            self.reveal_button.setText(self.tr("Masquer les résultats (projecteur)"))
        else:
            self.reveal_button.setText(self.tr("Dévoiler les résultats (projecteur)"))
        self.reveal_button.setToolTip(
            self.tr("Les résultats sont visibles au projecteur.") if revealed
            else self.tr("Les résultats restent masqués au projecteur tant que vous ne les dévoilez pas.")
        )
        self.reveal_button.setEnabled(self.session.sequence_id is not None)

    def _say(self, message: str, error: bool = False) -> None:
        self._status_error = error
        self._style_status()
        self.status.setText(message)
        self.sig_status.emit(message)

    def _style_status(self) -> None:
        current = ink()
        self.status.setStyleSheet(f"color: {current.error if self._status_error else current.info};")


if __name__ == "__main__":
    from workshop_app.ui.play.demo_session import run_preview

    raise SystemExit(run_preview(PlayPage))
