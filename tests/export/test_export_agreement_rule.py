"""The agreement rule under the card-agreement table, in whole levels of each deck's scale: a card's answers
are whole levels, so « 0,75 niveau » (what 25 points are on 0–3) tells an elected official nothing."""

from __future__ import annotations

import pytest

from workshop_app.core.catalogue import find_deck
from workshop_app.core.deck import QuestionDeck
from workshop_app.export.pdf.sections.findings import agreement_rule

NBSP = "\u00a0"


def _rule(deck_id: str) -> str:
    deck = find_deck(deck_id)
    assert isinstance(deck, QuestionDeck)
    return agreement_rule(deck).replace(NBSP, " ")


@pytest.mark.parametrize("deck_id", ["et-si-33", "boussole-autodiagnostic", "entretiens-boussole"])
def test_on_0_to_4_one_level_agrees_and_two_diverge(deck_id: str) -> None:
    rule = _rule(deck_id)
    assert "(ici 1 niveau d’écart au plus, sur l’échelle de 0 à 4)" in rule
    assert "(2 niveaux d’écart ou plus)" in rule and "Entre les deux" not in rule


def test_on_0_to_3_agreement_is_the_same_answer_and_one_level_is_neither() -> None:
    rule = _rule("grille-decision")
    assert "(ici la même réponse, sur l’échelle de 0 à 3)" in rule
    assert "0,75" not in rule and "1,5" not in rule
    assert "(2 niveaux d’écart ou plus)" in rule
    assert "Entre les deux (1 niveau d’écart), elles ne sont comptées ni d’accord ni en désaccord." in rule


def test_a_signed_scale_counts_its_levels_too() -> None:
    assert "(ici 1 niveau d’écart au plus, sur l’échelle de −2 à +2)" in _rule("cotation-projet")
