"""Store fixtures: a real database per test — an SQLite file in a temporary folder, and, when
``ATELIER_TEST_POSTGRES_URL`` is set, the same tests again on PostgreSQL (one schema per test, dropped
afterwards)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from store_decks import question_deck, strategy_deck

from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.store import WorkshopStore, open_store

POSTGRES_URL = os.environ.get("ATELIER_TEST_POSTGRES_URL", "")
BACKENDS = ["sqlite"] + (["postgres"] if POSTGRES_URL else [])


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'atelier.sqlite3'}"
        return
    yield from postgres_schema_url()


def postgres_schema_url() -> Iterator[str]:
    """A fresh schema on the test server; the URL sets ``search_path`` to it. Dropped afterwards."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    schema = f"atelier_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
        url = make_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        admin.dispose()


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
