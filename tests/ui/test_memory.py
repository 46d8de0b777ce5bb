"""PySide6's import hook reads each imported module's source; the app makes it keep none of it (memory)."""

from __future__ import annotations

import linecache
import sys
from pathlib import Path

import pytest

from workshop_app.ui.memory import keep_no_import_sources

feature = pytest.importorskip("PySide6.support.feature")


def _import_fresh(folder: Path, name: str, source: str) -> object:
    (folder / f"{name}.py").write_text(source, encoding="utf-8")
    sys.path.insert(0, str(folder))
    try:
        sys.path_importer_cache.clear()
        return __import__(name)  # through builtins.__import__, where PySide6 hooks in
    finally:
        sys.path.remove(str(folder))
        sys.modules.pop(name, None)


def test_imported_sources_are_not_kept_and_the_hook_answers_the_same(tmp_path: Path) -> None:
    assert keep_no_import_sources() in (True, False)
    assert getattr(feature._mod_uses_pyside, "_atelier_lean", False)  # installed (by the app or just now)
    assert keep_no_import_sources() is False  # never wrapped twice
    plain = _import_fresh(tmp_path, "atelier_plain_mod", "VALUE = 1\n")
    qt = _import_fresh(tmp_path, "atelier_qt_mod", "import PySide6.QtCore\nVALUE = 2\n")
    for module in (plain, qt):
        assert getattr(module, "__file__", None) not in linecache.cache
    # the same verdict PySide6's own check gives: a module that names PySide6 switches features, others not
    assert feature._mod_uses_pyside(qt) is True
    assert feature._mod_uses_pyside(plain) is False
    assert feature.pyside_feature_dict.get("atelier_qt_mod") == 0
    assert feature.pyside_feature_dict.get("atelier_plain_mod") == -1


def test_a_traceback_still_shows_source_lines(tmp_path: Path) -> None:
    keep_no_import_sources()
    module = _import_fresh(tmp_path, "atelier_fail_mod", "def fail():\n    raise ValueError('boom')\n")
    import traceback

    try:
        module.fail()  # type: ignore[attr-defined]
    except ValueError:
        text = traceback.format_exc()
    assert "raise ValueError('boom')" in text
