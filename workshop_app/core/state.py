"""From the event log to the workshop's current state: a pure fold, with undo/redo as compensating events.

Rules (documented here because the minutes and the tests rely on them):

* An ``undo`` event cancels the event named by its ``target``; a ``redo`` event cancels the ``undo`` it names,
  so the original event counts again. Nothing is deleted.
* ``undo`` always takes back the latest effective undoable event (see ``UNDOABLE``); ``redo`` is possible only
  while no new undoable event was recorded since the undo (the usual editor behaviour).
* For one group and one card, the latest effective ``choice_recorded`` wins; a later ``choice_withdrawn``
  removes it. ``argument_set`` changes the argument and keeps the choice.
* Strategy picks: ``card_picked`` adds a card to the group's set, ``card_dropped`` removes it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from workshop_app.core.events import UNDOABLE, Event, EventKind


@dataclass(frozen=True)
class Answer:
    option: str
    argument: str
    seq: int
    at: datetime


@dataclass(frozen=True)
class Note:
    seq: int
    text: str
    at: datetime
    group_id: str | None
    card_id: str | None
    author: str = ""
    internal: bool = False  # « hors compte-rendu »: shown in the app, never exported


@dataclass
class SequenceState:
    """What has happened in one sequence (one deck played)."""

    answers: dict[tuple[str, str], Answer] = field(default_factory=dict)  # (group, card) -> answer
    picks: dict[str, dict[str, int]] = field(default_factory=dict)  # group -> {card: seq picked}
    pick_arguments: dict[tuple[str, str], str] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    current_card: str | None = None
    cards_shown: list[str] = field(default_factory=list)  # in first-shown order
    card_first_shown: dict[str, datetime] = field(default_factory=dict)
    revealed: bool = False
    started_at: datetime | None = None
    ended_at: datetime | None = None

    def answer(self, group_id: str, card_id: str) -> Answer | None:
        return self.answers.get((group_id, card_id))

    def picked(self, group_id: str) -> list[str]:
        chosen = self.picks.get(group_id, {})
        return sorted(chosen, key=lambda c: chosen[c])


@dataclass
class WorkshopState:
    sequences: dict[str, SequenceState] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)  # notes not tied to a sequence
    last_seq: int = 0

    def sequence(self, sequence_id: str) -> SequenceState:
        return self.sequences.setdefault(sequence_id, SequenceState())


@dataclass(frozen=True)
class History:
    undo_target: int | None  # seq an undo would cancel now
    redo_target: int | None  # seq of the undo a redo would cancel now
    cancelled: frozenset[int]  # seqs that no longer count


def history(events: Iterable[Event]) -> History:
    """Replay undo/redo to know what counts and what Ctrl+Z / Ctrl+Shift+Z would do next."""
    done: list[int] = []
    redo_stack: list[tuple[int, int]] = []  # (undo seq, target seq)
    cancelled: set[int] = set()
    for event in sorted(events, key=lambda e: e.seq):
        if event.kind in UNDOABLE:
            done.append(event.seq)
            redo_stack.clear()
        elif event.kind is EventKind.UNDO:
            target = event.target
            if target is None or target not in done:
                continue  # a stale undo (e.g. merged from elsewhere) changes nothing
            done.remove(target)
            cancelled.add(target)
            redo_stack.append((event.seq, target))
        elif event.kind is EventKind.REDO:
            target = event.target
            match = next((pair for pair in redo_stack if pair[0] == target), None)
            if match is None:
                continue
            redo_stack.remove(match)
            cancelled.discard(match[1])
            cancelled.add(match[0])
            done.append(match[1])
    return History(
        undo_target=done[-1] if done else None,
        redo_target=redo_stack[-1][0] if redo_stack else None,
        cancelled=frozenset(cancelled),
    )


def effective_events(events: Sequence[Event]) -> list[Event]:
    cancelled = history(events).cancelled
    return [
        e
        for e in sorted(events, key=lambda e: e.seq)
        if e.seq not in cancelled and e.kind not in (EventKind.UNDO, EventKind.REDO)
    ]


def fold(events: Sequence[Event]) -> WorkshopState:
    state = WorkshopState(last_seq=max((e.seq for e in events), default=0))
    for event in effective_events(events):
        _apply(state, event)
    return state


def apply_event(state: WorkshopState, event: Event) -> None:
    """Fold one new event, appended after everything ``state`` holds, into it (in place).

    Cheaper than ``fold`` for the common case; not for ``undo``/``redo``, which can reach far back: fold the
    whole log again for those.
    """
    if event.kind in (EventKind.UNDO, EventKind.REDO):
        raise ValueError("undo and redo change earlier events: fold the log again")
    _apply(state, event)
    state.last_seq = max(state.last_seq, event.seq)


def _apply(state: WorkshopState, event: Event) -> None:
    kind = event.kind
    if event.sequence_id is None:
        if kind is EventKind.NOTE_ADDED:
            state.notes.append(_note(event))
        return
    seq_state = state.sequence(event.sequence_id)
    key = (event.group_id or "", event.card_id or "")
    if kind is EventKind.CHOICE_RECORDED and event.group_id and event.card_id:
        seq_state.answers[key] = Answer(
            option=str(event.payload.get("option", "")),
            argument=str(event.payload.get("argument", "")),
            seq=event.seq,
            at=event.at,
        )
    elif kind is EventKind.CHOICE_WITHDRAWN:
        seq_state.answers.pop(key, None)
    elif kind is EventKind.ARGUMENT_SET and event.group_id and event.card_id:
        argument = str(event.payload.get("argument", ""))
        previous = seq_state.answers.get(key)
        if previous is not None:
            seq_state.answers[key] = Answer(previous.option, argument, previous.seq, previous.at)
        else:
            seq_state.pick_arguments[key] = argument
    elif kind is EventKind.CARD_PICKED and event.group_id and event.card_id:
        seq_state.picks.setdefault(event.group_id, {}).setdefault(event.card_id, event.seq)
    elif kind is EventKind.CARD_DROPPED and event.group_id and event.card_id:
        seq_state.picks.get(event.group_id, {}).pop(event.card_id, None)
    elif kind is EventKind.NOTE_ADDED:
        seq_state.notes.append(_note(event))
    elif kind is EventKind.CARD_SHOWN and event.card_id:
        seq_state.current_card = event.card_id
        if event.card_id not in seq_state.card_first_shown:
            seq_state.card_first_shown[event.card_id] = event.at
            seq_state.cards_shown.append(event.card_id)
    elif kind is EventKind.RESULTS_REVEALED:
        seq_state.revealed = True
    elif kind is EventKind.RESULTS_HIDDEN:
        seq_state.revealed = False
    elif kind is EventKind.SEQUENCE_STARTED:
        seq_state.started_at = seq_state.started_at or event.at
    elif kind is EventKind.SEQUENCE_ENDED:
        seq_state.ended_at = event.at


def _note(event: Event) -> Note:
    return Note(
        seq=event.seq,
        text=str(event.payload.get("text", "")),
        at=event.at,
        group_id=event.group_id,
        card_id=event.card_id,
        author=str(event.payload.get("author", "")),
        internal=bool(event.payload.get("internal", False)),
    )
