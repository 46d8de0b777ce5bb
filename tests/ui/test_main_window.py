"""The main window: one registry of actions and shortcuts, tabs that follow the open workshop, export."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.test_app_support import close_message_boxes, et_si_deck, with_workshop
from workshop_app.core.errors import AtelierError
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.settings import OPEN_WORKSHOP, RECENT_WORKSHOPS, AppSettings
from workshop_app.ui.workshop_pages import PAGE_DEBRIEF, PAGE_PLAY, PAGE_SETUP, PAGE_START

EXPECTED_KEYS = {
    "undo": ["Ctrl+Z"],
    "redo": ["Ctrl+Shift+Z", "Ctrl+Y"],
    "next_card": ["PgDown", "Alt+Right"],
    "previous_card": ["PgUp", "Alt+Left"],
    "projector": ["F5"],
    "swap_screen": ["F6"],
    "blank": ["B"],
    "reveal": ["R"],
    "export": ["Ctrl+E"],
    "new_workshop": ["Ctrl+N"],
    "open_file": ["Ctrl+O"],
    "export_bundle": ["Ctrl+Shift+E"],
    "fullscreen": ["F11"],
    "font_bigger": ["Ctrl++", "Ctrl+="],
    "font_smaller": ["Ctrl+-"],
}


def test_every_shortcut_of_the_issue_is_declared_once(window: MainWindow) -> None:
    registry = window.registry
    for name, keys in EXPECTED_KEYS.items():
        assert [k.toString() for k in registry[name].shortcuts()] == keys, name
    seen: dict[str, str] = {}
    for name in registry:
        for key in registry[name].shortcuts():
            assert key.toString() not in seen, f"{key.toString()} on {name} and {seen.get(key.toString())}"
            seen[key.toString()] = name
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&Fichier", "É&dition", "&Jeu", "&Affichage", "Aid&e"]
    rows = dict(registry.shortcut_table())
    assert rows["Annuler"] == "Ctrl+Z" and "Alt+1" in rows["Aller à une table (1 à 8)"]


def test_workshop_tabs_wait_for_a_workshop(qtbot: QtBot, window: MainWindow) -> None:
    tabs = window.tabs
    assert [tabs.tabText(i) for i in range(4)] == ["A&ccueil", "&Préparation", "Je&u", "&Bilan"]
    assert not any(tabs.isTabEnabled(i) for i in (1, 2, 3))
    assert not window.registry["export"].isEnabled() and not window.registry["undo"].isEnabled()
    workshop_id = with_workshop(window)
    assert all(tabs.isTabEnabled(i) for i in (1, 2, 3))
    assert window.pages.current() == PAGE_PLAY  # ready to play: tables and a sequence
    assert window.settings.get(OPEN_WORKSHOP) == workshop_id
    assert window.settings.get(RECENT_WORKSHOPS)[0] == workshop_id
    assert window.windowTitle() == "Atelier test — Atelier Résilience"
    window.registry["go_setup"].trigger()
    assert window.pages.current() == PAGE_SETUP
    window.registry["close_workshop"].trigger()
    assert window.pages.current() == PAGE_START and window.session is None
    assert window.settings.get(OPEN_WORKSHOP) == ""
    assert not tabs.isTabEnabled(PAGE_PLAY)


def test_ctrl_n_creates_a_workshop_and_puts_the_cursor_in_its_title(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.session is not None and window.pages.current() == PAGE_SETUP
    focus = QApplication.focusWidget()
    assert isinstance(focus, QLineEdit) and focus.objectName() == "titleEdit"
    assert focus.selectedText() == "Nouvel atelier"


def test_undo_redo_and_navigation_go_through_the_session(qtbot: QtBot, window: MainWindow) -> None:
    with_workshop(window)
    session = window.session
    assert session is not None
    session.show_card(session.card_id or "")
    group = session.groups[0]
    session.record_choice(group.id, et_si_deck().scale[2].id)  # type: ignore[union-attr]
    assert window.registry["undo"].isEnabled()
    window.registry["undo"].trigger()
    assert session.sequence_state().answer(group.id, session.card_id or "") is None
    window.registry["redo"].trigger()
    assert session.sequence_state().answer(group.id, session.card_id or "") is not None
    first = session.card_id
    window.registry["next_card"].trigger()
    assert session.card_id != first
    window.registry["previous_card"].trigger()
    assert session.card_id == first
    window.registry["reveal"].trigger()
    assert session.sequence_state().revealed


def test_the_edit_menu_says_what_undo_and_redo_will_do_and_reveal_is_not_undone(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Three Ctrl+Z once flipped the projector instead of fixing an answer: now they fix answers only."""
    with_workshop(window)
    session = window.session
    assert session is not None
    session.show_card(session.card_id or "")
    undo, redo = window.registry["undo"], window.registry["redo"]
    assert undo.text() == "&Annuler" and not undo.isEnabled()
    first, second = session.groups[0], session.groups[1]
    card = session.deck.cards[0]  # type: ignore[union-attr]
    session.record_choice(first.id, et_si_deck().scale[2].id)
    session.record_choice(second.id, et_si_deck().scale[3].id)
    for _ in range(3):
        window.registry["reveal"].trigger()
    assert session.sequence_state().revealed
    expected = f"&Annuler : réponse de {second.name} à la carte « {card.title[:47]}"
    assert undo.text().startswith(expected), undo.text()
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.sequence_state().answer(second.id, card.id) is None
    assert session.sequence_state().revealed  # the projector did not flip
    assert undo.text().startswith(f"&Annuler : réponse de {first.name}")
    assert redo.text().startswith(f"&Rétablir : réponse de {second.name} à la carte « ")
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # nothing left
    assert session.sequence_state().revealed
    assert undo.text() == "&Annuler" and not undo.isEnabled()
    rows = dict(window.registry.shortcut_table())
    assert rows["Annuler"] == "Ctrl+Z"  # the shortcut list names the action, not the last answer


def test_store_error_is_a_french_message_and_retry_works(qtbot: QtBot) -> None:
    def broken() -> object:
        raise AtelierError("La base « atelier.sqlite3 » est utilisée par une autre application.")

    main = MainWindow(AppSettings(), store_opener=broken)  # type: ignore[arg-type]
    qtbot.addWidget(main)
    main.show()
    assert not main.open_store()
    texts = close_message_boxes()
    assert len(texts) == 1 and texts[0].startswith("La base « atelier.sqlite3 » est utilisée")
    assert "Traceback" not in texts[0]
    assert main.start.retry_button.isVisible() and not main.start.new_button.isEnabled()
    assert not main.registry["new_workshop"].isEnabled()
    from workshop_app.store import open_store

    main._store_opener = open_store
    main.start.retry_button.click()
    assert main.service is not None and main.start.new_button.isEnabled()
    assert not main.start.retry_button.isVisible()
    main.close()


def test_shortcuts_dialog_lists_the_keys(qtbot: QtBot, window: MainWindow) -> None:
    from workshop_app.ui.shortcuts_dialog import ShortcutsDialog

    window.registry["shortcuts"].trigger()
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None and dialog.isVisible()
    table = dialog.findChild(QTableWidget, "shortcutsTable")
    assert table is not None and table.rowCount() > 20
    keys = {table.item(r, 1).text() for r in range(table.rowCount())}
    assert {"Ctrl+Z", "F5", "B", "R"} <= keys
    dialog.close()
    assert QKeySequence("F1") in window.registry["shortcuts"].shortcuts()


def _mnemonics(widget: QWidget) -> list[str]:
    """Alt+letter shortcuts visible in ``widget``: label buddies and buttons."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    letters = []
    for child in widget.findChildren(QWidget):
        if not child.isVisibleTo(widget):
            continue
        if (isinstance(child, QLabel) and child.buddy() is not None) or isinstance(child, QAbstractButton):
            text = child.text().replace("&&", "")  # type: ignore[union-attr]
            if "&" in text:
                letters.append(text[text.index("&") + 1].lower())
    return letters


def _letter(text: str) -> str:
    text = text.replace("&&", "")
    return text[text.index("&") + 1].lower()


def _assert_alt_letters_unique(window: MainWindow, page: int) -> None:
    with_workshop(window)
    window.pages.show(page)
    menu = [_letter(a.text()) for a in window.menuBar().actions()]
    tabs = [_letter(window.tabs.tabText(i)) for i in range(window.tabs.count())]
    letters = menu + tabs + _mnemonics(window.tabs.currentWidget())
    assert len(letters) == len(set(letters)), sorted(letters)


@pytest.mark.parametrize("page", [PAGE_START, PAGE_SETUP, PAGE_PLAY, PAGE_DEBRIEF])
def test_alt_letters_are_unique_on_each_page_and_menu_bar(window: MainWindow, page: int) -> None:
    """Two widgets with the same Alt+letter make Qt ignore both: check each page against the menu bar and the
    tabs (always visible, so their letters must be free on every page)."""
    _assert_alt_letters_unique(window, page)


@pytest.mark.parametrize("page", [PAGE_START, PAGE_SETUP, PAGE_PLAY, PAGE_DEBRIEF])
def test_alt_letters_are_unique_in_english_too(qtbot: QtBot, english: None, page: int) -> None:
    main = MainWindow(AppSettings())
    qtbot.addWidget(main)
    main.show()
    assert main.open_store()
    try:
        assert main.tabs.tabText(PAGE_START) == "H&ome"  # really in English
        _assert_alt_letters_unique(main, page)
    finally:
        main.close()


def test_alt_letters_go_to_the_tabs(qtbot: QtBot, window: MainWindow) -> None:
    with_workshop(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for key, page in ((Qt.Key.Key_B, PAGE_DEBRIEF), (Qt.Key.Key_P, PAGE_SETUP), (Qt.Key.Key_U, PAGE_PLAY),
                      (Qt.Key.Key_C, PAGE_START)):
        QTest.keyClick(window, key, Qt.KeyboardModifier.AltModifier)
        assert window.pages.current() == page, key


def test_a_refusal_on_the_set_up_page_is_a_message(window: MainWindow) -> None:
    with_workshop(window)
    session = window.session
    assert session is not None
    session.show_card(session.card_id or "")
    session.record_choice(session.groups[0].id, et_si_deck().scale[1].id)  # type: ignore[union-attr]
    window.pages.show(PAGE_SETUP)
    setup = window.pages.setup
    assert setup is not None
    setup.groups.view.selectRow(0)
    setup.groups.remove_button.click()
    texts = close_message_boxes()
    assert len(texts) == 1 and "réponse" in texts[0]
    window.pages.show(PAGE_PLAY)
    session.change_setup(lambda s: s.remove_group(session.groups[0].id))
    assert close_message_boxes() == []  # on the play page the refusal is said in place, not in a box
    assert "réponse" in window.statusBar().currentMessage()


def test_the_play_outline_keeps_its_width_from_one_session_to_the_next(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The facilitator widens the card list once; the next time the app opens, it is as wide."""
    from PySide6.QtCore import QPoint

    workshop_id = with_workshop(window)
    window.pages.show(PAGE_PLAY)
    play = window.pages.play
    assert play is not None
    splitter = play.splitter  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: splitter.sizes()[0] > 0)
    before = splitter.sizes()[0]
    handle = splitter.handle(1)
    start = QPoint(handle.width() // 2, handle.height() // 2)
    end = start + QPoint(120, 0)  # drag the handle 120 px to the right
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(handle, end)
    QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    widened = splitter.sizes()[0]
    assert widened >= before + 100
    size = window.size()
    window.close()  # quitting the app

    again = MainWindow(AppSettings())
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    again.resize(size)  # the offscreen platform does not restore the window's geometry exactly
    assert again.open_store() and again.open_workshop(workshop_id, PAGE_PLAY)
    play = again.pages.play
    assert play is not None
    qtbot.waitUntil(lambda: play.splitter.sizes()[0] > 0)  # type: ignore[attr-defined]
    assert play.splitter.sizes()[0] == widened  # type: ignore[attr-defined]
    again.close()
