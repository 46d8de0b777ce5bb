"""Bad situations give a clear French AtelierError and lose nothing: a database locked by another process, a
read-only file or folder, a full disk, a corrupt file, an unreachable server. (A newer database: see
test_migrations.)"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event

from workshop_app.core.errors import AtelierError
from workshop_app.core.events import EventKind
from workshop_app.paths import backups_dir
from workshop_app.store import WorkshopStore, open_store


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "atelier.sqlite3"


def _played(url: str) -> tuple[WorkshopStore, str, str, str]:
    from store_decks import question_deck

    store = open_store(url, busy_timeout_ms=300)
    w = store.create_workshop("Atelier")
    seq = store.add_sequence(w.id, question_deck())
    g = store.add_group(w.id, "Table 1")
    store.record_choice(w.id, seq.id, g.id, "q1", "3", "déjà enregistré")
    return store, w.id, seq.id, g.id


def _choices(url: str, workshop_id: str) -> list[tuple[str | None, object]]:
    with open_store(url) as store:
        return [(e.card_id, e.payload.get("option")) for e in store.events(workshop_id)]


# -- locked --------------------------------------------------------------------------------------------------


@contextlib.contextmanager
def _locked_by_another_process(path: Path) -> Iterator[None]:
    code = (
        "import sqlite3, sys, time\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('BEGIN EXCLUSIVE')\n"
        "print('locked', flush=True)\n"
        "time.sleep(60)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
        yield
    finally:
        proc.kill()
        proc.wait(10)
        if proc.stdout is not None:
            proc.stdout.close()


def test_locked_database(db: Path) -> None:
    url = f"sqlite:///{db}"
    store, wid, sid, gid = _played(url)
    with _locked_by_another_process(db):
        with pytest.raises(AtelierError, match="verrouillée par un autre programme") as caught:
            store.record_choice(wid, sid, gid, "q2", "1")
        assert "n’est pas perdu" in str(caught.value)
        assert len(store.snapshot(wid).events) == 1  # reading still works while another program writes
    store.record_choice(wid, sid, gid, "q2", "2")  # the lock is gone: writing works again
    store.close()
    assert _choices(url, wid) == [("q1", "3"), ("q2", "2")]


# -- read-only ----------------------------------------------------------------------------------------------


@contextlib.contextmanager
def _read_only(path: Path) -> Iterator[None]:
    """chmod for a normal user; root ignores permissions, so the immutable attribute (chattr +i) instead."""
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    try:
        done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False).returncode == 0
    except FileNotFoundError:
        done = False
    if not done:
        pytest.skip("running as root without chattr +i: cannot make a file read-only")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


@pytest.mark.parametrize("what", ["file", "folder"])
def test_read_only_file_or_folder_is_refused(db: Path, what: str) -> None:
    url = f"sqlite:///{db}"
    store, wid, _sid, _gid = _played(url)
    store.close()
    digest = _digest(db)
    with _read_only(db if what == "file" else db.parent), pytest.raises(AtelierError, match="lecture seule"):
        open_store(url)
    assert _digest(db) == digest
    assert _choices(url, wid) == [("q1", "3")]


def test_database_opened_read_only_refuses_writes_and_keeps_reading(db: Path) -> None:
    url = f"sqlite:///{db}"
    store, wid, sid, gid = _played(url)
    store.close()
    with open_store(f"sqlite:///file:{db}?mode=ro&uri=true") as ro:
        with pytest.raises(AtelierError, match="lecture seule"):
            ro.record_choice(wid, sid, gid, "q2", "1")
        assert len(ro.events(wid)) == 1
    assert _choices(url, wid) == [("q1", "3")]


# -- disk full -----------------------------------------------------------------------------------------------


def test_disk_full_at_commit(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{db}"
    store, wid, sid, gid = _played(url)

    def full(_dbapi_connection: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    with monkeypatch.context() as patch:
        patch.setattr(store.engine.dialect, "do_commit", full)
        with pytest.raises(AtelierError, match="disque est plein") as caught:
            store.record_choice(wid, sid, gid, "q2", "1")
        assert "n’est pas perdu" in str(caught.value)
    store.record_choice(wid, sid, gid, "q3", "4")  # space freed: the store goes on
    store.close()
    assert _choices(url, wid) == [("q1", "3"), ("q3", "4")]


def test_database_reaching_its_size_limit(db: Path) -> None:
    """A real SQLITE_FULL, without filling the disk: cap the number of pages the file may have."""
    url = f"sqlite:///{db}"
    store, wid, _sid, _gid = _played(url)
    with contextlib.closing(sqlite3.connect(db)) as probe:
        pages = probe.execute("PRAGMA page_count").fetchone()[0]
    event.listen(
        store.engine, "connect", lambda conn, _r: conn.execute(f"PRAGMA max_page_count = {pages + 2}")
    )
    store.engine.dispose()
    with pytest.raises(AtelierError, match="disque est plein"):
        store.add_attachment(wid, "photo.jpg", os.urandom(200_000))
    assert store.snapshot(wid).attachments == ()
    store.close()
    assert _choices(url, wid) == [("q1", "3")]


# -- corrupt -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("damage", ["garbage", "torn-pages"])
def test_corrupt_file_is_refused_never_overwritten(db: Path, damage: str) -> None:
    db.parent.mkdir(parents=True)
    if damage == "garbage":
        db.write_bytes(b"Ceci n'est pas une base de donnees.\n" * 300)
    else:
        store, _w, _s, _g = _played(f"sqlite:///{db}")
        store.close()
        data = bytearray(db.read_bytes())
        data[100:4096] = os.urandom(3996)  # the schema page, after the valid header
        db.write_bytes(bytes(data))
    digest = _digest(db)
    with pytest.raises(AtelierError, match="endommagé") as caught:
        open_store(f"sqlite:///{db}")
    message = str(caught.value)
    assert "n’a pas été modifié" in message and str(backups_dir()) in message
    assert _digest(db) == digest
    copies = list(backups_dir().glob("atelier-illisible-*.sqlite3"))
    assert len(copies) == 1 and _digest(copies[0]) == digest and str(copies[0]) in message
    with pytest.raises(AtelierError, match="endommagé") as again:  # the user tries again: no second copy
        open_store(f"sqlite:///{db}")
    assert list(backups_dir().glob("atelier-illisible-*.sqlite3")) == copies
    assert str(copies[0]) in str(again.value)


# -- server --------------------------------------------------------------------------------------------------


def test_unreachable_postgresql_server() -> None:
    pytest.importorskip("psycopg")
    with pytest.raises(AtelierError, match="Impossible de joindre") as caught:
        open_store("postgresql+psycopg://atelier:secret@127.0.0.1:9/atelier", busy_timeout_ms=2000)
    assert "secret" not in str(caught.value)


def test_errors_never_leak_as_raw_database_exceptions(db: Path) -> None:
    store, wid, _sid, _gid = _played(f"sqlite:///{db}")
    with pytest.raises(AtelierError):
        store.record_event(wid, EventKind.NOTE_ADDED, payload={"text": object()})
    store.close()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("n'importe quoi", "Adresse de base de données illisible"),
        ("nonsense://serveur/base", "non prise en charge : « nonsense »"),
        ("mysql://serveur/base", "non prise en charge : « mysql »"),
        ("postgresql+pilote_absent://serveur/base", r"pilote .* « postgresql\+pilote_absent »"),
    ],
)
def test_bad_database_url_gives_a_french_error(url: str, expected: str) -> None:
    """--database / ATELIER_DATABASE_URL with a typo: a French sentence, never SQLAlchemy's raw exception."""
    with pytest.raises(AtelierError, match=expected):
        open_store(url)
