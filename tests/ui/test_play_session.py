"""The session keeps its undo/redo history incrementally: it must always equal the core's full replay."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from test_play_support import make_workshop

from workshop_app.core.events import EventKind
from workshop_app.core.state import fold, history
from workshop_app.ui.session import WorkshopSession


def test_incremental_history_matches_full_replay(tmp_path: Path, qapp: Any) -> None:
    store, workshop_id = make_workshop(tmp_path, groups=3)
    session = WorkshopSession(store, workshop_id)
    rng = random.Random(7)
    groups = [g.id for g in session.groups]
    cards = [c.id for c in session.deck.cards]  # type: ignore[union-attr]
    for _ in range(150):
        action = rng.random()
        if action < 0.45:
            session.record_choice(rng.choice(groups), rng.choice(["s0", "s2", "s4", "nc"]))
        elif action < 0.6:
            session.undo()
        elif action < 0.7:
            session.redo()
        elif action < 0.8:
            session.show_card(rng.choice(cards))
        elif action < 0.9:
            session.add_note("note", group_id=rng.choice(groups))
        else:
            scope = {"scope": "sequence"}
            session.record(EventKind.TIMER_STARTED, sequence_id=session.sequence_id, payload=scope)
        assert session._history == history(session.events)
        assert session.can_undo() == (history(session.events).undo_target is not None)
    assert session.state.sequences == fold(store.events(workshop_id)).sequences
    store.close()


def test_a_sequence_starts_with_the_first_act_not_with_the_first_look(tmp_path: Path, qapp: Any) -> None:
    store, workshop_id = make_workshop(tmp_path, groups=2)
    session = WorkshopSession(store, workshop_id)
    assert session.mark_shown() is None  # the page displayed: no start, nothing logged
    assert store.events(workshop_id) == []
    sequence_id = session.sequence_id
    session.record(EventKind.TIMER_STARTED, sequence_id=sequence_id, payload={"scope": "card"})
    logged = [(e.kind, e.card_id) for e in store.events(workshop_id)]
    first = session.card_id
    assert logged == [
        (EventKind.SEQUENCE_STARTED, None),
        (EventKind.CARD_SHOWN, first),
        (EventKind.TIMER_STARTED, None),
    ]
    session.record_choice(session.groups[0].id, "s2")  # already started: no second start, no second show
    kinds = [e.kind for e in store.events(workshop_id)]
    assert kinds.count(EventKind.SEQUENCE_STARTED) == 1 and kinds.count(EventKind.CARD_SHOWN) == 1
    store.close()


def test_two_windows_on_one_database_see_each_others_votes_within_a_second(
    tmp_path: Path, qtbot: Any
) -> None:
    """Two facilitators on one database (here one SQLite file): the poll folds the other's vote into the state
    and announces it (the compass and the table redraw from ``sig_event``) in well under a second; Ctrl+Z in
    one window never takes back the other's vote."""
    from test_play_support import store_url

    from workshop_app.store import open_store

    store_a, workshop_id = make_workshop(tmp_path, groups=2)
    store_b = open_store(store_url(tmp_path), author="second-facilitator")
    a, b = WorkshopSession(store_a, workshop_id), WorkshopSession(store_b, workshop_id)
    assert a.author != b.author
    table = a.groups[0].id
    seen: list[Any] = []
    b.sig_event.connect(seen.append)
    vote = a.record_choice(table, "s4")
    assert vote is not None
    qtbot.waitUntil(lambda: any(e.id == vote.id for e in seen), timeout=1000)
    assert b.sequence_state().answer(table, "q01").option == "s4"  # type: ignore[union-attr]
    compass = b.compass()
    assert compass is not None and compass.groups[table].coverage > 0
    assert not b.can_undo()  # nothing of B's to take back
    assert b.undo() is None
    assert store_b.snapshot(workshop_id).sequence_state(b.sequence_id or "").answer(table, "q01") is not None
    store_a.close()
    store_b.close()
