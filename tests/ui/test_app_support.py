"""Helpers for the app-level UI tests (start page, set-up, main window, end-to-end). No tests here.

Everything runs on the real store, in the test's own ``ATELIER_HOME`` (see tests/conftest.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from workshop_app.core.catalogue import find_deck
from workshop_app.core.deck_loader import AnyDeck
from workshop_app.store import open_store
from workshop_app.store.service import WorkshopStore

if TYPE_CHECKING:
    from workshop_app.ui.main_window import MainWindow

VALID_DECK = """\
format: 1
id: mon-jeu
title: Mon petit jeu
version: "1.0"
mechanic: questions
compass:
  name: Ma boussole
  axes:
    - id: eau
      label: Eau
      levers:
        - {id: eau.1, label: Boire}
scale:
  - {id: non, label: Non, value: 0}
  - {id: oui, label: Oui, value: 1}
cards:
  - id: c1
    title: Et si l'eau manquait ?
    prompt: Que ferions-nous ?
    informs: [{lever: eau.1}]
"""

BROKEN_DECK = """\
format: 1
id: jeu-casse
title: Jeu cassé
version: "1.0"
mechanic: questions
compass:
  name: Ma boussole
  axes:
    - id: eau
      label: Eau
      levers:
        - {id: eau.1, label: Boire}
scale:
  - {id: non, label: Non, value: 0}
  - {id: oui, label: Oui, value: 1}
cards:
  - id: c1
    title: Et si l'eau manquait ?
    informs: [{lever: eau.1, weight: 0}]
    colour: rouge
"""


def new_store() -> WorkshopStore:
    return open_store()


def et_si_deck() -> AnyDeck:
    return find_deck("et-si-33")


def drop_files(target: QWidget, paths: list[Path]) -> None:
    """Simulate dropping files from a file manager onto ``target``."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    centre = QPointF(QPoint(target.width() // 2, target.height() // 2))
    for event_type in (QDropEvent.Type.DragEnter, QDropEvent.Type.Drop):
        if event_type == QDropEvent.Type.DragEnter:
            from PySide6.QtGui import QDragEnterEvent

            event: QDropEvent = QDragEnterEvent(
                centre.toPoint(),
                Qt.DropAction.CopyAction,
                mime,
                Qt.MouseButton.NoButton,
                Qt.KeyboardModifier.NoModifier,
            )
        else:
            event = QDropEvent(
                centre,
                Qt.DropAction.CopyAction,
                mime,
                Qt.MouseButton.NoButton,
                Qt.KeyboardModifier.NoModifier,
            )
        QApplication.sendEvent(target, event)
        assert event.isAccepted(), f"{event_type} refused"


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` key by key. ``QTest.keyClicks`` aborts on non-ASCII characters (an assert
    in Qt's qasciikey.cpp), so accented letters are sent as key events carrying their text."""
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtTest import QTest

    for char in text:
        if char.isascii():
            QTest.keyClicks(widget, char)
            continue
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def message_boxes(parent: QWidget | None = None) -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def close_message_boxes() -> list[str]:
    texts = []
    for box in message_boxes():
        texts.append(box.text())
        box.close()
    return texts


def wait_for(qtbot: object, condition: Callable[[], object], timeout: int = 10_000) -> None:
    qtbot.waitUntil(lambda: bool(condition()), timeout=timeout)  # type: ignore[attr-defined]


def with_workshop(window: MainWindow, groups: int = 2) -> str:
    service = window.service
    assert service is not None
    info = service.create_workshop("Atelier test")
    for n in range(groups):
        service.add_group(info.id, f"Table {n + 1}")
    service.add_sequence(info.id, et_si_deck(), 60)
    assert window.open_workshop(info.id)
    return info.id
