"""Memory of a full session, as the app runs it: start (``atelier``'s own run_app), open the full-day workshop
(12 tables × 33 cards, ``atelier demo --full-day``) on the play page, click 12 votes, export the PDF twice
through the app's ExportFlow (the worker thread the Exporter button uses); peak RSS (``VmHWM`` of
/proc/self/status) after each stage. Anchor: a bare PySide6 QMainWindow shown, same run.
``python tests/benchmarks/bench_memory.py [runs] [--pages]`` (``ATELIER_BENCH_QUICK=1``: 1 run). Target
≤ 200 MB. ``--pages``: the facilitator also looks at the Préparation and Bilan tabs before playing (the
app builds those pages when first shown).
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
from workshop_app.app import run_app  # nothing else before the app runs: what `atelier` imports, no more
workshop, target, pages = sys.argv[1], Path(sys.argv[2]), sys.argv[3] == "pages"
marks = []
def step(window, stage):
    if stage == 0:
        marks.append(("start-screen", hwm()))
    from PySide6.QtCore import QTimer, Qt
    from PySide6.QtTest import QTest
    from workshop_app.ui.export_dialog import ExportChoice
    from workshop_app.ui.play.page import PlayPage
    from workshop_app.ui.workshop_pages import PAGE_PLAY
    if stage == 0:
        assert window.open_workshop(workshop, PAGE_PLAY)
        QTimer.singleShot(300, lambda: step(window, 1))
    elif stage == 1:
        marks.append(("workshop-open", hwm()))
        if pages:
            from workshop_app.ui.workshop_pages import PAGE_DEBRIEF, PAGE_SETUP
            for shown in (PAGE_SETUP, PAGE_DEBRIEF, PAGE_PLAY):
                window.pages.show(shown)
        page = window.findChild(PlayPage)
        session = window.session
        session.show_card(session.deck.cards[-1].id)
        def votes(i=0):
            if i == len(session.groups):
                marks.append(("12-votes", hwm()))
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
            marks.append((f"export-{n + 1}", hwm()))
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
print(" ".join(f"{name}={mb:.1f}" for name, mb in marks))
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


def main(runs: int, pages: bool) -> int:
    compile_bytecode()
    scratch = Path(tempfile.mkdtemp(prefix="atelier-bench-mem-"))
    env = dict(os.environ, ATELIER_HOME=str(scratch / "home"), QT_QPA_PLATFORM="offscreen")
    env.pop("ATELIER_DATABASE_URL", None)
    workshop = run([venv_script("atelier"), "demo", "--full-day"], env=env).stdout.split()[-1]
    seen = "the Préparation and Bilan tabs looked at, " if pages else ""
    print(f"memory of a full session (start, open the full day, {seen}12 votes, 2 PDF exports); {load()}")
    stages: dict[str, list[float]] = {}
    bare: list[float] = []
    for _ in range(runs):
        args = [sys.executable, "-c", SESSION, workshop, str(scratch / "cr.pdf"), "pages" if pages else "-"]
        out = run(args, env=env).stdout.split()
        for item in out:
            name, mb = item.rsplit("=", 1)
            stages.setdefault(name, []).append(float(mb))
        bare.append(float(run([sys.executable, "-c", BARE], env=env).stdout.split("=")[1]))
    for name, values in stages.items():
        print(
            f"  peak RSS after {name.replace('-', ' '):<16} {median(values):6.1f} MB "
            f"({min(values):.1f}–{max(values):.1f}, {len(values)} runs)"
        )
    peak = median(list(stages.values())[-1])
    print(f"  anchor: bare QMainWindow {median(bare):.1f} MB; session ÷ bare {peak / median(bare):.1f}×")
    verdict = "within" if peak <= 200 else "ABOVE"
    print(f"  session peak {peak:.1f} MB ({verdict} the 200 MB target); {load()}")
    return 0


if __name__ == "__main__":
    default = 1 if QUICK else 3
    numbers = [a for a in sys.argv[1:] if a.isdigit()]
    raise SystemExit(main(int(numbers[0]) if numbers else default, "--pages" in sys.argv[1:]))
