"""A workshop's life through the real window: status follows play and export, timers stop on close and
before an archive, a template copy from the start page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.test_app_support import et_si_deck
from workshop_app.core.workshop import WorkshopStatus
from workshop_app.services.workshop_life import running_timers
from workshop_app.store import open_store
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.workshop_pages import PAGE_PLAY, PAGE_SETUP


def _open(window: MainWindow) -> str:
    service = window.service
    assert service is not None
    info = service.create_workshop("Atelier vie")
    service.add_group(info.id, "Table 1")
    service.add_sequence(info.id, et_si_deck(), 60)
    assert window.open_workshop(info.id, PAGE_PLAY)
    return info.id


def _status(workshop_id: str) -> WorkshopStatus:
    with open_store() as store:
        return store.get_workshop(workshop_id).status


def test_status_follows_play_and_export(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    from workshop_app.ui.export_dialog import ExportChoice

    workshop_id = _open(window)
    assert _status(workshop_id) is WorkshopStatus.DRAFT
    session = window.session
    assert session is not None
    session.record_choice(session.groups[0].id, et_si_deck().scale[2].id)
    assert _status(workshop_id) is WorkshopStatus.RUNNING
    assert window.exports is not None
    window.exports.opener = lambda _path: True
    window.exports.start(workshop_id, ExportChoice("pdf", tmp_path / "cr.pdf", False))
    qtbot.waitUntil(lambda: window.exports.done_box is not None, timeout=60_000)  # type: ignore[union-attr]
    assert _status(workshop_id) is WorkshopStatus.DONE
    window.exports.done_box.close()  # type: ignore[union-attr]
    window.close_workshop()
    row = window.start.workshops.row_of(workshop_id)
    assert window.start.workshops.status_label(window.start.workshops.summary(row).status) == "Terminé"


def test_timers_stop_when_the_workshop_closes(qtbot: QtBot, window: MainWindow) -> None:
    workshop_id = _open(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_T)
    QTest.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ShiftModifier)
    session = window.session
    assert session is not None and len(running_timers(session.events)) == 2
    window.close_workshop()
    with open_store() as store:
        assert running_timers(store.snapshot(workshop_id).events) == []


def test_a_template_copy_from_the_start_page(qtbot: QtBot, window: MainWindow) -> None:
    workshop_id = _open(window)
    window.close_workshop()
    window.start.workshop_view.setCurrentIndex(
        window.start.workshops.index(window.start.workshops.row_of(workshop_id), 0))
    window.start.duplicate_button.click()
    session = window.session
    assert session is not None and session.workshop_id != workshop_id
    assert session.snapshot.info.title == "Atelier vie (copie)" and window.pages.current() == PAGE_SETUP
    assert [g.name for g in session.snapshot.groups] == ["Table 1"] and len(session.snapshot.sequences) == 1
    assert session.snapshot.events == ()


def test_a_workshop_opened_with_running_timers_has_them_stopped(qtbot: QtBot, window: MainWindow) -> None:
    """An archive from another laptop, or a crash, left clocks running: opening the workshop stops them."""
    from workshop_app.core.events import EventKind

    service = window.service
    assert service is not None
    info = service.create_workshop("Atelier importé")
    service.add_group(info.id, "Table 1")
    seq = service.add_sequence(info.id, et_si_deck(), 60)
    service.record_event(info.id, EventKind.TIMER_STARTED, sequence_id=seq.id, payload={"scope": "sequence"})
    assert window.open_workshop(info.id, PAGE_PLAY)
    with open_store() as store:
        assert running_timers(store.snapshot(info.id).events) == []
