"""Parts of the pages built when first needed: the set-up page's « Programme de la journée » tab (when
first shown or asked for: its panels, its Alt+S key; then it shows the session as it is, decks included),
and the play page's comparison of subjects (only for a deck that rates subjects)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTabBar
from pytestqt.qtbot import QtBot

from tests.ui.test_app_support import et_si_deck, with_workshop
from workshop_app.ui.compass.subjects_view import SubjectsView
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.play.page import PlayPage
from workshop_app.ui.setup.page import TAB_PROGRAMME, TAB_SEATING, SetupPage
from workshop_app.ui.setup.sequences_panel import SequencesPanel
from workshop_app.ui.setup.steps_panel import StepsPanel
from workshop_app.ui.workshop_pages import PAGE_PLAY, PAGE_SETUP


def _setup_page(window: MainWindow) -> SetupPage:
    with_workshop(window, groups=2)
    window.pages.show(PAGE_SETUP)
    page = window.pages.setup
    assert page is not None and page.isVisible()
    return page


def test_the_programme_tab_is_built_when_the_facilitator_first_clicks_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = _setup_page(window)
    assert page.setup_tabs.currentIndex() == TAB_SEATING and page.groups.isVisible()
    assert not page.programme_built()
    assert page.findChildren(SequencesPanel) == [] and page.findChildren(StepsPanel) == []
    session = window.session
    assert session is not None
    session.service.add_sequence(session.workshop_id, et_si_deck(), 45)  # after the page, before the tab
    session.reload()

    bar = page.setup_tabs.findChild(QTabBar)
    assert bar is not None
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(TAB_PROGRAMME).center())
    assert page.setup_tabs.currentIndex() == TAB_PROGRAMME and page.programme_built()
    panels = page.findChildren(SequencesPanel)
    assert panels == [page.sequences] and page.sequences.isVisible() and page.steps.isVisible()
    assert page.sequences.model.rowCount() == 2  # the sequence added before it was built, with the first
    assert page.sequences.deck_combo.count() > 0  # the decks given to the page before the tab was built
    session.service.add_sequence(session.workshop_id, et_si_deck(), 30)
    session.reload()
    assert page.sequences.model.rowCount() == 3  # and it follows the session now
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(TAB_SEATING).center())
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(TAB_PROGRAMME).center())
    assert page.findChildren(SequencesPanel) == panels  # built once


def test_alt_s_from_the_tables_builds_the_programme_and_reaches_its_sequences(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = _setup_page(window)
    page.groups.view.setFocus()
    assert not page.programme_built()
    QTest.keyClick(page.groups.view, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert page.setup_tabs.currentIndex() == TAB_PROGRAMME and page.programme_built()
    assert QApplication.focusWidget() is page.sequences.view and page.sequences.view.isVisible()


def test_a_compass_deck_is_played_without_building_the_comparison_of_subjects(
    qtbot: QtBot, window: MainWindow
) -> None:
    with_workshop(window, groups=2)
    page = window.pages.play
    session = window.session
    assert isinstance(page, PlayPage) and session is not None and window.pages.current() == PAGE_PLAY
    session.show_card(session.card_id or "")
    session.record_choice(session.groups[0].id, et_si_deck().scale[1].id)  # type: ignore[union-attr]
    page.flush_compass()
    assert page.compass_stack.currentWidget() is page.compass and page.compass.isVisible()
    assert not page.subjects_built() and page.findChildren(SubjectsView) == []
    view = page.subjects  # asked for: built once, in the compass's place holder, not shown over it
    assert page.subjects_built() and page.subjects is view and page.compass_stack.indexOf(view) >= 0
    assert page.compass_stack.currentWidget() is page.compass
