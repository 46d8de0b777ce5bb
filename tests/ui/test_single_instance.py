"""One app per data folder: a second copy on the same ATELIER_HOME says in French that the app is already
open and brings the first forward; it neither offers to resume the first one's workshop nor erases its
crash-recovery marker. A copy killed without closing leaves a stale lock that the next start takes over."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.test_app_recovery import prepared_workshop
from tests.ui.test_app_smoke import ROOT, app_env
from workshop_app.ui import single_instance
from workshop_app.ui.settings import OPEN_WORKSHOP, AppSettings

FIRST_COPY = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from workshop_app.app import run_app

    def shown(window):
        def ready():
            window.open_workshop(sys.argv[1])
            print("READY", flush=True)
        window.sig_store_ready.connect(ready)

    QTimer.singleShot(60_000, lambda: sys.exit(3))  # never reached: the test stops us first
    sys.exit(run_app(["atelier"], on_shown=shown))
    """
)


def _first_copy(
    workshop_id: str, atelier_home: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[subprocess.Popen[str], list[tuple[str, str]]]:
    """The first copy, started with ``workshop_id`` open and ready; and the list of the information boxes this
    process (the second copy) shows, as (title, text)."""
    first = subprocess.Popen(
        [sys.executable, "-c", FIRST_COPY, workshop_id],
        cwd=ROOT,
        env=app_env(atelier_home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        "PySide6.QtWidgets.QMessageBox.information", lambda _parent, title, text: shown.append((title, text))
    )
    assert first.stdout is not None
    line = first.stdout.readline()
    if not line.startswith("READY"):
        os.kill(first.pid, signal.SIGKILL)
        pytest.fail(f"the first copy did not start: {line!r} {first.stderr.read() if first.stderr else ''}")
    return first, shown


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_second_copy_is_refused_and_wakes_the_first(
    qtbot: QtBot, atelier_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workshop_id = prepared_workshop()
    first, shown = _first_copy(workshop_id, atelier_home, monkeypatch)
    try:
        assert AppSettings().get(OPEN_WORKSHOP) == workshop_id
        may_run, guard = single_instance.claim_data_folder()  # the second copy, as run_app starts it
        assert (may_run, guard) == (False, None)
        assert AppSettings().get(OPEN_WORKSHOP) == workshop_id  # the first copy's marker is untouched
        (title, text) = shown[0]
        assert title == "Atelier Résilience est déjà ouvert"
        assert str(atelier_home) in text and "mise au premier plan" in text  # the first copy was reached
    finally:
        os.kill(first.pid, signal.SIGKILL)
        first.wait(timeout=30)
    # killed without closing: its lock is stale, the next start takes it over (and may offer to resume)
    may_run, guard = single_instance.claim_data_folder()
    assert may_run and guard is not None
    assert single_instance.InstanceGuard(atelier_home).acquire() is False  # held by us now
    guard.release()
    assert single_instance.InstanceGuard(atelier_home).acquire() is True


def test_after_a_start_from_the_cached_list_a_second_copy_still_wakes_the_first(
    qtbot: QtBot, atelier_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first copy listens only once its list is interactive (QtNetwork is not on the path to the first
    paint): from the cached list, that is before its store opens."""
    workshop_id = prepared_workshop()
    warm = dict(app_env(atelier_home), ATELIER_QUIT_WHEN_READY="store")
    done = subprocess.run(
        [sys.executable, "-m", "workshop_app"], cwd=ROOT, env=warm, capture_output=True, text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert (atelier_home / "cache" / "start-list.json").is_file()  # the next start paints the cached list
    first, shown = _first_copy(workshop_id, atelier_home, monkeypatch)
    try:
        assert single_instance.claim_data_folder() == (False, None)
        assert "mise au premier plan" in shown[0][1]  # reached: the first copy was listening
    finally:
        os.kill(first.pid, signal.SIGKILL)
        first.wait(timeout=30)
