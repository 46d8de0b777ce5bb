"""Store fixtures: a real database per test — an SQLite file in a temporary folder, and, when
``ATELIER_TEST_POSTGRES_URL`` is set, the same tests again on PostgreSQL (one schema per test, dropped
afterwards, see tests/postgres_schema.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from store_decks import question_deck, strategy_deck

from tests.postgres_schema import BACKENDS, postgres_schema_url
from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.store import WorkshopStore, open_store


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'atelier.sqlite3'}"
        return
    yield from postgres_schema_url()


@pytest.fixture
def store(store_url: str) -> Iterator[WorkshopStore]:
    with open_store(store_url) as opened:
        yield opened


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'atelier.sqlite3'}"


@pytest.fixture
def qdeck() -> QuestionDeck:
    return question_deck()


@pytest.fixture
def sdeck() -> StrategyDeck:
    return strategy_deck()
