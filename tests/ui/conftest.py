"""Shared UI fixtures: the whole main window on a fresh store (its own ATELIER_HOME: tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.test_app_support import close_message_boxes
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.settings import AppSettings
from workshop_app.ui.tasks import wait_all


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    """The main window, shown, with its store open; background tasks and message boxes ended afterwards."""
    main = MainWindow(AppSettings())
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    assert main.open_store()
    yield main
    wait_all()
    close_message_boxes()
    main.close()
