"""Start-up time: a bare PySide6 window versus our start screen, to the first shown window (not collected).

``python tests/benchmarks/bench_startup.py [runs]`` — each measurement is a fresh subprocess, offscreen, with
its own ATELIER_HOME (an empty database is created after the window is shown, as in real use). The two kinds
alternate so that both see the same machine load; the median of the runs is printed. Target: ours ≤ 2× bare.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

BARE = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv)
label = QLabel("Atelier Résilience")
label.resize(1280, 760)
label.show()
def shown():
    print(f"SHOWN {time.time():.6f}", flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""

OURS = """
import sys, time
from workshop_app.app import run_app
def shown(window):
    print(f"SHOWN {time.time():.6f}", flush=True)
    window.close()
sys.exit(run_app(["atelier"], on_shown=shown))
"""


def measure(script: str) -> float:
    """Seconds from launching the interpreter to the first turn of the event loop after ``show()``."""
    with tempfile.TemporaryDirectory(prefix="atelier-bench-") as home:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ATELIER_HOME=home, PYQTGRAPH_QT_LIB="PySide6")
        env.pop("ATELIER_DATABASE_URL", None)
        started = time.time()
        result = subprocess.run(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
    line = next(x for x in result.stdout.splitlines() if x.startswith("SHOWN "))
    return float(line.split()[1]) - started


def main(runs: int = 5) -> int:
    measure(BARE)  # warm the file cache once for both
    measure(OURS)
    bare: list[float] = []
    ours: list[float] = []
    for _ in range(runs):
        bare.append(measure(BARE))
        ours.append(measure(OURS))
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"bare PySide6 window : median {b * 1000:6.0f} ms  ({', '.join(f'{x * 1000:.0f}' for x in bare)})")
    print(f"Atelier start screen: median {o * 1000:6.0f} ms  ({', '.join(f'{x * 1000:.0f}' for x in ours)})")
    print(f"ratio {o / b:.2f}× (target ≤ 2×)")
    return 0 if o <= 2 * b else 1


if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 5))
