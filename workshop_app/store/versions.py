"""Every edit of an editable record leaves a per-field version (``field_versions``), so two copies of a
workshop can merge field by field (the rule is ``core.merge``).

One listener does it for every write path: before each flush of a store session, each changed field of a
versioned row gets a new :class:`~workshop_app.core.merge.FieldVersion` stamped with the time and the store's
author. Nothing in the planning or debrief code has to remember it. A merge writes versions itself (it sets
``session.info[MERGING]``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session

from workshop_app.core.events import utc_now
from workshop_app.core.merge import FieldVersion, next_version
from workshop_app.store import convert
from workshop_app.store.models import (
    ActionRow,
    AttachmentRow,
    FieldVersionRow,
    GroupRow,
    ParticipantRow,
    SequenceRow,
    WorkshopRow,
)

AUTHOR = "atelier_author"
MERGING = "atelier_merging"
DEBRIEF_KEYS = ("strengths", "vulnerabilities", "felt", "happened", "transfer", "agreement")
# what a debrief paragraph is before anything was written (a new workshop's debrief is ``{}``)
DEBRIEF_EMPTY: dict[str, Any] = {
    "strengths": [],
    "vulnerabilities": [],
    "felt": "",
    "happened": "",
    "transfer": "",
    "agreement": "",
}

VERSIONED: dict[type[Any], tuple[str, ...]] = {
    WorkshopRow: (*sorted(convert.WORKSHOP_FIELDS), "programme_id"),  # the programme: merged by its name
    GroupRow: ("name", "colour", "position"),
    ParticipantRow: ("name", "role", "service", "organisation", "group_id", "kind"),
    SequenceRow: ("title", "planned_minutes", "position"),
    ActionRow: ("action", "owner", "deadline", "lever_id", "position"),
    AttachmentRow: ("caption", "position", "sequence_id", "card_id"),
}


def changed_fields(row: Any) -> list[str]:
    state = inspect(row)
    changed = []
    for name in VERSIONED[type(row)]:
        hist = state.attrs[name].history
        if (hist.added or hist.deleted) and _first(hist.added) != _first(hist.deleted):
            changed.append(name)
    if isinstance(row, WorkshopRow):
        hist = state.attrs["debrief"].history
        if hist.added or hist.deleted:
            old, new = _first(hist.deleted) or {}, _first(hist.added) or {}
            changed += [
                f"debrief.{k}"
                for k in DEBRIEF_KEYS
                if old.get(k, DEBRIEF_EMPTY[k]) != new.get(k, DEBRIEF_EMPTY[k])
            ]
    return changed


def _first(values: Any) -> Any:
    return values[0] if values else None


def workshop_of(row: Any) -> str:
    return str(row.id if isinstance(row, WorkshopRow) else row.workshop_id)


@event.listens_for(Session, "before_flush")
def _stamp_versions(session: Session, _context: Any, _instances: Any) -> None:
    author = session.info.get(AUTHOR)
    if author is None or session.info.get(MERGING):
        return
    edited = [row for row in session.dirty if type(row) in VERSIONED]
    if not edited:
        return
    now = utc_now()
    with session.no_autoflush:
        for row in edited:
            for name in changed_fields(row):
                found = session.get(FieldVersionRow, (row.id, name))
                old = FieldVersion(row.id, name, found.stamp, found.base) if found is not None else None
                new = next_version(row.id, name, now, author, old)
                if found is None:
                    session.add(
                        FieldVersionRow(
                            row_id=row.id,
                            field=name,
                            workshop_id=workshop_of(row),
                            stamp=new.stamp,
                            base=new.base,
                        )
                    )
                else:
                    found.stamp, found.base = new.stamp, new.base


def load_versions(session: Session, workshop_id: str) -> list[FieldVersion]:
    rows = session.scalars(
        select(FieldVersionRow)
        .where(FieldVersionRow.workshop_id == workshop_id)
        .order_by(FieldVersionRow.row_id, FieldVersionRow.field)
    )
    return [FieldVersion(r.row_id, r.field, r.stamp, r.base) for r in rows]


def put_versions(session: Session, workshop_id: str, versions: Iterable[FieldVersion]) -> None:
    for v in versions:
        found = session.get(FieldVersionRow, (v.row_id, v.field))
        if found is None:
            session.add(
                FieldVersionRow(
                    row_id=v.row_id, field=v.field, workshop_id=workshop_id, stamp=v.stamp, base=v.base
                )
            )
        else:
            found.stamp, found.base = v.stamp, v.base
