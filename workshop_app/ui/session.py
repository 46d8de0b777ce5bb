"""The one object the play screens talk to: a workshop opened for playing.

It forwards intent to the service (which commits before returning), folds the stored event into its state,
then tells listeners through Qt signals. Widgets never touch the service or the database themselves, and a
widget never shows a choice the database has not committed: on failure ``sig_error`` carries a French message
and nothing changes on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from workshop_app.core.deck import QuestionDeck
from workshop_app.core.deck_loader import AnyDeck
from workshop_app.core.errors import AtelierError
from workshop_app.core.events import UNDOABLE, Event, EventKind
from workshop_app.core.scoring import CompassReading, QuestionScorer, score
from workshop_app.core.state import History, SequenceState, WorkshopState, apply_event, fold, history
from workshop_app.core.workshop import GroupInfo, SequenceInfo, WorkshopSnapshot
from workshop_app.services.api import WorkshopService

T = TypeVar("T")


class WorkshopSession(QObject):
    """State of one open workshop. Signals are named ``sig_*``; each is documented where declared."""

    #: an event was committed and folded into the state (the event itself, so listeners can decide)
    sig_event = Signal(object)
    #: the workshop's set-up changed (groups, participants, sequences, info): re-read ``snapshot``
    sig_snapshot = Signal()
    #: the sequence or card being played changed: (sequence_id, card_id or "")
    sig_position = Signal(str, str)
    #: the service refused or failed; the French message is fit for a dialog
    sig_error = Signal(str)

    def __init__(self, service: WorkshopService, workshop_id: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.workshop_id = workshop_id
        self.snapshot: WorkshopSnapshot = service.snapshot(workshop_id)
        self._events: list[Event] = list(self.snapshot.events)
        self.state: WorkshopState = fold(self._events)
        self._history: History = history(self._events)
        self.sequence_id: str | None = None
        self.card_id: str | None = None
        self._scorers: dict[str, QuestionScorer] = {}
        self._restore_position()

    # -- reading --------------------------------------------------------------------------------------------
    @property
    def groups(self) -> list[GroupInfo]:
        return list(self.snapshot.groups)

    @property
    def sequences(self) -> list[SequenceInfo]:
        return list(self.snapshot.sequences)

    @property
    def events(self) -> list[Event]:
        return list(self._events)

    def sequence(self, sequence_id: str | None = None) -> SequenceInfo | None:
        wanted = sequence_id or self.sequence_id
        return next((s for s in self.snapshot.sequences if s.id == wanted), None)

    @property
    def deck(self) -> AnyDeck | None:
        seq = self.sequence()
        return seq.deck if seq is not None else None

    def sequence_state(self, sequence_id: str | None = None) -> SequenceState:
        wanted = sequence_id or self.sequence_id
        if wanted is None:
            return SequenceState()
        return self.state.sequences.get(wanted) or SequenceState()

    def compass(self, sequence_id: str | None = None) -> CompassReading | None:
        seq = self.sequence(sequence_id)
        if seq is None:
            return None
        groups = [g.id for g in self.snapshot.groups]
        if isinstance(seq.deck, QuestionDeck):  # after a vote, only the table that voted is scored again
            scorer = self._scorers.get(seq.id)
            if scorer is None or scorer.deck is not seq.deck:
                scorer = self._scorers[seq.id] = QuestionScorer(seq.deck)
            return scorer.score(self.sequence_state(seq.id), groups)
        return score(seq.deck, self.sequence_state(seq.id), groups)

    def can_undo(self) -> bool:
        return self._history.undo_target is not None

    def can_redo(self) -> bool:
        return self._history.redo_target is not None

    # -- navigation -----------------------------------------------------------------------------------------
    def select_sequence(self, sequence_id: str) -> None:
        seq = self.sequence(sequence_id)
        if seq is None:
            return
        self.sequence_id = sequence_id
        current = self.sequence_state(sequence_id).current_card
        self.card_id = current or (seq.deck.cards[0].id if seq.deck.cards else None)
        self.sig_position.emit(self.sequence_id, self.card_id or "")

    def show_card(self, card_id: str, sequence_id: str | None = None) -> bool:
        """Make ``card_id`` (of ``sequence_id``, default the current sequence) the current card, recorded in
        the log so that the minutes know when it was shown and a restart reopens it."""
        target = sequence_id or self.sequence_id
        if target is None or self.sequence(target) is None:
            return False
        if target == self.sequence_id and card_id != self.card_id:
            self._ensure_started()  # leaving the first card: it was shown, and the sequence has begun
        if self._log_shown(target, card_id) is None:
            return False
        self.sequence_id, self.card_id = target, card_id
        self.sig_position.emit(target, card_id)
        return True

    def mark_shown(self, *, start: bool = False) -> Event | None:
        """Record the card on screen as shown when the log does not say so yet. Showing a card is navigation,
        not something Ctrl+Z takes back. The position stays: no ``sig_position``.

        A sequence starts with the facilitator's first act in it (``start=True``: choosing it in the outline;
        or an answer, a note, a timer, a step to another card: :meth:`_ensure_started`), never by merely
        displaying the page: a look at the Jeu tab the day before must not become the start time in the
        minutes. The card on screen at that first act is logged as shown, so the first card counts too.
        """
        if self.sequence_id is None or self.card_id is None:
            return None
        if self.sequence_state().current_card == self.card_id:
            return None
        if not start and not self.sequence_state().started_at:
            return None
        return self._log_shown(self.sequence_id, self.card_id)

    def _ensure_started(self) -> None:
        self.mark_shown(start=True)

    def _log_shown(self, sequence_id: str, card_id: str) -> Event | None:
        if not self.sequence_state(sequence_id).started_at:
            self._record(lambda: self.service.record_event(
                self.workshop_id, EventKind.SEQUENCE_STARTED, sequence_id=sequence_id))
        return self._record(lambda: self.service.show_card(self.workshop_id, sequence_id, card_id))

    def step_card(self, delta: int) -> bool:
        deck = self.deck
        if deck is None or not deck.cards:
            return False
        ids = [c.id for c in deck.cards]
        index = ids.index(self.card_id) if self.card_id in ids else -1
        target = max(0, min(len(ids) - 1, index + delta))
        if ids[target] == self.card_id:
            return False
        return self.show_card(ids[target])

    # -- intent ---------------------------------------------------------------------------------------------
    def record_choice(self, group_id: str, option: str, argument: str | None = None) -> Event | None:
        self._ensure_started()
        def call() -> Event:
            card = self._card()  # inside the call: no card or sequence is an AtelierError -> sig_error
            kept = argument
            if kept is None:
                previous = self.sequence_state().answer(group_id, card)
                kept = previous.argument if previous else ""
            return self.service.record_choice(self.workshop_id, self._seq(), group_id, card, option, kept)

        return self._record(call)

    def withdraw_choice(self, group_id: str) -> Event | None:
        self._ensure_started()
        return self._record(
            lambda: self.service.withdraw_choice(self.workshop_id, self._seq(), group_id, self._card())
        )

    def set_argument(self, group_id: str, argument: str, card_id: str | None = None) -> Event | None:
        self._ensure_started()
        card = card_id or self._card()
        return self._record(
            lambda: self.service.set_argument(self.workshop_id, self._seq(), group_id, card, argument)
        )

    def pick_card(self, group_id: str, card_id: str) -> Event | None:
        self._ensure_started()
        return self._record(lambda: self.service.pick_card(self.workshop_id, self._seq(), group_id, card_id))

    def drop_card(self, group_id: str, card_id: str) -> Event | None:
        self._ensure_started()
        return self._record(lambda: self.service.drop_card(self.workshop_id, self._seq(), group_id, card_id))

    def add_note(
        self, text: str, group_id: str | None = None, card_id: str | None = None, internal: bool = False
    ) -> Event | None:
        self._ensure_started()
        return self._record(
            lambda: self.service.add_note(
                self.workshop_id, text, sequence_id=self.sequence_id, group_id=group_id,
                card_id=card_id if card_id is not None else self.card_id, internal=internal,
            )
        )

    def set_revealed(self, revealed: bool) -> Event | None:
        self._ensure_started()
        return self._record(lambda: self.service.set_revealed(self.workshop_id, self._seq(), revealed))

    def record(self, kind: EventKind, **fields: Any) -> Event | None:
        """Any other event (timers, sequence start/end)."""
        if kind is EventKind.TIMER_STARTED and fields.get("sequence_id") in (None, self.sequence_id):
            self._ensure_started()
        return self._record(lambda: self.service.record_event(self.workshop_id, kind, **fields))

    def undo(self) -> Event | None:
        return self._record(lambda: self.service.undo(self.workshop_id))

    def redo(self) -> Event | None:
        return self._record(lambda: self.service.redo(self.workshop_id))

    def change_setup(self, action: Callable[[WorkshopService], T]) -> T | None:
        """Run a set-up change (groups, participants, sequences, info) and re-read the snapshot."""
        try:
            result = action(self.service)
        except AtelierError as exc:
            self.sig_error.emit(str(exc))
            return None
        self.reload()
        return result

    def live_snapshot(self) -> WorkshopSnapshot:
        """The snapshot with the log as it is now (``snapshot.events`` is the log as it was last read)."""
        return replace(self.snapshot, events=tuple(self._events))

    def patch_snapshot(self, **changes: Any) -> None:
        """Keep the snapshot in step after a write that needs no re-read (debrief, action plan): no signal."""
        self.snapshot = replace(self.snapshot, **changes)

    def reload(self) -> None:
        self.snapshot = self.service.snapshot(self.workshop_id)
        self._events = list(self.snapshot.events)
        self.state = fold(self._events)
        self._history = history(self._events)
        if self.sequence() is None:
            self.sequence_id = None
            self._restore_position()
        self.sig_snapshot.emit()

    # -- internals ------------------------------------------------------------------------------------------
    def _seq(self) -> str:
        if self.sequence_id is None:
            raise AtelierError("Aucune séquence n'est ouverte : ajoutez un jeu à l'atelier.")
        return self.sequence_id

    def _card(self) -> str:
        if self.card_id is None:
            raise AtelierError("Aucune carte n'est affichée.")
        return self.card_id

    def _record(self, call: Callable[[], Event | None]) -> Event | None:
        try:
            event = call()
        except AtelierError as exc:
            self.sig_error.emit(str(exc))
            return None
        if event is None:
            return None
        self._events.append(event)
        if event.kind in (EventKind.UNDO, EventKind.REDO):
            self.state = fold(self._events)  # a compensating event can reach far back: fold again
            self._history = history(self._events)
        else:
            apply_event(self.state, event)  # the common case stays cheap with thousands of events
            if event.kind in UNDOABLE:  # what ``history`` would find: it is the one to undo, nothing to redo
                self._history = History(event.seq, None, self._history.cancelled)
        self.sig_event.emit(event)
        return event

    def _restore_position(self) -> None:
        """Reopen where the facilitator was: the sequence and card of the last ``card_shown``."""
        last_shown = next((e for e in reversed(self._events) if e.kind is EventKind.CARD_SHOWN), None)
        if last_shown is not None and self.sequence(last_shown.sequence_id) is not None:
            self.sequence_id = last_shown.sequence_id
            self.card_id = last_shown.card_id
        elif self.snapshot.sequences:
            first = min(self.snapshot.sequences, key=lambda s: s.position)
            self.sequence_id = first.id
            self.card_id = first.deck.cards[0].id if first.deck.cards else None
