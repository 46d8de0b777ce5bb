"""Seating participants at tables in the set-up page: several rows dragged onto a table (the drop event the
groups view receives from a drag), back to « Sans table », Ctrl+M « Déplacer vers… » and a table's number from
the keyboard; « Répartir par service » still works afterwards. Real store, widgets and events."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QMimeData, QPointF, Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.test_app_support import close_message_boxes
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.setup.participants_model import COL_NAME
from workshop_app.ui.setup.participants_moves import participants_mime
from workshop_app.ui.setup.participants_panel import ParticipantsPanel
from workshop_app.ui.workshop_pages import PAGE_SETUP

SHOTS = os.environ.get("ATELIER_SHOTS", "")
PEOPLE = (
    ("Hélène Marchand", "Élus", "élu"),
    ("Karim Benali", "Urbanisme", "agent"),
    ("Sophie Delcourt", "Eau et assainissement", "agent"),
    ("Julien Roussel", "Urbanisme", "agent"),
    ("Anne Lefèvre", "Cerema", "partenaire"),
)


def _open(window: MainWindow) -> ParticipantsPanel:
    service = window.service
    assert service is not None
    info = service.create_workshop("Atelier placement")
    for n in range(3):
        service.add_group(info.id, f"Table {n + 1}")
    for name, svc, kind in PEOPLE:
        service.add_participant(info.id, name=name, service=svc, kind=kind)
    assert window.open_workshop(info.id, PAGE_SETUP)
    return window.pages.setup.participants  # type: ignore[union-attr]


def _seats(window: MainWindow) -> dict[str, str]:
    snapshot = window.session.snapshot  # type: ignore[union-attr]
    names = {g.id: g.name for g in snapshot.groups}
    return {p.name: names.get(p.group_id or "", "—") for p in snapshot.participants}


def _select_rows(panel: ParticipantsPanel, rows: list[int]) -> None:
    selection = panel.view.selectionModel()
    panel.view.setCurrentIndex(panel.model.index(rows[-1], COL_NAME))
    selection.clearSelection()
    for row in rows:
        selection.select(panel.model.index(row, COL_NAME), QItemSelectionModel.SelectionFlag.Select)


def _drop(target: QWidget, panel: ParticipantsPanel, at: QPointF) -> bool:
    """What a drag from the list delivers: the list's own mime data for its selection, entering the target,
    moving over ``at`` and dropped there (offscreen has no drag manager to run ``QDrag.exec``)."""
    return _deliver(target, panel.model.mimeData(panel.view.selectionModel().selectedIndexes()), at)


def _deliver(target: QWidget, mime: QMimeData, at: QPointF) -> bool:
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    point = at.toPoint()
    steps = (
        QDragEnterEvent(point, actions, mime, buttons, keys),
        QDragMoveEvent(point, actions, mime, buttons, keys),
    )
    for event in steps:
        event.setDropAction(Qt.DropAction.CopyAction)
        event.ignore()
        QApplication.sendEvent(target, event)
        if not event.isAccepted():
            return False
    drop = QDropEvent(at, actions, mime, buttons, keys)
    drop.setDropAction(Qt.DropAction.CopyAction)  # what the list's drag proposes
    drop.ignore()  # as Qt delivers it: accepted only by a widget that takes it
    QApplication.sendEvent(target, drop)
    return drop.isAccepted()


def test_drag_several_onto_a_table_then_to_another_and_back(qtbot: QtBot, window: MainWindow) -> None:
    panel = _open(window)
    groups_view = window.pages.setup.groups.view  # type: ignore[union-attr]
    assert panel.unseated.text() == "Sans table : 5 (déposez ici)"
    _select_rows(panel, [0, 2, 4])
    table2 = groups_view.visualRect(groups_view.model().index(1, 0)).center()
    assert _drop(groups_view.viewport(), panel, QPointF(table2))
    seats = _seats(window)
    assert [seats[n] for n, _s, _k in PEOPLE] == ["Table 2", "—", "Table 2", "—", "Table 2"]
    assert groups_view.model().index(1, 1).data() == 3  # the table's count follows
    assert panel.unseated.text() == "Sans table : 2 (déposez ici)"
    # from one table to another: Karim (unseated) and Sophie (table 2) onto table 3
    _select_rows(panel, [1, 2])
    table3 = groups_view.visualRect(groups_view.model().index(2, 0)).center()
    assert _drop(groups_view.viewport(), panel, QPointF(table3))
    seats = _seats(window)
    assert (seats["Karim Benali"], seats["Sophie Delcourt"], seats["Hélène Marchand"]) == (
        "Table 3", "Table 3", "Table 2")
    # back to « sans table »
    _select_rows(panel, [0, 1])
    assert _drop(panel.unseated, panel, QPointF(panel.unseated.rect().center()))
    seats = _seats(window)
    assert [seats[n] for n, _s, _k in PEOPLE[:3]] == ["—", "—", "Table 3"]
    # the names were not touched by the drag (a « move » would have had the view clear the cells)
    people = window.session.snapshot.participants  # type: ignore[union-attr]
    assert [p.name for p in people] == [n for n, _s, _k in PEOPLE]
    assert close_message_boxes() == []


def test_a_drop_of_something_else_is_ignored(qtbot: QtBot, window: MainWindow) -> None:
    panel = _open(window)
    groups_view = window.pages.setup.groups.view  # type: ignore[union-attr]
    at = QPointF(groups_view.visualRect(groups_view.model().index(0, 0)).center())
    text = QMimeData()
    text.setText("Hélène Marchand")
    assert not _deliver(groups_view.viewport(), text, at)
    assert not _deliver(panel.unseated, text, QPointF(panel.unseated.rect().center()))
    assert set(_seats(window).values()) == {"—"}
    assert _deliver(groups_view.viewport(), participants_mime(["not-a-participant"]), at)
    texts = close_message_boxes()
    assert len(texts) == 1 and "n’existe plus" in texts[0]
    assert set(_seats(window).values()) == {"—"}


def _ctrl_m_then(qtbot: QtBot, panel: ParticipantsPanel, key: Qt.Key) -> None:
    """Ctrl+M on the list (real keys, the list focused), then ``key`` in the menu once it is open."""
    pressed: list[bool] = []

    def press(tries: int = 0) -> None:
        popup = QApplication.activePopupWidget()
        if popup is None:  # not open yet (a loaded machine): look again shortly
            if tries < 100:
                QTimer.singleShot(20, lambda: press(tries + 1))
            return
        if SHOTS:
            popup.grab().save(str(Path(SHOTS) / "seating-menu.png"))
        QTest.keyClick(popup, key)
        pressed.append(True)

    panel.window().activateWindow()
    qtbot.waitUntil(panel.window().isActiveWindow)
    panel.view.setFocus()
    qtbot.waitUntil(panel.view.hasFocus)
    QTimer.singleShot(20, press)
    QTest.keyClick(panel.view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)  # returns once it closed
    assert pressed == [True]


def test_ctrl_m_moves_the_selection_to_the_table_typed(qtbot: QtBot, window: MainWindow) -> None:
    panel = _open(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    panel.view.setFocus()
    qtbot.waitUntil(panel.view.hasFocus)
    panel.view.setCurrentIndex(panel.model.index(0, COL_NAME))
    QTest.keyClick(panel.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)  # Hélène and Karim
    _ctrl_m_then(qtbot, panel, Qt.Key.Key_3)
    seats = _seats(window)
    assert [seats[n] for n, _s, _k in PEOPLE[:3]] == ["Table 3", "Table 3", "—"]
    _select_rows(panel, [1])  # Karim alone, back to no table
    _ctrl_m_then(qtbot, panel, Qt.Key.Key_0)
    assert _seats(window)["Karim Benali"] == "—"
    assert _seats(window)["Hélène Marchand"] == "Table 3"
    # « Répartir par service » still seats everyone, mixing services
    panel.importer.balance_button.click()
    seats = _seats(window)
    assert "—" not in seats.values()
    assert seats["Karim Benali"] != seats["Julien Roussel"]  # both Urbanisme
    if SHOTS:
        _select_rows(panel, [0, 2])
        for width, height in ((1366, 768), (1920, 1080)):
            window.resize(width, height)
            QTest.qWait(50)
            window.grab().save(str(Path(SHOTS) / f"seating-{width}.png"))
