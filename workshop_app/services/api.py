"""The service the UI and the CLI both use: one interface, implemented by the store.

Every write is committed before the method returns; a method that records something returns what it stored
(the ``Event``, the ``ActionItem``…), so callers can tell their listeners exactly what changed.
Failures raise :class:`AtelierError` (or a subclass) whose ``str()`` is a French sentence fit for a dialog.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any, Protocol

from workshop_app.core.deck_loader import AnyDeck
from workshop_app.core.errors import AtelierError
from workshop_app.core.events import Event, EventKind
from workshop_app.core.merge import MergeConflict, MergeReport
from workshop_app.core.programme import ProgrammeStep
from workshop_app.core.territory import KnownTerritory
from workshop_app.core.workshop import (
    ActionItem,
    AttachmentInfo,
    Debrief,
    GroupInfo,
    ParticipantInfo,
    SequenceInfo,
    WorkshopInfo,
    WorkshopSnapshot,
)
from workshop_app.services.summary import WorkshopSummary

__all__ = ["AtelierError", "WorkshopService", "WorkshopSummary"]


class WorkshopService(Protocol):
    #: the device id written into every event recorded through this service (see ``paths.device_id``)
    author: str

    # -- workshops ------------------------------------------------------------------------------------------
    def create_workshop(self, title: str, **fields: Any) -> WorkshopInfo:
        """``fields``: any attribute of WorkshopInfo but ``id`` (territory, date, place, facilitators…)."""
        ...

    def update_workshop(self, workshop_id: str, **fields: Any) -> WorkshopInfo: ...

    def get_workshop(self, workshop_id: str) -> WorkshopInfo: ...

    def list_workshops(self) -> list[WorkshopSummary]:
        """Most recently changed first."""
        ...

    def delete_workshop(self, workshop_id: str) -> None: ...

    def set_programme(self, workshop_id: str, name: str) -> None:
        """Put the workshop in the programme of that name (created if new); an empty name takes it out."""
        ...

    def territory_names(self) -> list[str]:
        """The names of the territories already known (set-up's suggestions), sorted."""
        ...

    def territories(self) -> list[KnownTerritory]:
        """Every known territory (name, kind, code, parent, number of workshops), sorted by name."""
        ...

    def territory_of(self, workshop_id: str) -> KnownTerritory | None: ...

    def update_territory(
        self, territory_id: str, *, code: str | None = None, parent_id: str | object | None = ...
    ) -> KnownTerritory:
        """The territory's code (INSEE or SIREN, checked) and/or parent; shared by all its workshops."""
        ...

    def programme_names(self) -> list[str]: ...

    def programme_of(self, workshop_id: str) -> str: ...

    # -- groups and participants ----------------------------------------------------------------------------
    def add_group(self, workshop_id: str, name: str, colour: str | None = None) -> GroupInfo: ...

    def update_group(
        self, group_id: str, *, name: str | None = None, colour: str | None = None
    ) -> GroupInfo: ...

    def remove_group(self, group_id: str) -> None:
        """Refused (AtelierError) once the group has answers: its events must stay meaningful."""
        ...

    def add_participant(self, workshop_id: str, **fields: Any) -> ParticipantInfo:
        """``fields``: name, role, service, organisation, group_id (all optional)."""
        ...

    def update_participant(self, participant_id: str, **fields: Any) -> ParticipantInfo: ...

    def move_participants(self, participant_ids: list[str], group_id: str | None) -> int:
        """Seat several participants at one table (None: no table) in one commit; returns how many moved."""
        ...

    def remove_participant(self, participant_id: str) -> None: ...

    # -- programme steps that are not decks (see core.programme) -------------------------------------------
    def plan_step(
        self,
        workshop_id: str,
        kind: str,
        label: str = "",
        minutes: int | None = None,
        slot: int = 0,
        step_id: str | None = None,
        order: int | None = None,
    ) -> ProgrammeStep: ...

    def remove_step(self, workshop_id: str, step_id: str) -> None: ...

    def mark_step(self, workshop_id: str, step_id: str, started: bool) -> ProgrammeStep: ...

    def programme_steps(self, workshop_id: str) -> list[ProgrammeStep]: ...

    # -- sequences (decks played, snapshotted) --------------------------------------------------------------
    def add_sequence(
        self, workshop_id: str, deck: AnyDeck, planned_minutes: int | None = None, title: str = ""
    ) -> SequenceInfo: ...

    def update_sequence(
        self, sequence_id: str, *, planned_minutes: int | None = None, title: str | None = None
    ) -> SequenceInfo: ...

    def move_sequence(self, sequence_id: str, position: int) -> None: ...

    def add_criterion(self, workshop_id: str, deck_id: str, label: str, weight: float = 1.0) -> str:
        """A criterion built during the workshop, added to every sequence of the grid ``deck_id``
        (``store.cobuilt``); returns its card id."""
        ...

    def remove_sequence(self, sequence_id: str) -> None:
        """Refused once the sequence has events."""
        ...

    # -- play: every call appends one event, committed before it returns -------------------------------------
    def record_event(
        self,
        workshop_id: str,
        kind: EventKind,
        *,
        sequence_id: str | None = None,
        group_id: str | None = None,
        card_id: str | None = None,
        payload: dict[str, Any] | None = None,
    ) -> Event: ...

    def record_choice(
        self, workshop_id: str, sequence_id: str, group_id: str, card_id: str, option: str, argument: str = ""
    ) -> Event: ...

    def withdraw_choice(self, workshop_id: str, sequence_id: str, group_id: str, card_id: str) -> Event: ...

    def set_argument(
        self, workshop_id: str, sequence_id: str, group_id: str, card_id: str, argument: str
    ) -> Event: ...

    def pick_card(self, workshop_id: str, sequence_id: str, group_id: str, card_id: str) -> Event: ...

    def drop_card(self, workshop_id: str, sequence_id: str, group_id: str, card_id: str) -> Event: ...

    def add_note(
        self,
        workshop_id: str,
        text: str,
        *,
        sequence_id: str | None = None,
        group_id: str | None = None,
        card_id: str | None = None,
        internal: bool = False,
    ) -> Event: ...

    def show_card(self, workshop_id: str, sequence_id: str, card_id: str) -> Event: ...

    def set_revealed(self, workshop_id: str, sequence_id: str, revealed: bool) -> Event: ...

    def undo(self, workshop_id: str) -> Event | None:
        """Appends an ``undo`` event for the latest effective undoable event; None when nothing to undo."""
        ...

    def redo(self, workshop_id: str) -> Event | None: ...

    def events(self, workshop_id: str, after_seq: int = 0) -> list[Event]: ...

    # -- reading --------------------------------------------------------------------------------------------
    def snapshot(self, workshop_id: str) -> WorkshopSnapshot:
        """Everything about one workshop, read in one transaction."""
        ...

    # -- debrief, action plan, attachments ------------------------------------------------------------------
    def set_debrief(self, workshop_id: str, debrief: Debrief) -> None: ...

    def add_action(
        self,
        workshop_id: str,
        action: str,
        owner: str = "",
        deadline: date | None = None,
        lever_id: str | None = None,
    ) -> ActionItem: ...

    def update_action(self, action_id: str, **fields: Any) -> ActionItem: ...

    def remove_action(self, action_id: str) -> None: ...

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
    ) -> AttachmentInfo: ...

    def update_attachment(
        self,
        attachment_id: str,
        *,
        caption: str | None = None,
        sequence_id: str | None = None,
        card_id: str | None = None,
        unlink: bool = False,
    ) -> AttachmentInfo: ...

    def attachment_data(self, attachment_id: str) -> bytes: ...

    def remove_attachment(self, attachment_id: str) -> None: ...

    # -- moving workshops between laptops ----------------------------------------------------------------
    def import_snapshot(self, snapshot: WorkshopSnapshot, attachment_data: Mapping[str, bytes]) -> bool:
        """:meth:`merge_snapshot`, True if anything changed."""
        ...

    def merge_snapshot(self, snapshot: WorkshopSnapshot, attachment_data: Mapping[str, bytes]) -> MergeReport:
        """Merge a copy of a workshop (read from a bundle or another database) into this one: the union of
        the events (by id), records merged per field (``core.merge``), whole or nothing. Importing twice
        changes nothing; the report says what was added, changed and what conflicted, in French."""
        ...

    def conflicts(self, workshop_id: str, *, include_settled: bool = True) -> list[MergeConflict]:
        """Values that lost a merge, oldest first (kept to be settled by hand)."""
        ...

    def record_conflicts(self, workshop_id: str, conflicts: Iterable[MergeConflict]) -> int:
        """Keep here the conflicts a sync met in another database (each once); how many were new."""
        ...

    def settle_conflict(self, conflict_id: str, take_lost: bool) -> MergeConflict:
        """Keep the value both copies kept, or take back the other one; written as a new version of the
        field, so the choice merges to the other copies (``store.conflicts``)."""
        ...

    def close(self) -> None: ...


def sequence_titles(sequences: Sequence[SequenceInfo]) -> tuple[str, ...]:
    return tuple(s.display_title for s in sequences)
