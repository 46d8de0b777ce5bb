"""One line of the workshop list, in a module light enough for the start screen (no pydantic, no SQLAlchemy):
the start page shows the list from its cache before the store is even open."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class WorkshopSummary:
    id: str
    title: str
    territory: str
    date: date | None
    status: str  # a WorkshopStatus value (a StrEnum, so the enum itself fits here too)
    deck_titles: tuple[str, ...]
    answered: int  # (group, card) answers recorded, or strategy groups that picked at least one card
    total: int  # groups x cards over question sequences, plus groups for strategy sequences
    updated_at: datetime | None
    last_event_at: datetime | None
    deck_ids: tuple[str, ...] = ()  # the deck id of each sequence, in order
    groups: int = 0
    events: int = 0  # events in the log (votes, undos, notes…)
    programme: str = ""  # the programme (cohort) the workshop belongs to, if any
