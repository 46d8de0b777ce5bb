"""A rescued database keeps the workshops' deletions and field versions: at its next merge with a copy that
still holds a deleted row, the row stays deleted (and an edit made before the rescue is not a false
conflict). Whether the file reads whole or only row by row (a page of the event log destroyed)."""

from __future__ import annotations

import contextlib
import random
import sqlite3
from pathlib import Path

import pytest
from store_decks import question_deck

from workshop_app.store import open_store
from workshop_app.store.rescue import rescue


def _damage_event_page(db: Path) -> None:
    with contextlib.closing(sqlite3.connect(db)) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = [p for (p,) in conn.execute("SELECT pageno FROM dbstat WHERE name = 'events'")]
    data = bytearray(db.read_bytes())
    start = (pages[-1] - 1) * page_size
    data[start : start + page_size] = random.Random(18).randbytes(page_size)
    db.write_bytes(bytes(data))


@pytest.mark.parametrize("damaged", [False, True])
def test_a_rescued_database_does_not_bring_back_what_was_deleted(tmp_path: Path, damaged: bool) -> None:
    db, other = tmp_path / "atelier.sqlite3", tmp_path / "portable-b.sqlite3"
    with (
        open_store(f"sqlite:///{db}", author="portable-a") as a,
        open_store(f"sqlite:///{other}", author="portable-b") as b,
    ):
        w = a.create_workshop("Atelier de Soissons", place="Salle du conseil")
        seq = a.add_sequence(w.id, question_deck())
        table, spare = a.add_group(w.id, "Table 1"), a.add_group(w.id, "Table en trop")
        action = a.add_action(w.id, "Action en double")
        a.record_choice(w.id, seq.id, table.id, "q1", "3")
        b.merge_snapshot(a.snapshot(w.id), {})  # B holds a copy with the action and the spare table
        a.remove_action(action.id)
        a.remove_group(spare.id)
        a.update_workshop(w.id, place="Médiathèque")  # edited on A after B's copy: B's value is older
        for i in range(300 if damaged else 0):  # enough events for several pages
            a.add_note(w.id, f"note {i} " + "x" * 40)
    if damaged:
        _damage_event_page(db)
    saved_url = f"sqlite:///{tmp_path / 'sauve.sqlite3'}"
    result = rescue(db, into=saved_url)
    assert result.report.damaged is damaged and [s.workshop_id for s in result.saved] == [w.id]
    with open_store(saved_url, author="portable-a") as saved, open_store(f"sqlite:///{other}") as b:
        assert {t.kind for t in saved.snapshot(w.id).tombstones} == {"action", "table"}
        report = saved.merge_snapshot(b.snapshot(w.id), {})
        snap = saved.snapshot(w.id)
        assert not snap.actions and [g.id for g in snap.groups] == [table.id]  # nothing deleted comes back
        assert snap.info.place == "Médiathèque" and report.conflicts == []  # A's later edit still wins
        assert not report.added["action"] and not report.added["table"]
