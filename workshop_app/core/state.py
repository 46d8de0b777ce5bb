"""From the event log to the workshop's current state: a pure fold, with undo/redo as compensating events.

Rules (documented here because the minutes and the tests rely on them):

* Events count in one order, the same on every copy of a workshop: time, then id (``events.order_key``).
* An ``undo`` event cancels the event whose id is its ``target``; a ``redo`` event cancels the ``undo`` it
  names, so the original event counts again. Nothing is deleted. Undo is per author: an undo or redo that
  names another author's event changes nothing.
* ``undo`` always takes back the latest effective undoable event (see ``UNDOABLE``); ``redo`` is possible only
  while no new undoable event was recorded since the undo (the usual editor behaviour).
* Revealing and hiding the results are not undoable (R toggles them); an ``undo`` of one recorded by an older
  version still counts, so an old workshop reopens with the results hidden or shown as they were.
* For one group and one card, the latest effective ``choice_recorded`` wins; a later ``choice_withdrawn``
  removes it. ``argument_set`` changes the argument and keeps the choice.
* Strategy picks: ``card_picked`` adds a card to the group's set, ``card_dropped`` removes it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from workshop_app.core.events import UNDOABLE, Event, EventKind, ordered

#: undoable before 2026-12 (an older log may hold an undo of one): never the target of a new undo
FORMERLY_UNDOABLE = frozenset({EventKind.RESULTS_REVEALED, EventKind.RESULTS_HIDDEN})


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
    # group -> {card: seq picked}, in the order of picking (the fold's order, the same on every copy)
    picks: dict[str, dict[str, int]] = field(default_factory=dict)
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
        return list(self.picks.get(group_id, {}))


@dataclass
class WorkshopState:
    sequences: dict[str, SequenceState] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)  # notes not tied to a sequence
    last_seq: int = 0

    def sequence(self, sequence_id: str) -> SequenceState:
        return self.sequences.setdefault(sequence_id, SequenceState())


@dataclass(frozen=True)
class History:
    undo_target: str | None  # key of the event an undo would cancel now
    redo_target: str | None  # key of the undo a redo would cancel now
    cancelled: frozenset[str]  # keys of the events that no longer count


def may_compensate(actor: str, owner: str) -> bool:
    """An author takes back only their own entries (or entries made before authors existed)."""
    return not actor or not owner or actor == owner


def history(events: Iterable[Event], author: str | None = None) -> History:
    """Replay undo/redo (in the workshop's one order) to know what counts and what Ctrl+Z / Ctrl+Shift+Z of
    ``author`` would do next (``None``: of anyone, the single-writer view).

    Each author has an undo stack of their own: an undo or redo naming another author's event changes nothing
    (two facilitators on one workshop, or a crafted archive, never take back someone else's vote). A reveal or
    hide is no longer undoable, but an undo of one recorded by an older version keeps its effect."""
    replay = UndoReplay()
    for event in ordered(events):
        replay.add(event)
    return replay.result(author)


class UndoReplay:
    """:func:`history` one event at a time, for a reader that follows the log (the compte-rendu's chart of
    the day reads what counts after each change): events given in the workshop's one order, and after each
    one :attr:`cancelled` and :meth:`result` are what :func:`history` of the events so far gives."""

    def __init__(self) -> None:
        self.done: list[tuple[str, str]] = []  # (key, author) of effective undoable events, in order
        # (undo key, undo author, target key, target author)
        self.redo_stack: list[tuple[str, str, str, str]] = []
        self.cancelled: set[str] = set()  # keys of the events that no longer count
        self.former: dict[str, str] = {}  # reveal/hide events an older undo may name -> their author

    def add(self, event: Event) -> tuple[str, ...]:
        """Count ``event`` (the next of the log); returns the keys whose cancellation it may have changed."""
        done, redo_stack, cancelled, former = self.done, self.redo_stack, self.cancelled, self.former
        if event.kind in UNDOABLE:
            done.append((event.key, event.author))
            redo_stack[:] = [r for r in redo_stack if r[1] != event.author]
        elif event.kind in FORMERLY_UNDOABLE:
            former[event.key] = event.author
        elif event.kind is EventKind.UNDO:
            target = event.target
            if target is not None and target in former and target not in cancelled:
                if may_compensate(event.author, former[target]):
                    cancelled.add(target)  # recorded by an older version: it keeps its effect
                    redo_stack.append((event.key, event.author, target, former[target]))
                    return (target,)
                return ()
            entry = next((d for d in reversed(done) if d[0] == target), None)
            if entry is None or not may_compensate(event.author, entry[1]):
                return ()  # a stale undo (or another author's entry) changes nothing
            done.remove(entry)
            cancelled.add(entry[0])
            redo_stack.append((event.key, event.author, entry[0], entry[1]))
            return (entry[0],)
        elif event.kind is EventKind.REDO:
            target = event.target
            match = next((r for r in redo_stack if r[0] == target), None)
            if match is None or not may_compensate(event.author, match[1]):
                return ()
            redo_stack.remove(match)
            cancelled.discard(match[2])
            cancelled.add(match[0])
            if match[2] not in former:
                done.append((match[2], match[3]))
            return (match[2], match[0])
        return ()

    def result(self, author: str | None = None) -> History:
        done, redo_stack = self.done, self.redo_stack
        mine = [d for d in done if may_compensate(author, d[1])] if author else done
        redoable = [r for r in redo_stack if r[1] == author] if author else redo_stack
        return History(
            undo_target=mine[-1][0] if mine else None,
            redo_target=redoable[-1][0] if redoable else None,
            cancelled=frozenset(self.cancelled),
        )


def effective_events(events: Sequence[Event]) -> list[Event]:
    cancelled = history(events).cancelled
    return [
        e
        for e in ordered(events)
        if e.key not in cancelled and e.kind not in (EventKind.UNDO, EventKind.REDO)
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
