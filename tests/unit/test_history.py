"""The history in words and the state at any moment, without Qt."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

from core_samples import SEQ, Log, question_deck
from hypothesis import given, settings
from hypothesis import strategies as st

from workshop_app.core.events import Event, EventKind
from workshop_app.core.state import fold
from workshop_app.services.history import compass_timeline, filter_rows, history_rows, state_at

GROUPS = {"g1": "Les Coteaux", "g2": "Le Canal"}
CARDS = {(SEQ, "q01"): "Et si la canicule…", (SEQ, "q02"): "Et si la crue…"}
OPTIONS = {(SEQ, "2"): "En cours", (SEQ, "3"): "Avancé"}


def _log() -> Log:
    log = Log()
    log.show("q01")
    log.choose("g1", "q01", "2", argument="On a un plan canicule")
    log.choose("g2", "q01", "3")
    log.add(EventKind.NOTE_ADDED, "g2", "q01", text="Le CCAS appelle les isolés")
    log.show("q02")
    log.choose("g1", "q02", "3")
    return log


def test_every_event_becomes_a_row_in_words() -> None:
    log = _log()
    rows = history_rows(log.events, GROUPS, CARDS, OPTIONS)
    assert len(rows) == len(log.events)
    answer = rows[1]
    assert (answer.what, answer.table, answer.card, answer.detail) == (
        "réponse",
        "Les Coteaux",
        "Et si la canicule…",
        "En cours — « On a un plan canicule »",
    )
    assert rows[3].what == "note" and rows[3].detail == "Le CCAS appelle les isolés"
    assert rows[0].what == "carte affichée" and rows[0].table == ""
    assert rows[0].at.tzinfo is not None


def test_rows_filter_by_kind_table_and_text() -> None:
    rows = history_rows(_log().events, GROUPS, CARDS, OPTIONS)
    answers = filter_rows(rows, kinds=frozenset({EventKind.CHOICE_RECORDED}))
    assert len(answers) == 3
    coteaux = filter_rows(rows, table="Les Coteaux")
    assert [r.card for r in coteaux] == ["Et si la canicule…", "Et si la crue…"]
    assert [r.what for r in filter_rows(rows, text="ccas")] == ["note"]
    assert filter_rows(rows, text="") == rows


def test_the_state_at_any_moment_is_the_fold_of_the_log_so_far() -> None:
    log = _log()
    events = log.events
    first_answer = events[1].seq
    early = state_at(events, first_answer).sequence(SEQ)
    assert set(early.answers) == {("g1", "q01")}
    assert state_at(events, events[-1].seq).sequence(SEQ).answers == fold(events).sequence(SEQ).answers
    undo = log.undo(events[-1].seq)
    before_undo = state_at(log.events, undo.seq - 1).sequence(SEQ)
    assert ("g1", "q02") in before_undo.answers  # the undo had not happened yet
    assert ("g1", "q02") not in state_at(log.events, undo.seq).sequence(SEQ).answers


def _spread(log: Log, minutes: int = 10) -> list[Event]:
    """The log's events, ``minutes`` apart (a real workshop's pace, not one second)."""
    start = log.events[0].at
    return [replace(e, at=start + timedelta(minutes=minutes * i)) for i, e in enumerate(log.events)]


def test_compass_timeline_follows_answers_and_undo() -> None:
    deck = question_deck()
    log = Log()
    log.choose("g1", "c1", "4")  # A: 100 -> overall 100
    log.choose("g1", "c3", "0")  # B: 0 -> overall 50
    log.show("c2")  # not a change: no point
    log.choose("g2", "c3", "4")  # B: 50 -> overall 75
    log.undo(log.events[-1].key)  # back to B 0 -> overall 50
    points = compass_timeline(deck, _spread(log), SEQ, ["g1", "g2"])
    assert [p.overall for p in points] == [100.0, 50.0, 75.0, 50.0]
    assert points[0].axes == {"A": 100.0, "B": None}
    assert points[-1].at - points[0].at == timedelta(minutes=40)
    assert compass_timeline(deck, _spread(log), "another-sequence", ["g1", "g2"]) == []


def test_compass_timeline_reads_at_most_max_points_slices() -> None:
    deck = question_deck()
    log = Log()
    for i in range(300):
        log.choose(f"g{i % 3}", "c1", str(i % 5))
    points = compass_timeline(deck, _spread(log, minutes=2), SEQ, ["g0", "g1", "g2"], max_points=50)
    assert 2 <= len(points) <= 51
    final = fold(log.events).sequence(SEQ)
    from workshop_app.core.scoring import score

    exact = score(deck, final, ["g0", "g1", "g2"]).room.axes["A"].score
    assert points[-1].axes["A"] == exact  # the last point is the compass at the end


def _timeline_by_folding(deck: Any, events: list[Event], group_ids: list[str]) -> list[tuple[Any, ...]]:
    """The chart's readings as the replay defines them, one per change (the events are minutes apart):
    the whole log folded again after each answer, withdrawal, undo or redo; unchanged readings merged."""
    from workshop_app.core.events import ordered
    from workshop_app.core.scoring import QuestionScorer

    log = ordered(events)
    moves = {EventKind.CHOICE_RECORDED, EventKind.CHOICE_WITHDRAWN, EventKind.UNDO, EventKind.REDO}
    scorer = QuestionScorer(deck)
    out: list[tuple[Any, ...]] = []
    for i, event in enumerate(log):
        if event.kind not in moves or event.sequence_id not in (None, SEQ):
            continue
        room = scorer.room_axis_scores(fold(log[: i + 1]).sequence(SEQ), group_ids)
        axes = {a.id: room.get(a.id) for a in deck.compass.axes}
        if (out and out[-1][1] == axes) or (not out and all(v is None for v in axes.values())):
            continue
        out.append((event.at, axes))
    return out


_STEPS = st.lists(
    st.tuples(
        st.sampled_from(["choose", "withdraw", "argue", "note", "other", "undo", "redo"]),
        st.sampled_from(["g1", "g2"]),
        st.sampled_from(["c1", "c2", "c3"]),
        st.sampled_from(["0", "2", "4"]),
        st.sampled_from(["", "ana", "bob"]),  # the author: each undoes only their own entries
        st.integers(min_value=1, max_value=6),
    ),
    min_size=1,
    max_size=40,
)


@settings(max_examples=150, deadline=None)
@given(_STEPS)
def test_the_timeline_replays_only_the_answers_yet_reads_what_the_whole_fold_reads(
    steps: list[tuple[str, str, str, str, str, int]],
) -> None:
    """Undo, redo, notes and another sequence's answers between the readings: each reading (one per
    event here) is the compass of the whole log folded up to it."""
    deck = question_deck()
    log = Log()
    for kind, group, card, option, author, back in steps:
        if kind == "choose":
            log.add(EventKind.CHOICE_RECORDED, group, card, option=option, argument="")
        elif kind == "withdraw":
            log.add(EventKind.CHOICE_WITHDRAWN, group, card)
        elif kind == "argue":
            log.add(EventKind.ARGUMENT_SET, group, card, argument="pourquoi")
        elif kind == "note":
            log.add(EventKind.NOTE_ADDED, group, card, text="une note")
        elif kind == "other":
            log.add(EventKind.CHOICE_RECORDED, group, card, sequence="autre", option=option)
        elif log.events:
            target = log.events[-min(back, len(log.events))].key
            log.add(EventKind.UNDO if kind == "undo" else EventKind.REDO, sequence=None, target=target)
        if log.events:
            log.events[-1] = replace(log.events[-1], author=author)
    if not log.events:
        return
    events = _spread(log, minutes=2)
    points = compass_timeline(deck, events, SEQ, ["g1", "g2"], max_points=10_000)
    assert [(p.at, dict(p.axes)) for p in points] == _timeline_by_folding(deck, events, ["g1", "g2"])


def _timeline_before(deck: Any, events: list[Event], group_ids: list[str], max_points: int) -> list[Any]:
    """``compass_timeline`` as it was until 2026-12-03: after an undo or redo, the undo history of the whole
    log so far worked out again and every answer replayed at the next reading."""
    from workshop_app.core.events import ordered
    from workshop_app.core.scoring import QuestionScorer
    from workshop_app.core.state import WorkshopState, apply_event, history
    from workshop_app.services.history import _ANSWERS, _MOVES, CompassPoint

    log = ordered(events)
    moves = [i for i, e in enumerate(log) if e.kind in _MOVES and e.sequence_id in (None, SEQ)]
    if not moves:
        return []
    first, last = log[moves[0]].at, log[moves[-1]].at
    slice_seconds = max(60.0, (last - first).total_seconds() / max(1, max_points))

    def slice_of(i: int) -> int:
        return int((log[i].at - first).total_seconds() // slice_seconds)

    read_at = {i for i, after in zip(moves, [*moves[1:], None], strict=True)
               if after is None or slice_of(after) != slice_of(i)}  # fmt: skip
    scorer = QuestionScorer(deck)

    def counts(event: Event) -> bool:
        return event.kind in _ANSWERS and event.sequence_id == SEQ

    state, stale, points = WorkshopState(), False, []
    for i, event in enumerate(log[: moves[-1] + 1]):
        if event.kind in (EventKind.UNDO, EventKind.REDO):
            stale = True
        elif not stale and counts(event):
            apply_event(state, event)
        if i not in read_at:
            continue
        if stale:
            cancelled = history(log[: i + 1]).cancelled
            state, stale = WorkshopState(), False
            for earlier in log[: i + 1]:
                if counts(earlier) and earlier.key not in cancelled:
                    apply_event(state, earlier)
        room = scorer.room_axis_scores(state.sequence(SEQ), group_ids)
        values = {a.id: room.get(a.id) for a in deck.compass.axes}
        known = [v for v in values.values() if v is not None]
        overall = sum(known) / len(known) if known else None
        if (points and points[-1].overall == overall and points[-1].axes == values) or (
            not points and overall is None
        ):
            continue
        points.append(CompassPoint(event.at, overall, values))
    return points


@settings(max_examples=150, deadline=None)
@given(_STEPS, st.integers(min_value=1, max_value=12), st.lists(st.integers(min_value=0, max_value=5)))
def test_the_timeline_followed_event_by_event_reads_what_it_read_before(
    steps: list[tuple[str, str, str, str, str, int]], max_points: int, gaps: list[int]
) -> None:
    """Readings at the last change of each slice (several events per slice, undos and redos between two
    readings, answers given again after an undo): the same points, the same floats, as the old timeline's
    whole replay after each undo or redo."""
    deck = question_deck()
    log = Log()
    for kind, group, card, option, author, back in steps:
        if kind in ("choose", "other", "note"):
            sequence = "autre" if kind == "other" else SEQ
            event_kind = EventKind.NOTE_ADDED if kind == "note" else EventKind.CHOICE_RECORDED
            log.add(event_kind, group, card, sequence=sequence, option=option, argument="", text="n")
        elif kind == "withdraw":
            log.add(EventKind.CHOICE_WITHDRAWN, group, card)
        elif kind == "argue":
            log.add(EventKind.ARGUMENT_SET, group, card, argument="pourquoi")
        elif log.events:
            target = log.events[-min(back, len(log.events))].key
            log.add(EventKind.UNDO if kind == "undo" else EventKind.REDO, sequence=None, target=target)
        if log.events:
            log.events[-1] = replace(log.events[-1], author=author)
    if not log.events:
        return
    start = log.events[0].at
    at, events = start, []
    for i, event in enumerate(log.events):  # uneven gaps: some slices hold several changes, some none
        at += timedelta(minutes=gaps[i % len(gaps)] if gaps else 1)
        events.append(replace(event, at=at))
    ours = compass_timeline(deck, events, SEQ, ["g1", "g2"], max_points=max_points)
    before = _timeline_before(deck, events, ["g1", "g2"], max_points)

    def readings(points: list[Any]) -> list[tuple[Any, ...]]:
        return [(p.at, p.overall, dict(p.axes)) for p in points]

    assert readings(ours) == readings(before)


@settings(max_examples=150, deadline=None)
@given(_STEPS)
def test_the_undo_history_followed_event_by_event_is_the_history_of_each_prefix(
    steps: list[tuple[str, str, str, str, str, int]],
) -> None:
    from workshop_app.core.events import ordered
    from workshop_app.core.state import UndoReplay, history

    log = Log()
    for kind, group, card, option, author, back in steps:
        if kind in ("undo", "redo") and log.events:
            target = log.events[-min(back, len(log.events))].key
            log.add(EventKind.UNDO if kind == "undo" else EventKind.REDO, sequence=None, target=target)
        elif kind == "note":
            log.add(EventKind.RESULTS_REVEALED, sequence=SEQ)  # undoable by an older version only
        else:
            log.add(EventKind.CHOICE_RECORDED, group, card, option=option, argument="")
        log.events[-1] = replace(log.events[-1], author=author)
    events = ordered(_spread(log, minutes=2))
    replay = UndoReplay()
    for i, event in enumerate(events):
        before = frozenset(replay.cancelled)
        changed = replay.add(event)
        assert before ^ replay.cancelled <= set(changed)  # it says which keys it may have changed
        for author in (None, "", "ana", "bob"):
            assert replay.result(author) == history(events[: i + 1], author)
