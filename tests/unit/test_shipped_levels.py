"""Each shipped card describes its own levels (review decks.md §2.1, docs/decks-reading.md): every level of
the scale in plain words, different from one level and one card to the next, never the bare scale read
twice."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest

from workshop_app.core.deck import QuestionDeck


def _questions(decks: dict[str, Any], deck_id: str) -> QuestionDeck:
    deck = decks[deck_id]
    assert isinstance(deck, QuestionDeck)
    return deck


@pytest.mark.parametrize(
    "deck_id",
    ["et-si-33", "boussole-autodiagnostic", "entretiens-boussole", "cotation-projet", "grille-decision"],
)
def test_cards_describe_their_own_levels(decks: dict[str, Any], deck_id: str) -> None:
    """Level anchors on every card, so that tables rate alike (review decks.md §2.1): every level of the
    scale but « non concerné », in plain words, different from one level to the next."""
    deck = _questions(decks, deck_id)
    numeric = [o.id for o in deck.scale if o.value is not None]
    for card in deck.cards:
        assert sorted(card.levels) == sorted(numeric), card.id
        texts = [card.levels[i] for i in numeric]
        assert len(set(texts)) == len(texts), card.id
        assert all(20 <= len(x) <= 110 and x.endswith(".") for x in texts), card.id


def test_interviews_keep_the_autodiagnostic_levels_worded_for_one_service(decks: dict[str, Any]) -> None:
    """Entretiens copies the autodiagnostic's cards: the same anchors, but for one service interviewed."""
    mine = {c.id: c.levels for c in _questions(decks, "entretiens-boussole").cards}
    theirs = {c.id: c.levels for c in _questions(decks, "boussole-autodiagnostic").cards}
    assert mine.keys() == theirs.keys()
    differ = [(cid, k) for cid in mine for k in mine[cid] if mine[cid][k] != theirs[cid][k]]
    assert 1 <= len(differ) <= 6, differ  # a few words changed, not a second deck to maintain
    assert "quelques services" not in " ".join(v for lv in mine.values() for v in lv.values())



GENERIC_LEVEL = re.compile(
    r"^(Le besoin|Le sujet|Le risque|Le problème|La fragilité) est (connu|reconnu|discuté)e?, "
)


@pytest.mark.parametrize(
    "deck_id",
    ["et-si-33", "boussole-autodiagnostic", "entretiens-boussole", "cotation-projet", "grille-decision"],
)
def test_level_anchors_belong_to_their_card(decks: dict[str, Any], deck_id: str) -> None:
    """Read aloud (docs/decks-reading.md): a level worded like the generic scale (« Le besoin est reconnu,
    sans plan. ») anchors nothing; each card's levels name its own facts, and no two cards share one."""
    deck = _questions(decks, deck_id)
    seen: Counter[str] = Counter(text for card in deck.cards for text in card.levels.values())
    assert [text for text, n in seen.items() if n > 1] == []
    generic = [
        (card.id, level, text)
        for card in deck.cards
        for level, text in card.levels.items()
        if GENERIC_LEVEL.match(text) and len(text.split()) <= 7
    ]
    assert generic == []
    # read aloud, « 2 — Quelques actions isolées : Quelques actions isolées : … » says the label twice
    echoes = [
        (card.id, level)
        for card in deck.cards
        for level, text in card.levels.items()
        if text.casefold().startswith(deck.option(level).label.split(" — ", 1)[-1].casefold())
    ]
    assert echoes == []


def test_et_si_catches_a_generic_anchor() -> None:
    assert GENERIC_LEVEL.match("Le besoin est reconnu, sans plan.")
    assert GENERIC_LEVEL.match("Le sujet est connu, sans action.")
    assert not GENERIC_LEVEL.match("Le besoin est reconnu depuis des tensions passées, rien n’est organisé.")
