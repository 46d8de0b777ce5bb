"""Shared UI fixtures: the whole main window on a fresh store (its own ATELIER_HOME: tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

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


@pytest.fixture
def english(qtbot: QtBot) -> Iterator[None]:
    """The English catalogue installed as the app does at start-up (built first if needed), French after."""
    from PySide6.QtCore import QCoreApplication

    from workshop_app.ui.i18n import install_translators, translations_dir
    from workshop_app.ui.i18n_build import release

    app = QCoreApplication.instance()
    assert app is not None
    qm = Path(translations_dir()) / "atelier_en.qm"
    if not qm.exists() or qm.stat().st_mtime < qm.with_suffix(".ts").stat().st_mtime:
        release(qm.with_suffix(".ts"))
    installed = install_translators(app, "en")
    assert installed, "atelier_en.qm did not load"
    try:
        yield
    finally:
        for translator in installed:
            app.removeTranslator(translator)
        install_translators(app, "fr")


@pytest.fixture(autouse=True, scope="session")
def french_locale() -> None:
    """The default locale the app sets at start-up (``install_translators``), whatever the machine's own."""
    from PySide6.QtCore import QLocale

    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
