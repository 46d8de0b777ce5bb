"""The Qt-free play session: the one write path. Every operation returns what changed; two copies on one
database (SQLite here, and PostgreSQL when ATELIER_TEST_POSTGRES_URL is set) see each other's votes with
``refresh`` and each takes back only its own entries with undo."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from workshop_app.core.deck import QuestionDeck
from workshop_app.core.events import EventKind
from workshop_app.services.play_session import PlayError, PlaySession
from workshop_app.store import WorkshopStore, open_store


@pytest.fixture
def two_copies(store_url: str, qdeck: QuestionDeck) -> Iterator[tuple[WorkshopStore, WorkshopStore, str]]:
    with open_store(store_url, author="copie-a") as a, open_store(store_url, author="copie-b") as b:
        w = a.create_workshop("Atelier partagé")
        a.add_sequence(w.id, qdeck)
        for name in ("T1", "T2"):
            a.add_group(w.id, name)
        yield a, b, w.id


def test_every_operation_says_what_it_committed(two_copies: tuple[WorkshopStore, WorkshopStore, str]) -> None:
    a, _, wid = two_copies
    play = PlaySession(a, wid)
    group = play.groups[0].id
    change = play.record_choice(group, "3", "Plan testé")
    kinds = [e.kind for e in change.events]
    assert kinds == [EventKind.SEQUENCE_STARTED, EventKind.CARD_SHOWN, EventKind.CHOICE_RECORDED]
    assert change.primary is change.events[-1] and change.primary.author == "copie-a"
    assert play.sequence_state().answer(group, "q1") is not None
    moved = play.step_card(1)
    assert moved.position and [e.kind for e in moved.events] == [EventKind.CARD_SHOWN]
    with pytest.raises(PlayError, match="inconnue sur l'échelle") as refused:
        play.record_choice(group, "99")
    assert refused.value.change.events == []  # nothing committed, nothing to announce
    assert [e.key for e in play.events] == [e.key for e in sorted(a.events(wid), key=lambda e: e.seq)]


def test_two_copies_see_each_other_and_undo_only_their_own(
    two_copies: tuple[WorkshopStore, WorkshopStore, str],
) -> None:
    a, b, wid = two_copies
    left, right = PlaySession(a, wid), PlaySession(b, wid)
    t1, t2 = (g.id for g in left.groups)
    left.record_choice(t1, "4")
    assert right.sequence_state().answer(t1, "q1") is None
    seen = right.refresh()
    assert [e.kind for e in seen.foreign][-1] is EventKind.CHOICE_RECORDED
    assert right.sequence_state().answer(t1, "q1").option == "4"  # type: ignore[union-attr]
    reading = right.compass()
    assert reading is not None and reading.groups[t1].coverage > 0  # the other copy's vote counts
    assert not right.refresh().anything  # nothing new: nothing to fold
    right.record_choice(t2, "1")
    left.record_choice(t2, "2")  # A votes last, on the same table and card
    right.refresh()
    assert right.sequence_state().answer(t2, "q1").option == "2"  # type: ignore[union-attr]
    undo = right.undo().primary  # B's Ctrl+Z: B's own vote, not A's later one
    assert undo is not None
    assert next(e for e in b.events(wid) if e.id == undo.target).author == "copie-b"
    left.refresh()
    assert left.sequence_state().answer(t2, "q1").option == "2"  # type: ignore[union-attr]
    assert left.sequence_state().answer(t1, "q1").option == "4"  # type: ignore[union-attr]
    assert left.can_undo() and left.undo().primary is not None  # A takes back its own last vote
    right.refresh()
    left.refresh()
    assert left.state.sequences == right.state.sequences
    assert right.sequence_state().answer(t2, "q1") is None  # A's undone, B's undone: no answer left
