"""``atelier sync --database URL``: laptops that worked offline exchange whole workshops with the cohort's
shared database (SQLite file here, and PostgreSQL when ATELIER_TEST_POSTGRES_URL is set), with the same union
as an archive import. A sync killed with SIGKILL leaves every database whole; the next one completes it."""

from __future__ import annotations

import dataclasses
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from workshop_app.cli import main
from workshop_app.core.merge import event_category
from workshop_app.core.workshop import WorkshopSnapshot
from workshop_app.export.tabular import csv_bytes
from workshop_app.store import open_store

ROOT = Path(__file__).resolve().parents[2]


def _demo() -> tuple[str, int, int]:
    """The demo workshop on this laptop (made by ``atelier demo``): its id, its votes and its events. Read
    from the demo itself, so that a deck or demo change does not move a pinned number here."""
    with open_store() as store:
        (summary,) = store.list_workshops()
        events = store.snapshot(summary.id).events
    return summary.id, sum(1 for e in events if event_category(e.kind) == "vote"), len(events)


def _laptop(tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / name
    home.mkdir(exist_ok=True)
    monkeypatch.setenv("ATELIER_HOME", str(home))
    return home


def _same(snapshot: WorkshopSnapshot) -> tuple[object, ...]:
    events = tuple(sorted((dataclasses.replace(e, seq=0) for e in snapshot.events), key=lambda e: e.id))
    info = dataclasses.replace(snapshot.info, updated_at=None)
    return (
        info,
        snapshot.groups,
        snapshot.participants,
        snapshot.sequences,
        events,
        snapshot.actions,
        snapshot.debrief,
        tuple(sorted(snapshot.versions, key=repr)),
    )


def test_two_laptops_and_a_cohort_database_end_identical(
    store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _laptop(tmp_path, "a", monkeypatch)
    assert main(["demo"]) == 0
    demo, votes, _ = _demo()
    assert main(["sync", "--database", store_url]) == 0
    assert f"envoyé : {votes} votes" in capsys.readouterr().out
    _laptop(tmp_path, "b", monkeypatch)
    assert main(["sync", "--database", store_url]) == 0
    assert f"reçu : {votes} votes" in capsys.readouterr().out
    with open_store() as b:  # offline on laptop B: a note, and the place moves
        snap = b.snapshot(demo)
        b.add_note(demo, "Note prise sur le portable B", sequence_id=snap.sequences[0].id)
        b.update_workshop(demo, place="Salle des fêtes")
    _laptop(tmp_path, "a", monkeypatch)
    with open_store() as a:  # meanwhile on laptop A: a vote changed, an action edited
        snap = a.snapshot(demo)
        a.record_choice(
            demo, snap.sequences[0].id, snap.groups[0].id, snap.sequences[0].deck.cards[0].id, "4"
        )
        a.update_action(snap.actions[0].id, action="Action modifiée sur A")
    assert main(["sync", "--database", store_url]) == 0
    assert "envoyé : 1 vote, 1 action modifiée — reçu : rien de nouveau" in capsys.readouterr().out
    _laptop(tmp_path, "b", monkeypatch)
    assert main(["sync", "--database", store_url]) == 0
    out = capsys.readouterr().out
    assert "envoyé : 1 note, 1 fiche de l’atelier modifiée — reçu : 1 vote, 1 action modifiée" in out
    _laptop(tmp_path, "a", monkeypatch)
    assert main(["sync", "--database", store_url]) == 0
    assert "reçu : 1 note, 1 fiche de l’atelier modifiée" in capsys.readouterr().out
    assert main(["sync", "--database", store_url]) == 0
    assert "envoyé : rien de nouveau — reçu : rien de nouveau" in capsys.readouterr().out
    copies = []
    for url in (
        f"sqlite:///{tmp_path / 'a' / 'atelier.sqlite3'}",
        f"sqlite:///{tmp_path / 'b' / 'atelier.sqlite3'}",
        store_url,
    ):
        with open_store(url) as store:
            copies.append(store.snapshot(demo))
    assert _same(copies[0]) == _same(copies[1]) == _same(copies[2])
    assert csv_bytes(copies[0]) == csv_bytes(copies[1]) == csv_bytes(copies[2])
    assert (
        copies[0].info.place == "Salle des fêtes" and copies[0].actions[0].action == "Action modifiée sur A"
    )


def test_the_cohort_database_must_be_another_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    home = _laptop(tmp_path, "a", monkeypatch)
    assert main(["sync", "--database", f"sqlite:///{home / 'atelier.sqlite3'}"]) == 1
    assert "rien à échanger" in capsys.readouterr().err


def _wait_for(condition: Callable[[], bool], seconds: float) -> bool:
    """Poll ``condition`` until it holds or ``seconds`` pass (a generous bound: the machine may be loaded)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def _cohort_events(path: Path) -> int:
    """The cohort file is whole (integrity check) and holds this many events (0 before its tables exist)."""
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        return int(db.execute("SELECT count(*) FROM events").fetchone()[0]) if "events" in tables else 0


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_sync_killed_midway_leaves_every_database_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = _laptop(tmp_path, "a", monkeypatch)
    assert main(["demo"]) == 0
    demo, _, events = _demo()
    cohort = tmp_path / "cohorte.sqlite3"
    env = {**os.environ, "ATELIER_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    rng = random.Random(11)
    for _ in range(4):
        proc = subprocess.Popen(
            [sys.executable, "-m", "workshop_app", "sync", "--database", f"sqlite:///{cohort}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        # the kill lands while the sync works, however slow the machine: once it has opened the cohort
        assert _wait_for(lambda p=proc: cohort.exists() or p.poll() is not None, 120)
        time.sleep(rng.uniform(0.0, 0.6))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(60)
        if cohort.exists():
            assert _cohort_events(cohort) in (0, events)  # a workshop arrives whole or not at all
    assert main(["sync", "--database", f"sqlite:///{cohort}"]) == 0
    with open_store(f"sqlite:///{cohort}") as remote, open_store() as local:
        assert _same(remote.snapshot(demo)) == _same(local.snapshot(demo))


def test_conflicts_are_listed_settled_and_the_choice_merges(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    cohort = f"sqlite:///{tmp_path / 'cohorte.sqlite3'}"
    _laptop(tmp_path, "a", monkeypatch)
    assert main(["demo"]) == 0 and main(["sync", "--database", cohort]) == 0
    demo, _, _ = _demo()
    assert main(["conflicts", demo[:4]]) == 0
    assert "Aucun conflit" in capsys.readouterr().out
    with open_store() as a:
        a.update_workshop(demo, place="Salle A")
    _laptop(tmp_path, "b", monkeypatch)
    assert main(["sync", "--database", cohort]) == 0
    with open_store() as b:
        b.update_workshop(demo, place="Salle B")
    _laptop(tmp_path, "a", monkeypatch)
    assert main(["sync", "--database", cohort]) == 0  # A's place goes up; the cohort still had the original
    _laptop(tmp_path, "b", monkeypatch)
    capsys.readouterr()
    assert main(["sync", "--database", cohort]) == 0
    assert (
        "envoyé : 1 fiche de l’atelier modifiée ; 1 conflit : lieu — reçu" in capsys.readouterr().out
    )  # met in the cohort's database: kept there, and on laptop B (which made the sync) to be settled
    for where in (["--database", cohort], []):
        assert main([*where, "conflicts", demo[:4]]) == 0
        out = capsys.readouterr().out
        assert "1. " in out and "lieu : gardé « Salle B »" in out and "écarté « Salle A »" in out
        monkeypatch.delenv("ATELIER_DATABASE_URL", raising=False)  # --database stays for the process
    assert main(["conflicts", demo[:4], "--settle", "2"]) == 1
    assert "Pas de conflit n° 2" in capsys.readouterr().err
    assert main(["conflicts", demo[:4], "--settle", "1", "--take-other"]) == 0
    assert "Conflit réglé — lieu : « Salle A »" in capsys.readouterr().out
    assert main(["sync", "--database", cohort]) == 0
    assert "envoyé : 1 fiche de l’atelier modifiée — reçu : rien de nouveau" in capsys.readouterr().out
    _laptop(tmp_path, "a", monkeypatch)
    assert main(["sync", "--database", cohort]) == 0  # the choice reaches A without a new conflict
    assert "conflit" not in capsys.readouterr().out
    for url in (cohort, None):
        with open_store(url) as store:
            assert store.snapshot(demo).info.place == "Salle A"
            assert all(c.settled for c in store.conflicts(demo))
    assert main(["--database", cohort, "conflicts", demo[:4]]) == 0
    assert "1 conflit déjà réglé" in capsys.readouterr().out
    monkeypatch.delenv("ATELIER_DATABASE_URL", raising=False)
