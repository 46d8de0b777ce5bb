"""An archive of many workshops: how long listing it takes, from the CLI and in the app (not collected).

``python tests/benchmarks/bench_archive.py [workshops] [runs]`` (default 1000 workshops, 5 runs). It builds
the archive once in a temporary ATELIER_HOME with the real ``atelier demo --workshops N``, then prints:

* the CLI: ``atelier workshops`` through the real entry point, whole process, beside ``atelier --version``
  (the anchor: the same interpreter, imports and argument parsing, no database), alternated, medians;
* the app: launch → start page filled (``sig_store_ready``, which lists the workshops), then
  ``MainWindow.refresh_workshops()`` (``service.list_workshops()`` + the start page's model and table)
  followed by a synchronous paint of the list, medians over ``runs`` calls; and the process's peak RSS then.

Target: the list shown in the app in ≤ 200 ms with 1,000 workshops.
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
TARGET_MS = 200.0

APP = """
import resource, statistics, sys, time
from workshop_app.app import run_app
RUNS = int(sys.argv[1])
T0 = float(sys.argv[2])

def shown(window):
    def ready():
        ready_at = time.time()
        times = []
        for _ in range(RUNS):
            started = time.perf_counter()
            window.refresh_workshops()
            window.start.workshop_view.viewport().repaint()
            times.append(time.perf_counter() - started)
        rows = window.start.workshops.rowCount()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        median = statistics.median(times)
        print(f"RESULT {ready_at - T0:.4f} {median:.4f} {min(times):.4f} {rows} {rss:.1f}", flush=True)
        window.close()
    if window.service is not None:
        ready()
    else:
        window.sig_store_ready.connect(ready)
sys.exit(run_app(["atelier"], on_shown=shown))
"""


def _env(home: str) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ATELIER_HOME=home, PYQTGRAPH_QT_LIB="PySide6")
    env.pop("ATELIER_DATABASE_URL", None)
    return env


def _entry() -> list[str]:
    script = Path(sys.executable).with_name("atelier")
    return [str(script)] if script.exists() else [sys.executable, "-m", "workshop_app"]


def _wall(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=env, capture_output=True, check=True, timeout=300)
    return time.perf_counter() - started


def main(count: int, runs: int) -> None:
    with tempfile.TemporaryDirectory(prefix="atelier-archive-") as home:
        env = _env(home)
        built = _wall([*_entry(), "demo", "--workshops", str(count)], env)
        print(f"archive: {count} workshops built by « atelier demo --workshops {count} » in {built:.1f} s")
        listing, anchor = [], []
        for _ in range(runs):
            anchor.append(_wall([*_entry(), "--version"], env))
            listing.append(_wall([*_entry(), "workshops"], env))
        cli, base = statistics.median(listing), statistics.median(anchor)
        print(
            f"CLI: « atelier workshops » {cli * 1000:.0f} ms, « atelier --version » {base * 1000:.0f} ms "
            f"(ratio {cli / base:.2f}×, medians of {runs})"
        )
        t0 = time.time()
        result = subprocess.run(
            [sys.executable, "-c", APP, str(runs), f"{t0:.6f}"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=True,
        )
        line = next(x for x in result.stdout.splitlines() if x.startswith("RESULT "))
        ready_s, median_s, best_s, rows, rss = line.split()[1:]
        verdict = "met" if float(median_s) * 1000 <= TARGET_MS else "NOT met"
        print(f"app: launch → start page filled {float(ready_s):.2f} s; {rows} rows")
        print(
            f"app: list + model + paint {float(median_s) * 1000:.0f} ms median"
            f" (best {float(best_s) * 1000:.0f} ms) — target ≤ {TARGET_MS:.0f} ms: {verdict}"
        )
        print(f"app: peak RSS {float(rss):.0f} MB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000, int(sys.argv[2]) if len(sys.argv) > 2 else 5)
