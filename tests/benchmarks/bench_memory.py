"""Memory of a full session, as a facilitator runs it: start (``atelier``'s own run_app), open the full-day
workshop (12 tables × 33 cards, ``atelier demo --full-day``) on the play page, click the « Préparation » tab,
then « Bilan », then back to « Jeu » (each page built and painted, as the app does when it is first shown),
click 12 votes, export the PDF twice through the app's ExportFlow (the worker thread the Exporter button
uses). After each stage: peak RSS (``VmHWM`` of /proc/self/status), and the RSS then, split into anonymous
memory and file-backed pages (``/proc/self/smaps_rollup``: the libraries' code and data, which depend on what
the page cache holds), and the number of Qt widgets. Anchor: a bare PySide6 QMainWindow shown, same run.
``python tests/benchmarks/bench_memory.py [runs] [--short]`` (``ATELIER_BENCH_QUICK=1``: 1 run). Target
≤ 200 MB. ``--short``: the shortened path this benchmark measured until 2026-12-03 (the Préparation and Bilan
pages never shown, so never built); it is not what a facilitator does, and reads ~6 MB lower.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import QUICK, compile_bytecode, load, median, run, venv_script

SESSION = r"""
import os, sys
from pathlib import Path
def hwm():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
def rss():
    fields = dict(line.split(":", 1) for line in open("/proc/self/smaps_rollup") if ":" in line)
    total, anon = (int(fields[k].split()[0]) / 1024 for k in ("Rss", "Anonymous"))
    return total, anon, total - anon
from workshop_app.app import run_app  # nothing else before the app runs: what `atelier` imports, no more
workshop, target, short = sys.argv[1], Path(sys.argv[2]), sys.argv[3] == "short"
marks = []
def mark(stage):
    from PySide6.QtWidgets import QApplication
    total, anon, file = rss()
    marks.append(f"{stage}={hwm():.1f},{total:.1f},{anon:.1f},{file:.1f},{len(QApplication.allWidgets())}")
def step(window, stage):
    if stage == 0:
        mark("start-screen")
    from PySide6.QtCore import QTimer, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QTabBar
    from workshop_app.ui.export_dialog import ExportChoice
    from workshop_app.ui.play.page import PlayPage
    from workshop_app.ui.workshop_pages import PAGE_DEBRIEF, PAGE_PLAY, PAGE_SETUP
    if stage == 0:
        assert window.open_workshop(workshop, PAGE_PLAY)
        QTimer.singleShot(300, lambda: step(window, 1))
    elif stage == 1:
        mark("workshop-open")
        tabs = [("preparation", PAGE_SETUP), ("bilan", PAGE_DEBRIEF), ("back-to-play", PAGE_PLAY)]
        if short:
            tabs = []
        bar = window.tabs.findChild(QTabBar)
        def look(i=0):  # a click on each tab, then the time to look at the page (it is built and painted)
            if i == len(tabs):
                return play()
            name, index = tabs[i]
            QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
            assert window.pages.current() == index
            def seen():
                mark(name)
                look(i + 1)
            QTimer.singleShot(400, seen)
        QTimer.singleShot(0, look)  # on the next turn: play() is defined below
    def play():
        page = window.findChild(PlayPage)
        session = window.session
        session.show_card(session.deck.cards[-1].id)
        def votes(i=0):
            if i == len(session.groups):
                mark("12-votes")
                return export(0)
            row = page.groups.row_for(session.groups[i].id)
            QTest.mouseClick(row.button(session.deck.scale[i % 3].id), Qt.MouseButton.LeftButton)
            QTimer.singleShot(100, lambda: votes(i + 1))
        QTimer.singleShot(200, votes)
    def export(n):
        flow = window.exports
        flow.opener = lambda path: None
        def done(_path):
            flow.sig_exported.disconnect()
            mark(f"export-{n + 1}")
            def after():
                if flow.done_box is not None:  # the « Ouvrir le PDF / le dossier » box a user closes
                    flow.done_box.close()
                if n == 0:
                    export(1)
                else:
                    window.close()
            QTimer.singleShot(200, after)  # the box is shown on the event loop's next turn
        flow.sig_exported.connect(done)
        flow.start(workshop, ExportChoice("pdf", target, False))
def shown(window):
    from PySide6.QtCore import QTimer
    window.sig_store_ready.connect(lambda: QTimer.singleShot(0, lambda: step(window, 0)))
rc = run_app(["atelier"], on_shown=shown)
print(" ".join(marks))
sys.exit(rc)
"""

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 760)
window.show()
QTimer.singleShot(100, app.quit)
app.exec()
peak = [int(line.split()[1]) / 1024 for line in open("/proc/self/status") if line.startswith("VmHWM:")][0]
print(f"bare={peak:.1f}")
"""


def main(runs: int, short: bool) -> int:
    compile_bytecode()
    scratch = Path(tempfile.mkdtemp(prefix="atelier-bench-mem-"))
    env = dict(os.environ, ATELIER_HOME=str(scratch / "home"), QT_QPA_PLATFORM="offscreen")
    env.pop("ATELIER_DATABASE_URL", None)
    workshop = run([venv_script("atelier"), "demo", "--full-day"], env=env).stdout.split()[-1]
    if short:
        path = "SHORTENED path, not a facilitator's: the Préparation and Bilan pages never shown"
    else:
        path = "the Préparation and Bilan tabs clicked and looked at, back to Jeu"
    print(f"memory of a full session (start, open the full day, {path}, 12 votes, 2 PDF exports); {load()}")
    stages: dict[str, list[list[float]]] = {}
    bare: list[float] = []
    for _ in range(runs):
        mode = "short" if short else "full"
        args = [sys.executable, "-c", SESSION, workshop, str(scratch / "cr.pdf"), mode]
        for item in run(args, env=env).stdout.split():
            name, values = item.rsplit("=", 1)
            stages.setdefault(name, []).append([float(v) for v in values.split(",")])
        bare.append(float(run([sys.executable, "-c", BARE], env=env).stdout.split("=")[1]))
    print(f"  {'after':<14} {'peak RSS MB (min–max)':>24}   RSS then: anon + file-backed MB   Qt widgets")
    for name, rows in stages.items():
        peak, now, anon, file, widgets = (median([row[i] for row in rows]) for i in range(5))
        low, high = min(row[0] for row in rows), max(row[0] for row in rows)
        print(
            f"  {name:<14} {peak:8.1f} ({low:.1f}–{high:.1f}, {len(rows)} runs)"
            f"   {now:6.1f} = {anon:5.1f} + {file:5.1f}   {widgets:6.0f}"
        )
    peak = median([row[0] for row in list(stages.values())[-1]])
    print(f"  anchor: bare QMainWindow {median(bare):.1f} MB; session ÷ bare {peak / median(bare):.1f}×")
    verdict = "within" if peak <= 200 else "ABOVE"
    label = "shortened session" if short else "session"
    print(f"  {label} peak {peak:.1f} MB ({verdict} the 200 MB target); {load()}")
    return 0


if __name__ == "__main__":
    default = 1 if QUICK else 3
    numbers = [a for a in sys.argv[1:] if a.isdigit()]
    raise SystemExit(main(int(numbers[0]) if numbers else default, "--short" in sys.argv[1:]))
