"""Give back what start-up no longer needs. PySide6's import hook reads the source of every module imported
after it (to look for ``from __feature__ import``) through ``linecache``, which then keeps it: ~18 MB of
RSS once SQLAlchemy is in, ~28 MB with numpy and pyqtgraph. ``keep_no_import_sources`` makes the hook forget
each source as soon as it has looked at it (the same answer, nothing kept), so that memory is never taken;
``release_import_caches`` drops whatever linecache still holds once the store is open and once a workshop is
open. Tracebacks still show source lines: linecache reads the files again on demand.
"""

from __future__ import annotations

import gc
import linecache
import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any

_HOOK_MODULE = "PySide6.support.feature"
_HOOK = "_mod_uses_pyside"


def keep_no_import_sources() -> bool:
    """Wrap PySide6's per-import check so the source lines it reads into linecache are dropped again right
    after (only the entries that check added). False when this PySide6 has no such hook (nothing to do)."""
    feature = sys.modules.get(_HOOK_MODULE)
    check = getattr(feature, _HOOK, None)
    if feature is None or not callable(check) or getattr(check, "_atelier_lean", False):
        return False

    def lean_check(module: ModuleType, _check: Callable[[ModuleType], bool] = check) -> bool:
        before = set(linecache.cache)
        try:
            return _check(module)
        finally:
            for added in linecache.cache.keys() - before:
                linecache.cache.pop(added, None)

    lean_check._atelier_lean = True  # type: ignore[attr-defined]
    setattr(feature, _HOOK, lean_check)
    return True


def release_import_caches(freeze: bool = False) -> None:
    """The source lines go by reference counting alone. ``freeze`` once, at start-up: what is alive then
    (modules, the window) lives for the session, so later collections need not walk it again. Not when a
    workshop opens: its page may be closed later and must stay collectable (and no collection is paid
    between the click and the compass)."""
    linecache.clearcache()
    if freeze:
        gc.unfreeze()  # what the start froze (``app._pause_collections``): its few garbage cycles go now
        gc.collect()
        gc.freeze()


# -- glibc's malloc ----------------------------------------------------------------------------------------
# Each thread that allocates (the export's worker, Qt's own threads) gets its own malloc arena, and what an
# arena freed stays mapped: the first PDF export left ~14 MB of RSS behind in the worker's arena
# (bench_memory: session peak 239.5 → 225.1 MB with one arena). One arena costs nothing measurable here: the
# worker is the only thread that allocates much, and never at the same time as a vote.
M_ARENA_MAX = -8  # glibc's malloc.h


def _glibc() -> Any | None:
    """The C library when it is glibc (``mallopt``, ``malloc_trim``), else None: musl, macOS, Windows."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes  # not at start: ~1.6 ms of the start screen's import time

    try:
        libc = ctypes.CDLL(None)
        version = libc.gnu_get_libc_version
        version.restype = ctypes.c_char_p
        version()
        _ = libc.mallopt, libc.malloc_trim
    except (OSError, AttributeError):
        return None
    return libc


def limit_malloc_arenas(arenas: int = 1) -> bool:
    """One malloc arena for every thread created from now on (glibc only; the app calls it once the start
    screen is interactive, before the store opens and before any export's worker thread). False elsewhere:
    nothing done, nothing broken."""
    libc = _glibc()
    if libc is None:
        return False
    import ctypes

    try:
        return bool(libc.mallopt(ctypes.c_int(M_ARENA_MAX), ctypes.c_int(arenas)))
    except (OSError, ValueError):
        return False


def give_back_freed() -> bool:
    """Return malloc's free pages to the system (after an export: its story and layout were freed). glibc
    only; False elsewhere."""
    libc = _glibc()
    if libc is None:
        return False
    import ctypes

    try:
        libc.malloc_trim(ctypes.c_size_t(0))
    except (OSError, ValueError):
        return False
    return True
