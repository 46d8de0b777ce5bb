"""Real processes: two copies of the app record into one workshop of one database (SQLite, and PostgreSQL when
ATELIER_TEST_POSTGRES_URL is set) for a bounded time, each through the play session and polling for the
other's events. Nothing acknowledged is lost, every undo takes back its own author's vote, each copy saw the
other's votes, and both end with the same state as a fresh read of the log."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from store_decks import boussole_like_deck

from workshop_app.core.events import EventKind
from workshop_app.core.state import fold
from workshop_app.store import open_store

CHILD = Path(__file__).with_name("play_child.py")
SECONDS = 2.5  # the least each copy records; it goes on until it has seen the other's votes (play_child.py)


def test_two_live_writers_lose_nothing_and_undo_only_their_own(store_url: str, tmp_path: Path) -> None:
    with open_store(store_url, author="setup") as store:
        w = store.create_workshop("Deux animateurs, une base")
        store.add_sequence(w.id, boussole_like_deck(12))
        for name in ("Table 1", "Table 2", "Table 3"):
            store.add_group(w.id, name)
    go = tmp_path / "go"
    authors = ("animateur-a", "animateur-b")
    outputs = {author: tmp_path / f"{author}.out" for author in authors}
    procs = [  # each child's lines go to a file: a long run under load never fills a pipe and blocks
        subprocess.Popen(
            [sys.executable, str(CHILD), store_url, author, str(SECONDS), str(go)],
            stdout=outputs[author].open("w"),
            stderr=(tmp_path / f"{author}.err").open("w"),
            text=True,
        )
        for author in authors
    ]
    for proc, author in zip(
        procs, authors, strict=True
    ):  # as long as a start takes (bounded), no fixed sleep
        end = time.monotonic() + 120
        while not outputs[author].read_text().startswith("ready") and time.monotonic() < end:
            assert proc.poll() is None, (tmp_path / f"{author}.err").read_text()
            time.sleep(0.05)
        assert outputs[author].read_text().startswith("ready")
    go.touch()
    reports: dict[str, list[list[str]]] = {}
    for proc, author in zip(procs, authors, strict=True):
        assert proc.wait(300) == 0, (tmp_path / f"{author}.err").read_text()
        reports[author] = [line.split() for line in outputs[author].read_text().splitlines()[1:]]
    with open_store(store_url, author="reader") as store:
        events = {e.id: e for e in store.events(w.id)}
    for author, lines in reports.items():
        votes = [line[1] for line in lines if line[0] == "vote"]
        undos = [(line[1], line[2]) for line in lines if line[0] == "undo"]
        assert len(votes) > 10
        assert all(events[v].author == author and events[v].kind is EventKind.CHOICE_RECORDED for v in votes)
        for undo_id, target in undos:  # every undo names its own author's vote
            assert events[undo_id].author == author and events[target].author == author
        (seen,) = [int(line[1]) for line in lines if line[0] == "seen"]
        assert seen > 0  # the other copy's votes reached this one while both were recording
    acknowledged = sum(1 for lines in reports.values() for line in lines if line[0] in ("vote", "undo"))
    mine = sum(
        1
        for e in events.values()
        if e.author in authors and e.kind in (EventKind.CHOICE_RECORDED, EventKind.UNDO)
    )
    assert mine == acknowledged  # nothing acknowledged is missing, nothing extra
    assert fold(list(events.values())).sequences  # the log folds (deterministically: time, then id)
