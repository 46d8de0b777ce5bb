"""What the compass draws, computed without Qt: labels, one series per group, the room's series, coverage.

Kept apart from the widgets so the numbers a chart shows can be tested on their own. A value of ``None``
means "not answered yet" and is never drawn as 0: an unfinished workshop is not a weak territory.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, replace

from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.core.scoring import CompassReading, GroupReading
from workshop_app.core.workshop import GroupInfo

ROOM_COLOUR = "#1F1F1F"


@dataclass(frozen=True)
class Target:
    id: str
    label: str  # short, for the chart
    full: str  # complete wording, for tooltips and the bars view
    colour: str  # the axis colour


@dataclass(frozen=True)
class Series:
    id: str
    name: str
    colour: str
    values: tuple[float | None, ...]  # one per target, 0–100 or None
    spreads: tuple[str, ...] = ()  # one per target: « 0–100 », the range behind the mean, or ""


@dataclass(frozen=True)
class CompassSeries:
    targets: tuple[Target, ...]
    groups: tuple[Series, ...]
    room: Series
    coverage: float  # 0–1, the room's
    levers: bool  # True when the targets are levers, False for axes
    not_concerned: tuple[int, ...] = ()  # per target: the room's « non concerné » answers

    @property
    def not_concerned_total(self) -> int:
        return sum(self.not_concerned)

    def only(self, group_id: str | None) -> CompassSeries:
        """The same compass with one table alone (the room's line stays, for reference); None: all."""
        if group_id is None or all(g.id != group_id for g in self.groups):
            return self
        return replace(self, groups=tuple(g for g in self.groups if g.id == group_id))


def has_levers(deck: QuestionDeck | StrategyDeck) -> bool:
    return isinstance(deck, QuestionDeck) and any(a.levers for a in deck.compass.axes)


def targets(deck: QuestionDeck | StrategyDeck, levers: bool) -> tuple[Target, ...]:
    found: list[Target] = []
    for i, axis in enumerate(deck.compass.axes, start=1):
        if levers and axis.levers:
            for j, lever in enumerate(axis.levers, start=1):
                found.append(Target(lever.id, f"{i}.{j}", f"{i}.{j} {lever.label}", axis.colour))
        elif levers:
            found.append(Target(axis.id, f"{i}", f"{i}. {axis.label}", axis.colour))
        else:
            found.append(Target(axis.id, wrap_label(axis.display), f"{i}. {axis.label}", axis.colour))
    return tuple(found)


def wrap_label(text: str, width: int = 16) -> str:
    """Break a chart label on words so that it stays narrow (« Cohésion – Solidarité » on two lines)."""
    return "\n".join(textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False)) or text


def build_series(
    deck: QuestionDeck | StrategyDeck,
    reading: CompassReading,
    groups: Sequence[GroupInfo],
    levers: bool = False,
    chosen: tuple[Target, ...] | None = None,
) -> CompassSeries:
    """``chosen``: the deck's targets for ``levers`` when the caller kept them (they change with the deck)."""
    use_levers = levers and has_levers(deck)
    if chosen is None:
        chosen = targets(deck, use_levers)
    series = []
    for group in sorted(groups, key=lambda g: g.position):
        group_reading = reading.groups.get(group.id)
        values = _values(group_reading, chosen, use_levers)
        spreads = _spreads(group_reading, chosen, use_levers)
        series.append(Series(group.id, group.name, group.colour, values, spreads))
    room = Series(
        "__room__",
        "Salle (moyenne)",
        ROOM_COLOUR,
        _values(reading.room, chosen, use_levers),
        _spreads(reading.room, chosen, use_levers),
    )
    return CompassSeries(
        chosen, tuple(series), room, reading.room.coverage, use_levers,
        _not_concerned(reading.room, chosen, use_levers),
    )


def _not_concerned(reading: GroupReading, chosen: Sequence[Target], levers: bool) -> tuple[int, ...]:
    source = reading.levers if levers else reading.axes
    out: list[int] = []
    for target in chosen:
        found = source.get(target.id) or reading.axes.get(target.id)
        out.append(found.not_concerned if found is not None else 0)
    return tuple(out)


def _values(reading: GroupReading | None, chosen: Sequence[Target], levers: bool) -> tuple[float | None, ...]:
    if reading is None:
        return tuple(None for _ in chosen)
    source = reading.levers if levers else reading.axes
    out: list[float | None] = []
    for target in chosen:
        found = source.get(target.id) or reading.axes.get(target.id)
        out.append(found.score if found is not None else None)
    return tuple(out)


def _spreads(reading: GroupReading | None, chosen: Sequence[Target], levers: bool) -> tuple[str, ...]:
    """The range behind each mean (``Score.low``–``high``), "" where it is a single value or unknown."""
    if reading is None:
        return tuple("" for _ in chosen)
    source = reading.levers if levers else reading.axes
    out: list[str] = []
    for target in chosen:
        found = source.get(target.id) or reading.axes.get(target.id)
        plain = found is None or found.low is None or found.high is None or found.high - found.low < 0.5
        out.append("" if plain or found is None else found.spread_text())
    return tuple(out)
