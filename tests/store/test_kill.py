"""Crash safety: a process recording choices is killed (SIGKILL) at random moments, over and over. Every
choice it reported — it prints one only after ``record_choice`` has returned — must be in the database
afterwards, and SQLite's integrity check must pass. Some kills land while the child is still starting."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import closing
from pathlib import Path

import pytest

from workshop_app.store import open_store

CHILD = Path(__file__).with_name("kill_child.py")
KILLS = 22


def _run_and_kill(url: str, rng: random.Random, early: bool) -> list[str]:
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), url],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    lines: list[str] = []
    ready = threading.Event()

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line.strip())
            if line.startswith("ready"):
                ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    if early:
        time.sleep(rng.uniform(0.05, 0.9))  # often before or during the schema's creation
    else:
        assert ready.wait(15), "child never became ready"
        time.sleep(rng.uniform(0.0, 0.4))
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    reader.join(10)
    return [line for line in lines if line and not line.startswith("ready")]


@pytest.mark.slow
def test_sigkill_never_loses_a_reported_choice(tmp_path: Path) -> None:
    db = tmp_path / "crash.sqlite3"
    url = f"sqlite:///{db}"
    rng = random.Random(20250313)
    reported: dict[int, tuple[str, str, str]] = {}

    for kill in range(KILLS):
        for line in _run_and_kill(url, rng, early=kill % 4 == 0):
            seq, card, option, _tag = line.split()
            reported[int(seq)] = (card, option, _tag)
        if db.exists():
            with closing(sqlite3.connect(db)) as conn:
                assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        with open_store(url) as store:
            summaries = store.list_workshops()
            if not summaries:
                assert not reported
                continue
            events = {e.seq: e for e in store.events(summaries[0].id)}
        for seq, (card, option, _tag) in reported.items():
            assert seq in events, f"kill {kill}: choice {seq} was reported but is missing"
            assert (events[seq].card_id, events[seq].payload["option"]) == (card, option)
    assert len(reported) > 50, "the child should have recorded many choices between kills"
