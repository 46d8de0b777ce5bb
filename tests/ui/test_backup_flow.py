"""The app's backup and restore: the debrief's end-of-workshop offer writes all the data to the folder the
facilitator picks; Fichier › Restaurer une sauvegarde… asks, names what the backup holds, then restores."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from tests.ui.test_app_support import close_message_boxes, message_boxes, wait_for
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.workshop_pages import PAGE_DEBRIEF


def _answer_restore_question(qtbot: QtBot, restore: bool, seen: list[str]) -> None:
    """When the question appears, note its text and click « Restaurer » (or Cancel)."""

    def click() -> None:
        for box in message_boxes():
            if box.objectName() == "restoreQuestion":
                seen.append(box.text())
                if restore:
                    (button,) = [b for b in box.buttons() if b.text() == "Restaurer"]
                else:
                    button = box.button(QMessageBox.StandardButton.Cancel)
                button.click()
                return
        QTimer.singleShot(50, click)

    QTimer.singleShot(50, click)


def test_end_of_workshop_backup_then_delete_then_restore(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.service is not None
    info = window.service.create_workshop("Atelier de Valmont", date=date(2026, 12, 2))
    window.refresh_workshops()
    assert window.open_workshop(info.id, PAGE_DEBRIEF)
    key = tmp_path / "cle-usb"
    key.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(key))
    debrief = window.pages.debrief
    assert debrief is not None
    button = debrief.findChild(QPushButton, "backupButton")
    assert button is not None and button.isVisible() and button.text() == "Sauvegarder sur une clé…"
    button.click()
    wait_for(qtbot, lambda: list(key.glob("atelier-sauvegarde-*.zip")) and message_boxes())
    (backup,) = key.glob("atelier-sauvegarde-*.zip")
    assert "atelier.sqlite3" in zipfile.ZipFile(backup).namelist()
    (notice,) = message_boxes()
    assert notice.windowTitle() == "Sauvegarde écrite" and "1 atelier" in notice.text()
    close_message_boxes()

    assert window.delete_workshop(info.id)
    assert window.start.workshops.row_of(info.id) < 0

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(backup), ""))
    seen: list[str] = []
    _answer_restore_question(qtbot, False, seen)
    window.registry["restore_backup"].trigger()
    assert seen and "1 atelier" in seen[0] and "mises de côté" in seen[0]
    assert window.start.workshops.row_of(info.id) < 0  # cancelled: nothing restored

    _answer_restore_question(qtbot, True, seen)
    window.registry["restore_backup"].trigger()
    wait_for(qtbot, lambda: window.start.workshops.row_of(info.id) >= 0)
    texts = [box.text() for box in message_boxes() if box.windowTitle() == "Sauvegarde restaurée"]
    assert texts and "Atelier de Valmont" in texts[0] and "mises de côté" in texts[0]
    assert window.service is not None and [w.id for w in window.service.list_workshops()] == [info.id]
    assert window.registry["backup_all"].isEnabled()


def test_a_bad_file_is_refused_in_french(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "pas-une-sauvegarde.zip"
    bad.write_bytes(b"ceci n'est pas un zip")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    window.registry["restore_backup"].trigger()
    wait_for(qtbot, message_boxes)
    (box,) = message_boxes()
    assert box.icon() == QMessageBox.Icon.Critical
    assert "n’est pas une sauvegarde utilisable" in box.text()
