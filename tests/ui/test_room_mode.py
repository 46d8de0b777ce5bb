"""« Mode salle (écran unique) »: with one mirrored screen, the facilitator's window is what the room sees.

Compass and the other tables' answers stay hidden until R, B blacks out the whole window, and the app offers
the mode when the projector is shown on a single screen. Driven through the real main window and its keys.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.test_app_support import et_si_deck, message_boxes
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.settings import ROOM_MODE, AppSettings
from workshop_app.ui.workshop_pages import PAGE_PLAY

SHOTS = os.environ.get("ATELIER_SHOTS", "")


def _open(window: MainWindow, groups: int = 3) -> None:
    service = window.service
    assert service is not None
    info = service.create_workshop("Atelier salle")
    for n in range(groups):
        service.add_group(info.id, f"Table {n + 1}")
    service.add_sequence(info.id, et_si_deck(), 60)
    assert window.open_workshop(info.id, PAGE_PLAY)


def _shot(window: MainWindow, name: str) -> None:
    if SHOTS:
        for width, height in ((1366, 768), (1920, 1080)):
            window.resize(width, height)
            QTest.qWait(30)
            window.grab().save(str(Path(SHOTS) / f"{name}-{width}.png"))


def test_room_mode_hides_the_compass_and_the_other_tables_until_revealed(
    qtbot: QtBot, window: MainWindow
) -> None:
    _open(window)
    window.registry["room_mode"].trigger()
    assert AppSettings().get(ROOM_MODE)
    play = window.pages.play
    session = window.session
    assert session is not None and play is not None
    scale = et_si_deck().scale
    assert play.compass_stack.currentWidget() is play.compass_cover  # type: ignore[attr-defined]
    rows = play.groups.rows  # type: ignore[attr-defined]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)  # table 1 has the keyboard
    QTest.keyClick(rows[0], Qt.Key.Key_3)
    QTest.keyClick(rows[0], Qt.Key.Key_Down)  # on to table 2
    QTest.keyClick(rows[1], Qt.Key.Key_1)
    assert session.sequence_state().answer(session.groups[0].id, session.card_id or "") is not None
    assert rows[0].is_masked() and not rows[1].is_masked()  # only the table being typed shows its answer
    assert not any(b.isChecked() for b in rows[0]._buttons.values())
    assert "masquée" in rows[0]._chosen.text()
    assert rows[1].button(scale[1].id).isChecked()
    assert rows[0].chosen() == scale[3].id  # the answer is stored, only hidden
    assert rows[2].is_masked() and rows[2]._chosen.text() == ""  # no answer yet: nothing to say
    _shot(window, "room-mode-hidden")
    QTest.keyClick(window, Qt.Key.Key_R)  # reveal: everything shows
    assert session.sequence_state().revealed
    assert play.compass_stack.currentWidget() is play.compass  # type: ignore[attr-defined]
    assert not any(r.is_masked() for r in rows) and rows[0].button(scale[3].id).isChecked()
    _shot(window, "room-mode-revealed")
    QTest.keyClick(window, Qt.Key.Key_R)
    assert rows[0].is_masked()
    window.registry["room_mode"].trigger()  # off: the facilitator's own screen again
    assert not AppSettings().get(ROOM_MODE)
    assert not any(r.is_masked() for r in rows)
    assert play.compass_stack.currentWidget() is play.compass  # type: ignore[attr-defined]


def test_b_blacks_out_the_whole_window_in_room_mode(qtbot: QtBot, window: MainWindow) -> None:
    _open(window)
    blank = window.registry["blank"]
    assert not blank.isEnabled()  # no projector, no room mode: nothing to blank
    window.registry["room_mode"].trigger()
    assert blank.isEnabled()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_B)
    cover = window.room_mode.cover
    assert cover.isVisible() and cover.geometry() == window.rect() and blank.isChecked()
    window.resize(window.width() - 40, window.height() - 30)  # the cover follows the window while shown
    qtbot.waitUntil(lambda: cover.geometry() == window.rect())
    image = window.grab().toImage()
    assert image.pixelColor(window.width() // 2, 10).name() == "#000000"  # menus too
    assert image.pixelColor(window.width() // 2, window.height() // 2).name() == "#000000"
    window.registry["projector"].trigger()  # the projector too, when it is open
    assert not window.room_mode.banner.isVisible()  # already in room mode: no offer
    assert window.projector.window.is_blank() is False
    QTest.keyClick(window.projector.window, Qt.Key.Key_B)  # B from the projector: back to the picture
    assert not cover.isVisible() and not window.projector.window.is_blank()
    QTest.keyClick(window, Qt.Key.Key_B)
    assert cover.isVisible() and window.projector.window.is_blank()
    window.registry["room_mode"].trigger()
    assert not cover.isVisible()


def test_a_single_screen_offers_room_mode_once_without_taking_the_keyboard(
    qtbot: QtBot, window: MainWindow
) -> None:
    _open(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    banner = window.room_mode.banner
    QTest.keyClick(window, Qt.Key.Key_F5)  # offscreen: one screen
    assert banner.isVisible() and "Un seul écran" in banner.label.text()
    assert message_boxes() == []  # no dialog: R, B, digits still reach the play page
    _shot(window, "room-mode-offer")
    banner.accept_button.click()
    assert window.registry["room_mode"].isChecked() and AppSettings().get(ROOM_MODE)
    assert not banner.isVisible()
    window.registry["projector"].trigger()
    window.registry["room_mode"].trigger()
    window.registry["projector"].trigger()  # asked once per run only
    assert not banner.isVisible()


def test_dismissing_the_offer_keeps_the_mode_off(qtbot: QtBot, window: MainWindow) -> None:
    _open(window)
    window.registry["projector"].trigger()
    window.room_mode.banner.close_button.click()
    assert not window.registry["room_mode"].isChecked() and not window.room_mode.banner.isVisible()


def test_room_mode_hides_the_other_tables_picks_on_a_strategy_deck(qtbot: QtBot, window: MainWindow) -> None:
    from workshop_app.core.catalogue import find_deck

    service = window.service
    assert service is not None
    info = service.create_workshop("Atelier stratégie")
    for n in range(3):
        service.add_group(info.id, f"Table {n + 1}")
    deck = find_deck("nature-en-ville")
    service.add_sequence(info.id, deck, 45)
    assert window.open_workshop(info.id, PAGE_PLAY)
    session = window.session
    assert session is not None
    card = deck.cards[0].id
    for group in session.groups:
        session.pick_card(group.id, card)
    window.registry["room_mode"].trigger()
    play = window.pages.play
    panel = play.groups.strategy  # type: ignore[attr-defined]
    assert panel is not None
    play.focus_group(1)  # table 2's column has the keyboard
    row = panel.model.row_of(card)
    checked = [panel.model.index(row, c).data(Qt.ItemDataRole.CheckStateRole) for c in (1, 2, 3)]
    assert checked == [Qt.CheckState.Unchecked, Qt.CheckState.Checked, Qt.CheckState.Unchecked]
    play.focus_group(2)
    assert panel.model.index(row, 3).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert panel.model.index(row, 2).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    session.set_revealed(True)
    checked = [panel.model.index(row, c).data(Qt.ItemDataRole.CheckStateRole) for c in (1, 2, 3)]
    assert checked == [Qt.CheckState.Checked] * 3
