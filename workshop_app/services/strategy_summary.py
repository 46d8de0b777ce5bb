"""Each table's strategy in one line, for the projector once results are revealed (no Qt)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from workshop_app.core.deck import StrategyDeck
from workshop_app.core.deck_synergy import active_synergies
from workshop_app.core.scoring import violations
from workshop_app.core.workshop import GroupInfo


@dataclass(frozen=True)
class TableStrategy:
    name: str
    colour: str
    spent: int
    budget: int
    picks: tuple[str, ...]  # card titles, in pick order
    broken: int  # requires/excludes rules broken
    synergies: int = 0  # the deck's synergies whose two cards the table picked

    @property
    def over(self) -> bool:
        return self.spent > self.budget


def table_strategies(
    deck: StrategyDeck, picks: Mapping[str, Mapping[str, int]], groups: Sequence[GroupInfo]
) -> list[TableStrategy]:
    """``picks``: {group id: {card id: seq picked}} (``SequenceState.picks``)."""
    by_id = {c.id: c for c in deck.cards}
    rows = []
    for group in sorted(groups, key=lambda g: g.position):
        chosen = picks.get(group.id, {})
        cards = [by_id[c] for c in sorted(chosen, key=lambda c: chosen[c]) if c in by_id]
        rows.append(TableStrategy(
            group.name, group.colour, sum(c.cost for c in cards), deck.strategy.budget,
            tuple(c.title for c in cards), len(violations(cards)),
            len(active_synergies(deck.synergies, chosen)),
        ))
    return rows
