"""A workshop opened for playing, in plain Python: the one write path of the play screens, the CLI and tests.

:class:`PlaySession` owns the state folded from the log, the undo history of its author and the position
(sequence and card on screen). It forwards intent to the service (which commits before returning), folds
what was stored, and every operation returns a :class:`Change`: the events it committed, in order, and
whether the position moved. A failure raises :class:`PlayError` (an ``AtelierError`` with a French message)
carrying what was committed before it, so that nothing committed goes unannounced.

Several copies on one database (two facilitators on one PostgreSQL, or two windows on one SQLite file) see
each other through :meth:`PlaySession.refresh`: a cheap read of the events that arrived after the last one
seen (by local ``seq``). Undo stays per author: Ctrl+Z takes back this copy's own entries only.

The Qt adapter, ``ui.session.WorkshopSession``, turns changes into signals; no Qt here.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from workshop_app.core.deck import QuestionDeck
from workshop_app.core.deck_loader import AnyDeck
from workshop_app.core.errors import AtelierError
from workshop_app.core.events import UNDOABLE, Event, EventKind
from workshop_app.core.scoring import CompassReading, QuestionScorer, score
from workshop_app.core.state import History, SequenceState, WorkshopState, apply_event, fold, history
from workshop_app.core.workshop import GroupInfo, SequenceInfo, WorkshopSnapshot
from workshop_app.services.api import WorkshopService


@dataclass
class Change:
    """What one operation changed."""

    events: list[Event] = field(default_factory=list)  # committed by this copy, in order
    foreign: list[Event] = field(default_factory=list)  # arrived from another copy (see ``refresh``)
    primary: Event | None = None  # the event the operation was for (the choice, the note…)
    position: bool = False  # the sequence or card on screen changed
    reloaded: bool = False  # another copy changed the set-up too: the snapshot was read again

    @property
    def anything(self) -> bool:
        return bool(self.events or self.foreign or self.position)


class PlayError(AtelierError):
    """An operation refused or failed; ``change`` holds what was committed before it."""

    def __init__(self, message: str, change: Change) -> None:
        super().__init__(message)
        self.change = change


class PlaySession:
    def __init__(self, service: WorkshopService, workshop_id: str) -> None:
        self.service = service
        self.workshop_id = workshop_id
        self.author: str = getattr(service, "author", "")
        self.snapshot: WorkshopSnapshot = service.snapshot(workshop_id)
        self.events: list[Event] = list(self.snapshot.events)
        self.state: WorkshopState = fold(self.events)
        self.history: History = history(self.events, self.author)
        self.sequence_id: str | None = None
        self.card_id: str | None = None
        self._known = {e.key for e in self.events}
        self._seen_seq = max((e.seq for e in self.events), default=0)
        self._scorers: dict[str, QuestionScorer] = {}
        self._change: Change | None = None
        self._restore_position()

    # -- reading ---------------------------------------------------------------------------------------------
    def sequence(self, sequence_id: str | None = None) -> SequenceInfo | None:
        wanted = sequence_id or self.sequence_id
        return next((s for s in self.snapshot.sequences if s.id == wanted), None)

    @property
    def groups(self) -> list[GroupInfo]:
        return list(self.snapshot.groups)

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
        return self.history.undo_target is not None

    def can_redo(self) -> bool:
        return self.history.redo_target is not None

    def live_snapshot(self) -> WorkshopSnapshot:
        """The snapshot with the log as it is now (``snapshot.events`` is the log as it was last read)."""
        return replace(self.snapshot, events=tuple(self.events))

    # -- navigation ------------------------------------------------------------------------------------------
    def select_sequence(self, sequence_id: str) -> Change:
        with self._operation() as change:
            seq = self.sequence(sequence_id)
            if seq is not None:
                self.sequence_id = sequence_id
                current = self.sequence_state(sequence_id).current_card
                self.card_id = current or (seq.deck.cards[0].id if seq.deck.cards else None)
                change.position = True
        return change

    def show_card(self, card_id: str, sequence_id: str | None = None) -> Change:
        """Make ``card_id`` (of ``sequence_id``, default the current sequence) the current card, recorded in
        the log so that the minutes know when it was shown and a restart reopens it."""
        with self._operation() as change:
            target = sequence_id or self.sequence_id
            if target is None or self.sequence(target) is None:
                return change
            if target == self.sequence_id and card_id != self.card_id:
                self._ensure_started()  # leaving the first card: it was shown, and the sequence has begun
            change.primary = self._log_shown(target, card_id)
            self.sequence_id, self.card_id = target, card_id
            change.position = True
        return change

    def mark_shown(self, *, start: bool = False) -> Change:
        """Record the card on screen as shown when the log does not say so yet. Showing a card is navigation,
        not something Ctrl+Z takes back; the position stays.

        A sequence starts with the facilitator's first act in it (``start=True``: choosing it in the outline;
        or an answer, a note, a timer, a step to another card), never by merely displaying the page: a look at
        the Jeu tab the day before must not become the start time in the minutes. The card on screen at that
        first act is logged as shown, so the first card counts too.
        """
        with self._operation() as change:
            change.primary = self._mark_shown(start)
        return change

    def step_card(self, delta: int) -> Change:
        deck = self.deck
        if deck is None or not deck.cards:
            return Change()
        ids = [c.id for c in deck.cards]
        index = ids.index(self.card_id) if self.card_id in ids else -1
        target = max(0, min(len(ids) - 1, index + delta))
        if ids[target] == self.card_id:
            return Change()
        return self.show_card(ids[target])

    # -- intent ----------------------------------------------------------------------------------------------
    def record_choice(self, group_id: str, option: str, argument: str | None = None) -> Change:
        def call() -> Event:
            card = self._card()
            kept = argument
            if kept is None:
                previous = self.sequence_state().answer(group_id, card)
                kept = previous.argument if previous else ""
            return self.service.record_choice(self.workshop_id, self._seq(), group_id, card, option, kept)

        return self._act(call)

    def withdraw_choice(self, group_id: str) -> Change:
        return self._act(
            lambda: self.service.withdraw_choice(self.workshop_id, self._seq(), group_id, self._card())
        )

    def set_argument(self, group_id: str, argument: str, card_id: str | None = None) -> Change:
        return self._act(
            lambda: self.service.set_argument(
                self.workshop_id, self._seq(), group_id, card_id or self._card(), argument
            )
        )

    def pick_card(self, group_id: str, card_id: str) -> Change:
        return self._act(lambda: self.service.pick_card(self.workshop_id, self._seq(), group_id, card_id))

    def drop_card(self, group_id: str, card_id: str) -> Change:
        return self._act(lambda: self.service.drop_card(self.workshop_id, self._seq(), group_id, card_id))

    def add_note(
        self, text: str, group_id: str | None = None, card_id: str | None = None, internal: bool = False
    ) -> Change:
        """``internal``: a note « hors compte-rendu », kept in the workshop but never exported."""
        return self._act(
            lambda: self.service.add_note(
                self.workshop_id,
                text,
                sequence_id=self.sequence_id,
                group_id=group_id,
                card_id=card_id if card_id is not None else self.card_id,
                internal=internal,
            )
        )

    def set_revealed(self, revealed: bool) -> Change:
        return self._act(lambda: self.service.set_revealed(self.workshop_id, self._seq(), revealed))

    def record(self, kind: EventKind, **fields: Any) -> Change:
        """Any other event (timers, sequence start/end)."""
        starts = kind is EventKind.TIMER_STARTED and fields.get("sequence_id") in (None, self.sequence_id)
        return self._act(lambda: self.service.record_event(self.workshop_id, kind, **fields), start=starts)

    def undo(self) -> Change:
        """Take back this copy's own latest entry (never another author's)."""
        return self._act(lambda: self.service.undo(self.workshop_id), start=False)

    def redo(self) -> Change:
        return self._act(lambda: self.service.redo(self.workshop_id), start=False)

    # -- the log as others wrote it ------------------------------------------------------------------------
    def refresh(self) -> Change:
        """Fold what other copies committed since the last look (a cheap read by local ``seq``)."""
        change = Change()
        arrived = self.service.events(self.workshop_id, self._seen_seq)
        if not arrived:
            return change
        newest = max(self._seen_seq, *(e.seq for e in arrived))
        change.foreign = [e for e in arrived if e.key not in self._known]
        if change.foreign and self._outside_snapshot(change.foreign):
            # its events are in the re-read log; if that read fails (the database away for a moment), the
            # seq stays where it was, so the next look asks for these events again instead of skipping them
            self.reload()
            change.reloaded = True
        elif change.foreign:
            self._known.update(e.key for e in change.foreign)
            self.events.extend(change.foreign)
            self.state = fold(self.events)
            self.history = history(self.events, self.author)
        self._seen_seq = max(self._seen_seq, newest)
        return change

    def _outside_snapshot(self, events: list[Event]) -> bool:
        """Whether an event names a table, sequence or card this snapshot lacks: another copy on the shared
        database changed the set-up (a criterion co-built, a table or a sequence added) before voting."""
        groups = {g.id for g in self.snapshot.groups}
        cards = {s.id: {c.id for c in s.deck.cards} for s in self.snapshot.sequences}
        for event in events:
            if event.group_id is not None and event.group_id not in groups:
                return True
            if event.sequence_id is not None:
                known = cards.get(event.sequence_id)
                if known is None or (event.card_id is not None and event.card_id not in known):
                    return True
        return False

    def reload(self) -> None:
        self.snapshot = self.service.snapshot(self.workshop_id)
        self.events = list(self.snapshot.events)
        self._known = {e.key for e in self.events}
        self._seen_seq = max((e.seq for e in self.events), default=0)
        self.state = fold(self.events)
        self.history = history(self.events, self.author)
        if self.sequence() is None:
            self.sequence_id = None
            self._restore_position()

    def patch_snapshot(self, **changes: Any) -> None:
        """Keep the snapshot in step after a write that needs no re-read (debrief, action plan)."""
        self.snapshot = replace(self.snapshot, **changes)

    # -- internals ------------------------------------------------------------------------------------------
    @contextlib.contextmanager
    def _operation(self) -> Iterator[Change]:
        outer = self._change
        change = self._change = outer or Change()
        try:
            yield change
        except AtelierError as exc:
            if outer is not None:
                raise
            raise PlayError(str(exc), change) from exc
        finally:
            self._change = outer

    def _act(self, call: Callable[[], Event | None], *, start: bool = True) -> Change:
        with self._operation() as change:
            if start:
                self._ensure_started()
            change.primary = self._commit(call)
        return change

    def _ensure_started(self) -> None:
        self._mark_shown(True)

    def _mark_shown(self, start: bool) -> Event | None:
        if self.sequence_id is None or self.card_id is None:
            return None
        if self.sequence_state().current_card == self.card_id:
            return None
        if not start and not self.sequence_state().started_at:
            return None
        return self._log_shown(self.sequence_id, self.card_id)

    def _log_shown(self, sequence_id: str, card_id: str) -> Event | None:
        if not self.sequence_state(sequence_id).started_at:
            self._commit(
                lambda: self.service.record_event(
                    self.workshop_id, EventKind.SEQUENCE_STARTED, sequence_id=sequence_id
                )
            )
        return self._commit(lambda: self.service.show_card(self.workshop_id, sequence_id, card_id))

    def _commit(self, call: Callable[[], Event | None]) -> Event | None:
        event = call()
        if event is None:
            return None
        self.events.append(event)
        self._known.add(event.key)
        if event.kind in (EventKind.UNDO, EventKind.REDO):
            self.state = fold(self.events)  # a compensating event can reach far back: fold again
            self.history = history(self.events, self.author)
        else:
            apply_event(self.state, event)  # the common case stays cheap with thousands of events
            if event.kind in UNDOABLE:  # what ``history`` would find: it is the one to undo, nothing to redo
                self.history = History(event.key, None, self.history.cancelled)
        if self._change is not None:
            self._change.events.append(event)
        return event

    def _seq(self) -> str:
        if self.sequence_id is None:
            raise AtelierError("Aucune séquence n’est ouverte : ajoutez un jeu à l’atelier.")
        return self.sequence_id

    def _card(self) -> str:
        if self.card_id is None:
            raise AtelierError("Aucune carte n’est affichée.")
        return self.card_id

    def _restore_position(self) -> None:
        """Reopen where the facilitator was: the sequence and card of the last ``card_shown``."""
        last_shown = next((e for e in reversed(self.events) if e.kind is EventKind.CARD_SHOWN), None)
        if last_shown is not None and self.sequence(last_shown.sequence_id) is not None:
            self.sequence_id = last_shown.sequence_id
            self.card_id = last_shown.card_id
        elif self.snapshot.sequences:
            first = min(self.snapshot.sequences, key=lambda s: s.position)
            self.sequence_id = first.id
            self.card_id = first.deck.cards[0].id if first.deck.cards else None
