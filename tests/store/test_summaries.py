"""The archive list reads stored summaries: right after every kind of write, and without recomputing the
workshops that did not change."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.services.api import WorkshopSummary
from workshop_app.store import WorkshopStore, open_store, summaries
from workshop_app.store.demo import create_demo_workshop
from workshop_app.store.models import SummaryRow
from workshop_app.store.reading import progress


def _fresh_progress(store: WorkshopStore, workshop_id: str) -> tuple[int, int]:
    """(answered, total) worked out from the records, the way the list did before summaries existed."""
    from workshop_app.core.state import fold

    snap = store.snapshot(workshop_id)
    return progress(list(snap.sequences), fold(snap.events), [g.id for g in snap.groups])


def _row(store: WorkshopStore, workshop_id: str) -> WorkshopSummary:
    (found,) = [s for s in store.list_workshops() if s.id == workshop_id]
    return found


def test_the_list_follows_every_write(store: WorkshopStore, qdeck: QuestionDeck, sdeck: StrategyDeck) -> None:
    w = store.create_workshop("Atelier de Creil", territory="Creil")
    assert _row(store, w.id).deck_titles == () and _row(store, w.id).total == 0
    seq = store.add_sequence(w.id, qdeck)
    g1 = store.add_group(w.id, "Table 1")
    row = _row(store, w.id)
    assert row.deck_ids == (qdeck.id,) and row.groups == 1 and row.total == len(qdeck.cards)
    store.record_choice(w.id, seq.id, g1.id, qdeck.cards[0].id, "2")
    row = _row(store, w.id)
    assert (row.answered, row.total) == _fresh_progress(store, w.id) == (1, len(qdeck.cards))
    assert row.events == 1 and row.last_event_at is not None
    store.undo(w.id)
    assert _row(store, w.id).answered == 0 and _row(store, w.id).events == 2
    store.add_group(w.id, "Table 2")
    store.add_sequence(w.id, sdeck)
    row = _row(store, w.id)
    assert row.deck_ids == (qdeck.id, sdeck.id) and (row.answered, row.total) == _fresh_progress(store, w.id)
    store.update_workshop(w.id, territory="Creil (Oise)")
    assert _row(store, w.id).territory == "Creil (Oise)"
    store.delete_workshop(w.id)
    assert [s for s in store.list_workshops() if s.id == w.id] == []


def test_an_unchanged_workshop_is_not_recomputed(
    store: WorkshopStore, qdeck: QuestionDeck, sdeck: StrategyDeck, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = create_demo_workshop(store, questions=qdeck, strategy=sdeck, seed=1)
    second = create_demo_workshop(store, questions=qdeck, strategy=sdeck, seed=2)
    before = {s.id: s for s in store.list_workshops()}
    assert before[first].answered == _fresh_progress(store, first)[0] > 0
    computed: list[str] = []
    real = summaries.compute

    def counting(st: WorkshopStore, se: Session, wid: str, stamp: str) -> SummaryRow:
        computed.append(wid)
        return real(st, se, wid, stamp)

    monkeypatch.setattr(summaries, "compute", counting)
    assert {s.id: s for s in store.list_workshops()} == before
    assert computed == []
    store.update_workshop(second, title="Renommé")
    assert _row(store, second).title == "Renommé"
    assert computed == [second]


def test_summaries_survive_reopening_and_a_stale_one_is_redone(sqlite_url: str, qdeck: QuestionDeck) -> None:
    with open_store(sqlite_url) as store:
        w = store.create_workshop("Soissons", territory="Soissons")
        store.add_sequence(w.id, qdeck)
        store.list_workshops()
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("SELECT deck_ids FROM workshop_summaries").fetchone()[0] == f'["{qdeck.id}"]'
        db.execute("UPDATE workshop_summaries SET deck_titles = '[\"faux\"]', stamp = 'ancien'")
        db.commit()
    with open_store(sqlite_url) as store:
        assert store.list_workshops()[0].deck_titles == (qdeck.title,)


def test_opening_an_upgraded_database_fills_the_missing_summaries(
    sqlite_url: str, qdeck: QuestionDeck
) -> None:
    with open_store(sqlite_url) as store:
        w = store.create_workshop("Denain", territory="Denain")
        store.add_sequence(w.id, qdeck)
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("SELECT count(*) FROM workshop_summaries").fetchone()[0] == 0  # never listed
    with open_store(sqlite_url):
        pass
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("SELECT workshop_id FROM workshop_summaries").fetchall() == [(w.id,)]
