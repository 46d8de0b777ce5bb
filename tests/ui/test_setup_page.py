"""The set-up page with qtbot: every field is written through the service when the user leaves it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication
from pytestqt.qtbot import QtBot

from tests.ui.test_app_support import et_si_deck, new_store, type_text
from workshop_app.core.catalogue import available_decks
from workshop_app.store.service import WorkshopStore
from workshop_app.ui.session import WorkshopSession
from workshop_app.ui.setup.page import SetupPage
from workshop_app.ui.setup.participants_model import COL_GROUP, COL_NAME, COL_ROLE, COL_SERVICE


@pytest.fixture
def store() -> Iterator[WorkshopStore]:
    service = new_store()
    yield service
    service.close()


@pytest.fixture
def page(qtbot: QtBot, store: WorkshopStore) -> SetupPage:
    info = store.create_workshop("Nouvel atelier", date=date(2025, 6, 12))
    session = WorkshopSession(store, info.id)
    widget = SetupPage(session)
    widget.set_decks(available_decks())
    qtbot.addWidget(widget)
    widget.resize(1366, 720)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def leave(qtbot: QtBot, page: SetupPage) -> None:
    """Move the focus away, as a facilitator does with Tab."""
    page.info.place.setFocus()
    qtbot.wait(1)


def test_details_are_saved_when_the_field_is_left_not_per_keystroke(
    qtbot: QtBot, page: SetupPage, store: WorkshopStore
) -> None:
    workshop_id = page.session.workshop_id
    page.info.title.setFocus()
    page.info.title.selectAll()
    QTest.keyClicks(page.info.title, "Atelier Soissons")
    assert store.get_workshop(workshop_id).title == "Nouvel atelier"  # not yet: still typing
    QTest.keyClick(page.info.title, Qt.Key.Key_Return)
    assert store.get_workshop(workshop_id).title == "Atelier Soissons"
    page.info.territory.setFocus()
    QTest.keyClicks(page.info.territory, "Soissons")
    page.info.kind.setFocus()  # leaving the territory commits it
    assert store.get_workshop(workshop_id).territory == "Soissons"
    page.info.kind.activated.emit(page.info.kind.findData("Commune"))
    page.info.kind.setCurrentIndex(page.info.kind.findData("Commune"))
    page.info.context.setFocus()
    type_text(page.info.context, "Après la crue de 2024.")
    assert store.get_workshop(workshop_id).context == ""
    leave(qtbot, page)
    info = store.get_workshop(workshop_id)
    assert (info.territory_kind, info.context) == ("Commune", "Après la crue de 2024.")


def test_a_title_cannot_be_emptied(qtbot: QtBot, page: SetupPage, store: WorkshopStore) -> None:
    page.info.title.setFocus()
    page.info.title.clear()
    QTest.keyClick(page.info.title, Qt.Key.Key_Return)
    assert store.get_workshop(page.session.workshop_id).title == "Nouvel atelier"
    assert page.info.title.text() == "Nouvel atelier"


def test_date_is_french_and_saved(qtbot: QtBot, page: SetupPage, store: WorkshopStore) -> None:
    field = page.info.date
    assert field.text() == "12/06/2025"
    assert page.info.date_label.text() == "jeudi 12 juin 2025"
    field.setFocus()
    field.selectAll()
    QTest.keyClicks(field, "18092025")  # real keys, no slashes
    QTest.keyClick(field, Qt.Key.Key_Tab)  # one Tab leaves the field
    assert store.get_workshop(page.session.workshop_id).date == date(2025, 9, 18)
    assert QApplication.focusWidget() is page.info.place
    assert (field.text(), page.info.date_label.text()) == ("18/09/2025", "jeudi 18 septembre 2025")


def test_an_impossible_date_is_refused_in_french_and_nothing_changes(
    qtbot: QtBot, page: SetupPage, store: WorkshopStore
) -> None:
    field = page.info.date
    field.setFocus()
    field.selectAll()
    QTest.keyClicks(field, "21")  # what a QDateEdit turned into « 2 novembre »
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert store.get_workshop(page.session.workshop_id).date == date(2025, 6, 12)
    assert "n’est pas une date" in page.info.date_label.text()
    assert "Date inchangée : 12/06/2025" in page.info.date_label.text()
    field.selectAll()
    QTest.keyClicks(field, "31/02/2026")
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert "il n’y a pas de 31 février 2026" in page.info.date_label.text()
    assert store.get_workshop(page.session.workshop_id).date == date(2025, 6, 12)
    field.selectAll()
    QTest.keyClicks(field, "1/7/2026")
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert store.get_workshop(page.session.workshop_id).date == date(2026, 7, 1)
    assert page.info.date_label.text() == "mercredi 1er juillet 2026"


def test_the_calendar_opens_on_the_date_and_a_pick_is_saved(
    qtbot: QtBot, page: SetupPage, store: WorkshopStore
) -> None:
    field = page.info.date
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    popup = field.popup
    assert popup is not None and popup.isVisible()
    assert popup.selectedDate() == QDate(2025, 6, 12)
    grid = popup.findChild(QAbstractItemView)  # the calendar's day grid has the keyboard
    QTest.keyClick(grid, Qt.Key.Key_Right)  # one day later
    QTest.keyClick(grid, Qt.Key.Key_Return)
    assert store.get_workshop(page.session.workshop_id).date == date(2025, 6, 13)
    assert field.popup is None


def test_four_groups_by_name_and_enter_then_rename_and_colour(
    qtbot: QtBot, page: SetupPage, store: WorkshopStore
) -> None:
    groups = page.groups
    groups.name_edit.setFocus()
    for name in ("Les Coteaux", "Le Canal", "La Plaine", ""):
        QTest.keyClicks(groups.name_edit, name)
        QTest.keyClick(groups.name_edit, Qt.Key.Key_Return)
    stored = store.snapshot(page.session.workshop_id).groups
    assert [g.name for g in stored] == ["Les Coteaux", "Le Canal", "La Plaine", "Table 4"]
    assert len({g.colour for g in stored}) == 4  # each table its own colour
    assert groups.model.rowCount() == 4
    assert QApplication.focusWidget() is groups.name_edit  # ready for the next name
    groups.model.setData(groups.model.index(3, 0), "Le Vieux Bourg", Qt.ItemDataRole.EditRole)
    groups.view.selectRow(3)
    groups.pick_colour = lambda current: QColor("#123456")  # type: ignore[method-assign]
    groups.colour_button.click()
    last = store.snapshot(page.session.workshop_id).groups[3]
    assert (last.name, last.colour.upper()) == ("Le Vieux Bourg", "#123456")
    assert groups.model.index(3, 0).data() == "Le Vieux Bourg"


def test_a_group_with_answers_cannot_be_removed(qtbot: QtBot, page: SetupPage, store: WorkshopStore) -> None:
    session = page.session
    workshop_id = session.workshop_id
    session.change_setup(lambda s: s.add_group(workshop_id, "A"))
    session.change_setup(lambda s: s.add_group(workshop_id, "B"))
    session.change_setup(lambda s: s.add_sequence(workshop_id, et_si_deck(), 30))
    first, second = session.groups
    session.record_choice(first.id, et_si_deck().scale[1].id)  # type: ignore[union-attr]
    errors: list[str] = []
    session.sig_error.connect(errors.append)
    page.groups.view.selectRow(0)
    page.groups.remove_button.click()
    assert errors and "réponse" in errors[0].lower()
    assert [g.name for g in store.snapshot(workshop_id).groups] == ["A", "B"]
    assert page.groups.model.answers(first.id) == 1
    page.groups.view.selectRow(1)
    page.groups.remove_button.click()
    assert [g.name for g in store.snapshot(workshop_id).groups] == ["A"]
    assert second.id not in {g.id for g in session.groups}


def test_participants_added_and_edited_in_the_table(
    qtbot: QtBot, page: SetupPage, store: WorkshopStore
) -> None:
    session = page.session
    workshop_id = session.workshop_id
    session.change_setup(lambda s: s.add_group(workshop_id, "Les Coteaux"))
    panel = page.participants
    panel.add_button.click()
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not panel.view  # the name cell is open for typing
    type_text(editor, "Hélène Marchand")
    QTest.keyClick(editor, Qt.Key.Key_Tab)  # commits the name and opens the next cell
    role_editor = QApplication.focusWidget()
    assert role_editor is not None
    QTest.keyClicks(role_editor, "Maire-adjointe")
    QTest.keyClick(role_editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.view.state() != panel.view.State.EditingState)  # Return commits queued
    model = panel.model
    model.setData(model.index(0, COL_SERVICE), "Élus", Qt.ItemDataRole.EditRole)
    model.setData(model.index(0, COL_GROUP), session.groups[0].id, Qt.ItemDataRole.EditRole)
    person = store.snapshot(workshop_id).participants[0]
    assert (person.name, person.role, person.service, person.group_id) == (
        "Hélène Marchand",
        "Maire-adjointe",
        "Élus",
        session.groups[0].id,
    )
    assert model.index(0, COL_NAME).data() == "Hélène Marchand"
    assert model.index(0, COL_ROLE).data() == "Maire-adjointe"
    assert model.index(0, COL_GROUP).data() == "Les Coteaux"
    assert panel.count_label.text() == "1 participant"
    panel.view.setCurrentIndex(model.index(0, 0))
    panel.remove_button.click()
    assert not store.snapshot(workshop_id).participants


def test_sequences_add_et_si_33_set_minutes_move_remove(
    qtbot: QtBot, page: SetupPage, store: WorkshopStore
) -> None:
    panel = page.sequences
    workshop_id = page.session.workshop_id
    assert panel.select_deck("et-si-33")
    panel.minutes.setValue(90)
    panel.add_button.click()
    assert panel.select_deck("nature-en-ville")
    panel.minutes.setValue(0)
    panel.add_button.click()
    sequences = store.snapshot(workshop_id).sequences
    assert [(s.deck.id, s.planned_minutes) for s in sequences] == [
        ("et-si-33", 90),
        ("nature-en-ville", None),
    ]
    assert len(sequences[0].deck.cards) == 33
    panel.model.setData(panel.model.index(1, 3), 45, Qt.ItemDataRole.EditRole)
    assert store.snapshot(workshop_id).sequences[1].planned_minutes == 45
    assert panel.total_label.text() == "Durée prévue : 2 h 15"
    panel.view.selectRow(1)
    panel.up_button.click()
    assert [s.deck.id for s in sorted(store.snapshot(workshop_id).sequences, key=lambda s: s.position)] == [
        "nature-en-ville",
        "et-si-33",
    ]
    assert panel.view.currentIndex().row() == 0
    panel.remove_button.click()
    assert [s.deck.id for s in store.snapshot(workshop_id).sequences] == ["et-si-33"]


def test_play_button_waits_for_a_table_and_a_sequence(qtbot: QtBot, page: SetupPage) -> None:
    assert not page.play_button.isEnabled()
    assert "au moins une table" in page.status.text()
    workshop_id = page.session.workshop_id
    page.session.change_setup(lambda s: s.add_group(workshop_id, "A"))
    page.session.change_setup(lambda s: s.add_sequence(workshop_id, et_si_deck(), 30))
    assert page.play_button.isEnabled()
    with qtbot.waitSignal(page.sig_play_requested):
        page.play_button.click()


def test_the_territory_field_suggests_known_territories(qtbot: QtBot, store: WorkshopStore) -> None:
    store.create_workshop("Creil 2024", territory="Creil")
    store.create_workshop("Saint-Quentin 2025", territory="Saint-Quentin")
    info = store.create_workshop("Nouvel atelier")
    widget = SetupPage(WorkshopSession(store, info.id))
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    completer = widget.info.territory.completer()
    assert completer is not None
    completer.setCompletionPrefix("quentin")  # anywhere in the name, any case
    assert completer.currentCompletion() == "Saint-Quentin"
    widget.info.territory.setFocus()
    QTest.keyClicks(widget.info.territory, "Cre")
    qtbot.waitUntil(lambda: completer.popup().isVisible())
