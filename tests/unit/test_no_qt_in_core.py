"""core, store and export never import Qt or pyqtgraph: checked in their source, and by importing core."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from core_samples import ROOT

FORBIDDEN = {"PySide6", "shiboken6", "pyqtgraph", "PyQt5", "PyQt6", "PySide2", "qtpy"}
PURE_PACKAGES = ("core", "store", "export", "services")
PACKAGE = ROOT / "workshop_app"


def forbidden_imports(source: str, filename: str = "<source>") -> list[tuple[int, str]]:
    """(line, module) for every import of a forbidden top-level package, including import_module("…")."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source, filename)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called in ("import_module", "__import__") and isinstance(node.args[0].value, str):
                names = [node.args[0].value]
        found += [(node.lineno, name) for name in names if name.split(".")[0] in FORBIDDEN]
    return found


def _sources() -> Iterator[Path]:
    for package in PURE_PACKAGES:
        yield from sorted((PACKAGE / package).rglob("*.py"))


@pytest.mark.parametrize(
    "source",
    [
        "import PySide6",
        "from PySide6.QtCore import QObject",
        "import pyqtgraph as pg",
        "def f():\n    from shiboken6 import isValid",
        "import importlib\nimportlib.import_module('PySide6.QtGui')",
        "__import__('pyqtgraph')",
    ],
)
def test_the_scanner_finds_qt_imports(source: str) -> None:
    assert forbidden_imports(source)


def test_the_scanner_ignores_look_alikes() -> None:
    assert forbidden_imports("import pyside_helpers\nfrom .PySide6 import x\ntext = 'PySide6'") == []


def test_no_qt_import_in_pure_packages() -> None:
    files = list(_sources())
    assert any(p.parent.name == "core" for p in files)
    offenders = [
        f"{path.relative_to(ROOT)}:{line}: {name}"
        for path in files
        for line, name in forbidden_imports(path.read_text(encoding="utf-8"), str(path))
    ]
    assert offenders == []


def test_importing_core_loads_no_qt() -> None:
    code = """
import importlib, json, pkgutil, sys
import workshop_app.core as core
names = [m.name for m in pkgutil.walk_packages(core.__path__, "workshop_app.core.")]
for name in names:
    importlib.import_module(name)
import workshop_app.cli.decks
print(json.dumps({"imported": names, "modules": sorted(sys.modules)}))
"""
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "PYQTGRAPH_QT_LIB")}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert "workshop_app.core.scoring" in report["imported"]
    loaded = {m.split(".")[0] for m in report["modules"]}
    assert loaded & FORBIDDEN == set()
