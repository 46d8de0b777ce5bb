"""Properties of the compass scores (Hypothesis): a principle is the plain mean of its levers.

Whatever the deck and the answers: shuffling the cards changes nothing; duplicating the cards that inform one
lever (with the same answers) leaves every principle's score as it was, since a lever with more cards does not
weigh more; scores stay within 0–100 and inside the range shown beside them.
"""

from __future__ import annotations

from typing import Any

import pytest
from core_samples import SEQ, Log
from hypothesis import given, settings
from hypothesis import strategies as st

from workshop_app.core.deck import QuestionDeck
from workshop_app.core.deck_loader import deck_from_data
from workshop_app.core.scoring import CompassReading, QuestionScorer, score_questions
from workshop_app.core.state import fold

LEVERS = {"A": ["a1", "a2", "a3"], "B": ["b1", "b2"], "C": []}
TARGETS = [lv for axis, levers in LEVERS.items() for lv in (levers or [axis])]
OPTIONS = ["0", "1", "2", "3", "4", "nc", None]  # None: not answered
GROUPS = ["g1", "g2"]

Card = tuple[dict[str, int], dict[str, str | None]]  # (lever -> weight, group -> option)


def _deck(cards: list[Card]) -> QuestionDeck:
    data: dict[str, Any] = {
        "id": "prop",
        "title": "Propriétés",
        "version": "1",
        "mechanic": "questions",
        "compass": {
            "name": "P",
            "axes": [
                {"id": a, "label": a, **({"levers": [{"id": lv, "label": lv} for lv in lvs]} if lvs else {})}
                for a, lvs in LEVERS.items()
            ],
        },
        "scale": [{"id": str(v), "label": str(v), "value": v} for v in range(5)]
        + [{"id": "nc", "label": "Non concerné", "value": None}],
        "cards": [
            {
                "id": f"c{i}",
                "title": f"c{i}",
                "prompt": "p",
                "informs": [{"lever": lv, "weight": w} for lv, w in informs.items()],
            }
            for i, (informs, _) in enumerate(cards)
        ],
    }
    deck = deck_from_data(data)
    assert isinstance(deck, QuestionDeck)
    return deck


def _score(cards: list[Card]) -> CompassReading:
    log = Log()
    for i, (_, answers) in enumerate(cards):
        for group, option in answers.items():
            if option is not None:
                log.choose(group, f"c{i}", option)
    return score_questions(_deck(cards), fold(log.events).sequence(SEQ), GROUPS)


card_st = st.tuples(
    st.dictionaries(st.sampled_from(TARGETS), st.integers(1, 3), min_size=1, max_size=3),
    st.fixed_dictionaries({g: st.sampled_from(OPTIONS) for g in GROUPS}),
)
cards_st = st.lists(card_st, min_size=1, max_size=8)


def _axes(reading: CompassReading) -> list[tuple[str, float]]:
    """Every principle's score, room and tables, rounded (``-1`` for « no score yet »)."""
    return [
        (f"{name}/{k}", -1.0 if s.score is None else round(s.score, 9))
        for name, r in (("room", reading.room), *reading.groups.items())
        for k, s in r.axes.items()
    ]


@settings(max_examples=60, deadline=None)
@given(cards=cards_st, data=st.data())
def test_shuffling_the_cards_changes_no_score(cards: list[Card], data: st.DataObject) -> None:
    shuffled = data.draw(st.permutations(cards))
    assert _axes(_score(shuffled)) == _axes(_score(cards))


@settings(max_examples=60, deadline=None)
@given(cards=cards_st, lever=st.sampled_from(TARGETS), copies=st.integers(1, 3))
def test_duplicating_a_levers_cards_leaves_its_principle_as_it_was(
    cards: list[Card], lever: str, copies: int
) -> None:
    # Every card of this lever, copied: its own mean stays; its principle must not move. (A card shared with
    # another lever would reweigh that one too, so the lever's cards here inform it alone.)
    cards = [
        ({k: w for k, w in links.items() if k != lever or len(links) == 1}, answers)
        for links, answers in cards
    ]
    extra = [card for card in cards if lever in card[0]] * copies
    assert _axes(_score(cards + extra)) == _axes(_score(cards))


@settings(max_examples=60, deadline=None)
@given(cards=cards_st)
def test_scores_stay_in_bounds_and_inside_their_spread(cards: list[Card]) -> None:
    reading = _score(cards)
    for one in (reading.room, *reading.groups.values()):
        for axis, s in one.axes.items():
            levers = [one.levers[t].score for t in (LEVERS[axis] or [axis])]
            known = [v for v in levers if v is not None]
            if s.score is None:
                assert not known  # no lever scored: no principle score, never 0
                continue
            assert 0.0 <= s.score <= 100.0
            assert s.low is not None and s.high is not None
            assert s.low - 1e-9 <= s.score <= s.high + 1e-9
            if one is not reading.room:
                assert s.score == pytest.approx(sum(known) / len(known))  # the plain mean of its levers


def test_a_zero_and_a_four_show_their_spread_beside_the_room_mean() -> None:
    reading = _score([({"C": 1}, {"g1": "0", "g2": "4"})])
    room = reading.room.axes["C"]
    assert room.score == pytest.approx(50.0)
    assert (room.low, room.high) == (0.0, 100.0)
    assert room.spread_text() == "0–100"


@settings(max_examples=60, deadline=None)
@given(
    cards=cards_st,
    later=st.lists(st.tuples(st.sampled_from(GROUPS), st.sampled_from([*OPTIONS[:-1], "argue", "withdraw"]))),
)
def test_the_rooms_axes_alone_are_exactly_the_full_readings(
    cards: list[Card], later: list[tuple[str, str]]
) -> None:
    # the chart of the day (``compass_timeline``) reads only the room's axes, from one scorer, vote after vote
    # (answers changed afterwards, withdrawn, or only their argument changed: the same option, a new answer)
    deck, log = _deck(cards), Log()
    scorer = QuestionScorer(deck)
    votes = [(g, f"c{i}", o) for i, (_, ans) in enumerate(cards) for g, o in ans.items() if o is not None]
    votes += [(g, f"c{i % len(cards)}", o) for i, (g, o) in enumerate(later)]  # answers changed afterwards
    for group, card, option in votes:
        if option == "argue":
            log.argue(group, card, f"argument {len(log.events)}")
        elif option == "withdraw":
            log.withdraw(group, card)
        else:
            log.choose(group, card, option)
        state = fold(log.events).sequence(SEQ)
        full = score_questions(deck, state, GROUPS).room.axes
        assert scorer.room_axis_scores(state, GROUPS) == {a: s.score for a, s in full.items()}  # same floats
