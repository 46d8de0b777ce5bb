"""Every section of the compte-rendu that ``export.pdf.sections`` defines is laid out by the export: no
section is left behind, unused, when the document's order changes (``findings_section`` was, after the
strengths and vulnerabilities moved into the synthesis)."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import workshop_app.export as export
from workshop_app.export.pdf import sections

ROOT = Path(export.__file__).parent


def _called_names() -> set[str]:
    names: set[str] = set()
    for path in ROOT.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                func = node.func
                if isinstance(func, ast.Name):
                    names.add(func.id)
                elif isinstance(func, ast.Attribute):
                    names.add(func.attr)
    return names


def test_every_exported_section_function_is_called() -> None:
    called = _called_names()
    functions = [n for n in sections.__all__ if inspect.isfunction(getattr(sections, n))]
    assert functions
    assert [n for n in functions if n not in called] == []


def test_every_public_section_function_of_the_package_is_called() -> None:
    called = _called_names()
    unused = []
    for path in sorted((ROOT / "pdf" / "sections").glob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if (
                isinstance(node, ast.FunctionDef)
                and node.name.endswith("_section")
                and node.name not in called
            ):
                unused.append(f"{path.name}:{node.name}")
    assert unused == []
