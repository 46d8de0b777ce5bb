"""From rows to the core's plain records, and the checks applied to what callers send in."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import Any

from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase

from workshop_app.core.deck_loader import AnyDeck
from workshop_app.core.errors import AtelierError
from workshop_app.core.events import Event
from workshop_app.core.workshop import (
    ActionItem,
    AttachmentInfo,
    Debrief,
    GroupInfo,
    ParticipantInfo,
    SequenceInfo,
    WorkshopInfo,
    WorkshopStatus,
)
from workshop_app.store.models import (
    ActionRow,
    AttachmentRow,
    GroupRow,
    ParticipantRow,
    SequenceRow,
    WorkshopRow,
)
from workshop_app.store.plain_records import debrief_from as debrief_from  # the store reads debriefs here
from workshop_app.store.plain_records import event_of
from workshop_app.store.plain_records import read_status as _read_status

WORKSHOP_FIELDS = frozenset(f.name for f in dataclasses.fields(WorkshopInfo)) - {
    "id",
    "created_at",
    "updated_at",
}
PARTICIPANT_FIELDS = frozenset({"name", "role", "service", "organisation", "group_id", "kind"})
PARTICIPANT_KINDS = ("", "élu", "agent", "partenaire")
ACTION_FIELDS = frozenset({"action", "owner", "deadline", "lever_id", "position"})
# Free texts (context, objectives, an action, a debrief paragraph…) have no column limit but get this one:
# about eight pages of the compte-rendu each. Without it, a pasted book made the PDF export run for minutes.
MAX_FREE_TEXT = 20_000
MAX_DEBRIEF_ITEMS = 100

FIELD_LABELS = {
    "title": "titre",
    "territory": "territoire",
    "territory_kind": "type de territoire",
    "place": "lieu",
    "name": "nom",
    "role": "fonction",
    "service": "service",
    "organisation": "organisation",
    "owner": "porteur",
    "action": "action",
    "filename": "nom de fichier",
    "lever_id": "levier",
    "facilitators": "animateurs",
    "context": "contexte",
    "objectives": "objectifs",
    "fixed_points": "points fixés",
    "caption": "légende",
    "colour": "couleur",
    "felt": "ressenti",
    "happened": "ce qui s’est passé",
    "transfer": "transfert dans la réalité",
    "agreement": "accords et désaccords",
    "strengths": "points forts",
    "vulnerabilities": "vulnérabilités",
}


def clean_fields(
    row_type: type[DeclarativeBase], fields: dict[str, Any], allowed: frozenset[str]
) -> dict[str, Any]:
    """Check names (a wrong name is a programming error: TypeError) and values (a French AtelierError)."""
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"unknown field(s) for {row_type.__name__}: {', '.join(sorted(unknown))}")
    table = row_type.__table__
    cleaned: dict[str, Any] = {}
    for name, value in fields.items():
        column = table.c[name]
        if name == "status":
            value = _status(value)
        elif name == "kind" and value not in PARTICIPANT_KINDS:
            raise AtelierError(f"« {value} » n’est pas un rôle : élu, agent ou partenaire.")
        elif name in ("date", "deadline"):
            value = _date(value, name)
        elif isinstance(column.type, String):
            if value is None and column.nullable:
                cleaned[name] = None
                continue
            value = "" if value is None else str(value)
            check_length(name, value, column.type.length or MAX_FREE_TEXT)
        cleaned[name] = value
    return cleaned


def check_length(name: str, value: str, limit: int = MAX_FREE_TEXT) -> None:
    if len(value) > limit:
        label = FIELD_LABELS.get(name, name)
        raise AtelierError(
            f"Le champ « {label} » est trop long ({_count(len(value))} caractères ; {_count(limit)} au plus)."
        )


def _count(n: int) -> str:
    """« 20 000 », with the narrow no-break space French typography puts between thousands."""
    return f"{n:,}".replace(",", "\u202f")


def required(value: str, label: str) -> str:
    value = (value or "").strip()
    if not value:
        raise AtelierError(f"Le champ « {label} » est obligatoire.")
    return value


def _status(value: Any) -> str:
    try:
        return WorkshopStatus(value).value
    except ValueError:
        raise AtelierError(f"Statut d’atelier inconnu : « {value} ».") from None


def _date(value: Any, name: str) -> date | None:
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str):
        try:
            return date.fromisoformat(value) if value else None
        except ValueError:
            pass
    raise AtelierError(f"Date invalide : « {value} » (attendu : AAAA-MM-JJ).")


def workshop_info(row: WorkshopRow) -> WorkshopInfo:
    return WorkshopInfo(
        id=row.id,
        title=row.title,
        territory=row.territory,
        territory_kind=row.territory_kind,
        date=row.date,
        place=row.place,
        facilitators=row.facilitators,
        context=row.context,
        objectives=row.objectives,
        fixed_points=row.fixed_points or "",
        status=_read_status(row.status),
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def group_info(row: GroupRow) -> GroupInfo:
    return GroupInfo(id=row.id, name=row.name, colour=row.colour, position=row.position)


def participant_info(row: ParticipantRow) -> ParticipantInfo:
    return ParticipantInfo(
        id=row.id,
        name=row.name,
        role=row.role,
        service=row.service,
        organisation=row.organisation,
        group_id=row.group_id,
        kind=row.kind or "",
    )


def sequence_info(row: SequenceRow, deck: AnyDeck) -> SequenceInfo:
    return SequenceInfo(
        id=row.id, position=row.position, deck=deck, planned_minutes=row.planned_minutes, title=row.title
    )


def action_item(row: ActionRow) -> ActionItem:
    return ActionItem(
        id=row.id,
        action=row.action,
        owner=row.owner,
        deadline=row.deadline,
        lever_id=row.lever_id,
        position=row.position,
    )


def attachment_info(row: AttachmentRow | Any) -> AttachmentInfo:
    return AttachmentInfo(
        id=row.id,
        filename=row.filename,
        media_type=row.media_type,
        sha256=row.sha256,
        caption=row.caption,
        size=row.size,
        sequence_id=getattr(row, "sequence_id", None),
        card_id=getattr(row, "card_id", None),
    )


def debrief_data(debrief: Debrief) -> dict[str, Any]:
    """The debrief as stored, its texts checked like every free text (see ``MAX_FREE_TEXT``)."""
    for name in ("strengths", "vulnerabilities"):
        items = getattr(debrief, name)
        if len(items) > MAX_DEBRIEF_ITEMS:
            label = FIELD_LABELS[name]
            raise AtelierError(f"Trop de lignes dans « {label} » ({MAX_DEBRIEF_ITEMS} au plus).")
        for item in items:
            check_length(name, str(item))
    for name in ("felt", "happened", "transfer", "agreement"):
        check_length(name, str(getattr(debrief, name)))
    data = dataclasses.asdict(debrief)
    data["strengths"] = list(debrief.strengths)
    data["vulnerabilities"] = list(debrief.vulnerabilities)
    lines = {line.strip() for line in (*debrief.strengths, *debrief.vulnerabilities)}
    data["origins"] = {text: origin for text, origin in debrief.origins if text.strip() in lines}
    return data


def event_from(row: Any) -> Event | None:
    """A core Event from an ``events`` row; None for a kind this version does not know (a newer app's)."""
    return event_of(
        row.seq,
        row.kind,
        row.sequence_id,
        row.group_id,
        row.card_id,
        row.payload,
        row.at,
        row.id,
        row.author,
    )
