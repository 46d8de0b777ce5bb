"""The vote's path through the store: two statements in one durable transaction, and the remembered
ownership of sequences and groups never lets a deleted one through."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event

from workshop_app.core.deck import QuestionDeck
from workshop_app.core.errors import AtelierError
from workshop_app.store import WorkshopStore, open_store


@contextmanager
def statements(store: WorkshopStore) -> Iterator[list[str]]:
    """The SQL statements sent to the database inside the block (transaction control left out)."""
    seen: list[str] = []

    def on_execute(_conn: Any, _cursor: Any, sql: str, *_rest: Any) -> None:
        if not sql.lstrip().upper().startswith(("BEGIN", "COMMIT", "ROLLBACK", "SET TRANSACTION")):
            seen.append(" ".join(sql.split()[:3]).upper())

    event.listen(store.engine, "before_cursor_execute", on_execute)
    try:
        yield seen
    finally:
        event.remove(store.engine, "before_cursor_execute", on_execute)


def test_a_vote_is_two_statements_committed_before_returning(
    store: WorkshopStore, store_url: str, qdeck: QuestionDeck
) -> None:
    w = store.create_workshop("A")
    seq = store.add_sequence(w.id, qdeck)
    groups = [store.add_group(w.id, f"T{i}") for i in range(3)]
    store.show_card(w.id, seq.id, "q1")
    store.record_choice(w.id, seq.id, groups[0].id, "q1", "2")  # the sequence and first group looked up
    with statements(store) as seen:
        recorded = store.record_choice(w.id, seq.id, groups[0].id, "q2", "3", "Un argument")
    assert seen == ["UPDATE WORKSHOPS SET", "INSERT INTO EVENTS"]  # was five: two owners, max(seq) apart
    with statements(store) as seen:
        store.record_choice(w.id, seq.id, groups[1].id, "q2", "1")  # a group seen for the first time
    assert len(seen) == 3
    assert recorded.seq == 3
    with open_store(store_url) as other:  # committed: another connection reads it at once
        assert other.events(w.id)[-2] == recorded
        assert [e.seq for e in other.events(w.id)] == [1, 2, 3, 4]


def test_a_removed_group_is_refused_even_once_remembered(store: WorkshopStore, qdeck: QuestionDeck) -> None:
    w = store.create_workshop("A")
    seq = store.add_sequence(w.id, qdeck)
    g = store.add_group(w.id, "T1")
    with pytest.raises(AtelierError, match="échelle"):  # refused after both owners were looked up
        store.record_choice(w.id, seq.id, g.id, "q1", "9")
    store.remove_group(g.id)
    with pytest.raises(AtelierError, match="Ce groupe n’existe pas dans cet atelier"):
        store.record_choice(w.id, seq.id, g.id, "q1", "1")
    assert store.events(w.id) == []


def test_a_removed_sequence_is_refused_even_once_remembered(
    store: WorkshopStore, qdeck: QuestionDeck
) -> None:
    w = store.create_workshop("A")
    seq = store.add_sequence(w.id, qdeck)
    g = store.add_group(w.id, "T1")
    with pytest.raises(AtelierError, match="échelle"):
        store.record_choice(w.id, seq.id, g.id, "q1", "9")
    store.remove_sequence(seq.id)
    with pytest.raises(AtelierError, match=r"(?i)séquence"):
        store.record_choice(w.id, seq.id, g.id, "q1", "1")
    assert store.events(w.id) == []
