"""A vote as the facilitator makes it: click on a table's answer → event committed → compass repainted on
screen, with the app's own timers. ``python tests/benchmarks/bench_record.py`` (pytest skips it).

Two set-ups, both 12 tables × the 33 « Et si… » cards:
* the whole run (default): an empty workshop voted through, 396 clicked votes;
* ``ATELIER_BENCH_QUICK=1`` (what CI prints) or ``--full-day``: the full day (``atelier demo --full-day``,
  12 × 33 already answered, with arguments, notes and a strategy round: the day's end, where the compass
  and the log are largest); a sample of cards (every ``SAMPLE_STEP``-th, 72 clicks) is played again, each
  click changing that table's answer. ``--full-day --all``: every card of it (396 clicks).

The real app: the main window, the workshop on an SQLite file
(synchronous=FULL, WAL) in a private data folder, opened on the play page. Each vote is a mouse click
(QTest) on the table row's answer button; then the event loop runs freely (whatever timers the app arms
run as they would) until the radar's viewport has painted. Two times from just before the click: to the
click's handler done, the radar painted (every listener too: the outline, the row, the window's actions;
the event loop is free again, the window's new pixels go to the screen and the next click can be taken):
the figure held against the target; and, inside it, to the radar repainted (the end of the redraw that
painted it, after the commit: the app paints it inside the click's handler; when the paint came later, the
end of the event-loop pass that delivered it). Between two clicks the event loop runs freely for
150 ms (a fast facilitator's pace). The anchor, run just before every vote in the same folder: one
``BEGIN IMMEDIATE; INSERT; COMMIT`` with the standard library's sqlite3 in WAL + synchronous=FULL (the floor
any durable vote pays). Target: p95 ≤ 16 ms (one frame at 60 Hz).
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import QUICK, ROOT, load, median, p95

GROUPS = 12
WAIT_LIMIT_S = 2.0
GAP_S = 0.15  # between two clicks the event loop runs freely: a facilitator's fastest pace
SAMPLE_STEP = 6  # the full day's quick sample: cards 1, 7, 13, 19, 25, 31 (12 tables each)


def _floor(folder: Path) -> Callable[[], float]:
    conn = sqlite3.connect(folder / "floor.sqlite3", isolation_level=None)
    assert conn.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
    conn.execute("PRAGMA synchronous = FULL")
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2
    conn.execute("CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY, workshop TEXT, payload TEXT)")

    def once() -> float:
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO events (workshop, payload) VALUES (?, ?)", ("w", '{"option": "2"}'))
        conn.execute("COMMIT")
        return time.perf_counter() - start

    return once


def _paint_counter() -> Any:
    from PySide6.QtCore import QEvent, QObject

    class PaintCounter(QObject):
        paints = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.paints += 1
            return False

    return PaintCounter()


def main(full_day: bool, every_card: bool) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    folder = Path(tempfile.mkdtemp(prefix="atelier-bench-vote-"))
    os.environ["ATELIER_HOME"] = str(folder)
    os.environ.pop("ATELIER_DATABASE_URL", None)
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from workshop_app.app import create_main_window
    from workshop_app.core.deck import QuestionDeck
    from workshop_app.core.deck_loader import load_deck
    from workshop_app.store import open_store
    from workshop_app.store.demo_fullday import create_full_day_workshop
    from workshop_app.ui.play.page import PlayPage
    from workshop_app.ui.workshop_pages import PAGE_PLAY

    app = QApplication([])
    deck = load_deck(ROOT / "scenarios" / "et-si-33.yaml")
    assert isinstance(deck, QuestionDeck)
    with open_store() as setup:
        if full_day:
            workshop_id = create_full_day_workshop(setup)
        else:
            workshop_id = setup.create_workshop("Banc d'essai").id
            for i in range(GROUPS):
                setup.add_group(workshop_id, f"Table {i + 1}")
            setup.add_sequence(workshop_id, deck)
    window = create_main_window(app)
    window.resize(1366, 768)
    window.show()
    assert window.open_store() and window.open_workshop(workshop_id, PAGE_PLAY)
    page = window.findChild(PlayPage)
    session = window.session
    assert page is not None and session is not None and window.service is not None
    questions = next(q for q in session.sequences if isinstance(q.deck, QuestionDeck))
    session.select_sequence(questions.id)
    played = questions.deck
    assert isinstance(played, QuestionDeck) and len(played.cards) == 33 and len(session.groups) == GROUPS
    store: Any = window.service
    commit: list[float] = []
    original: Callable[..., Any] = store.record_choice

    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            commit.append(time.perf_counter() - start)

    store.record_choice = timed
    redraw: list[float] = []
    marks: dict[str, float] = {}
    flush: Callable[[], None] = page.flush_compass

    def timed_flush() -> None:
        start = time.perf_counter()
        marks.setdefault("flush_start", start)
        painted = counter.paints
        flush()
        end = time.perf_counter()
        redraw.append(end - start)
        if counter.paints != painted:  # the radar was painted (and flushed to the screen) inside this redraw
            marks.setdefault("on_screen", end)

    page._compass_timer._action = timed_flush  # the page's own coalescer calls it, on its own timing
    counter = _paint_counter()
    viewport = page.compass.radar.viewport()
    viewport.installEventFilter(counter)
    floor = _floor(folder)
    options = [o.id for o in played.scale]
    cards = played.cards[::SAMPLE_STEP] if full_day and not every_card else played.cards
    votes: list[float] = []
    handled: list[float] = []
    floors: list[float] = []
    clicked: list[float] = []
    unchanged = 0
    for c, card in enumerate(cards):
        session.show_card(card.id)
        deadline = time.perf_counter() + 0.3  # the new card is laid out; not what is measured
        while time.perf_counter() < deadline:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        for g, group in enumerate(session.groups):
            row = page.groups.row_for(group.id)
            assert row is not None
            chosen = row.chosen()
            wanted = options[(c + g) % len(options)]
            if wanted == chosen:  # already this table's answer: a click on it records nothing
                wanted = options[(c + g + 1) % len(options)]
            button = row.button(wanted)
            gap_end = time.perf_counter() + GAP_S
            while time.perf_counter() < gap_end:
                app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
            floors.append(floor())
            events_before, painted = len(session.events), counter.paints
            marks.clear()
            start = time.perf_counter()
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)
            while counter.paints == painted and time.perf_counter() - start < WAIT_LIMIT_S:
                app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
            done = time.perf_counter()
            clicked.append(marks.get("flush_start", start) - start)
            assert len(session.events) == events_before + 1, "the click recorded no vote"
            if counter.paints == painted:
                unchanged += 1  # nothing to repaint (the compass did not change): not counted as a vote time
                continue
            votes.append(marks.get("on_screen", done) - start)
            handled.append(done - start)

    def line(name: str, values: list[float]) -> str:
        ms = [v * 1000 for v in values]
        return f"  {name:<44} median {median(ms):6.2f} ms   p95 {p95(ms):6.2f} ms   max {max(ms):6.2f} ms"

    state = "the full day, already answered, played again" if full_day else "an empty workshop voted through"
    print(f"vote → committed → compass repainted; {state}; {load()}")
    print(
        f"  {len(votes)} clicked votes timed ({unchanged} left the compass unchanged on screen), "
        f"{GROUPS} tables × 33 cards ({len(cards)} cards clicked), {len(session.events)} events in the log; "
        "app timers included"
    )
    print(line("click → handler done, radar painted (the real path)", handled))
    print(line("  click → radar repainted (inside the handler)", votes))
    print(line("  of which record_choice (SQLite commit)", commit))
    print(line("  click → compass redraw starts", clicked))
    print(line("  score + redraw (flush_compass)", redraw))
    print(line("anchor: bare sqlite3 INSERT+COMMIT, WAL, FULL", floors))
    ratio = p95(handled) / p95(floors)
    print(
        f"  p95 ratio vote / bare commit: {ratio:.1f}×; commit / bare commit (medians): "
        f"{median(commit) / median(floors):.1f}×"
    )
    target = p95(handled) * 1000  # the whole handler: until then the window shows nothing new
    print(
        f"  p95 {'within' if target <= 16 else 'ABOVE'} the 16 ms target ({target:.2f} ms); after: {load()}"
    )
    window.close()
    return 0


if __name__ == "__main__":
    flags = sys.argv[1:]
    raise SystemExit(main(full_day=QUICK or "--full-day" in flags, every_card="--all" in flags))
