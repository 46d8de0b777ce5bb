"""Opening a workshop as a user does: ``atelier``'s own start (run_app), then the start screen's first
workshop opened on the play page (``open_workshop(id, PAGE_PLAY)``, what the list's double-click calls; a
finished workshop's double-click would open its Bilan), timed until the play page's radar has painted.
``python tests/benchmarks/bench_open.py [runs]`` (``ATELIER_BENCH_QUICK=1``: 2 runs). The full day's workshop
(12 tables × 33 cards).

Two cases, each a fresh process: the click comes 2 s after the start screen is ready (a facilitator
reading the list; the app imports the chart libraries in idle steps meanwhile), or at once (it then imports
them itself). Target: ≤ 0.8 s from the click (an absolute target: no anchor).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import QUICK, compile_bytecode, load, median, run, spread, venv_script

SESSION = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from workshop_app.app import run_app
delay = float(sys.argv[1])
class Painted(QObject):
    def __init__(self, window, start):
        super().__init__(window)
        self.window, self.start = window, start
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and self.start:
            from workshop_app.ui.play.page import PlayPage  # not before the click: the app's own imports
            page = self.window.findChild(PlayPage)
            if page is not None and watched is page.compass.radar.viewport():
                elapsed, self.start = time.perf_counter() - self.start, 0.0
                QTimer.singleShot(0, lambda: (print(f"OPEN {elapsed:.4f}"), self.window.close()))
        return False
def click(window):
    from PySide6.QtWidgets import QApplication
    from workshop_app.ui.workshop_pages import PAGE_PLAY
    workshop = window.start.workshops.summary(0).id
    watch = Painted(window, 0.0)
    window.app_filter = watch
    QApplication.instance().installEventFilter(watch)
    QTimer.singleShot(20_000, lambda: (print("OPEN nan"), window.close()))  # never hang
    watch.start = time.perf_counter()
    window.open_workshop(workshop, PAGE_PLAY)  # the double-click's handler, on the play page
def shown(window):
    window.sig_store_ready.connect(lambda: QTimer.singleShot(int(delay * 1000), lambda: click(window)))
sys.exit(run_app(["atelier"], on_shown=shown))
"""


def main(runs: int) -> int:
    compile_bytecode()
    scratch = Path(tempfile.mkdtemp(prefix="atelier-bench-open-"))
    env = dict(os.environ, ATELIER_HOME=str(scratch / "home"), QT_QPA_PLATFORM="offscreen")
    env.pop("ATELIER_DATABASE_URL", None)
    env.pop("ATELIER_QUIT_WHEN_READY", None)
    run([venv_script("atelier"), "demo", "--full-day"], env=env)
    print(f"open a workshop: open_workshop(id, PAGE_PLAY) → radar painted (full day, 12 × 33); {load()}")
    for delay, name in ((2.0, "2 s after the start screen"), (0.0, "at once")):
        times = []
        for _ in range(runs):
            out = run([sys.executable, "-c", SESSION, str(delay)], env=env).stdout
            times.append(float(out.split("OPEN", 1)[1].split()[0]))
        print(f"  click {name:<28} → compass painted: {spread(times)} s (target ≤ 0.8 s)")
    print(f"  (median of the last case {median(times):.3f} s); after: {load()}")
    return 0


if __name__ == "__main__":
    default = 2 if QUICK else 5
    raise SystemExit(main(int(sys.argv[1]) if len(sys.argv) > 1 else default))
