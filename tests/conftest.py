"""Shared test set-up: Qt offscreen, a private ATELIER_HOME for every test, paths to the shipped decks."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "scenarios"


@pytest.fixture(autouse=True)
def atelier_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own home: no test ever touches the user's real data folder."""
    home = tmp_path / "atelier-home"
    home.mkdir()
    monkeypatch.setenv("ATELIER_HOME", str(home))
    monkeypatch.delenv("ATELIER_DATABASE_URL", raising=False)
    yield home


@pytest.fixture
def scenarios_dir() -> Path:
    return SCENARIOS


# -- the PostgreSQL leg says whether it ran ------------------------------------------------------------------
# The store tests run a second time on PostgreSQL when ATELIER_TEST_POSTGRES_URL is set (in CI,
# scripts/ci-postgres.sh sets it). Without this summary that leg could vanish silently and CI stay green.
_POSTGRES = {"passed": 0, "failed": 0, "skipped": 0}


def _postgres_where() -> str:
    url = os.environ.get("ATELIER_TEST_POSTGRES_URL", "")
    if not url:
        return ""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def pytest_report_header(config: pytest.Config) -> str:
    where = _postgres_where()
    if where:
        return f"PostgreSQL leg: on ({where})"
    return "PostgreSQL leg: OFF (ATELIER_TEST_POSTGRES_URL is not set: the store tests run on SQLite only)"


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    params = report.nodeid.partition("[")[2]
    if "postgres" in params and (report.when == "call" or report.outcome != "passed"):
        _POSTGRES[report.outcome] = _POSTGRES.get(report.outcome, 0) + 1


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    where = _postgres_where()
    ran = _POSTGRES["passed"] + _POSTGRES["failed"]
    if not where:
        line = "PostgreSQL leg: did NOT run (ATELIER_TEST_POSTGRES_URL unset: see scripts/ci-postgres.sh)"
    elif ran == 0:
        line = f"PostgreSQL leg: no PostgreSQL test was selected ({where})"
    else:
        line = (
            f"PostgreSQL leg: {ran} tests ran on {where}: {_POSTGRES['passed']} passed, "
            f"{_POSTGRES['failed']} failed, {_POSTGRES['skipped']} skipped"
        )
    terminalreporter.write_sep("-", line)
