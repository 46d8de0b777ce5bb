"""The start screen's workshop list, kept in a cache file so the list can be painted before SQLAlchemy loads.

``list_workshops()`` folds every workshop's events to count its answers: that needs the whole store. The last
list the app computed is kept in ``cache/start-list.json`` of the data folder, with, for each workshop, a key
read from the database with the standard library's sqlite3 (its row, its groups, its sequences, its event
log's count / last seq / last time). At the next start the same key is read again: if every workshop still
matches, the cached list is exactly what ``list_workshops()`` would return, and the start page shows it at
once; the store opens just after. Any difference, a missing or unreadable file or database, and there is no
cached list: the start screen waits for the store, as before. The file is safe to delete at any time.

Without a cache that matches (another process wrote, the app did not close normally, the cache was deleted),
``stored_list`` reads the workshops' stored summaries (``store/summaries.py``) the same way: when the file is
at the current schema and every summary's stamp matches its workshop, they are exactly what
``list_workshops()`` returns; one stale or missing summary, and the start screen waits for the store.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from workshop_app.core.atomic import write_text_atomic
from workshop_app.core.errors import AtelierError
from workshop_app.services.summary import WorkshopSummary

log = logging.getLogger(__name__)
CACHE_VERSION = 2

_KEYS = """
SELECT w.id, w.updated_at, w.title, w.territory, w.date, w.status,
  (SELECT count(*) || ':' || ifnull(max(e.seq), '') || ':' || ifnull(max(e.at), '')
     FROM events e WHERE e.workshop_id = w.id),
  (SELECT count(*) || ':' || ifnull(group_concat(g.id, ','), '') FROM groups g WHERE g.workshop_id = w.id),
  (SELECT ifnull(group_concat(s.id || '/' || s.title || '/' || s.deck_version, '|'), '')
     FROM sequences s WHERE s.workshop_id = w.id)
FROM workshops w
"""


_STORED = """
SELECT w.id, w.title, w.territory, w.date, w.status, w.updated_at, p.name,
  s.stamp, s.deck_ids, s.deck_titles, s.groups, s.events, s.answered, s.total, s.last_event_at
FROM workshops w
  LEFT OUTER JOIN workshop_summaries s ON s.workshop_id = w.id
  LEFT OUTER JOIN programmes p ON p.id = w.programme_id
ORDER BY w.updated_at DESC
"""


def cache_file() -> Path:
    from workshop_app.paths import home

    return home() / "cache" / "start-list.json"


def plain_sqlite_file(url: str) -> Path | None:
    """The file of a plain ``sqlite:///path`` URL (no options); None for anything else."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or "?" in url or url == prefix:
        return None
    return Path(url[len(prefix) :]).expanduser()


def database_keys(db: Path) -> dict[str, str] | None:
    """Each workshop's key, read-only; None if the file is missing or cannot be read this way."""
    if not db.is_file():
        return None
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1.0)
        try:
            rows = conn.execute(_KEYS).fetchall()
        finally:
            conn.close()
    except sqlite3.Error as error:
        log.debug("start list: keys unreadable (%s)", error)
        return None
    return {str(row[0]): json.dumps([str(v) for v in row[1:]], ensure_ascii=False) for row in rows}


def cached_list(db: Path, cache: Path | None = None) -> list[WorkshopSummary] | None:
    """The list as the app last computed it, if the database has not changed since; else None."""
    cache = cache or cache_file()
    try:
        data = json.loads(cache.read_text(encoding="utf-8"))
        if data.get("version") != CACHE_VERSION or data.get("database") != str(db):
            return None
        rows = data["rows"]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    keys = database_keys(db)
    if keys is None or set(keys) != {row.get("id") for row in rows if isinstance(row, dict)}:
        return None
    try:
        if any(keys[row["id"]] != row["key"] for row in rows):
            return None
        return [_summary(row) for row in rows]
    except (KeyError, TypeError, ValueError):
        return None


def stored_list(db: Path) -> list[WorkshopSummary] | None:
    """``list_workshops()`` from the stored summaries, read with sqlite3, if all are fresh; else None."""
    from workshop_app.store.schema_head import sqlite_at_head

    if not db.is_file() or not sqlite_at_head(db):
        return None
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1.0)
        try:
            rows = conn.execute(_STORED).fetchall()
        finally:
            conn.close()
        return _fresh_summaries(rows)
    except (sqlite3.Error, ValueError, TypeError, KeyError) as error:
        log.debug("start list: stored summaries unreadable (%s)", error)
        return None


def _fresh_summaries(rows: Sequence[Sequence[Any]]) -> list[WorkshopSummary] | None:
    from workshop_app.core.events import as_utc
    from workshop_app.store.summary_stamp import stamp_of

    summaries = []
    for wid, title, territory, day, status, updated, programme, stamp, *stored in rows:
        updated_at = as_utc(datetime.fromisoformat(updated)) if updated is not None else None
        if stamp is None or stamp != stamp_of(updated_at):
            return None
        deck_ids, deck_titles, groups, events, answered, total, last_at = stored
        summaries.append(
            WorkshopSummary(
                id=str(wid),
                title=str(title),
                territory=str(territory),
                date=date.fromisoformat(day) if day else None,
                status=str(status),  # as the cached list: the store's own list follows at once
                deck_titles=tuple(str(t) for t in json.loads(deck_titles)),
                answered=int(answered),
                total=int(total),
                updated_at=updated_at,
                last_event_at=as_utc(datetime.fromisoformat(last_at)) if last_at is not None else None,
                deck_ids=tuple(str(t) for t in json.loads(deck_ids)),
                groups=int(groups),
                events=int(events),
                programme=str(programme or ""),
            )
        )
    return summaries


def save_list(
    db: Path, summaries: Sequence[WorkshopSummary], keys: dict[str, str], cache: Path | None = None
) -> None:
    """Keep ``summaries`` (computed between two identical reads of ``keys``) for the next start."""
    cache = cache or cache_file()
    rows = []
    for s in summaries:
        if s.id not in keys:
            return
        rows.append({"id": s.id, "key": keys[s.id], **_fields(s)})
    text = json.dumps({"version": CACHE_VERSION, "database": str(db), "rows": rows}, ensure_ascii=False)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(cache, text)
    except (OSError, AtelierError) as error:  # a cache: never worth an error
        log.info("start list not cached: %s", error)


def discard(cache: Path | None = None) -> None:
    with contextlib.suppress(OSError):
        (cache or cache_file()).unlink(missing_ok=True)


def _fields(s: WorkshopSummary) -> dict[str, Any]:
    return {
        "title": s.title,
        "territory": s.territory,
        "date": s.date.isoformat() if s.date else None,
        "status": str(s.status),
        "deck_titles": list(s.deck_titles),
        "answered": s.answered,
        "total": s.total,
        "updated_at": s.updated_at.isoformat() if s.updated_at else None,
        "last_event_at": s.last_event_at.isoformat() if s.last_event_at else None,
        "deck_ids": list(s.deck_ids),
        "groups": s.groups,
        "events": s.events,
        "programme": s.programme,
    }


def _summary(row: dict[str, Any]) -> WorkshopSummary:
    return WorkshopSummary(
        id=str(row["id"]),
        title=str(row["title"]),
        territory=str(row["territory"]),
        date=date.fromisoformat(row["date"]) if row["date"] else None,
        status=str(row["status"]),
        deck_titles=tuple(str(t) for t in row["deck_titles"]),
        answered=int(row["answered"]),
        total=int(row["total"]),
        updated_at=datetime.fromisoformat(row["updated_at"]) if row["updated_at"] else None,
        last_event_at=datetime.fromisoformat(row["last_event_at"]) if row["last_event_at"] else None,
        deck_ids=tuple(str(t) for t in row["deck_ids"]),
        groups=int(row["groups"]),
        events=int(row["events"]),
        programme=str(row["programme"]),
    )
