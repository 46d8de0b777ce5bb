"""Synergies of a strategy deck (core.deck_synergy): declared once beside the cards, checked with French
errors that name the file, the line and the field, and carried by every authoring path (YAML writer,
spreadsheet, CSV of the cards, editor draft, named subsets)."""

from __future__ import annotations

from pathlib import Path

import pytest
from core_samples import SHIPPED
from loader_samples import NATURE

from workshop_app.core.deck import StrategyDeck
from workshop_app.core.deck_draft import DeckDraft
from workshop_app.core.deck_loader import DeckLoadError, load_deck, parse_deck
from workshop_app.core.deck_sheet_grid import SheetIssue
from workshop_app.core.deck_sheet_read import read_deck_sheet
from workshop_app.core.deck_sheet_write import deck_to_sheet, save_workbook
from workshop_app.core.deck_subsets import restrict_to_subset
from workshop_app.core.deck_yaml import deck_to_yaml

# NATURE ends at line 43; the synergies start at line 44 (line numbers matter: the tests refer to them).
SYNERGIES = """\
synergies:
  - cards: [arbres, noues]
    effects: {chaleur: 1, biodiversite: 1}
    reason: Les arbres poussent mieux là où l’eau de pluie s’infiltre.
  - cards: [charte, arbres]
    effects: {biodiversite: 1}
    reason: La charte protège les arbres plantés.
"""


def _deck(text: str = NATURE + SYNERGIES) -> StrategyDeck:
    deck = parse_deck(text, "nature.yaml")
    assert isinstance(deck, StrategyDeck)
    return deck


def _issue(line: int, new: str) -> tuple[int | None, str, str]:
    lines = (NATURE + SYNERGIES).splitlines()
    lines[line - 1] = new
    with pytest.raises(DeckLoadError) as caught:
        parse_deck("\n".join(lines) + "\n", "nature.yaml")
    assert len(caught.value.issues) == 1, caught.value.issues
    issue = caught.value.issues[0]
    assert issue.file == "nature.yaml"
    return issue.line, issue.field, issue.message


def test_a_deck_declares_synergies_with_effects_and_a_reason() -> None:
    assert len(NATURE.splitlines()) == 43
    deck = _deck()
    first = deck.synergies[0]
    assert first.cards == ["arbres", "noues"] and first.effects == {"chaleur": 1, "biodiversite": 1}
    assert first.reason.startswith("Les arbres poussent")
    assert first.other("noues") == "arbres" and first.other("arbres") == "noues"
    assert _deck(NATURE).synergies == []  # optional: a deck without them is as before


@pytest.mark.parametrize(
    ("line", "new", "expected"),
    [
        (
            45,
            "  - cards: [arbres, potager]",
            (45, "synergies[0].cards[1]", "carte inconnue « potager »"),
        ),
        (
            45,
            "  - cards: [arbres, arbres]",
            (45, "synergies[0].cards[1]", "une carte ne peut être en synergie avec elle-même (« arbres »)"),
        ),
        (
            48,
            "  - cards: [noues, arbres]",
            (
                48,
                "synergies[1].cards",
                "synergie en double entre « noues » et « arbres » (déjà déclarée en synergies[0])",
            ),
        ),
        (
            46,
            "    effects: {chaleur: 1, eau: 1}",
            (46, "synergies[0].effects.eau", "axe inconnu « eau » ; axes possibles : chaleur, biodiversite"),
        ),
        (
            46,
            "    effects: {chaleur: 3}",
            (46, "synergies[0].effects.chaleur", "valeur trop grande (au plus 2) (reçu : 3)"),
        ),
        (
            46,
            "    effects: {chaleur: -3}",
            (46, "synergies[0].effects.chaleur", "valeur trop petite (au moins -2) (reçu : -3)"),
        ),
        (
            46,
            "    effects: {chaleur: 0}",
            (46, "synergies[0].effects", "une synergie doit changer au moins un axe (un effet non nul)"),
        ),
        (45, "  - cards: [arbres]", (45, "synergies[0].cards", "liste trop courte (2 élément(s) au moins) "
                                                                "(reçu : ['arbres'])")),
        (47, "    reason: ''", (47, "synergies[0].reason", "texte vide ou trop court (reçu : '')")),
    ],
)
def test_bad_synergies_name_the_file_the_line_and_the_field(
    line: int, new: str, expected: tuple[int, str, str]
) -> None:
    assert _issue(line, new) == expected


def test_an_unknown_key_and_the_missing_reason_are_both_reported() -> None:
    lines = (NATURE + SYNERGIES).splitlines()
    lines[46] = "    raison: oubli"
    with pytest.raises(DeckLoadError) as caught:
        parse_deck("\n".join(lines) + "\n", "nature.yaml")
    found = {(i.line, i.field, i.message) for i in caught.value.issues}
    assert (47, "synergies[0].raison", "champ inconnu (vérifiez l’orthographe)") in found
    assert any(f == "synergies[0].reason" and m == "champ obligatoire manquant" for _l, f, m in found)


def test_a_synergy_between_incompatible_cards_is_refused() -> None:
    # « toits » excludes « noues »: a synergy between them could never play.
    text = NATURE + SYNERGIES.replace("[charte, arbres]", "[toits, noues]")
    with pytest.raises(DeckLoadError) as caught:
        parse_deck(text, "nature.yaml")
    issue = caught.value.issues[0]
    assert (issue.line, issue.field) == (48, "synergies[1].cards")
    assert "incompatibles" in issue.message
    assert str(issue).startswith("nature.yaml:48: synergies[1].cards: ")


def test_a_questions_deck_has_no_synergies() -> None:
    deck = load_deck(SHIPPED["et-si-33"])
    data = deck.model_dump(mode="json")
    data["synergies"] = []
    with pytest.raises(DeckLoadError) as caught:
        parse_deck(deck_to_yaml(deck) + "synergies: []\n", "et-si.yaml")
    assert any(i.field == "synergies" for i in caught.value.issues)


def test_the_yaml_writer_carries_synergies() -> None:
    deck = _deck()
    again = parse_deck(deck_to_yaml(deck), "back.yaml")
    assert again == deck and len(again.synergies) == 2
    shipped = load_deck(SHIPPED["nature-en-ville"])
    assert parse_deck(deck_to_yaml(shipped), "back.yaml") == shipped


def test_the_workbook_carries_synergies_and_names_the_cell_of_a_bad_one(tmp_path: Path) -> None:
    deck = _deck()
    target = tmp_path / "jeu.xlsx"
    deck_to_sheet(deck, target)
    assert read_deck_sheet(target) == deck
    data = deck.model_dump(mode="json")
    data["synergies"][1]["cards"] = ["charte", "potager"]
    data["synergies"][0]["effects"] = {"chaleur": 1, "biodiversite": 1}
    save_workbook(data, target)
    with pytest.raises(DeckLoadError) as caught:
        read_deck_sheet(target)
    issue = caught.value.issues[0]
    assert str(issue).startswith("jeu.xlsx")
    assert isinstance(issue, SheetIssue)
    assert (issue.sheet, issue.line, issue.column) == ("Synergies", 3, "B")
    assert "carte inconnue « potager »" in issue.message


def test_the_cards_csv_keeps_the_decks_synergies(tmp_path: Path) -> None:
    deck = _deck()
    target = tmp_path / "cartes.csv"
    deck_to_sheet(deck, target)
    assert read_deck_sheet(target, base=deck) == deck


def test_the_editor_keeps_synergies_and_drops_those_of_a_removed_card(tmp_path: Path) -> None:
    deck = _deck()
    source = tmp_path / "nature-essai.yaml"
    source.write_text(NATURE + SYNERGIES, encoding="utf-8")
    draft = DeckDraft.edit(deck, source)
    draft.put("cards[0].title", "Planter des arbres d’ombrage")
    saved = load_deck(draft.save(tmp_path, set(), {deck.id: source}))
    assert isinstance(saved, StrategyDeck) and saved.synergies == deck.synergies
    draft.put("cards[3].excludes", [])
    draft.remove_card(1)  # « noues »: its synergy with « arbres » goes with it, the other stays
    assert draft.issues == {} and draft.deck is not None
    assert [s.cards for s in draft.deck.synergies] == [["charte", "arbres"]]  # type: ignore[union-attr]


def test_a_subset_keeps_only_the_synergies_of_its_cards() -> None:
    data = _deck().model_dump(mode="json")
    data["subsets"] = [{"id": "court", "title": "Version courte", "cards": ["arbres", "charte", "toits"]}]
    deck = parse_deck(deck_to_yaml(StrategyDeck.model_validate(data)), "nature.yaml")
    short = restrict_to_subset(deck, "court")
    assert isinstance(short, StrategyDeck)
    assert [s.cards for s in short.synergies] == [["charte", "arbres"]]


def test_a_synergy_missed_by_one_card_names_the_card_that_would_complete_it() -> None:
    from workshop_app.core.deck_synergy import one_card_short

    deck = _deck(NATURE + SYNERGIES + """\
  - cards: [toits, charte]
    effects: {chaleur: 1}
    reason: La charte guide le choix des toits.
""")
    short = one_card_short(deck.synergies, deck.cards, ["arbres"])
    assert [(s.cards, missing) for s, missing in short] == [(["arbres", "noues"], "noues"),
                                                          (["charte", "arbres"], "charte")]
    picked = ["arbres", "noues", "charte"]
    assert one_card_short(deck.synergies, deck.cards, picked) == []  # both obtained; toits is excluded
    assert [m for _s, m in one_card_short(deck.synergies, deck.cards, ["charte"])] == ["arbres", "toits"]
    assert one_card_short(deck.synergies, deck.cards, []) == []


def test_the_editor_draft_adds_an_unpaired_synergy_and_drops_the_key_with_the_last() -> None:
    draft = DeckDraft(parse_deck(NATURE + SYNERGIES, "nature.yaml").model_dump(mode="json"))
    index = draft.add_synergy()  # arbres–noues and charte–arbres are taken: the next pair in card order
    assert draft.synergies[index] == {"cards": ["arbres", "toits"], "effects": {}, "reason": ""}
    assert list(draft.issues) == ["synergies[2].reason"]  # the reason is to be written
    for _ in range(3):
        draft.remove_synergy(0)
    assert "synergies" not in draft.data and draft.issues == {}
