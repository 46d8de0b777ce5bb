"""The decision grid (``core.criteria``): criteria added during the workshop, and the weighted ranking."""

from __future__ import annotations

import pytest
from core_samples import SCENARIOS, Log
from hypothesis import given, settings
from hypothesis import strategies as st

from workshop_app.core.criteria import ranking, weights, with_criterion
from workshop_app.core.deck import QuestionDeck
from workshop_app.core.deck_loader import load_deck
from workshop_app.core.errors import AtelierError
from workshop_app.core.events import EventKind
from workshop_app.core.state import fold
from workshop_app.core.subjects import subject_matrices
from workshop_app.core.workshop import SequenceInfo


def _grid() -> QuestionDeck:
    deck = load_deck(SCENARIOS / "grille-decision.yaml")
    assert isinstance(deck, QuestionDeck) and deck.cobuilt is not None
    return deck


def test_a_criterion_becomes_an_axis_and_its_card() -> None:
    deck = with_criterion(_grid(), "  Faisable avant   la fin du mandat ", weight=2)
    assert [a.label for a in deck.compass.axes][-1] == "Faisable avant la fin du mandat"
    card = deck.cards[-1]
    assert card.id == deck.compass.axes[-1].id == "k2"
    assert card.informs[0].lever == "k2" and weights(deck)["k2"] == 2
    assert "« Faisable avant la fin du mandat »" in card.prompt.replace("\u00a0", " ")


@pytest.mark.parametrize(
    ("label", "message"),
    [("", "Donnez un nom"), ("contribution à la résilience du territoire", "existe déjà")],
)
def test_a_bad_criterion_is_refused_in_french(label: str, message: str) -> None:
    with pytest.raises(AtelierError, match=message):
        with_criterion(_grid(), label)


def test_no_more_criteria_than_the_deck_allows() -> None:
    deck = _grid()
    assert deck.cobuilt is not None
    for i in range(deck.cobuilt.max_count - 1):
        deck = with_criterion(deck, f"Critère {i}")
    with pytest.raises(AtelierError, match="le maximum"):
        with_criterion(deck, "Un de trop")


def _matrix(deck: QuestionDeck, ratings: list[dict[str, list[str]]]):  # type: ignore[no-untyped-def]
    """ratings[action] = {card id: [option of each table]}"""
    seqs = [SequenceInfo(f"s{i}", i, deck, title=f"Action {i}") for i in range(len(ratings))]
    log = Log()
    for i, by_card in enumerate(ratings):
        for card, options in by_card.items():
            for t, option in enumerate(options):
                log.add(
                    EventKind.CHOICE_RECORDED, f"t{t}", card, sequence=f"s{i}", option=option, argument=""
                )
    [matrix] = subject_matrices(seqs, fold(log.events), ["t0", "t1"])
    return matrix


def test_ranking_is_weighted_by_the_criteria() -> None:
    deck = with_criterion(_grid(), "Coût", weight=3)
    matrix = _matrix(
        deck,
        [
            {"k1": ["3", "3"], "k2": ["0", "0"]},  # (3·1 + 0·3) / 4 = 0.75
            {"k1": ["1", "1"], "k2": ["2", "2"]},  # (1 + 6) / 4 = 1.75
            {"k1": ["nsp", "nsp"]},  # not rated
        ],
    )
    ranked = ranking(matrix)
    assert [r.sequence.display_title for r in ranked] == ["Action 1", "Action 0", "Action 2"]
    assert ranked[0].score == pytest.approx(1.75) and ranked[0].rated == 2
    assert ranked[2].score is None and ranked[2].rated == 0
    assert matrix.text(ranked[0].score) == "1,8"  # a scale from 0: no plus sign


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("0123"), st.sampled_from("0123")), min_size=1, max_size=5))
def test_ranking_is_sorted_and_within_the_scale(actions: list[tuple[str, str]]) -> None:
    deck = with_criterion(_grid(), "Acceptable", weight=2)
    ranked = ranking(_matrix(deck, [{"k1": [a, a], "k2": [b, b]} for a, b in actions]))
    scores = [r.score for r in ranked]
    assert all(s is not None and 0 <= s <= 3 for s in scores)
    assert scores == sorted(scores, reverse=True)  # type: ignore[type-var]
    for r, (a, b) in ((r, actions[int(r.sequence.id[1:])]) for r in ranked):
        assert r.score == pytest.approx((int(a) + 2 * int(b)) / 3)
    assert [r.rank for r in ranked] == list(range(1, len(actions) + 1))


def test_criteria_of_two_copies_merge_by_id_in_one_order() -> None:
    from workshop_app.core.criteria import merge_criteria

    base = _grid()
    a = with_criterion(base, "Coût", unique="aaaa0001")
    b = with_criterion(with_criterion(base, "Délai", unique="bbbb0001"), "Bruit", unique="bbbb0002")
    ab, ba = merge_criteria(a, b), merge_criteria(b, a)
    assert ab is not None and ba is not None
    expected = ["k1", "k2-aaaa0001", "k2-bbbb0001", "k3-bbbb0002"]
    assert [c.id for c in ab.cards] == [c.id for c in ba.cards] == expected
    assert merge_criteria(ab, a) is ab  # nothing new: the same deck
    clash = with_criterion(base, "Autre chose")  # k2 here, k2 there: one id, two criteria
    assert merge_criteria(with_criterion(base, "Coût"), clash) is None
    for name, deck in (("a", a), ("b", b)):
        for i in range(6):
            deck = with_criterion(deck, f"Critère {name}{i}", unique=f"{name * 4}{i:04d}")
        a, b = (deck, b) if name == "a" else (a, deck)
    with pytest.raises(AtelierError, match="plus que les 12 que permet ce jeu"):
        merge_criteria(a, b)  # 7 + 8 criteria together, 12 at most
