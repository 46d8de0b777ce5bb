"""The play page's key legend: « 0 Rien d'engagé · … · N Non concerné », never « N on concerné »."""

from __future__ import annotations

from pathlib import Path

from workshop_app.core.deck import QuestionDeck
from workshop_app.core.deck_loader import load_deck
from workshop_app.ui.play.question_row import scale_legend, short_label

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"


def test_the_shipped_scale_reads_right() -> None:
    deck = load_deck(SCENARIOS / "et-si-33.yaml")
    assert isinstance(deck, QuestionDeck)
    legend = scale_legend(deck)
    assert legend.startswith("0 Rien d’engagé · 1 ") or legend.startswith("0 Rien d'engagé · 1 ")
    assert legend.endswith("N Non concerné")
    assert [short_label(o) for o in deck.scale][-1] == "Non concerné"
    assert all(not short_label(o)[:1].isdigit() for o in deck.scale)
