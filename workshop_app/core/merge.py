"""Merging two copies of a workshop: the rules, in plain Python (the store applies them, see
``store.transfer``).

* **Events are a union.** An event is known by its global id: what the other copy has and this one lacks is
  added, nothing else; the fold orders every copy's events the same way (time, then id), so merging A into B
  and B into A give the same state, and merging twice adds nothing.
* **Editable records** (the workshop's fields, tables, participants, sequences' titles, actions, the debrief,
  photo captions) merge **per field, last writer wins**. Each edit of a field leaves a :class:`FieldVersion`
  (when, by which device, and the last version from *another* device it replaced: its ``base``). An edit made
  after seeing the other side's value simply wins; two edits made apart are a **conflict**: the later one wins
  on both copies, and the other value is kept in the conflicts' history, to be settled by the facilitator.
* **Deletions** of tables, participants, actions and photos leave a :class:`Tombstone` (which record, when,
  by which device). Tombstones are a union too, and a record tombstoned on either copy is gone from both,
  whatever was edited on it meanwhile (the deletion wins). One exception keeps votes safe: a table that
  received answers on any copy is never deleted (the local rule, ``remove_group``), so its tombstone is void
  once those answers meet it, and the table comes back on every copy.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from workshop_app.core.events import EventKind, as_utc


@dataclass(frozen=True)
class FieldVersion:
    """The latest edit of one field of one record (rows have UUIDs: ``row_id`` names the record)."""

    row_id: str
    field: str
    stamp: str  # see ``stamp``: sorts by time, then author
    base: str = ""  # the latest version made by another device that this edit replaced ("" if none)

    @property
    def author(self) -> str:
        return self.stamp.partition("|")[2]


def stamp(moment: datetime, author: str) -> str:
    """A version's stamp: UTC time with microseconds (fixed width: strings sort like times), then author."""
    return f"{as_utc(moment).strftime('%Y-%m-%dT%H:%M:%S.%fZ')}|{author}"


def next_version(
    row_id: str, name: str, moment: datetime, author: str, old: FieldVersion | None
) -> FieldVersion:
    """The version an edit by ``author`` leaves, replacing ``old``."""
    if old is None:
        base = ""
    elif old.author != author:
        base = old.stamp
    else:
        base = old.base
    return FieldVersion(row_id, name, stamp(moment, author), base)


@dataclass(frozen=True)
class Tombstone:
    """A deleted record: its id, what it was (``TOMBSTONE_KINDS``) and the stamp of the deletion."""

    row_id: str
    kind: str
    stamp: str


TOMBSTONE_KINDS = ("table", "participant", "action", "photo", "sequence")


def void_tombstones(
    tombstones: dict[str, Tombstone],
    answered_groups: set[str],
    played_sequences: frozenset[str] | set[str] = frozenset(),
) -> dict[str, Tombstone]:
    """The tombstones that hold: a table's is void once any copy recorded answers for it, a sequence's once
    any copy recorded an event in it (no vote is ever lost)."""
    return {
        row_id: t
        for row_id, t in tombstones.items()
        if not (t.kind == "table" and row_id in answered_groups)
        and not (t.kind == "sequence" and row_id in played_sequences)
    }


def union_tombstones(*sides: Iterable[Tombstone]) -> dict[str, Tombstone]:
    """Every copy's tombstones, one per record (the earliest deletion's stamp: the same on every copy)."""
    merged: dict[str, Tombstone] = {}
    for side in sides:
        for t in side:
            known = merged.get(t.row_id)
            if known is None or t.stamp < known.stamp:
                merged[t.row_id] = t
    return merged


@dataclass(frozen=True)
class Settled:
    take_theirs: bool
    conflict: bool
    version: FieldVersion | None  # the version both copies keep


def settle(
    ours: Any, theirs: Any, our_version: FieldVersion | None, their_version: FieldVersion | None
) -> Settled:
    """One field present on both copies: which value both keep. Symmetric: settling (a, b) and (b, a) keeps
    the same value and version."""
    if ours == theirs:
        return Settled(False, False, _later(our_version, their_version))
    if our_version is None and their_version is None:  # both as created, yet different: no way to tell
        take = _canonical(theirs) > _canonical(ours)
        return Settled(take, True, None)
    if their_version is None:
        return Settled(False, False, our_version)
    if our_version is None:
        return Settled(True, False, their_version)
    if their_version.base == our_version.stamp:  # they edited after seeing our value
        return Settled(True, False, their_version)
    if our_version.base == their_version.stamp:
        return Settled(False, False, our_version)
    take = their_version.stamp > our_version.stamp
    return Settled(take, True, their_version if take else our_version)


def _later(a: FieldVersion | None, b: FieldVersion | None) -> FieldVersion | None:
    if a is None or b is None:
        return a or b
    return b if b.stamp > a.stamp else a


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


# What the report calls each field, in French (the facilitator reads « 1 conflit : lieu »).
FIELD_LABELS = {
    "title": "titre",
    "territory": "territoire",
    "territory_kind": "type de territoire",
    "date": "date",
    "place": "lieu",
    "facilitators": "animateurs",
    "context": "contexte",
    "objectives": "objectifs",
    "fixed_points": "points fixés",
    "status": "statut",
    "name": "nom",
    "colour": "couleur",
    "position": "ordre",
    "role": "fonction",
    "service": "service",
    "organisation": "organisme",
    "group_id": "table",
    "action": "action",
    "owner": "porteur",
    "deadline": "échéance",
    "lever_id": "levier",
    "caption": "légende",
    "kind": "élu, agent ou partenaire",
    "sequence_id": "séquence de la photo",
    "card_id": "carte de la photo",
    "planned_minutes": "durée prévue",
    "programme_id": "programme",
    "debrief.strengths": "points forts",
    "debrief.vulnerabilities": "vulnérabilités",
    "debrief.felt": "ressenti",
    "debrief.happened": "déroulé",
    "debrief.transfer": "transfert",
    "debrief.agreement": "accords et désaccords",
}

# (singular, plural) of what was added or changed
_NOUNS = {
    "vote": ("vote", "votes"),
    "argument": ("argument", "arguments"),
    "note": ("note", "notes"),
    "undo": ("annulation", "annulations"),
    "other": ("autre événement", "autres événements"),
    "table": ("table", "tables"),
    "participant": ("participant·e", "participant·es"),
    "sequence": ("séquence", "séquences"),
    "criterion": ("critère", "critères"),
    "action": ("action", "actions"),
    "photo": ("photo", "photos"),
    "workshop": ("fiche de l’atelier", "fiches de l’atelier"),
    "debrief": ("débriefing", "débriefings"),
}
_DELETED = {
    "table": "supprimée",
    "sequence": "supprimée",
    "action": "supprimée",
    "photo": "supprimée",
    "participant": "supprimé·e",
}
_CHANGED = {
    "action": "modifiée",
    "table": "modifiée",
    "sequence": "modifiée",
    "photo": "modifiée",
    "workshop": "modifiée",
    "participant": "modifié·e",
    "debrief": "modifié",
}

VOTE_KINDS = frozenset(
    {EventKind.CHOICE_RECORDED, EventKind.CHOICE_WITHDRAWN, EventKind.CARD_PICKED, EventKind.CARD_DROPPED}
)


def event_category(kind: EventKind) -> str:
    if kind in VOTE_KINDS:
        return "vote"
    if kind is EventKind.ARGUMENT_SET:
        return "argument"
    if kind is EventKind.NOTE_ADDED:
        return "note"
    if kind in (EventKind.UNDO, EventKind.REDO):
        return "undo"
    return "other"


@dataclass(frozen=True)
class MergeConflict:
    """A field two copies edited apart: the value both kept and the one that lost (JSON values)."""

    row_id: str
    field: str
    label: str
    kept: Any
    lost: Any
    kept_stamp: str
    lost_stamp: str
    at: datetime
    id: str = ""  # its row in the database that holds it ("" before it is stored)
    settled: str = ""  # the stamp of the version that settled it ("" while open)


@dataclass
class MergeReport:
    """What one import did to the local copy of a workshop."""

    workshop_id: str
    title: str = ""
    created: bool = False
    added: Counter[str] = field(default_factory=Counter)  # events and records added, by noun
    changed: Counter[str] = field(default_factory=Counter)  # records whose fields changed, by noun
    deleted: Counter[str] = field(default_factory=Counter)  # records deleted here (another copy's deletion)
    conflicts: list[str] = field(default_factory=list)  # field labels, e.g. "lieu"
    conflict_records: list[MergeConflict] = field(default_factory=list)  # the same, in full
    linked: list[str] = field(default_factory=list)  # « programme « … » », « territoire « … » complété »

    @property
    def anything(self) -> bool:
        return (
            self.created
            or bool(self.added)
            or bool(self.changed)
            or bool(self.deleted)
            or bool(self.conflicts)
            or bool(self.linked)
        )

    def summary(self) -> str:
        """« 3 votes, 1 note, 1 action modifiée ; 1 conflit : lieu » (or « rien de nouveau »)."""
        parts = [_count(n, noun) for noun, n in _ordered(self.added)]
        parts += [
            f"{_count(n, noun)} {_agree(_CHANGED.get(noun, 'modifié'), n)}"
            for noun, n in _ordered(self.changed)
        ]
        parts += [f"{_count(n, noun)} {_agree(_DELETED[noun], n)}" for noun, n in _ordered(self.deleted)]
        parts += self.linked
        text = ", ".join(parts)
        if self.conflicts:
            labels = ", ".join(sorted(set(self.conflicts)))
            plural = "s" if len(self.conflicts) > 1 else ""
            text += f"{' ; ' if text else ''}{len(self.conflicts)} conflit{plural} : {labels}"
        return text or "rien de nouveau"


def _ordered(counter: Counter[str]) -> list[tuple[str, int]]:
    order = list(_NOUNS)
    return sorted(((k, v) for k, v in counter.items() if v), key=lambda kv: order.index(kv[0]))


def _count(n: int, noun: str) -> str:
    singular, plural = _NOUNS[noun]
    return f"{n} {singular if n == 1 else plural}"


def _agree(word: str, n: int) -> str:
    return word if n == 1 else word + "s"
