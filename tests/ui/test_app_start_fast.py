"""The start path a user gets: `python -m workshop_app` until the start screen is interactive
(``ATELIER_QUIT_WHEN_READY``), the cached workshop list shown before SQLAlchemy loads, then the real store."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from workshop_app.store import open_store
from workshop_app.store.demo import create_demo_workshop
from workshop_app.ui.settings import AppSettings

PROBE = (
    "import sys; from workshop_app.cli import main; rc = main([]); "
    "heavy = ('sqlalchemy', 'alembic', 'pydantic', 'yaml', 'workshop_app.cli.decks', 'logging.handlers', "
    "'PySide6.QtNetwork', 'hashlib', 'ctypes', 'workshop_app.core.events', 'workshop_app.ui.backup_flow', "
    "'workshop_app.ui.sync_flow', 'workshop_app.ui.theme_ink', 'pickle'); "
    "from PySide6 import QtWidgets; made = [c for c in ('QWizard', 'QCalendarWidget', 'QGraphicsView', "
    "'QFontDialog') if c in vars(QtWidgets)]; "  # PySide6 makes a class (its enums) on first use: ~8 ms
    "print('MODULES', *sorted(m for m in heavy if m in sys.modules), *made); sys.exit(rc)"
)


def _start(home: Path, quit_when: str) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ, ATELIER_HOME=str(home), ATELIER_QUIT_WHEN_READY=quit_when, QT_QPA_PLATFORM="offscreen"
    )
    return subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_a_second_start_is_interactive_before_sqlalchemy_loads(atelier_home: Path) -> None:
    with open_store() as store:
        create_demo_workshop(store)
    first = _start(atelier_home, "store")  # opens the store, lists, closes: the cache is written
    assert first.returncode == 0, first.stderr
    assert "sqlalchemy" in first.stdout and "workshop_app.cli.decks" not in first.stdout
    assert (atelier_home / "cache" / "start-list.json").is_file()
    second = _start(atelier_home, "1")
    assert second.returncode == 0, second.stderr
    loaded = second.stdout.split("MODULES", 1)[1].split()
    assert loaded == [], loaded  # nor alembic, pydantic, YAML, nor the sub-commands' parser
    log = next((atelier_home / "logs").glob("*.log")).read_text(encoding="utf-8")
    assert "start screen interactive" in log


def test_the_window_shows_the_cached_list_then_opens_the_store(qtbot: QtBot) -> None:
    from workshop_app.ui.main_window import MainWindow
    from workshop_app.ui.start_cache import list_and_cache

    with open_store() as store:
        create_demo_workshop(store)
        rows = list_and_cache(store)
    window = MainWindow(AppSettings())
    qtbot.addWidget(window)
    assert window.show_cached_list()
    assert window.service is None and window.start.workshops.rowCount() == 1
    assert window.start.workshops.summary(0) == rows[0]
    assert window.start.new_button.isEnabled()  # usable at once: a click opens the store first
    assert window.open_workshop(rows[0].id)
    assert window.service is not None and window.session is not None
    window.close()


def test_without_the_cache_the_stored_summaries_paint_the_list_before_sqlalchemy(atelier_home: Path) -> None:
    with open_store() as store:
        create_demo_workshop(store)
        store.list_workshops()  # the summaries are stored
    (atelier_home / "cache" / "start-list.json").unlink(missing_ok=True)
    started = _start(atelier_home, "1")
    assert started.returncode == 0, started.stderr
    assert started.stdout.split("MODULES", 1)[1].split() == []
    with open_store() as store:
        info = store.list_workshops()[0]
        store.update_workshop(info.id, title="Titre changé par un autre programme")  # its summary is stale
    (atelier_home / "cache" / "start-list.json").unlink(missing_ok=True)
    stale = _start(atelier_home, "1")
    assert stale.returncode == 0, stale.stderr
    assert stale.stdout.split("MODULES", 1)[1].split() == []  # what is known paints; the store follows
    log = next((atelier_home / "logs").glob("*.log")).read_text(encoding="utf-8")
    assert "stale summaries shown until the store's list replaces them" in log


def test_a_stale_summary_is_shown_then_replaced_by_the_stores_list(atelier_home: Path, qtbot: QtBot) -> None:
    import sqlite3

    from workshop_app import paths
    from workshop_app.ui.main_window import MainWindow

    with open_store() as store:
        create_demo_workshop(store)
        before = store.list_workshops()[0]  # the summary is stored
    db = paths.default_database_url().removeprefix("sqlite:///")
    with sqlite3.connect(db) as conn:  # another program renames it: its summary is stale now
        conn.execute(
            "UPDATE workshops SET title = ?, updated_at = ? WHERE id = ?",
            ("Titre changé par un autre programme", "2027-01-02 10:00:00.000000", before.id),
        )
    conn.close()
    (atelier_home / "cache" / "start-list.json").unlink(missing_ok=True)
    window = MainWindow(AppSettings())
    qtbot.addWidget(window)
    assert window.show_cached_list() and window.service is None
    shown = window.start.workshops.summary(0)
    assert shown.title == "Titre changé par un autre programme"  # the workshop's own row, read with sqlite3
    assert shown.answered == before.answered
    assert window.open_store()  # what the start does next, always
    with open_store() as store:
        expected = store.list_workshops()[0]
    assert window.start.workshops.summary(0) == expected != before
    window.close()
