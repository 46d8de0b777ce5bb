"""Give back what start-up no longer needs. PySide6's import hook reads the source of every module imported
after it (to look for ``from __feature__ import``) through ``linecache``, which then keeps it: ~10 MB of
text as line lists once SQLAlchemy is in, more after pyqtgraph. Dropping that cache once the store is open
and once a workshop is open lets the next allocations (charts, the PDF's story) reuse that memory, which
lowers the session's peak. Tracebacks still show source lines: linecache reads the files again on demand.
"""

from __future__ import annotations

import gc
import linecache


def release_import_caches(freeze: bool = False) -> None:
    """The source lines go by reference counting alone. ``freeze`` once, at start-up: what is alive then
    (modules, the window) lives for the session, so later collections need not walk it again. Not when a
    workshop opens: its page may be closed later and must stay collectable (and no collection is paid
    between the click and the compass)."""
    linecache.clearcache()
    if freeze:
        gc.collect()
        gc.freeze()
