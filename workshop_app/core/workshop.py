"""Plain records of a workshop, shared by the store (which fills them), the exports and the UI (which read
them).

``WorkshopSnapshot`` is everything the minutes need, read in one transaction: no export or widget ever goes
back to the database while it works.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.core.events import Event
from workshop_app.core.merge import FieldVersion
from workshop_app.core.scoring import CompassReading, score
from workshop_app.core.state import SequenceState, WorkshopState, fold


class WorkshopStatus(StrEnum):
    DRAFT = "draft"  # being set up
    RUNNING = "running"  # cards being played
    DONE = "done"  # debriefed, minutes can be sent
    ARCHIVED = "archived"


@dataclass(frozen=True)
class WorkshopInfo:
    id: str
    title: str
    territory: str = ""  # commune / EPCI
    territory_kind: str = ""  # e.g. "Commune", "Communauté d'agglomération"
    date: date | None = None
    place: str = ""
    facilitators: str = ""
    context: str = ""
    objectives: str = ""
    fixed_points: str = ""  # what was fixed and what was open for debate
    status: WorkshopStatus = WorkshopStatus.DRAFT
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True)
class GroupInfo:
    id: str
    name: str
    colour: str = "#4C72B0"
    position: int = 0


@dataclass(frozen=True)
class ParticipantInfo:
    id: str
    name: str = ""  # optional: many facilitators record roles only
    role: str = ""  # e.g. "Directeur"
    service: str = ""  # e.g. "Espaces verts"
    organisation: str = ""  # e.g. "Ville", "Agglomération"
    group_id: str | None = None
    kind: str = ""  # "élu", "agent", "partenaire" or "" (not said): a role, not a service

    def display(self, anonymise: bool, index: int) -> str:
        if anonymise or not self.name:
            return f"Participant·e {index}"
        return self.name


@dataclass(frozen=True)
class SequenceInfo:
    """One deck played in the workshop, with the deck exactly as it was played (a snapshot)."""

    id: str
    position: int
    deck: QuestionDeck | StrategyDeck
    planned_minutes: int | None = None
    title: str = ""  # defaults to the deck's title

    @property
    def display_title(self) -> str:
        return self.title or self.deck.title


@dataclass(frozen=True)
class ActionItem:
    id: str
    action: str
    owner: str = ""  # porteur
    deadline: date | None = None
    lever_id: str | None = None  # a lever or axis id of one of the workshop's decks
    position: int = 0


@dataclass(frozen=True)
class AttachmentInfo:
    id: str
    filename: str
    media_type: str
    sha256: str
    caption: str = ""
    size: int = 0
    sequence_id: str | None = None  # with card_id: the card the photo belongs to; None: the debrief's
    card_id: str | None = None


@dataclass(frozen=True)
class Debrief:
    strengths: tuple[str, ...] = ()
    vulnerabilities: tuple[str, ...] = ()
    felt: str = ""  # what was felt
    happened: str = ""  # what happened
    transfer: str = ""  # what transfers to real life
    agreement: str = ""  # agreement / disagreement between tables, as the facilitator words it
    # who wrote each line of ``strengths`` / ``vulnerabilities``: (line, "proposed" | "validated" | "written")
    # (see core.findings.Origin); a line missing here comes from a debrief saved before this was recorded
    origins: tuple[tuple[str, str], ...] = ()

    def origin(self, line: str) -> str | None:
        """« proposed », « validated » or « written » for a line of the lists; None when not recorded."""
        key = line.strip()
        return next((o for text, o in self.origins if text.strip() == key), None)


@dataclass(frozen=True)
class TerritoryInfo:
    """A territory entity (``store.territories``): a commune, an EPCI… with its optional code and parent."""

    id: str
    name: str
    kind: str = ""  # one of store.territories.KINDS, or ""
    kind_label: str = ""  # the kind as typed (« Communauté d’agglomération »)
    code: str = ""  # INSEE or SIREN
    parent_id: str | None = None


@dataclass(frozen=True)
class ProgrammeInfo:
    """The programme (cohort) a workshop belongs to."""

    id: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class WorkshopSnapshot:
    info: WorkshopInfo
    groups: Sequence[GroupInfo] = ()
    participants: Sequence[ParticipantInfo] = ()
    sequences: Sequence[SequenceInfo] = ()
    events: Sequence[Event] = ()
    actions: Sequence[ActionItem] = ()
    attachments: Sequence[AttachmentInfo] = ()
    debrief: Debrief = field(default_factory=Debrief)
    # the latest edit of each edited field of the records above (see ``core.merge``): merging compares them
    versions: Sequence[FieldVersion] = ()
    # the entities around the workshop, carried by archives and syncs (merged by id, then by name; see
    # ``store.entities``): its programme, and its territory first then that territory's parents. Left out of
    # equality: a copy without them (an older archive, a hand-built snapshot) is the same workshop.
    programme: ProgrammeInfo | None = field(default=None, compare=False)
    territories: Sequence[TerritoryInfo] = field(default=(), compare=False)

    def state(self) -> WorkshopState:
        return fold(self.events)

    def sequence_state(self, sequence_id: str, state: WorkshopState | None = None) -> SequenceState:
        return (state or self.state()).sequences.get(sequence_id, SequenceState())

    def compass(self, sequence_id: str, state: WorkshopState | None = None) -> CompassReading:
        seq = next(s for s in self.sequences if s.id == sequence_id)
        return score(seq.deck, self.sequence_state(sequence_id, state), [g.id for g in self.groups])

    def group(self, group_id: str) -> GroupInfo:
        return next(g for g in self.groups if g.id == group_id)
