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
``list_workshops()`` returns; one missing summary, and the start screen waits for the store.

A stale summary (its workshop's ``updated_at`` moved: another program wrote) is not wrong everywhere:
the title, territory, date, status and programme come from the workshop's own row, and its event log's count
and last time, its groups and its sequences are read from the database too. Only « answered » needs the fold;
when those facts still match the summary it is exact, else it is the count as last stored. ``known_list``
returns such a list, flagged ``stale``: the start screen paints it and the store's own list replaces it as
soon as the store is open (which the preview always does next, ``ui/start_cache.py``). A workshop never
summarised, a table or a sequence added or removed (the total moves): None, the start waits for the store.
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


_FACTS = """
SELECT w.id,
  (SELECT count(*) FROM events e WHERE e.workshop_id = w.id),
  (SELECT max(e.at) FROM events e WHERE e.workshop_id = w.id),
  (SELECT count(*) FROM groups g WHERE g.workshop_id = w.id),
  (SELECT count(*) FROM sequences q WHERE q.workshop_id = w.id)
FROM workshops w
"""


class StoredList:
    """The stored summaries as a list; ``stale``: some summary did not match its workshop, the store's list
    must follow. A plain class: a frozen dataclass cost ~0.4 ms of every start to build."""

    __slots__ = ("rows", "stale")

    def __init__(self, rows: list[WorkshopSummary], stale: bool) -> None:
        self.rows = rows
        self.stale = stale

    def __eq__(self, other: object) -> bool:
        return isinstance(other, StoredList) and (self.rows, self.stale) == (other.rows, other.stale)

    __hash__ = None  # type: ignore[assignment]  # as a mutable value

    def __repr__(self) -> str:
        return f"StoredList({self.rows!r}, stale={self.stale!r})"


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
    found = known_list(db)
    return found.rows if found is not None and not found.stale else None


def known_list(db: Path) -> StoredList | None:
    """The list from the stored summaries, stale ones completed from the database (module docstring); None
    when a workshop has no summary, the file is not at the current schema or cannot be read this way."""
    from workshop_app.store.schema_head import sqlite_at_head

    if not db.is_file() or not sqlite_at_head(db):
        return None
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1.0)
        try:
            rows = conn.execute(_STORED).fetchall()
            facts = None
            if not _all_fresh(rows):
                facts = {str(r[0]): r[1:] for r in conn.execute(_FACTS).fetchall()}
        finally:
            conn.close()
        summaries = _summaries(rows, facts)
    except (sqlite3.Error, ValueError, TypeError, KeyError) as error:
        log.debug("start list: stored summaries unreadable (%s)", error)
        return None
    if summaries is None:
        return None
    return StoredList(summaries, stale=facts is not None)


def _all_fresh(rows: Sequence[Sequence[Any]]) -> bool:
    from workshop_app.store.summary_stamp import as_utc, stamp_of

    for row in rows:
        updated, stamp = row[5], row[7]
        updated_at = as_utc(datetime.fromisoformat(updated)) if updated is not None else None
        if stamp is None or stamp != stamp_of(updated_at):
            return False
    return True


def _summaries(
    rows: Sequence[Sequence[Any]], facts: dict[str, Sequence[Any]] | None
) -> list[WorkshopSummary] | None:
    from workshop_app.store.summary_stamp import as_utc

    summaries = []
    for wid, title, territory, day, status, updated, programme, stamp, *stored in rows:
        updated_at = as_utc(datetime.fromisoformat(updated)) if updated is not None else None
        if stamp is None:
            return None  # never summarised (written by another program): only the store can tell
        deck_ids, deck_titles, groups, events, answered, total, last_at = stored
        if facts is not None:
            events, last_at, now_groups, sequences = facts[str(wid)]
            if int(sequences) != len(json.loads(deck_ids)) or int(now_groups) != int(groups):
                return None  # a sequence or a table added or removed: the total is unknown
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
