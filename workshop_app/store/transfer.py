"""Moving workshops between laptops: insert a workshop read from a bundle, keeping its UUIDs.

Idempotent: rows already present (same id; events with the same workshop and seq) are left as they are, so
importing the same bundle twice changes nothing, and importing a newer bundle of the same workshop only adds
what is new.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from workshop_app.core.errors import AtelierError
from workshop_app.core.events import utc_now
from workshop_app.core.workshop import WorkshopSnapshot
from workshop_app.store import convert
from workshop_app.store.base import StoreBase
from workshop_app.store.extras import check_attachment_size
from workshop_app.store.models import (
    ActionRow,
    AttachmentRow,
    EventRow,
    GroupRow,
    ParticipantRow,
    SequenceRow,
    WorkshopRow,
    new_id,
)

# What an imported archive says is checked like what the app's own forms send (lengths above all).
_GROUP_FIELDS = frozenset({"name", "colour"})
_ATTACHMENT_FIELDS = frozenset({"filename", "caption"})


class TransferMixin(StoreBase):
    def import_snapshot(self, snapshot: WorkshopSnapshot, attachment_data: Mapping[str, bytes]) -> bool:
        _check_attachments(snapshot, attachment_data)
        info = snapshot.info
        wid = info.id
        with self._write() as session:
            created = added = session.get(WorkshopRow, wid) is None
            if created:
                values = convert.clean_fields(
                    WorkshopRow,
                    {name: getattr(info, name) for name in convert.WORKSHOP_FIELDS},
                    convert.WORKSHOP_FIELDS,
                )
                now = utc_now()
                session.add(
                    WorkshopRow(
                        id=wid,
                        created_at=info.created_at or now,
                        updated_at=info.updated_at or now,
                        debrief=convert.debrief_data(snapshot.debrief),
                        **values,
                    )
                )
                session.flush()
            present = _ids(session, GroupRow, wid)
            for g in snapshot.groups:
                if g.id not in present:
                    convert.clean_fields(GroupRow, {"name": g.name, "colour": g.colour}, _GROUP_FIELDS)
                    session.add(
                        GroupRow(id=g.id, workshop_id=wid, name=g.name, colour=g.colour, position=g.position)
                    )
                    added = True
            present = _ids(session, SequenceRow, wid)
            for s in snapshot.sequences:
                if s.id not in present:
                    session.add(
                        SequenceRow(
                            id=s.id,
                            workshop_id=wid,
                            position=s.position,
                            planned_minutes=s.planned_minutes,
                            title=s.title,
                            deck_id=s.deck.id,
                            deck_version=s.deck.version,
                            deck=s.deck.model_dump(mode="json"),
                        )
                    )
                    added = True
            session.flush()
            added |= _import_rest(session, snapshot, attachment_data)
            if added and not created:
                self._touch(session, wid)
            return added


def _import_rest(session: Session, snapshot: WorkshopSnapshot, attachment_data: Mapping[str, bytes]) -> bool:
    wid = snapshot.info.id
    added = False
    present = _ids(session, ParticipantRow, wid)
    for index, p in enumerate(snapshot.participants):
        if p.id not in present:
            convert.clean_fields(
                ParticipantRow,
                {"name": p.name, "role": p.role, "service": p.service, "organisation": p.organisation},
                convert.PARTICIPANT_FIELDS,
            )
            session.add(
                ParticipantRow(
                    id=p.id,
                    workshop_id=wid,
                    name=p.name,
                    role=p.role,
                    service=p.service,
                    organisation=p.organisation,
                    group_id=p.group_id,
                    kind=p.kind,
                    position=index,
                )
            )
            added = True
    present = _ids(session, ActionRow, wid)
    for a in snapshot.actions:
        if a.id not in present:
            fields = {"action": a.action, "owner": a.owner, "lever_id": a.lever_id}
            convert.clean_fields(ActionRow, fields, convert.ACTION_FIELDS)
            session.add(
                ActionRow(
                    id=a.id,
                    workshop_id=wid,
                    action=a.action,
                    owner=a.owner,
                    deadline=a.deadline,
                    lever_id=a.lever_id,
                    position=a.position,
                )
            )
            added = True
    present = _ids(session, AttachmentRow, wid)
    for index, att in enumerate(snapshot.attachments):
        if att.id not in present:
            data = attachment_data[att.id]
            convert.clean_fields(
                AttachmentRow, {"filename": att.filename, "caption": att.caption}, _ATTACHMENT_FIELDS
            )
            session.add(
                AttachmentRow(
                    id=att.id,
                    workshop_id=wid,
                    filename=att.filename,
                    media_type=att.media_type,
                    sha256=att.sha256,
                    caption=att.caption,
                    sequence_id=att.sequence_id,
                    card_id=att.card_id,
                    size=len(data),
                    data=bytes(data),
                    position=index,
                    created_at=utc_now(),
                )
            )
            added = True
    session.flush()
    seqs = set(session.scalars(select(EventRow.seq).where(EventRow.workshop_id == wid)))
    new_events = [
        {
            "id": new_id(),
            "workshop_id": wid,
            "seq": e.seq,
            "at": e.at,
            "kind": e.kind.value,
            "sequence_id": e.sequence_id,
            "group_id": e.group_id,
            "card_id": e.card_id,
            "payload": dict(e.payload),
        }
        for e in snapshot.events
        if e.seq not in seqs
    ]
    if new_events:
        session.execute(insert(EventRow), new_events)
        added = True
    return added


def _ids(session: Session, row_type: Any, workshop_id: str) -> set[str]:
    return set(session.scalars(select(row_type.id).where(row_type.workshop_id == workshop_id)))


def _check_attachments(snapshot: WorkshopSnapshot, attachment_data: Mapping[str, bytes]) -> None:
    for att in snapshot.attachments:
        data = attachment_data.get(att.id)
        if data is None:
            raise AtelierError(f"La pièce jointe « {att.filename} » manque dans l'archive : import annulé.")
        check_attachment_size(att.filename, len(data))
        if hashlib.sha256(data).hexdigest() != att.sha256:
            raise AtelierError(
                f"La pièce jointe « {att.filename} » est abîmée (empreinte différente) : import annulé."
            )
