"""What the conflicts screen says of one conflict, in the facilitator’s words (plain Python, tested alone):
which record (« Action « Cartographier… » », « Fiche de l’atelier »), both values as they read (a table’s
name rather than its id, a French date), and who made each one and when (« ce portable » or « appareil
1a2b3c4d », local time)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from workshop_app.core.merge import MergeConflict
from workshop_app.core.workshop import WorkshopSnapshot

EMPTY = "(vide)"


@dataclass(frozen=True)
class ConflictView:
    conflict: MergeConflict
    record: str  # « Fiche de l’atelier », « Action « … » »
    field: str  # « lieu »
    kept: str
    lost: str
    kept_by: str  # « ce portable, 02/12/2026 à 21:05 »
    lost_by: str


def describe(conflict: MergeConflict, snapshot: WorkshopSnapshot, this_device: str) -> ConflictView:
    return ConflictView(
        conflict,
        record_name(conflict.row_id, snapshot),
        conflict.label,
        value_text(conflict.field, conflict.kept, snapshot),
        value_text(conflict.field, conflict.lost, snapshot),
        who(conflict.kept_stamp, this_device),
        who(conflict.lost_stamp, this_device),
    )


def record_name(row_id: str, snapshot: WorkshopSnapshot) -> str:
    if row_id == snapshot.info.id:
        return "Fiche de l’atelier"
    for group in snapshot.groups:
        if group.id == row_id:
            return f"Table « {group.name} »"
    for person in snapshot.participants:
        if person.id == row_id:
            return f"Participant·e « {person.name or person.role or person.service or '?'} »"
    for sequence in snapshot.sequences:
        if sequence.id == row_id:
            return f"Séquence « {sequence.display_title} »"
    for action in snapshot.actions:
        if action.id == row_id:
            return f"Action « {_short(action.action)} »"
    for photo in snapshot.attachments:
        if photo.id == row_id:
            return f"Photo « {photo.caption or photo.filename} »"
    return "Élément supprimé depuis"


def value_text(field: str, value: Any, snapshot: WorkshopSnapshot) -> str:
    if value is None or value == "" or value == []:
        return EMPTY
    if isinstance(value, list):
        return " ; ".join(str(v) for v in value)
    if field == "group_id":
        return next((g.name for g in snapshot.groups if g.id == value), "table supprimée")
    if field == "sequence_id":
        return next((s.display_title for s in snapshot.sequences if s.id == value), "séquence supprimée")
    if field in ("date", "deadline") and isinstance(value, str):
        try:
            return date.fromisoformat(value[:10]).strftime("%d/%m/%Y")
        except ValueError:
            return value
    return str(value)


def who(stamp: str, this_device: str) -> str:
    moment, _, author = stamp.partition("|")
    if not moment:
        return "valeur d’origine"
    name = "ce portable" if author and author == this_device else f"appareil {author[:8] or '?'}"
    try:  # the machine’s own zone: what its clock shows
        at = datetime.strptime(moment, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC).astimezone()
    except ValueError:
        return name
    return f"{name}, {at:%d/%m/%Y} à {at:%H:%M}"


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
