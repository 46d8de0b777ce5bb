"""The quicker PySide6 import check gives PySide6's own answer, module by module."""

from __future__ import annotations

import sys

import PySide6.QtCore  # installs PySide6's import hook

from workshop_app.ui import startup_imports


def test_the_quick_check_answers_as_pyside6_does() -> None:
    feature = sys.modules[startup_imports._HOOK_MODULE]
    original = getattr(feature, startup_imports._HOOK)
    if getattr(original, "_atelier_quick", False):  # an earlier test started the app: compare to its base
        original = original.__defaults__[0]
    else:
        assert startup_imports.quick_feature_check()
    quick = getattr(feature, startup_imports._HOOK)
    assert getattr(quick, "_atelier_quick", False) and not startup_imports.quick_feature_check()
    import json
    import sqlite3

    import workshop_app.core.errors
    import workshop_app.ui.crash
    import workshop_app.ui.start.page

    modules = [
        workshop_app.ui.crash,  # imports PySide6
        workshop_app.ui.start.page,
        workshop_app.core.errors,  # does not
        json,
        sqlite3,
        sys,  # built in: no file
        PySide6.QtCore,  # an extension module
    ]
    answers = [quick(module) for module in modules]
    assert answers == [original(module) for module in modules]
    assert answers[:3] == [True, True, False]
