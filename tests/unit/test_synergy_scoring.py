"""Properties of the strategy scoring with synergies (Hypothesis), on random small strategy decks.

A synergy counts once when both its cards are in a table's strategy, whatever the order they were picked in,
and not at all once either card is dropped; it changes neither the budget nor the maintenance; a deck without
synergies scores exactly as the scoring did before synergies existed; the axis bounds stay the best (worst)
total a strategy within the budget can reach.
"""

from __future__ import annotations

from itertools import combinations
from typing import Any

from core_samples import SEQ, Log
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from workshop_app.core.deck import StrategyDeck
from workshop_app.core.deck_loader import deck_from_data
from workshop_app.core.horizon import HORIZONS, horizon_scores
from workshop_app.core.scoring import score_strategy, strategy_axis_scores
from workshop_app.core.state import fold
from workshop_app.core.strategy_rules import bounds, bounds_cached, place, raw_effect

AXES = ["x", "y"]
DELAYS = ["court", "moyen", "long"]
GROUPS = ["g1", "g2"]
ORDER = {"court": 0, "moyen": 1, "long": 2}

effect = st.integers(-2, 2)
card_spec = st.tuples(st.integers(0, 5), st.sampled_from(DELAYS), st.integers(0, 3), effect, effect)


@st.composite
def decks(draw: Any, signs: int = 0) -> StrategyDeck:
    """A deck of 2–6 cards; ``signs`` > 0: every synergy effect on « x » is ≥ 0 (< 0: ≤ 0)."""
    specs = draw(st.lists(card_spec, min_size=2, max_size=6))
    ids = [f"c{i}" for i in range(len(specs))]
    pairs = draw(st.lists(st.sampled_from(list(combinations(ids, 2))), unique=True, max_size=5))
    synergies = []
    for a, b in pairs:
        x = draw(st.integers(0, 2) if signs > 0 else st.integers(-2, 0) if signs < 0 else effect)
        y = draw(effect)
        if x == 0 and y == 0:
            y = 1
        cards = [a, b] if draw(st.booleans()) else [b, a]
        synergies.append({"cards": cards, "effects": {"x": x, "y": y}, "reason": "Elles se renforcent."})
    data = {
        "id": "prop-s",
        "title": "Propriétés",
        "version": "1",
        "mechanic": "strategy",
        "compass": {"name": "P", "axes": [{"id": a, "label": a.upper()} for a in AXES]},
        "strategy": {"budget": draw(st.integers(1, 12)), "maintenance_budget": 6},
        "cards": [
            {
                "id": cid,
                "title": f"Carte {cid}",
                "prompt": "p",
                "cost": cost,
                "delay": delay,
                "maintenance": upkeep,
                "effects": {"x": x, "y": y},
            }
            for cid, (cost, delay, upkeep, x, y) in zip(ids, specs, strict=True)
        ],
        "synergies": synergies,
    }
    deck = deck_from_data(data)
    assert isinstance(deck, StrategyDeck)
    return deck


def _without_synergies(deck: StrategyDeck) -> StrategyDeck:
    return deck.model_copy(update={"synergies": []})


def _without_pair(deck: StrategyDeck, synergy: Any) -> StrategyDeck:
    return deck.model_copy(update={"synergies": [s for s in deck.synergies if s is not synergy]})


def _expected_raw(deck: StrategyDeck, ids: set[str], axis: str) -> int:
    """The law, written plainly: each card's effect, plus each synergy whose two cards are in, once."""
    total = sum(c.effects.get(axis, 0) for c in deck.cards if c.id in ids)
    return total + sum(s.effects.get(axis, 0) for s in deck.synergies if set(s.cards) <= ids)


def _reading(deck: StrategyDeck, picks: dict[str, list[str]]) -> Any:
    log = Log()
    for group, ids in picks.items():
        for card_id in ids:
            log.pick(group, card_id)
    return score_strategy(deck, fold(log.events).sequence(SEQ), GROUPS)


@settings(max_examples=150, deadline=None)
@given(deck=decks(), data=st.data())
def test_a_synergy_counts_once_when_both_cards_are_in(deck: StrategyDeck, data: Any) -> None:
    ids = data.draw(st.sets(st.sampled_from([c.id for c in deck.cards])))
    picked = [c for c in deck.cards if c.id in ids]
    for axis in AXES:
        assert raw_effect(deck, picked, axis) == _expected_raw(deck, ids, axis)
    expected = {a: place(_expected_raw(deck, ids, a), *bounds(deck, a)) if picked else None for a in AXES}
    assert strategy_axis_scores(deck, picked) == expected


@settings(max_examples=150, deadline=None)
@given(deck=decks(), data=st.data())
def test_the_pick_order_changes_nothing(deck: StrategyDeck, data: Any) -> None:
    ids = data.draw(st.lists(st.sampled_from([c.id for c in deck.cards]), unique=True, min_size=1))
    shuffled = data.draw(st.permutations(ids))
    assert _reading(deck, {"g1": ids, "g2": list(shuffled)}).groups["g1"] == _reading(
        deck, {"g1": list(shuffled), "g2": ids}
    ).groups["g1"]
    cards = [deck.card(c) for c in ids]
    assert strategy_axis_scores(deck, cards) == strategy_axis_scores(deck, cards[::-1])


@settings(max_examples=150, deadline=None)
@given(deck=decks(), data=st.data())
def test_a_synergy_is_gone_once_either_card_is_dropped(deck: StrategyDeck, data: Any) -> None:
    assume(deck.synergies)
    synergy = data.draw(st.sampled_from(deck.synergies))
    others = data.draw(st.sets(st.sampled_from([c.id for c in deck.cards])))
    both = others | set(synergy.cards)
    gone = data.draw(st.sampled_from(synergy.cards))
    log = Log()
    for card_id in sorted(both):
        log.pick("g1", card_id)
    log.drop("g1", gone)
    state = fold(log.events).sequence(SEQ)
    left = [c for c in deck.cards if c.id in both - {gone}]
    assert set(state.picked("g1")) == both - {gone}
    for axis in AXES:
        assert raw_effect(deck, left, axis) == _expected_raw(deck, both - {gone}, axis)
        assert raw_effect(deck, left, axis) == raw_effect(_without_pair(deck, synergy), left, axis)
    reading = score_strategy(deck, state, GROUPS)
    assert {a: reading.groups["g1"].axes[a].score for a in AXES} == strategy_axis_scores(deck, left)


@settings(max_examples=150, deadline=None)
@given(deck=decks(), data=st.data())
def test_synergies_change_neither_the_budget_nor_the_maintenance(deck: StrategyDeck, data: Any) -> None:
    picks = {g: data.draw(st.lists(st.sampled_from([c.id for c in deck.cards]), unique=True)) for g in GROUPS}
    with_them = _reading(deck, picks)
    without = _reading(_without_synergies(deck), picks)
    for group in GROUPS:
        assert with_them.groups[group].budget == without.groups[group].budget
        assert with_them.groups[group].coverage == without.groups[group].coverage


def _legacy_scores(deck: StrategyDeck, picked: list[Any], shares: dict[str, float] | None) -> dict[str, Any]:
    """The strategy scoring as it was before synergies (copied from the previous release)."""
    out: dict[str, Any] = {}
    for axis in deck.axis_ids():
        if not picked:
            out[axis] = None
            continue
        items = tuple((c.cost, c.effects.get(axis, 0)) for c in deck.cards)
        best, worst = bounds_cached(deck.strategy.budget, items)
        raw = sum(c.effects.get(axis, 0) * (1.0 if shares is None else shares[c.delay]) for c in picked)
        if raw == 0:
            out[axis] = 50.0
        elif raw > 0:
            out[axis] = 50.0 + 50.0 * min(1.0, raw / best) if best > 0 else 100.0
        else:
            out[axis] = 50.0 - 50.0 * min(1.0, -raw / worst) if worst > 0 else 0.0
    return out


@settings(max_examples=150, deadline=None)
@given(deck=decks(), data=st.data())
def test_a_deck_without_synergies_scores_exactly_as_before(deck: StrategyDeck, data: Any) -> None:
    plain = _without_synergies(deck)
    ids = data.draw(st.sets(st.sampled_from([c.id for c in plain.cards])))
    picked = [c for c in plain.cards if c.id in ids]
    assert strategy_axis_scores(plain, picked) == _legacy_scores(plain, picked, None)
    for _label, shares in HORIZONS:
        assert horizon_scores(plain, picked, shares) == _legacy_scores(plain, picked, dict(shares))


def _within_budget(deck: StrategyDeck) -> list[set[str]]:
    ids = [c.id for c in deck.cards]
    return [
        set(chosen)
        for n in range(len(ids) + 1)
        for chosen in combinations(ids, n)
        if sum(deck.card(c).cost for c in chosen) <= deck.strategy.budget
    ]


@settings(max_examples=120, deadline=None)
@given(deck=decks(signs=1))
def test_the_best_bound_is_the_best_total_within_the_budget(deck: StrategyDeck) -> None:
    best, _worst = bounds(deck, "x")
    assert best == max(max(_expected_raw(deck, ids, "x") for ids in _within_budget(deck)), 0)


@settings(max_examples=120, deadline=None)
@given(deck=decks(signs=-1))
def test_the_worst_bound_is_the_worst_total_within_the_budget(deck: StrategyDeck) -> None:
    _best, worst = bounds(deck, "x")
    assert worst == max(-min(_expected_raw(deck, ids, "x") for ids in _within_budget(deck)), 0)


@settings(max_examples=100, deadline=None)
@given(deck=decks(), data=st.data())
def test_a_synergy_arrives_with_the_slower_of_its_cards(deck: StrategyDeck, data: Any) -> None:
    ids = data.draw(st.sets(st.sampled_from([c.id for c in deck.cards])))
    picked = [c for c in deck.cards if c.id in ids]
    for _label, shares in HORIZONS:
        for axis in AXES:
            expected = sum(c.effects.get(axis, 0) * shares[c.delay] for c in picked)
            for s in deck.synergies:
                if set(s.cards) <= ids:
                    slower = max((deck.card(c).delay for c in s.cards), key=lambda d: ORDER[d])
                    expected += s.effects.get(axis, 0) * shares[slower]
            assert abs(raw_effect(deck, picked, axis, shares) - expected) < 1e-9


def test_trees_on_the_permeable_car_park_give_more_shade_in_nature_en_ville() -> None:
    from core_samples import SHIPPED

    from workshop_app.core.deck_loader import load_deck

    deck = load_deck(SHIPPED["nature-en-ville"])
    assert isinstance(deck, StrategyDeck)
    trees, park, charter = (deck.card(c) for c in ("arbres-rues", "parking-permeable", "charte-arbre"))
    alone = raw_effect(deck, [charter, trees], "chaleur") + raw_effect(deck, [park], "chaleur")
    assert raw_effect(deck, [park, charter, trees], "chaleur") == alone + 1
    assert raw_effect(deck, [park, charter, trees], "biodiversite") == raw_effect(
        deck, [charter, trees], "biodiversite"
    ) + raw_effect(deck, [park], "biodiversite") + 1
    by_2030 = dict(HORIZONS)["2030"]
    # by 2030 only half the car park (« moyen »); the trees and their synergy (« long ») not yet
    assert raw_effect(deck, [park, charter, trees], "chaleur", by_2030) == 0.5
