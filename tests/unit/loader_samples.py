"""Two small valid decks, kept line for line, and helpers that break one line and return the one issue
the loader reports: shared by ``test_deck_loader.py`` (the deck's content) and
``test_deck_loader_yaml.py`` (YAML itself, files)."""

from __future__ import annotations

import pytest

from workshop_app.core.deck_loader import DeckIssue, DeckLoadError, parse_deck

# Line numbers matter: the tests refer to them.
NATURE = """\
# Jeu d'essai pour les tests du chargeur
format: 1
id: nature-essai
title: Nature (essai)
version: "1"
mechanic: strategy
compass:
  name: Axes
  axes:
    - id: chaleur
      label: Chaleur
      colour: "#D55E00"
    - id: biodiversite
      label: Biodiversité
strategy:
  budget: 10
cards:
  - id: arbres
    title: Planter des arbres
    prompt: Des arbres.
    cost: 4
    delay: long
    effects: {chaleur: 2, biodiversite: 1}
  - id: noues
    title: Créer des noues
    prompt: Des noues.
    cost: 2
    delay: court
    effects: {biodiversite: 1}
  - id: charte
    title: Charte de l'arbre
    prompt: Une charte.
    cost: 1
    delay: court
    effects: {chaleur: 1}
  - id: toits
    title: Toits végétalisés
    prompt: Des toits.
    cost: 6
    delay: moyen
    effects: {chaleur: 1, biodiversite: 1}
    requires: [charte]
    excludes: [noues]
"""

BOUSSOLE = """\
format: 1
id: boussole-essai
title: Boussole (essai)
version: "1"
mechanic: questions
compass:
  name: Boussole
  axes:
    - id: p1
      label: Stratégies et gouvernances intégrées et adaptatives
      colour: "#0072B2"
      levers:
        - id: "1.1"
          label: Gouvernance partagée
          source: officiel
        - id: "1.2"
          label: Coopération
scale:
  - {id: "0", label: Rien, value: 0, key: "0"}
  - {id: "4", label: Tout, value: 4, key: "4"}
  - {id: nc, label: Non concerné, value: null, key: n}
cards:
  - id: q01
    title: Et si une canicule ?
    prompt: Une canicule.
    informs:
      - {lever: "1.1", weight: 2}
  - id: q02
    title: Et si une crue ?
    prompt: Une crue.
    help: Écouter.
    informs:
      - lever: "1.2"
"""


def edit(text: str, line: int, new: str) -> str:
    """Replace one line (1-based), keeping every other line where it was."""
    lines = text.split("\n")
    assert 1 <= line <= len(lines)
    lines[line - 1] = new
    return "\n".join(lines)


def issue_of(text: str, name: str) -> DeckIssue:
    with pytest.raises(DeckLoadError) as caught:
        parse_deck(text, name)
    assert len(caught.value.issues) == 1, caught.value.issues
    return caught.value.issues[0]


def nature_issue(line: int, new: str) -> DeckIssue:
    return issue_of(edit(NATURE, line, new), "nature.yaml")


def boussole_issue(line: int, new: str) -> DeckIssue:
    return issue_of(edit(BOUSSOLE, line, new), "boussole.yaml")
