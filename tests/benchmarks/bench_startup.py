"""Start-up as a user gets it: ``atelier`` (the installed console script) until the start screen is
interactive, its workshop list painted, paired with a bare PySide6 QMainWindow shown (the anchor), whole
processes.

``python tests/benchmarks/bench_startup.py [pairs]`` (``ATELIER_BENCH_QUICK=1``: 3 pairs). ``atelier`` runs
with ``ATELIER_QUIT_WHEN_READY=1`` (quit at the event-loop turn after the list's first paint) or ``=store``
(quit once the database is open and the lists repainted: everything loaded), offscreen, in its own data
folder.
The app's modules are byte-compiled first, as an installed app has them (scripts/setup.sh does it too).
Cases:
* warm: a data folder holding the demonstration workshop, started before (the usual start);
* first start: an empty data folder every run (no database yet: it is created once the screen is up);
* cache removed: the start list's cache removed before each run (an unclean exit, a deleted cache): the
  list comes from the workshops' stored summaries, read with sqlite3;
* changed database: the cache removed and one workshop changed by another program (its ``updated_at``
  moved, so its stored summary is stale) before each run: the list paints what the database knows of it
  (``store/start_list.py:known_list``), the store's own list follows at once (``=store`` times that);
* everything loaded: warm, but quitting once the store is open; and the same after a changed database (the
  time until the store's list has replaced what was painted from the stale summary).
Target: ours ≤ 2× bare, whole process, pairwise median.

Each case also prints the launch to the list painted alone, the exit apart: ``atelier`` prints the moment it
is interactive (``atelier-interactive``, or ``atelier-store``, with ``time.perf_counter()``, the system's
monotonic clock) when ``ATELIER_QUIT_WHEN_READY`` is set, and the bare window the moment it paints; each is
taken from just before its process is started, and the ratio is pairwise too.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import QUICK, Run, compile_bytecode, load, median, paired, run, spread, venv_script

BARE = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 760)
class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, painted)  # the turn after the paint, as atelier's « interactive »
        return False
def painted():
    print(f"bare-painted {time.perf_counter():.6f}", flush=True)
    app.quit()
watch = Painted()
window.installEventFilter(watch)
window.show()
sys.exit(app.exec())
"""


def _env(home: Path, quit_when: str) -> dict[str, str]:
    env = dict(
        os.environ, QT_QPA_PLATFORM="offscreen", ATELIER_HOME=str(home), ATELIER_QUIT_WHEN_READY=quit_when
    )
    env.pop("ATELIER_DATABASE_URL", None)
    env.pop("PYTHONPYCACHEPREFIX", None)
    return env


def _changed(home: Path) -> None:
    """What another program's write leaves: no matching cache, a workshop whose stored summary is stale."""
    import sqlite3

    (home / "cache" / "start-list.json").unlink(missing_ok=True)
    with sqlite3.connect(home / "atelier.sqlite3") as conn:
        conn.execute("UPDATE workshops SET updated_at = strftime('%Y-%m-%d %H:%M:%f000', 'now')")
    conn.close()


class Moments:
    """The moment each run printed (``<tag> <perf_counter>``), from just before its process started."""

    def __init__(self) -> None:
        self.seconds: list[float] = []

    def timed(self, tag: str, start: Callable[[], Run]) -> Run:
        launched = time.perf_counter()
        result = start()
        stamps = [float(line.split()[1]) for line in result.stdout.splitlines() if line.startswith(tag + " ")]
        if not stamps:
            raise RuntimeError(f"no « {tag} » line in the output:\n{result.stdout[-2000:]}")
        self.seconds.append(stamps[0] - launched)
        return result

    def counted(self) -> list[float]:
        return self.seconds[1:]  # the first is paired()'s warm-up


def main(pairs: int) -> int:
    compile_bytecode()
    atelier = venv_script("atelier")
    scratch = Path(tempfile.mkdtemp(prefix="atelier-bench-start-"))
    warm = scratch / "warm"
    run([atelier, "demo"], env=_env(warm, ""))
    run([atelier], env=_env(warm, "store"))  # a first normal start and close: what the next start sees
    bare_env = dict(os.environ, QT_QPA_PLATFORM="offscreen")

    first = scratch / "first"
    cache = warm / "cache" / "start-list.json"
    cases = [
        ("warm", warm, "1", None),
        ("first start", first, "1", lambda: shutil.rmtree(first, True)),
        ("cache removed", warm, "1", lambda: cache.unlink(missing_ok=True)),
        ("changed database", warm, "1", lambda: _changed(warm)),
        ("everything loaded (store open)", warm, "store", None),
        ("changed database, until the store's list replaced it", warm, "store", lambda: _changed(warm)),
    ]
    print(f"start-up, `atelier` to an interactive start screen vs a bare QMainWindow; {load()}")
    ok = True
    for name, home, quit_when, before in cases:
        ours_at, bare_at = Moments(), Moments()
        tag = "atelier-store" if quit_when == "store" else "atelier-interactive"

        def ours(home: Path = home, quit_when: str = quit_when, tag: str = tag, at: Moments = ours_at) -> Run:
            return at.timed(tag, lambda: run([atelier], env=_env(home, quit_when)))

        def bare(at: Moments = bare_at) -> Run:
            return at.timed("bare-painted", lambda: run([sys.executable, "-c", BARE], env=bare_env))

        result = paired(f"atelier, {name}", ours, "bare QMainWindow", bare, pairs, before)
        ratio = sorted(result.ratios())[len(result.a) // 2]
        informative = name.startswith(("everything", "changed database,"))
        target = "(for information)" if informative else "(target ≤ 2×)"
        print(result.report(target))
        mine, theirs = ours_at.counted(), bare_at.counted()
        alone = [a / b for a, b in zip(mine, theirs, strict=True)]
        print(
            f"  the exit apart: atelier to the list painted {spread(mine)} s, bare window painted "
            f"{median(theirs):.3f} s, ratio {spread(alone, fmt='{:.2f}')}×"
        )
        if target.startswith("(target"):
            ok = ok and ratio <= 2
    print(f"after: {load()}")
    shutil.rmtree(scratch, ignore_errors=True)
    print("verdict: " + ("all start targets met" if ok else "a start target is not met (see the ratios)"))
    return 0


if __name__ == "__main__":
    default = 3 if QUICK else 9
    raise SystemExit(main(int(sys.argv[1]) if len(sys.argv) > 1 else default))
