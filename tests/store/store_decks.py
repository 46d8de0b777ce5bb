"""Small decks written for the store's tests (the shipped decks are tested where they live)."""

from __future__ import annotations

from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.core.deck_loader import parse_deck

QUESTIONS = """
id: test-questions
title: Questions de test
version: "1.0"
mechanic: questions
compass:
  name: Boussole (test)
  axes:
    - id: p1
      label: Stratégies et gouvernances
      colour: "#1F77B4"
      levers:
        - {id: "1.1", label: Gouvernance partagée, source: officiel}
        - {id: "1.2", label: Coopération multi-échelle}
    - id: p2
      label: Cohésion sociale
      levers:
        - {id: "2.1", label: Culture partagée}
scale:
  - {id: "0", label: Rien, value: 0}
  - {id: "1", label: Un peu, value: 1}
  - {id: "2", label: En partie, value: 2}
  - {id: "3", label: Largement, value: 3}
  - {id: "4", label: Pleinement, value: 4}
  - {id: nc, label: Non concerné, value: null}
cards:
  - id: q1
    title: "Et si la canicule durait trois semaines ?"
    prompt: "Qui appelle les personnes isolées ?"
    informs: [{lever: "1.1"}, {lever: "2.1", weight: 2}]
  - {id: q2, title: "Et si l'eau manquait ?", prompt: "Quels usages couper ?", informs: [{lever: "1.2"}]}
  - {id: q3, title: "Et si la route était coupée ?", prompt: "Ravitailler ?", informs: [{lever: "2.1"}]}
"""

STRATEGY = """
id: test-strategy
title: Stratégie de test
version: "2.1"
mechanic: strategy
strategy: {budget: 10, budget_unit: points}
compass:
  name: Nature en ville (test)
  axes:
    - {id: chaleur, label: Adaptation à la chaleur}
    - {id: eau, label: Gestion de l'eau}
cards:
  - {id: s1, title: Planter des arbres, prompt: "Cours d'école", cost: 4, delay: moyen, effects: {chaleur: 2}}
  - {id: s2, title: Désimperméabiliser, prompt: Parkings, cost: 5, delay: long, effects: {eau: 2, chaleur: 1},
     requires: [s1]}
  - {id: s3, title: Brumisateurs, prompt: "Places", cost: 2, delay: court, effects: {chaleur: 1, eau: -1},
     excludes: [s2]}
"""


def question_deck() -> QuestionDeck:
    deck = parse_deck(QUESTIONS, "test-questions.yaml")
    assert isinstance(deck, QuestionDeck)
    return deck


def strategy_deck() -> StrategyDeck:
    deck = parse_deck(STRATEGY, "test-strategy.yaml")
    assert isinstance(deck, StrategyDeck)
    return deck


def boussole_like_deck(n_cards: int = 33) -> QuestionDeck:
    """A Boussole-shaped questions deck (6 principles × 3 levers, scale 0–4 + « nc »), ``n_cards`` cards."""
    from workshop_app.core.deck_loader import deck_from_data

    axes = [
        {
            "id": f"p{a}",
            "label": f"Principe {a}",
            "levers": [{"id": f"{a}.{lv}", "label": f"Levier {a}.{lv}"} for lv in (1, 2, 3)],
        }
        for a in range(1, 7)
    ]
    scale = [{"id": str(v), "label": f"Niveau {v}", "value": v} for v in range(5)]
    scale.append({"id": "nc", "label": "Non concerné", "value": None})
    cards = [
        {
            "id": f"es-{i:02d}",
            "title": f"Et si… n° {i}",
            "prompt": "Que ferait le territoire ?",
            "informs": [{"lever": f"{i % 6 + 1}.{i % 3 + 1}"}],
        }
        for i in range(1, n_cards + 1)
    ]
    data = {
        "id": "boussole-test",
        "title": "Boussole (test)",
        "version": "1",
        "mechanic": "questions",
        "compass": {"name": "Boussole", "axes": axes},
        "scale": scale,
        "cards": cards,
    }
    deck = deck_from_data(data)
    assert isinstance(deck, QuestionDeck)
    return deck
