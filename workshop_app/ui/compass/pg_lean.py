"""pyqtgraph, the parts the radar draws with, without the rest of it being loaded for nothing.

``import pyqtgraph`` runs a package ``__init__`` that imports every sub-package at once (plot items, image
views, parameter trees, its multiprocess remote views, and through them ``multiprocessing``, ``xml``,
``pydoc``, ``colorama``…): ~145 modules and ~31 MB of RSS, of which the radar uses a view, a view box and a
brush maker. ``load`` runs that same ``__init__`` from pyqtgraph's own file with its block of wholesale
``from .x import *`` lines set aside, then imports only :data:`KEEP` (measured in a shown window, numpy
already in: 31.0 → 21.5 MB, 200 → 71 modules). The package is otherwise the real one: the first time
anything asks it for a name it does not have yet (``pg.ImageView``, ``from pyqtgraph import PlotWidget``),
the set-aside lines run, and the package is complete, exactly as ``import pyqtgraph`` leaves it.

When pyqtgraph's ``__init__`` does not have the expected shape (another version), has no source file (a
frozen bundle) or was already imported, nothing is set aside: the plain import.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

log = logging.getLogger(__name__)

PACKAGE = "pyqtgraph"
# The wholesale lines kept (the radar's classes; ViewBox also for pyqtgraph's exit clean-up, which uses it).
KEEP = ("functions", "graphicsItems.ViewBox", "widgets.GraphicsView")
_FIRST_WHOLESALE = "from .colormap import *"
_IMPORT_LINE = re.compile(r"from \.([\w.]+) import ")


def split_init(source: str) -> tuple[list[str], list[str]] | None:
    """pyqtgraph's ``__init__`` lines, the wholesale imports not in KEEP blanked (line numbers unchanged),
    and those set-aside lines; None when the block is not where it is expected."""
    lines = source.splitlines()
    try:
        start = lines.index(_FIRST_WHOLESALE)
    except ValueError:
        return None
    kept, deferred = list(lines), []
    for i in range(start, len(lines)):
        line = lines[i].strip()
        match = _IMPORT_LINE.match(line)
        if match is None:
            if line and not line.startswith("#"):
                break  # the block ends at the first statement that is not an import
            continue
        if match.group(1) not in KEEP:
            deferred.append(line)
            kept[i] = ""
    return (kept, deferred) if deferred else None


def _complete(module: ModuleType, deferred: list[str]) -> Any:
    """The package's ``__getattr__``: the set-aside imports run once, on the first name it lacks."""
    done: list[bool] = []

    def getattr_(name: str) -> Any:
        if name.startswith("__") or done:
            raise AttributeError(f"module {PACKAGE!r} has no attribute {name!r}")
        done.append(True)
        module.__dict__.pop("__getattr__", None)
        exec(compile("\n".join(deferred), f"<{PACKAGE} set-aside imports>", "exec"), module.__dict__)
        try:
            return module.__dict__[name]
        except KeyError:
            raise AttributeError(f"module {PACKAGE!r} has no attribute {name!r}") from None

    return getattr_


def _plain() -> ModuleType:
    return importlib.import_module(PACKAGE)


def load() -> ModuleType:
    """The pyqtgraph package, lean when this process has not imported it yet."""
    if PACKAGE in sys.modules:
        return sys.modules[PACKAGE]
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or spec.origin is None or spec.loader is None:
        return _plain()
    try:
        source = Path(spec.origin).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):  # a frozen bundle ships bytecode only: the plain import then
        return _plain()
    parts = split_init(source)
    if parts is None:
        return _plain()
    kept, deferred = parts
    module = importlib.util.module_from_spec(spec)
    sys.modules[PACKAGE] = module
    try:
        exec(compile("\n".join(kept), spec.origin, "exec"), module.__dict__)
    except Exception:  # an unexpected pyqtgraph: forget the half-made package, import it the usual way
        log.warning("pyqtgraph could not be loaded lean; importing all of it", exc_info=True)
        for name in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
            del sys.modules[name]
        return _plain()
    module.__dict__["__getattr__"] = _complete(module, deferred)
    return module


def is_lean(module: ModuleType) -> bool:
    """Whether the package still has its set-aside imports to run (tests)."""
    return "__getattr__" in module.__dict__


load()

from pyqtgraph.functions import mkBrush  # noqa: E402 - after load(): the lean package
from pyqtgraph.graphicsItems.ViewBox import ViewBox  # noqa: E402
from pyqtgraph.widgets.GraphicsView import GraphicsView  # noqa: E402

__all__ = ["GraphicsView", "ViewBox", "is_lean", "load", "mkBrush", "split_init"]
