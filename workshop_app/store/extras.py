"""After the cards: the debrief, the action plan and the attachments (photos of boards and post-its)."""

from __future__ import annotations

import hashlib
import mimetypes
from datetime import date
from typing import Any

from sqlalchemy import select

from workshop_app.core.errors import AtelierError
from workshop_app.core.events import utc_now
from workshop_app.core.workshop import ActionItem, AttachmentInfo, Debrief
from workshop_app.store import convert
from workshop_app.store.base import NOT_FOUND, StoreBase
from workshop_app.store.models import (
    MAX_ATTACHMENT_BYTES,
    ActionRow,
    AttachmentRow,
    SequenceRow,
    WorkshopRow,
    new_id,
)
from workshop_app.store.planning import next_position


class ExtrasMixin(StoreBase):
    def set_debrief(self, workshop_id: str, debrief: Debrief) -> None:
        with self._write() as session:
            row = self._get(session, WorkshopRow, workshop_id)
            row.debrief = convert.debrief_data(debrief)
            row.updated_at = utc_now()

    # -- action plan ----------------------------------------------------------------------------------------
    def add_action(
        self,
        workshop_id: str,
        action: str,
        owner: str = "",
        deadline: date | None = None,
        lever_id: str | None = None,
    ) -> ActionItem:
        values = convert.clean_fields(
            ActionRow,
            {
                "action": convert.required(action, "action"),
                "owner": owner,
                "deadline": deadline,
                "lever_id": lever_id,
            },
            convert.ACTION_FIELDS,
        )
        with self._write() as session:
            self._touch(session, workshop_id)
            row = ActionRow(
                id=new_id(),
                workshop_id=workshop_id,
                position=next_position(session, ActionRow, workshop_id),
                **values,
            )
            session.add(row)
            session.flush()
            return convert.action_item(row)

    def update_action(self, action_id: str, **fields: Any) -> ActionItem:
        values = convert.clean_fields(ActionRow, fields, convert.ACTION_FIELDS)
        if "action" in values:
            values["action"] = convert.required(values["action"], "action")
        with self._write() as session:
            row = self._get(session, ActionRow, action_id)
            for name, value in values.items():
                setattr(row, name, value)
            self._touch(session, row.workshop_id)
            session.flush()
            return convert.action_item(row)

    def remove_action(self, action_id: str) -> None:
        with self._write() as session:
            row = self._get(session, ActionRow, action_id)
            self._touch(session, row.workshop_id)
            session.delete(row)

    # -- attachments ----------------------------------------------------------------------------------------
    def add_attachment(
        self,
        workshop_id: str,
        filename: str,
        data: bytes,
        caption: str = "",
        media_type: str | None = None,
        *,
        sequence_id: str | None = None,
        card_id: str | None = None,
    ) -> AttachmentInfo:
        check_attachment_size(filename, len(data))
        filename = convert.required(filename, "nom de fichier")
        media_type = media_type or mimetypes.guess_type(filename)[0] or "application/octet-stream"
        values = convert.clean_fields(
            AttachmentRow,
            {"filename": filename, "caption": caption, "media_type": media_type},
            frozenset({"filename", "caption", "media_type"}),
        )
        with self._write() as session:
            self._touch(session, workshop_id)
            row = AttachmentRow(
                id=new_id(),
                workshop_id=workshop_id,
                sha256=hashlib.sha256(data).hexdigest(),
                size=len(data),
                data=bytes(data),
                position=next_position(session, AttachmentRow, workshop_id),
                created_at=utc_now(),
                **values,
                **self._card_link(session, workshop_id, sequence_id, card_id),
            )
            session.add(row)
            session.flush()
            return convert.attachment_info(row)

    def update_attachment(
        self,
        attachment_id: str,
        *,
        caption: str | None = None,
        sequence_id: str | None = None,
        card_id: str | None = None,
        unlink: bool = False,
    ) -> AttachmentInfo:
        """Change a photo's caption, and/or attach it to a card (``sequence_id``, ``card_id``) or, with
        ``unlink``, to the debrief."""
        with self._write() as session:
            row = self._get(session, AttachmentRow, attachment_id)
            if caption is not None:
                values = convert.clean_fields(AttachmentRow, {"caption": caption}, frozenset({"caption"}))
                row.caption = values["caption"]
            if unlink or card_id is not None:
                link = self._card_link(session, row.workshop_id, sequence_id, card_id)
                row.sequence_id, row.card_id = link["sequence_id"], link["card_id"]
            self._touch(session, row.workshop_id)
            session.flush()
            return convert.attachment_info(row)

    def _card_link(
        self, session: Any, workshop_id: str, sequence_id: str | None, card_id: str | None
    ) -> dict[str, str | None]:
        """Check that the card is one of the workshop's sequences (French error otherwise)."""
        if not card_id:
            return {"sequence_id": None, "card_id": None}
        rows = session.execute(
            select(SequenceRow.id, SequenceRow.deck)
            .where(SequenceRow.workshop_id == workshop_id)
            .order_by(SequenceRow.position)
        ).all()
        for row_id, data in rows:
            if sequence_id and row_id != sequence_id:
                continue
            if any(card.id == card_id for card in self._deck_from(row_id, data).cards):
                return {"sequence_id": row_id, "card_id": card_id}
        raise AtelierError(f"La carte « {card_id} » n’est dans aucune séquence de cet atelier.")

    def attachment_data(self, attachment_id: str) -> bytes:
        with self._read() as session:
            data = session.scalar(select(AttachmentRow.data).where(AttachmentRow.id == attachment_id))
            if data is None:
                raise AtelierError(NOT_FOUND["AttachmentRow"])
            return bytes(data)

    def remove_attachment(self, attachment_id: str) -> None:
        with self._write() as session:
            row = self._get(session, AttachmentRow, attachment_id)
            self._touch(session, row.workshop_id)
            session.delete(row)


def check_attachment_size(filename: str, size: int) -> None:
    if size > MAX_ATTACHMENT_BYTES:
        limit = MAX_ATTACHMENT_BYTES // (1024 * 1024)
        raise AtelierError(
            f"La pièce jointe « {filename} » est trop lourde "
            f"({size / 1024 / 1024:.1f} Mo ; {limit} Mo au plus). "
            "Réduisez la photo avant de l’ajouter."
        )
