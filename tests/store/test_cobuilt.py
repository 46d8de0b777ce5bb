"""Criteria built during the workshop are written into every sequence of the grid (``store.cobuilt``), kept
after reopening the database, and the answers already recorded keep their meaning."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from workshop_app.core.deck import QuestionDeck
from workshop_app.core.deck_loader import load_deck
from workshop_app.core.errors import AtelierError
from workshop_app.store.service import WorkshopStore, open_store

GRID = Path(__file__).resolve().parents[2] / "scenarios" / "grille-decision.yaml"


def test_a_criterion_reaches_every_action_and_survives_reopening(
    store: WorkshopStore, store_url: str
) -> None:
    deck = load_deck(GRID)
    assert isinstance(deck, QuestionDeck)
    info = store.create_workshop("Grille — Centre-Est")
    table = store.add_group(info.id, "Table 1")
    with pytest.raises(AtelierError, match="Ajoutez d’abord une action"):
        store.add_criterion(info.id, deck.id, "Coût")
    first = store.add_sequence(info.id, deck, title="Parc inondable")
    second = store.add_sequence(info.id, deck, title="Cours d’école désimperméabilisée")
    store.record_choice(info.id, first.id, table.id, "k1", "3", "Protège le quartier bas")
    cost = store.add_criterion(info.id, deck.id, "Coût pour la commune", weight=2)
    assert re.fullmatch(r"k2-[0-9a-f]{8}", cost)  # numbered, and never met on another copy
    with pytest.raises(AtelierError, match="existe déjà"):
        store.add_criterion(info.id, deck.id, "coût pour la commune")
    store.record_choice(info.id, second.id, table.id, cost, "1", "Cher")
    snapshot = store.snapshot(info.id)
    for seq in snapshot.sequences:
        assert [c.id for c in seq.deck.cards] == ["k1", cost]
        assert seq.deck.compass.axes[-1].label == "Coût pour la commune"
    store.close()
    with open_store(store_url) as again:
        reread = again.snapshot(info.id)
        assert all(len(s.deck.cards) == 2 for s in reread.sequences)
        state = reread.state()
        assert state.sequences[first.id].answers[(table.id, "k1")].option == "3"
        assert state.sequences[second.id].answers[(table.id, cost)].argument == "Cher"
