"""The issue's end-to-end run, with the keyboard alone: every key goes to the widget that has the focus.

Create a workshop with 4 tables and the « Et si… » sequence, play ten cards (each table answers), undo one
answer, show the projector and reveal the compass on it, write two actions in the action plan — then open the
database again with a new service and find everything there.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.test_app_support import close_message_boxes, new_store, type_text
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.settings import AppSettings
from workshop_app.ui.workshop_pages import PAGE_DEBRIEF, PAGE_PLAY, PAGE_SETUP

Mod = Qt.KeyboardModifier
TABLES = ("Les Coteaux", "Le Canal", "La Plaine", "Le Vieux Bourg")
CARDS = 10


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(key: Qt.Key, modifiers: Mod = Mod.NoModifier) -> None:
    QTest.keyClick(focused(), key, modifiers)


def type_in_focus(text: str) -> None:
    type_text(focused(), text)


def tab_until(qtbot: QtBot, wanted: QWidget, limit: int = 60) -> None:
    """Press Tab until ``wanted`` has the focus, as a facilitator would."""
    for _ in range(limit):
        if focused() is wanted:
            return
        press(Qt.Key.Key_Tab)
    pytest.fail(f"Tab never reached {wanted!r}; stuck on {focused()!r}")


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    main = MainWindow(AppSettings())
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    assert main.open_store()
    main.start.setFocus()
    yield main
    close_message_boxes()
    main.close()


def test_keyboard_only_workshop_from_creation_to_action_plan(qtbot: QtBot, window: MainWindow) -> None:
    # -- Ctrl+N: a new workshop, the cursor in its title
    press(Qt.Key.Key_N, Mod.ControlModifier)
    assert window.pages.current() == PAGE_SETUP
    type_in_focus("Atelier résilience — Soissons")
    press(Qt.Key.Key_Tab)  # leaving the title saves it
    type_in_focus("Soissons")  # territory
    press(Qt.Key.Key_Tab)
    # -- Alt+V: the new-table field; a name and Enter, four times
    press(Qt.Key.Key_V, Mod.AltModifier)
    for name in TABLES:
        type_in_focus(name)
        press(Qt.Key.Key_Return)
    # -- Alt+S: the sequences; Tab to the deck list, « 3 » picks « 33 « Et si… » », Alt+Q adds it
    press(Qt.Key.Key_S, Mod.AltModifier)
    assert focused() is window.pages.setup.sequences.view  # type: ignore[union-attr]
    press(Qt.Key.Key_Tab)
    assert focused() is window.pages.setup.sequences.deck_combo  # type: ignore[union-attr]
    type_in_focus("3")
    assert window.pages.setup.sequences.deck_combo.currentData() == "et-si-33"  # type: ignore[union-attr]
    press(Qt.Key.Key_Q, Mod.AltModifier)
    session = window.session
    assert session is not None
    qtbot.waitUntil(lambda: bool(session.sequences))  # a mnemonic « clicks » the button after a short flash
    assert [g.name for g in session.groups] == list(TABLES)
    assert [s.deck.id for s in session.sequences] == ["et-si-33"]
    # -- Ctrl+3: play. Alt+1 puts the keyboard on table 1; a digit answers, Down goes to the next table
    press(Qt.Key.Key_3, Mod.ControlModifier)
    assert window.pages.current() == PAGE_PLAY
    deck = session.deck
    assert deck is not None
    played: list[str] = []
    for number in range(CARDS):
        press(Qt.Key.Key_1, Mod.AltModifier)
        for table in range(len(TABLES)):
            type_in_focus(str((number + table) % 5))
            if table < len(TABLES) - 1:
                press(Qt.Key.Key_Down)
        played.append(session.card_id or "")
        press(Qt.Key.Key_PageDown)
    assert played == [c.id for c in deck.cards[:CARDS]]
    assert len(session.sequence_state().answers) == CARDS * len(TABLES)
    # -- Ctrl+Z takes back the last answer (table 4, card 10)
    press(Qt.Key.Key_Z, Mod.ControlModifier)
    last = (session.groups[3].id, played[-1])
    assert last not in session.sequence_state().answers
    assert len(session.sequence_state().answers) == CARDS * len(TABLES) - 1
    # -- F5: the projector; R: the compass is revealed on it
    press(Qt.Key.Key_F5)
    projector = window.projector.window
    assert projector is not None and projector.isVisible()
    assert not projector.revealed() and not projector.compass.isVisible()
    window.activateWindow()
    press(Qt.Key.Key_R)
    assert projector.revealed() and projector.compass.isVisibleTo(projector)
    # -- Ctrl+4: the debrief; Tab to « Ajouter une action », Space, type the action, Tab, its owner
    press(Qt.Key.Key_4, Mod.ControlModifier)
    assert window.pages.current() == PAGE_DEBRIEF
    debrief = window.pages.debrief
    add = next(b for b in debrief.findChildren(QPushButton) if b.text() == "Ajouter une action")  # type: ignore
    plan = (
        ("Cartographier les îlots de chaleur", "Service urbanisme"),
        ("Plan de continuité de l'eau potable", "Régie des eaux"),
    )
    for number, (action, owner) in enumerate(plan):
        if number == 0:
            tab_until(qtbot, add)
            press(Qt.Key.Key_Space)
        else:  # Tab stays inside the action table (cell to cell): the shell's shortcut adds a line
            press(Qt.Key.Key_A, Mod.ControlModifier | Mod.ShiftModifier)
        press(Qt.Key.Key_A, Mod.ControlModifier)  # the editor holds « Nouvelle action »: replace it
        type_in_focus(action)
        press(Qt.Key.Key_Tab)
        type_in_focus(owner)
        press(Qt.Key.Key_Return)
        qtbot.wait(20)  # a table editor commits on the next turn of the event loop
    # -- a new service on the same database finds everything
    workshop_id = session.workshop_id
    window.close()
    store = new_store()
    try:
        snapshot = store.snapshot(workshop_id)
    finally:
        store.close()
    assert snapshot.info.title == "Atelier résilience — Soissons"
    assert snapshot.info.territory == "Soissons"
    assert [g.name for g in snapshot.groups] == list(TABLES)
    assert [s.deck.id for s in snapshot.sequences] == ["et-si-33"]
    state = snapshot.sequence_state(snapshot.sequences[0].id)
    assert len(state.answers) == CARDS * len(TABLES) - 1
    assert last not in state.answers
    assert state.answers[(snapshot.groups[1].id, played[2])].option == str((2 + 1) % 5)
    assert state.revealed
    # the first card was answered where the sequence opened, without navigating to it: it is in the log too,
    # then the nine cards reached with « carte suivante », then the eleventh
    assert state.cards_shown == [*played, deck.cards[CARDS].id]
    assert [(a.action, a.owner) for a in snapshot.actions] == [
        ("Cartographier les îlots de chaleur", "Service urbanisme"),
        ("Plan de continuité de l'eau potable", "Régie des eaux"),
    ]
