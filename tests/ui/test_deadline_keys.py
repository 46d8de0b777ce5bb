"""The action plan's deadline, typed with real keys the way French users type dates: what is typed is what is
stored (a new store reads it back), a date that is not one is refused in French and the stored one stays."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication
from test_play_support import make_workshop, store_url

from workshop_app.store import open_store
from workshop_app.ui.date_edit import FrenchDateEdit
from workshop_app.ui.debrief.actions_model import COL_DEADLINE, COL_OWNER
from workshop_app.ui.debrief.page import DebriefPage
from workshop_app.ui.session import WorkshopSession


@pytest.fixture
def page(tmp_path: Path, qtbot: Any) -> Iterator[DebriefPage]:
    store, workshop_id = make_workshop(tmp_path, groups=2)
    session = WorkshopSession(store, workshop_id)
    page = DebriefPage(session)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.add_action()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    yield page
    store.close()


def _stored_deadline(tmp_path: Path, page: DebriefPage) -> date | None:
    other = open_store(store_url(tmp_path))
    try:
        return other.snapshot(page._session.workshop_id).actions[0].deadline
    finally:
        other.close()


def _type_deadline(
    page: DebriefPage, qtbot: Any, keys: str, end: Qt.Key = Qt.Key.Key_Return
) -> FrenchDateEdit:
    page.table.setFocus()
    page.table.setCurrentIndex(page.plan.index(0, COL_DEADLINE))
    qtbot.waitUntil(page.table.hasFocus)
    QTest.keyClick(page.table, Qt.Key.Key_F2)  # open the editor
    editor = QApplication.focusWidget()
    assert isinstance(editor, FrenchDateEdit)
    editor.selectAll()
    QTest.keyClicks(editor, keys)
    QTest.keyClick(editor, end)
    QApplication.processEvents()  # the view commits a closed editor through a queued call
    return editor


@pytest.mark.parametrize(
    ("keys", "stored", "shown"),
    [
        ("15/10/2026", date(2026, 10, 15), "jeudi 15 octobre 2026"),
        ("01062026", date(2026, 6, 1), "lundi 1er juin 2026"),
        ("1/6/2026", date(2026, 6, 1), "lundi 1er juin 2026"),
    ],
)
def test_a_typed_deadline_is_stored_as_typed(page, qtbot, tmp_path, keys, stored, shown) -> None:
    _type_deadline(page, qtbot, keys)
    assert page.table.state() != QAbstractItemView.State.EditingState
    assert _stored_deadline(tmp_path, page) == stored
    assert page.plan.index(0, COL_DEADLINE).data() == shown
    assert not page.plan_message.isVisible()


def test_a_date_that_is_not_one_is_refused_in_french_and_the_editor_stays(page, qtbot, tmp_path) -> None:
    _type_deadline(page, qtbot, "15/10/2026")
    editor = _type_deadline(page, qtbot, "32/10/2026")
    assert page.table.state() == QAbstractItemView.State.EditingState  # Enter did not close it
    assert editor.property("invalid")
    assert page.plan_message.isVisible()
    assert "il n’y a pas de 32 octobre 2026" in page.plan_message.text()
    assert "Date inchangée : 15/10/2026" in page.plan_message.text()
    assert _stored_deadline(tmp_path, page) == date(2026, 10, 15)
    QTest.keyClick(editor, Qt.Key.Key_Tab)  # Tab does not leave an invalid date either
    QApplication.processEvents()
    assert page.table.state() == QAbstractItemView.State.EditingState
    QTest.keyClick(editor, Qt.Key.Key_Escape)  # Escape gives the stored date back
    assert page.plan.index(0, COL_DEADLINE).data() == "jeudi 15 octobre 2026"
    assert _stored_deadline(tmp_path, page) == date(2026, 10, 15)


def test_leaving_an_invalid_deadline_with_the_mouse_keeps_the_stored_one(page, qtbot, tmp_path) -> None:
    _type_deadline(page, qtbot, "1/6/2026")
    page.table.setCurrentIndex(page.plan.index(0, COL_DEADLINE))
    QTest.keyClick(page.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, FrenchDateEdit)
    editor.selectAll()
    QTest.keyClicks(editor, "demain")
    page.table.setCurrentIndex(page.plan.index(0, COL_OWNER))  # the editor closes without Enter
    qtbot.waitUntil(lambda: page.table.state() != QAbstractItemView.State.EditingState)
    assert _stored_deadline(tmp_path, page) == date(2026, 6, 1)
    assert "« demain » n’est pas une date" in page.plan_message.text()


def test_emptying_the_deadline_means_no_deadline(page, qtbot, tmp_path) -> None:
    _type_deadline(page, qtbot, "15/10/2026")
    page.table.setCurrentIndex(page.plan.index(0, COL_DEADLINE))
    QTest.keyClick(page.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.selectAll()
    QTest.keyClick(editor, Qt.Key.Key_Delete)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert _stored_deadline(tmp_path, page) is None
    assert page.plan.index(0, COL_DEADLINE).data() == ""


def test_the_calendar_opens_on_today_when_there_is_no_deadline(page, qtbot) -> None:
    page.table.setCurrentIndex(page.plan.index(0, COL_DEADLINE))
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, FrenchDateEdit)
    QTest.keyClick(editor, Qt.Key.Key_F4)
    assert editor.popup is not None
    assert editor.popup.selectedDate() == QDate.currentDate()
    editor.popup.close()


def test_the_deadline_column_fits_a_date_in_full_and_its_editor(page) -> None:
    width = page.table.horizontalHeader().sectionSize(COL_DEADLINE)
    metrics = page.table.fontMetrics()
    assert width >= metrics.horizontalAdvance("mercredi 30 septembre 2026") + 16
    assert width >= FrenchDateEdit().sizeHint().width()


def test_dates_in_full_follow_the_interface_language(english: None) -> None:
    from workshop_app.ui.date_edit import date_in_full

    assert date_in_full(date(2026, 10, 15)) == "Thursday 15 October 2026"
