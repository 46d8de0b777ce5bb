"""Broken decks: every problem names the file, the LINE and the field, in French.

Each case edits one line of a small valid deck (kept line for line in ``loader_samples``) and checks the exact
issue. This file covers the deck's content (references, types, values, strategy and question rules);
``test_deck_loader_yaml.py`` covers YAML itself (nothing is executed) and the files.
"""

from __future__ import annotations

import pytest
from loader_samples import BOUSSOLE, NATURE, boussole_issue, edit, issue_of, nature_issue

from workshop_app.core.deck import MAX_CARDS, MAX_TEXT, MAX_TITLE, QuestionDeck, StrategyDeck
from workshop_app.core.deck_loader import DeckLoadError, parse_deck


def test_the_base_decks_are_valid() -> None:
    nature = parse_deck(NATURE, "nature.yaml")
    assert isinstance(nature, StrategyDeck)
    assert [c.id for c in nature.cards] == ["arbres", "noues", "charte", "toits"]
    boussole = parse_deck(BOUSSOLE, "boussole.yaml")
    assert isinstance(boussole, QuestionDeck)
    assert boussole.lever_ids() == ["1.1", "1.2"]


# -- strategy decks


def test_unknown_axis_in_effects() -> None:
    issue = nature_issue(41, "    effects: {chaleur: 1, eau: 2}")
    assert (issue.file, issue.line, issue.field) == ("nature.yaml", 41, "cards[3].effects.eau")
    assert issue.message.startswith("axe inconnu « eau »")
    assert "chaleur, biodiversite" in issue.message
    assert str(issue).startswith("nature.yaml:41: cards[3].effects.eau: axe inconnu « eau »")


@pytest.mark.parametrize(
    ("line", "new", "field", "message"),
    [
        (42, "    requires: [chartre]", "cards[3].requires[0]", "carte inconnue « chartre »"),
        (43, "    excludes: [noues, potager]", "cards[3].excludes[1]", "carte inconnue « potager »"),
        (42, "    requires: [toits]", "cards[3].requires[0]", "une carte ne peut se citer elle-même"),
        (43, "    excludes: [charte]", "cards[3].excludes[0]", "« charte » est à la fois demandée et exclue"),
        (30, "  - id: noues", "cards[2].id", "identifiant en double « noues »"),
        (13, "    - id: chaleur", "compass.axes[1].id", "identifiant en double « chaleur »"),
    ],
)
def test_reference_and_uniqueness_rules(line: int, new: str, field: str, message: str) -> None:
    issue = nature_issue(line, new)
    assert (issue.file, issue.line, issue.field, issue.message) == ("nature.yaml", line, field, message)


@pytest.mark.parametrize(
    ("line", "new", "field", "message"),
    [
        (21, "    cost: trois", "cards[0].cost", "nombre entier attendu (reçu : 'trois')"),
        (21, '    cost: "4"', "cards[0].cost", "nombre entier attendu (reçu : '4')"),
        (21, "    cost: true", "cards[0].cost", "nombre entier attendu (reçu : True)"),
        (21, "    cost: 2.5", "cards[0].cost", "nombre entier attendu (reçu : 2.5)"),
        (21, "    cost: -1", "cards[0].cost", "valeur trop petite (au moins 0) (reçu : -1)"),
        (
            23,
            "    effects: {chaleur: 3, biodiversite: 1}",
            "cards[0].effects.chaleur",
            "valeur trop grande (au plus 2) (reçu : 3)",
        ),
        (41, "    effects: [chaleur]", "cards[3].effects", "dictionnaire (clé: valeur) attendu"),
        (
            22,
            "    delay: bientôt",
            "cards[0].delay",
            "valeur invalide ; valeurs possibles : 'court', 'moyen' ou 'long' (reçu : 'bientôt')",
        ),
        (42, "    maintenance: 5", "cards[3].maintenance", "valeur trop grande (au plus 3) (reçu : 5)"),
        (16, "  budget: 0", "strategy.budget", "valeur trop petite (plus de 0) (reçu : 0)"),
        (
            12,
            "      colour: rouge",
            "compass.axes[0].colour",
            "couleur invalide (format #RRGGBB, par exemple #0072B2) (reçu : 'rouge')",
        ),
        (
            12,
            '      colour: "#D55E0"',
            "compass.axes[0].colour",
            "couleur invalide (format #RRGGBB, par exemple #0072B2) (reçu : '#D55E0')",
        ),
        (
            18,
            "  - id: arbres en ville",
            "cards[0].id",
            "identifiant invalide (lettres sans accent, chiffres, « . », « - », « _ » ; sans espace) "
            "(reçu : 'arbres en ville')",
        ),
        (42, "    requires: charte", "cards[3].requires", "liste attendue (reçu : 'charte')"),
        (
            6,
            "mechanic: poker",
            "mechanic",
            "mécanique inconnue ; valeurs possibles : 'questions', 'strategy'",
        ),
    ],
)
def test_wrong_types_and_values(line: int, new: str, field: str, message: str) -> None:
    issue = nature_issue(line, new)
    assert (issue.line, issue.field, issue.message) == (line, field, message)


def test_numeric_key_in_effects() -> None:
    issue = nature_issue(41, "    effects: {1: 2}")
    assert (issue.line, issue.field) == (41, "cards[3].effects.1")
    assert issue.message.startswith("clé : texte attendu (reçu : 1)")


def test_missing_section_points_at_the_document_after_the_comment() -> None:
    text = edit(edit(NATURE, 15, "# (pas de budget)"), 16, "#")
    issue = issue_of(text, "nature.yaml")
    assert (issue.line, issue.field, issue.message) == (2, "strategy", "champ obligatoire manquant")


def test_missing_mechanic() -> None:
    issue = nature_issue(6, "# mechanic oubliée")
    assert (issue.line, issue.field) == (2, "mechanic")
    assert issue.message == "champ « mechanic » manquant ('questions' ou 'strategy')"


# -- question decks


@pytest.mark.parametrize(
    ("line", "new", "where", "field", "message"),
    [
        (33, '      - lever: "9.9"', 33, "cards[1].informs[0].lever", "levier inconnu « 9.9 »"),
        (28, "  - id: q01", 28, "cards[1].id", "identifiant en double « q01 »"),
        (16, '        - id: "1.1"', 16, "compass.axes[0].levers[1].id", "identifiant en double « 1.1 »"),
        (20, '  - {id: "4", label: Tout, value: 4, key: "0"}', 20, "scale[1].key", "touche en double « 0 »"),
        (
            20,
            '  - {id: "0", label: Tout, value: 4, key: "4"}',
            20,
            "scale[1].id",
            "identifiant en double « 0 »",
        ),
        # The rule is about the whole scale: the line is where the scale starts.
        (
            20,
            '  - {id: "4", label: Tout, value: 0, key: "4"}',
            19,
            "scale",
            "l’échelle doit avoir au moins deux valeurs numériques différentes",
        ),
    ],
)
def test_question_rules(line: int, new: str, where: int, field: str, message: str) -> None:
    issue = boussole_issue(line, new)
    assert (issue.file, issue.line, issue.field) == ("boussole.yaml", where, field)
    assert issue.message.startswith(message)


def test_unknown_lever_lists_the_possible_levers() -> None:
    issue = boussole_issue(33, '      - lever: "9.9"')
    assert issue.message == "levier inconnu « 9.9 » ; leviers possibles : 1.1, 1.2"


def test_same_lever_twice_on_one_card() -> None:
    text = edit(
        edit(BOUSSOLE, 26, '    informs: [{lever: "1.1"}, {lever: "1.1", weight: 2}]'), 27, "    # (doublon)"
    )
    issue = issue_of(text, "boussole.yaml")
    assert (issue.line, issue.field, issue.message) == (
        26,
        "cards[0].informs[1].lever",
        "levier en double « 1.1 »",
    )


@pytest.mark.parametrize(
    ("line", "new", "field", "message"),
    [
        (
            33,
            "      - lever: 1.2",
            "cards[1].informs[0].lever",
            'texte attendu (reçu : 1.2) ; mettez la valeur entre guillemets, par exemple "1.1"',
        ),
        (
            27,
            '      - {lever: "1.1", weight: 20}',
            "cards[0].informs[0].weight",
            "valeur trop grande (au plus 10) (reçu : 20)",
        ),
        (
            27,
            '      - {lever: "1.1", weight: 0}',
            "cards[0].informs[0].weight",
            "valeur trop petite (plus de 0) (reçu : 0)",
        ),
        (
            27,
            '      - {lever: "1.1", weight: lourd}',
            "cards[0].informs[0].weight",
            "nombre attendu (reçu : 'lourd')",
        ),
        (
            3,
            "title: 2025",
            "title",
            'texte attendu (reçu : 2025) ; mettez la valeur entre guillemets, par exemple "1.1"',
        ),
        (
            4,
            "version: 1.0",
            "version",
            'texte attendu (reçu : 1.0) ; mettez la valeur entre guillemets, par exemple "1.1"',
        ),
        (24, "    title: ''", "cards[0].title", "texte vide ou trop court (reçu : '')"),
        (
            24,
            f"    title: {'x' * (MAX_TITLE + 1)}",
            "cards[0].title",
            f"texte trop long ({MAX_TITLE} caractères au plus)",
        ),
        (
            25,
            f"    prompt: {'x' * (MAX_TEXT + 1)}",
            "cards[0].prompt",
            f"texte trop long ({MAX_TEXT} caractères au plus)",
        ),
        (31, "    aide: Écouter.", "cards[1].aide", "champ inconnu (vérifiez l’orthographe)"),
        (
            15,
            "          source: officielle",
            "compass.axes[0].levers[0].source",
            "valeur invalide ; valeurs possibles : 'officiel' ou 'atelier' (reçu : 'officielle')",
        ),
        (5, "mechanic: strategy", "strategy", "champ obligatoire manquant"),
    ],
)
def test_question_types_and_fields(line: int, new: str, field: str, message: str) -> None:
    with pytest.raises(DeckLoadError) as caught:
        parse_deck(edit(BOUSSOLE, line, new), "boussole.yaml")
    found = {(i.field, i.message): i for i in caught.value.issues}
    assert (field, message) in found, caught.value.issues
    assert found[(field, message)].line == (1 if field == "strategy" else line)
    assert found[(field, message)].file == "boussole.yaml"


def test_missing_field_points_at_the_card() -> None:
    issue = boussole_issue(30, "    # pas de texte")
    assert (issue.line, issue.field, issue.message) == (28, "cards[1].prompt", "champ obligatoire manquant")


def test_missing_top_level_field_points_at_the_document() -> None:
    issue = boussole_issue(3, "# pas de titre")
    assert (issue.line, issue.field, issue.message) == (1, "title", "champ obligatoire manquant")


def test_too_many_cards() -> None:
    extra = "".join(
        f'  - id: x{i}\n    title: Carte {i}\n    prompt: p\n    informs: [{{lever: "1.1"}}]\n'
        for i in range(MAX_CARDS - 1)
    )
    issue = issue_of(BOUSSOLE + extra, "boussole.yaml")
    assert (issue.line, issue.field) == (23, "cards")
    assert issue.message == f"liste trop longue ({MAX_CARDS} éléments au plus)"
    parse_deck(BOUSSOLE + extra.rsplit("  - id:", 1)[0], "boussole.yaml")  # exactly MAX_CARDS is fine


def test_several_problems_are_all_reported_with_their_lines() -> None:
    text = edit(edit(BOUSSOLE, 11, "      colour: bleu"), 27, '      - {lever: "1.1", weight: 20}')
    with pytest.raises(DeckLoadError) as caught:
        parse_deck(text, "boussole.yaml")
    assert [(i.line, i.field) for i in caught.value.issues] == [
        (11, "compass.axes[0].colour"),
        (27, "cards[0].informs[0].weight"),
    ]
    assert str(caught.value).splitlines() == [str(i) for i in caught.value.issues]
    assert (
        str(caught.value)
        .splitlines()[0]
        .startswith("boussole.yaml:11: compass.axes[0].colour: couleur invalide")
    )


def test_a_deck_from_a_newer_app_says_so() -> None:
    line = NATURE.split("\n").index("format: 1") + 1
    issue = nature_issue(line, "format: 2")
    assert (issue.line, issue.field) == (line, "format")
    assert "écrit pour une version plus récente d’Atelier Résilience" in issue.message
    assert "mettez l’application à jour" in issue.message
    assert nature_issue(line, "format: 0").message.startswith("valeur invalide ; valeurs possibles : 1")
