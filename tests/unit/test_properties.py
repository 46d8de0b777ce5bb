"""Property tests (hypothesis): bounds of the scores, undo/redo, and order independence of the fold."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from core_samples import SEQ, SHIPPED, Log, question_deck, strategy_deck
from hypothesis import given, settings
from hypothesis import strategies as st

from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.core.deck_loader import load_deck
from workshop_app.core.events import UNDOABLE, EventKind
from workshop_app.core.scoring import CompassReading, GroupReading, score
from workshop_app.core.state import WorkshopState, apply_event, fold, history

GROUPS = ["g1", "g2", "g3"]
ETSI = load_deck(SHIPPED["et-si-33"])
NATURE = load_deck(SHIPPED["nature-en-ville"])
MINI_Q = question_deck()
MINI_S = strategy_deck()
assert isinstance(ETSI, QuestionDeck) and isinstance(NATURE, StrategyDeck)

Action = tuple[Any, ...]


def _question_action(deck: QuestionDeck, with_history: bool) -> st.SearchStrategy[Action]:
    group = st.sampled_from(GROUPS)
    card = st.sampled_from([c.id for c in deck.cards])
    option = st.sampled_from([o.id for o in deck.scale] + ["inconnu"])
    actions = [
        st.tuples(st.just("choose"), group, card, option),
        st.tuples(st.just("withdraw"), group, card),
        st.tuples(st.just("argue"), group, card, st.text(max_size=3)),
        st.tuples(st.just("show"), card),
        st.tuples(st.just("note"), group, card),
        st.tuples(st.just("reveal"), st.booleans()),
    ]
    if with_history:
        target = st.one_of(st.just("latest"), st.none(), st.integers(min_value=-1, max_value=80))
        actions += [st.tuples(st.just("undo"), target), st.tuples(st.just("redo"), target)]
    return st.one_of(actions)


def _strategy_action(deck: StrategyDeck, with_history: bool) -> st.SearchStrategy[Action]:
    group = st.sampled_from(GROUPS)
    card = st.sampled_from([c.id for c in deck.cards] + ["retiree"])
    actions = [
        st.tuples(st.just("pick"), group, card),
        st.tuples(st.just("pick"), group, card),
        st.tuples(st.just("drop"), group, card),
        st.tuples(st.just("argue"), group, card, st.text(max_size=3)),
    ]
    if with_history:
        target = st.one_of(st.just("latest"), st.none(), st.integers(min_value=-1, max_value=80))
        actions += [st.tuples(st.just("undo"), target), st.tuples(st.just("redo"), target)]
    return st.one_of(actions)


def play(actions: Sequence[Action], log: Log | None = None) -> Log:
    log = log or Log()
    for action in actions:
        kind, *args = action
        if kind == "choose":
            log.choose(*args)
        elif kind == "withdraw":
            log.withdraw(*args)
        elif kind == "argue":
            log.argue(*args)
        elif kind == "pick":
            log.pick(*args)
        elif kind == "drop":
            log.drop(*args)
        elif kind == "show":
            log.show(*args)
        elif kind == "note":
            log.add(EventKind.NOTE_ADDED, args[0], args[1], text="note")
        elif kind == "reveal":
            log.add(EventKind.RESULTS_REVEALED if args[0] else EventKind.RESULTS_HIDDEN)
        elif kind in ("undo", "redo"):
            target = args[0]
            if target == "latest":
                h = history(log.events)
                target = h.undo_target if kind == "undo" else h.redo_target
            (log.undo if kind == "undo" else log.redo)(target)
        else:  # pragma: no cover - a typo in a strategy above
            raise AssertionError(kind)
    return log


def _check_bounds(reading: CompassReading) -> None:
    for group in [*reading.groups.values(), reading.room]:
        assert 0.0 <= group.coverage <= 1.0
        for s in [*group.axes.values(), *group.levers.values()]:
            assert s.score is None or 0.0 <= s.score <= 100.0
            assert 0.0 <= s.coverage <= 1.0
            assert 0 <= s.not_concerned <= s.answered <= s.total


def _without_last_seq(state: WorkshopState) -> WorkshopState:
    return dataclasses.replace(state, last_seq=0)


def _scores(reading: CompassReading) -> dict[str, Any]:
    """Everything a screen shows; violations as a set (their order follows the picks, not their names)."""

    def one(group: GroupReading) -> Any:
        budget = group.budget
        return (
            dict(group.axes),
            dict(group.levers),
            group.coverage,
            None if budget is None else (budget.budget, budget.spent, frozenset(budget.violations)),
        )

    return {"room": one(reading.room), **{g: one(r) for g, r in reading.groups.items()}}


# -- bounds


@given(st.lists(_question_action(ETSI, with_history=True), max_size=60))
def test_question_scores_are_bounded(actions: list[Action]) -> None:
    state = fold(play(actions).events).sequence(SEQ)
    _check_bounds(score(ETSI, state, GROUPS))


@given(st.lists(_question_action(MINI_Q, with_history=True), max_size=40))
def test_mini_question_scores_are_bounded(actions: list[Action]) -> None:
    state = fold(play(actions).events).sequence(SEQ)
    _check_bounds(score(MINI_Q, state, GROUPS))


@given(st.lists(_strategy_action(NATURE, with_history=True), max_size=60))
def test_strategy_scores_are_bounded(actions: list[Action]) -> None:
    state = fold(play(actions).events).sequence(SEQ)
    reading = score(NATURE, state, GROUPS)
    _check_bounds(reading)
    for group_id, group in reading.groups.items():
        assert group.budget is not None
        assert group.budget.spent == sum(
            NATURE.card(c).cost for c in state.picked(group_id) if c != "retiree"
        )


@given(st.lists(_strategy_action(MINI_S, with_history=True), max_size=40))
def test_mini_strategy_scores_are_bounded(actions: list[Action]) -> None:
    state = fold(play(actions).events).sequence(SEQ)
    _check_bounds(score(MINI_S, state, GROUPS))


# -- undo / redo


@settings(max_examples=150)
@given(st.lists(_question_action(MINI_Q, with_history=False), min_size=1, max_size=25), st.data())
def test_undo_then_redo_restores_the_state(actions: list[Action], data: st.DataObject) -> None:
    log = play(actions)
    before = _without_last_seq(fold(log.events))
    undoable = [e for e in log.events if e.kind in UNDOABLE]
    count = data.draw(st.integers(min_value=0, max_value=len(undoable)))
    for _ in range(count):
        target = history(log.events).undo_target
        assert target is not None
        log.undo(target)
    # k undos take back exactly the k latest undoable events…
    taken_back = {e.seq for e in undoable[len(undoable) - count :]}
    kept = [e for e in log.events if e.seq not in taken_back and e.kind not in (EventKind.UNDO,)]
    assert _without_last_seq(fold(log.events)) == _without_last_seq(fold(kept))
    # …and k redos put everything back.
    for _ in range(count):
        target = history(log.events).redo_target
        assert target is not None
        log.redo(target)
    assert history(log.events).redo_target is None
    assert _without_last_seq(fold(log.events)) == before


@given(
    st.lists(_question_action(MINI_Q, with_history=False), min_size=1, max_size=20),
    _question_action(MINI_Q, with_history=False).filter(lambda action: action[0] not in ("show", "reveal")),
)
def test_redo_after_a_new_event_does_nothing(actions: list[Action], new: Action) -> None:
    log = play(actions)
    target = history(log.events).undo_target
    if target is None:  # only navigation so far: nothing to undo
        return
    undo = log.undo(target)
    play([new], log)  # a new undoable event (a choice, a note…)
    assert log.events[-1].kind in UNDOABLE
    assert history(log.events).redo_target is None
    after_new = _without_last_seq(fold(log.events))
    log.redo(undo.key)
    assert _without_last_seq(fold(log.events)) == after_new


@given(st.lists(_question_action(MINI_Q, with_history=True), max_size=30))
def test_history_targets_are_real_events(actions: list[Action]) -> None:
    log = play(actions)
    h = history(log.events)
    by_key = {e.key: e for e in log.events}
    if h.undo_target is not None:
        assert by_key[h.undo_target].kind in UNDOABLE
        assert h.undo_target not in h.cancelled
    if h.redo_target is not None:
        assert by_key[h.redo_target].kind is EventKind.UNDO


# -- order independence


def _per_pair_question_actions() -> st.SearchStrategy[dict[tuple[str, str], list[Action]]]:
    pair = st.tuples(st.sampled_from(GROUPS), st.sampled_from([c.id for c in ETSI.cards]))
    step = st.one_of(
        st.tuples(st.just("choose"), st.sampled_from([o.id for o in ETSI.scale])),
        st.tuples(st.just("withdraw")),
        st.tuples(st.just("argue"), st.sampled_from(["a", "b"])),
    )
    return st.dictionaries(pair, st.lists(step, min_size=1, max_size=4), max_size=8)


def _interleave(per_pair: dict[tuple[str, str], list[Action]], order: list[int]) -> list[Action]:
    """Merge the pairs' lists following ``order`` (indices into the pairs), keeping each list's own order."""
    queues = {pair: list(steps) for pair, steps in per_pair.items()}
    pairs = list(per_pair)
    merged: list[Action] = []
    for index in order:
        pair = pairs[index]
        kind, *rest = queues[pair].pop(0)
        merged.append((kind, *pair, *rest))
    return merged


def _tokens(per_pair: dict[tuple[str, str], list[Action]]) -> list[int]:
    return [i for i, steps in enumerate(per_pair.values()) for _ in steps]


@given(_per_pair_question_actions(), st.data())
def test_order_of_unrelated_answers_does_not_change_scores(
    per_pair: dict[tuple[str, str], list[Action]], data: st.DataObject
) -> None:
    tokens = _tokens(per_pair)
    shuffled = data.draw(st.permutations(tokens))
    one = fold(play(_interleave(per_pair, tokens)).events).sequence(SEQ)
    other = fold(play(_interleave(per_pair, shuffled)).events).sequence(SEQ)
    assert {k: (a.option, a.argument) for k, a in one.answers.items()} == {
        k: (a.option, a.argument) for k, a in other.answers.items()
    }
    assert _scores(score(ETSI, one, GROUPS)) == _scores(score(ETSI, other, GROUPS))


def _per_pair_strategy_actions() -> st.SearchStrategy[dict[tuple[str, str], list[Action]]]:
    pair = st.tuples(st.sampled_from(GROUPS), st.sampled_from([c.id for c in NATURE.cards]))
    step = st.one_of(st.tuples(st.just("pick")), st.tuples(st.just("drop")))
    return st.dictionaries(pair, st.lists(step, min_size=1, max_size=4), max_size=12)


@given(_per_pair_strategy_actions(), st.data())
def test_order_of_unrelated_picks_does_not_change_scores(
    per_pair: dict[tuple[str, str], list[Action]], data: st.DataObject
) -> None:
    tokens = _tokens(per_pair)
    shuffled = data.draw(st.permutations(tokens))
    one = fold(play(_interleave(per_pair, tokens)).events).sequence(SEQ)
    other = fold(play(_interleave(per_pair, shuffled)).events).sequence(SEQ)
    assert _scores(score(NATURE, one, GROUPS)) == _scores(score(NATURE, other, GROUPS))


# -- the UI folds new events one by one


@given(st.lists(_question_action(MINI_Q, with_history=False), max_size=30))
def test_applying_events_one_by_one_equals_the_fold(actions: list[Action]) -> None:
    """The play screen applies each new event to its state instead of folding again (ui/session.py)."""
    log = play(actions)
    incremental = WorkshopState()
    for event in log.events:
        apply_event(incremental, event)
    assert incremental == fold(log.events)
