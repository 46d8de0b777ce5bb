"""The one object the play screens talk to: a workshop opened for playing, as Qt signals.

The logic lives in :class:`workshop_app.services.play_session.PlaySession` (plain Python: the state, the undo
history, the position, the write path). This adapter only turns each :class:`Change` into signals, and polls
the database twice a second for what other copies recorded (two facilitators on one database see each other's
votes within a second). Widgets never touch the service or the database themselves, and a widget never shows
a choice the database has not committed: on failure ``sig_error`` carries a French message and nothing
uncommitted changes on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from workshop_app.core.deck_loader import AnyDeck
from workshop_app.core.errors import AtelierError
from workshop_app.core.events import Event, EventKind
from workshop_app.core.scoring import CompassReading
from workshop_app.core.state import History, SequenceState, WorkshopState
from workshop_app.core.workshop import GroupInfo, SequenceInfo, WorkshopSnapshot
from workshop_app.services.api import WorkshopService
from workshop_app.services.play_session import Change, PlayError, PlaySession
from workshop_app.services.undo_labels import find

T = TypeVar("T")

#: how often the log is read again for other copies' events (a cheap indexed read)
POLL_MS = 500


class WorkshopSession(QObject):
    """State of one open workshop. Signals are named ``sig_*``; each is documented where declared."""

    #: an event was committed (by this copy or, seen by the poll, another) and folded into the state
    sig_event = Signal(object)
    #: the same event, said before any other listener of ``sig_event`` hears it (relayed by the session's
    #: own first connection): the live compass listens here, so a vote is scored and painted before the
    #: outline, the row, the window's actions and labels hear of it
    sig_event_first = Signal(object)
    #: the workshop's set-up changed (groups, participants, sequences, info): re-read ``snapshot``
    sig_snapshot = Signal()
    #: the sequence or card being played changed: (sequence_id, card_id or "")
    sig_position = Signal(str, str)
    #: the service refused or failed; the French message is fit for a dialog
    sig_error = Signal(str)

    def __init__(self, service: WorkshopService, workshop_id: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.play = PlaySession(service, workshop_id)
        self.service = service
        self.workshop_id = workshop_id
        self.author = self.play.author
        self.sig_event.connect(self.sig_event_first)  # the first connection: said before any other listener
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.refresh)
        self._poll.start()

    # -- reading (the play session's) ----------------------------------------------------------------------
    @property
    def snapshot(self) -> WorkshopSnapshot:
        return self.play.snapshot

    @property
    def state(self) -> WorkshopState:
        return self.play.state

    @property
    def _history(self) -> History:
        return self.play.history

    @property
    def sequence_id(self) -> str | None:
        return self.play.sequence_id

    @property
    def card_id(self) -> str | None:
        return self.play.card_id

    @property
    def groups(self) -> list[GroupInfo]:
        return self.play.groups

    @property
    def sequences(self) -> list[SequenceInfo]:
        return list(self.play.snapshot.sequences)

    @property
    def events(self) -> list[Event]:
        return list(self.play.events)

    def sequence(self, sequence_id: str | None = None) -> SequenceInfo | None:
        return self.play.sequence(sequence_id)

    @property
    def deck(self) -> AnyDeck | None:
        return self.play.deck

    def sequence_state(self, sequence_id: str | None = None) -> SequenceState:
        return self.play.sequence_state(sequence_id)

    def compass(self, sequence_id: str | None = None) -> CompassReading | None:
        return self.play.compass(sequence_id)

    def can_undo(self) -> bool:
        return self.play.can_undo()

    def can_redo(self) -> bool:
        return self.play.can_redo()

    def live_snapshot(self) -> WorkshopSnapshot:
        return self.play.live_snapshot()

    def next_undo(self) -> Event | None:
        """The event Ctrl+Z would take back now (None: nothing to undo)."""
        return find(self.play.events, self.play.history.undo_target)

    def next_redo(self) -> Event | None:
        """The event Ctrl+Shift+Z would bring back now (through the undo it cancels)."""
        undo = find(self.play.events, self.play.history.redo_target)
        return find(self.play.events, undo.target) if undo is not None else None

    # -- navigation -----------------------------------------------------------------------------------------
    def select_sequence(self, sequence_id: str) -> None:
        self._run(lambda: self.play.select_sequence(sequence_id))

    def show_card(self, card_id: str, sequence_id: str | None = None) -> bool:
        change = self._run(lambda: self.play.show_card(card_id, sequence_id))
        return change is not None and change.position

    def mark_shown(self, *, start: bool = False) -> Event | None:
        return self._primary(lambda: self.play.mark_shown(start=start))

    def step_card(self, delta: int) -> bool:
        change = self._run(lambda: self.play.step_card(delta))
        return change is not None and change.position

    # -- intent ---------------------------------------------------------------------------------------------
    def record_choice(self, group_id: str, option: str, argument: str | None = None) -> Event | None:
        return self._primary(lambda: self.play.record_choice(group_id, option, argument))

    def withdraw_choice(self, group_id: str) -> Event | None:
        return self._primary(lambda: self.play.withdraw_choice(group_id))

    def set_argument(self, group_id: str, argument: str, card_id: str | None = None) -> Event | None:
        return self._primary(lambda: self.play.set_argument(group_id, argument, card_id))

    def pick_card(self, group_id: str, card_id: str) -> Event | None:
        return self._primary(lambda: self.play.pick_card(group_id, card_id))

    def drop_card(self, group_id: str, card_id: str) -> Event | None:
        return self._primary(lambda: self.play.drop_card(group_id, card_id))

    def add_note(
        self, text: str, group_id: str | None = None, card_id: str | None = None, internal: bool = False
    ) -> Event | None:
        return self._primary(lambda: self.play.add_note(text, group_id, card_id, internal))

    def set_revealed(self, revealed: bool) -> Event | None:
        return self._primary(lambda: self.play.set_revealed(revealed))

    def record(self, kind: EventKind, **fields: Any) -> Event | None:
        """Any other event (timers, sequence start/end)."""
        return self._primary(lambda: self.play.record(kind, **fields))

    def undo(self) -> Event | None:
        return self._primary(self.play.undo)

    def redo(self) -> Event | None:
        return self._primary(self.play.redo)

    def refresh(self) -> list[Event]:
        """Fold what other copies recorded since the last look, and announce it (the poll calls this)."""
        try:
            change = self.play.refresh()
        except AtelierError:  # the database is away for a moment: the next poll tries again
            return []
        if change.reloaded:  # a table, sequence or criterion another window added: every view reads again
            self.sig_snapshot.emit()
        for event in change.foreign:
            self.sig_event.emit(event)
        return change.foreign

    def change_setup(self, action: Callable[[WorkshopService], T]) -> T | None:
        """Run a set-up change (groups, participants, sequences, info) and re-read the snapshot."""
        try:
            result = action(self.service)
        except AtelierError as exc:
            self.sig_error.emit(str(exc))
            return None
        self.reload()
        return result

    def patch_snapshot(self, **changes: Any) -> None:
        """Keep the snapshot in step after a write that needs no re-read (debrief, action plan): no signal."""
        self.play.patch_snapshot(**changes)

    def reload(self) -> None:
        self.play.reload()
        self.sig_snapshot.emit()

    # -- internals ------------------------------------------------------------------------------------------
    def _run(self, operation: Callable[[], Change]) -> Change | None:
        try:
            change = operation()
        except PlayError as exc:
            self._announce(exc.change)
            self.sig_error.emit(str(exc))
            return None
        except AtelierError as exc:
            self.sig_error.emit(str(exc))
            return None
        self._announce(change)
        return change

    def _primary(self, operation: Callable[[], Change]) -> Event | None:
        change = self._run(operation)
        return change.primary if change is not None else None

    def _announce(self, change: Change) -> None:
        for event in change.events:
            self.sig_event.emit(event)
        if change.position:
            self.sig_position.emit(self.play.sequence_id or "", self.play.card_id or "")
