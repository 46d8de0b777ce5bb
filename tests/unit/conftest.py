"""Fixtures of the unit tests."""

from __future__ import annotations

import pytest
from core_samples import SHIPPED

from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.core.deck_loader import load_deck


@pytest.fixture(scope="module")
def decks() -> dict[str, QuestionDeck | StrategyDeck]:
    """The shipped decks, loaded from their files once per module."""
    return {deck_id: load_deck(path) for deck_id, path in SHIPPED.items()}
