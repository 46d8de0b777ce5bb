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
    with pytest.raises(PlayError, match="inconnue sur l’échelle") as refused:
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


def test_a_criterion_or_table_added_on_the_other_copy_is_seen_with_its_votes(store_url: str) -> None:
    """On one shared database, a criterion co-built (or a table added) by one window reaches the other at its
    next look, with the votes on it: the set-up is read again, not only the events."""
    from pathlib import Path

    from workshop_app.core.deck_loader import load_deck

    grid = load_deck(Path(__file__).resolve().parents[2] / "scenarios" / "grille-decision.yaml")
    assert isinstance(grid, QuestionDeck)
    with open_store(store_url, author="copie-a") as a, open_store(store_url, author="copie-b") as b:
        w = a.create_workshop("Grille partagée")
        table = a.add_group(w.id, "T1")
        sequence = a.add_sequence(w.id, grid, title="Parc inondable")
        left, right = PlaySession(a, w.id), PlaySession(b, w.id)
        cost = a.add_criterion(w.id, grid.id, "Coût pour la commune")
        left.reload()
        left.show_card(cost)
        left.record_choice(table.id, "2")
        assert cost not in [c.id for c in right.sequence(sequence.id).deck.cards]  # type: ignore[union-attr]
        seen = right.refresh()
        assert seen.reloaded and EventKind.CHOICE_RECORDED in [e.kind for e in seen.foreign]
        assert cost in [c.id for c in right.sequence(sequence.id).deck.cards]  # type: ignore[union-attr]
        assert right.sequence_state(sequence.id).answer(table.id, cost).option == "2"  # type: ignore[union-attr]
        other = a.add_group(w.id, "T2")
        left.reload()
        left.record_choice(other.id, "1")
        seen = right.refresh()
        assert seen.reloaded and other.id in [g.id for g in right.groups]
        plain = right.refresh()
        assert not plain.anything and not plain.reloaded  # nothing new: no re-read
        left.record_choice(table.id, "3")
        assert not right.refresh().reloaded  # a vote on what both know: events only


def test_a_failed_re_read_leaves_the_other_copys_events_for_the_next_look(
    store_url: str, qdeck: QuestionDeck, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The database away for a moment while a table added on the other copy is read in: the next look
    still brings that table and its vote (they used to be skipped for good)."""
    from workshop_app.core.errors import AtelierError

    with open_store(store_url, author="copie-a") as a, open_store(store_url, author="copie-b") as b:
        w = a.create_workshop("Atelier partagé")
        sequence = a.add_sequence(w.id, qdeck)
        a.add_group(w.id, "T1")
        left, right = PlaySession(a, w.id), PlaySession(b, w.id)
        other = a.add_group(w.id, "T2")
        left.reload()
        card = left.sequence(sequence.id).deck.cards[0].id  # type: ignore[union-attr]
        left.show_card(card)
        option = qdeck.scale[0].id
        left.record_choice(other.id, option)
        real = right.service.snapshot
        calls = {"n": 0}

        def away_once(workshop_id: str) -> object:
            calls["n"] += 1
            if calls["n"] == 1:
                raise AtelierError("La base de données est momentanément inaccessible.")
            return real(workshop_id)

        monkeypatch.setattr(right.service, "snapshot", away_once)
        with pytest.raises(AtelierError):
            right.refresh()
        seen = right.refresh()  # the next poll
        assert seen.reloaded and other.id in [g.id for g in right.groups]
        answer = right.sequence_state(sequence.id).answer(other.id, card)
        assert answer is not None and answer.option == option
