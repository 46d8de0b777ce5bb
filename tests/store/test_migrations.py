"""Migrations: a new database starts at head; an old one is copied aside, then upgraded with every row kept;
a newer, foreign or unreadable one is refused and never touched."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from workshop_app.core.errors import AtelierError
from workshop_app.core.events import Event, EventKind, as_utc
from workshop_app.core.state import fold
from workshop_app.paths import backups_dir
from workshop_app.store import open_store
from workshop_app.store.migrate import alembic_config, head_revision

FIXTURE = Path(__file__).parent / "fixtures" / "schema-0001.sqlite3"
TABLES = ("workshops", "groups", "participants", "sequences", "events", "action_items", "attachments")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _counts(path: Path) -> dict[str, int]:
    with closing(sqlite3.connect(path)) as db:
        return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


# Added by later revisions (0002: fixed_points; 0004: events' author), and rewritten by 0004: an event's id
# becomes its content id and an undo/redo's target that id (checked by the tests of 0004 below).
_NEW_OR_REKEYED = {"fixed_points", "author", "id", "payload"}


def _rows(path: Path, table: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(path)) as db:
        skip = _NEW_OR_REKEYED if table == "events" else {"fixed_points"}
        columns = [r[1] for r in db.execute(f"PRAGMA table_info({table})") if r[1] not in skip]
        if table == "events":  # payloads are kept, but an undo's target is rewritten (seq -> id)
            columns.append("CASE WHEN kind IN ('undo', 'redo') THEN '' ELSE payload END")
        return sorted(db.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall(), key=repr)


def test_new_database_is_created_at_head(sqlite_url: str, tmp_path: Path) -> None:
    with open_store(sqlite_url) as store, store.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 5000
    assert not backups_dir().exists() or not any(backups_dir().iterdir())


def test_default_location_honours_atelier_home(atelier_home: Path) -> None:
    with open_store() as store:
        store.create_workshop("A")
    assert (atelier_home / "atelier.sqlite3").exists()


def test_database_url_variable_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "ailleurs" / "sous-dossier" / "base.sqlite3"
    monkeypatch.setenv("ATELIER_DATABASE_URL", f"sqlite:///{target}")
    with open_store() as store:
        store.create_workshop("A")
    assert target.exists()


def test_migrations_build_the_same_schema_as_the_models(tmp_path: Path) -> None:
    from alembic import command
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from workshop_app.store.models import Base

    engine = create_engine(f"sqlite:///{tmp_path / 'm.sqlite3'}")
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    engine.dispose()
    assert diff == []


def test_old_database_is_copied_then_upgraded_keeping_every_row(tmp_path: Path) -> None:
    db = tmp_path / "atelier.sqlite3"
    shutil.copy(FIXTURE, db)
    before = {t: _rows(db, t) for t in TABLES}
    assert _counts(db)["events"] > 200
    with open_store(f"sqlite:///{db}") as store:
        summaries = store.list_workshops()
        assert len(summaries) == 2
        demo = next(s for s in summaries if s.title != "Atelier court")
        assert demo.answered == demo.total and demo.total > 100
        snap = store.snapshot(demo.id)
        assert snap.info.fixed_points == "" and len(snap.groups) == 4 and snap.debrief.strengths
        store.update_workshop(demo.id, fixed_points="Le budget était fixé.")  # the new column works
        short = next(s for s in summaries if s.title == "Atelier court")
        attachment = store.snapshot(short.id).attachments[0]
        assert store.attachment_data(attachment.id).startswith(b"\x89PNG")
    after = {t: _rows(db, t) for t in TABLES}
    assert after["events"] == before["events"]
    # revision 0005 adds the card a photo belongs to: every old photo is the debrief's (both empty)
    assert all(row[-2:] == (None, None) for row in after["attachments"])
    after["attachments"] = [row[:-2] for row in after["attachments"]]
    assert all(row[-1] == "" for row in after["participants"])  # and every participant's kind is unsaid
    after["participants"] = [row[:-1] for row in after["participants"]]
    for table in TABLES:
        if table != "workshops":
            assert after[table] == before[table], table
    assert len(after["workshops"]) == len(before["workshops"])
    copies = list(backups_dir().glob("atelier-avant-migration-0001-*.sqlite3"))
    assert len(copies) == 1 and {t: _rows(copies[0], t) for t in TABLES} == before
    with closing(sqlite3.connect(copies[0])) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with open_store(f"sqlite:///{db}"):
        pass
    assert len(list(backups_dir().iterdir())) == 1  # at head now: no second copy


def test_newer_database_is_refused_untouched(store_url: str) -> None:
    with open_store(store_url) as store:
        store.create_workshop("A")
        with store.engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    path = _file(store_url)
    digest = _digest(path) if path else None
    with pytest.raises(AtelierError, match="créée par une version plus récente") as caught:
        open_store(store_url)
    assert "n’a pas été modifiée" in str(caught.value)
    if path:
        assert _digest(path) == digest
    with create_engine(store_url).connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM workshops")).scalar() == 1


def test_foreign_database_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "autre.sqlite3"
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("CREATE TABLE clients (id INTEGER PRIMARY KEY, nom TEXT)")
        conn.execute("INSERT INTO clients (nom) VALUES ('Dupont')")
    digest = _digest(db)
    with pytest.raises(AtelierError, match="ne viennent pas d’Atelier"):
        open_store(f"sqlite:///{db}")
    assert _digest(db) == digest


def _file(url: str) -> Path | None:
    from workshop_app.store.engine import sqlite_path

    return sqlite_path(url)


def test_upgrade_from_first_revision_on_each_backend(store_url: str) -> None:
    from alembic import command

    engine = create_engine(store_url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0001")
        conn.execute(
            text(
                "INSERT INTO workshops (id, title, territory, territory_kind, place, facilitators, context, "
                "objectives, status, debrief, created_at, updated_at) VALUES "
                "('11111111-2222-4333-8444-555555555555', 'Ancien atelier', 'Valmont', '', '', '', '', '', "
                "'done', '{}', :t, :t)"
            ),
            {"t": "2025-01-02 03:04:05"},
        )
    engine.dispose()
    with open_store(store_url) as store:
        info = store.get_workshop("11111111-2222-4333-8444-555555555555")
        assert (info.title, info.fixed_points, info.status.value) == ("Ancien atelier", "", "done")
        assert info.created_at is not None and info.created_at.tzinfo is not None
        with store.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()


def _fixture_logs(path: Path) -> dict[str, list[Event]]:
    """The events of the old fixture, read as they were before 0004 (undo targets are seqs, no ids)."""
    logs: dict[str, list[Event]] = {}
    with closing(sqlite3.connect(path)) as db:
        rows = db.execute(
            "SELECT workshop_id, seq, kind, sequence_id, group_id, card_id, payload, at FROM events "
            "ORDER BY seq"
        ).fetchall()
    for wid, seq, kind, sequence_id, group_id, card_id, payload, at in rows:
        logs.setdefault(wid, []).append(
            Event(
                seq,
                EventKind(kind),
                sequence_id,
                group_id,
                card_id,
                json.loads(payload or "{}"),
                as_utc(datetime.fromisoformat(at)),
            )
        )
    return logs


def test_0004_gives_old_events_content_ids_and_keeps_every_answer(tmp_path: Path) -> None:
    """Two laptops upgrading the same old database give every event the same id, undo/redo name those ids,
    and every answer, note and pick reads as before (the fold over the old log, by seq)."""
    ids = []
    for name in ("a", "b"):
        db = tmp_path / name / "atelier.sqlite3"
        db.parent.mkdir()
        shutil.copy(FIXTURE, db)
        before = _fixture_logs(db)
        assert any(e.kind is EventKind.UNDO for log in before.values() for e in log)
        with open_store(f"sqlite:///{db}") as store:
            for wid, old_log in before.items():
                events = store.snapshot(wid).events
                assert len(events) == len(old_log)
                assert all(len(e.id) == 36 and e.author == "" for e in events)
                by_id = {e.id: e for e in events}
                for e in events:
                    if e.kind in (EventKind.UNDO, EventKind.REDO):
                        assert e.target in by_id  # names an event of the same log, by id
                old, new = fold(old_log), fold(events)
                assert old.sequences.keys() == new.sequences.keys()
                for sid, seq_state in old.sequences.items():
                    moved = new.sequences[sid]
                    assert {k: (a.option, a.argument, a.at) for k, a in seq_state.answers.items()} == {
                        k: (a.option, a.argument, a.at) for k, a in moved.answers.items()
                    }
                    assert [n.text for n in seq_state.notes] == [n.text for n in moved.notes]
                    assert {g: list(p) for g, p in seq_state.picks.items()} == {
                        g: list(p) for g, p in moved.picks.items()
                    }
                ids.append(sorted(e.id for e in events))
    assert ids[: len(ids) // 2] == ids[len(ids) // 2 :]  # laptop a and laptop b agree on every id


def test_a_v1_archive_of_an_old_workshop_merges_into_the_upgraded_database_without_duplicates(
    tmp_path: Path,
) -> None:
    """A laptop still holding an archive written before events had ids (format 1: no id, undo naming a seq)
    imports it into a database upgraded by 0004: both give every old event the same content id, so nothing
    is added twice."""
    from workshop_app.export.manifest import snapshot_to_json
    from workshop_app.export.manifest_reader import snapshot_from_json

    db = tmp_path / "atelier.sqlite3"
    shutil.copy(FIXTURE, db)
    with open_store(f"sqlite:///{db}") as store:
        for summary in store.list_workshops():
            snapshot = store.snapshot(summary.id)
            data = snapshot_to_json(snapshot)
            seq_of = {e.id: e.seq for e in snapshot.events}
            data["version"] = 1
            data.pop("versions")
            for event in data["events"]:  # as the old app wrote them
                event.pop("id")
                event.pop("author")
                if event["kind"] in ("undo", "redo"):
                    event["payload"]["target"] = seq_of[event["payload"]["target"]]
            old = snapshot_from_json(data, "ancienne.zip")
            assert sorted(e.id for e in old.events) == sorted(seq_of)
            attachments = {a.id: store.attachment_data(a.id) for a in snapshot.attachments}
            report = store.merge_snapshot(old, attachments)
            assert not report.anything, report.summary()
