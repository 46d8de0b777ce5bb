"""The start page in the main window: the demo workshop, the deck list, deck import by drop or dialog."""

from __future__ import annotations

import os
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.ui.test_app_support import BROKEN_DECK, VALID_DECK, close_message_boxes, drop_files, message_boxes
from workshop_app.paths import user_decks_dir
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.settings import AppSettings
from workshop_app.ui.start.deck_issues_dialog import DeckIssuesDialog
from workshop_app.ui.start.deck_model import ENTRY_ROLE
from workshop_app.ui.workshop_pages import PAGE_PLAY


def deck_titles(window: MainWindow) -> list[str]:
    model = window.start.decks
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_start_page_lists_the_demo_workshop_once_created_in_the_background(
    qtbot: QtBot, window: MainWindow
) -> None:
    start = window.start
    assert start.workshops.rowCount() == 0 and start.empty_label.isVisibleTo(start)
    assert start.demo_button.isEnabled()
    with qtbot.waitSignal(window.sig_workshop_opened, timeout=20_000):
        start.demo_button.click()
        assert not start.demo_button.isEnabled()  # busy while the worker builds it
    assert start.workshops.rowCount() == 1
    demo = start.workshops.summary(0)
    assert demo.territory == "Valmont-sur-Oise" and demo.answered > 0
    assert start.demo_button.isEnabled() and not start.empty_label.isVisibleTo(start)
    assert window.pages.current() == PAGE_PLAY
    window.close_workshop()
    with qtbot.waitSignal(window.sig_workshop_opened, timeout=20_000):
        start.demo_button.click()  # already there: opened again, not duplicated
    assert start.workshops.rowCount() == 1


def test_builtin_decks_are_listed_with_their_description(window: MainWindow) -> None:
    titles = deck_titles(window)
    assert any("Et si" in t for t in titles)
    window.start.deck_view.selectRow(0)
    assert "version" in window.start.deck_detail.toPlainText()


def test_boussole_decks_show_the_glossary_note_for_who_quotes_the_national_survey(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """The cahier says 6 principes and 18 leviers, the national survey inverts the words: the note is in the
    deck's details, where the facilitator reads about the deck before choosing it."""
    titles = [t.replace("\u00a0", " ") for t in deck_titles(window)]
    window.resize(1366, 768)
    for wanted in ("33 « Et si", "Autodiagnostic Boussole", "Entretiens"):
        window.start.deck_view.selectRow(next(i for i, t in enumerate(titles) if t.startswith(wanted)))
        detail = window.start.deck_detail.toPlainText().replace("\u00a0", " ")
        assert "6 principes, chacun décliné en 3 leviers, soit 18 leviers" in detail, wanted
        assert "« 6 leviers, 18 principes »" in detail and "'" not in detail, wanted
    shots = os.environ.get("ATELIER_SCREENSHOTS")
    qtbot.wait(50)
    window.grab().save(os.path.join(shots, "start-glossary.png") if shots else str(tmp_path / "start.png"))


def test_dropping_a_broken_deck_lists_its_errors_and_copies_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    broken = tmp_path / "jeu-casse.yaml"
    broken.write_text(BROKEN_DECK, encoding="utf-8")
    drop_files(window.start, [broken])
    dialogs = [w for w in window.findChildren(DeckIssuesDialog) if w.isVisible()]
    assert len(dialogs) == 1
    lines = dialogs[0].lines
    assert lines[0] == "jeu-casse.yaml:17: cards[0].prompt: champ obligatoire manquant"
    assert lines[1].startswith("jeu-casse.yaml:19: cards[0].informs[0].weight: valeur trop petite")
    assert lines[2].startswith("jeu-casse.yaml:20: cards[0].colour: champ inconnu")
    assert dialogs[0].list.count() == len(lines)
    assert not user_decks_dir().exists() or not list(user_decks_dir().iterdir())
    dialogs[0].close()


def test_dropping_a_valid_deck_copies_it_to_the_user_folder(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    source = tmp_path / "téléchargé.yaml"
    source.write_text(VALID_DECK, encoding="utf-8")
    drop_files(window.start, [source])
    target = user_decks_dir() / "mon-jeu.yaml"
    assert target.read_text(encoding="utf-8") == VALID_DECK
    assert [p.name for p in user_decks_dir().iterdir()] == ["mon-jeu.yaml"]  # no temporary file left
    assert "Mon petit jeu" in deck_titles(window)
    current = window.start.deck_view.currentIndex()
    assert current.data(ENTRY_ROLE).path == target and not current.data(ENTRY_ROLE).builtin
    assert not message_boxes()


def test_import_by_dialog_refuses_a_builtin_id_and_other_files(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    clash = tmp_path / "copie.yaml"
    clash.write_text(VALID_DECK.replace("id: mon-jeu", "id: et-si-33"), encoding="utf-8")
    window.choose_deck_files = lambda: [str(clash)]  # type: ignore[method-assign]
    window.start.import_button.click()
    texts = close_message_boxes()
    assert texts and "un jeu intégré porte déjà l’identifiant « et-si-33 »" in texts[0]
    assert not (user_decks_dir() / "et-si-33.yaml").exists()
    window.import_decks([str(tmp_path / "notes.txt")])
    assert "n’est pas un fichier de jeu" in close_message_boxes()[0]


def test_a_broken_deck_in_the_user_folder_is_listed_plainly(qtbot: QtBot, tmp_path: Path) -> None:
    user_decks_dir().mkdir(parents=True)
    (user_decks_dir() / "vieux.yaml").write_text(BROKEN_DECK, encoding="utf-8")
    main = MainWindow(AppSettings())
    qtbot.addWidget(main)
    main.open_store()
    model = main.start.decks
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "vieux.yaml")
    assert model.index(row, 4).data() == "invalide : 3 erreurs"
    main.start.deck_view.selectRow(row)
    text = main.start.deck_detail.toPlainText()
    assert "ne peut pas être joué" in text and "• vieux.yaml:17: cards[0].prompt: champ obligatoire" in text
    assert all(e.deck is None or e.deck.id != "jeu-casse" for e in main.decks if e.ok)
    main.close()
