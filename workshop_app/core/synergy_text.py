"""Synergies said in words, for the compte-rendu and the printed cards (French; the interface translates its
own): which pairs each table obtained, and an effect list such as « Fraîcheur +1, Biodiversité +1 ». Qt-free.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from workshop_app.core.deck import StrategyDeck
from workshop_app.core.deck_synergy import Synergy, active_synergies


@dataclass(frozen=True)
class Obtained:
    """A synergy and the tables (group ids, in the order given) whose strategy holds both its cards."""

    synergy: Synergy
    groups: tuple[str, ...]


def signed(value: int) -> str:
    """« +1 », « −2 » (a true minus sign)."""
    return f"+{value}" if value > 0 else f"−{-value}"


def effects_words(deck: StrategyDeck, effects: Mapping[str, int]) -> str:
    """« Fraîcheur +1, Biodiversité +1 »: the axes' short labels, in the compass's order."""
    labels = {a.id: a.short or a.label for a in deck.compass.axes}
    order = deck.axis_ids()
    shown = sorted((a for a, v in effects.items() if v), key=lambda a: order.index(a) if a in order else 99)
    return ", ".join(f"{labels.get(a, a)} {signed(effects[a])}" for a in shown)


def obtained(deck: StrategyDeck, picks: Mapping[str, Sequence[str]]) -> list[Obtained]:
    """The deck's synergies that at least one table obtained (both cards in its strategy), in deck order."""
    by_group = {g: {s.pair for s in active_synergies(deck.synergies, ids)} for g, ids in picks.items()}
    out: list[Obtained] = []
    for synergy in deck.synergies:
        groups = tuple(g for g in picks if synergy.pair in by_group[g])
        if groups:
            out.append(Obtained(synergy, groups))
    return out
