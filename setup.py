"""Ships the top-level ``scenarios/`` and ``resources/`` inside wheels as ``workshop_app/_data/``.

The project's layout keeps decks and resources at the top level (they are data, edited by non-programmers);
``workshop_app.paths.resource_path`` looks there in a checkout and in ``_data`` in an installed wheel.
Everything else is declared in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
DATA_FOLDERS = ("scenarios", "resources")


class BuildPyWithData(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the checkout's folders directly
        target = Path(self.build_lib) / "workshop_app" / "_data"
        for folder in DATA_FOLDERS:
            destination = target / folder
            if destination.exists():
                shutil.rmtree(destination)
            shutil.copytree(ROOT / folder, destination, ignore=shutil.ignore_patterns("__pycache__"))


setup(cmdclass={"build_py": BuildPyWithData})
