"""The workshop's events: the append-only log that is the source of truth.

An event is never changed or deleted. Changing a choice is a new ``choice_recorded``; undo and redo are
compensating events that name the event they cancel by its id (see :mod:`workshop_app.core.state`).

Identity: every event has a globally unique ``id`` (a UUID made where it was recorded) and the ``author``
(the device id of the data folder that recorded it; see ``workshop_app.paths.device_id``). ``seq`` is only
the local order of arrival in one database: two copies of a workshop number the same events differently. The
order that counts everywhere (the fold, the minutes, a merge) is :func:`order_key`: time, then id.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
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
    # programme steps that are not decks (accueil, pause, bilan…): see core.programme
    STEP_PLANNED = "step_planned"  # payload: step (id), step_kind, label, minutes, slot; again to change it
    STEP_REMOVED = "step_removed"  # payload: step
    STEP_STARTED = "step_started"  # payload: step; the event's time is the step's actual start
    STEP_ENDED = "step_ended"  # payload: step
    UNDO = "undo"  # payload: target (id of the event undone)
    REDO = "redo"  # payload: target (id of the undo event cancelled)


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
    """One entry of the log. ``id`` is global; ``seq`` is unique and increasing within one database only."""

    seq: int
    kind: EventKind
    sequence_id: str | None = None
    group_id: str | None = None
    card_id: str | None = None
    payload: Mapping[str, Any] = field(default_factory=dict)
    at: datetime = field(default_factory=lambda: datetime.now(UTC))
    id: str = ""  # empty only in hand-built logs (tests): ``key`` then falls back to the seq
    author: str = ""  # the device that recorded it; empty for events recorded before authors existed

    @property
    def key(self) -> str:
        """What undo/redo name and what a merge compares: the id (or, in a hand-built log, the seq)."""
        return self.id or seq_key(self.seq)

    @property
    def target(self) -> str | None:
        """The key of the event an undo/redo cancels (an integer there is a seq of the same log)."""
        value = self.payload.get("target")
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return seq_key(value)
        return str(value)


def seq_key(seq: int) -> str:
    return f"#{seq:012d}"


def order_key(event: Event) -> tuple[datetime, str]:
    """The one order of a workshop's events, the same on every copy: time, then id."""
    return (as_utc(event.at), event.key)


def ordered(events: Iterable[Event]) -> list[Event]:
    return sorted(events, key=order_key)


_LEGACY_NAMESPACE = uuid.UUID("6f1c2a52-7a4e-4b51-9d83-2b3c1a9e0d11")


def legacy_event_id(workshop_id: str, event: Event) -> str:
    """The id of an event recorded before events had ids: made from what it says, so the same old event
    gets the same id on every laptop that holds it (and two different events at one seq get two ids)."""
    content = [
        workshop_id,
        event.seq,
        str(event.kind),
        as_utc(event.at).isoformat(),
        event.sequence_id,
        event.group_id,
        event.card_id,
        dict(event.payload),
    ]
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return str(uuid.uuid5(_LEGACY_NAMESPACE, text))


def with_legacy_ids(workshop_id: str, events: Iterable[Event]) -> list[Event]:
    """Old events (no id, undo/redo naming a seq) given content ids, and their undo/redo targets rewritten to
    those ids. Events that already have an id are kept as they are."""
    events = list(events)
    ids = {e.seq: e.id or legacy_event_id(workshop_id, e) for e in events}
    out = []
    for event in events:
        payload = dict(event.payload)
        target = payload.get("target")
        if event.kind in (EventKind.UNDO, EventKind.REDO) and isinstance(target, int) and not event.id:
            payload["target"] = ids.get(target, seq_key(target))
        out.append(replace(event, id=ids[event.seq], payload=payload))
    return out


def utc_now() -> datetime:
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """SQLite gives naive datetimes back, PostgreSQL aware ones: both mean UTC here."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
