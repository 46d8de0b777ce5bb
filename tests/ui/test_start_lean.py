"""What the start path leaves out, each a measured cost of every start (never a timed test)."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from workshop_app.cli import parse_arguments
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.settings import AppSettings


def test_atelier_without_arguments_builds_no_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_parser(*_args: object, **_kwargs: object) -> argparse.ArgumentParser:
        raise AssertionError("an ArgumentParser was built for a plain `atelier`")

    monkeypatch.setattr(argparse, "ArgumentParser", no_parser)
    args = parse_arguments([])
    assert args.command is None and args.database is None and not args.selftest and not args.version


def test_the_options_still_parse_as_before() -> None:
    args = parse_arguments(["--database", "sqlite:///x.sqlite3"])
    assert args.command is None and args.database == "sqlite:///x.sqlite3" and not args.version
    assert parse_arguments(["--version"]).version
    with pytest.raises(SystemExit):
        parse_arguments(["--no-such-option"])


def test_the_backup_and_sync_flows_are_built_on_first_use(qtbot: QtBot) -> None:
    window = MainWindow(AppSettings())
    qtbot.addWidget(window)
    assert window._backups is None and window._sync is None
    backups = window.backups
    assert window.backups is backups and window._sync is None
    assert window.sync is window.sync
    window.close()


def test_the_list_says_when_its_rows_have_painted(qtbot: QtBot) -> None:
    from PySide6.QtCore import QEvent, QObject

    from workshop_app.ui.start.page_support import PaintedTable

    view = PaintedTable()
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    painted: list[str] = []

    class Watch(QObject):  # the viewport's own paints, to compare with what the table says
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.append("viewport")
            return False

    watch = Watch()
    view.viewport().installEventFilter(watch)
    called: list[str] = []
    view.after_next_paint(lambda: called.append("after"))  # already shown: it asks for a repaint itself
    qtbot.waitUntil(lambda: called == ["after"], timeout=2000)
    assert painted  # the rows did paint before the call


def test_a_role_applies_before_and_after_the_widget_is_shown(qtbot: QtBot) -> None:
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication, QLabel

    from workshop_app.ui.theme import apply_theme, set_role

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app)
    label = QLabel("Ouverture de la base de données…")
    qtbot.addWidget(label)
    set_role(label, "muted")  # not shown yet: only named, styled when first shown
    label.show()
    qtbot.waitExposed(label)

    def ink() -> QColor:
        return label.palette().color(QPalette.ColorRole.WindowText)

    assert ink() == QColor("#555555")
    set_role(label, "error")  # shown: restyled at once
    assert ink() == QColor("#B00020")
    set_role(label, "error")
    assert label.objectName() == "error" and ink() == QColor("#B00020")
    set_role(label, "muted")
    assert ink() == QColor("#555555")


def test_the_geometry_is_kept_as_qt_bytes_and_read_back_without_pickle(tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from workshop_app.ui.settings import WINDOW_GEOMETRY

    path = tmp_path / "settings.ini"
    older = QSettings(str(path), QSettings.Format.IniFormat)
    older.setValue(WINDOW_GEOMETRY.key, b"\x01\xd9geometry")  # as before: a pickled Python object
    older.sync()
    assert "PyObjectWrapper" in path.read_text(encoding="latin-1")
    settings = AppSettings(QSettings(str(path), QSettings.Format.IniFormat))
    assert settings.get(WINDOW_GEOMETRY) == b"\x01\xd9geometry"  # still read
    settings.set(WINDOW_GEOMETRY, b"\x01\xd9geometry")  # same value: rewritten once, as Qt's own bytes
    text = path.read_text(encoding="latin-1")
    assert "@ByteArray(" in text and "PyObjectWrapper" not in text
    probe = (
        "import sys; from PySide6.QtCore import QSettings; from workshop_app.ui.settings import AppSettings, "
        f"WINDOW_GEOMETRY; s = AppSettings(QSettings({str(path)!r}, QSettings.Format.IniFormat)); "
        "print(s.get(WINDOW_GEOMETRY) == b'\\x01\\xd9geometry', 'pickle' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == ["True", "False"], out.stdout + out.stderr


GC_PROBE = """
import gc, sys
from PySide6.QtCore import QTimer
from workshop_app.app import run_app

seen = []

def shown(window):
    seen.append(("first frame", gc.isenabled()))
    def ready():
        seen.append(("store ready", gc.isenabled(), gc.get_freeze_count() > 1000))
        QTimer.singleShot(0, window.close)
    window.sig_store_ready.connect(ready)

QTimer.singleShot(30_000, lambda: sys.exit(3))  # watchdog
rc = run_app(["atelier"], on_shown=shown)
print(rc, seen, gc.isenabled())
"""


def test_no_collection_runs_while_the_start_builds_and_they_resume_once_the_list_is_up(
    atelier_home: Path,
) -> None:
    env = dict(os.environ, ATELIER_HOME=str(atelier_home), QT_QPA_PLATFORM="offscreen")
    env.pop("ATELIER_DATABASE_URL", None)
    out = subprocess.run(
        [sys.executable, "-c", GC_PROBE], env=env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    expected = "0 [('first frame', False), ('store ready', True, True)] True"
    assert out.stdout.strip() == expected, out.stdout + out.stderr


def test_the_stores_opening_collects_what_the_start_froze() -> None:
    import gc
    import weakref

    from workshop_app.ui.memory import release_import_caches

    class Cycle:
        def __init__(self) -> None:
            self.me = self

    garbage = Cycle()
    alive = weakref.ref(garbage)
    del garbage  # a cycle: only a collection frees it
    gc.freeze()  # what ``app._pause_collections`` does once the list is up
    try:
        assert alive() is not None
        release_import_caches(freeze=True)
        assert alive() is None
    finally:
        gc.unfreeze()


def test_a_timed_start_says_when_it_is_interactive(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    from workshop_app.ui.startup import announce

    before = time.perf_counter()
    announce("interactive")
    tag, stamp = capsys.readouterr().out.split()
    assert tag == "atelier-interactive" and before <= float(stamp) <= time.perf_counter()
    monkeypatch.setattr(sys, "stdout", None)  # pythonw, a bundle without a console: nothing, no error
    announce("store")
