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
from contextlib import closing
from pathlib import Path

import pytest

from workshop_app.cli import main
from workshop_app.core.workshop import WorkshopSnapshot
from workshop_app.export.tabular import csv_bytes
from workshop_app.store import open_store

ROOT = Path(__file__).resolve().parents[2]
DEMO = "97e7823b-7f72-4219-ae91-f7a8029769b4"


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
    assert main(["sync", "--database", store_url]) == 0
    assert "envoyé : 179 votes" in capsys.readouterr().out
    _laptop(tmp_path, "b", monkeypatch)
    assert main(["sync", "--database", store_url]) == 0
    assert "reçu : 179 votes" in capsys.readouterr().out
    with open_store() as b:  # offline on laptop B: a note, and the place moves
        snap = b.snapshot(DEMO)
        b.add_note(DEMO, "Note prise sur le portable B", sequence_id=snap.sequences[0].id)
        b.update_workshop(DEMO, place="Salle des fêtes")
    _laptop(tmp_path, "a", monkeypatch)
    with open_store() as a:  # meanwhile on laptop A: a vote changed, an action edited
        snap = a.snapshot(DEMO)
        a.record_choice(
            DEMO, snap.sequences[0].id, snap.groups[0].id, snap.sequences[0].deck.cards[0].id, "4"
        )
        a.update_action(snap.actions[0].id, action="Action modifiée sur A")
    assert main(["sync", "--database", store_url]) == 0
    assert "envoyé : 1 vote, 1 action modifiée — reçu : rien de nouveau" in capsys.readouterr().out
    _laptop(tmp_path, "b", monkeypatch)
    assert main(["sync", "--database", store_url]) == 0
    out = capsys.readouterr().out
    assert "envoyé : 1 note, 1 fiche de l'atelier modifiée — reçu : 1 vote, 1 action modifiée" in out
    _laptop(tmp_path, "a", monkeypatch)
    assert main(["sync", "--database", store_url]) == 0
    assert "reçu : 1 note, 1 fiche de l'atelier modifiée" in capsys.readouterr().out
    assert main(["sync", "--database", store_url]) == 0
    assert "envoyé : rien de nouveau — reçu : rien de nouveau" in capsys.readouterr().out
    copies = []
    for url in (
        f"sqlite:///{tmp_path / 'a' / 'atelier.sqlite3'}",
        f"sqlite:///{tmp_path / 'b' / 'atelier.sqlite3'}",
        store_url,
    ):
        with open_store(url) as store:
            copies.append(store.snapshot(DEMO))
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


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_sync_killed_midway_leaves_every_database_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = _laptop(tmp_path, "a", monkeypatch)
    assert main(["demo"]) == 0
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
        time.sleep(rng.uniform(0.3, 1.2))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(30)
        if cohort.exists():
            with closing(sqlite3.connect(cohort)) as db:
                assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
                count = db.execute("SELECT count(*) FROM events").fetchone()[0]
                assert count in (0, 245)  # a workshop arrives whole or not at all
    assert main(["sync", "--database", f"sqlite:///{cohort}"]) == 0
    with open_store(f"sqlite:///{cohort}") as remote, open_store() as local:
        assert _same(remote.snapshot(DEMO)) == _same(local.snapshot(DEMO))


def test_conflicts_are_listed_with_the_kept_and_the_lost_value(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    cohort = f"sqlite:///{tmp_path / 'cohorte.sqlite3'}"
    _laptop(tmp_path, "a", monkeypatch)
    assert main(["demo"]) == 0 and main(["sync", "--database", cohort]) == 0
    assert main(["conflicts", "97e7"]) == 0
    assert "Aucun conflit" in capsys.readouterr().out
    with open_store() as a:
        a.update_workshop(DEMO, place="Salle A")
    _laptop(tmp_path, "b", monkeypatch)
    assert main(["sync", "--database", cohort]) == 0
    with open_store() as b:
        b.update_workshop(DEMO, place="Salle B")
    _laptop(tmp_path, "a", monkeypatch)
    assert main(["sync", "--database", cohort]) == 0  # A's place goes up; the cohort still had the original
    _laptop(tmp_path, "b", monkeypatch)
    capsys.readouterr()
    assert main(["sync", "--database", cohort]) == 0
    assert (
        "envoyé : 1 fiche de l'atelier modifiée ; 1 conflit : lieu — reçu" in capsys.readouterr().out
    )  # met in the cohort's database: kept there
    assert main(["--database", cohort, "conflicts", "97e7"]) == 0
    out = capsys.readouterr().out
    assert "lieu : gardé « Salle B »" in out and "écarté « Salle A »" in out
