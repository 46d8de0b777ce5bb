"""Setting a workshop up: the workshop, its groups and participants, and its sequences (decks played)."""

from __future__ import annotations

import re
from typing import Any, cast

from sqlalchemy import delete, exists, func, select
from sqlalchemy.orm import Session

from workshop_app.core.deck_loader import AnyDeck
from workshop_app.core.errors import AtelierError
from workshop_app.core.events import EventKind, utc_now
from workshop_app.core.programme import ProgrammeStep, planned_payload, programme_steps, step_title
from workshop_app.core.workshop import GroupInfo, ParticipantInfo, SequenceInfo, WorkshopInfo
from workshop_app.store import convert
from workshop_app.store.base import NOT_FOUND, StoreBase
from workshop_app.store.models import EventRow, GroupRow, ParticipantRow, SequenceRow, WorkshopRow, new_id

# Colour-blind-friendly defaults for new groups (Okabe–Ito, then a few more).
GROUP_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999")
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


class PlanningMixin(StoreBase):
    # -- workshops ------------------------------------------------------------------------------------------
    def create_workshop(self, title: str, **fields: Any) -> WorkshopInfo:
        values = convert.clean_fields(WorkshopRow, {"title": title, **fields}, convert.WORKSHOP_FIELDS)
        values["title"] = convert.required(values["title"], "titre")
        now = utc_now()
        with self._write() as session:
            row = WorkshopRow(id=new_id(), created_at=now, updated_at=now, debrief={}, **values)
            session.add(row)
            session.flush()
            return convert.workshop_info(row)

    def update_workshop(self, workshop_id: str, **fields: Any) -> WorkshopInfo:
        values = convert.clean_fields(WorkshopRow, fields, convert.WORKSHOP_FIELDS)
        if "title" in values:
            values["title"] = convert.required(values["title"], "titre")
        with self._write() as session:
            row = self._get(session, WorkshopRow, workshop_id)
            for name, value in values.items():
                setattr(row, name, value)
            row.updated_at = utc_now()
            session.flush()
            return convert.workshop_info(row)

    def get_workshop(self, workshop_id: str) -> WorkshopInfo:
        with self._read() as session:
            return convert.workshop_info(self._get(session, WorkshopRow, workshop_id))

    def delete_workshop(self, workshop_id: str) -> None:
        """Delete the workshop and all that is its own, in one transaction: the foreign keys cascade to its
        sequences, groups, participants, events, action plan and attachments (photos included)."""
        with self._write() as session:
            ids = session.scalars(select(SequenceRow.id).where(SequenceRow.workshop_id == workshop_id)).all()
            result = session.execute(delete(WorkshopRow).where(WorkshopRow.id == workshop_id))
            if result.rowcount == 0:  # type: ignore[attr-defined]
                raise AtelierError(NOT_FOUND["WorkshopRow"])
        for sequence_id in ids:
            self._decks.pop(sequence_id, None)
        with self._lock:  # a bundle of the same workshop imported later must not find the old folded state
            self._states.pop(workshop_id, None)

    # -- groups ---------------------------------------------------------------------------------------------
    def add_group(self, workshop_id: str, name: str, colour: str | None = None) -> GroupInfo:
        name = convert.required(name, "nom du groupe")
        values = convert.clean_fields(GroupRow, {"name": name}, frozenset({"name"}))
        with self._write() as session:
            self._touch(session, workshop_id)
            position = next_position(session, GroupRow, workshop_id)
            row = GroupRow(
                id=new_id(),
                workshop_id=workshop_id,
                colour=_colour(colour) if colour else GROUP_COLOURS[position % len(GROUP_COLOURS)],
                position=position,
                **values,
            )
            session.add(row)
            session.flush()
            return convert.group_info(row)

    def update_group(self, group_id: str, *, name: str | None = None, colour: str | None = None) -> GroupInfo:
        with self._write() as session:
            row = self._get(session, GroupRow, group_id)
            if name is not None:
                row.name = convert.clean_fields(
                    GroupRow, {"name": convert.required(name, "nom du groupe")}, frozenset({"name"})
                )["name"]
            if colour is not None:
                row.colour = _colour(colour)
            self._touch(session, row.workshop_id)
            session.flush()
            return convert.group_info(row)

    def remove_group(self, group_id: str) -> None:
        with self._write() as session:
            row = self._get(session, GroupRow, group_id)
            if session.scalar(select(exists().where(EventRow.group_id == group_id))):
                raise AtelierError(
                    f"Le groupe « {row.name} » a déjà des réponses enregistrées : il ne peut "
                    "plus être supprimé (renommez-le si besoin)."
                )
            self._touch(session, row.workshop_id)
            session.delete(row)

    # -- participants ---------------------------------------------------------------------------------------
    def add_participant(self, workshop_id: str, **fields: Any) -> ParticipantInfo:
        values = convert.clean_fields(ParticipantRow, fields, convert.PARTICIPANT_FIELDS)
        with self._write() as session:
            self._touch(session, workshop_id)
            self._check_group(session, workshop_id, values.get("group_id"))
            position = next_position(session, ParticipantRow, workshop_id)
            row = ParticipantRow(id=new_id(), workshop_id=workshop_id, position=position, **values)
            session.add(row)
            session.flush()
            return convert.participant_info(row)

    def update_participant(self, participant_id: str, **fields: Any) -> ParticipantInfo:
        values = convert.clean_fields(ParticipantRow, fields, convert.PARTICIPANT_FIELDS)
        with self._write() as session:
            row = self._get(session, ParticipantRow, participant_id)
            self._check_group(session, row.workshop_id, values.get("group_id"))
            for name, value in values.items():
                setattr(row, name, value)
            self._touch(session, row.workshop_id)
            session.flush()
            return convert.participant_info(row)

    def move_participants(self, participant_ids: list[str], group_id: str | None) -> int:
        """Seat several participants at one table (``None``: « sans table ») in one commit; how many moved.

        Every id must belong to the same workshop as the table, or nothing moves."""
        if not participant_ids:
            return 0
        with self._write() as session:
            rows = list(session.scalars(select(ParticipantRow).where(ParticipantRow.id.in_(participant_ids))))
            if len(rows) != len(set(participant_ids)):
                raise AtelierError("Ce participant n’existe plus dans cet atelier.")
            workshops = {row.workshop_id for row in rows}
            if len(workshops) != 1:
                raise AtelierError("Ces participants ne sont pas tous dans le même atelier.")
            workshop_id = workshops.pop()
            self._check_group(session, workshop_id, group_id)
            moved = 0
            for row in rows:
                if row.group_id != group_id:
                    row.group_id = group_id
                    moved += 1
            if moved:
                self._touch(session, workshop_id)
            return moved

    def remove_participant(self, participant_id: str) -> None:
        with self._write() as session:
            row = self._get(session, ParticipantRow, participant_id)
            self._touch(session, row.workshop_id)
            session.delete(row)

    def _check_group(self, session: Session, workshop_id: str, group_id: str | None) -> None:
        if group_id is None:
            return
        owner = session.scalar(select(GroupRow.workshop_id).where(GroupRow.id == group_id))
        if owner != workshop_id:
            raise AtelierError("Ce groupe n’existe pas dans cet atelier.")

    # -- programme steps that are not decks (accueil, pause, bilan…): events, see core.programme -------------
    def plan_step(
        self,
        workshop_id: str,
        kind: str,
        label: str = "",
        minutes: int | None = None,
        slot: int = 0,
        step_id: str | None = None,
        order: int | None = None,
    ) -> ProgrammeStep:
        """Add a step (no ``step_id``) or change one; returns the step as the log now holds it."""
        step_id = step_id or new_id()
        payload = planned_payload(step_id, kind, label, minutes, slot, order)
        self._step_event(workshop_id, EventKind.STEP_PLANNED, payload)
        return self._step(workshop_id, step_id)

    def remove_step(self, workshop_id: str, step_id: str) -> None:
        self._step(workshop_id, step_id)
        self._step_event(workshop_id, EventKind.STEP_REMOVED, {"step": step_id})

    def mark_step(self, workshop_id: str, step_id: str, started: bool) -> ProgrammeStep:
        """The step starts (``started``) or ends now: its actual time is this event's."""
        step = self._step(workshop_id, step_id)
        if not started and step.started_at is None:
            raise AtelierError(f"L’étape « {step_title(step)} » n’a pas commencé.")
        kind = EventKind.STEP_STARTED if started else EventKind.STEP_ENDED
        self._step_event(workshop_id, kind, {"step": step_id})
        return self._step(workshop_id, step_id)

    def programme_steps(self, workshop_id: str) -> list[ProgrammeStep]:
        events = cast(Any, self).events(workshop_id)
        return programme_steps(events)

    def _step(self, workshop_id: str, step_id: str) -> ProgrammeStep:
        step = next((s for s in self.programme_steps(workshop_id) if s.id == step_id), None)
        if step is None:
            raise AtelierError("Cette étape n’est plus au programme.")
        return step

    def _step_event(self, workshop_id: str, kind: EventKind, payload: dict[str, Any]) -> None:
        cast(Any, self).record_event(workshop_id, kind, payload=payload)

    # -- sequences ------------------------------------------------------------------------------------------
    def add_sequence(
        self, workshop_id: str, deck: AnyDeck, planned_minutes: int | None = None, title: str = ""
    ) -> SequenceInfo:
        _check_minutes(planned_minutes)
        title = convert.clean_fields(SequenceRow, {"title": title}, frozenset({"title"}))["title"]
        data = deck.model_dump(mode="json")
        with self._write() as session:
            self._touch(session, workshop_id)
            row = SequenceRow(
                id=new_id(),
                workshop_id=workshop_id,
                position=next_position(session, SequenceRow, workshop_id),
                planned_minutes=planned_minutes,
                title=title,
                deck_id=deck.id,
                deck_version=deck.version,
                deck=data,
            )
            session.add(row)
            session.flush()
            return convert.sequence_info(row, self._deck_from(row.id, data))

    def update_sequence(
        self, sequence_id: str, *, planned_minutes: int | None = None, title: str | None = None
    ) -> SequenceInfo:
        _check_minutes(planned_minutes)
        with self._write() as session:
            row = self._get(session, SequenceRow, sequence_id)
            if planned_minutes is not None:
                row.planned_minutes = planned_minutes
            if title is not None:
                row.title = convert.clean_fields(SequenceRow, {"title": title}, frozenset({"title"}))["title"]
            self._touch(session, row.workshop_id)
            session.flush()
            return convert.sequence_info(row, self._deck(session, row.id))

    def move_sequence(self, sequence_id: str, position: int) -> None:
        with self._write() as session:
            row = self._get(session, SequenceRow, sequence_id)
            rows = list(
                session.scalars(
                    select(SequenceRow)
                    .where(SequenceRow.workshop_id == row.workshop_id)
                    .order_by(SequenceRow.position)
                )
            )
            rows.remove(row)
            rows.insert(max(0, min(position, len(rows))), row)
            for index, item in enumerate(rows):
                item.position = index
            self._touch(session, row.workshop_id)

    def remove_sequence(self, sequence_id: str) -> None:
        with self._write() as session:
            row = self._get(session, SequenceRow, sequence_id)
            if session.scalar(select(exists().where(EventRow.sequence_id == sequence_id))):
                raise AtelierError(
                    f"La séquence « {row.title or row.deck_id} » a déjà été jouée : "
                    "elle ne peut plus être supprimée."
                )
            self._touch(session, row.workshop_id)
            session.delete(row)
        self._decks.pop(sequence_id, None)


def next_position(session: Session, row_type: Any, workshop_id: str) -> int:
    last = session.scalar(select(func.max(row_type.position)).where(row_type.workshop_id == workshop_id))
    return 0 if last is None else int(last) + 1


def _colour(value: str) -> str:
    if not _COLOUR.match(value or ""):
        raise AtelierError(f"Couleur invalide : « {value} » (attendu : #RRVVBB).")
    return value.upper()


def _check_minutes(minutes: int | None) -> None:
    if minutes is not None and not 0 < minutes <= 24 * 60:
        raise AtelierError("La durée prévue doit être comprise entre 1 et 1 440 minutes.")
