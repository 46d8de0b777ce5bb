"""The set-up page at 1366×768, in normal and large text: no field, label or button clipped, the details
column never scrolls in normal text, the tabs reach every panel by its key, and the widths are remembered."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.test_app_support import et_si_deck, new_store
from workshop_app.core.catalogue import available_decks
from workshop_app.store.service import WorkshopStore
from workshop_app.ui.date_edit import FrenchDateEdit
from workshop_app.ui.session import WorkshopSession
from workshop_app.ui.settings import SETUP_SPLITTER, AppSettings
from workshop_app.ui.setup.page import SetupPage


@pytest.fixture
def store() -> Iterator[WorkshopStore]:
    service = new_store()
    yield service
    service.close()


def make_page(
    qtbot: QtBot, store: WorkshopStore, scale: float, settings: AppSettings | None = None
) -> SetupPage:
    info = store.create_workshop("Atelier résilience — GrandSoissons", date=date(2025, 11, 20))
    session = WorkshopSession(store, info.id)
    for name in ("Eau et assainissement", "Urbanisme", "Solidarités"):
        store.add_group(info.id, name)
    session.reload()
    page = SetupPage(session, settings)
    page.set_decks(available_decks())
    qtbot.addWidget(page)
    font = QApplication.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    page.setFont(font)
    page.resize(1366, 690)  # 1366×768 less the menu, tool and status bars
    page.show()
    qtbot.waitExposed(page)
    return page


def clipped(root: QWidget) -> list[str]:
    """Every visible label, button, combo, line edit and date field narrower or lower than its text needs."""
    found = []
    for widget in root.findChildren(QWidget):
        if (
            not widget.isVisibleTo(root)
            or widget.width() == 0
            or isinstance(widget.parent(), (FrenchDateEdit, QAbstractSpinBox))
        ):
            continue  # the inner parts of a date or minutes field: the field itself is checked
        if isinstance(widget, QLabel) and not widget.wordWrap() and widget.text():
            need = widget.sizeHint()
        elif isinstance(widget, (QAbstractButton, QComboBox, FrenchDateEdit, QAbstractSpinBox)):
            need = widget.minimumSizeHint() if isinstance(widget, QComboBox) else widget.sizeHint()
        elif isinstance(widget, QLineEdit):
            need = widget.minimumSizeHint()
        else:
            continue
        if widget.width() < need.width() or widget.height() < need.height():
            label = getattr(widget, "text", lambda: "")() if not isinstance(widget, QComboBox) else ""
            found.append(
                f"{type(widget).__name__} {widget.objectName()!r} {label!r}: {widget.size()} < {need}"
            )
    return found


@pytest.mark.parametrize("scale", [1.0, 1.4])
def test_nothing_is_clipped_on_either_tab_at_1366x768(
    qtbot: QtBot, store: WorkshopStore, scale: float
) -> None:
    page = make_page(qtbot, store, scale)
    for tab in range(page.setup_tabs.count()):
        page.setup_tabs.setCurrentIndex(tab)
        qtbot.wait(1)
        assert clipped(page) == [], f"tab {tab}, text ×{scale}"


def test_the_details_do_not_scroll_in_normal_text(qtbot: QtBot, store: WorkshopStore) -> None:
    page = make_page(qtbot, store, 1.0)
    assert page.details.verticalScrollBar().maximum() == 0
    assert page.details.width() >= page.info.minimumSizeHint().width()


def test_a_panel_key_opens_its_tab(qtbot: QtBot, store: WorkshopStore) -> None:
    page = make_page(qtbot, store, 1.0)
    page.activateWindow()
    qtbot.waitActive(page)
    page.info.title.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.info.title)
    QTest.keyClick(page.info.title, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert page.setup_tabs.currentIndex() == 1
    assert QApplication.focusWidget() is page.sequences.view
    QTest.keyClick(page.sequences.view, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    assert page.setup_tabs.currentIndex() == 0
    assert QApplication.focusWidget() is page.groups.name_edit
    QTest.keyClick(page.groups.name_edit, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # and back again
    assert QApplication.focusWidget() is page.sequences.view


def test_the_widths_are_remembered(qtbot: QtBot, store: WorkshopStore, tmp_path: object) -> None:
    settings = AppSettings(QSettings(f"{tmp_path}/s.ini", QSettings.Format.IniFormat))
    page = make_page(qtbot, store, 1.0, settings)
    page.splitter.moveSplitter(700, 1)
    page.hide()
    assert settings.get(SETUP_SPLITTER)
    again = make_page(qtbot, store, 1.0, settings)
    assert abs(again.splitter.sizes()[0] - page.splitter.sizes()[0]) <= 2


def test_the_three_lists_share_their_keys_delete_and_ctrl_arrows(qtbot: QtBot, store: WorkshopStore) -> None:
    from workshop_app.ui.setup.steps_panel import StepsPanel

    page = make_page(qtbot, store, 1.0)
    page.activateWindow()
    qtbot.waitActive(page)
    workshop_id = page.session.workshop_id
    for _ in range(2):
        store.add_sequence(workshop_id, et_si_deck(), 30)
    store.plan_step(workshop_id, "accueil", "Café", 10, slot=0)
    store.plan_step(workshop_id, "pause", "", 10, slot=0)
    page.session.reload()
    # the steps: Ctrl+Up swaps the pause before the welcome, Delete removes it
    page.setup_tabs.setCurrentIndex(1)
    steps: StepsPanel = page.steps
    steps.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is steps.view)
    steps.view.setCurrentRow(1)
    QTest.keyClick(steps.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert [s.kind for s in store.programme_steps(workshop_id)] == ["pause", "accueil"]
    steps.view.setCurrentRow(0)
    QTest.keyClick(steps.view, Qt.Key.Key_Delete)
    assert [s.kind for s in store.programme_steps(workshop_id)] == ["accueil"]
    # the sequences: Ctrl+Down moves the first one down
    first = [s.id for s in page.session.snapshot.sequences]
    view = page.sequences.view
    view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    view.setCurrentIndex(view.model().index(0, 0))
    QTest.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert [s.id for s in page.session.snapshot.sequences] == [first[1], first[0]]
    assert page.sequences.up_button.toolTip() == "Ctrl+Haut dans la liste"
