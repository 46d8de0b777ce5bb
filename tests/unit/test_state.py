"""The fold from the event log to the workshop state, and undo/redo as compensating events."""

from __future__ import annotations

from core_samples import SEQ, T0, Log

from workshop_app.core.events import Event, EventKind, as_utc
from workshop_app.core.state import effective_events, fold, history


def _seq_state(log: Log):
    return fold(log.events).sequence(SEQ)


def test_choice_change_latest_wins() -> None:
    log = Log()
    log.choose("g1", "q01", "1", "On en parle")
    second = log.choose("g1", "q01", "3", "Plan communal testé")
    answer = _seq_state(log).answer("g1", "q01")
    assert answer is not None
    assert (answer.option, answer.argument, answer.seq, answer.at) == (
        "3",
        "Plan communal testé",
        2,
        second.at,
    )


def test_answers_are_per_group_and_card() -> None:
    log = Log()
    log.choose("g1", "q01", "1")
    log.choose("g2", "q01", "4")
    log.choose("g1", "q02", "nc")
    state = _seq_state(log)
    assert {k: a.option for k, a in state.answers.items()} == {
        ("g1", "q01"): "1",
        ("g2", "q01"): "4",
        ("g1", "q02"): "nc",
    }
    assert state.answer("g2", "q02") is None


def test_withdraw_removes_the_choice_then_a_new_choice_counts() -> None:
    log = Log()
    log.choose("g1", "q01", "2")
    log.withdraw("g1", "q01")
    assert _seq_state(log).answer("g1", "q01") is None
    log.choose("g1", "q01", "4")
    answer = _seq_state(log).answer("g1", "q01")
    assert answer is not None and answer.option == "4"


def test_withdraw_without_choice_is_harmless() -> None:
    log = Log()
    log.withdraw("g1", "q01")
    assert _seq_state(log).answers == {}


def test_argument_set_keeps_the_choice() -> None:
    log = Log()
    first = log.choose("g1", "q01", "2", "avant")
    log.argue("g1", "q01", "après")
    answer = _seq_state(log).answer("g1", "q01")
    assert answer is not None
    assert (answer.option, answer.argument, answer.seq, answer.at) == ("2", "après", first.seq, first.at)


def test_argument_without_choice_is_kept_for_strategy_picks() -> None:
    log = Log()
    log.argue("g1", "arbres-rues", "Pour l'ombre dans dix ans")
    state = _seq_state(log)
    assert state.answers == {}
    assert state.pick_arguments == {("g1", "arbres-rues"): "Pour l'ombre dans dix ans"}


def test_picks_and_drops() -> None:
    log = Log()
    log.pick("g1", "a")
    log.pick("g1", "b")
    log.pick("g1", "a")  # picking again keeps the first position
    log.pick("g2", "c")
    assert _seq_state(log).picked("g1") == ["a", "b"]
    log.drop("g1", "a")
    assert _seq_state(log).picked("g1") == ["b"]
    log.pick("g1", "a")  # picked again after a drop: now last
    assert _seq_state(log).picked("g1") == ["b", "a"]
    log.drop("g1", "zzz")  # dropping a card never picked changes nothing
    assert _seq_state(log).picked("g1") == ["b", "a"]
    assert _seq_state(log).picked("g2") == ["c"]
    assert _seq_state(log).picked("nobody") == []


def test_notes_in_a_sequence_and_for_the_whole_workshop() -> None:
    log = Log()
    log.add(EventKind.NOTE_ADDED, "g1", "q01", text="« On n'a jamais fait d'exercice »", author="Animatrice")
    log.add(EventKind.NOTE_ADDED, sequence=None, text="Pause à 10 h 30")
    state = fold(log.events)
    (note,) = state.sequence(SEQ).notes
    assert (note.text, note.author, note.group_id, note.card_id, note.seq) == (
        "« On n'a jamais fait d'exercice »",
        "Animatrice",
        "g1",
        "q01",
        1,
    )
    assert [n.text for n in state.notes] == ["Pause à 10 h 30"]
    assert state.notes[0].author == ""


def test_current_card_and_first_shown_order() -> None:
    log = Log()
    first = log.show("q03")
    log.show("q01")
    log.show("q03")
    state = _seq_state(log)
    assert state.current_card == "q03"
    assert state.cards_shown == ["q03", "q01"]
    assert state.card_first_shown["q03"] == first.at


def test_reveal_hide_and_sequence_times() -> None:
    log = Log()
    started = log.add(EventKind.SEQUENCE_STARTED)
    log.add(EventKind.SEQUENCE_STARTED)  # a second start keeps the first time
    log.add(EventKind.RESULTS_REVEALED)
    assert _seq_state(log).revealed
    log.add(EventKind.RESULTS_HIDDEN)
    ended = log.add(EventKind.SEQUENCE_ENDED)
    state = _seq_state(log)
    assert not state.revealed
    assert state.started_at == started.at
    assert state.ended_at == ended.at


def test_events_are_folded_in_seq_order_whatever_the_input_order() -> None:
    log = Log()
    log.choose("g1", "q01", "1")
    log.choose("g1", "q01", "2")
    answer = fold(list(reversed(log.events))).sequence(SEQ).answer("g1", "q01")
    assert answer is not None and answer.option == "2"
    assert fold(log.events).last_seq == 2
    assert fold([]).last_seq == 0


# -- undo / redo


def test_undo_restores_the_previous_choice() -> None:
    log = Log()
    log.choose("g1", "q01", "1")
    changed = log.choose("g1", "q01", "3")
    assert history(log.events).undo_target == changed.key
    log.undo(changed.seq)
    answer = _seq_state(log).answer("g1", "q01")
    assert answer is not None and answer.option == "1"


def test_undo_twice_then_redo_in_reverse_order() -> None:
    log = Log()
    a = log.choose("g1", "q01", "1")
    b = log.choose("g1", "q02", "2")
    u1 = log.undo(history(log.events).undo_target)
    assert u1.target == b.key
    u2 = log.undo(history(log.events).undo_target)
    assert u2.target == a.key
    assert _seq_state(log).answers == {}
    h = history(log.events)
    assert h.undo_target is None
    assert h.redo_target == u2.key  # redo takes back the latest undo first
    assert h.cancelled == {a.key, b.key}

    log.redo(h.redo_target)
    assert set(_seq_state(log).answers) == {("g1", "q01")}
    h = history(log.events)
    assert h.redo_target == u1.key
    assert h.undo_target == a.key
    log.redo(h.redo_target)
    assert set(_seq_state(log).answers) == {("g1", "q01"), ("g1", "q02")}
    h = history(log.events)
    assert h.redo_target is None
    assert h.undo_target == b.key


def test_new_event_clears_redo() -> None:
    log = Log()
    log.choose("g1", "q01", "1")
    undo = log.undo(history(log.events).undo_target)
    log.choose("g1", "q02", "4")
    assert history(log.events).redo_target is None
    log.redo(undo.seq)  # e.g. a stale Ctrl+Shift+Z: does nothing
    state = _seq_state(log)
    assert state.answer("g1", "q01") is None
    assert state.answer("g1", "q02") is not None


def test_navigation_does_not_clear_redo() -> None:
    log = Log()
    log.choose("g1", "q01", "1")
    undo = log.undo(history(log.events).undo_target)
    log.show("q02")
    log.add(EventKind.TIMER_STARTED, scope="card")
    assert history(log.events).redo_target == undo.key


def test_stale_undos_are_ignored() -> None:
    log = Log()
    shown = log.show("q01")
    choice = log.choose("g1", "q01", "2")
    log.undo(999)  # nothing with that seq
    log.undo(shown.seq)  # showing a card is not undoable
    log.undo(None)
    assert _seq_state(log).answer("g1", "q01") is not None
    log.undo(choice.seq)
    log.undo(choice.seq)  # the same undo merged twice (e.g. from another laptop)
    assert _seq_state(log).answer("g1", "q01") is None
    assert history(log.events).undo_target is None
    assert _seq_state(log).current_card == "q01"


def test_redo_of_an_unknown_undo_is_ignored() -> None:
    log = Log()
    log.choose("g1", "q01", "2")
    u = log.undo(1)
    log.redo(12345)
    log.redo(1)  # the choice itself, not an undo
    assert _seq_state(log).answers == {}
    log.redo(u.seq)
    log.redo(u.seq)  # a second redo of the same undo changes nothing
    assert set(_seq_state(log).answers) == {("g1", "q01")}
    assert history(log.events).redo_target is None


def test_undo_skips_navigation_events() -> None:
    log = Log()
    choice = log.choose("g1", "q01", "2")
    log.show("q02")
    log.add(EventKind.TIMER_STARTED, scope="card")
    assert history(log.events).undo_target == choice.key


def test_undo_a_pick_and_a_withdraw() -> None:
    log = Log()
    log.pick("g1", "a")
    pick_b = log.pick("g1", "b")
    log.undo(pick_b.seq)
    assert _seq_state(log).picked("g1") == ["a"]
    log.choose("g1", "q01", "2")
    withdraw = log.withdraw("g1", "q01")
    log.undo(withdraw.seq)
    answer = _seq_state(log).answer("g1", "q01")
    assert answer is not None and answer.option == "2"


def test_an_undo_of_a_reveal_recorded_by_an_older_version_still_counts() -> None:
    log = Log()
    reveal = log.add(EventKind.RESULTS_REVEALED)
    undo = log.undo(reveal.seq)
    assert not _seq_state(log).revealed
    assert history(log.events).undo_target is None
    log.redo(undo.seq)
    assert _seq_state(log).revealed
    assert history(log.events).undo_target is None  # a redone reveal is still not Ctrl+Z's to take back


def test_reveal_and_hide_are_not_in_the_undo_stack() -> None:
    """Ctrl+Z fixes an answer; it never flips what the projector shows (three undos flipped it before)."""
    log = Log()
    answer = log.choose("g1", "q01", "2")
    for _ in range(3):
        log.add(EventKind.RESULTS_REVEALED)
        log.add(EventKind.RESULTS_HIDDEN)
    log.add(EventKind.RESULTS_REVEALED)
    assert history(log.events).undo_target == answer.key
    log.undo(answer.key)
    state = _seq_state(log)
    assert state.revealed and state.answer("g1", "q01") is None


def test_effective_events_drop_cancelled_and_compensating_events() -> None:
    log = Log()
    a = log.choose("g1", "q01", "1")
    b = log.choose("g1", "q01", "2")
    log.undo(b.seq)
    assert [e.seq for e in effective_events(log.events)] == [a.seq]


def test_as_utc_normalises_naive_and_aware_datetimes() -> None:
    from datetime import datetime, timedelta, timezone

    naive = datetime(2025, 3, 14, 9, 0)
    paris = datetime(2025, 3, 14, 10, 0, tzinfo=timezone(timedelta(hours=1)))
    assert as_utc(naive) == T0
    assert as_utc(paris) == T0
    assert as_utc(paris).tzinfo is not None


def test_event_target_reads_the_payload() -> None:
    assert Event(seq=1, kind=EventKind.UNDO, payload={"target": "e-7"}).target == "e-7"  # an event id
    old = Event(seq=1, kind=EventKind.UNDO, payload={"target": 7})  # a hand-built log: a seq of the same log
    assert old.target == Event(7, EventKind.NOTE_ADDED).key
    assert Event(seq=1, kind=EventKind.UNDO).target is None
