"""Workshops of each shape of day for « La boussole au fil de la séance »: the factory's played workshop with
its events moved to other times (one morning, a full day, two mornings, a day then corrections days later,
ten days), in Paris local time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from export_factory import make_snapshot

from workshop_app.core.events import Event, EventKind
from workshop_app.core.workshop import WorkshopSnapshot

PARIS = ZoneInfo("Europe/Paris")
DAY = datetime(2026, 3, 14, tzinfo=PARIS)  # a Saturday in March, before the change of hour (29 March)


def at(day: int, hour: float) -> datetime:
    """``hour`` o'clock (Paris) on the ``day``-th day after 14 March 2026, as UTC."""
    return (DAY + timedelta(days=day, hours=hour)).astimezone(UTC)


def spread(events: Sequence[Event], pieces: Sequence[tuple[datetime, datetime]]) -> tuple[Event, ...]:
    """The events, in their order, spread evenly over ``pieces`` (each piece gets its share of events)."""
    out: list[Event] = []
    per = -(-len(events) // len(pieces))
    for p, (start, end) in enumerate(pieces):
        chunk = events[p * per : (p + 1) * per]
        for i, event in enumerate(chunk):
            out.append(replace(event, at=start + (end - start) * i / max(1, len(chunk) - 1)))
    return tuple(out)


def corrections(snapshot: WorkshopSnapshot, moment: datetime, count: int) -> tuple[Event, ...]:
    """``count`` answers of the first sequence changed at ``moment`` (to the scale's top), a minute apart."""
    answers = [e for e in snapshot.events if e.kind is EventKind.CHOICE_RECORDED and e.sequence_id == "s1"]
    seq = max(e.seq for e in snapshot.events)
    return tuple(
        replace(
            answer,
            seq=seq + 1 + i,
            at=moment + timedelta(minutes=i),
            payload={"option": "4", "argument": "Corrigé après la séance"},
        )
        for i, answer in enumerate(answers[:count])
    )


def shaped(shape: str, n_cards: int = 24) -> WorkshopSnapshot:
    """``shape``: morning, day, two-days, day-and-correction, trial-and-day, ten-days, day-and-late-10."""
    snapshot, _photos = make_snapshot(n_groups=4, n_cards=n_cards)
    events = snapshot.events
    morning = [(at(0, 9), at(0, 12.5))]
    day = [(at(0, 9), at(0, 12.5)), (at(0, 14), at(0, 17.5))]
    pieces = {
        "morning": morning,
        "day": day,
        "two-days": [(at(0, 9), at(0, 12.5)), (at(1, 9), at(1, 12.5))],
        "day-and-correction": day,
        "trial-and-day": day,
        "ten-days": [(at(d, 10), at(d, 12)) for d in range(10)],
        "day-and-late-10": day,
    }[shape]
    events = spread(events, pieces)
    result = replace(snapshot, events=events)
    if shape == "day-and-correction":
        result = replace(result, events=events + corrections(result, at(3, 10), 3))
    if shape == "day-and-late-10":
        result = replace(result, events=events + corrections(result, at(10, 16), 1))
    if shape == "trial-and-day":
        trial = [replace(e, seq=-1 - i, at=at(-4, 18) + timedelta(minutes=i), id=f"trial{i}")
                 for i, e in enumerate(corrections(result, at(-4, 18), 2))]
        result = replace(result, events=tuple(trial) + events)
    return result
