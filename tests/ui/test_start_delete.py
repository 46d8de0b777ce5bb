"""Deleting a workshop from the start page: Delete key, button or context menu, a confirmation that names it,
then one transaction of the real store (an SQLite file in the test's ATELIER_HOME)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text

from tests.ui.test_app_support import close_message_boxes, et_si_deck, message_boxes
from workshop_app.paths import default_database_url
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.settings import OPEN_WORKSHOP, RECENT_WORKSHOPS
from workshop_app.ui.workshop_pages import PAGE_START

TABLES = ("sequences", "groups", "participants", "events", "action_items", "attachments")



def played_workshop(window: MainWindow, title: str) -> str:
    service = window.service
    assert service is not None
    info = service.create_workshop(title, territory="Valmont-sur-Oise")
    group = service.add_group(info.id, "Table 1")
    service.add_participant(info.id, name="Camille", group_id=group.id)
    deck = et_si_deck()
    seq = service.add_sequence(info.id, deck, 60)
    service.record_choice(info.id, seq.id, group.id, deck.cards[0].id, deck.scale[1].id, "Parce que")  # type: ignore[union-attr]
    service.add_action(info.id, "Mettre à jour le PCS")
    service.add_attachment(info.id, "tableau.png", b"\x89PNG\r\n\x1a\n")
    return info.id


def rows_of(workshop_id: str) -> dict[str, int]:
    engine = create_engine(default_database_url())
    try:
        with engine.connect() as conn:
            counts = {
                table: int(
                    conn.execute(
                        text(f"SELECT count(*) FROM {table} WHERE workshop_id = :w"), {"w": workshop_id}
                    ).scalar_one()
                )
                for table in TABLES
            }
            count = text("SELECT count(*) FROM workshops WHERE id = :w")
            counts["workshops"] = int(conn.execute(count, {"w": workshop_id}).scalar_one())
    finally:
        engine.dispose()
    return counts


def question(qtbot: QtBot) -> QMessageBox:
    qtbot.waitUntil(lambda: any(b.objectName() == "deleteWorkshopQuestion" for b in message_boxes()))
    return next(b for b in message_boxes() if b.objectName() == "deleteWorkshopQuestion")


def test_delete_key_asks_by_name_then_deletes_everything_of_that_workshop_only(
    qtbot: QtBot, window: MainWindow
) -> None:
    gone = played_workshop(window, "Atelier à supprimer")
    kept = played_workshop(window, "Atelier à garder")
    window.refresh_workshops()
    assert window.open_workshop(gone)  # the open workshop can be deleted: it is closed first
    window.pages.show(PAGE_START)
    start = window.start
    view = start.workshop_view
    view.selectRow(start.workshops.row_of(gone))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    box = question(qtbot)
    assert "« Atelier à supprimer » (Valmont-sur-Oise" in box.text() and "1 réponse enregistrée" in box.text()
    assert box.defaultButton() is box.escapeButton()  # Enter or Escape: nothing deleted
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert start.workshops.rowCount() == 2 and rows_of(gone)["events"] > 0 and window.session is not None

    start.delete_button.click()
    box = question(qtbot)
    confirm = box.findChild(QPushButton, "confirmDeleteButton")
    assert confirm is not None
    confirm.click()
    assert window.session is None and window.pages.current() == PAGE_START
    assert [start.workshops.summary(r).id for r in range(start.workshops.rowCount())] == [kept]
    assert all(count == 0 for count in rows_of(gone).values()), rows_of(gone)
    assert all(count >= 1 for count in rows_of(kept).values()), rows_of(kept)
    assert gone not in window.settings.get(RECENT_WORKSHOPS) and window.settings.get(OPEN_WORKSHOP) == ""
    assert "supprimé" in window.statusBar().currentMessage()


def test_the_list_offers_delete_in_its_context_menu_and_not_without_workshops(window: MainWindow) -> None:
    start = window.start
    view = start.workshop_view
    assert view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    assert start.delete_action in view.actions() and not start.delete_action.isEnabled()
    assert not start.delete_button.isEnabled()
    played_workshop(window, "Seul atelier")
    window.refresh_workshops()
    assert start.delete_action.isEnabled() and start.delete_button.isEnabled()
    start.delete_action.trigger()
    assert [b.objectName() for b in message_boxes()] == ["deleteWorkshopQuestion"]
    assert "« Seul atelier »" in close_message_boxes()[0]
    assert start.workshops.rowCount() == 1  # closing the question deletes nothing


def test_a_workshop_deleted_elsewhere_is_a_french_message(qtbot: QtBot, window: MainWindow) -> None:
    workshop_id = played_workshop(window, "Déjà parti")
    window.refresh_workshops()
    assert window.service is not None
    window.service.delete_workshop(workshop_id)  # another window, or the CLI
    assert not window.delete_workshop(workshop_id)
    texts = close_message_boxes()
    assert texts == ["Atelier introuvable (il a peut-être été supprimé)."]
    assert window.start.workshops.rowCount() == 0
