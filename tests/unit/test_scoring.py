"""Compass scoring, checked against numbers worked out by hand (see the decks in ``core_samples``)."""

from __future__ import annotations

from typing import Any

import pytest
from core_samples import SEQ, Log, question_deck, strategy_data, strategy_deck

from workshop_app.core.deck import StrategyDeck
from workshop_app.core.deck_loader import deck_from_data
from workshop_app.core.scoring import (
    ROOM,
    Budget,
    QuestionScorer,
    Violation,
    score,
    score_questions,
    score_strategy,
)
from workshop_app.core.state import fold


def _state(log: Log):
    return fold(log.events).sequence(SEQ)


# -- questions


def test_weighted_lever_and_axis_scores() -> None:
    log = Log()
    log.choose("g1", "c1", "4")  # 1.0 on a1 (weight 1)
    log.choose("g1", "c2", "2")  # 0.5 on a1 (weight 2) and on a2 (weight 1)
    reading = score_questions(question_deck(), _state(log), ["g1"]).groups["g1"]

    assert reading.levers["a1"].score == pytest.approx(100 * (1 * 1.0 + 2 * 0.5) / 3)  # 66.67
    assert reading.levers["a2"].score == pytest.approx(50.0)
    # Axis A is the plain mean of its levers (66.67 and 50), not of its three links (which gave 62.5): a
    # lever with more cards must not outweigh the others. The levers' range stands beside the mean.
    assert reading.axes["A"].score == pytest.approx((200 / 3 + 50) / 2)
    assert (reading.axes["A"].low, reading.axes["A"].high) == pytest.approx((50.0, 200 / 3))
    assert reading.axes["A"].coverage == pytest.approx(1.0)
    # c2 informs both levers of A: it is one card of that principle, counted once (it was two links).
    assert (reading.axes["A"].answered, reading.axes["A"].total) == (2, 2)
    # Axis B: its only card is unanswered: no score (never 0) and no coverage.
    assert reading.axes["B"].score is None
    assert reading.axes["B"].coverage == 0.0
    assert reading.levers["B"].score is None
    # Group coverage: 3 of 4 links answered.
    assert reading.coverage == pytest.approx(0.75)


def test_not_concerned_leaves_the_denominator_but_counts_as_answered() -> None:
    log = Log()
    log.choose("g2", "c1", "nc")
    log.choose("g2", "c2", "0")
    log.choose("g2", "c3", "nc")
    reading = score_questions(question_deck(), _state(log), ["g2"]).groups["g2"]

    a1 = reading.levers["a1"]
    assert a1.score == pytest.approx(0.0)  # only c2 (value 0) counts: 0, not None
    assert (a1.answered, a1.total, a1.not_concerned) == (2, 2, 1)
    assert a1.coverage == pytest.approx(1.0)
    b = reading.axes["B"]
    assert b.score is None  # everything « non concerné »: nothing to score…
    assert b.coverage == pytest.approx(1.0)  # …but the card was answered
    assert b.not_concerned == 1
    assert reading.coverage == pytest.approx(1.0)


def test_room_pools_every_answer_once() -> None:
    log = Log()
    log.choose("g1", "c1", "4")
    log.choose("g1", "c2", "2")
    log.choose("g2", "c1", "nc")
    log.choose("g2", "c2", "0")
    reading = score_questions(question_deck(), _state(log), ["g1", "g2"])

    # a1: g1 c1 (w1, 1.0), g1 c2 (w2, 0.5), g2 c1 (nc, out), g2 c2 (w2, 0.0) -> 2 / 5
    assert reading.room.levers["a1"].score == pytest.approx(40.0)
    assert reading.room.levers["a1"].coverage == pytest.approx(1.0)
    assert (reading.room.levers["a1"].answered, reading.room.levers["a1"].total) == (4, 4)
    # Room coverage: 6 of the 8 links (4 per group) answered (c3 unanswered by both).
    assert reading.room.coverage == pytest.approx(6 / 8)
    assert reading.reading(ROOM) is reading.room
    assert reading.reading("g1") is reading.groups["g1"]


def test_nothing_answered_gives_none_not_zero() -> None:
    reading = score_questions(question_deck(), _state(Log()), ["g1", "g2"])
    for group in [*reading.groups.values(), reading.room]:
        assert all(s.score is None for s in group.axes.values())
        assert all(s.score is None for s in group.levers.values())
        assert group.coverage == 0.0


def test_no_groups_at_all() -> None:
    reading = score_questions(question_deck(), _state(Log()), [])
    assert reading.groups == {}
    assert reading.room.coverage == 0.0
    assert reading.room.axes["A"].score is None


def test_unknown_option_counts_as_unanswered() -> None:
    log = Log()
    log.choose("g1", "c1", "7")  # e.g. a scale option removed from a later version of the deck
    reading = score_questions(question_deck(), _state(log), ["g1"]).groups["g1"]
    assert reading.levers["a1"].score is None
    assert reading.levers["a1"].answered == 0


def test_groups_outside_the_list_are_ignored() -> None:
    log = Log()
    log.choose("g1", "c3", "4")
    log.choose("ghost", "c3", "0")  # a group removed from the workshop
    reading = score_questions(question_deck(), _state(log), ["g1"])
    assert set(reading.groups) == {"g1"}
    assert reading.room.axes["B"].score == pytest.approx(100.0)


def test_scale_not_starting_at_zero_is_rescaled() -> None:
    from core_samples import question_data

    data = question_data()
    data["scale"] = [
        {"id": "faible", "label": "Faible", "value": 1},
        {"id": "moyen", "label": "Moyen", "value": 3},
        {"id": "fort", "label": "Fort", "value": 5},
    ]
    deck = deck_from_data(data)
    log = Log()
    log.choose("g1", "c3", "moyen")
    reading = score(deck, _state(log), ["g1"]).groups["g1"]
    assert reading.axes["B"].score == pytest.approx(50.0)  # (3 - 1) / (5 - 1)


def test_changing_a_choice_changes_the_score() -> None:
    log = Log()
    log.choose("g1", "c3", "0")
    log.choose("g1", "c3", "3")
    reading = score_questions(question_deck(), _state(log), ["g1"]).groups["g1"]
    assert reading.axes["B"].score == pytest.approx(75.0)
    log.withdraw("g1", "c3")
    reading = score_questions(question_deck(), _state(log), ["g1"]).groups["g1"]
    assert reading.axes["B"].score is None


# -- strategy
# Bounds within the budget of 10 (worked out by hand, free card k4 always counts):
#   x: best = k4 (1) + k1 (2) + k2 (1) = 4 ; worst = k3 (2)
#   y: best = k2 (2) ; worst = k1 (1)


def _strategy(picks: dict[str, list[str]], groups: list[str] | None = None):
    log = Log()
    for group, cards in picks.items():
        for card in cards:
            log.pick(group, card)
    return score_strategy(strategy_deck(), _state(log), groups or list(picks))


def test_budget_spent_and_scores_within_budget() -> None:
    reading = _strategy({"g1": ["k1", "k2"]}).groups["g1"]
    assert reading.budget == Budget(10, 10, ())
    assert reading.budget.remaining == 0
    assert not reading.budget.over
    assert reading.coverage == pytest.approx(1.0)
    assert reading.axes["x"].score == pytest.approx(50 + 50 * 3 / 4)  # raw 3 of best 4
    assert reading.axes["y"].score == pytest.approx(50 + 50 * 1 / 2)  # raw -1 + 2 = 1 of best 2


def test_requires_violation_is_reported() -> None:
    reading = _strategy({"g2": ["k2"]}).groups["g2"]
    assert reading.budget is not None
    assert reading.budget.spent == 6
    assert reading.coverage == pytest.approx(0.6)
    assert reading.budget.violations == (Violation("k2", "requires", "k1"),)
    assert reading.axes["x"].score == pytest.approx(62.5)
    assert reading.axes["y"].score == pytest.approx(100.0)


def test_excludes_violation_is_reported_once() -> None:
    reading = _strategy({"g3": ["k1", "k3"]}).groups["g3"]
    assert reading.budget is not None
    assert reading.budget.violations == (Violation("k3", "excludes", "k1"),)
    assert reading.axes["x"].score == pytest.approx(50.0)  # +2 - 2
    assert reading.axes["y"].score == pytest.approx(50.0)  # -1 + 1


def test_excludes_declared_on_both_sides_is_one_violation() -> None:
    data = strategy_data()
    data["cards"][0]["excludes"] = ["k3"]
    deck = deck_from_data(data)
    assert isinstance(deck, StrategyDeck)
    log = Log()
    log.pick("g", "k1")
    log.pick("g", "k3")
    budget = score_strategy(deck, _state(log), ["g"]).groups["g"].budget
    assert budget is not None
    assert budget.violations == (Violation("k1", "excludes", "k3"),)
    # Picked the other way round: the same violation, named the same way.
    log = Log()
    log.pick("g", "k3")
    log.pick("g", "k1")
    budget = score_strategy(deck, _state(log), ["g"]).groups["g"].budget
    assert budget is not None
    assert budget.violations == (Violation("k1", "excludes", "k3"),)


def test_over_budget_is_reported_and_scores_stay_in_bounds() -> None:
    reading = _strategy({"g4": ["k1", "k2", "k3", "k4", "k5"]}).groups["g4"]
    assert reading.budget is not None
    assert reading.budget.spent == 27
    assert reading.budget.over
    assert reading.budget.remaining == -17
    assert reading.coverage == pytest.approx(1.0)  # capped
    # raw x = 2 + 1 - 2 + 1 + 2 = 4 = best: 100; raw y = -1 + 2 + 1 = 2 = best: 100
    assert reading.axes["x"].score == pytest.approx(100.0)
    assert reading.axes["y"].score == pytest.approx(100.0)


def test_beyond_the_best_reachable_is_capped_at_100() -> None:
    reading = _strategy({"g": ["k1", "k2", "k4", "k5"]}).groups["g"]
    assert reading.axes["x"].score == pytest.approx(100.0)  # raw 6 > best 4


def test_unaffordable_card_is_capped_not_sent_back_to_neutral() -> None:
    """Regression: when no card fits the budget on an axis (best == 0), a group over budget got 50."""
    data = strategy_data()
    data["compass"]["axes"].append({"id": "z", "label": "Z"})
    data["cards"][4]["effects"] = {"x": 2, "z": 2}  # k5 (cost 12 > budget 10) is the only card acting on z
    data["cards"][1]["effects"] = {"x": 1, "y": 2, "z": -1}
    deck = deck_from_data(data)
    log = Log()
    log.pick("g", "k5")
    log.pick("h", "k5")
    log.pick("h", "k2")
    log.pick("h", "k2")  # a second pick of the same card changes nothing
    reading = score(deck, _state(log), ["g", "h"])
    assert reading.groups["g"].axes["z"].score == pytest.approx(100.0)
    assert reading.groups["h"].axes["z"].score == pytest.approx(100.0)  # +2 - 1 = +1, best is 0
    log.drop("g", "k5")
    log.pick("g", "k2")
    reading = score(deck, _state(log), ["g"])
    assert reading.groups["g"].axes["z"].score == pytest.approx(0.0)  # -1, worst reachable is 1


def test_fifty_means_no_effect() -> None:
    data = strategy_data()
    data["cards"][3]["effects"] = {}  # k4: no effect at all
    deck = deck_from_data(data)
    log = Log()
    log.pick("g", "k4")
    reading = score(deck, _state(log), ["g"]).groups["g"]
    assert reading.axes["x"].score == pytest.approx(50.0)
    assert reading.axes["y"].score == pytest.approx(50.0)
    assert reading.coverage == 0.0  # a free card spends nothing


def test_no_pick_gives_none_and_room_averages_playing_groups() -> None:
    reading = _strategy(
        {"g1": ["k1", "k2"], "g2": ["k2"], "g3": ["k1", "k3"], "g5": []}, ["g1", "g2", "g3", "g4", "g5"]
    )
    for idle in ("g4", "g5"):
        assert all(s.score is None for s in reading.groups[idle].axes.values())
        assert reading.groups[idle].coverage == 0.0
    # x: (87.5 + 62.5 + 50) / 3 ; coverage of the room's axis score: 3 of 5 groups
    assert reading.room.axes["x"].score == pytest.approx((87.5 + 62.5 + 50.0) / 3)
    assert reading.room.axes["x"].coverage == pytest.approx(3 / 5)
    assert reading.room.coverage == pytest.approx((1.0 + 0.6 + 0.9 + 0 + 0) / 5)


def test_dropped_and_unknown_cards_do_not_count() -> None:
    log = Log()
    log.pick("g", "k1")
    log.pick("g", "k2")
    log.drop("g", "k2")
    log.pick("g", "retired-card")  # from an older version of the deck
    reading = score_strategy(strategy_deck(), _state(log), ["g"]).groups["g"]
    assert reading.budget is not None
    assert reading.budget.spent == 4
    assert reading.axes["x"].score == pytest.approx(75.0)  # raw 2 of 4
    assert reading.axes["y"].score == pytest.approx(0.0)  # raw -1 of worst 1


def test_violation_describe_names_the_cards() -> None:
    deck = strategy_deck()
    assert Violation("k2", "requires", "k1").describe(deck) == "« Carte k2 » demande aussi « Carte k1 »"
    assert (
        Violation("k3", "excludes", "k1").describe(deck) == "« Carte k3 » est incompatible avec « Carte k1 »"
    )


def test_a_reused_scorer_matches_a_fresh_one_and_tallies_only_the_changed_group() -> None:
    deck = question_deck()
    scorer = QuestionScorer(deck)
    tallied: list[tuple[str | None, ...]] = []
    original = scorer._tally

    def counting(options: tuple[str | None, ...]) -> Any:
        tallied.append(options)
        return original(options)

    scorer._tally = counting  # type: ignore[method-assign]
    log = Log()
    groups = ["g1", "g2", "g3"]
    steps = [
        lambda: log.choose("g1", "c1", "4"),
        lambda: log.choose("g2", "c2", "nc"),
        lambda: log.choose("g1", "c1", "1"),  # a changed choice
        lambda: log.argue("g3", "c3", "un argument"),  # no answer, nothing to score again
        lambda: log.choose("g3", "c3", "2"),
        lambda: log.withdraw("g2", "c2"),
        lambda: log.undo(log.events[-1].seq),  # the withdrawal taken back
    ]
    scorer.score(_state(log), groups)
    assert len(tallied) == 3  # every group once at first
    for step in steps:
        tallied.clear()
        step()
        state = _state(log)
        assert scorer.score(state, groups) == score_questions(deck, state, groups)
        assert len(tallied) <= 1  # a vote changes one group: only that one is tallied again
    assert scorer.score(_state(log), ["g1", "g3"]) == score_questions(deck, _state(log), ["g1", "g3"])


def test_maintenance_is_a_second_gauge_reported_beside_the_budget() -> None:
    data = strategy_data()
    data["strategy"]["maintenance_budget"] = 3
    data["cards"][0]["maintenance"] = 2
    data["cards"][3]["maintenance"] = 2
    deck = deck_from_data(data)
    assert isinstance(deck, StrategyDeck)
    log = Log()
    log.pick("g", "k1")
    log.pick("g", "k4")
    reading = score_strategy(deck, _state(log), ["g", "h"])
    budget = reading.groups["g"].budget
    assert budget is not None
    assert (budget.upkeep, budget.upkeep_budget, budget.upkeep_over) == (4, 3, True)
    assert not budget.over  # 4 points of 10: only the maintenance is over
    # The room's axis shows the range of the tables that played (one table: a single value).
    assert reading.room.axes["x"].low == reading.room.axes["x"].high == reading.groups["g"].axes["x"].score
    # Without a maintenance budget, the upkeep is still counted but never over.
    plain = score_strategy(strategy_deck(), _state(log), ["g"]).groups["g"].budget
    assert plain is not None and plain.upkeep_budget is None and not plain.upkeep_over
