"""The bundle's manifest, ``workshop.json``: a :class:`~workshop_app.core.workshop.WorkshopSnapshot` as plain
JSON data.

Its format name and version, and the error every reading check raises, live here too. Reading the JSON back
is :mod:`.manifest_reader`; the zip around it, and its safety checks, are in :mod:`.bundle`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from workshop_app.core.errors import AtelierError
from workshop_app.core.events import as_utc, with_legacy_ids
from workshop_app.core.workshop import WorkshopSnapshot
from workshop_app.export.anonymise import Anonymiser

FORMAT = "atelier-bundle"
# 2: every event carries its global ``id`` and ``author``, undo/redo name ids (see core.events), and the
#    per-field versions of edited records travel with them (see core.merge).
VERSION = 2
READABLE_VERSIONS = (1, 2)

ATTACHMENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,127}$")


class BundleError(AtelierError):
    """The file is not a bundle this version can read safely."""


def _iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return as_utc(value).isoformat()
    return value.isoformat()


def snapshot_to_json(snapshot: WorkshopSnapshot, *, anonymise: bool = False) -> dict[str, Any]:
    """The snapshot as plain JSON data (``anonymise``: participants' names removed from records and text)."""
    an = Anonymiser(snapshot.participants, anonymise, snapshot.info.facilitators)
    info = snapshot.info
    text = an.text
    return {
        "format": FORMAT,
        "version": VERSION,
        "anonymised": anonymise,
        "workshop": {
            "id": info.id,
            "title": text(info.title),
            "territory": info.territory,
            "territory_kind": info.territory_kind,
            "date": _iso(info.date),
            "place": text(info.place),
            "facilitators": an.facilitators(info.facilitators),
            "context": text(info.context),
            "objectives": text(info.objectives),
            "fixed_points": text(info.fixed_points),
            "status": str(info.status),
            "created_at": _iso(info.created_at),
            "updated_at": _iso(info.updated_at),
        },
        "groups": [
            {"id": g.id, "name": text(g.name), "colour": g.colour, "position": g.position}
            for g in snapshot.groups
        ],
        "participants": [
            {
                "id": p.id,
                "name": "" if anonymise else p.name,
                "role": "" if anonymise else p.role,
                "service": p.service,
                "organisation": p.organisation,
                "group_id": p.group_id,
                "kind": p.kind,
            }
            for p in snapshot.participants
        ],
        "sequences": [
            {
                "id": s.id,
                "position": s.position,
                "planned_minutes": s.planned_minutes,
                "title": text(s.title),
                "deck": s.deck.model_dump(mode="json"),
            }
            for s in snapshot.sequences
        ],
        "events": [
            {
                "id": e.id,
                "author": e.author,
                "seq": e.seq,
                "kind": str(e.kind),
                "sequence_id": e.sequence_id,
                "group_id": e.group_id,
                "card_id": e.card_id,
                "payload": _payload(dict(e.payload), an),
                "at": _iso(e.at),
            }
            for e in with_legacy_ids(info.id, snapshot.events)  # a hand-built snapshot's events get ids
        ],
        "actions": [
            {
                "id": a.id,
                "action": text(a.action),
                "owner": text(a.owner),
                "deadline": _iso(a.deadline),
                "lever_id": a.lever_id,
                "position": a.position,
            }
            for a in snapshot.actions
        ],
        "attachments": [
            {
                "id": a.id,
                "filename": a.filename,
                "media_type": a.media_type,
                "sha256": a.sha256,
                "caption": text(a.caption),
                "size": a.size,
                "sequence_id": a.sequence_id,
                "card_id": a.card_id,
            }
            for a in snapshot.attachments
        ],
        "versions": [
            {"row_id": v.row_id, "field": v.field, "stamp": v.stamp, "base": v.base}
            for v in snapshot.versions
        ],
        **_entities(snapshot),
        # deleted records (core.merge.Tombstone), so a merge does not bring them back; ignored by older apps
        "tombstones": [{"row_id": t.row_id, "kind": t.kind, "stamp": t.stamp} for t in snapshot.tombstones],
        "debrief": {
            "strengths": [text(x) for x in snapshot.debrief.strengths],
            "vulnerabilities": [text(x) for x in snapshot.debrief.vulnerabilities],
            "felt": text(snapshot.debrief.felt),
            "happened": text(snapshot.debrief.happened),
            "transfer": text(snapshot.debrief.transfer),
            "agreement": text(snapshot.debrief.agreement),
        },
    }


def _entities(snapshot: WorkshopSnapshot) -> dict[str, Any]:
    """``programme`` and ``territories`` (the workshop's territory first, then its parents), when known:
    optional keys, which readers before them ignore."""
    out: dict[str, Any] = {}
    if snapshot.programme is not None:
        p = snapshot.programme
        out["programme"] = {"id": p.id, "name": p.name, "description": p.description}
    if snapshot.territories:
        out["territories"] = [
            {
                "id": t.id,
                "name": t.name,
                "kind": t.kind,
                "kind_label": t.kind_label,
                "code": t.code,
                "parent_id": t.parent_id,
            }
            for t in snapshot.territories
        ]
    return out


def _payload(payload: dict[str, Any], an: Anonymiser) -> dict[str, Any]:
    if not an.enabled:
        return payload
    out = dict(payload)
    for key in ("text", "argument"):
        if isinstance(out.get(key), str):
            out[key] = an.text(out[key])
    if "author" in out:
        out["author"] = ""
    return out


def normalised(snapshot: WorkshopSnapshot) -> WorkshopSnapshot:
    """The same snapshot with tuples everywhere and UTC datetimes, as ``read_bundle`` returns it: compare
    ``normalised(a) == normalised(b)``."""
    return replace(
        snapshot,
        groups=tuple(snapshot.groups),
        participants=tuple(snapshot.participants),
        sequences=tuple(snapshot.sequences),
        events=tuple(
            replace(e, at=as_utc(e.at), payload=dict(e.payload))
            for e in with_legacy_ids(snapshot.info.id, snapshot.events)
        ),
        actions=tuple(snapshot.actions),
        attachments=tuple(snapshot.attachments),
        territories=tuple(snapshot.territories),
        debrief=replace(
            snapshot.debrief,
            strengths=tuple(snapshot.debrief.strengths),
            vulnerabilities=tuple(snapshot.debrief.vulnerabilities),
        ),
        info=replace(
            snapshot.info,
            created_at=as_utc(snapshot.info.created_at) if snapshot.info.created_at else None,
            updated_at=as_utc(snapshot.info.updated_at) if snapshot.info.updated_at else None,
        ),
    )
