"""A damaged database is checked before anything writes into it: refused (or opened read-only), copied aside
once, named as damaged in French with what to do; ``atelier rescue`` saves the workshops that still read.

The damage is made as the reliability review made it (reliability.md §4): bytes overwritten in the middle of
a real file, inside a text value (SQLite's own check still says "ok") or over a whole page of the event log.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import random
import sqlite3
from pathlib import Path

import pytest

from workshop_app.cli import main
from workshop_app.core.errors import AtelierError
from workshop_app.export.bundle import read_bundle
from workshop_app.paths import backups_dir
from workshop_app.store import WorkshopStore, open_store
from workshop_app.store.damaged import DamagedDatabaseError, DamagedStore
from workshop_app.store.integrity import check_sqlite
from workshop_app.store.rescue import rescue

MARK = "argument-a-abimer-0123456789"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _two_workshops(db: Path) -> tuple[str, str]:
    """Two played workshops; the second one's argument carries MARK (the bytes the tests damage)."""
    from store_decks import question_deck

    ids = []
    with open_store(f"sqlite:///{db}") as store:
        for title, argument in (("Atelier intact", "solide"), ("Atelier abîmé", MARK)):
            w = store.create_workshop(title)
            seq = store.add_sequence(w.id, question_deck())
            g = store.add_group(w.id, "Table 1")
            store.record_choice(w.id, seq.id, g.id, "q1", "3", argument)
            store.add_attachment(w.id, "photo.txt", b"contenu de la photo")
            ids.append(w.id)
    return ids[0], ids[1]


def _damage_text(db: Path) -> None:
    """16 bytes inside one event's argument become invalid UTF-8 (the review's « 16 damaged bytes »)."""
    data = bytearray(db.read_bytes())
    at = data.find(MARK.encode())
    assert at > 0
    data[at : at + 16] = b"\xff" * 16
    db.write_bytes(bytes(data))


def _damage_event_page(db: Path) -> None:
    """One page of the event table overwritten with random bytes (the review's 4 KiB mid-file damage)."""
    with contextlib.closing(sqlite3.connect(db)) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = [p for (p,) in conn.execute("SELECT pageno FROM dbstat WHERE name = 'events'")]
    data = bytearray(db.read_bytes())
    start = (pages[-1] - 1) * page_size
    data[start : start + page_size] = random.Random(18).randbytes(page_size)
    db.write_bytes(bytes(data))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "atelier.sqlite3"


@pytest.mark.parametrize("damage", [_damage_text, _damage_event_page])
def test_damaged_file_is_refused_never_written_and_copied_once(db: Path, damage: object) -> None:
    _two_workshops(db)
    assert callable(damage)
    damage(db)
    digest = _digest(db)
    with pytest.raises(DamagedDatabaseError) as caught:
        open_store(f"sqlite:///{db}")
    message = str(caught.value)
    assert "est endommagée" in message and "n’a pas été modifiée" in message and "n’y écrira rien" in message
    assert "atelier rescue" in message and "Sauver les ateliers" in message
    copies = list(backups_dir().glob("atelier-illisible-*.sqlite3"))
    assert len(copies) == 1 and _digest(copies[0]) == digest and str(copies[0]) in message
    with pytest.raises(DamagedDatabaseError):  # tried again: refused again, no second copy
        open_store(f"sqlite:///{db}")
    assert list(backups_dir().glob("atelier-illisible-*.sqlite3")) == copies
    assert _digest(db) == digest


def test_sqlite_says_ok_but_the_app_check_finds_the_undecodable_text(db: Path) -> None:
    _, damaged_id = _two_workshops(db)
    _damage_text(db)
    report = check_sqlite(db, full=True)
    assert report.sqlite_problems == ()  # SQLite alone would have let the app write into it
    found = [(r.table, r.column, r.workshop_id) for r in report.bad_rows]
    assert found == [("events", "payload", damaged_id)]
    assert "pas de l’UTF-8" in report.describe()


def test_read_only_opening_lists_the_intact_workshop_and_refuses_every_write(db: Path) -> None:
    intact, damaged_id = _two_workshops(db)
    _damage_text(db)
    digest = _digest(db)
    store = open_store(f"sqlite:///{db}", read_only_if_damaged=True)
    try:
        assert isinstance(store, DamagedStore)
        summaries = store.list_workshops()  # one damaged row no longer hides every workshop
        assert [s.id for s in summaries] == [intact]
        assert summaries[0].answered == 1
        with pytest.raises(AtelierError, match=r"endommagée.*lecture seule"):
            store.create_workshop("Nouvel atelier")
        with pytest.raises(AtelierError, match="endommagée"):
            store.delete_workshop(damaged_id)
    finally:
        store.close()
    assert _digest(db) == digest


@pytest.mark.parametrize("into", ["database", "archives"])
def test_rescue_saves_every_readable_workshop_and_names_the_lost_one(
    db: Path, tmp_path: Path, into: str
) -> None:
    intact, damaged_id = _two_workshops(db)
    _damage_text(db)
    digest = _digest(db)
    target = tmp_path / "sauve.sqlite3"
    folder = tmp_path / "archives"
    result = rescue(db, into=f"sqlite:///{target}") if into == "database" else rescue(db, archives=folder)
    whole, partly = sorted(result.saved, key=lambda s: bool(s.missing))  # the damaged one: row by row
    assert (whole.workshop_id, whole.missing) == (intact, "")
    assert (partly.workshop_id, partly.title) == (damaged_id, "Atelier abîmé")
    assert "1 valeur(s) illisible(s)" in partly.missing and "pas de l’UTF-8" in partly.missing
    assert result.lost == []
    assert _digest(db) == digest
    if into == "database":
        with open_store(f"sqlite:///{target}") as saved:
            snap = saved.snapshot(intact)
            assert [(e.card_id, e.payload["argument"]) for e in snap.events] == [("q1", "solide")]
            assert saved.attachment_data(snap.attachments[0].id) == b"contenu de la photo"
        with open_store(f"sqlite:///{target}") as saved:
            snap = saved.snapshot(damaged_id)
            assert snap.events == () and snap.groups[0].name == "Table 1"  # the damaged answer only is gone
            assert saved.attachment_data(snap.attachments[0].id) == b"contenu de la photo"
    else:
        archives = {read_bundle(a)[0].info.title: read_bundle(a) for a in folder.glob("*.zip")}
        assert sorted(archives) == ["Atelier abîmé", "Atelier intact"]
        assert list(archives["Atelier intact"][1].values()) == [b"contenu de la photo"]


def _events(store: WorkshopStore, wid: str) -> set[tuple[object, ...]]:
    return {(e.seq, e.kind, e.card_id, repr(sorted(e.payload.items())), e.at) for e in store.events(wid)}


def test_rescue_of_a_structurally_damaged_file_keeps_what_reads(db: Path, tmp_path: Path) -> None:
    """A whole page of the log overwritten: the scans fail, so each table is read again row by row; every
    workshop is saved, with every event that still reads, unchanged, and what is missing is said."""
    ids = _two_workshops(db)
    with open_store(f"sqlite:///{db}") as store:
        for i in range(300):  # enough events for several pages
            store.add_note(ids[i % 2], f"note {i} " + "x" * 40)
        before = {wid: _events(store, wid) for wid in ids}
    _damage_event_page(db)
    result = rescue(db, into=f"sqlite:///{tmp_path / 'sauve.sqlite3'}")
    assert result.report.damaged and result.lost == []
    assert sorted(s.workshop_id for s in result.saved) == sorted(ids)
    with open_store(f"sqlite:///{tmp_path / 'sauve.sqlite3'}") as saved:
        after = {wid: _events(saved, wid) for wid in ids}
    assert all(after[w] <= before[w] for w in ids)  # nothing invented, nothing altered
    lost_events = sum(len(before[w] - after[w]) for w in ids)
    assert lost_events > 0 and lost_events < 100  # one page of ~300 events
    assert all(s.missing for s in result.saved if before[s.workshop_id] != after[s.workshop_id])


def test_rescue_command(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    intact, damaged_id = _two_workshops(db)
    _damage_text(db)
    assert main(["--database", f"sqlite:///{db}", "rescue"]) == 1  # without a target: says what can be saved
    out, err = capsys.readouterr()
    assert f"lisible\t{intact}\tAtelier intact" in out
    assert f"lisible en partie\t{damaged_id}\tAtelier abîmé\tmanque : 1 valeur(s) illisible(s)" in out
    assert "Base endommagée" in err and "2 atelier(s) sur 2 lisible(s), dont 1 en partie" in err
    assert main(["--database", f"sqlite:///{db}", "rescue", "-o", str(tmp_path / "neuve.sqlite3")]) == 1
    out, err = capsys.readouterr()
    assert f"sauvé\t{intact}" in out and "2 atelier(s) sur 2 sauvé(s), dont 1 en partie" in err
    assert "Traceback" not in err
    with open_store(f"sqlite:///{tmp_path / 'neuve.sqlite3'}") as saved:
        assert sorted(s.id for s in saved.list_workshops()) == sorted([intact, damaged_id])


def test_rescue_of_a_sound_database_copies_everything(db: Path, tmp_path: Path) -> None:
    ids = _two_workshops(db)
    digest = _digest(db)
    result = rescue(db, into=f"sqlite:///{tmp_path / 'copie.sqlite3'}")
    assert not result.report.damaged and sorted(s.workshop_id for s in result.saved) == sorted(ids)
    assert result.lost == []
    assert _digest(db) == digest


def test_a_sound_database_still_opens_and_records(db: Path) -> None:
    intact, _ = _two_workshops(db)
    with open_store(f"sqlite:///{db}") as store:
        assert isinstance(store, WorkshopStore) and not isinstance(store, DamagedStore)
        assert len(store.list_workshops()) == 2
    assert not list(backups_dir().glob("*illisible*"))
    assert intact


def test_two_rows_in_alembic_version_get_their_own_message(db: Path) -> None:
    _two_workshops(db)
    with contextlib.closing(sqlite3.connect(db)) as conn:
        conn.execute("INSERT INTO alembic_version VALUES ('0002')")
        conn.commit()
    digest = _digest(db)
    with pytest.raises(AtelierError, match=r"incohérente.*alembic_version.*2 lignes.*n’a pas été modifiée"):
        open_store(f"sqlite:///{db}")
    assert _digest(db) == digest


def _immutable(path: Path) -> contextlib.AbstractContextManager[None]:
    import subprocess

    @contextlib.contextmanager
    def cm() -> object:
        if os.geteuid() != 0:
            mode = path.stat().st_mode
            path.chmod(0o444)
            try:
                yield
            finally:
                path.chmod(mode)
            return
        try:
            done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False).returncode
        except FileNotFoundError:
            done = 1
        if done != 0:
            pytest.skip("running as root without chattr +i")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(path)], check=True)

    return cm()  # type: ignore[return-value]


@pytest.mark.parametrize("suffix", ["-wal", "-shm"])
def test_read_only_wal_or_shm_is_refused_before_sqlite_maps_it(db: Path, suffix: str) -> None:
    _two_workshops(db)
    holder = sqlite3.connect(db)  # another program keeps the database open: its -wal and -shm exist
    try:
        holder.execute("SELECT count(*) FROM events").fetchone()
        companion = db.with_name(db.name + suffix)
        assert companion.exists()
        with _immutable(companion), pytest.raises(AtelierError, match=f"{suffix}.*lecture seule"):
            open_store(f"sqlite:///{db}")
    finally:
        holder.close()


def test_values_of_the_wrong_type_or_shape_are_found(db: Path) -> None:
    """What a damaged record header or a hand edit leaves: the screen in SQL finds each, the row check names
    its column."""
    _, damaged_id = _two_workshops(db)
    with open_store(f"sqlite:///{db}") as store:
        for i in range(3):
            store.add_note(damaged_id, f"note {i}")
    with contextlib.closing(sqlite3.connect(db)) as conn:
        conn.execute("DROP TRIGGER events_append_only")
        rows = [r for (r,) in conn.execute("SELECT rowid FROM events WHERE workshop_id = ?", (damaged_id,))]
        conn.execute("UPDATE events SET seq = 'douze' WHERE rowid = ?", (rows[0],))
        conn.execute("UPDATE events SET at = 'hier' WHERE rowid = ?", (rows[1],))
        conn.execute("UPDATE events SET payload = '[1, 2]' WHERE rowid = ?", (rows[2],))
        conn.execute("UPDATE events SET kind = 'inconnu' WHERE rowid = ?", (rows[3],))
        conn.commit()
    report = check_sqlite(db, full=True)
    found = sorted((r.column, r.workshop_id == damaged_id) for r in report.bad_rows)
    assert found == [("at", True), ("kind", True), ("payload", True), ("seq", True)]
    with pytest.raises(DamagedDatabaseError):
        open_store(f"sqlite:///{db}")


def test_a_workshop_whose_title_is_damaged_is_saved_with_a_marked_title(db: Path, tmp_path: Path) -> None:
    _, damaged_id = _two_workshops(db)
    data = bytearray(db.read_bytes())
    at = data.find("Atelier abîmé".encode())
    data[at : at + 2] = b"\xff\xfe"
    db.write_bytes(bytes(data))
    result = rescue(db, into=f"sqlite:///{tmp_path / 'sauve.sqlite3'}")
    assert result.lost == []
    (partly,) = [s for s in result.saved if s.missing]
    assert partly.workshop_id == damaged_id and "colonne « title »" in partly.missing
    with open_store(f"sqlite:///{tmp_path / 'sauve.sqlite3'}") as saved:
        snap = saved.snapshot(damaged_id)
        assert snap.info.title.startswith("\ufffd") and snap.info.title.endswith("elier abîmé")
        assert [e.payload["argument"] for e in snap.events] == [MARK]  # its answers are all there
