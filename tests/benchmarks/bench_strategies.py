"""Strategy-deck balance benchmark (not collected by pytest):
``.venv/bin/python tests/benchmarks/bench_strategies.py [scenarios/nature-en-ville.yaml]``.

Enumerates every valid strategy (within the budget, requires and excludes respected) of a strategy deck and
scores each with the app's own strategy scoring (``core.scoring.strategy_axis_scores``: the 0–100 placement of
each axis the compass shows, the deck's synergies included: a pair of picked cards adds its effect once).
For several priority profiles (each axis first, i.e. counted three times, and
balanced), read at each horizon of ``core.horizon`` (by 2030: « moyen » cards give half their effect, « long »
ones nothing yet; by 2050: everything, the compass's score), it prints the best strategy, then
``cards in some best strategy: N/M`` and whether one strategy is best under every profile (a dominant
strategy: the game has no real trade-off).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from workshop_app.core.deck import StrategyDeck  # noqa: E402
from workshop_app.core.deck_loader import load_deck  # noqa: E402
from workshop_app.core.deck_synergy import synergy_delay  # noqa: E402
from workshop_app.core.horizon import HORIZONS, horizon_scores  # noqa: E402
from workshop_app.core.scoring import strategy_axis_scores  # noqa: E402
from workshop_app.core.strategy_rules import bounds as _bounds  # noqa: E402

FIRST_WEIGHT = 3.0


def enumerate_strategies(deck: StrategyDeck) -> tuple[list[int], np.ndarray]:
    """Every valid (budget, maintenance, requires, excludes), non-empty strategy as a bit mask over
    ``deck.cards``, and its raw effect per axis."""
    cards = deck.cards
    index = {c.id: i for i, c in enumerate(cards)}
    axes = deck.axis_ids()
    effects = [[c.effects.get(a, 0) for a in axes] for c in cards]
    excl = [sum(1 << index[o] for o in c.excludes if o in index) for c in cards]
    for i, c in enumerate(cards):  # exclusions both ways
        for o in c.excludes:
            if o in index:
                excl[index[o]] |= 1 << i
    req = [sum(1 << index[o] for o in c.requires if o in index) for c in cards]
    masks: list[int] = []
    raws: list[list[int]] = []

    upkeep_limit = deck.strategy.maintenance_budget
    upkeep_limit = sum(c.maintenance for c in cards) if upkeep_limit is None else upkeep_limit

    def walk(i: int, mask: int, left: int, raw: list[int], banned: int, upkeep: int) -> None:
        if i == len(cards):
            if mask and all(not (mask >> k) & 1 or (mask & req[k]) == req[k] for k in range(len(cards))):
                masks.append(mask)
                raws.append(raw)
            return
        walk(i + 1, mask, left, raw, banned, upkeep)
        if cards[i].cost <= left and not (banned >> i) & 1 and upkeep + cards[i].maintenance <= upkeep_limit:
            walk(
                i + 1,
                mask | 1 << i,
                left - cards[i].cost,
                [r + e for r, e in zip(raw, effects[i], strict=True)],
                banned | excl[i],
                upkeep + cards[i].maintenance,
            )

    walk(0, 0, deck.strategy.budget, [0] * len(axes), 0, 0)
    return masks, np.array(raws, dtype=np.int32)


def synergy_raws(deck: StrategyDeck, bits: np.ndarray, shares: dict[str, float]) -> np.ndarray:
    """Each synergy's effect per axis, for every strategy holding both its cards (at a horizon's shares)."""
    axes = deck.axis_ids()
    index = {c.id: i for i, c in enumerate(deck.cards)}
    delays = {c.id: str(c.delay) for c in deck.cards}
    out = np.zeros((bits.shape[0], len(axes)))
    for synergy in deck.synergies:
        both = bits[:, index[synergy.cards[0]]] & bits[:, index[synergy.cards[1]]]
        share = shares[synergy_delay(synergy, delays)]
        gains = np.array([synergy.effects.get(a, 0) * share for a in axes])
        out += both[:, None] * gains[None, :]
    return out


def placed(deck: StrategyDeck, raws: np.ndarray) -> np.ndarray:
    """``core.strategy_rules.place`` for every strategy at once (checked against the app's scorer below)."""
    out = np.empty(raws.shape, dtype=np.float64)
    for j, axis in enumerate(deck.axis_ids()):
        best, worst = _bounds(deck, axis)
        raw = raws[:, j].astype(np.float64)
        pos = 50.0 + 50.0 * np.minimum(1.0, raw / best) if best > 0 else np.full_like(raw, 100.0)
        neg = 50.0 - 50.0 * np.minimum(1.0, -raw / worst) if worst > 0 else np.zeros_like(raw)
        out[:, j] = np.where(raw > 0, pos, np.where(raw < 0, neg, 50.0))
    return out


def main(path: str) -> None:
    deck = load_deck(Path(path))
    assert isinstance(deck, StrategyDeck), "un jeu de stratégie est attendu"
    axes = deck.axis_ids()
    started = time.perf_counter()
    masks, raws = enumerate_strategies(deck)
    bits = (np.array(masks, dtype=np.int64)[:, None] >> np.arange(len(deck.cards))) & 1
    full = np.array([[c.effects.get(a, 0) for a in axes] for c in deck.cards])
    assert (bits @ full == raws).all()  # the matrix path agrees with the enumeration's own sums
    labels = {a.id: a.short or a.label for a in deck.compass.axes}
    index_of = {c.id: i for i, c in enumerate(deck.cards)}
    base = {f"{labels[a]} d’abord": [FIRST_WEIGHT if b == a else 1.0 for b in axes] for a in axes}
    base["Équilibré"] = [1.0] * len(axes)
    profiles: dict[str, tuple[list[float], np.ndarray, dict[str, float]]] = {}
    for horizon, shares in HORIZONS:
        weighted = np.array([[c.effects.get(a, 0) * shares[c.delay] for a in axes] for c in deck.cards])
        at = placed(deck, bits @ weighted + synergy_raws(deck, bits, dict(shares)))
        profiles.update({f"{name}, d’ici {horizon}": (w, at, dict(shares)) for name, w in base.items()})
    print(
        f"{deck.id}: {len(deck.cards)} cards, budget {deck.strategy.budget}, "
        f"maintenance budget {deck.strategy.maintenance_budget or '—'}, "
        f"{len(masks):,} valid strategies ({time.perf_counter() - started:.1f} s)"
    )
    in_best: set[int] = set()
    bests: set[int] = set()
    for name, (weights, scores, shares) in profiles.items():
        w = np.array(weights) / sum(weights)
        value = scores @ w
        k = int(np.argmax(value))
        mask = masks[k]
        picked = [c for i, c in enumerate(deck.cards) if (mask >> i) & 1]
        app = horizon_scores(deck, picked, shares)  # the app's own numbers, to check the vectorised copy
        if all(v == 1.0 for v in shares.values()):
            assert app == strategy_axis_scores(deck, picked)  # by 2050: the compass's own score
        assert all(abs((app[a] or 0.0) - scores[k, j]) < 1e-9 for j, a in enumerate(axes)), (app, scores[k])
        bests.add(mask)
        in_best.update(i for i in range(len(deck.cards)) if (mask >> i) & 1)
        cost = sum(c.cost for c in picked)
        upkeep = sum(c.maintenance for c in picked)
        axes_text = " ".join(f"{labels[a]} {scores[k, j]:.0f}" for j, a in enumerate(axes))
        print(
            f"- {name}: {value[k]:.1f} — {len(picked)} cards, cost {cost}, maintenance {upkeep}: "
            f"{', '.join(c.id for c in picked)}\n    {axes_text}"
        )
    print(f"cards in some best strategy: {len(in_best)}/{len(deck.cards)}")
    playing = [
        " + ".join(s.cards)
        for s in deck.synergies
        if any(all((m >> index_of[c]) & 1 for c in s.cards) for m in bests)
    ]
    shown = ", ".join(playing) or "—"
    print(f"synergies in some best strategy: {len(playing)}/{len(deck.synergies)} ({shown})")
    core = [c.id for i, c in enumerate(deck.cards) if all((m >> i) & 1 for m in bests)]
    print(f"cards in every best strategy: {len(core)} ({', '.join(core) or '—'})")
    never = [c.id for i, c in enumerate(deck.cards) if i not in in_best]
    print(f"never in a best strategy: {', '.join(never) or '—'}")
    print(
        f"distinct best strategies: {len(bests)}/{len(profiles)} "
        f"({'one strategy is best under every profile' if len(bests) == 1 else 'no dominant strategy'})"
    )


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "scenarios" / "nature-en-ville.yaml"))
