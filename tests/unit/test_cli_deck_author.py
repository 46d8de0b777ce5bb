"""``atelier deck to-sheet / from-sheet / template``, run as a user would, in a fresh process."""

from __future__ import annotations

from pathlib import Path

from core_samples import SHIPPED
from sheet_samples import edit_cell, find_row
from test_cli_decks import run

from workshop_app.core.deck_loader import load_deck


def test_a_deck_id_goes_to_a_workbook_and_back_to_yaml(tmp_path: Path) -> None:
    sheet, back = tmp_path / "et-si.xlsx", tmp_path / "et-si.yaml"
    result = run("deck", "to-sheet", "et-si-33", "-o", str(sheet), home=tmp_path)
    assert result.returncode == 0, result.stderr
    result = run("deck", "from-sheet", str(sheet), "-o", str(back), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "OK — et-si-33" in result.stdout
    assert load_deck(back) == load_deck(SHIPPED["et-si-33"])


def test_a_broken_workbook_is_explained_in_french_without_traceback(tmp_path: Path) -> None:
    sheet = tmp_path / "nature.xlsx"
    written = run("deck", "to-sheet", str(SHIPPED["nature-en-ville"]), "-o", str(sheet), home=tmp_path)
    assert written.returncode == 0, written.stderr
    row = find_row(sheet, "Cartes", load_deck(SHIPPED["nature-en-ville"]).cards[1].id)
    edit_cell(sheet, "Cartes", f"A{row}", None)
    edit_cell(sheet, "Cartes", "G3", "trois")
    result = run("deck", "from-sheet", str(sheet), "-o", str(tmp_path / "x.yaml"), home=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "nature.xlsx, feuille « Cartes », ligne 3, colonne G (Coût) : nombre attendu (reçu « trois »)" in (
        result.stderr
    )
    assert not (tmp_path / "x.yaml").exists()


def test_the_template_is_written_and_an_unknown_deck_is_named(tmp_path: Path) -> None:
    target = tmp_path / "modele.xlsx"
    result = run("deck", "template", "--mechanic", "strategy", "-o", str(target), home=tmp_path)
    assert result.returncode == 0 and target.stat().st_size > 5000
    result = run("deck", "to-sheet", "inconnu", "-o", str(tmp_path / "y.xlsx"), home=tmp_path)
    assert result.returncode == 1
    assert "Jeu introuvable : « inconnu »" in result.stderr and "Traceback" not in result.stderr
