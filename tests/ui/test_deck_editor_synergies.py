"""The deck editor shows and edits a strategy deck's synergies (two cards, an extra effect per axis, a reason)
with the deck loader's own French messages beside the fields, and what it saves reads back the same."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QSpinBox
from pytestqt.qtbot import QtBot

from workshop_app.core.deck import StrategyDeck
from workshop_app.core.deck_loader import DeckLoadError, load_deck
from workshop_app.paths import user_decks_dir
from workshop_app.ui.deck_editor.synergy_tab import SynergyTab
from workshop_app.ui.deck_editor.window import DeckEditor
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.start.deck_model import ENTRY_ROLE

SHOTS = os.environ.get("ATELIER_SHOTS", "")


def _open_nature(window: MainWindow, qtbot: QtBot) -> tuple[DeckEditor, SynergyTab]:
    model = window.start.decks
    entries = [model.index(r, 0).data(ENTRY_ROLE) for r in range(model.rowCount())]
    row = next(r for r, e in enumerate(entries) if e.deck is not None and e.deck.id == "nature-en-ville")
    window.start.deck_view.selectRow(row)
    window.start.edit_deck_button.click()  # « Dupliquer et modifier »
    editor = next(e for e in window.findChildren(DeckEditor) if e.isVisible())
    editor.confirm_close = lambda: "discard"  # type: ignore[method-assign]
    qtbot.addWidget(editor)
    assert editor.synergies is not None
    editor.tabs.setCurrentWidget(editor.synergies)
    return editor, editor.synergies


def _loader_issue(data: dict[str, object], folder: Path) -> tuple[str, int | None, str, str]:
    """What the loader says of the same data written to a file: (file, line, field, message)."""
    path = folder / "jeu.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(DeckLoadError) as caught:
        load_deck(path)
    issue = caught.value.issues[0]
    return issue.file, issue.line, issue.field, issue.message


def test_the_synergies_are_shown_and_edited_with_the_loaders_messages(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    editor, tab = _open_nature(window, qtbot)
    shipped = editor.draft.deck
    assert isinstance(shipped, StrategyDeck) and len(shipped.synergies) == 4
    assert tab.list.count() == 4
    assert tab.list.item(0).text().startswith(f"1. « {shipped.card('arbres-rues').title} » + « Rendre")
    first, second = (tab.fields[f"synergies[0].cards[{i}]"].editor for i in (0, 1))
    assert isinstance(first, QComboBox) and first.currentData() == "arbres-rues"
    assert isinstance(second, QComboBox) and second.currentData() == "parking-permeable"
    heat, health = (tab.fields[f"synergies[0].effects.{a}"].editor for a in ("chaleur", "sante"))
    assert isinstance(heat, QSpinBox) and heat.value() == 1 and isinstance(health, QSpinBox)
    assert health.value() == 0
    health.setValue(2)
    reason = tab.fields["synergies[0].reason"].editor
    assert isinstance(reason, QPlainTextEdit) and "poussent mieux" in reason.toPlainText()
    reason.setPlainText("Les arbres du parking perméable boivent la pluie.")

    tab.add_button.click()  # a new one: no reason yet, said as the loader says it
    assert tab.list.count() == 5 and tab.current == 4
    message = tab.fields["synergies[4].reason"].message
    file, line, field, loader_message = _loader_issue(editor.draft.data, tmp_path)
    assert (field, loader_message) == ("synergies[4].reason", message) and message.startswith("texte vide")
    assert file == "jeu.yaml" and line is not None  # the loader also gives the file and the line
    assert "synergies[4].reason" in editor.status.text() and not editor.save_button.isEnabled()
    new_reason = tab.fields["synergies[4].reason"].editor
    assert isinstance(new_reason, QPlainTextEdit)
    new_reason.setPlainText("Les noues arrosent la micro-forêt.")
    assert tab.fields["synergies[4].reason"].message == ""
    assert "une synergie doit changer au moins un axe" in tab.problem.text()  # no effect yet: pair-level
    pick = tab.fields["synergies[4].cards[0]"].editor
    other = tab.fields["synergies[4].cards[1]"].editor
    assert isinstance(pick, QComboBox) and isinstance(other, QComboBox)
    water = tab.fields["synergies[4].effects.eau"].editor
    assert isinstance(water, QSpinBox)
    water.setValue(1)
    pick.setCurrentIndex(pick.findData("parking-permeable"))
    other.setCurrentIndex(other.findData("reouverture-ruisseau"))  # excluded by the parking: never plays
    shown = tab.problem.text()
    _file, _line, field, loader_message = _loader_issue(editor.draft.data, tmp_path)
    assert shown == f"{field} : {loader_message}" and "sont incompatibles" in shown
    assert tab.list.item(4).text().endswith("⚠")
    if SHOTS:
        editor.resize(1366, 768)
        QTest.qWait(30)
        editor.grab().save(str(Path(SHOTS) / "editor-synergy-error-1366.png"))
    other.setCurrentIndex(other.findData("jardins-pluie"))
    pick.setCurrentIndex(pick.findData("micro-foret"))
    assert not tab.problem.isVisible() and editor.save_button.isEnabled(), editor.status.text()
    assert not tab.list.item(4).text().endswith("⚠")
    if SHOTS:
        editor.resize(1366, 768)
        QTest.qWait(30)
        editor.grab().save(str(Path(SHOTS) / "editor-synergies-1366.png"))
    editor.tabs.setCurrentWidget(editor.cards)  # the card's preview, as projected, names its new partner
    forest = next(i for i, c in enumerate(editor.draft.cards) if c["id"] == "micro-foret")
    editor.cards.list.setCurrentRow(forest)
    projected = editor.cards.preview.prompt._text
    assert "⇄ avec « Créer des jardins de pluie et des noues » : Eaux pluviales +1" in projected
    if SHOTS:
        editor.grab().save(str(Path(SHOTS) / "editor-preview-1366.png"))
    editor.tabs.setCurrentWidget(tab)
    tab.list.setCurrentRow(2)
    tab.remove_button.click()  # the third one goes
    assert tab.list.count() == 4

    edited = editor.draft.deck
    assert isinstance(edited, StrategyDeck)
    editor.save_button.click()
    saved = load_deck(user_decks_dir() / "nature-en-ville-copie.yaml")
    assert isinstance(saved, StrategyDeck)
    assert saved.synergies == edited.synergies  # edit → save YAML → reload: the same synergies
    assert [s.cards for s in saved.synergies] == [
        ["arbres-rues", "parking-permeable"], ["recuperation-pluie", "jardins-partages"],
        ["cours-oasis", "parcours-fraicheur"], ["micro-foret", "jardins-pluie"],
    ]
    assert saved.synergies[0].effects == {"chaleur": 1, "biodiversite": 1, "sante": 2}
    assert saved.synergies[0].reason == "Les arbres du parking perméable boivent la pluie."
    assert saved.synergies[3].effects == {"eau": 1} and saved.synergies[3].reason.startswith("Les noues")


def test_a_card_renamed_elsewhere_shows_in_the_synergy_and_the_empty_state(
    qtbot: QtBot, window: MainWindow
) -> None:
    editor, tab = _open_nature(window, qtbot)
    editor.tabs.setCurrentWidget(editor.cards)
    row = next(i for i, c in enumerate(editor.draft.cards) if c["id"] == "arbres-rues")
    editor.cards.list.setCurrentRow(row)
    card_id = editor.cards.fields[f"cards[{row}].id"].editor
    card_id.setText("arbres")  # type: ignore[union-attr]
    card_id.textEdited.emit("arbres")  # type: ignore[union-attr]
    editor.tabs.setCurrentWidget(tab)  # the tab reloads: the synergy names a card that no longer exists
    assert tab.fields["synergies[0].cards[0]"].message == "carte inconnue « arbres-rues »"
    for _ in range(4):
        tab.list.setCurrentRow(0)
        tab.remove_button.click()
    assert tab.list.count() == 0 and "synergies" not in editor.draft.data
    assert not tab.remove_button.isEnabled() and not tab.problem.isVisible()


def test_an_effect_on_an_axis_that_no_longer_exists_can_be_seen_and_cleared(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    editor, tab = _open_nature(window, qtbot)
    editor.draft.put("synergies[0].effects", {"chaleur": 1, "ombre": 1})  # « ombre »: no such axis
    tab.reload(0)
    stale = tab.fields["synergies[0].effects.ombre"]
    _file, _line, field, loader_message = _loader_issue(editor.draft.data, tmp_path)
    assert (field, stale.message) == ("synergies[0].effects.ombre", loader_message)
    assert stale.message.startswith("axe inconnu « ombre »")
    assert isinstance(stale.editor, QSpinBox) and stale.editor.value() == 1
    stale.editor.setValue(0)  # cleared: the effect leaves the synergy, the deck is valid again
    assert editor.draft.get("synergies[0].effects") == {"chaleur": 1} and editor.save_button.isEnabled()
