"""A deck written in a spreadsheet, dropped on the start page or chosen with the import button."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.ui.test_app_support import drop_files, message_boxes
from workshop_app.core.deck_loader import load_deck
from workshop_app.core.deck_sheet_write import deck_to_sheet
from workshop_app.paths import builtin_decks_dir, user_decks_dir
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.start.deck_issues_dialog import DeckIssuesDialog
from workshop_app.ui.start.page import dropped_paths


def _sheet(tmp_path: Path, new_id: str = "mon-tableur") -> Path:
    deck = load_deck(builtin_decks_dir() / "boussole-autodiagnostic.yaml")
    deck = deck.model_copy(update={"id": new_id, "title": "Mon jeu en tableur"})
    target = tmp_path / "mon-jeu.xlsx"
    deck_to_sheet(deck, target)
    return target


def test_a_dropped_workbook_becomes_a_yaml_deck_in_the_user_folder(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    source = _sheet(tmp_path)
    drop_files(window.start, [source])
    target = user_decks_dir() / "mon-tableur.yaml"
    assert load_deck(target).title == "Mon jeu en tableur"
    assert any(
        window.start.decks.index(r, 0).data() == "Mon jeu en tableur"
        for r in range(window.start.decks.rowCount())
    )
    assert not message_boxes()


def test_a_broken_workbook_lists_its_cells(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    source = _sheet(tmp_path)
    book = load_workbook(source)
    book["Cartes"]["A4"] = None
    book.save(source)
    window.choose_deck_files = lambda: [str(source)]  # type: ignore[method-assign]
    window.start.import_button.click()
    dialogs = [w for w in window.findChildren(DeckIssuesDialog) if w.isVisible()]
    assert len(dialogs) == 1
    assert dialogs[0].lines == [
        "mon-jeu.xlsx, feuille « Cartes », ligne 4, colonne A (Identifiant) : champ obligatoire manquant"
    ]
    assert not (user_decks_dir() / "mon-tableur.yaml").exists()
    dialogs[0].close()


def test_the_page_takes_spreadsheet_drops() -> None:
    class _Mime:
        def hasUrls(self) -> bool:
            return True

        def urls(self) -> list[object]:
            from PySide6.QtCore import QUrl

            return [QUrl.fromLocalFile(p) for p in ("/t/a.xlsx", "/t/b.ods", "/t/c.csv", "/t/d.txt")]

    class _Event:
        def mimeData(self) -> _Mime:
            return _Mime()

    assert dropped_paths(_Event()) == ["/t/a.xlsx", "/t/b.ods", "/t/c.csv"]


def test_a_cards_only_csv_is_explained_not_imported(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    from tests.ui.test_app_support import close_message_boxes

    source = tmp_path / "cartes.csv"
    source.write_text("Identifiant;Titre\nq1;Une carte\n", encoding="utf-8")
    window.import_decks([str(source)])
    texts = close_message_boxes()
    assert texts and "un .csv ne contient que les cartes" in texts[0] and "--deck" in texts[0]
