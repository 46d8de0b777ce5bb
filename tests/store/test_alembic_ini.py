"""The developers' alembic.ini works: ``alembic`` upgrades a fresh home and finds nothing left to add."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from workshop_app.store.migrate import head_revision

ROOT = Path(__file__).resolve().parents[2]


def _alembic(home: Path, *args: str) -> str:
    env = {**os.environ, "ATELIER_HOME": str(home)}
    env.pop("ATELIER_DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", "alembic", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


def test_alembic_command_upgrades_a_fresh_home_and_models_match(tmp_path: Path) -> None:
    home = tmp_path / "dev-home"  # does not exist yet
    _alembic(home, "upgrade", "head")
    assert head_revision() in _alembic(home, "current")
    assert "No new upgrade operations detected" in _alembic(home, "check")
