"""The history in words and the state at any moment, without Qt."""

from __future__ import annotations

from core_samples import SEQ, Log

from workshop_app.core.events import EventKind
from workshop_app.core.state import fold
from workshop_app.services.history import filter_rows, history_rows, state_at

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
        "réponse", "Les Coteaux", "Et si la canicule…", "En cours — « On a un plan canicule »")
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
