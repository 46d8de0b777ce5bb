"""The time side of « La boussole au fil de la séance »: which span the chart shows, and its time labels.

Pure functions, no reportlab (the label widths come in as a function).

- **The session's span** (:func:`session_span`): the answers are cut into sittings wherever nothing was
  answered for :data:`SITTING_GAP`; the session is the sittings holding at least a quarter of the largest
  one's answers (a morning and the next morning: two sittings, both kept), and any other on their days. What
  lies outside (an answer corrected three days later, a trial vote the week before) is left off the chart, so
  it does not squeeze the day against an edge; the caption says it in words, with the final score.
- **The stretches** (:func:`pieces`): two or three sittings with long pauses between (more than half the span)
  are put end to end, the pauses left out: two mornings do not read as one long night.
- **The labels** (:func:`ticks`, :func:`axis_ticks`): round local times — every 5, 10, 15 or 30 minutes, or 1,
  2, 3, 6 or 12 whole hours from midnight, else whole days at midnight — the smallest step whose labels stay
  apart. A label is « 9 h », « 14 h 30 »; when the span crosses midnight, the first label and each one on a
  new day carry the date: « 14/03 9 h ».
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from workshop_app.core.events import Event, EventKind, as_utc
from workshop_app.export.french import MONTHS, NBSP, local

SITTING_GAP = timedelta(hours=3)  # no answer for this long: the next answer starts another sitting
MAIN_SHARE = 0.25  # a sitting with at least this share of the largest sitting's answers is the session's
TICK_STEPS = (5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080)  # minutes; all divide a day, or days
MAX_TICKS = 8
MAX_PIECES = 3  # more sittings than this: one continuous axis (by days)
LABEL_GAP = 6.0  # points of white between two labels at least
DAY_MINUTES = 24 * 60


@dataclass(frozen=True)
class Tick:
    at: datetime  # UTC
    label: str


def sittings(times: Sequence[datetime]) -> list[list[datetime]]:
    """``times`` (in order) cut wherever nothing happened for :data:`SITTING_GAP`."""
    out: list[list[datetime]] = []
    for moment in times:
        if out and moment - out[-1][-1] < SITTING_GAP:
            out[-1].append(moment)
        else:
            out.append([moment])
    return out


def session_span(times: Sequence[datetime]) -> tuple[datetime, datetime] | None:
    """From the first to the last answer of the session's sittings (``times``: the answers' moments, UTC,
    in order), and of any other sitting on one of their days (a short afternoon after a long lunch is still
    the workshop's day); None without answers."""
    parts = sittings(times)
    if not parts:
        return None
    largest = max(len(part) for part in parts)
    ends = [(part, {local(part[0]).date(), local(part[-1]).date()}) for part in parts]
    days = set().union(*(on for part, on in ends if len(part) >= MAIN_SHARE * largest))
    main = [part for part, on in ends if on & days]
    return main[0][0], main[-1][-1]


def _step_minutes(span: timedelta) -> list[int]:
    """The candidate steps, smallest first: the fixed ones, then enough whole days for :data:`MAX_TICKS`."""
    minutes = span.total_seconds() / 60
    steps = [step for step in TICK_STEPS if minutes / step <= MAX_TICKS]
    days = max(1, math.ceil(minutes / (MAX_TICKS * DAY_MINUTES))) * DAY_MINUTES
    return [*steps, days] if not steps or days > steps[-1] else steps


def _moments(start: datetime, end: datetime, step: int) -> list[datetime]:
    """Local wall-clock moments at whole multiples of ``step`` minutes from midnight (or midnights ``step``
    days apart) within [start, end], as UTC."""
    first = local(start)
    if step < DAY_MINUTES:
        midnight = first.replace(hour=0, minute=0, second=0, microsecond=0)
        elapsed = (first.hour * 60 + first.minute) + (1 if first.second or first.microsecond else 0)
        wall = midnight + timedelta(minutes=math.ceil(elapsed / step) * step)
    else:
        midnight = first.replace(hour=0, minute=0, second=0, microsecond=0)
        wall = midnight if midnight == first else midnight + timedelta(days=1)
    out = []
    while (moment := wall.astimezone(UTC)) <= end:  # wall-clock steps: 9 h, 12 h… across a change of hour
        out.append(moment)
        wall += timedelta(minutes=step)
    return out


def time_label(moment: datetime) -> str:
    """« 9 h », « 14 h 30 » (local time)."""
    m = local(moment)
    return f"{m.hour}{NBSP}h" if not m.minute else f"{m.hour}{NBSP}h{NBSP}{m.minute:02d}"


def day_label(moment: datetime) -> str:
    """« 14/03 » (local day)."""
    m = local(moment)
    return f"{m.day:02d}/{m.month:02d}"


def _labels(
    moments: Sequence[datetime], step: int, dated: bool, previous: date | None
) -> tuple[list[str], date | None]:
    """The labels, and the day of the last one (the next stretch's labels go on from it)."""
    if step >= DAY_MINUTES:
        return [day_label(m) for m in moments], None
    out = []
    for moment in moments:
        day = local(moment).date()
        text = time_label(moment)
        if dated and day != previous:
            text = f"{day_label(moment)} {text}"
        out.append(text)
        previous = day
    return out, previous


def _fitting(
    start: datetime, end: datetime, width: float, measure: Callable[[str], float], dated: bool,
    previous: date | None,
) -> tuple[list[datetime], int, date | None]:
    """One stretch's labelled moments: the smallest round step whose labels have room (else the largest:
    :func:`axis_ticks` then leaves out the labels that would touch), its step, the last label's day."""
    total = (end - start).total_seconds()
    if total <= 0:  # one moment: its own label
        return [start], 1, local(start).date()
    moments: list[datetime] = []
    step = 1
    after = previous
    for step in _step_minutes(end - start):
        moments = _moments(start, end, step)
        labels, after = _labels(moments, step, dated, previous)
        if all(measure(text) + LABEL_GAP <= width * step * 60 / total for text in labels):
            break
    return moments, step, after


def _relabel(placed: Sequence[tuple[float, datetime, int, int]], dated: bool) -> list[str]:
    out: list[str] = []
    previous: date | None = None
    for _x, moment, step, _part in placed:
        labels, previous = _labels([moment], step, dated, previous)
        out += labels
    return out


def axis_ticks(
    parts: Sequence[tuple[datetime, datetime]],
    widths: Sequence[float],
    measure: Callable[[str], float],
    gap: float = 0.0,
) -> list[Tick]:
    """The labels of an axis made of ``parts`` (UTC, in order) put end to end, ``widths`` points each and
    ``gap`` points apart; two labels that would touch: the later one of a stretch is left out, or across two
    stretches the earlier one (unless it is its stretch's only label)."""
    if not parts:
        return []
    dated = local(parts[0][0]).date() != local(parts[-1][1]).date()
    placed: list[tuple[float, datetime, int, int]] = []  # x, moment, step, stretch
    origin, previous = 0.0, None
    for part, ((start, end), width) in enumerate(zip(parts, widths, strict=True)):
        start, end = start.astimezone(UTC), end.astimezone(UTC)
        moments, step, previous = _fitting(start, end, width, measure, dated, previous)
        total = (end - start).total_seconds()
        for moment in moments:
            x = origin + (width * (moment - start).total_seconds() / total if total > 0 else 0.0)
            placed.append((x, moment, step, part))
        origin += width + gap
    while True:
        labels = _relabel(placed, dated)
        room = [(measure(a) + measure(b)) / 2 + LABEL_GAP for a, b in itertools.pairwise(labels)]
        clash = next((i for i, need in enumerate(room) if placed[i + 1][0] - placed[i][0] < need), None)
        if clash is None:
            return [Tick(moment, text) for (_x, moment, _s, _p), text in zip(placed, labels, strict=True)]
        part = placed[clash][3]
        alone = sum(1 for q in placed if q[3] == part) == 1
        del placed[clash + 1 if part == placed[clash + 1][3] or alone else clash]


def ticks(start: datetime, end: datetime, width: float, measure: Callable[[str], float]) -> list[Tick]:
    """The time labels of a chart ``width`` points wide from ``start`` to ``end`` (UTC): the smallest round
    step whose labels (``measure``: a label's width in points) stay apart."""
    return axis_ticks([(start, end)], [width], measure) if end > start else []


def pieces(times: Sequence[datetime], span: tuple[datetime, datetime]) -> list[tuple[datetime, datetime]]:
    """The stretches of the chart's time axis: the session's sittings put end to end when they are a few with
    long pauses between (a morning and the next morning: the night left out), else the whole span."""
    parts = [(p[0], p[-1]) for p in sittings(times) if span[0] <= p[0] and p[-1] <= span[1]]
    paused = sum(((b[0] - a[1]) for a, b in itertools.pairwise(parts)), timedelta())
    if not 2 <= len(parts) <= MAX_PIECES or paused * 2 < span[1] - span[0]:
        return [span]
    return parts


def widths(parts: Sequence[tuple[datetime, datetime]], width: float, gap: float) -> list[float]:
    """Each stretch's width: its share of the time, a sixth of the room at least."""
    room = width - gap * (len(parts) - 1)
    lengths = [(end - start).total_seconds() for start, end in parts]
    floor = sum(lengths) / 6 or 1.0
    weights = [max(length, floor) for length in lengths]
    return [room * w / sum(weights) for w in weights]


# -- what was answered outside the session's span -----------------------------------------------------------

_ANSWERS = frozenset({EventKind.CHOICE_RECORDED, EventKind.CHOICE_WITHDRAWN})
_UNDOS = frozenset({EventKind.UNDO, EventKind.REDO})


@dataclass(frozen=True)
class Outside:
    """Answers recorded, withdrawn, undone or redone outside the session's span: how many answers (a table's
    answer to a card counts once), the first and the last moment (UTC), the days (local) it happened on."""

    answers: int
    first: datetime
    last: datetime
    days: tuple[date, ...]


def changes(events: Sequence[Event], sequence_id: str) -> list[tuple[datetime, Event]]:
    """When the sequence's answers changed (given, withdrawn, undone or redone), UTC, in order, each with the
    answer it changed (an undo: the answer it cancels)."""
    by_key = {e.key: e for e in events}
    out = []
    for event in events:
        answer = by_key.get(event.target or "") if event.kind in _UNDOS else event
        if answer is not None and answer.kind in _ANSWERS and answer.sequence_id == sequence_id:
            out.append((as_utc(event.at), answer))
    out.sort(key=lambda change: change[0])
    return out


def outside(
    changed: Sequence[tuple[datetime, Event]], span: tuple[datetime, datetime]
) -> tuple[Outside | None, Outside | None]:
    """What changed the answers before and after ``span`` (``changed``: from :func:`changes`)."""
    sides: tuple[list[tuple[datetime, Event]], list[tuple[datetime, Event]]] = ([], [])
    for moment, answer in changed:
        if not span[0] <= moment <= span[1]:
            sides[moment > span[1]].append((moment, answer))
    before, after = (
        Outside(
            len({(a.group_id, a.card_id) for _m, a in side}),
            side[0][0],
            side[-1][0],
            tuple(sorted({local(m).date() for m, _a in side})),
        )
        if side
        else None
        for side in sides
    )
    return before, after


def day_month(moment: datetime) -> str:
    """« 17 mars », « 1er avril » (local day)."""
    m = local(moment)
    return f"{'1er' if m.day == 1 else m.day}{NBSP}{MONTHS[m.month - 1]}"


def _day(day: date, year: bool) -> str:
    text = f"{'1er' if day.day == 1 else day.day}{NBSP}{MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if year else text


def days_phrase(days: Sequence[date], session_year: int) -> str:
    """« le 17 mars », « le 17 mars et le 20 mars », « entre le 17 mars et le 2 avril » (three days or more);
    each with its year when one of them is not the session's: « le 16 mars 2025 et le 3 décembre 2026 »."""
    year = any(day.year != session_year for day in days)
    first, last = _day(days[0], year), _day(days[-1], year)
    if len(days) == 1:
        return f"le {first}"
    return f"le {first} et le {last}" if len(days) == 2 else f"entre le {first} et le {last}"
