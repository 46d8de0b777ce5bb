"""When is the start screen interactive? Once its workshop list has painted (``PaintedTable`` says when, in
``ui/start/page_support.py``). ``ATELIER_QUIT_WHEN_READY`` makes the app quit right then, so anyone can time
the whole process from a shell:

* ``ATELIER_QUIT_WHEN_READY=1``: quit as soon as the start screen is interactive (the list painted);
* ``ATELIER_QUIT_WHEN_READY=store``: quit once the database is open too (everything loaded).
"""

from __future__ import annotations

import logging
import os
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)
QUIT_WHEN_READY = "ATELIER_QUIT_WHEN_READY"


def quit_when() -> str:
    """``""`` (never), ``"ready"`` or ``"store"``."""
    value = os.environ.get(QUIT_WHEN_READY, "").strip().lower()
    if value in ("", "0", "no", "non", "false"):
        return ""
    return "store" if value == "store" else "ready"


def preload_charts(window: QWidget, delay_ms: int = 300) -> None:
    """Import the play page's chart libraries (numpy, then pyqtgraph and the play page: ~0.5–0.9 s) on the
    GUI thread, in two idle steps shortly after the start screen is up, so opening a workshop does not wait
    for them. Not in a thread: pyqtgraph creates Qt objects when it is imported. A click meanwhile waits at
    most for the step under way, which opening the workshop would have paid anyway."""

    def numpy_step() -> None:
        if window.isVisible():
            import numpy  # noqa: F401

            QTimer.singleShot(0, charts_step)

    def charts_step() -> None:
        if window.isVisible():
            import workshop_app.ui.play.page  # noqa: F401 - pyqtgraph, the radar, the play page

    QTimer.singleShot(delay_ms, numpy_step)


def announce(moment: str) -> None:
    """When the app is timed (``ATELIER_QUIT_WHEN_READY``): print the moment (``interactive``, ``store``)
    with ``time.perf_counter()`` (the system's monotonic clock on Linux), so a benchmark can time the launch
    to the list painted apart from the exit (``tests/benchmarks/bench_startup.py``)."""
    out = sys.stdout
    if out is None:  # no console (pythonw, a bundle without one)
        return
    try:
        out.write(f"atelier-{moment} {time.perf_counter():.6f}\n")
        out.flush()
    except (OSError, ValueError):
        pass


def since(start: float) -> str:
    return f"{time.perf_counter() - start:.3f} s"
