"""Reading: a whole workshop in one transaction (the snapshot), and the list of workshops with progress."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workshop_app.core.deck import QuestionDeck
from workshop_app.core.deck_loader import AnyDeck
from workshop_app.core.events import ordered
from workshop_app.core.state import WorkshopState, fold
from workshop_app.core.workshop import SequenceInfo, WorkshopSnapshot
from workshop_app.services.api import WorkshopSummary
from workshop_app.store import convert
from workshop_app.store.base import StoreBase
from workshop_app.store.models import (
    ActionRow,
    AttachmentRow,
    GroupRow,
    ParticipantRow,
    SequenceRow,
    WorkshopRow,
)
from workshop_app.store.play import _load_events
from workshop_app.store.tombstones import load_tombstones
from workshop_app.store.versions import load_versions

_STATE_CACHE_SIZE = 64


class ReadingMixin(StoreBase):
    def workshop_ids(self) -> list[str]:
        """Every workshop's id, without folding any event log (the CLI resolves an id prefix with it)."""
        with self._read() as session:
            return list(session.scalars(select(WorkshopRow.id)))

    def snapshot(self, workshop_id: str) -> WorkshopSnapshot:
        with self._read() as session:
            row = self._get(session, WorkshopRow, workshop_id)
            groups = session.scalars(
                select(GroupRow)
                .where(GroupRow.workshop_id == workshop_id)
                .order_by(GroupRow.position, GroupRow.id)
            )
            participants = session.scalars(
                select(ParticipantRow)
                .where(ParticipantRow.workshop_id == workshop_id)
                .order_by(ParticipantRow.position, ParticipantRow.id)
            )
            actions = session.scalars(
                select(ActionRow)
                .where(ActionRow.workshop_id == workshop_id)
                .order_by(ActionRow.position, ActionRow.id)
            )
            attachments = session.execute(
                select(
                    AttachmentRow.id,
                    AttachmentRow.filename,
                    AttachmentRow.media_type,
                    AttachmentRow.sha256,
                    AttachmentRow.caption,
                    AttachmentRow.size,
                    AttachmentRow.sequence_id,
                    AttachmentRow.card_id,
                )
                .where(AttachmentRow.workshop_id == workshop_id)
                .order_by(AttachmentRow.position, AttachmentRow.id)
            )
            from workshop_app.store import entities

            programme, territories = entities.read(session, row)
            return WorkshopSnapshot(
                info=convert.workshop_info(row),
                groups=tuple(convert.group_info(g) for g in groups),
                participants=tuple(convert.participant_info(p) for p in participants),
                sequences=tuple(self._sequences(session, workshop_id)),
                events=tuple(ordered(_load_events(session, workshop_id, 0))),
                actions=tuple(convert.action_item(a) for a in actions),
                attachments=tuple(convert.attachment_info(a) for a in attachments),
                debrief=convert.debrief_from(row.debrief),
                versions=tuple(load_versions(session, workshop_id)),
                programme=programme,
                territories=territories,
                tombstones=tuple(load_tombstones(session, workshop_id)),
            )

    def list_workshops(self) -> list[WorkshopSummary]:
        """From the stored summaries (``store.summaries``): only workshops changed since are recomputed."""
        from workshop_app.store.summaries import list_summaries

        return list_summaries(self)

    def set_programme(self, workshop_id: str, name: str) -> None:
        from workshop_app.store.territories import programme_for

        with self._write() as session:
            self._touch(session, workshop_id)
            row = session.get(WorkshopRow, workshop_id)
            if row is not None:  # through the row: the change gets its field version (a merge settles it)
                row.programme_id = programme_for(session, name)

    def territory_names(self) -> list[str]:
        from workshop_app.store.territories import territory_names

        with self._read() as session:
            return territory_names(session)

    def _sequences(self, session: Session, workshop_id: str) -> list[SequenceInfo]:
        rows = session.execute(
            select(SequenceRow.id, SequenceRow.position, SequenceRow.planned_minutes, SequenceRow.title)
            .where(SequenceRow.workshop_id == workshop_id)
            .order_by(SequenceRow.position, SequenceRow.id)
        )
        return [
            SequenceInfo(
                id=r.id,
                position=r.position,
                deck=self._current_deck(session, r.id),
                planned_minutes=r.planned_minutes,
                title=r.title,
            )
            for r in rows
        ]

    def _current_deck(self, session: Session, sequence_id: str) -> AnyDeck:
        """The cached deck, except a grid's (``cobuilt``): its snapshot gains the criteria co-built during the
        workshop, maybe by another window on this database, so its data is read again (``_deck_from``)."""
        deck = self._deck(session, sequence_id)
        if isinstance(deck, QuestionDeck) and deck.cobuilt is not None:
            data = session.scalar(select(SequenceRow.deck).where(SequenceRow.id == sequence_id))
            if data is not None:
                return self._deck_from(sequence_id, data)
        return deck

    def _state(self, session: Session, workshop_id: str, log: Any) -> WorkshopState:
        """The folded state, cached while the log has not grown (events are never changed, only appended)."""
        cache = self._states
        key = (int(log.last_seq), int(log.count))
        hit = cache.get(workshop_id)
        if hit is not None and hit[0] == key:
            return hit[1]
        state = fold(_load_events(session, workshop_id, 0))
        if len(cache) >= _STATE_CACHE_SIZE:
            cache.clear()
        cache[workshop_id] = (key, state)
        return state


def progress(sequences: list[SequenceInfo], state: WorkshopState, group_ids: list[str]) -> tuple[int, int]:
    """(answered, total) as :class:`WorkshopSummary` defines them."""
    answered = total = 0
    for sequence in sequences:
        seq_state = state.sequences.get(sequence.id)
        if isinstance(sequence.deck, QuestionDeck):
            cards = [c.id for c in sequence.deck.cards]
            total += len(cards) * len(group_ids)
            if seq_state is not None:
                answered += sum(1 for g in group_ids for c in cards if (g, c) in seq_state.answers)
        else:
            total += len(group_ids)
            if seq_state is not None:
                answered += sum(1 for g in group_ids if seq_state.picks.get(g))
    return answered, total
