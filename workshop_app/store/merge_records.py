"""The editable records of an imported copy merged into the local one, field by field (``core.merge``):
each record unknown here is added with its versions; each known one has every differing field settled by the
rule, the losing value of a conflict kept in ``merge_conflicts``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workshop_app.core.criteria import merge_criteria
from workshop_app.core.deck import QuestionDeck
from workshop_app.core.deck_loader import DeckLoadError, deck_from_data
from workshop_app.core.errors import AtelierError
from workshop_app.core.events import utc_now
from workshop_app.core.merge import FIELD_LABELS, FieldVersion, MergeReport, Tombstone, settle
from workshop_app.core.workshop import WorkshopSnapshot
from workshop_app.store import convert, entities
from workshop_app.store.conflicts import as_conflict
from workshop_app.store.models import (
    ActionRow,
    AttachmentRow,
    GroupRow,
    MergeConflictRow,
    ParticipantRow,
    SequenceRow,
    WorkshopRow,
)
from workshop_app.store.versions import DEBRIEF_EMPTY, DEBRIEF_KEYS

Versions = dict[tuple[str, str], FieldVersion]


class RecordMerger:
    """One import's pass over the records; ``versions`` ends holding what both copies keep."""

    def __init__(
        self, session: Session, snapshot: WorkshopSnapshot, ours: Versions, report: MergeReport
    ) -> None:
        self.session = session
        self.wid = snapshot.info.id
        self.snapshot = snapshot
        self.theirs: Versions = {(v.row_id, v.field): v for v in snapshot.versions}
        self.versions: Versions = dict(ours)
        self.report = report
        self.buried: set[str] = set()  # deleted on either copy (``store.tombstones``): never brought back
        self.revived: dict[str, Tombstone] = {}  # tables deleted on a copy, back because answered elsewhere
        self.redecked: set[str] = set()  # sequences whose deck gained criteria (the store's cache drops them)
        self.criteria_added: set[str] = set()  # the grids' criteria known here, or counted as added

    def bury(self, row_ids: set[str]) -> None:
        self.buried = set(row_ids)
        self.theirs = {k: v for k, v in self.theirs.items() if k[0] not in self.buried}
        self.versions = {k: v for k, v in self.versions.items() if k[0] not in self.buried}

    # -- one record ------------------------------------------------------------------------------------------
    def add(self, row: Any, noun: str) -> None:
        """A record this copy lacks: added as the other copy has it, with its versions."""
        existing = self.session.get(type(row), row.id)
        if existing is not None:
            raise AtelierError(
                f"L’archive réutilise l’identifiant « {row.id} » d’un élément d’un autre atelier : "
                "import annulé."
            )
        self.session.add(row)
        for key, version in self.theirs.items():
            if key[0] == row.id:
                self.versions[key] = version
        self.report.added[noun] += 1

    def fields(self, row: Any, theirs: Mapping[str, Any], noun: str) -> None:
        """A record both copies have: each field settled by the rule; ``row`` changed in place."""
        if getattr(row, "workshop_id", self.wid) != self.wid:
            raise AtelierError(
                f"L’archive réutilise l’identifiant « {row.id} » d’un élément d’un autre atelier : "
                "import annulé."
            )
        changed = False
        for name, value in theirs.items():
            taken = self._settle(row.id, name, getattr(row, name), value)
            if taken:
                setattr(row, name, value)
                changed = True
        if changed:
            self.report.changed[noun] += 1

    def _redeck(self, row: SequenceRow, deck: QuestionDeck) -> None:
        """A grid sequence gains the other copy's criteria (counted once per criterion, not per action)."""
        current = _deck(row.deck)
        before = {c.id for c in current.cards} if current is not None else set()
        fresh = {c.id for c in deck.cards} - before - self.criteria_added
        self.criteria_added |= fresh
        self.report.added["criterion"] += len(fresh)
        row.deck = deck.model_dump(mode="json")
        row.deck_version = deck.version
        self.redecked.add(row.id)

    def _share_criteria(self) -> None:
        """Every sequence of one grid has the same criteria (a sequence added on one copy may lack the
        criteria added on the other)."""
        rows = self.session.scalars(select(SequenceRow).where(SequenceRow.workshop_id == self.wid)).all()
        grids: dict[str, list[tuple[SequenceRow, QuestionDeck]]] = {}
        for row in rows:
            deck = _deck(row.deck)
            if deck is not None and deck.cobuilt is not None:
                grids.setdefault(row.deck_id, []).append((row, deck))
        for members in grids.values():
            union: QuestionDeck | None = members[0][1]
            for _, deck in members[1:]:
                union = merge_criteria(union, deck) if union is not None else None
            if union is None:
                continue  # the grid's sequences differ otherwise: left as they are
            for row, deck in members:
                if deck.model_dump(mode="json") != union.model_dump(mode="json"):
                    self._redeck(row, union)
        self.session.flush()

    def programme(self, row: WorkshopRow, prepared: entities.Prepared) -> None:
        """The workshop's programme, settled like a field by its name (ids differ between copies that each
        typed it): edited apart, a conflict to settle. Neither copy ever chose it (no version): a missing one
        is filled by ``entities.link``, two different ones are a conflict."""
        key = (row.id, "programme_id")
        theirs_id = prepared.programme_id
        unversioned = key not in self.versions and key not in self.theirs
        if unversioned and (row.programme_id is None or theirs_id is None):
            return
        prepared.programme_versioned = True
        info = self.snapshot.programme
        theirs = info.name.strip()[:200] if info is not None and theirs_id is not None else ""
        ours = entities.programme_name(self.session, row.programme_id)
        if self._settle(row.id, "programme_id", ours, theirs):
            row.programme_id = theirs_id
            self.report.linked.append(f"programme « {theirs} »" if theirs else "programme retiré")

    def _seat_back(self, row: ParticipantRow, theirs: str | None) -> str | None:
        """A table that comes back (its deletion void: answered on some copy) takes back the participants its
        deletion left without a table, on whichever copy that was, without a conflict; a participant seated
        elsewhere after the deletion stays there. Returns the other copy's value to settle against (``row``
        may be seated back in place)."""
        key = (row.id, "group_id")
        if row.group_id is None and theirs in self.revived:
            mine = self.versions.get(key)
            if mine is None or mine.stamp < self.revived[theirs].stamp:
                row.group_id = theirs
        elif theirs is None and row.group_id in self.revived:
            other = self.theirs.get(key)
            if other is None or other.stamp < self.revived[row.group_id].stamp:
                return row.group_id
        return theirs

    def debrief(self, row: WorkshopRow) -> None:
        ours = dict(row.debrief or {})
        theirs = convert.debrief_data(self.snapshot.debrief)
        merged = dict(ours)
        for key in DEBRIEF_KEYS:
            if self._settle(
                row.id,
                f"debrief.{key}",
                ours.get(key, DEBRIEF_EMPTY[key]),
                theirs.get(key, DEBRIEF_EMPTY[key]),
            ):
                merged[key] = theirs.get(key, DEBRIEF_EMPTY[key])
        if merged != ours:
            row.debrief = merged
            self.report.changed["debrief"] += 1

    def _settle(self, row_id: str, name: str, ours: Any, theirs: Any) -> bool:
        key = (row_id, name)
        mine, other = self.versions.get(key), self.theirs.get(key)
        decided = settle(ours, theirs, mine, other)
        if decided.version is not None:
            self.versions[key] = decided.version
        if decided.conflict:
            self.report.conflicts.append(FIELD_LABELS.get(name, name))
            kept, lost = (theirs, ours) if decided.take_theirs else (ours, theirs)
            kept_v, lost_v = (other, mine) if decided.take_theirs else (mine, other)
            conflict = MergeConflictRow(
                workshop_id=self.wid,
                row_id=row_id,
                field=name,
                kept={"value": _json(kept), "stamp": kept_v.stamp if kept_v else ""},
                lost={"value": _json(lost), "stamp": lost_v.stamp if lost_v else ""},
                at=utc_now(),
            )
            self.session.add(conflict)
            self.report.conflict_records.append(as_conflict(conflict))
        return decided.take_theirs

    # -- every kind of record -----------------------------------------------------------------------------
    def merge_all(self, attachment_data: Mapping[str, bytes]) -> None:
        s, session, wid = self.snapshot, self.session, self.wid
        for g in s.groups:
            if g.id in self.buried:
                continue
            convert.clean_fields(
                GroupRow, {"name": g.name, "colour": g.colour}, frozenset({"name", "colour"})
            )
            row = session.get(GroupRow, g.id)
            if row is None:
                self.add(
                    GroupRow(id=g.id, workshop_id=wid, name=g.name, colour=g.colour, position=g.position),
                    "table",
                )
            else:
                self.fields(row, {"name": g.name, "colour": g.colour, "position": g.position}, "table")
        for local in session.scalars(select(SequenceRow).where(SequenceRow.workshop_id == wid)):
            if local.deck.get("cobuilt"):  # the criteria known here before the merge
                self.criteria_added |= {str(c.get("id")) for c in local.deck.get("cards", [])}
        for seq in s.sequences:
            if seq.id in self.buried:
                continue
            deck = seq.deck.model_dump(mode="json")
            seq_row = session.get(SequenceRow, seq.id)
            if seq_row is None:
                self.add(
                    SequenceRow(
                        id=seq.id,
                        workshop_id=wid,
                        position=seq.position,
                        planned_minutes=seq.planned_minutes,
                        title=seq.title,
                        deck_id=seq.deck.id,
                        deck_version=seq.deck.version,
                        deck=deck,
                    ),
                    "sequence",
                )
            else:
                if seq_row.workshop_id == wid and not _same_deck_snapshot(seq_row.deck, deck):
                    merged = _with_their_criteria(seq_row.deck, seq.deck)
                    if merged is None:
                        raise AtelierError(
                            f"La séquence « {seq.display_title} » de l’archive joue un autre jeu que celle "
                            "de cet atelier : import annulé."
                        )
                    self._redeck(seq_row, merged)
                theirs = {
                    "title": seq.title,
                    "planned_minutes": seq.planned_minutes,
                    "position": seq.position,
                }
                self.fields(seq_row, theirs, "sequence")
        session.flush()
        self._share_criteria()
        for index, p in enumerate(s.participants):
            if p.id in self.buried:
                continue
            group_id = None if p.group_id in self.buried else p.group_id  # its table was deleted
            person: dict[str, Any] = {
                "name": p.name,
                "role": p.role,
                "service": p.service,
                "organisation": p.organisation,
            }
            convert.clean_fields(ParticipantRow, person, convert.PARTICIPANT_FIELDS)
            person["kind"] = p.kind
            p_row = session.get(ParticipantRow, p.id)
            if p_row is None:
                self.add(
                    ParticipantRow(id=p.id, workshop_id=wid, group_id=group_id, position=index, **person),
                    "participant",
                )
            else:
                group_id = self._seat_back(p_row, group_id)
                self.fields(p_row, {**person, "group_id": group_id}, "participant")
        for a in s.actions:
            if a.id in self.buried:
                continue
            values: dict[str, Any] = {"action": a.action, "owner": a.owner, "lever_id": a.lever_id}
            convert.clean_fields(ActionRow, values, convert.ACTION_FIELDS)
            a_row = session.get(ActionRow, a.id)
            values |= {"deadline": a.deadline, "position": a.position}
            if a_row is None:
                self.add(ActionRow(id=a.id, workshop_id=wid, **values), "action")
            else:
                self.fields(a_row, values, "action")
        for index, att in enumerate(s.attachments):
            if att.id in self.buried:
                continue
            convert.clean_fields(
                AttachmentRow,
                {"filename": att.filename, "caption": att.caption},
                frozenset({"filename", "caption"}),
            )
            att_row = session.get(AttachmentRow, att.id)
            if att_row is None:
                data = attachment_data[att.id]
                self.add(
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
                    ),
                    "photo",
                )
            else:
                if att_row.sha256 != att.sha256:
                    raise AtelierError(
                        f"La pièce jointe « {att.filename} » de l’archive diffère de celle de cet atelier : "
                        "import annulé."
                    )
                theirs_att = {"caption": att.caption, "sequence_id": att.sequence_id, "card_id": att.card_id}
                self.fields(att_row, theirs_att, "photo")
        session.flush()


def _json(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _deck(data: Mapping[str, Any]) -> QuestionDeck | None:
    try:
        deck = deck_from_data(dict(data), name="séquence", finite=False)
    except DeckLoadError:
        return None
    return deck if isinstance(deck, QuestionDeck) else None


def _with_their_criteria(stored: Mapping[str, Any], theirs: Any) -> QuestionDeck | None:
    """A grid sequence whose deck differs only by the criteria each copy added: both copies' criteria."""
    ours = _deck(stored)
    if ours is None or not isinstance(theirs, QuestionDeck):
        return None
    return merge_criteria(ours, theirs)


def _same_deck_snapshot(stored: Mapping[str, Any], incoming: Mapping[str, Any]) -> bool:
    """Whether a stored deck snapshot is the incoming one. A snapshot written by an older version of the app
    lacks the fields the format gained since (all optional), so both are read through the same model first."""
    if stored == incoming:
        return True
    try:
        normalised = deck_from_data(dict(stored), name="séquence").model_dump(mode="json")
    except DeckLoadError:
        return False
    return bool(normalised == incoming)
