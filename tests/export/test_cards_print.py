"""Printed cards: fronts then backs, two (A5) or four (A6) to an A4 sheet, read back with pypdf."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.core.deck_loader import deck_from_data, load_deck
from workshop_app.core.synergy_text import effects_words
from workshop_app.export.cards_print import print_cards

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"


def _pages(path: Path) -> list[str]:
    return [" ".join((p.extract_text() or "").replace("\u00a0", " ").split()) for p in PdfReader(path).pages]


def _undrr() -> QuestionDeck:
    data = load_deck(SCENARIOS / "boussole-autodiagnostic.yaml").model_dump(mode="json")
    data["cards"] = data["cards"][:3]
    data["author_notes"] = "NOTE-AUTEUR-DU-JEU"
    first = data["cards"][0]
    first["levels"] = {o["id"]: f"Niveau propre {o['id']} de la carte" for o in data["scale"]}
    first["source"] = "UNDRR 2017, P1.1, traduction de travail"
    first["author_notes"] = "NOTE-AUTEUR-DE-CARTE"
    first["prompt"] = " ".join(f"mot{i}" for i in range(500))  # far too long for one card: shrunk, not cut
    deck = deck_from_data(data)
    assert isinstance(deck, QuestionDeck)
    return deck


def test_a5_fronts_then_backs_with_the_cards_own_levels(tmp_path: Path) -> None:
    deck = _undrr()
    target = tmp_path / "cartes.pdf"
    assert print_cards(deck, target, "a5") == 4  # 3 cards, 2 a sheet: 2 sheets, front and back
    pages = _pages(target)
    reader = PdfReader(target)
    assert all(round(float(p.mediabox.width)) == 595 for p in reader.pages)  # A4
    first = deck.cards[0]
    assert first.title in pages[0] and "Carte 1 / 3" in pages[0] and deck.cards[1].title in pages[0]
    assert "mot0 " in pages[0] and "mot499" in pages[0]  # every word of the long prompt is on the card
    assert "Échelle de réponse" in pages[1] and "Niveau propre 2 de la carte" in pages[1]
    assert "Source : UNDRR 2017, P1.1" in pages[1] and "Aide pour l’animateur" in pages[1]
    assert deck.cards[2].title in pages[2] and first.title not in pages[2]
    everything = " ".join(pages)
    assert "NOTE-AUTEUR" not in everything  # notes to deck authors are never printed


def test_a6_strategy_cards_show_cost_delay_and_effects_on_the_back(tmp_path: Path) -> None:
    deck = load_deck(SCENARIOS / "nature-en-ville.yaml")
    target = tmp_path / "nature.pdf"
    pages = print_cards(deck, target, "a6")
    assert pages == 2 * -(-len(deck.cards) // 4)
    text = _pages(target)
    assert "Coût : " in text[1] and "Délai : " in text[1] and "Effets : " in text[1]
    assert all(" ".join(c.title.replace("\u00a0", " ").split()) in text[0] for c in deck.cards[:4])
    assert isinstance(deck, StrategyDeck) and deck.synergies
    backs = " ".join(text[1::2]).replace("\u2019", "'")
    for synergy in deck.synergies:  # each card of a pair names the other, what the pair adds and why
        for card_id in synergy.cards:
            other = " ".join(deck.card(synergy.other(card_id)).title.replace("\u2019", "'").split())
            assert f"Renforcée avec « {other} » : {effects_words(deck, synergy.effects)}." in backs
        assert " ".join(synergy.reason.replace("\u2019", "'").replace("\u00a0", " ").split())[:60] in backs


@pytest.mark.parametrize("layout", ["a5", "a6"])
def test_the_cli_prints_a_shipped_deck(tmp_path: Path, layout: str) -> None:
    from workshop_app.cli import main

    target = tmp_path / f"cartes-{layout}.pdf"
    assert main(["deck", "print", "et-si-33", "-o", str(target), "--format", layout]) == 0
    assert len(PdfReader(target).pages) > 2
