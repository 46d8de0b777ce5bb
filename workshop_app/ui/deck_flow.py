"""The main window's deck handlers: importing deck files (« Importer un jeu », a drop, Ctrl+O) and the deck
editor's launcher, built on first use.

Kept out of :mod:`workshop_app.ui.main_window` so that it only composes the pages and the actions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from workshop_app.ui.deck_editor.launch import DeckEditorFlow
    from workshop_app.ui.main_window import MainWindow


def browse_decks(window: MainWindow) -> None:
    """« Importer un jeu… »: the files the facilitator chose are imported."""
    paths = window.choose_deck_files()
    if paths:
        import_decks(window, paths)


def choose_deck_files(window: MainWindow) -> list[str]:
    """Asks for deck files (YAML or spreadsheets)."""
    from PySide6.QtWidgets import QFileDialog

    paths, _ = QFileDialog.getOpenFileNames(
        window,
        QCoreApplication.translate("MainWindow", "Importer un jeu"),
        "",
        QCoreApplication.translate("MainWindow", "Jeux (*.yaml *.yml *.xlsx *.ods)"),
    )
    return list(paths)


def import_decks(window: MainWindow, paths: list[str]) -> None:
    """Imports the files into the deck folder; the last one imported is selected on the start page."""
    from workshop_app.ui.start.import_flow import import_decks as copy_decks

    imported = copy_decks(paths, window.decks, window)
    if imported:
        window.refresh_decks()
        window.start.select_deck(imported[-1])
        if len(imported) == 1:
            text = QCoreApplication.translate("MainWindow", "%1 jeu importé")
        else:
            text = QCoreApplication.translate("MainWindow", "%1 jeux importés")
        window.statusBar().showMessage(text.replace("%1", str(len(imported))), 8000)


def deck_editor_flow(window: MainWindow) -> DeckEditorFlow:
    """The deck editor's launcher (it is not needed to start the app): a saved deck is listed and selected."""
    from workshop_app.ui.deck_editor.launch import DeckEditorFlow

    def saved(path: str) -> None:
        window.refresh_decks()
        window.start.select_deck(path)

    flow = DeckEditorFlow(window, lambda: window.decks, saved)
    flow.on_status = lambda text: window.statusBar().showMessage(text, 10_000)
    return flow
