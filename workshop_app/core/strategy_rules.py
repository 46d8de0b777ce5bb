"""The arithmetic of strategy decks, apart from any table: a strategy's raw effect on an axis, its cards'
effects plus each synergy whose two cards are picked, counted once (``raw_effect``); where a raw effect sits
on 0–100 (``place``), the best and worst totals reachable within the budget (``bounds``, a 0/1 knapsack,
synergies included), and the broken requires/excludes among picked cards (``violations``). The compass
(``core.scoring``), the 2030/2050 reading (``core.horizon``) and the strategy benchmark share them, so they
all place a strategy the same way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

from workshop_app.core.deck import StrategyCard, StrategyDeck
from workshop_app.core.deck_synergy import active_synergies, synergy_delay

# Up to this many synergies acting on one axis in one direction, ``bounds`` is exact (it tries every set of
# them: 2**n knapsacks); beyond, it adds their gains to the cards' best, an upper bound.
MAX_EXACT_SYNERGIES = 10


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


def raw_effect(
    deck: StrategyDeck, picked: Sequence[StrategyCard], axis: str, shares: Mapping[str, float] | None = None
) -> float:
    """The picked cards' effects on ``axis``, plus each synergy whose two cards are both picked, once.

    ``shares`` (a horizon, see ``core.horizon``) scales each effect by the share its delay has reached; a
    synergy's gain comes with the slower of its two cards. Without ``shares``: every effect in full (an
    int, the compass's score).
    """
    share = (lambda delay: 1.0) if shares is None else (lambda delay: shares.get(delay, 1.0))
    total: float = sum(c.effects.get(axis, 0) * share(c.delay) for c in picked)
    if deck.synergies:
        delays = {c.id: str(c.delay) for c in deck.cards}
        for synergy in active_synergies(deck.synergies, [c.id for c in picked]):
            total += synergy.effects.get(axis, 0) * share(synergy_delay(synergy, delays))
    return int(total) if shares is None else total


def bounds(deck: StrategyDeck, axis: str) -> tuple[int, int]:
    """The best (largest positive) and worst (largest negative, as a positive number) raw effect on ``axis``
    a strategy within the budget can reach, ignoring requires/excludes (and, for the best, the synergies
    that would lower it; for the worst, those that would raise it)."""
    items = tuple((c.cost, c.effects.get(axis, 0)) for c in deck.cards)
    if not deck.synergies:
        return bounds_cached(deck.strategy.budget, items)
    index = {c.id: i for i, c in enumerate(deck.cards)}
    pairs = tuple(
        (index[s.cards[0]], index[s.cards[1]], s.effects.get(axis, 0))
        for s in deck.synergies
        if s.effects.get(axis, 0)
    )
    return bounds_with_synergies(deck.strategy.budget, items, pairs)


@lru_cache(maxsize=256)
def bounds_cached(budget: int, items: tuple[tuple[int, int], ...]) -> tuple[int, int]:
    return _knapsack(budget, [(c, e) for c, e in items if e > 0]), _knapsack(
        budget, [(c, -e) for c, e in items if e < 0]
    )


@lru_cache(maxsize=256)
def bounds_with_synergies(
    budget: int, items: tuple[tuple[int, int], ...], pairs: tuple[tuple[int, int, int], ...]
) -> tuple[int, int]:
    """``bounds_cached`` when some pairs of cards (by index) add ``gain`` when both are picked."""
    best = _best_with_pairs(budget, list(items), [(i, j, g) for i, j, g in pairs if g > 0])
    negated = [(c, -e) for c, e in items]
    worst = _best_with_pairs(budget, negated, [(i, j, -g) for i, j, g in pairs if g < 0])
    return best, worst


def _best_with_pairs(budget: int, items: list[tuple[int, int]], pairs: list[tuple[int, int, int]]) -> int:
    """The largest total gain within the budget, where each pair of ``pairs`` adds its (positive) gain when
    both its cards are taken: for each set of pairs taken, their cards are forced in and a knapsack fills
    the rest of the budget with the other cards' positive gains."""
    singles = [(c, g) for c, g in items if g > 0]
    if not pairs:
        return _knapsack(budget, singles)
    if len(pairs) > MAX_EXACT_SYNERGIES:
        return _knapsack(budget, singles) + sum(g for _i, _j, g in pairs)
    best = 0
    for size in range(len(pairs) + 1):
        for taken in combinations(pairs, size):
            forced = {k for i, j, _g in taken for k in (i, j)}
            cost = sum(items[k][0] for k in forced)
            if cost > budget:
                continue
            gain = sum(items[k][1] for k in forced) + sum(g for _i, _j, g in taken)
            rest = [(c, g) for k, (c, g) in enumerate(items) if k not in forced and g > 0]
            best = max(best, gain + _knapsack(budget - cost, rest))
    return best


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
