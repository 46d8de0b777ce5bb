"""End to end, as a new facilitator would: fill the template for a 10-question deck with each question's own
description of each level, import it on the start page, edit a card in the app, play it with two tables
(one answers « ne sait pas » once), and find the level descriptions in the play view, on the projector's
text and in the compte-rendu; the deck's notes to authors are printed nowhere."""

from __future__ import annotations

import os
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from tests.ui.test_app_support import drop_files, message_boxes
from workshop_app.cli import main as cli
from workshop_app.core import deck_sheet_layout as L
from workshop_app.core.deck import QuestionDeck
from workshop_app.core.deck_loader import load_deck
from workshop_app.core.deck_sheet_write import save_workbook, template_data
from workshop_app.paths import user_decks_dir
from workshop_app.ui.deck_editor.window import DeckEditor
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.play.card_panel import CardPanel
from workshop_app.ui.play.question_row import QuestionRow
from workshop_app.ui.projector import ProjectorWindow
from workshop_app.ui.settings import AppSettings
from workshop_app.ui.start.deck_model import ENTRY_ROLE
from workshop_app.ui.workshop_pages import PAGE_PLAY

ESSENTIALS = [
    "Organiser la résilience",
    "Connaître les risques",
    "Financer la résilience",
    "Aménager et bâtir",
    "Protéger les écosystèmes",
    "Renforcer les institutions",
    "Mobiliser la société",
    "Protéger les infrastructures",
    "Réagir efficacement",
    "Reconstruire mieux",
]


def _fill_template(path: Path) -> None:
    """What a facilitator types into the empty template, sheet by sheet."""
    save_workbook(template_data("questions"), path)
    book = load_workbook(path)
    deck = book[L.DECK]
    values = {
        "Identifiant du jeu": "undrr-10",
        "Titre": "UNDRR — 10 questions",
        "Nom de la boussole": "Essentiels",
    }
    for row in deck.iter_rows(min_row=2):
        if row[0].value in values:
            row[1].value = values[row[0].value]
        if row[0].value == "Notes pour les auteurs (jamais imprimées)":
            row[1].value = "NOTE-AUTEUR : vérifier la traduction"
    compass = book[L.COMPASS]
    for i, label in enumerate(ESSENTIALS, start=1):
        compass.append(["axe", f"e{i}", label, "", "", "atelier", ""])
    book[L.SECTIONS].append(["prelim", "Niveau préliminaire", ""])
    cards = book[L.CARDS]
    headers = [c.value for c in cards[1]]
    for i in range(1, 11):
        row: dict[str, object] = {
            "Identifiant": f"p{i}",
            "Titre": f"Question {i} : {ESSENTIALS[i - 1]}",
            "Question": f"Où en est la ville sur « {ESSENTIALS[i - 1].lower()} » ?",
            "Levier 1": f"e{i}",
            "Section": "prelim",
            "Source": f"UNDRR, Scorecard préliminaire, P{i}.1 (traduction de travail)",
        }
        for level in range(4):
            header = next(h for h in headers if str(h).startswith(f"Niveau {level} :"))
            row[str(header)] = f"Q{i} niveau {level} : définition propre"
        cards.append([row.get(str(h)) for h in headers])
    book.save(path)


def _select(window: MainWindow, deck_id: str) -> None:
    model = window.start.decks
    for r in range(model.rowCount()):
        entry = model.index(r, 0).data(ENTRY_ROLE)
        if entry.deck is not None and entry.deck.id == deck_id:
            window.start.deck_view.selectRow(r)
            return
    raise KeyError(deck_id)


def test_template_to_compte_rendu(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    sheet = tmp_path / "undrr.xlsx"
    _fill_template(sheet)

    assert cli(["validate", str(sheet)]) == 0  # the same check as for a YAML deck
    drop_files(window.start, [sheet])  # import on the start page
    assert not message_boxes()
    saved = user_decks_dir() / "undrr-10.yaml"
    assert len(load_deck(saved).cards) == 10

    _select(window, "undrr-10")  # edit a card in the app
    window.start.edit_deck_button.click()
    editor = next(e for e in window.findChildren(DeckEditor) if e.isVisible())
    editor.tabs.setCurrentWidget(editor.cards)
    editor.cards.list.setCurrentRow(1)
    field = editor.cards.fields["cards[1].levels.3"].editor
    field.setText("Plan de financement adopté et suivi")  # type: ignore[union-attr]
    field.textEdited.emit(field.text())  # type: ignore[union-attr]
    editor.save_button.click()
    deck = load_deck(saved)
    assert isinstance(deck, QuestionDeck) and deck.version == "1.1"
    assert deck.cards[1].levels["3"] == "Plan de financement adopté et suivi"
    editor.close()

    service = window.service  # set up: a workshop, two tables, the deck as a sequence
    assert service is not None
    info = service.create_workshop("Atelier UNDRR — Soissons", territory="Soissons")
    groups = [service.add_group(info.id, name) for name in ("Table A", "Table B")]
    sequence = service.add_sequence(info.id, deck, planned_minutes=30)
    assert window.open_workshop(info.id, PAGE_PLAY) and window.session is not None
    session = window.session  # play it in the app: every card, one « ne sait pas »
    session.select_sequence(sequence.id)
    for i, card in enumerate(deck.cards):
        assert session.show_card(card.id)
        session.record_choice(groups[0].id, str(i % 4), "Vu en réunion")
        session.record_choice(groups[1].id, "nsp" if i == 0 else "2")
    reading = session.compass()
    assert reading is not None
    assert reading.room.axes["e1"].coverage == 0.5  # « ne sait pas » counts as unanswered
    assert reading.room.axes["e2"].coverage == 1.0
    assert session.show_card(deck.cards[1].id)
    card_panel = window.findChild(CardPanel)
    assert card_panel is not None and card_panel.isVisible()
    assert "Plan de financement adopté et suivi" in card_panel.levels.text()  # shown in the play view
    assert card_panel.position.text().endswith("· Niveau préliminaire")  # its section
    row = window.findChild(QuestionRow)
    assert row is not None  # the facilitator's buttons say the card's own level too
    assert "Plan de financement adopté et suivi" in row._buttons["3"].toolTip()
    projector = ProjectorWindow(session, AppSettings())  # and so does the projector, for the tables
    qtbot.addWidget(projector)
    assert "Plan de financement adopté et suivi" in projector.prompt.text()
    if os.environ.get("ATELIER_SCREENSHOTS"):
        projector.resize(1280, 720)
        projector.show()
        qtbot.wait(50)
        projector.grab().save(os.path.join(os.environ["ATELIER_SCREENSHOTS"], "projector-levels.png"))
        window.grab().save(os.path.join(os.environ["ATELIER_SCREENSHOTS"], "play-levels.png"))
    window.grab().save(str(tmp_path / "play.png"))

    pdf = tmp_path / "compte-rendu.pdf"
    assert cli(["export", info.id, "--pdf", str(pdf), "--quiet"]) == 0
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(pdf).pages).replace(
        "\u00a0", " "
    )
    assert "Niveaux de cette carte" in text and "Niveau préliminaire" in text
    assert "Plan de financement adopté et suivi" in text
    assert "Q5 niveau 0 : définition propre" in text
    assert "UNDRR, Scorecard préliminaire, P3.1" in text
    assert "Ne sait pas" in text and "compte comme une absence de réponse" in text
    assert "? = Ne sait pas" in text  # the raw table tells it from « non concerné »
    assert "NOTE-AUTEUR" not in text
