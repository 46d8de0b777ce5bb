"""A strategy read at two horizons (core.horizon): by 2030 a « moyen » card gives half its effect and a
« long » one nothing yet; by 2050 the reading is the compass's own score."""

from __future__ import annotations

from core_samples import SHIPPED
from hypothesis import given, settings
from hypothesis import strategies as st

from workshop_app.core.deck import StrategyDeck
from workshop_app.core.deck_loader import load_deck
from workshop_app.core.horizon import HORIZONS, place, read_horizons
from workshop_app.core.scoring import strategy_axis_scores
from workshop_app.core.strategy_rules import bounds as _bounds
from workshop_app.core.strategy_rules import place as _place

DECK = load_deck(SHIPPED["nature-en-ville"])
assert isinstance(DECK, StrategyDeck)


def test_by_2050_the_reading_is_the_compass_score() -> None:
    picked = [DECK.card(c) for c in ("cours-oasis", "renaturation-friche", "jardins-partages")]
    reading = read_horizons(DECK, picked)
    assert [label for label, _ in HORIZONS] == ["2030", "2050"]
    assert reading.scores["2050"] == strategy_axis_scores(DECK, picked)


def test_a_long_card_gives_nothing_by_2030_and_a_medium_one_half() -> None:
    friche = DECK.card("renaturation-friche")
    assert friche.delay == "long"
    assert set(read_horizons(DECK, [friche]).scores["2030"].values()) == {50.0}
    oasis = DECK.card("cours-oasis")
    assert oasis.delay == "moyen"
    by_2030 = read_horizons(DECK, [oasis]).scores["2030"]
    for axis, effect in oasis.effects.items():
        assert by_2030[axis] == place(effect / 2, *_bounds(DECK, axis))
    quick = DECK.card("parcours-fraicheur")
    assert quick.delay == "court"
    assert read_horizons(DECK, [quick]).scores["2030"] == strategy_axis_scores(DECK, [quick])


def test_no_card_reads_as_not_filled_at_both_horizons() -> None:
    reading = read_horizons(DECK, [])
    assert all(v is None for horizon in reading.scores.values() for v in horizon.values())


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([c.id for c in DECK.cards]), unique=True, max_size=8))
def test_the_horizons_compare_on_one_scale(ids: list[str]) -> None:
    """Same bounds at both horizons: an axis whose picked effects all point one way never reads further
    from 50 in 2030 than in 2050 (effects only arrive with time)."""
    picked = [DECK.card(c) for c in ids]
    reading = read_horizons(DECK, picked)
    for axis in DECK.axis_ids():
        effects = [c.effects.get(axis, 0) for c in picked]
        early, late = reading.scores["2030"][axis], reading.scores["2050"][axis]
        if not picked:
            assert early is None and late is None
            continue
        assert early is not None and late is not None
        if all(e >= 0 for e in effects):
            assert 50.0 <= early <= late
        if all(e <= 0 for e in effects):
            assert late <= early <= 50.0


@given(st.integers(-30, 30), st.integers(0, 20), st.integers(0, 20))
def test_place_agrees_with_the_compass_rule_on_whole_numbers(raw: int, best: int, worst: int) -> None:
    assert place(float(raw), best, worst) == _place(raw, best, worst)
