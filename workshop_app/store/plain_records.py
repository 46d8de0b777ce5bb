"""The row → record conversions that need no SQLAlchemy: shared by ``store.convert`` (the store's ORM rows)
and ``store.snapshot_reader`` (the export's sqlite3-only read), so both give the very same records."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from workshop_app.core.events import Event, EventKind
from workshop_app.core.workshop import Debrief, WorkshopStatus

_KINDS = {k.value: k for k in EventKind}
_ORIGINS = ("proposed", "validated", "written")


def read_status(value: str) -> WorkshopStatus:
    try:
        return WorkshopStatus(value)
    except ValueError:
        return WorkshopStatus.DRAFT


def debrief_from(data: dict[str, Any] | None) -> Debrief:
    data = data or {}
    return Debrief(
        strengths=tuple(str(s) for s in data.get("strengths") or ()),
        vulnerabilities=tuple(str(s) for s in data.get("vulnerabilities") or ()),
        felt=str(data.get("felt", "")),
        happened=str(data.get("happened", "")),
        transfer=str(data.get("transfer", "")),
        agreement=str(data.get("agreement", "")),
        origins=_origins(data.get("origins")),
    )


def _origins(value: Any) -> tuple[tuple[str, str], ...]:
    """The recorded authors of the debrief lines (older debriefs have none; unknown values are dropped)."""
    if not isinstance(value, dict):
        return ()
    return tuple((str(k), str(v)) for k, v in value.items() if str(v) in _ORIGINS)


def event_of(
    seq: int,
    kind_name: str,
    sequence_id: str | None,
    group_id: str | None,
    card_id: str | None,
    payload: dict[str, Any] | None,
    at: datetime,
    event_id: str,
    author: str | None,
) -> Event | None:
    """A core Event from an ``events`` row's values; None for a kind this version does not know (a newer
    app's)."""
    kind = _KINDS.get(kind_name)
    if kind is None:
        return None
    return Event(
        seq=seq,
        kind=kind,
        sequence_id=sequence_id,
        group_id=group_id,
        card_id=card_id,
        payload=dict(payload or {}),
        at=at,
        id=event_id,
        author=author or "",
    )
