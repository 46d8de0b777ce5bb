"""Undo per author, as a property of the pure fold: whatever several authors record and undo, and in whatever
order their logs are merged, an undo never cancels another author's entry and every copy folds the same."""

from __future__ import annotations

import random
from datetime import timedelta

from core_samples import SEQ, T0
from hypothesis import given, settings
from hypothesis import strategies as st

from workshop_app.core.events import Event, EventKind
from workshop_app.core.state import fold, history

AUTHORS = ("a", "b", "c")
Step = tuple[str, str, str, str]  # (author, op, group, option)


def _logs(steps: list[Step]) -> list[Event]:
    """Each author's own log, as their store would write it: new events, undo/redo of their own history."""
    merged: list[Event] = []
    for n, (author, op, group, option) in enumerate(steps):
        mine = [e for e in merged if e.author == author]
        at = T0 + timedelta(seconds=n)
        event_id = f"{author}-{n:04d}"
        if op == "choose":
            merged.append(
                Event(
                    n, EventKind.CHOICE_RECORDED, SEQ, group, "c1", {"option": option}, at, event_id, author
                )
            )
            continue
        if op == "steal":  # a crafted undo naming someone else's latest entry: it must change nothing
            theirs = [e for e in merged if e.author != author and e.kind is EventKind.CHOICE_RECORDED]
            if theirs:
                merged.append(
                    Event(
                        n,
                        EventKind.UNDO,
                        payload={"target": theirs[-1].key},
                        at=at,
                        id=event_id,
                        author=author,
                    )
                )
            continue
        target = history(merged, author)
        key = target.undo_target if op == "undo" else target.redo_target
        if key is not None:
            kind = EventKind.UNDO if op == "undo" else EventKind.REDO
            merged.append(Event(n, kind, payload={"target": key}, at=at, id=event_id, author=author))
        assert all(e.author == author for e in mine)
    return merged


STEPS = st.lists(
    st.tuples(
        st.sampled_from(AUTHORS),
        st.sampled_from(["choose", "choose", "undo", "redo", "steal"]),
        st.sampled_from(["g1", "g2"]),
        st.sampled_from(["0", "1", "2", "3", "4"]),
    ),
    max_size=25,
)


@settings(max_examples=150)
@given(STEPS, st.randoms(use_true_random=False))
def test_an_undo_only_ever_cancels_its_own_authors_entry(steps: list[Step], rnd: random.Random) -> None:
    log = _logs(steps)
    by_key = {e.key: e for e in log}
    cancelled = history(log).cancelled
    for key in cancelled:
        target = by_key[key]
        # an undo cancels an entry, a redo cancels an undo: either way, by the entry's own author
        compensating = [e for e in log if e.kind in (EventKind.UNDO, EventKind.REDO) and e.target == key]
        assert compensating and any(c.author == target.author for c in compensating)
    undos = [e for e in log if e.kind is EventKind.UNDO]
    stolen = {e.target for e in undos if by_key[e.target or ""].author != e.author}
    own = {e.target for e in undos if by_key[e.target or ""].author == e.author}
    assert not (stolen - own) & cancelled  # what only a stolen undo named still counts
    shuffled = list(log)
    rnd.shuffle(shuffled)  # another copy received the same events in another order
    assert fold(shuffled).sequences == fold(log).sequences
    for author in AUTHORS:
        next_undo = history(shuffled, author).undo_target
        assert next_undo is None or by_key[next_undo].author == author
