"""The start screen's cached workshop list (``store/start_list.py``), between the window and the store."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from workshop_app.core.errors import AtelierError

if TYPE_CHECKING:
    from workshop_app.services.api import WorkshopService
    from workshop_app.services.summary import WorkshopSummary

log = logging.getLogger(__name__)


def cached_start_list() -> list[WorkshopSummary] | None:
    """The list to show before the store opens; ``[]`` on a first start (no database yet); None when only
    the store can tell (another kind of database, a workshop never summarised, a table or a sequence added).
    A workshop changed since its summary was stored (another program wrote) shows what is known of it (its
    row, its log's count and last time; « answered » as last stored): the preview is always followed by the
    store's own list (``MainWindow.show_cached_list`` then ``open_store``), so it is refreshed at once."""
    from workshop_app import paths
    from workshop_app.store.start_list import cached_list, known_list, plain_sqlite_file

    db = plain_sqlite_file(paths.default_database_url())
    if db is None:
        return None
    if not db.exists() and not db.with_name(db.name + "-wal").exists():
        return []
    rows = cached_list(db)
    if rows is not None:
        return rows
    known = known_list(db)
    if known is None:
        return None
    if known.stale:
        log.info("start list: stale summaries shown until the store's list replaces them")
    return known.rows


def list_and_cache(service: WorkshopService) -> list[WorkshopSummary]:
    """``service.list_workshops()``, kept for the next start when the database did not change meanwhile."""
    from workshop_app.store.start_list import database_keys, discard, plain_sqlite_file, save_list

    db = plain_sqlite_file(str(getattr(service, "url", "")))
    before = database_keys(db) if db is not None else None
    rows = service.list_workshops()
    if db is None or before is None:
        return rows
    if database_keys(db) == before:
        save_list(db, rows, before)
    else:
        discard()
    return rows


def cache_quietly(service: WorkshopService) -> None:
    """At closing: refresh the cache, never raise (the window is closing)."""
    try:
        list_and_cache(service)
    except AtelierError as error:
        log.info("start list not cached at closing: %s", error)
