"""Benchmark of the exports (not collected by pytest): ``python tests/benchmarks/bench_export.py``.

A full day: 12 groups × 33 cards with an argument and a note each, a strategy round, 20 actions, 4 photos.
Prints the CPU time of the PDF (target ≤ 2 s on the reference laptop), of the CSV, XLSX and bundle, then
the PDF time against the number of answers, which should grow linearly (the time per answer stays flat).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "export"))

from export_factory import make_snapshot  # noqa: E402

from workshop_app.export.bundle import export_bundle  # noqa: E402
from workshop_app.export.pdf import build_pdf  # noqa: E402
from workshop_app.export.pdf.fonts import register_fonts  # noqa: E402
from workshop_app.export.tabular import write_csv, write_xlsx  # noqa: E402


def timed(action, runs: int = 3) -> float:  # type: ignore[no-untyped-def]
    """Median CPU time of this process (wall time is meaningless on a shared, busy machine)."""
    times = []
    for _ in range(runs):
        start = time.process_time()
        action()
        times.append(time.process_time() - start)
    return statistics.median(times)


def main() -> int:
    register_fonts()  # one-off (~50 ms), paid at the first export of a session
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        snapshot, photos = make_snapshot(
            n_groups=12, n_cards=33, notes_per_answer=True, n_actions=20, photos=4, answered_share=1.0
        )
        answers = sum(len(s.answers) for s in snapshot.state().sequences.values())
        pdf = folder / "journee.pdf"
        t_pdf = timed(lambda: build_pdf(snapshot, photos, pdf))
        from pypdf import PdfReader

        pages = len(PdfReader(str(pdf)).pages)
        print(f"Full day: {len(snapshot.groups)} groups, {answers} answers, {len(snapshot.events)} events")
        print(f"  PDF   {t_pdf:6.2f} s  ({pages} pages, {pdf.stat().st_size / 1024:.0f} KiB)  target <= 2 s")
        print(f"  CSV   {timed(lambda: write_csv(snapshot, folder / 'r.csv')):6.3f} s")
        print(f"  XLSX  {timed(lambda: write_xlsx(snapshot, folder / 'r.xlsx')):6.3f} s")
        print(f"  zip   {timed(lambda: export_bundle(snapshot, photos, folder / 'b.zip')):6.3f} s")
        from workshop_app.export.docx import build_docx

        start = time.perf_counter()
        t_docx = timed(lambda: build_docx(snapshot, photos, folder / "journee.docx"), runs=1)
        wall = time.perf_counter() - start
        size = (folder / "journee.docx").stat().st_size // 1024
        print(f"  DOCX  {t_docx:6.2f} s CPU, {wall:.2f} s wall ({size} KiB)")
        print("PDF time against the number of answers (12 groups, strategy round, 20 actions):")
        print("  cards  answers   time     ms/answer")
        for cards in (4, 8, 16, 33):
            snap, ph = make_snapshot(
                n_groups=12, n_cards=cards, notes_per_answer=True, n_actions=20, photos=0, answered_share=1.0
            )
            n = sum(len(s.answers) for s in snap.state().sequences.values())
            t = timed(lambda snap=snap, ph=ph: build_pdf(snap, ph, folder / "x.pdf"))  # type: ignore[misc]
            print(f"  {cards:5d}  {n:7d}  {t:6.2f} s  {1000 * t / n:8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
