"""A deck in a workbook and back: unchanged when untouched, edited where edited, errors that name the sheet,
the row and the column in French, and a spreadsheet read as data (formulas as values, no macros, bounded)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from core_samples import SHIPPED, question_data
from openpyxl import load_workbook
from sheet_samples import (
    edit_cell,
    find_row,
    give_formula_a_cached_value,
    workbook_grids,
    write_ods,
)

from workshop_app.core import deck_sheet_layout as L
from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.core.deck_loader import DeckLoadError, deck_from_data, load_deck, parse_deck
from workshop_app.core.deck_sheet_grid import MAX_ROWS, SheetIssue
from workshop_app.core.deck_sheet_read import read_deck_sheet
from workshop_app.core.deck_sheet_write import deck_to_sheet, save_workbook, template_data
from workshop_app.core.deck_yaml import deck_to_yaml


def _rich() -> QuestionDeck:
    data = question_data()
    data["scale"].append({"id": "nsp", "label": "Ne sait pas", "value": None, "unknown": True, "key": "s"})
    data["sections"] = [{"id": "s1", "title": "Gouvernance", "description": "Deux lignes\net une autre"}]
    data["subsets"] = [{"id": "court", "title": "version courte", "cards": ["c1", "c3"]}]
    data["author_notes"] = "À relire"
    data["cards"][0].update(
        levels={"0": "Rien n’existe", "4": "Plan testé"}, source="UNDRR P1.1", section="s1", author_notes="!"
    )
    data["cards"][1]["title"] = "=SOMME(A1:A3) n’est pas une formule"
    deck = deck_from_data(data)
    assert isinstance(deck, QuestionDeck)
    return deck


def _issue(exc: pytest.ExceptionInfo[DeckLoadError]) -> SheetIssue:
    issue = exc.value.issues[0]
    assert isinstance(issue, SheetIssue), issue
    return issue


@pytest.mark.parametrize("deck_id", sorted(SHIPPED))
def test_every_shipped_deck_goes_out_and_back_unchanged(deck_id: str, tmp_path: Path) -> None:
    deck = load_deck(SHIPPED[deck_id])
    target = tmp_path / f"{deck_id}.xlsx"
    deck_to_sheet(deck, target)
    back = read_deck_sheet(target)
    assert back == deck
    assert parse_deck(deck_to_yaml(back)) == deck  # and so does the YAML written from it


def test_the_new_fields_go_out_and_back_and_text_is_never_a_formula(tmp_path: Path) -> None:
    deck = _rich()
    target = tmp_path / "riche.xlsx"
    deck_to_sheet(deck, target)
    assert read_deck_sheet(target) == deck
    cards = load_workbook(target)[L.CARDS]
    assert cards["B3"].data_type == "s"  # « =SOMME(…) » stays text in the file too


def test_the_workbook_speaks_french_and_explains_itself(tmp_path: Path) -> None:
    target = tmp_path / "et-si.xlsx"
    deck_to_sheet(load_deck(SHIPPED["et-si-33"]), target)
    book = load_workbook(target)
    assert book.sheetnames == [L.README, L.DECK, L.COMPASS, L.SCALE, L.CARDS, L.SECTIONS, L.SUBSETS]
    headers = [c.value for c in book[L.CARDS][1]]
    assert headers[:3] == ["Identifiant", "Titre", "Question"]
    assert "Levier 1" in headers and any(str(h).startswith("Niveau 0 : ") for h in headers)
    readme = [r for r in book[L.README].iter_rows(values_only=True)]
    assert any(r[1] == "Titre (obligatoire)" and "Titre de la carte" in str(r[2]) for r in readme)
    formulas = {str(v.formula1) for v in book[L.CARDS].data_validations.dataValidation}
    assert f"'{L.COMPASS}'!$B$2:$B$500" in formulas  # lever ids picked from the compass sheet


def test_strategy_decks_have_an_effects_sheet_with_delay_lists(tmp_path: Path) -> None:
    target = tmp_path / "nature.xlsx"
    deck = load_deck(SHIPPED["nature-en-ville"])
    assert isinstance(deck, StrategyDeck)
    deck_to_sheet(deck, target)
    book = load_workbook(target)
    assert L.EFFECTS in book.sheetnames and L.SCALE not in book.sheetnames
    formulas = {str(v.formula1) for v in book[L.CARDS].data_validations.dataValidation}
    assert '"court,moyen,long"' in formulas


def test_an_edited_cell_comes_back_edited(tmp_path: Path) -> None:
    target = tmp_path / "et-si.xlsx"
    deck = load_deck(SHIPPED["et-si-33"])
    deck_to_sheet(deck, target)
    row = find_row(target, L.CARDS, deck.cards[4].id)
    edit_cell(target, L.CARDS, f"B{row}", "Et si le pont fermait ?")
    back = read_deck_sheet(target)
    assert back.cards[4].title == "Et si le pont fermait ?"
    assert back.model_copy(update={"cards": deck.cards}) == deck  # nothing else moved


def test_a_blanked_card_id_is_refused_naming_its_sheet_and_row(tmp_path: Path) -> None:
    target = tmp_path / "et-si.xlsx"
    deck = load_deck(SHIPPED["et-si-33"])
    deck_to_sheet(deck, target)
    row = find_row(target, L.CARDS, deck.cards[2].id)
    edit_cell(target, L.CARDS, f"A{row}", None)
    with pytest.raises(DeckLoadError) as caught:
        read_deck_sheet(target)
    issue = _issue(caught)
    assert (issue.sheet, issue.line, issue.column) == (L.CARDS, row, "A")
    assert str(issue) == (
        f"et-si.xlsx, feuille « Cartes », ligne {row}, colonne A (Identifiant) : champ obligatoire manquant"
    )


@pytest.mark.parametrize(
    ("sheet", "cell", "value", "column", "fragment"),
    [
        (L.CARDS, "G2", "9.9", "G", "levier inconnu « 9.9 »"),
        (L.CARDS, "H2", "lourd", "H", "nombre attendu"),
        (L.SCALE, "E2", "peut-être", "E", "« oui » ou vide attendu"),
        (L.COMPASS, "E2", "bleu", "E", "couleur invalide"),
        (L.COMPASS, "A2", "principe", "A", "« axe » ou « levier » attendu"),
        (L.DECK, "B5", "poker", "B", "mécanique inconnue"),
    ],
)
def test_errors_name_sheet_row_and_column(
    tmp_path: Path, sheet: str, cell: str, value: Any, column: str, fragment: str
) -> None:
    target = tmp_path / "et-si.xlsx"
    deck_to_sheet(load_deck(SHIPPED["et-si-33"]), target)
    edit_cell(target, sheet, cell, value)
    with pytest.raises(DeckLoadError) as caught:
        read_deck_sheet(target)
    issue = _issue(caught)
    assert (issue.sheet, issue.line, issue.column) == (sheet, int(cell[1:]), column), str(issue)
    assert fragment in issue.message


def test_an_unknown_column_and_a_missing_sheet_are_named(tmp_path: Path) -> None:
    target = tmp_path / "et-si.xlsx"
    deck_to_sheet(load_deck(SHIPPED["et-si-33"]), target)
    edit_cell(target, L.CARDS, "B1", "Intitulé")
    with pytest.raises(DeckLoadError) as caught:
        read_deck_sheet(target)
    messages = [str(i) for i in caught.value.issues]
    assert any("colonne B (Intitulé) : colonne inconnue" in m for m in messages)
    assert any("colonne « Titre » manquante" in m for m in messages)
    book = load_workbook(target)
    del book[L.SCALE]
    book.save(target)
    with pytest.raises(DeckLoadError) as caught:
        read_deck_sheet(target)
    assert any(str(i).endswith("feuille « Échelle » : feuille manquante") for i in caught.value.issues)


def test_a_formula_is_read_as_its_stored_value_never_evaluated(tmp_path: Path) -> None:
    target = tmp_path / "et-si.xlsx"
    deck_to_sheet(load_deck(SHIPPED["et-si-33"]), target)
    edit_cell(target, L.CARDS, "B2", '=UPPER("canicule")')
    with pytest.raises(DeckLoadError) as caught:  # as openpyxl wrote it: no stored value
        read_deck_sheet(target)
    issue = _issue(caught)
    assert (issue.sheet, issue.line, issue.column) == (L.CARDS, 2, "B")
    assert "formule sans valeur enregistrée" in issue.message
    give_formula_a_cached_value(target, L.CARDS, "CANICULE (valeur enregistrée)")
    assert read_deck_sheet(target).cards[0].title == "CANICULE (valeur enregistrée)"


def test_macro_workbooks_and_non_workbooks_are_refused(tmp_path: Path) -> None:
    deck_to_sheet(load_deck(SHIPPED["et-si-33"]), tmp_path / "a.xlsx")
    macro = tmp_path / "a.xlsm"
    macro.write_bytes((tmp_path / "a.xlsx").read_bytes())
    with pytest.raises(DeckLoadError, match="macros"):
        read_deck_sheet(macro)
    fake = tmp_path / "faux.xlsx"
    fake.write_text("id;titre\n", encoding="utf-8")
    with pytest.raises(DeckLoadError, match="ce n’est pas un classeur"):
        read_deck_sheet(fake)
    broken = tmp_path / "abime.xlsx"
    broken.write_bytes(_zip({"xl/workbook.xml": b"<pas du xml"}))
    with pytest.raises(DeckLoadError, match="classeur illisible"):
        read_deck_sheet(broken)


def test_a_zip_bomb_stops_before_it_is_opened(tmp_path: Path) -> None:
    bomb = tmp_path / "bombe.xlsx"
    bomb.write_bytes(_zip({"xl/worksheets/sheet1.xml": b"0" * (70 * 1024 * 1024)}))
    assert bomb.stat().st_size < 1024 * 1024
    with pytest.raises(DeckLoadError, match="trop volumineux une fois décompressé"):
        read_deck_sheet(bomb)


def test_too_many_rows_are_refused_naming_the_row(tmp_path: Path) -> None:
    target = tmp_path / "long.xlsx"
    deck_to_sheet(load_deck(SHIPPED["et-si-33"]), target)
    book = load_workbook(target)
    for r in range(40, MAX_ROWS + 40):
        book[L.CARDS].cell(r, 1, f"x{r}")
    book.save(target)
    with pytest.raises(DeckLoadError) as caught:
        read_deck_sheet(target)
    issue = _issue(caught)
    assert issue.sheet == L.CARDS and "trop de lignes" in issue.message


def test_the_cards_alone_go_out_and_back_as_csv(tmp_path: Path) -> None:
    deck = load_deck(SHIPPED["nature-en-ville"])
    target = tmp_path / "cartes.csv"
    save_workbook(deck.model_dump(mode="json"), target)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b";" in raw.splitlines()[0]
    assert read_deck_sheet(target, deck) == deck  # a strategy card keeps the deck's effects
    questions = load_deck(SHIPPED["et-si-33"])
    save_workbook(questions.model_dump(mode="json"), tmp_path / "q.csv")
    assert read_deck_sheet(tmp_path / "q.csv", questions) == questions
    with pytest.raises(DeckLoadError, match="indiquez le jeu"):
        read_deck_sheet(tmp_path / "q.csv")


def test_an_ods_workbook_reads_like_the_xlsx(tmp_path: Path) -> None:
    deck = _rich()
    xlsx = tmp_path / "riche.xlsx"
    deck_to_sheet(deck, xlsx)
    ods = tmp_path / "riche.ods"
    write_ods(ods, workbook_grids(xlsx))
    assert read_deck_sheet(ods) == deck


def test_the_template_is_explained_and_refuses_to_import_empty(tmp_path: Path) -> None:
    target = tmp_path / "modele.xlsx"
    save_workbook(template_data("questions"), target)
    book = load_workbook(target)
    scale = [r[0] for r in book[L.SCALE].iter_rows(min_row=2, values_only=True)]
    assert scale == ["0", "1", "2", "3", "nc", "nsp"]
    with pytest.raises(DeckLoadError) as caught:
        read_deck_sheet(target)
    text = "\n".join(str(i) for i in caught.value.issues)
    assert "feuille « Jeu », ligne 2, colonne B (Identifiant du jeu) : champ obligatoire manquant" in text
    assert "feuille « Cartes » : aucune ligne remplie" in text
    save_workbook(template_data("strategy"), tmp_path / "strategie.xlsx")
    assert L.EFFECTS in load_workbook(tmp_path / "strategie.xlsx").sheetnames


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()
