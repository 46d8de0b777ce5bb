"""The workshop's events: the append-only log that is the source of truth.

An event is never changed or deleted. Changing a choice is a new ``choice_recorded``; undo and redo are
compensating events that point at the event they cancel (see :mod:`workshop_app.core.state`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

# The longest text an event may carry (an argument, a note): the app refuses longer input, and a bundle that
# carries more is refused too (a huge text would also make the compte-rendu endless to lay out).
MAX_EVENT_TEXT = 4000


class EventKind(StrEnum):
    CARD_SHOWN = "card_shown"
    CHOICE_RECORDED = "choice_recorded"  # payload: option (scale id), argument (str)
    CHOICE_WITHDRAWN = "choice_withdrawn"
    ARGUMENT_SET = "argument_set"  # payload: argument (str); keeps the choice
    CARD_PICKED = "card_picked"  # strategy decks: group picks card_id
    CARD_DROPPED = "card_dropped"
    NOTE_ADDED = "note_added"  # payload: text, author (optional); group/card optional
    TIMER_STARTED = "timer_started"  # payload: scope ("card" | "sequence")
    TIMER_STOPPED = "timer_stopped"
    SEQUENCE_STARTED = "sequence_started"
    SEQUENCE_ENDED = "sequence_ended"
    RESULTS_REVEALED = "results_revealed"
    RESULTS_HIDDEN = "results_hidden"
    UNDO = "undo"  # payload: target (seq of the event undone)
    REDO = "redo"  # payload: target (seq of the undo event cancelled)


# Events a facilitator would expect Ctrl+Z to take back. Showing a card or starting a timer is navigation;
# revealing or hiding the results is what the room sees, not an answer: R does and undoes it, never Ctrl+Z.
UNDOABLE: frozenset[EventKind] = frozenset(
    {
        EventKind.CHOICE_RECORDED,
        EventKind.CHOICE_WITHDRAWN,
        EventKind.ARGUMENT_SET,
        EventKind.CARD_PICKED,
        EventKind.CARD_DROPPED,
        EventKind.NOTE_ADDED,
    }
)


@dataclass(frozen=True)
class Event:
    """One entry of the log. ``seq`` is unique and increasing within a workshop."""

    seq: int
    kind: EventKind
    sequence_id: str | None = None
    group_id: str | None = None
    card_id: str | None = None
    payload: Mapping[str, Any] = field(default_factory=dict)
    at: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def target(self) -> int | None:
        value = self.payload.get("target")
        return int(value) if value is not None else None


def utc_now() -> datetime:
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """SQLite gives naive datetimes back, PostgreSQL aware ones: both mean UTC here."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
