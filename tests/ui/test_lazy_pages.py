"""The set-up and debrief pages are built when first shown or asked for, then show the session as it is."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTabBar
from pytestqt.qtbot import QtBot

from tests.ui.test_app_support import et_si_deck, with_workshop
from workshop_app.ui.debrief.page import DebriefPage
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.setup.groups_model import COL_ANSWERS
from workshop_app.ui.setup.page import SetupPage
from workshop_app.ui.workshop_pages import PAGE_DEBRIEF, PAGE_PLAY, PAGE_SETUP


def _click_tab(window: MainWindow, index: int) -> None:
    bar = window.tabs.findChild(QTabBar)
    assert bar is not None
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def test_a_workshop_opened_to_play_builds_its_other_pages_when_they_are_first_shown(
    qtbot: QtBot, window: MainWindow
) -> None:
    with_workshop(window, groups=3)
    session = window.session
    assert session is not None and window.pages.current() == PAGE_PLAY
    assert window.findChildren(SetupPage) == [] and window.findChildren(DebriefPage) == []
    session.show_card(session.card_id or "")
    first = session.groups[0]
    session.record_choice(first.id, et_si_deck().scale[2].id)  # type: ignore[union-attr]  # before set-up exists

    _click_tab(window, PAGE_SETUP)  # the facilitator clicks « Préparation »
    assert window.pages.current() == PAGE_SETUP
    pages = window.findChildren(SetupPage)
    assert len(pages) == 1 and pages[0].isVisible() and window.pages.setup is pages[0]
    model = pages[0].groups.model
    assert model.index(model.row_of(first.id), COL_ANSWERS).data() == 1  # the vote made before it was built
    session.record_choice(session.groups[1].id, et_si_deck().scale[1].id)  # type: ignore[union-attr]
    assert model.index(model.row_of(session.groups[1].id), COL_ANSWERS).data() == 1  # and it follows now

    window.registry["go_debrief"].trigger()
    debriefs = window.findChildren(DebriefPage)
    assert len(debriefs) == 1 and debriefs[0].isVisible() and window.pages.current() == PAGE_DEBRIEF
    asked: list[bool] = []
    window.pages.sig_export_requested.connect(lambda: asked.append(True))
    debriefs[0].sig_export_requested.emit()
    assert asked == [True]  # its requests reach the window as before
    _click_tab(window, PAGE_SETUP)
    assert window.findChildren(SetupPage) == pages  # built once

    window.registry["close_workshop"].trigger()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # their tabs' deleteLater
    assert window.findChildren(SetupPage) == [] and window.findChildren(DebriefPage) == []
    assert window.pages.setup is None and window.pages.debrief is None


def test_closing_a_workshop_builds_none_of_its_pages(qtbot: QtBot, window: MainWindow) -> None:
    with_workshop(window)
    assert window.pages.current() == PAGE_PLAY
    window.registry["close_workshop"].trigger()  # the tabs taken down turn the current one meanwhile
    assert window.findChildren(SetupPage) == [] and window.findChildren(DebriefPage) == []
