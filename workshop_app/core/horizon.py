"""A strategy read at two horizons: what the picked cards give by 2030, and by 2050.

A card acts after its delay: by 2030 a « court » card gives all its effect, a « moyen » one half of it, a
« long » one nothing yet; by 2050 every card gives all of it (the score the compass shows). A synergy's gain
arrives with the slower of its two cards. Both are placed
on the same 0–100 scale, with the same bounds (:func:`workshop_app.core.scoring.strategy_axis_scores`), so
that the two columns compare: a structural strategy starts low and ends high, a strategy of quick actions
is high early and grows little. Pure functions, no Qt.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from workshop_app.core.deck import StrategyCard, StrategyDeck
from workshop_app.core.strategy_rules import bounds, raw_effect

# (label, share of each delay's effect reached by then)
HORIZONS: tuple[tuple[str, Mapping[str, float]], ...] = (
    ("2030", {"court": 1.0, "moyen": 0.5, "long": 0.0}),
    ("2050", {"court": 1.0, "moyen": 1.0, "long": 1.0}),
)
HORIZON_RULE = (
    "Chaque stratégie est lue à deux horizons. D’ici 2030, une carte à court terme donne tout son effet, "
    "une carte à moyen terme la moitié, une carte à long terme rien encore ; d’ici 2050, toutes ont produit "
    "leur effet (c’est le score des radars et des tableaux). Les deux lectures sont sur la même échelle : "
    "une stratégie de grands projets part bas et finit haut, une stratégie d’actions rapides est haute tout "
    "de suite et progresse peu."
)


@dataclass(frozen=True)
class HorizonReading:
    """One table's score per axis at each horizon: ``scores[horizon][axis]`` (None: no card picked)."""

    scores: Mapping[str, Mapping[str, float | None]]


def horizon_scores(
    deck: StrategyDeck, picked: Sequence[StrategyCard], shares: Mapping[str, float]
) -> dict[str, float | None]:
    """The 0–100 score on each axis when each card gives ``shares[card.delay]`` of its effect."""
    out: dict[str, float | None] = {}
    for axis in deck.axis_ids():
        if not picked:
            out[axis] = None
            continue
        raw = raw_effect(deck, picked, axis, shares)  # a synergy arrives with the slower of its cards
        out[axis] = place(raw, *bounds(deck, axis))
    return out


def place(raw: float, best: int, worst: int) -> float:
    """``core.strategy_rules.place`` for a fractional raw effect (50 = no effect, capped at 0 and 100)."""
    if raw == 0:
        return 50.0
    if raw > 0:
        return 50.0 + 50.0 * min(1.0, raw / best) if best > 0 else 100.0
    return 50.0 - 50.0 * min(1.0, -raw / worst) if worst > 0 else 0.0


def read_horizons(deck: StrategyDeck, picked: Sequence[StrategyCard]) -> HorizonReading:
    return HorizonReading({label: horizon_scores(deck, picked, shares) for label, shares in HORIZONS})
