"""Run a panel on its own with the demo workshop (style.md #15): ``python -m workshop_app.ui.play.page``.

The demo lives in a throw-away SQLite file, never in the user's database; settings too.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from workshop_app.ui.session import WorkshopSession
from workshop_app.ui.settings import AppSettings


def demo_session(folder: Path | None = None) -> tuple[WorkshopSession, AppSettings]:
    """A session on the demo workshop in ``folder`` (a new temporary folder by default)."""
    from workshop_app.store import create_demo_workshop, open_store

    folder = folder or Path(tempfile.mkdtemp(prefix="atelier-preview-"))
    store = open_store(f"sqlite:///{folder / 'preview.sqlite3'}")
    workshop_id = create_demo_workshop(store)
    settings = AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    return WorkshopSession(store, workshop_id), settings


def run_preview(
    make: Callable[[WorkshopSession, AppSettings], QWidget], size: tuple[int, int] = (1366, 768)
) -> int:
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    app = QApplication.instance() or QApplication(sys.argv)
    session, settings = demo_session()
    widget = make(session, settings)
    widget.resize(*size)
    widget.show()
    return QApplication.exec() if isinstance(app, QApplication) else 0
