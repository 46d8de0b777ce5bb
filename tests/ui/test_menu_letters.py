"""Inside each menu, every Alt+letter is different (two items with one letter make Qt cycle between them
instead of choosing), in French and in English."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.settings import AppSettings


def _clashes(window: MainWindow) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for top in window.menuBar().actions():
        menu = top.menu()
        assert menu is not None
        letters: list[str] = []
        for action in menu.actions():
            text = action.text().replace("&&", "")
            if "&" in text:
                letters.append(text[text.index("&") + 1].lower())
        if len(letters) != len(set(letters)):
            found[top.text()] = sorted(letters)
    return found


def test_menu_letters_are_unique_in_french(window: MainWindow) -> None:
    assert _clashes(window) == {}


def test_menu_letters_are_unique_in_english(qtbot: QtBot, english: None) -> None:
    main = MainWindow(AppSettings())
    qtbot.addWidget(main)
    try:
        assert main.menuBar().actions()[0].text() == "&File"  # really in English
        assert _clashes(main) == {}
    finally:
        main.close()
