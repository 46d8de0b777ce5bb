"""The version the app reports is the one the project declares."""

from __future__ import annotations

import tomllib
from importlib.metadata import version
from pathlib import Path

import workshop_app

ROOT = Path(__file__).resolve().parents[2]


def _declared() -> str:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        return str(tomllib.load(fh)["project"]["version"])


def test_package_version_matches_pyproject() -> None:
    assert workshop_app.__version__ == _declared()


def test_installed_metadata_matches_pyproject() -> None:
    # A stale editable install would make the bundle and `atelier --version` disagree with the source.
    assert version("atelier-resilience") == _declared()
