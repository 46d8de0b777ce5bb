"""A wheel of the project carries the shipped decks, fonts, icons and migrations (``workshop_app/_data``)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def test_wheel_ships_data_and_migrations(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    (wheel,) = tmp_path.glob("atelier_resilience-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped_decks = {p.name for p in (ROOT / "scenarios").glob("*.yaml")}
    assert shipped_decks, "no deck in scenarios/"
    for deck in shipped_decks:
        assert f"workshop_app/_data/scenarios/{deck}" in names
    assert "workshop_app/_data/scenarios/deck.schema.json" in names
    assert "workshop_app/_data/resources/fonts/DejaVuSans.ttf" in names
    assert "workshop_app/_data/resources/icons/atelier.svg" in names
    assert "workshop_app/store/migrations/script.py.mako" in names
    assert any(n.startswith("workshop_app/store/migrations/versions/") for n in names)
