"""PySide6's import hook asks, for every module imported after PySide6, whether it uses PySide6 (so that
``from __feature__ import`` can apply to it): it reads the module's source with ``inspect.getsource`` and
looks for ``"PySide6"``. For the ~100 modules a start imports that costs 15–25 ms before the list is
painted; a bare QMainWindow pays none of it. :func:`quick_feature_check` gives the same answer by reading a
``.py`` file's bytes directly (no ``inspect``, no ``linecache``), and asks PySide6's own check for anything
else (built-in, extension or zipped modules).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

_HOOK_MODULE = "PySide6.support.feature"
_HOOK = "_mod_uses_pyside"


def quick_feature_check() -> bool:
    """Install the quicker check; False when this PySide6 has no such hook (nothing to do)."""
    feature = sys.modules.get(_HOOK_MODULE)
    check = getattr(feature, _HOOK, None)
    if feature is None or not callable(check) or getattr(check, "_atelier_quick", False):
        return False

    def uses_pyside(module: ModuleType, _check: Callable[[ModuleType], bool] = check) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return _check(module)

    uses_pyside._atelier_quick = True  # type: ignore[attr-defined]
    setattr(feature, _HOOK, uses_pyside)
    return True
