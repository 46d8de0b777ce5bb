"""import_snapshot moves a workshop between databases: same UUIDs, idempotent, only what is new is added."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.core.errors import AtelierError
from workshop_app.core.state import history
from workshop_app.core.workshop import Debrief, WorkshopSnapshot
from workshop_app.store import WorkshopStore, open_store


@pytest.fixture
def laptop(tmp_path: Path) -> Iterator[WorkshopStore]:
    """A second database: the laptop the workshop is moved to."""
    with open_store(f"sqlite:///{tmp_path / 'laptop-2.sqlite3'}") as other:
        yield other


def _played(store: WorkshopStore, qdeck: QuestionDeck, sdeck: StrategyDeck) -> tuple[str, bytes]:
    w = store.create_workshop(
        "Atelier", territory="Valmont-sur-Oise", date=date(2025, 3, 13), fixed_points="F"
    )
    seq = store.add_sequence(w.id, qdeck, 60)
    strat = store.add_sequence(w.id, sdeck)
    g1, g2 = store.add_group(w.id, "T1"), store.add_group(w.id, "T2")
    store.add_participant(w.id, name="Claire", service="CCAS", group_id=g1.id)
    store.record_choice(w.id, seq.id, g1.id, "q1", "3", "Argument")
    store.record_choice(w.id, seq.id, g2.id, "q1", "nc")
    store.undo(w.id)
    store.pick_card(w.id, strat.id, g2.id, "s1")
    store.add_note(w.id, "Note générale")
    store.set_debrief(w.id, Debrief(strengths=("Gouvernance",)))
    store.add_action(w.id, "Agir", owner="DGS", deadline=date(2025, 9, 1), lever_id="1.1")
    photo = b"\xff\xd8\xff" + bytes(range(200))
    store.add_attachment(w.id, "photo.jpg", photo, caption="Tableau")
    return w.id, photo


def _comparable(snap: WorkshopSnapshot) -> WorkshopSnapshot:
    return dataclasses.replace(snap, info=dataclasses.replace(snap.info, created_at=None, updated_at=None))


def test_import_keeps_everything_and_is_idempotent(
    store: WorkshopStore, laptop: WorkshopStore, qdeck: QuestionDeck, sdeck: StrategyDeck
) -> None:
    wid, photo = _played(store, qdeck, sdeck)
    original = store.snapshot(wid)
    data = {a.id: store.attachment_data(a.id) for a in original.attachments}
    assert laptop.import_snapshot(original, data) is True
    moved = laptop.snapshot(wid)
    assert _comparable(moved) == _comparable(original)
    assert laptop.attachment_data(original.attachments[0].id) == photo
    assert laptop.import_snapshot(original, data) is False  # twice: nothing changes
    assert laptop.snapshot(wid).events == original.events


def test_import_of_a_newer_bundle_adds_only_what_is_new(
    store: WorkshopStore, laptop: WorkshopStore, qdeck: QuestionDeck, sdeck: StrategyDeck
) -> None:
    wid, _photo = _played(store, qdeck, sdeck)
    first = store.snapshot(wid)
    data = {a.id: store.attachment_data(a.id) for a in first.attachments}
    laptop.import_snapshot(first, data)
    group = first.groups[0].id
    store.record_choice(wid, first.sequences[0].id, group, "q2", "4")
    g3 = store.add_group(wid, "T3")
    assert laptop.import_snapshot(store.snapshot(wid), data) is True
    moved = laptop.snapshot(wid)
    assert [e.seq for e in moved.events] == [e.seq for e in store.snapshot(wid).events]
    assert g3.id in [g.id for g in moved.groups]


def test_import_refuses_missing_or_damaged_attachments(
    store: WorkshopStore, laptop: WorkshopStore, qdeck: QuestionDeck, sdeck: StrategyDeck
) -> None:
    wid, photo = _played(store, qdeck, sdeck)
    snap = store.snapshot(wid)
    with pytest.raises(AtelierError, match="manque"):
        laptop.import_snapshot(snap, {})
    with pytest.raises(AtelierError, match="abîmée"):
        laptop.import_snapshot(snap, {snap.attachments[0].id: photo + b"!"})
    assert laptop.list_workshops() == []  # nothing half-imported


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["choice", "withdraw", "undo", "redo", "note", "show"]), max_size=25))
def test_returned_events_are_the_stored_ones(
    store: WorkshopStore, qdeck: QuestionDeck, operations: list[str]
) -> None:
    w = store.create_workshop("Propriété")
    seq = store.add_sequence(w.id, qdeck)
    g = store.add_group(w.id, "T1")
    returned = []
    for i, op in enumerate(operations):
        card = qdeck.cards[i % len(qdeck.cards)].id
        expected = history(store.events(w.id))
        if op == "choice":
            returned.append(store.record_choice(w.id, seq.id, g.id, card, str(i % 5)))
        elif op == "withdraw":
            returned.append(store.withdraw_choice(w.id, seq.id, g.id, card))
        elif op == "note":
            returned.append(store.add_note(w.id, f"note {i}", sequence_id=seq.id))
        elif op == "show":
            returned.append(store.show_card(w.id, seq.id, card))
        else:
            event = store.undo(w.id) if op == "undo" else store.redo(w.id)
            target = expected.undo_target if op == "undo" else expected.redo_target
            assert (event is None) == (target is None)
            if event is not None:
                assert event.target == target
                returned.append(event)
    assert store.events(w.id) == returned
    assert [e.seq for e in returned] == list(range(1, len(returned) + 1))
