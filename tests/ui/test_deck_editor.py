"""The deck editor: « Dupliquer et modifier » a shipped deck, edit with live validation, reorder, preview,
save as YAML in the user's folder with the version bumped; a new deck from scratch."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from workshop_app.core.deck import QuestionDeck
from workshop_app.core.deck_loader import load_deck
from workshop_app.paths import builtin_decks_dir, user_decks_dir
from workshop_app.ui.deck_editor.window import DeckEditor
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.start.deck_model import ENTRY_ROLE


def _select_deck(window: MainWindow, deck_id: str) -> None:
    model = window.start.decks
    for row in range(model.rowCount()):
        entry = model.index(row, 0).data(ENTRY_ROLE)
        if entry.deck is not None and entry.deck.id == deck_id:
            window.start.deck_view.selectRow(row)
            return
    raise KeyError(deck_id)


def _type(field: QLineEdit | QPlainTextEdit, text: str, qtbot: QtBot) -> None:
    if isinstance(field, QLineEdit):
        field.clear()
        if text.isascii() and text:
            qtbot.keyClicks(field, text)  # real key presses (QTest types ASCII only)
        else:
            field.setText(text)
            field.textEdited.emit(text)
    else:
        field.setPlainText(text)


def _open_duplicate(window: MainWindow, qtbot: QtBot, track: bool = True) -> DeckEditor:
    _select_deck(window, "boussole-autodiagnostic")
    assert window.start.edit_deck_button.text() == "Dupliquer et modifier"
    window.start.edit_deck_button.click()
    editor = window.findChild(DeckEditor)
    assert editor is not None and editor.isVisible()
    editor.confirm_close = lambda: "discard"  # type: ignore[method-assign]
    if track:  # an editor the test closes itself is deleted on close: not for qtbot to close again
        qtbot.addWidget(editor)
    return editor


def _bumped(version: str) -> str:
    major, minor = version.split(".")
    return f"{major}.{int(minor) + 1}"


def test_duplicate_edit_with_live_errors_reorder_and_save(qtbot: QtBot, window: MainWindow) -> None:
    editor = _open_duplicate(window, qtbot)
    assert editor.draft.get("id") == "boussole-autodiagnostic-copie"
    assert editor.save_button.isEnabled() and "Jeu valide — 18 cartes" in editor.status.text()
    editor.tabs.setCurrentWidget(editor.cards)
    cards = editor.cards
    cards.list.setCurrentRow(1)
    title = cards.fields["cards[1].title"]
    _type(title.editor, "", qtbot)  # type: ignore[arg-type]
    assert title.message.startswith(
        "texte vide ou trop court"
    )  # the model's error, in French, beside the field
    assert not editor.save_button.isEnabled() and "cards[1].title" in editor.status.text()
    _type(title.editor, "Coopérer avec les voisins", qtbot)  # type: ignore[arg-type]
    assert title.message == "" and editor.save_button.isEnabled()
    levers = cards.fields["cards[1].informs"]
    _type(levers.editor, "9.9", qtbot)  # type: ignore[arg-type]
    assert "levier inconnu « 9.9 »" in levers.message
    _type(levers.editor, "1.2 ×2", qtbot)  # type: ignore[arg-type]
    assert levers.message == ""
    level = cards.fields["cards[1].levels.3"]
    _type(level.editor, "Des conventions signées avec les voisins", qtbot)  # type: ignore[arg-type]
    assert "Des conventions signées" in cards.preview.prompt.text()  # as the projector will show it
    cards.down_button.click()
    assert cards.list.currentRow() == 2 and cards.list.item(2).text().startswith("3. Coopérer")
    editor.save_button.click()
    saved = user_decks_dir() / "boussole-autodiagnostic-copie.yaml"
    deck = load_deck(saved)
    assert isinstance(deck, QuestionDeck)
    shipped = load_deck(builtin_decks_dir() / "boussole-autodiagnostic.yaml").version
    assert deck.version == _bumped(shipped) and deck.title.endswith("(copie)")
    moved = deck.cards[2]
    assert moved.title == "Coopérer avec les voisins" and moved.informs[0].lever == "1.2"
    assert moved.informs[0].weight == 2 and moved.levels["3"].startswith("Des conventions")
    assert load_deck(builtin_decks_dir() / "boussole-autodiagnostic.yaml").cards[1].title != moved.title
    assert "Enregistré" in editor.status.text()
    _select_deck(window, "boussole-autodiagnostic-copie")  # the start page lists the new deck…
    assert window.start.edit_deck_button.text() == "Modifier le jeu"  # …as one of yours
    if os.environ.get("ATELIER_SCREENSHOTS"):
        editor.resize(1100, 720)
        qtbot.wait(50)  # the form of the moved card is laid out
        editor.grab().save(os.path.join(os.environ["ATELIER_SCREENSHOTS"], "deck-editor-cards.png"))
    editor.save_button.click()  # a second save bumps again
    assert load_deck(saved).version == _bumped(_bumped(shipped))


def test_editing_your_own_deck_keeps_its_file_and_a_new_deck_starts_valid(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.start.new_deck_button.click()
    editor = window.findChild(DeckEditor)
    assert editor is not None  # a child of the window: closed (and deleted) below
    assert editor.save_button.isEnabled()
    ident = editor.fields["id"]
    _type(ident.editor, "et-si-33", qtbot)  # type: ignore[arg-type]
    editor.save_button.click()  # a built-in deck's id: refused, said plainly
    assert "identifiant d’un jeu intégré" in editor.status.text()
    assert not (user_decks_dir() / "et-si-33.yaml").exists()
    _type(ident.editor, "mon-atelier", qtbot)  # type: ignore[arg-type]
    editor.save_button.click()
    assert load_deck(user_decks_dir() / "mon-atelier.yaml").version == "1.1"
    editor.close()
    _select_deck(window, "mon-atelier")
    window.start.edit_deck_button.click()
    again = [e for e in window.findChildren(DeckEditor) if e.isVisible()]
    assert len(again) == 1 and again[0].draft.path == user_decks_dir() / "mon-atelier.yaml"
    qtbot.addWidget(again[0])


def test_the_compass_and_scale_tables_show_errors_in_their_cells(qtbot: QtBot, window: MainWindow) -> None:
    editor = _open_duplicate(window, qtbot)
    model = editor.compass_model
    colour = [c.key for c in model.columns].index("colour")
    assert model.setData(model.index(0, colour), "bleu")
    assert "couleur invalide" in model.index(0, colour).data(3)  # ToolTipRole
    assert not editor.save_button.isEnabled()
    model.setData(model.index(0, colour), "#123456")
    assert editor.save_button.isEnabled()
    assert editor.scale_model is not None
    before = editor.scale_model.rowCount()
    editor.scale_model.insert(before, {"id": "nsp", "label": "Ne sait pas", "unknown": True, "value": None})
    assert editor.save_button.isEnabled() and editor.draft.deck is not None
    assert editor.draft.deck.unknown_ids() == {"nsp"}


def test_printed_cards_and_the_workbook_from_the_start_page(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    from workshop_app.core.deck_sheet_read import read_deck_sheet

    flow = window.deck_editors()
    targets = iter([str(tmp_path / "cartes.pdf"), str(tmp_path / "jeu.xlsx")])
    flow.choose_save = lambda *_: next(targets)  # type: ignore[method-assign]
    _select_deck(window, "nature-en-ville")
    window.start.print_deck_action.trigger()
    assert len(PdfReader(tmp_path / "cartes.pdf").pages) == 2 * 13  # 26 cards, 2 a sheet, fronts and backs
    window.start.sheet_deck_action.trigger()
    assert read_deck_sheet(tmp_path / "jeu.xlsx") == load_deck(builtin_decks_dir() / "nature-en-ville.yaml")
    assert "Écrit" in window.statusBar().currentMessage()


def test_sections_and_subsets_are_edited_in_their_tables(qtbot: QtBot, window: MainWindow) -> None:
    editor = _open_duplicate(window, qtbot)
    sections, subsets = editor.section_model, editor.subset_model
    sections.insert(0, {"id": "gouv", "title": "Gouvernance"})
    editor.tabs.setCurrentWidget(editor.cards)
    section = editor.cards.fields["cards[0].section"]
    _type(section.editor, "gouvx", qtbot)  # type: ignore[arg-type]
    assert "section inconnue « gouvx »" in section.message
    _type(section.editor, "gouv", qtbot)  # type: ignore[arg-type]
    assert section.message == "" and editor.save_button.isEnabled()
    subsets.insert(0, {"id": "court", "title": "version courte", "cards": ["l1.1"]})
    cards = [c.key for c in subsets.columns].index("cards")
    subsets.setData(subsets.index(0, cards), "l1.1 ; zz")
    assert "carte inconnue « zz »" in subsets.index(0, cards).data(3)
    subsets.setData(subsets.index(0, cards), "l1.1 ; l2.1")
    assert editor.save_button.isEnabled()
    editor.save_button.click()
    deck = load_deck(user_decks_dir() / "boussole-autodiagnostic-copie.yaml")
    assert deck.subsets[0].cards == ["l1.1", "l2.1"] and deck.cards[0].section == "gouv"


def test_a_strategy_deck_edits_cost_delay_and_effects(qtbot: QtBot, window: MainWindow) -> None:
    _select_deck(window, "nature-en-ville")
    window.start.edit_deck_button.click()
    editor = next(e for e in window.findChildren(DeckEditor) if e.isVisible())
    editor.confirm_close = lambda: "discard"  # type: ignore[method-assign]
    qtbot.addWidget(editor)
    assert editor.scale_model is None  # no scale in a strategy deck
    editor.tabs.setCurrentWidget(editor.cards)
    effects = editor.cards.fields["cards[0].effects"]
    _type(effects.editor, "chaleur beaucoup", qtbot)  # type: ignore[arg-type]
    assert "chaleur +2" in effects.message  # the typing error says how to write it
    _type(effects.editor, "chaleur +2 ; eau -1", qtbot)  # type: ignore[arg-type]
    assert effects.message == "" and editor.draft.get("cards[0].effects") == {"chaleur": 2, "eau": -1}
    cost = editor.cards.fields["cards[0].cost"].editor
    cost.setValue(7)  # type: ignore[union-attr]
    editor.save_button.click()
    saved = load_deck(user_decks_dir() / "nature-en-ville-copie.yaml")
    shipped = load_deck(builtin_decks_dir() / "nature-en-ville.yaml").version
    assert saved.cards[0].cost == 7 and saved.version == _bumped(shipped)  # type: ignore[union-attr]


def test_closing_with_unsaved_edits_asks_first(qtbot: QtBot, window: MainWindow) -> None:
    editor = _open_duplicate(window, qtbot, track=False)
    assert not editor.dirty
    _type(editor.fields["title"].editor, "Mon autodiagnostic", qtbot)  # type: ignore[arg-type]
    assert editor.dirty
    answers = iter(["cancel", "save"])
    editor.confirm_close = lambda: next(answers)  # type: ignore[method-assign]
    editor.close()
    assert editor.isVisible()  # « Annuler »: nothing lost, the editor stays
    editor.close()  # « Enregistrer »: saved, then closed
    assert not editor.isVisible()
    assert load_deck(user_decks_dir() / "boussole-autodiagnostic-copie.yaml").title == "Mon autodiagnostic"


def test_quitting_the_app_asks_an_editor_with_unsaved_edits(qtbot: QtBot, window: MainWindow) -> None:
    editor = _open_duplicate(window, qtbot, track=False)
    _type(editor.fields["title"].editor, "Pas encore enregistré", qtbot)  # type: ignore[arg-type]
    answers = iter(["cancel", "discard"])
    editor.confirm_close = lambda: next(answers)  # type: ignore[method-assign]
    assert not window.close()  # « Annuler »: the app stays, with the editor and its edits
    assert window.isVisible() and editor.isVisible() and editor.dirty
    assert window.deck_editors().close_all()  # « Fermer sans enregistrer »
    assert not (user_decks_dir() / "boussole-autodiagnostic-copie.yaml").exists()


def test_an_empty_template_from_the_new_deck_menu(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    window.deck_editors().choose_save = lambda *_: str(tmp_path / "modele.xlsx")  # type: ignore[method-assign]
    menu = window.start.new_deck_button.menu()
    strategy = next(a for a in menu.actions() if "stratégie" in a.text())
    strategy.trigger()
    book = load_workbook(tmp_path / "modele.xlsx")
    assert "Effets" in book.sheetnames and book.sheetnames[0] == "Lisez-moi"
    assert "Modèle écrit" in window.statusBar().currentMessage()
