"""Fixtures for the export tests: snapshots built without a database (see ``export_factory``)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(autouse=True)
def _invariant_pdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Byte-stable PDFs (no creation date, fixed ids) in every export test."""
    from reportlab import rl_config

    monkeypatch.setattr(rl_config, "invariant", 1)
