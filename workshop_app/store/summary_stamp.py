"""A stored summary's stamp: shared by ``store/summaries.py`` and the start screen's SQLAlchemy-free reader
(``store/start_list.py``), so both agree on what « fresh » means. Imports neither SQLAlchemy nor pydantic."""

from __future__ import annotations

from datetime import UTC, datetime

FORMAT = "1"  # bump when the summary's content changes meaning: every stored one is then recomputed


def stamp_of(updated_at: datetime | None) -> str:
    return f"{FORMAT}|{as_utc(updated_at).isoformat() if updated_at is not None else ''}"


def as_utc(moment: datetime) -> datetime:
    """As ``core.events.as_utc`` (naive from SQLite, aware from PostgreSQL: both UTC), without importing the
    event model (uuid, json: ~5 ms) before the start list is painted."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
