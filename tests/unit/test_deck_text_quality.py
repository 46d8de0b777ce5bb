"""The shipped decks' French: typography (apostrophes, no-break spaces, « »), no anglicisms, lengths a table
can hear read aloud. (Split from test_shipped_decks.py.)"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from core_samples import SHIPPED

from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.core.deck_loader import load_deck


@pytest.fixture(scope="module")
def decks() -> dict[str, QuestionDeck | StrategyDeck]:
    return {deck_id: load_deck(path) for deck_id, path in SHIPPED.items()}


def _texts(value: object, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _texts(item, f"{path}[{i}]")


def _prose(decks: dict[str, Any]) -> Iterator[tuple[str, str]]:
    skip = re.compile(
        r"(\.|^)(id|colour|key|lever|mechanic|delay|source|language|version|requires\[\d+\]|"
        r"excludes\[\d+\]|budget_unit)$"
    )
    for deck_id, deck in decks.items():
        for path, text in _texts(deck.model_dump(mode="json")):
            if not skip.search(path):
                yield f"{deck_id}:{path}", text


def typography_problems(text: str) -> list[str]:
    checks = {
        "straight apostrophe (use ’)": "'" in text,
        "straight quote (use « »)": '"' in text,
        "three dots (use …)": "..." in text,
        "ordinary space before ; : ! ? » % or after «": bool(re.search(r" [;:!?»%]|« ", text)),
        "no space before ; : ! ? »": bool(re.search(r"[^\s\u00a0][;!?»]|[^\s\u00a0\d]:", text)),
        "double space": "  " in text,
        "unbalanced « »": text.count("«") != text.count("»"),
        "hyphen used as a minus": bool(re.search(r"(?<![\w-])-\d", text)),
    }
    return [name for name, bad in checks.items() if bad]


@pytest.mark.parametrize(
    "bad",
    ["Qu'est-ce", 'Un "mot"', "Et si...", "Et si ?", "Et si?", "« Oui »", "Relancer:", "par -5 °C", "a  b"],
)
def test_typography_check_catches_mistakes(bad: str) -> None:
    assert typography_problems(bad)


def test_french_typography(decks: dict[str, Any]) -> None:
    problems = [
        f"{where}: {problem}: {text[:60]}…"
        for where, text in _prose(decks)
        for problem in typography_problems(text)
    ]
    assert problems == []


def test_no_anglicisms(decks: dict[str, Any]) -> None:
    words = {
        "challenge",
        "impacter",
        "process",
        "feedback",
        "workshop",
        "meeting",
        "deadline",
        "email",
        "mail",
        "manager",
        "focus",
        "best practice",
        "stakeholder",
        "checklist",
        "planning",
        "timing",
    }
    found = [
        (where, w)
        for where, text in _prose(decks)
        for w in words
        if re.search(rf"\b{w}\b", text, flags=re.IGNORECASE)
    ]
    assert found == []


def test_every_card_has_help_and_reasonable_lengths(decks: dict[str, Any]) -> None:
    for deck in decks.values():
        for card in deck.cards:
            assert card.help, f"{deck.id}:{card.id}"
            assert 80 <= len(card.prompt) <= 700, f"{deck.id}:{card.id}"
            assert 60 <= len(card.help) <= 500, f"{deck.id}:{card.id}"
