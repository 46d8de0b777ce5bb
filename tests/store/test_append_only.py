"""The database refuses to rewrite the event log, on every backend, for new and upgraded databases alike."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from workshop_app.core.deck import QuestionDeck
from workshop_app.store import WorkshopStore, open_store
from workshop_app.store.migrate import alembic_config

FIXTURE = Path(__file__).parent / "fixtures" / "schema-0001.sqlite3"


def _one_answer(store: WorkshopStore, qdeck: QuestionDeck) -> str:
    workshop = store.create_workshop(title="Atelier", territory="Valmont")
    group = store.add_group(workshop.id, "Table 1")
    sequence = store.add_sequence(workshop.id, qdeck)
    card = qdeck.cards[0]
    store.record_choice(workshop.id, sequence.id, group.id, card.id, qdeck.scale[0].id)
    return workshop.id


def test_an_event_cannot_be_updated(store: WorkshopStore, qdeck: QuestionDeck) -> None:
    workshop_id = _one_answer(store, qdeck)
    before = [e.payload for e in store.events(workshop_id)]
    with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as conn:
        conn.execute(text("UPDATE events SET payload = '{}' WHERE workshop_id = :w"), {"w": workshop_id})
    assert [e.payload for e in store.events(workshop_id)] == before


def test_deleting_a_workshop_still_removes_its_log(store: WorkshopStore, qdeck: QuestionDeck) -> None:
    workshop_id = _one_answer(store, qdeck)
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM events WHERE workshop_id = :w"), {"w": workshop_id})
        conn.execute(text("DELETE FROM workshops WHERE id = :w"), {"w": workshop_id})
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM events")).scalar() == 0


def test_an_upgraded_database_gets_the_guard(tmp_path: Path) -> None:
    db = tmp_path / "atelier.sqlite3"
    db.write_bytes(FIXTURE.read_bytes())
    with open_store(f"sqlite:///{db}"):
        pass
    engine = create_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as conn:
            triggers = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars()
            assert "events_append_only" in set(triggers)
            assert conn.execute(text("SELECT count(*) FROM events")).scalar()  # the fixture has a log
            with pytest.raises(DBAPIError, match="append-only"):
                conn.execute(text("UPDATE events SET kind = kind"))
    finally:
        engine.dispose()


def test_downgrade_removes_the_guard(sqlite_url: str) -> None:
    from alembic import command

    engine = create_engine(sqlite_url)
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "head")
            command.downgrade(alembic_config(conn), "0002")
            names = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars()
            assert "events_append_only" not in set(names)
    finally:
        engine.dispose()
