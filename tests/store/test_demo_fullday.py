"""`atelier demo --full-day`: the workshop the export benchmark measures, with the size it promises."""

from __future__ import annotations

import pytest

from workshop_app.cli import main
from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.core.events import EventKind
from workshop_app.store import open_store


def test_full_day_has_12_tables_x_33_cards_each_argued_and_noted(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--full-day"]) == 0
    workshop_id = capsys.readouterr().out.split()[-1]
    with open_store() as store:
        snapshot = store.snapshot(workshop_id)
    assert len(snapshot.groups) == 12 and len(snapshot.actions) == 20
    questions, strategy = (s for s in sorted(snapshot.sequences, key=lambda s: s.position))
    assert isinstance(questions.deck, QuestionDeck) and len(questions.deck.cards) == 33
    assert isinstance(strategy.deck, StrategyDeck)
    state = snapshot.sequence_state(questions.id)
    cells = [(g.id, c.id) for g in snapshot.groups for c in questions.deck.cards]
    answered = [(g, c) for g, c in cells if state.answer(g, c)]
    assert len(answered) >= 0.95 * 12 * 33
    assert all(state.answer(g, c).argument for g, c in answered)  # type: ignore[union-attr]
    noted = {(e.group_id, e.card_id) for e in snapshot.events if e.kind is EventKind.NOTE_ADDED}
    assert set(answered) <= noted
    assert len(snapshot.sequence_state(strategy.id).picks) == 12  # every table played the strategy round
    seqs = [e.seq for e in snapshot.events]
    assert seqs == list(range(1, len(seqs) + 1))


def test_full_day_debrief_counts_its_twelve_tables() -> None:
    from workshop_app.store import demo
    from workshop_app.store.demo_fullday import FULL_DAY_SEED, build_full_day_snapshot

    qdeck = demo._find(demo.QUESTIONS_DECK, QuestionDeck)
    sdeck = demo._find(demo.STRATEGY_DECK, StrategyDeck)
    snapshot = build_full_day_snapshot(qdeck, sdeck, FULL_DAY_SEED)
    assert len(snapshot.groups) == 12
    assert snapshot.debrief.happened.startswith("Les douze tables ont répondu")
    assert "quatre" not in snapshot.debrief.happened
    assert demo.build_demo_snapshot(qdeck, sdeck).debrief.happened.startswith("Les quatre tables")
