"""The history panel and the replay slider, on the demo workshop through the real window (Ctrl+H)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.test_app_support import et_si_deck
from workshop_app.ui.history_dialog import HistoryDialog
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.workshop_pages import PAGE_PLAY

SHOTS = os.environ.get("ATELIER_SHOTS", "")


def test_history_filters_and_replays_the_compass(qtbot: QtBot, window: MainWindow) -> None:
    service = window.service
    assert service is not None
    info = service.create_workshop("Atelier relecture")
    for name in ("Les Coteaux", "Le Canal"):
        service.add_group(info.id, name)
    service.add_sequence(info.id, et_si_deck(), 60)
    assert window.open_workshop(info.id, PAGE_PLAY)
    session = window.session
    assert session is not None
    scale = et_si_deck().scale
    session.show_card(session.card_id or "")
    coteaux, canal = session.groups
    session.record_choice(coteaux.id, scale[4].id, "Un plan canicule exercé chaque année")
    session.record_choice(canal.id, scale[0].id)
    session.add_note("Le CCAS appelle les isolés", group_id=canal.id)
    session.record_choice(canal.id, scale[4].id)  # the Canal changes its mind
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(HistoryDialog)
    assert dialog is not None and dialog.isVisible()
    total = dialog.model.rowCount()
    assert total == len(session.events)
    assert "réponse" in [r.what for r in dialog.model.rows]
    dialog.kind.setCurrentIndex(1)  # answers only
    assert [r.table for r in dialog.model.rows] == ["Les Coteaux", "Le Canal", "Le Canal"]
    dialog.table_filter.setCurrentIndex(dialog.table_filter.findData("Le Canal"))
    assert len(dialog.model.rows) == 2
    dialog.kind.setCurrentIndex(0)
    QTest.keyClicks(dialog.search, "ccas")
    assert [r.what for r in dialog.model.rows] == ["note"]
    assert dialog.count.text() == f"1 événement(s) sur {total}"
    # replay: the compass after the Canal's first answer, then at the end
    dialog.search.clear()
    dialog.table_filter.setCurrentIndex(0)
    dialog.kind.setCurrentIndex(1)
    dialog.view.selectRow(1)  # the Canal's first answer (0)
    reading = dialog.compass._reading
    assert reading is not None
    early = reading.groups[canal.id].coverage
    room_early = reading.room
    assert "Après l’événement" in dialog.moment.text()
    dialog.slider.setValue(dialog.slider.maximum())
    late = dialog.compass._reading
    assert late is not None and late.room != room_early and late.groups[canal.id].coverage == early
    if SHOTS:
        dialog.view.selectRow(1)
        for width, height in ((1366, 768), (1920, 1080)):
            window.resize(width, height)
            dialog.resize(min(1100, width - 40), min(720, height - 60))
            QTest.qWait(30)
            dialog.grab().save(str(Path(SHOTS) / f"history-{width}.png"))
    dialog.close()
