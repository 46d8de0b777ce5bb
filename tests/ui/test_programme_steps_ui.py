"""Programme steps that are not decks through the real window: added in set-up (kind, label, minutes, place;
Enter in the label), moved later and removed; started and ended on the play page; the compte-rendu prints
them with their actual times. Real store, widgets and key events."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.test_app_support import close_message_boxes, et_si_deck
from workshop_app.core.events import EventKind
from workshop_app.core.programme import programme_steps
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.workshop_pages import PAGE_PLAY, PAGE_SETUP

SHOTS = os.environ.get("ATELIER_SHOTS", "")


def _open(window: MainWindow) -> str:
    service = window.service
    assert service is not None
    info = service.create_workshop("Journée résilience")
    for name in ("Table 1", "Table 2"):
        service.add_group(info.id, name)
    service.add_sequence(info.id, et_si_deck(), 60)
    assert window.open_workshop(info.id, PAGE_SETUP)
    return info.id


def test_steps_added_moved_removed_in_setup_then_played(qtbot: QtBot, window: MainWindow) -> None:
    workshop_id = _open(window)
    panel = window.pages.setup.steps  # type: ignore[union-attr]
    title = window.session.snapshot.sequences[0].display_title  # type: ignore[union-attr]
    assert [panel.place_combo.itemText(i) for i in range(panel.place_combo.count())] == [
        f"avant « {title} »", "à la fin"]
    # « Accueil du matin », 20 min, before the deck: typed, then Enter
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData("accueil"))
    panel.minutes.setValue(20)
    panel.label_edit.setFocus()
    QTest.keyClicks(panel.label_edit, "Accueil du matin")  # (QTest types ASCII only)
    QTest.keyClick(panel.label_edit, Qt.Key.Key_Return)
    # a pause, placed at the end, then moved earlier; a bilan, then removed
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData("pause"))
    panel.place_combo.setCurrentIndex(1)
    panel.add_button.click()
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData("bilan"))
    panel.add_button.click()
    assert panel.view.count() == 3 and panel.label_edit.text() == ""
    assert panel.view.item(0).text() == f"Accueil — Accueil du matin · 20 min · avant « {title} »"
    panel.view.setCurrentRow(2)
    panel.remove_button.click()
    panel.view.setCurrentRow(1)
    panel.up_button.click()
    steps = window.service.programme_steps(workshop_id)  # type: ignore[union-attr]
    assert [(s.kind, s.label, s.planned_minutes, s.slot) for s in steps] == [
        ("accueil", "Accueil du matin", 20, 0), ("pause", "", 20, 0)]
    if SHOTS:
        for width, height in ((1366, 768), (1920, 1080)):
            window.resize(width, height)
            QTest.qWait(50)
            window.grab().save(str(Path(SHOTS) / f"steps-setup-{width}.png"))
    # on the play page: start the welcome, end it
    assert window.open_workshop(workshop_id, PAGE_PLAY)
    bar = window.pages.play.steps  # type: ignore[union-attr]
    assert bar.isVisible() and bar.combo.count() == 2
    assert bar.combo.currentText() == "Accueil — Accueil du matin" and bar.button.text() == "Commencer"
    bar.button.click()
    assert bar.button.text() == "Terminer" and bar.state_label.text().startswith("commencé à ")
    if SHOTS:
        for width, height in ((1366, 768), (1920, 1080)):
            window.resize(width, height)
            QTest.qWait(50)
            window.grab().save(str(Path(SHOTS) / f"steps-play-{width}.png"))
    bar.button.click()
    events = window.service.events(workshop_id)  # type: ignore[union-attr]
    kinds = [e.kind for e in events]
    assert EventKind.STEP_STARTED in kinds and EventKind.STEP_ENDED in kinds
    [welcome, pause] = programme_steps(events)
    assert welcome.started_at is not None and welcome.ended_at is not None and not welcome.running
    assert pause.started_at is None
    assert bar.combo.currentText() == "Pause"  # the next step waiting
    assert close_message_boxes() == []


def test_a_workshop_without_steps_shows_no_step_bar(qtbot: QtBot, window: MainWindow) -> None:
    workshop_id = _open(window)
    assert window.open_workshop(workshop_id, PAGE_PLAY)
    assert not window.pages.play.steps.isVisible()  # type: ignore[union-attr]


def test_steps_stand_in_their_place_in_the_play_outline(qtbot: QtBot, window: MainWindow) -> None:
    workshop_id = _open(window)
    service = window.service
    assert service is not None
    welcome = service.plan_step(workshop_id, "accueil", "Café", 20, slot=0)
    service.plan_step(workshop_id, "bilan", "", 15, slot=1)  # after the only sequence
    window.session.reload()  # type: ignore[union-attr]  # written beside the open session, as a sync does
    assert window.open_workshop(workshop_id, PAGE_PLAY)
    page = window.pages.play
    model = page.outline_model  # type: ignore[union-attr]
    title = window.session.snapshot.sequences[0].display_title  # type: ignore[union-attr]
    rows = [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())]
    assert rows[0] == ("◦ Accueil — Café", "20 min")
    assert rows[1][0] == f"1. {title}"
    assert rows[2] == ("◦ Bilan", "15 min")
    assert model.rowCount(model.index(0, 0)) == 0 and model.rowCount(model.index(1, 0)) > 0
    # choosing the step in the outline puts it in the « Hors jeu » bar; starting it shows « en cours »
    page.on_outline_activated(model.step_index(welcome.id))  # type: ignore[union-attr]
    bar = page.steps  # type: ignore[union-attr]
    assert bar.combo.currentData() == welcome.id
    bar.button.click()
    assert model.index(0, 1).data() == "en cours"
    assert page.outline.isExpanded(model.index(1, 0))  # type: ignore[union-attr]  # the cards still shown
    assert window.session.sequence_id == window.session.snapshot.sequences[0].id  # type: ignore[union-attr]
    if SHOTS:
        window.resize(1366, 768)
        QTest.qWait(50)
        window.grab().save(str(Path(SHOTS) / "steps-outline-1366.png"))
    assert close_message_boxes() == []


def test_two_steps_of_one_slot_swap_then_move_on(qtbot: QtBot, window: MainWindow) -> None:
    workshop_id = _open(window)
    service = window.service
    assert service is not None
    service.plan_step(workshop_id, "accueil", "Café", 20, slot=0)
    service.plan_step(workshop_id, "pause", "Tour de table", 10, slot=0)
    window.session.reload()  # type: ignore[union-attr]
    panel = window.pages.setup.steps  # type: ignore[union-attr]

    def order() -> list[tuple[str, int]]:
        return [(s.label, s.slot) for s in service.programme_steps(workshop_id)]

    assert order() == [("Café", 0), ("Tour de table", 0)]
    panel.view.setCurrentRow(1)
    panel.up_button.click()  # before the welcome, still before the sequence
    assert order() == [("Tour de table", 0), ("Café", 0)]
    assert panel.view.item(0).text().startswith("Pause — Tour de table")
    panel.view.setCurrentRow(1)
    panel.up_button.click()  # the welcome back first
    assert order() == [("Café", 0), ("Tour de table", 0)]
    panel.view.setCurrentRow(0)
    panel.down_button.click()  # swapped down
    assert order() == [("Tour de table", 0), ("Café", 0)]
    panel.view.setCurrentRow(1)
    panel.down_button.click()  # last of its slot: past the sequence
    assert order() == [("Tour de table", 0), ("Café", 1)]
    assert close_message_boxes() == []
