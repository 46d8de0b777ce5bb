"""Broken decks: every problem names the file, the LINE and the field, in French, and nothing is executed.

Each case edits one line of a small valid deck (kept line for line below) and checks the exact issue.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from workshop_app.core.deck import MAX_CARDS, MAX_TEXT, MAX_TITLE, QuestionDeck, StrategyDeck
from workshop_app.core.deck_loader import (
    MAX_FILE_BYTES,
    DeckIssue,
    DeckLoadError,
    deck_from_data,
    load_deck,
    parse_deck,
)

# Line numbers matter: the tests below refer to them.
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
            "l'échelle doit avoir au moins deux valeurs numériques différentes",
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
        (31, "    aide: Écouter.", "cards[1].aide", "champ inconnu (vérifiez l'orthographe)"),
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


# -- YAML itself


def test_yaml_syntax_error_has_its_line() -> None:
    issue = boussole_issue(24, "    title: Et si: une canicule")
    assert (issue.file, issue.line, issue.field) == ("boussole.yaml", 24, "")
    assert issue.message.startswith("YAML invalide")
    assert str(issue).startswith("boussole.yaml:24: YAML invalide")


def test_tab_indentation_has_its_line() -> None:
    issue = boussole_issue(25, "\tprompt: Une canicule.")
    assert (issue.line, issue.field) == (25, "")
    assert issue.message.startswith("YAML invalide")


def test_duplicate_key_is_refused_at_the_second_key() -> None:
    issue = boussole_issue(31, "    prompt: Une autre crue.")
    assert (issue.line, issue.field, issue.message) == (31, "", "clé en double « prompt »")


def test_anchor_is_refused_where_it_is_defined() -> None:
    text = edit(edit(BOUSSOLE, 25, "    prompt: &texte Une canicule."), 30, "    prompt: *texte")
    issue = issue_of(text, "boussole.yaml")
    assert (issue.line, issue.message) == (25, "les ancres et alias YAML (&, *) sont refusés")


def test_alias_is_refused_at_its_line() -> None:
    issue = boussole_issue(30, "    prompt: *texte")
    assert (issue.line, issue.message) == (30, "les ancres et alias YAML (&, *) sont refusés")


def test_billion_laughs_is_refused_at_once() -> None:
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for i, (prev, name) in enumerate(zip("abcdefgh", "bcdefghi", strict=True)):
        bomb += f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]\n"
        assert i < 9
    start = time.perf_counter()
    issue = issue_of(bomb, "bombe.yaml")
    assert time.perf_counter() - start < 1.0
    assert (issue.line, issue.message) == (1, "les ancres et alias YAML (&, *) sont refusés")


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.system",
        "!!python/object/apply:subprocess.check_call",
        "!!python/object/new:subprocess.Popen",
        "!!python/name:os.system",
        "!!python/module:os",
        "!secret",
        "!!binary",
    ],
)
def test_python_tags_are_refused_without_running_anything(
    tag: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    marker = tmp_path / "pwned"
    calls: list[object] = []
    monkeypatch.setattr(os, "system", lambda *a, **k: calls.append(a) or 0)
    monkeypatch.setattr(subprocess, "Popen", lambda *a, **k: calls.append(a))
    monkeypatch.setattr(subprocess, "check_call", lambda *a, **k: calls.append(a))
    issue = boussole_issue(25, f'    prompt: {tag} ["touch {marker}"]')
    assert issue.line == 25
    assert issue.message.startswith("étiquette YAML refusée « ")
    assert tag in issue.message
    assert calls == []
    assert not marker.exists()


def test_python_tag_on_a_mapping_is_refused() -> None:
    issue = boussole_issue(7, "  name: !!python/object:workshop_app.core.deck.Compass {}")
    assert (issue.line, issue.message[:26]) == (7, "étiquette YAML refusée « !")


def test_plain_data_tags_are_accepted() -> None:
    deck = parse_deck(edit(BOUSSOLE, 4, "version: !!str 1.0"), "boussole.yaml")
    assert deck.version == "1.0"


def test_document_must_be_a_mapping() -> None:
    issue = issue_of("- id: q01\n- id: q02\n", "liste.yaml")
    assert (issue.line, issue.field) == (1, "")
    assert issue.message == "le document doit être un dictionnaire (clé: valeur)"


def test_two_documents_are_refused() -> None:
    issue = issue_of(BOUSSOLE + "---\nid: autre\n", "deux.yaml")
    assert issue.line == 34
    assert issue.message.startswith("YAML invalide")


def test_snapshot_data_errors_have_no_line() -> None:
    with pytest.raises(DeckLoadError) as caught:
        deck_from_data({"id": "x", "title": "x", "version": "1", "mechanic": "questions"}, "instantané")
    issues = caught.value.issues
    assert {i.field for i in issues} >= {"compass", "scale", "cards"}
    assert all(i.line is None and i.file == "instantané" for i in issues)
    assert str(issues[0]).startswith("instantané: ")


# -- files


def _load_issue(path: Path) -> DeckIssue:
    with pytest.raises(DeckLoadError) as caught:
        load_deck(path)
    (issue,) = caught.value.issues
    return issue


def test_file_too_big(tmp_path: Path) -> None:
    path = tmp_path / "gros.yaml"
    padding = "#" * 100 + "\n"
    body = BOUSSOLE + padding * ((MAX_FILE_BYTES - len(BOUSSOLE.encode())) // len(padding) + 1)
    path.write_text(body, encoding="utf-8")
    size = path.stat().st_size
    assert size > MAX_FILE_BYTES
    issue = _load_issue(path)
    assert (issue.file, issue.line, issue.field) == ("gros.yaml", None, "")
    assert issue.message == f"fichier trop gros ({size} octets ; 1 Mio au plus)"
    assert str(issue) == f"gros.yaml: fichier trop gros ({size} octets ; 1 Mio au plus)"


def test_file_of_exactly_one_mebibyte_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "limite.yaml"
    filler = MAX_FILE_BYTES - len(BOUSSOLE.encode()) - 2
    path.write_text(BOUSSOLE + "#" + "x" * filler + "\n", encoding="utf-8")
    assert path.stat().st_size == MAX_FILE_BYTES
    assert load_deck(path).id == "boussole-essai"


def test_text_too_long_for_parse_deck() -> None:
    issue = issue_of(BOUSSOLE + "#" * MAX_FILE_BYTES, "texte.yaml")
    assert (issue.line, issue.message) == (None, "texte trop long (1 Mio au plus)")


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    raw = BOUSSOLE.encode("latin-1")
    path.write_bytes(raw)
    issue = _load_issue(path)
    first = next(i for i, b in enumerate(raw) if b >= 0x80)
    assert (issue.file, issue.line) == ("latin1.yaml", None)
    assert issue.message == f"le fichier n'est pas en UTF-8 (octet {first})"


def test_utf8_with_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + BOUSSOLE.encode("utf-8"))
    assert load_deck(path).title == "Boussole (essai)"


@pytest.mark.parametrize("content", ["", "\n\n", "# rien que des commentaires\n"])
def test_empty_file(tmp_path: Path, content: str) -> None:
    path = tmp_path / "vide.yaml"
    path.write_text(content, encoding="utf-8")
    issue = _load_issue(path)
    assert (issue.file, issue.line, issue.message) == ("vide.yaml", None, "le fichier est vide")


def test_missing_file(tmp_path: Path) -> None:
    issue = _load_issue(tmp_path / "absent.yaml")
    assert issue.file == "absent.yaml"
    assert issue.message.startswith("lecture impossible")


def test_issue_names_the_file_not_its_folder(tmp_path: Path) -> None:
    path = tmp_path / "sous-dossier" / "nature.yaml"
    path.parent.mkdir()
    path.write_text(edit(NATURE, 41, "    effects: {chaleur: 1, eau: 2}"), encoding="utf-8")
    issue = _load_issue(path)
    assert str(issue).startswith("nature.yaml:41: cards[3].effects.eau: axe inconnu « eau »")
