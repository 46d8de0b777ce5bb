"""The start screen's cached list and the Alembic-free « already at head » check, on real SQLite files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from store_decks import question_deck

from workshop_app.paths import backups_dir, package_path
from workshop_app.store import open_store
from workshop_app.store.migrate import head_revision
from workshop_app.store.schema_head import head_from_scripts, sqlite_at_head, sqlite_revision
from workshop_app.store.start_list import cached_list, database_keys, plain_sqlite_file, save_list


def test_head_read_from_the_scripts_is_alembics_head() -> None:
    assert head_from_scripts(package_path("store", "migrations", "versions")) == head_revision()


def test_two_heads_or_a_broken_script_mean_dont_know(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text('revision = "a"\ndown_revision = None\n')
    (tmp_path / "b.py").write_text('revision: str = "b"\ndown_revision: str | None = None\n')
    assert head_from_scripts(tmp_path) is None
    (tmp_path / "b.py").write_text('down_revision = "a"\n')  # no revision line
    assert head_from_scripts(tmp_path) is None
    (tmp_path / "b.py").write_text('revision = "b"\ndown_revision = ("a",)\n')
    assert head_from_scripts(tmp_path) == "b"


def test_a_database_at_head_is_recognised_and_others_are_not(tmp_path: Path) -> None:
    db = tmp_path / "atelier.sqlite3"
    assert not sqlite_at_head(db)  # no file
    open_store(f"sqlite:///{db}").close()
    assert sqlite_revision(db) == head_revision() and sqlite_at_head(db)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0002'")
    assert not sqlite_at_head(db)
    (tmp_path / "junk.sqlite3").write_bytes(b"not a database at all" * 100)
    assert not sqlite_at_head(tmp_path / "junk.sqlite3")


def test_a_database_behind_head_is_still_migrated(tmp_path: Path) -> None:
    import shutil

    db = tmp_path / "atelier.sqlite3"
    shutil.copy(Path(__file__).parent / "fixtures" / "schema-0001.sqlite3", db)  # the full Alembic path
    open_store(f"sqlite:///{db}").close()
    assert sqlite_revision(db) == head_revision()
    assert list(backups_dir().glob("*avant-migration-0001*"))


def test_the_cached_list_is_the_stores_until_the_database_changes(tmp_path: Path) -> None:
    db = tmp_path / "atelier.sqlite3"
    cache = tmp_path / "cache" / "start-list.json"
    assert plain_sqlite_file(f"sqlite:///{db}") == db
    assert plain_sqlite_file("postgresql://u@h/db") is None
    store = open_store(f"sqlite:///{db}")
    info = store.create_workshop("Atelier de Valmont", territory="Valmont")
    group = store.add_group(info.id, "Table 1")
    sequence = store.add_sequence(info.id, question_deck())
    card, scale = sequence.deck.cards[0].id, sequence.deck.scale  # type: ignore[union-attr]
    store.show_card(info.id, sequence.id, card)
    store.record_choice(info.id, sequence.id, group.id, card, scale[0].id)
    keys = database_keys(db)
    assert keys is not None
    rows = store.list_workshops()
    save_list(db, rows, keys, cache)
    assert cached_list(db, cache) == rows
    assert rows[0].answered == 1
    store.record_choice(info.id, sequence.id, group.id, card, scale[1].id)
    assert cached_list(db, cache) is None  # one more event: only the store can tell
    save_list(db, store.list_workshops(), database_keys(db) or {}, cache)
    assert cached_list(db, cache) == store.list_workshops()
    store.update_workshop(info.id, title="Autre titre")
    assert cached_list(db, cache) is None
    second = store.create_workshop("Un deuxième")
    assert cached_list(db, cache) is None
    assert sorted(store.workshop_ids()) == sorted([info.id, second.id])  # what the CLI resolves ids with
    store.close()
    cache.write_text("{not json", encoding="utf-8")
    assert cached_list(db, cache) is None
    assert cached_list(tmp_path / "missing.sqlite3", cache) is None


def test_the_stored_summaries_give_the_stores_list_while_they_are_fresh(tmp_path: Path) -> None:
    from datetime import date

    from workshop_app.store.start_list import stored_list

    db = tmp_path / "atelier.sqlite3"
    store = open_store(f"sqlite:///{db}")
    info = store.create_workshop("Atelier de Valmont", territory="Valmont", date=date(2026, 3, 14))
    group = store.add_group(info.id, "Table 1")
    sequence = store.add_sequence(info.id, question_deck())
    card, scale = sequence.deck.cards[0].id, sequence.deck.scale  # type: ignore[union-attr]
    store.show_card(info.id, sequence.id, card)
    store.record_choice(info.id, sequence.id, group.id, card, scale[0].id)
    store.set_programme(info.id, "Programme 2027")
    store.create_workshop("Un deuxième")
    assert stored_list(db) is None  # no summary stored yet: only the store can tell
    rows = store.list_workshops()  # stores them
    assert stored_list(db) == rows and len(rows) == 2
    assert rows[-1].programme == "Programme 2027" and rows[-1].answered == 1 and rows[-1].date
    store.record_choice(info.id, sequence.id, group.id, card, scale[1].id)
    assert stored_list(db) is None  # that workshop's summary is stale now
    assert stored_list(db) is None
    rows = store.list_workshops()
    assert stored_list(db) == rows
    store.close()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0002'")
    assert stored_list(db) is None  # not at the current schema: the store migrates first
    assert stored_list(tmp_path / "missing.sqlite3") is None


def test_a_stale_summary_shows_what_the_database_knows_then_the_store_corrects_it(tmp_path: Path) -> None:
    from datetime import date

    from workshop_app.store.start_list import known_list, stored_list

    db = tmp_path / "atelier.sqlite3"
    store = open_store(f"sqlite:///{db}")
    info = store.create_workshop("Atelier de Valmont", territory="Valmont", date=date(2026, 3, 14))
    group = store.add_group(info.id, "Table 1")
    sequence = store.add_sequence(info.id, question_deck())
    cards, scale = sequence.deck.cards, sequence.deck.scale  # type: ignore[union-attr]
    store.record_choice(info.id, sequence.id, group.id, cards[0].id, scale[0].id)
    before = store.list_workshops()[0]  # stores the summary
    fresh = known_list(db)
    assert fresh is not None and not fresh.stale and fresh.rows == [before]
    store.record_choice(info.id, sequence.id, group.id, cards[1].id, scale[1].id)  # another program's write
    store.update_workshop(info.id, title="Atelier de Valmont-sur-Mer")
    assert stored_list(db) is None
    known = known_list(db)
    assert known is not None and known.stale
    after = store.list_workshops()[0]
    (shown,) = known.rows
    assert shown.title == after.title and shown.updated_at == after.updated_at  # the workshop's own row
    assert shown.events == after.events and shown.last_event_at == after.last_event_at  # its log
    assert shown.answered == before.answered != after.answered  # only this waits for the store
    assert known_list(db) == type(known)([after], stale=False)  # the store's list stored it again
    store.add_group(info.id, "Table 2")
    assert known_list(db) is None  # a table added: the total is unknown, only the store can tell
    store.close()
