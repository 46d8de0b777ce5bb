"""Deletions merge (``store.tombstones``): a table, participant, action or photo deleted on one laptop is not
brought back by a copy that still has it, and is deleted from that copy in turn; the import report counts
it. A table that received answers on any copy comes back instead (no answer is ever lost). Through the real
archive and through the sync, on real SQLite files; and on a database upgraded from the oldest fixture."""

from __future__ import annotations

import shutil
from pathlib import Path

from laptops import open_laptop as _open
from laptops import ship
from store_decks import question_deck

from workshop_app.core.events import EventKind
from workshop_app.services.sync import exchange
from workshop_app.store import WorkshopStore, open_store

FIXTURE = Path(__file__).parent / "fixtures" / "schema-0001.sqlite3"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)


def _ship(source: WorkshopStore, target: WorkshopStore, wid: str, folder: Path) -> str:
    return ship(source, target, wid, folder).summary()


def test_a_deletion_on_one_laptop_is_not_brought_back_and_reaches_the_other(tmp_path: Path) -> None:
    with _open(tmp_path, "a") as a, _open(tmp_path, "b") as b:
        w = a.create_workshop("Atelier de Denain")
        seq = a.add_sequence(w.id, question_deck())
        kept, spare = a.add_group(w.id, "Table 1"), a.add_group(w.id, "Table en trop")
        person = a.add_participant(w.id, name="Claire", group_id=spare.id)
        stay = a.add_participant(w.id, name="Hugo", group_id=kept.id)
        action = a.add_action(w.id, "Action en double")
        photo = a.add_attachment(w.id, "flou.png", PNG, caption="Photo floue")
        _ship(a, b, w.id, tmp_path)
        a.remove_group(spare.id)  # A tidies up; meanwhile B edits what A deletes
        a.remove_participant(person.id)
        a.remove_action(action.id)
        a.remove_attachment(photo.id)
        b.update_action(action.id, owner="DGS")
        b.update_attachment(photo.id, caption="Photo floue (retouchée)")
        b.record_choice(w.id, seq.id, kept.id, "q1", "2")
        assert _ship(b, a, w.id, tmp_path) == "1 vote"  # B's copy brings nothing deleted back…
        snap = a.snapshot(w.id)
        assert [g.name for g in snap.groups] == ["Table 1"]
        assert [p.name for p in snap.participants] == ["Hugo"]
        assert not snap.actions and not snap.attachments
        assert {t.kind for t in snap.tombstones} == {"table", "participant", "action", "photo"}
        # …and A's copy deletes them from B, the report counting each deletion
        assert _ship(a, b, w.id, tmp_path) == (
            "1 table supprimée, 1 participant·e supprimé·e, 1 action supprimée, 1 photo supprimée"
        )
        snap_b = b.snapshot(w.id)
        assert [g.id for g in snap_b.groups] == [kept.id] and [p.id for p in snap_b.participants] == [stay.id]
        assert not snap_b.actions and not snap_b.attachments
        assert sorted(snap_b.tombstones, key=repr) == sorted(snap.tombstones, key=repr)
        assert not any(v.row_id in {action.id, photo.id} for v in snap_b.versions)
        assert _ship(a, b, w.id, tmp_path) == _ship(b, a, w.id, tmp_path) == "rien de nouveau"


def test_a_table_with_answers_on_another_laptop_comes_back(tmp_path: Path) -> None:
    with _open(tmp_path, "a") as a, _open(tmp_path, "b") as b, _open(tmp_path, "c") as cohort:
        w = a.create_workshop("Atelier de Soissons")
        seq = a.add_sequence(w.id, question_deck())
        table = a.add_group(w.id, "Table 2")
        exchange(a, cohort)
        exchange(b, cohort)
        a.remove_group(table.id)  # no answers on A: allowed there
        vote = b.record_choice(w.id, seq.id, table.id, "q1", "3")  # but B recorded one for it
        exchange(a, cohort)
        assert cohort.snapshot(w.id).groups == ()  # deleted in the cohort: no answer there yet
        report = exchange(b, cohort)
        assert "1 table" in report.lines()[0]  # B's answer brings the table back to the cohort…
        exchange(a, cohort)
        for store in (a, b, cohort):  # …and to A: the vote is kept everywhere, the tombstone void
            snap = store.snapshot(w.id)
            assert [g.id for g in snap.groups] == [table.id] and not snap.tombstones
            assert any(e.id == vote.id and e.kind is EventKind.CHOICE_RECORDED for e in snap.events)


def test_an_upgraded_old_database_records_and_merges_deletions(tmp_path: Path) -> None:
    db = tmp_path / "ancien.sqlite3"
    shutil.copy(FIXTURE, db)
    with open_store(f"sqlite:///{db}", author="ancien") as old, _open(tmp_path, "neuf") as new:
        short = next(s for s in old.list_workshops() if s.title == "Atelier court")
        _ship(old, new, short.id, tmp_path)
        photo = old.snapshot(short.id).attachments[0]
        old.remove_attachment(photo.id)
        assert [t.kind for t in old.snapshot(short.id).tombstones] == ["photo"]
        assert _ship(old, new, short.id, tmp_path) == "1 photo supprimée"
        assert not new.snapshot(short.id).attachments


def test_a_conflict_on_a_deleted_record_is_left_settled(tmp_path: Path) -> None:
    with _open(tmp_path, "a") as a, _open(tmp_path, "b") as b:
        w = a.create_workshop("Atelier d'Arras")
        action = a.add_action(w.id, "Action discutée")
        _ship(a, b, w.id, tmp_path)
        a.update_action(action.id, owner="DGS")
        b.update_action(action.id, owner="Espaces verts")
        _ship(b, a, w.id, tmp_path)
        assert [c.label for c in a.conflicts(w.id, include_settled=False)] == ["porteur"]
        b.remove_action(action.id)
        assert _ship(b, a, w.id, tmp_path) == "1 action supprimée"
        assert a.conflicts(w.id, include_settled=False) == []  # nothing left to choose


def test_a_deleted_sequence_stays_deleted_and_reaches_the_other_laptop(tmp_path: Path) -> None:
    with _open(tmp_path, "a") as a, _open(tmp_path, "b") as b:
        w = a.create_workshop("Atelier de Creil")
        played = a.add_sequence(w.id, question_deck())
        spare = a.add_sequence(w.id, question_deck())
        table = a.add_group(w.id, "Table 1")
        _ship(a, b, w.id, tmp_path)
        a.remove_sequence(spare.id)  # never played: A may delete it
        b.update_sequence(spare.id, title="Séquence renommée sur B")  # meanwhile B edits it
        b.record_choice(w.id, played.id, table.id, "q1", "2")
        assert _ship(b, a, w.id, tmp_path) == "1 vote"  # B's copy does not bring it back…
        assert [s.id for s in a.snapshot(w.id).sequences] == [played.id]
        assert _ship(a, b, w.id, tmp_path) == "1 séquence supprimée"  # …and A's deletes it from B
        snap_b = b.snapshot(w.id)
        assert [s.id for s in snap_b.sequences] == [played.id]
        assert [t.kind for t in snap_b.tombstones] == ["sequence"]
        assert not any(v.row_id == spare.id for v in snap_b.versions)
        assert _ship(a, b, w.id, tmp_path) == _ship(b, a, w.id, tmp_path) == "rien de nouveau"


def test_a_sequence_played_on_another_laptop_comes_back(tmp_path: Path) -> None:
    with _open(tmp_path, "a") as a, _open(tmp_path, "b") as b, _open(tmp_path, "c") as cohort:
        w = a.create_workshop("Atelier de Saint-Quentin")
        seq = a.add_sequence(w.id, question_deck())
        table = a.add_group(w.id, "Table 1")
        exchange(a, cohort)
        exchange(b, cohort)
        a.remove_sequence(seq.id)  # not played on A
        vote = b.record_choice(w.id, seq.id, table.id, "q2", "4")  # played on B
        exchange(a, cohort)
        assert cohort.snapshot(w.id).sequences == ()
        report = exchange(b, cohort)
        assert "1 séquence" in report.lines()[0]
        exchange(a, cohort)
        for store in (a, b, cohort):  # the vote is kept everywhere, the tombstone void
            snap = store.snapshot(w.id)
            assert [s.id for s in snap.sequences] == [seq.id] and not snap.tombstones
            assert any(e.id == vote.id for e in snap.events)


def test_a_table_that_comes_back_takes_back_its_participants_without_a_conflict(tmp_path: Path) -> None:
    with _open(tmp_path, "a") as a, _open(tmp_path, "b") as b, _open(tmp_path, "c") as cohort:
        w = a.create_workshop("Atelier de Denain")
        seq = a.add_sequence(w.id, question_deck())
        table, other = a.add_group(w.id, "Table 2"), a.add_group(w.id, "Table 3")
        claire = a.add_participant(w.id, name="Claire", group_id=table.id)
        hugo = a.add_participant(w.id, name="Hugo", group_id=table.id)
        exchange(a, cohort)
        exchange(b, cohort)
        a.remove_group(table.id)  # Claire and Hugo lose their table on A…
        a.update_participant(hugo.id, group_id=other.id)  # …and Hugo is seated elsewhere afterwards
        b.record_choice(w.id, seq.id, table.id, "q1", "3")  # but B recorded an answer at that table
        exchange(a, cohort)
        exchange(b, cohort)
        exchange(a, cohort)
        exchange(b, cohort)
        for store in (a, b, cohort):
            seats = {p.id: p.group_id for p in store.snapshot(w.id).participants}
            assert seats == {claire.id: table.id, hugo.id: other.id}, store.author
            assert store.conflicts(w.id) == [], store.author  # not a conflict: the deletion is undone
