"""The demo workshop: complete, coherent and deterministic; and the CLI that creates and lists it."""

from __future__ import annotations

from pathlib import Path

import pytest
from store_decks import boussole_like_deck

from workshop_app.cli import main
from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.core.events import EventKind
from workshop_app.core.scoring import ROOM
from workshop_app.store import WorkshopStore, create_demo_workshop
from workshop_app.store.demo import build_demo_snapshot


def _shipped() -> tuple[QuestionDeck, StrategyDeck] | None:
    from workshop_app.core.catalogue import find_deck

    try:
        q, s = find_deck("et-si-33"), find_deck("nature-en-ville")
    except KeyError:
        return None
    assert isinstance(q, QuestionDeck) and isinstance(s, StrategyDeck)
    return q, s


@pytest.fixture(params=["test-decks", "shipped-decks"])
def decks(
    request: pytest.FixtureRequest, qdeck: QuestionDeck, sdeck: StrategyDeck
) -> tuple[QuestionDeck, StrategyDeck]:
    if request.param == "test-decks":
        return boussole_like_deck(33), sdeck
    shipped = _shipped()
    assert shipped is not None, "scenarios/et-si-33.yaml and nature-en-ville.yaml are shipped: they must load"
    return shipped


def test_demo_is_complete_and_coherent(
    store: WorkshopStore, decks: tuple[QuestionDeck, StrategyDeck]
) -> None:
    qdeck, sdeck = decks
    workshop_id = create_demo_workshop(store, questions=qdeck, strategy=sdeck)
    snap = store.snapshot(workshop_id)
    info = snap.info
    assert info.territory == "Valmont-sur-Oise" and info.place.startswith("Salle du conseil")
    assert info.date is not None and info.context and info.objectives and info.fixed_points
    assert len(snap.groups) == 4 and len(snap.participants) >= 16
    assert len({p.service for p in snap.participants}) >= 8
    assert len(snap.actions) == 5 and all(a.owner and a.deadline and a.lever_id for a in snap.actions)
    assert snap.debrief.strengths and snap.debrief.vulnerabilities
    q, s = snap.sequences
    state = snap.state()
    answers = state.sequences[q.id].answers
    assert len(answers) == len(qdeck.cards) * 4  # every card answered by every table
    assert all(a.argument for a in answers.values())
    room = snap.compass(q.id, state).reading(ROOM)
    scores = [v.score for v in room.axes.values() if v.score is not None]
    assert max(scores) - min(scores) > 10  # some principles clearly stronger
    strategy = snap.compass(s.id, state)
    for reading in strategy.groups.values():
        assert reading.budget is not None and not reading.budget.over
    broken = [g for g, r in strategy.groups.items() if r.budget and r.budget.violations]
    if any(c.requires for c in sdeck.cards):
        assert len(broken) == 1  # one table forgot a card's prerequisite: the warning shows
    assert state.sequences[q.id].notes and state.sequences[q.id].revealed
    times = [e.at for e in snap.events]
    assert times == sorted(times) and snap.sequences[0].planned_minutes
    # every timer the demo starts is stopped, under the same scope: none is left running
    running: set[tuple[object, ...]] = set()
    for e in snap.events:
        key = (e.payload.get("scope", "card"), e.sequence_id, e.card_id)
        if e.kind is EventKind.TIMER_STARTED:
            running.add(key)
        elif e.kind is EventKind.TIMER_STOPPED:
            assert key in running, f"{key} stopped but never started"
            running.discard(key)
    assert not running


def test_demo_is_deterministic_and_idempotent(
    store: WorkshopStore, qdeck: QuestionDeck, sdeck: StrategyDeck
) -> None:
    first = build_demo_snapshot(qdeck, sdeck)
    again = build_demo_snapshot(qdeck, sdeck)
    assert first.events == again.events and first.info.id == again.info.id
    assert build_demo_snapshot(qdeck, sdeck, seed=7).info.id != first.info.id
    workshop_id = create_demo_workshop(store, questions=qdeck, strategy=sdeck)
    count = len(store.events(workshop_id))
    assert create_demo_workshop(store, questions=qdeck, strategy=sdeck) == workshop_id
    assert len(store.events(workshop_id)) == count and len(store.list_workshops()) == 1


def test_demo_without_its_decks_says_so(store: WorkshopStore, monkeypatch: pytest.MonkeyPatch) -> None:
    from workshop_app.core.errors import AtelierError

    monkeypatch.setattr("workshop_app.core.catalogue.available_decks", lambda: [])
    with pytest.raises(AtelierError, match="introuvable"):
        create_demo_workshop(store)


def test_cli_demo_and_workshops(
    atelier_home: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    qdeck: QuestionDeck,
    sdeck: StrategyDeck,
) -> None:
    import workshop_app.store.demo as demo

    monkeypatch.setattr(demo, "_find", lambda deck_id, kind: qdeck if kind is QuestionDeck else sdeck)
    assert main(["workshops"]) == 0
    assert "Aucun atelier" in capsys.readouterr().out
    assert main(["demo"]) == 0
    workshop_id = capsys.readouterr().out.strip()
    assert len(workshop_id) == 36 and (atelier_home / "atelier.sqlite3").exists()
    assert main(["workshops"]) == 0
    out = capsys.readouterr().out
    assert workshop_id in out and "Valmont-sur-Oise" in out and "13/03/2025" in out
    assert f"{len(qdeck.cards) * 4 + 4}/{len(qdeck.cards) * 4 + 4}" in out
    other = atelier_home / "autre.sqlite3"
    assert main(["--database", f"sqlite:///{other}", "demo", "--seed", "3"]) == 0
    assert other.exists()
    monkeypatch.delenv("ATELIER_DATABASE_URL")  # back to the home database
    assert main(["workshops", "--delete", "zz"]) == 1  # no such workshop: a French message, nothing deleted
    assert "Aucun atelier ne correspond à « zz »" in capsys.readouterr().err
    assert main(["workshops", "--delete", workshop_id[:8]]) == 0
    assert capsys.readouterr().out.startswith("Atelier supprimé : « ")
    assert main(["workshops"]) == 0
    assert "Aucun atelier" in capsys.readouterr().out
