"""The set-up page's territory picker with real key events: suggestions while typing, a new territory with its
kind, a checked code, a parent, and the programme; each written when the field is left."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QLineEdit
from pytestqt.qtbot import QtBot

from tests.ui.test_app_support import new_store, type_text
from workshop_app.store.service import WorkshopStore
from workshop_app.ui.session import WorkshopSession
from workshop_app.ui.setup.page import SetupPage

NATURE = "Nature en ville — Hauts-de-France 2024–2025"


@pytest.fixture
def store() -> Iterator[WorkshopStore]:
    service = new_store()
    old = service.create_workshop("Soissons 2024", territory="Soissons", territory_kind="Commune")
    service.create_workshop("Agglo", territory="GrandSoissons", territory_kind="Communauté d'agglomération")
    agglo = next(t for t in service.territories() if t.name == "GrandSoissons")
    soissons = service.territory_of(old.id)
    assert soissons is not None
    service.update_territory(soissons.id, code="02722", parent_id=agglo.id)
    service.set_programme(old.id, NATURE)
    yield service
    service.close()


def popup_of(edit: QLineEdit) -> QAbstractItemView:
    completer = edit.completer()
    assert completer is not None
    popup = completer.popup()
    assert popup is not None
    return popup


def open_page(qtbot: QtBot, store: WorkshopStore, workshop_id: str) -> SetupPage:
    page = SetupPage(WorkshopSession(store, workshop_id))
    qtbot.addWidget(page)
    page.resize(1366, 720)
    page.show()
    page.activateWindow()  # keys go where a facilitator types: the focused field of the active window
    qtbot.waitUntil(page.isActiveWindow)
    return page


def test_a_known_territory_is_suggested_and_picked_with_the_keyboard(
    qtbot: QtBot, store: WorkshopStore
) -> None:
    info = store.create_workshop("Soissons 2026", date=date(2026, 3, 2))
    page = open_page(qtbot, store, info.id)
    picker = page.info.picker
    picker.name.setFocus()
    QTest.keyClicks(picker.name, "sois")
    popup = popup_of(picker.name)
    qtbot.waitUntil(popup.isVisible)
    shown = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    assert shown == ["GrandSoissons — Communauté d'agglomération", "Soissons — Commune (02722)"]
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)
    got = store.get_workshop(info.id)
    assert (got.territory, got.territory_kind) == ("Soissons", "Commune")
    assert picker.kind.currentData() == "Commune" and picker.code.text() == "02722"
    assert picker.parent_box.currentText() == "GrandSoissons — Communauté d'agglomération"
    linked = store.territory_of(info.id)
    assert linked is not None and linked.workshops == 2  # the same entity as the 2024 workshop
    assert "2 ateliers" in picker.message.text()


def test_a_name_typed_in_another_case_means_the_known_territory(qtbot: QtBot, store: WorkshopStore) -> None:
    info = store.create_workshop("Atelier")
    page = open_page(qtbot, store, info.id)
    picker = page.info.picker
    picker.name.setFocus()
    QTest.keyClicks(picker.name, "soissons")
    popup_of(picker.name).hide()
    QTest.keyClick(picker.name, Qt.Key.Key_Tab)
    got = store.get_workshop(info.id)
    assert (got.territory, got.territory_kind) == ("Soissons", "Commune")
    assert picker.name.text() == "Soissons"
    assert len(store.territories()) == 2  # no second « soissons »


def test_a_new_territory_with_kind_checked_code_and_parent(qtbot: QtBot, store: WorkshopStore) -> None:
    info = store.create_workshop("Denain 2025")
    page = open_page(qtbot, store, info.id)
    picker = page.info.picker
    assert not picker.code.isEnabled()  # nothing to give a code to yet
    picker.name.setFocus()
    QTest.keyClicks(picker.name, "Denain")
    QTest.keyClick(picker.name, Qt.Key.Key_Tab)  # leaving the name creates the territory
    assert store.get_workshop(info.id).territory == "Denain"
    assert picker.kind.hasFocus()
    QTest.keyClick(picker.kind, Qt.Key.Key_Down)  # « Commune », chosen with the keyboard
    assert store.get_workshop(info.id).territory_kind == "Commune"
    created = store.territory_of(info.id)
    assert created is not None and created.kind == "commune"
    picker.code.setFocus()
    QTest.keyClicks(picker.code, "5917")
    QTest.keyClick(picker.code, Qt.Key.Key_Return)
    assert "code INSEE a 5 caractères" in picker.message.text()
    assert picker.code.text() == "5917"  # the typed code stays, to be corrected
    assert store.territory_of(info.id) == created
    QTest.keyClick(picker.code, Qt.Key.Key_End)
    QTest.keyClicks(picker.code, "2")
    QTest.keyClick(picker.code, Qt.Key.Key_Return)
    linked = store.territory_of(info.id)
    assert linked is not None and linked.code == "59172"
    assert picker.message.isHidden()  # accepted: the reason is gone
    choices = [picker.parent_box.itemText(i) for i in range(picker.parent_box.count())]
    assert choices == ["— aucun —", "GrandSoissons — Communauté d'agglomération"]  # a commune is no parent
    picker.parent_box.setFocus()
    QTest.keyClick(picker.parent_box, Qt.Key.Key_Down)
    linked = store.territory_of(info.id)
    assert linked is not None and linked.parent_name == "GrandSoissons"


def test_the_programme_is_suggested_and_saved_when_left(qtbot: QtBot, store: WorkshopStore) -> None:
    info = store.create_workshop("Creil 2025")
    page = open_page(qtbot, store, info.id)
    picker = page.info.picker
    picker.programme.setFocus()
    QTest.keyClicks(picker.programme, "nature")
    assert store.programme_of(info.id) == ""  # not per keystroke
    popup = popup_of(picker.programme)
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().index(0, 0).data() == NATURE
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)  # the suggestion chosen with Return: written
    assert store.programme_of(info.id) == NATURE and picker.programme.text() == NATURE
    picker.programme.setFocus()
    picker.programme.selectAll()
    QTest.keyClick(picker.programme, Qt.Key.Key_Delete)
    QTest.keyClick(picker.programme, Qt.Key.Key_Tab)
    assert store.programme_of(info.id) == ""  # emptied: out of the programme


def test_an_existing_workshop_shows_its_territory_code_parent_and_programme(
    qtbot: QtBot, store: WorkshopStore
) -> None:
    old = next(s for s in store.list_workshops() if s.title == "Soissons 2024")
    page = open_page(qtbot, store, old.id)
    picker = page.info.picker
    assert picker.name.text() == "Soissons" and picker.kind.currentData() == "Commune"
    assert picker.code.text() == "02722"
    assert picker.parent_box.currentText().startswith("GrandSoissons")
    assert picker.programme.text() == NATURE
    picker.code.setFocus()
    picker.code.selectAll()
    type_text(picker.code, "2A004")  # a Corsican INSEE code is valid for a commune
    QTest.keyClick(picker.code, Qt.Key.Key_Tab)
    territory = store.territory_of(old.id)
    assert territory is not None and territory.code == "2A004"


def test_a_workshop_from_before_territories_keeps_its_territory(qtbot: QtBot, tmp_path: Path) -> None:
    """A database of the first schema: its free-text territory became an entity, and set-up shows it."""
    from workshop_app.store import open_store

    fixture = Path(__file__).parent.parent / "store" / "fixtures" / "schema-0001.sqlite3"
    db = tmp_path / "ancienne.sqlite3"
    shutil.copy(fixture, db)
    with open_store(f"sqlite:///{db}") as old:
        first = old.list_workshops()[0]
        page = open_page(qtbot, old, first.id)
        picker = page.info.picker
        assert picker.name.text() == "Valmont-sur-Oise"
        assert picker.kind.currentData() == "Communauté d’agglomération"
        assert picker.code.isEnabled() and picker.code.text() == ""
        assert "2 ateliers" in picker.message.text()  # both old workshops point at the one entity
        page.close()


@pytest.mark.parametrize("stored", ["Communauté d'agglomération", "Communauté d’agglomération"])
def test_the_agglomeration_kind_is_listed_once_whatever_its_apostrophe(
    qtbot: QtBot, store: WorkshopStore, stored: str
) -> None:
    """The demo stores « d’agglomération », older workshops « d'agglomération »: one entry, selected."""
    info = store.create_workshop("Agglo 2026", territory="Valmont", territory_kind=stored)
    page = open_page(qtbot, store, info.id)
    kind = page.info.picker.kind
    labels = [kind.itemText(i) for i in range(kind.count())]
    assert sum("agglomération" in label for label in labels) == 1
    assert kind.currentText() == "Communauté d’agglomération"
    page.close()
