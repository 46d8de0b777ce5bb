"""The whole app started as ``atelier`` starts it, the crash dialog, background tasks, the PySide6 guard."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot

from tests.ui.test_app_support import close_message_boxes
from workshop_app.core.errors import AtelierError
from workshop_app.paths import logs_dir
from workshop_app.ui.crash import LOG_FILE, ExceptionReporter, setup_logging
from workshop_app.ui.tasks import TaskCancelled, run_task

ROOT = Path(__file__).resolve().parents[2]

SMOKE = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from workshop_app.app import run_app

    def shown(window):
        def ready():
            print("window:", window.windowTitle(), window.isVisible(), flush=True)
            print("decks:", window.start.decks.rowCount(), flush=True)
            QTimer.singleShot(100, window.close)
        window.sig_store_ready.connect(ready)

    QTimer.singleShot(30_000, lambda: sys.exit(3))  # watchdog
    sys.exit(run_app(["atelier"], on_shown=shown))
    """
)


def app_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(ATELIER_HOME=str(home), QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    env.pop("ATELIER_DATABASE_URL", None)
    return env


def test_run_app_starts_the_whole_app_and_exits_0(atelier_home: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", SMOKE],
        cwd=ROOT,
        env=app_env(atelier_home),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "window: Atelier Résilience True" in result.stdout
    assert int(result.stdout.split("decks:")[1].split()[0]) >= 3
    assert "Traceback" not in result.stderr
    assert (atelier_home / "atelier.sqlite3").exists()
    log = (atelier_home / "logs" / LOG_FILE).read_text(encoding="utf-8")
    assert "starting Atelier Résilience" in log and "stopped" in log


def test_unexpected_error_shows_what_to_do_and_logs_the_traceback(qtbot: QtBot) -> None:
    handler_path = setup_logging()
    reporter = ExceptionReporter()
    try:
        raise ValueError("boom inattendu")
    except ValueError as exc:
        reporter(type(exc), exc, exc.__traceback__)
    texts = close_message_boxes()
    assert len(texts) == 1
    assert "Une erreur inattendue s’est produite" in texts[0] and "reprendre l’atelier" in texts[0]
    assert str(logs_dir() / LOG_FILE) in texts[0]
    assert "Traceback" not in texts[0] and "boom" not in texts[0]
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert handler_path is not None
    log = handler_path.read_text(encoding="utf-8")
    assert "Traceback" in log and "ValueError: boom inattendu" in log
    _remove_file_handlers()


def test_a_user_error_reaching_the_hook_shows_its_french_sentence(qtbot: QtBot) -> None:
    reporter = ExceptionReporter()
    error = AtelierError("La base est en lecture seule.", detail="sqlite3.OperationalError: readonly")
    reporter(AtelierError, error, None)
    assert close_message_boxes() == ["La base est en lecture seule."]


def _remove_file_handlers() -> None:
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, logging.FileHandler):
            root.removeHandler(handler)
            handler.close()


def test_run_task_reports_progress_then_result_on_the_gui_thread(qtbot: QtBot) -> None:
    import threading

    gui = threading.get_ident()
    seen: list[tuple[str, object, int]] = []

    def work(report: object) -> int:
        for step in (25, 50, 100):
            report(step, f"étape {step}")  # type: ignore[operator]
        return threading.get_ident()

    handle = run_task(
        work,
        lambda r: seen.append(("done", r, threading.get_ident())),
        None,
        lambda p, m: seen.append(("progress", (p, m), threading.get_ident())),
    )
    qtbot.waitUntil(lambda: handle.finished, timeout=5000)
    assert all(thread == gui for _, _, thread in seen)
    assert seen[-1][0] == "done" and seen[-1][1] != gui  # the work ran elsewhere
    assert [value for kind, value, _ in seen if kind == "progress"] == [
        (25, "étape 25"),
        (50, "étape 50"),
        (100, "étape 100"),
    ]


def test_run_task_errors_and_cancellation(qtbot: QtBot) -> None:
    errors: list[BaseException] = []
    handle = run_task(lambda report: 1 / 0, lambda r: None, errors.append)
    qtbot.waitUntil(lambda: handle.finished, timeout=5000)
    assert isinstance(errors[0], ZeroDivisionError)

    stopped: list[BaseException] = []

    def slow(report: object) -> None:
        for step in range(200):
            time.sleep(0.005)
            report(step / 2)  # type: ignore[operator]

    def on_error(exc: BaseException) -> None:
        stopped.append(exc)

    handle = run_task(slow, lambda r: pytest.fail("a cancelled task must not call back"), on_error)
    handle.cancel()
    qtbot.waitUntil(lambda: handle.finished, timeout=5000)
    assert stopped == []  # cancelled: nobody is told, and the worker stopped at its next report
    assert TaskCancelled.__doc__


class _Emitter(QObject):
    sig_ping = Signal(object)


def test_pyside6_signal_emits_do_not_leak_a_reference_to_true() -> None:
    """PySide6 6.12.0 on Python 3.11 drops a reference to True on every emit and aborts after ~2,000."""
    emitter = _Emitter()
    received: list[object] = []
    emitter.sig_ping.connect(received.append)
    before = sys.getrefcount(True)
    for _ in range(500):
        emitter.sig_ping.emit(True)
    after = sys.getrefcount(True)
    assert len(received) == 500
    assert after >= before - 5, f"sys.getrefcount(True) fell from {before} to {after}: PySide6 >= 6.12 bug?"
