"""Small decks and an event-log builder shared by the core unit tests (pure Python, no Qt).

The decks are tiny on purpose: every score in ``test_scoring.py`` is computed by hand from them.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.core.deck_loader import deck_from_data
from workshop_app.core.events import Event, EventKind

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "scenarios"
SHIPPED = {
    "et-si-33": SCENARIOS / "et-si-33.yaml",
    "nature-en-ville": SCENARIOS / "nature-en-ville.yaml",
    "boussole-autodiagnostic": SCENARIOS / "boussole-autodiagnostic.yaml",
    "cotation-projet": SCENARIOS / "cotation-projet.yaml",
    "entretiens-boussole": SCENARIOS / "entretiens-boussole.yaml",
    "grille-decision": SCENARIOS / "grille-decision.yaml",
}

SEQ = "s1"
T0 = datetime(2025, 3, 14, 9, 0, tzinfo=UTC)


def question_data() -> dict[str, Any]:
    """Axis A has levers a1 and a2; axis B has no lever (cards inform the axis itself)."""
    return {
        "id": "mini-q",
        "title": "Mini questions",
        "version": "1",
        "mechanic": "questions",
        "compass": {
            "name": "Mini",
            "axes": [
                {
                    "id": "A",
                    "label": "Axe A",
                    "levers": [{"id": "a1", "label": "a1"}, {"id": "a2", "label": "a2"}],
                },
                {"id": "B", "label": "Axe B"},
            ],
        },
        "scale": [
            {"id": "0", "label": "0", "value": 0},
            {"id": "1", "label": "1", "value": 1},
            {"id": "2", "label": "2", "value": 2},
            {"id": "3", "label": "3", "value": 3},
            {"id": "4", "label": "4", "value": 4},
            {"id": "nc", "label": "Non concerné", "value": None},
        ],
        "cards": [
            {"id": "c1", "title": "c1", "prompt": "p", "informs": [{"lever": "a1", "weight": 1}]},
            {
                "id": "c2",
                "title": "c2",
                "prompt": "p",
                "informs": [{"lever": "a1", "weight": 2}, {"lever": "a2", "weight": 1}],
            },
            {"id": "c3", "title": "c3", "prompt": "p", "informs": [{"lever": "B"}]},
        ],
    }


def question_deck() -> QuestionDeck:
    deck = deck_from_data(question_data())
    assert isinstance(deck, QuestionDeck)
    return deck


def strategy_data() -> dict[str, Any]:
    """Budget 10; k2 requires k1; k3 excludes k1; k4 is free; k5 costs more than the whole budget."""

    def card(cid: str, cost: int, effects: dict[str, int], **extra: Any) -> dict[str, Any]:
        return {
            "id": cid,
            "title": f"Carte {cid}",
            "prompt": "p",
            "cost": cost,
            "delay": "court",
            "effects": effects,
            **extra,
        }

    return {
        "id": "mini-s",
        "title": "Mini stratégie",
        "version": "1",
        "mechanic": "strategy",
        "compass": {"name": "Mini", "axes": [{"id": "x", "label": "X"}, {"id": "y", "label": "Y"}]},
        "strategy": {"budget": 10},
        "cards": [
            card("k1", 4, {"x": 2, "y": -1}),
            card("k2", 6, {"x": 1, "y": 2}, requires=["k1"]),
            card("k3", 5, {"x": -2, "y": 1}, excludes=["k1"]),
            card("k4", 0, {"x": 1}),
            card("k5", 12, {"x": 2, "y": 0}),
        ],
    }


def strategy_deck() -> StrategyDeck:
    deck = deck_from_data(strategy_data())
    assert isinstance(deck, StrategyDeck)
    return deck


class Log:
    """Builds an event log the way the store does: increasing ``seq``, one second apart."""

    def __init__(self) -> None:
        self.events: list[Event] = []

    @property
    def next_seq(self) -> int:
        return len(self.events) + 1

    def add(
        self,
        kind: EventKind,
        group: str | None = None,
        card: str | None = None,
        sequence: str | None = SEQ,
        **payload: Any,
    ) -> Event:
        seq = self.next_seq
        event = Event(
            seq=seq,
            kind=kind,
            sequence_id=sequence,
            group_id=group,
            card_id=card,
            payload=dict(payload),
            at=T0 + timedelta(seconds=seq),
        )
        self.events.append(event)
        return event

    def choose(self, group: str, card: str, option: str, argument: str = "") -> Event:
        return self.add(EventKind.CHOICE_RECORDED, group, card, option=option, argument=argument)

    def withdraw(self, group: str, card: str) -> Event:
        return self.add(EventKind.CHOICE_WITHDRAWN, group, card)

    def argue(self, group: str, card: str, argument: str) -> Event:
        return self.add(EventKind.ARGUMENT_SET, group, card, argument=argument)

    def pick(self, group: str, card: str) -> Event:
        return self.add(EventKind.CARD_PICKED, group, card)

    def drop(self, group: str, card: str) -> Event:
        return self.add(EventKind.CARD_DROPPED, group, card)

    def show(self, card: str) -> Event:
        return self.add(EventKind.CARD_SHOWN, None, card)

    def undo(self, target: int | str | None) -> Event:
        return self.add(EventKind.UNDO, sequence=None, target=target)

    def redo(self, target: int | str | None) -> Event:
        return self.add(EventKind.REDO, sequence=None, target=target)
