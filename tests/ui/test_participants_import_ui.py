"""Participants into the set-up page: Ctrl+V of spreadsheet rows, a CSV file, « Répartir par service »; a
refused list names its problems and imports nobody. Real store and widgets."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.test_app_support import close_message_boxes
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.setup.participants_model import COL_KIND
from workshop_app.ui.workshop_pages import PAGE_SETUP

SHOTS = os.environ.get("ATELIER_SHOTS", "")
ROWS = (
    "Hélène Marchand\tÉlus\tVille\télue\t1\n"
    "Karim Benali\tUrbanisme\tVille\tagent\t\n"
    "Sophie Delcourt\tEau et assainissement\tAgglomération\tagent\t\n"
    "Julien Roussel\tUrbanisme\tVille\tagent\t\n"
)


def _open(window: MainWindow, tables: int = 2) -> str:
    service = window.service
    assert service is not None
    info = service.create_workshop("Atelier participants")
    for n in range(tables):
        service.add_group(info.id, f"Table {n + 1}")
    assert window.open_workshop(info.id, PAGE_SETUP)
    return info.id


def test_ctrl_v_of_spreadsheet_rows_then_balance(qtbot: QtBot, window: MainWindow) -> None:
    _open(window)
    panel = window.pages.setup.participants  # type: ignore[union-attr]
    QGuiApplication.clipboard().setText(ROWS)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    panel.view.setFocus()
    qtbot.waitUntil(panel.view.hasFocus)
    QTest.keyClick(panel.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    people = window.session.snapshot.participants  # type: ignore[union-attr]
    assert [(p.name, p.service, p.kind) for p in people][:2] == [
        ("Hélène Marchand", "Élus", "élu"), ("Karim Benali", "Urbanisme", "agent")]
    assert panel.model.index(0, COL_KIND).data() == "élu·e"
    assert panel.count_label.text() == "4 participants"
    panel.importer.balance_button.click()
    people = window.session.snapshot.participants  # type: ignore[union-attr]
    groups = window.session.snapshot.groups  # type: ignore[union-attr]
    by_table = {g.id: [p.service for p in people if p.group_id == g.id] for g in groups}
    assert sorted(len(v) for v in by_table.values()) == [2, 2]
    assert all(services.count("Urbanisme") <= 1 for services in by_table.values())  # services mixed
    if SHOTS:
        for width, height in ((1366, 768), (1920, 1080)):
            window.resize(width, height)
            QTest.qWait(30)
            window.grab().save(str(Path(SHOTS) / f"participants-{width}.png"))


def test_a_csv_with_a_problem_is_refused_with_its_line(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    _open(window)
    panel = window.pages.setup.participants  # type: ignore[union-attr]
    path = tmp_path / "liste.csv"
    path.write_bytes(b"\xef\xbb\xbfNom;Service;R\xc3\xb4le;Table\r\nA;Voirie;maire;1\r\nB;CCAS;agent;2\r\n")
    panel.importer.choose_file = lambda: path  # type: ignore[method-assign]
    panel.importer.import_button.click()
    texts = close_message_boxes()
    assert len(texts) == 1 and "ligne 2, colonne « rôle » : « maire » n’est pas un rôle" in texts[0]
    assert window.session.snapshot.participants == ()  # type: ignore[union-attr]
    path.write_bytes(b"\xef\xbb\xbfNom;Service;R\xc3\xb4le;Table\r\nA;Voirie;\xc3\xa9lu;1\r\nB;CCAS;agent;2\r\n")
    panel.importer.import_button.click()
    assert close_message_boxes() == []
    people = window.session.snapshot.participants  # type: ignore[union-attr]
    groups = window.session.snapshot.groups  # type: ignore[union-attr]
    assert [(p.name, p.kind, p.group_id) for p in people] == [
        ("A", "élu", groups[0].id), ("B", "agent", groups[1].id)]
