"""pyproject.toml declares what the code imports, and imports what it declares (deptry's DEP001-003, by hand).

A dependency used only indirectly (tzdata through zoneinfo, rl-accel through reportlab[accel]) is listed
with the reason. The About box lists every declared runtime dependency.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from pathlib import Path

from workshop_app.components import components

ROOT = Path(__file__).resolve().parents[2]
# import name → distribution name (lower case, as in pyproject.toml)
DISTRIBUTION_OF = {
    "PySide6": "pyside6-essentials",
    "PIL": "pillow",
    "yaml": "pyyaml",
    "docx": "python-docx",
    "python_calamine": "python-calamine",
}
USED_WITHOUT_IMPORT = {
    "tzdata": "zoneinfo reads Europe/Paris from it where the system has no tz database (Windows)",
}


def declared() -> set[str]:
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    return {re.match(r"[A-Za-z0-9_.\-]+", d).group(0).lower() for d in deps}  # type: ignore[union-attr]


def imported() -> dict[str, str]:
    """Third-party top-level imports of workshop_app → one file importing it."""
    found: dict[str, str] = {}
    for path in (ROOT / "workshop_app").rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top not in ("workshop_app", "__future__"):
                    found.setdefault(top, str(path.relative_to(ROOT)))
    return found


def test_every_imported_library_is_declared() -> None:
    missing = {
        top: where
        for top, where in imported().items()
        if DISTRIBUTION_OF.get(top, top).lower() not in declared()
    }
    assert missing == {}, f"imported but not declared in pyproject.toml: {missing}"


def test_every_declared_library_is_used() -> None:
    used = {DISTRIBUTION_OF.get(top, top).lower() for top in imported()} | set(USED_WITHOUT_IMPORT)
    assert declared() - used == set(), "declared in pyproject.toml but imported nowhere"


def test_the_about_box_lists_every_runtime_dependency() -> None:
    assert declared() <= {c.distribution for c in components(include_missing=True)}
