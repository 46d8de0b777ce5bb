"""The tables' scores side by side on one card, lever or axis (``Spread``), gathered from the answers or from
a compass reading: what the findings compare to tell agreement from disagreement, and what the compte-rendu
prints as a range beside a mean. Pure functions (no Qt, no I/O).

:func:`between_tables` words that range the one way the app and the compte-rendu say it beside a mean, as
METHOD_TEXT announces (« le plus bas et le plus haut des scores… table par table »): « tables de 55 à 85 »;
« les 3 tables à 70 »; « une seule table » (no spread claimed); and, when the tables are far apart,
« mais les tables divergent : de 25 à 100 », so a 0 and a 100 never read as a calm 50.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from workshop_app.core.deck import QuestionDeck
from workshop_app.core.scoring import CompassReading
from workshop_app.core.state import SequenceState


@dataclass(frozen=True)
class Spread:
    """The groups' scores (0–100) on one card, lever or axis."""

    key: str
    label: str
    values: Mapping[str, float]  # group id -> score on 0–100
    not_concerned: tuple[str, ...] = ()  # group ids that answered « non concerné »

    @property
    def count(self) -> int:
        return len(self.values)

    @property
    def low(self) -> float | None:
        return min(self.values.values()) if self.values else None

    @property
    def high(self) -> float | None:
        return max(self.values.values()) if self.values else None

    @property
    def range(self) -> float | None:
        if len(self.values) < 2:
            return None
        return max(self.values.values()) - min(self.values.values())

    @property
    def mean(self) -> float | None:
        return statistics.fmean(self.values.values()) if self.values else None

    @property
    def stdev(self) -> float | None:
        return statistics.pstdev(self.values.values()) if len(self.values) >= 2 else None

    @property
    def comparable(self) -> bool:
        return len(self.values) >= 2

    def lowest(self) -> list[str]:
        """The group ids that gave the lowest answer."""
        low = self.low
        return [g for g, v in self.values.items() if v == low] if low is not None else []


def between_tables(
    values: Sequence[float], *, divided: bool = False, fmt: Callable[[float], str] = lambda v: str(round(v))
) -> str:
    """The tables' range beside a mean, in words (see the module docstring); "" when no table scored.
    ``divided``: the tables are far apart, and the words say so. ``fmt`` writes one value (« 55 »,
    « −1,5 »)."""
    if not values:
        return ""
    if len(values) == 1:
        return "une seule table"
    low, high = fmt(min(values)), fmt(max(values))
    if divided:
        return f"mais les tables divergent : de {low} à {high}"
    if low == high:
        return f"les {len(values)}\u00a0tables à {low}"
    return f"tables de {low} à {high}"


def card_spreads(deck: QuestionDeck, state: SequenceState, group_ids: Sequence[str]) -> list[Spread]:
    """Per card, each group's numeric answer placed on 0–100 (deck order)."""
    lo, hi = deck.scale_min, deck.scale_max
    values = {o.id: o.value for o in deck.scale if not o.unknown}  # « ne sait pas » is not « non concerné »
    out: list[Spread] = []
    for card in deck.cards:
        scores: dict[str, float] = {}
        nc: list[str] = []
        for group_id in group_ids:
            answer = state.answer(group_id, card.id)
            if answer is None:
                continue
            value = values.get(answer.option)
            if value is not None:
                scores[group_id] = 100.0 * (value - lo) / (hi - lo)
            elif answer.option in values:
                nc.append(group_id)
        out.append(Spread(card.id, card.title, scores, tuple(nc)))
    return out


def reading_spreads(
    reading: CompassReading, keys: Sequence[tuple[str, str]], *, levers: bool
) -> list[Spread]:
    """Per lever (``levers=True``) or axis, the groups' scores from a compass reading."""
    out: list[Spread] = []
    for key, label in keys:
        scores: dict[str, float] = {}
        for group_id, group in reading.groups.items():
            item = (group.levers if levers else group.axes).get(key)
            if item is not None and item.score is not None:
                scores[group_id] = item.score
        out.append(Spread(key, label, scores))
    return out
