"""The arithmetic of strategy decks, apart from any table: where a raw effect sits on 0–100 (``place``), the
best and worst totals reachable within the budget (``bounds``, a 0/1 knapsack), and the broken
requires/excludes among picked cards (``violations``). The compass (``core.scoring``), the 2030/2050
reading (``core.horizon``) and the strategy benchmark share them, so they all place a strategy the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from workshop_app.core.deck import StrategyCard, StrategyDeck


@dataclass(frozen=True)
class Violation:
    card_id: str
    kind: str  # "requires" | "excludes"
    other_id: str

    def describe(self, deck: StrategyDeck) -> str:
        card, other = deck.card(self.card_id).title, deck.card(self.other_id).title
        if self.kind == "requires":
            return f"« {card} » demande aussi « {other} »"
        return f"« {card} » est incompatible avec « {other} »"


def place(raw: int, best: int, worst: int) -> float:
    # ``best``/``worst`` are reachable within the budget; a group over budget may exceed them (even when no
    # card fits the budget at all, so best == 0): it is capped, never sent back to neutral.
    if raw == 0:
        return 50.0
    if raw > 0:
        return 50.0 + 50.0 * min(1.0, raw / best) if best > 0 else 100.0
    return 50.0 - 50.0 * min(1.0, -raw / worst) if worst > 0 else 0.0


def bounds(deck: StrategyDeck, axis: str) -> tuple[int, int]:
    return bounds_cached(deck.strategy.budget, tuple((c.cost, c.effects.get(axis, 0)) for c in deck.cards))


@lru_cache(maxsize=256)
def bounds_cached(budget: int, items: tuple[tuple[int, int], ...]) -> tuple[int, int]:
    return _knapsack(budget, [(c, e) for c, e in items if e > 0]), _knapsack(
        budget, [(c, -e) for c, e in items if e < 0]
    )


def _knapsack(budget: int, items: list[tuple[int, int]]) -> int:
    """Largest total gain within the budget (0/1 knapsack; decks are small: cards x budget stays cheap)."""
    free = sum(g for c, g in items if c == 0)
    costly = [(c, g) for c, g in items if c > 0]
    if sum(c for c, _ in costly) <= budget:
        return free + sum(g for _, g in costly)
    best = [0] * (budget + 1)
    for cost, gain in costly:
        for room in range(budget, cost - 1, -1):
            best[room] = max(best[room], best[room - cost] + gain)
    return free + best[budget]


def violations(picked: Sequence[StrategyCard]) -> list[Violation]:
    """Broken requires/excludes among the picked cards, in pick order.

    An exclusion is one violation per pair, named by the card that declares it; when both cards declare it,
    by the smaller id, so the same picks always give the same violations whatever their order.
    """
    by_id = {c.id: c for c in picked}
    found: list[Violation] = []
    seen_pairs: set[tuple[str, str]] = set()
    for card in picked:
        found.extend(Violation(card.id, "requires", other) for other in card.requires if other not in by_id)
        for other in card.excludes:
            pair = (min(card.id, other), max(card.id, other))
            if other in by_id and pair not in seen_pairs:
                seen_pairs.add(pair)
                mutual = card.id in by_id[other].excludes
                first, second = pair if mutual else (card.id, other)
                found.append(Violation(first, "excludes", second))
    return found
