"""The bundle's manifest read back: :func:`snapshot_from_json` trusts nothing and raises :class:`.BundleError`
with a French message naming the field that is wrong (type, identifier, date, deck, duplicate)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from workshop_app.core.deck_loader import DeckLoadError, deck_from_data
from workshop_app.core.event_rules import event_problem
from workshop_app.core.events import Event, EventKind, with_legacy_ids
from workshop_app.core.merge import FIELD_LABELS, TOMBSTONE_KINDS, FieldVersion, Tombstone
from workshop_app.core.workshop import (
    ActionItem,
    AttachmentInfo,
    Debrief,
    GroupInfo,
    ParticipantInfo,
    ProgrammeInfo,
    SequenceInfo,
    TerritoryInfo,
    WorkshopInfo,
    WorkshopSnapshot,
    WorkshopStatus,
)
from workshop_app.export.archive_checks import check_manifest
from workshop_app.export.manifest import ATTACHMENT_ID
from workshop_app.export.manifest_fields import FieldReader

MAX_AUTHOR = 64  # the ``events.author`` column
UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z\|[A-Za-z0-9_.\-]{0,64}$")


def snapshot_from_json(data: Mapping[str, Any], bundle: str = "<archive>") -> WorkshopSnapshot:
    check_manifest(data, bundle)  # numbers, types, lengths, depth, payload keys: before anything is built
    r = FieldReader(bundle)
    w = r.obj(data.get("workshop"), "workshop")
    try:
        status = WorkshopStatus(w.get("status") or WorkshopStatus.DRAFT)
    except ValueError:
        raise r.fail("workshop.status", f"statut inconnu {w.get('status')!r}") from None
    info = WorkshopInfo(
        id=r.ident(w, "id", "workshop"),
        title=r.string(w, "title", "workshop", required=True),
        territory=r.string(w, "territory", "workshop"),
        territory_kind=r.string(w, "territory_kind", "workshop"),
        date=r.day(w, "date", "workshop"),
        place=r.string(w, "place", "workshop"),
        facilitators=r.string(w, "facilitators", "workshop"),
        context=r.string(w, "context", "workshop"),
        objectives=r.string(w, "objectives", "workshop"),
        fixed_points=r.string(w, "fixed_points", "workshop"),
        status=status,
        created_at=r.moment(w, "created_at", "workshop"),
        updated_at=r.moment(w, "updated_at", "workshop"),
    )
    groups = []
    for i, item in enumerate(r.items(data.get("groups"), "groups")):
        where = f"groups[{i}]"
        g = r.obj(item, where)
        groups.append(
            GroupInfo(
                r.ident(g, "id", where),
                r.string(g, "name", where, required=True),
                r.string(g, "colour", where) or "#4C72B0",
                r.integer(g, "position", where, default=i),
            )
        )
    participants = []
    for i, item in enumerate(r.items(data.get("participants"), "participants")):
        where = f"participants[{i}]"
        p = r.obj(item, where)
        participants.append(
            ParticipantInfo(
                r.ident(p, "id", where),
                name=r.string(p, "name", where),
                role=r.string(p, "role", where),
                service=r.string(p, "service", where),
                organisation=r.string(p, "organisation", where),
                group_id=r.opt_ident(p, "group_id", where),
                kind=_kind(r.string(p, "kind", where)),
            )
        )
    sequences = []
    for i, item in enumerate(r.items(data.get("sequences"), "sequences")):
        where = f"sequences[{i}]"
        s = r.obj(item, where)
        deck_data = r.obj(s.get("deck"), f"{where}.deck")
        try:
            deck = deck_from_data(deck_data, f"{where}.deck")
        except DeckLoadError as exc:
            first = exc.issues[0] if exc.issues else "invalide"
            raise r.fail(f"{where}.deck", f"jeu invalide — {first}") from None
        sequences.append(
            SequenceInfo(
                r.ident(s, "id", where),
                r.integer(s, "position", where, default=i),
                deck,
                planned_minutes=r.opt_integer(s, "planned_minutes", where),
                title=r.string(s, "title", where),
            )
        )
    events = _events(r, data, info.id)
    actions = []
    for i, item in enumerate(r.items(data.get("actions"), "actions")):
        where = f"actions[{i}]"
        a = r.obj(item, where)
        actions.append(
            ActionItem(
                r.ident(a, "id", where),
                action=r.string(a, "action", where, required=True),
                owner=r.string(a, "owner", where),
                deadline=r.day(a, "deadline", where),
                lever_id=r.string(a, "lever_id", where) or None,
                position=r.integer(a, "position", where, default=i),
            )
        )
    attachments = []
    seen_att: set[str] = set()
    for i, item in enumerate(r.items(data.get("attachments"), "attachments")):
        where = f"attachments[{i}]"
        a = r.obj(item, where)
        att_id = r.ident(a, "id", where)
        if not ATTACHMENT_ID.match(att_id) or att_id in seen_att:
            raise r.fail(f"{where}.id", f"identifiant invalide ou en double « {att_id} »")
        seen_att.add(att_id)
        digest = r.string(a, "sha256", where)
        if digest and not re.fullmatch(r"[0-9a-fA-F]{64}", digest):
            raise r.fail(f"{where}.sha256", "empreinte invalide")
        attachments.append(
            AttachmentInfo(
                att_id,
                filename=_plain_filename(r.string(a, "filename", where, required=True)),
                media_type=r.string(a, "media_type", where) or "application/octet-stream",
                sha256=digest,
                caption=r.string(a, "caption", where),
                size=r.integer(a, "size", where, default=0),
                sequence_id=r.string(a, "sequence_id", where) or None,
                card_id=r.string(a, "card_id", where) or None,
            )
        )
    d = r.obj(data.get("debrief") or {}, "debrief")
    debrief = Debrief(
        strengths=tuple(_strings(r, d.get("strengths"), "debrief.strengths")),
        vulnerabilities=tuple(_strings(r, d.get("vulnerabilities"), "debrief.vulnerabilities")),
        felt=r.string(d, "felt", "debrief"),
        happened=r.string(d, "happened", "debrief"),
        transfer=r.string(d, "transfer", "debrief"),
        agreement=r.string(d, "agreement", "debrief"),
    )
    versions = _versions(r, data)
    tombstones = _tombstones(r, data)
    _check_unique(r, "groups", [g.id for g in groups])
    _check_unique(r, "participants", [p.id for p in participants])
    _check_unique(r, "sequences", [s.id for s in sequences])
    _check_unique(r, "actions", [a.id for a in actions])
    _check_references(r, groups, participants, sequences, events)
    return WorkshopSnapshot(
        info=info,
        groups=tuple(groups),
        participants=tuple(participants),
        sequences=tuple(sequences),
        events=tuple(events),
        actions=tuple(actions),
        attachments=tuple(attachments),
        debrief=debrief,
        versions=tuple(versions),
        programme=_programme(r, data),
        territories=tuple(_territories(r, data)),
        tombstones=tuple(tombstones),
    )


def _programme(r: FieldReader, data: Mapping[str, Any]) -> ProgrammeInfo | None:
    value = data.get("programme")
    if value is None:
        return None
    p = r.obj(value, "programme")
    name = r.string(p, "name", "programme", required=True).strip()
    return ProgrammeInfo(r.ident(p, "id", "programme"), name, r.string(p, "description", "programme"))


def _territories(r: FieldReader, data: Mapping[str, Any]) -> list[TerritoryInfo]:
    out = []
    for i, item in enumerate(r.items(data.get("territories"), "territories")):
        where = f"territories[{i}]"
        t = r.obj(item, where)
        out.append(
            TerritoryInfo(
                r.ident(t, "id", where),
                r.string(t, "name", where, required=True),
                r.string(t, "kind", where),
                r.string(t, "kind_label", where),
                r.string(t, "code", where),
                r.opt_ident(t, "parent_id", where),
            )
        )
    _check_unique(r, "territories", [t.id for t in out])
    return out


def _events(r: FieldReader, data: Mapping[str, Any], workshop_id: str) -> list[Event]:
    """Version 2 events carry their id and author; version 1 events get their content ids (the same ones
    revision 0004 gave the events of an old database), so every copy agrees on what an old event is."""
    with_ids = data.get("version") != 1
    events = []
    seen_seq: set[int] = set()
    seen_id: set[str] = set()
    for i, item in enumerate(r.items(data.get("events"), "events")):
        where = f"events[{i}]"
        e = r.obj(item, where)
        seq = r.integer(e, "seq", where)
        if seq in seen_seq:
            raise r.fail(f"{where}.seq", f"numéro d'événement en double ({seq})")
        seen_seq.add(seq)
        event_id = r.ident(e, "id", where) if with_ids else ""
        if with_ids and not UUID.match(event_id):
            raise r.fail(f"{where}.id", "identifiant d'événement invalide (UUID attendu)")
        if with_ids and event_id in seen_id:
            raise r.fail(f"{where}.id", f"identifiant d'événement en double « {event_id} »")
        seen_id.add(event_id)
        author = r.string(e, "author", where) if with_ids else ""
        if len(author) > MAX_AUTHOR:
            raise r.fail(f"{where}.author", "identifiant d'appareil trop long")
        try:
            kind = EventKind(str(e.get("kind")))
        except ValueError:
            raise r.fail(f"{where}.kind", f"type d'événement inconnu {e.get('kind')!r}") from None
        payload = e.get("payload") or {}
        if not isinstance(payload, dict):
            raise r.fail(f"{where}.payload", "objet attendu")
        at = r.moment(e, "at", where, required=True)
        assert at is not None
        events.append(
            Event(
                seq=seq,
                kind=kind,
                sequence_id=r.opt_ident(e, "sequence_id", where),
                group_id=r.opt_ident(e, "group_id", where),
                card_id=r.opt_ident(e, "card_id", where),
                payload=payload,
                at=at,
                id=event_id,
                author=author,
            )
        )
    return events if with_ids else with_legacy_ids(workshop_id, events)


def _tombstones(r: FieldReader, data: Mapping[str, Any]) -> list[Tombstone]:
    """Optional (archives written before revision 0007 have none)."""
    found: dict[str, Tombstone] = {}
    for i, item in enumerate(r.items(data.get("tombstones"), "tombstones")):
        where = f"tombstones[{i}]"
        t = r.obj(item, where)
        row_id, kind = r.ident(t, "row_id", where), r.string(t, "kind", where, required=True)
        moment = r.string(t, "stamp", where, required=True)
        if row_id in found or kind not in TOMBSTONE_KINDS or not STAMP.match(moment):
            raise r.fail(where, "suppression invalide ou en double")
        found[row_id] = Tombstone(row_id, kind, moment)
    return list(found.values())


def _versions(r: FieldReader, data: Mapping[str, Any]) -> list[FieldVersion]:
    versions = []
    seen: set[tuple[str, str]] = set()
    for i, item in enumerate(r.items(data.get("versions"), "versions")):
        where = f"versions[{i}]"
        v = r.obj(item, where)
        row_id, name = r.ident(v, "row_id", where), r.ident(v, "field", where)
        value, base = r.string(v, "stamp", where, required=True), r.string(v, "base", where)
        bad = not STAMP.match(value) or (base and not STAMP.match(base)) or name not in FIELD_LABELS
        if (row_id, name) in seen or bad:
            raise r.fail(where, "version invalide ou en double")
        seen.add((row_id, name))
        versions.append(FieldVersion(row_id, name, value, base))
    return versions


def _strings(r: FieldReader, value: Any, where: str) -> list[str]:
    items = r.items(value, where)
    if not all(isinstance(x, str) for x in items):
        raise r.fail(where, "liste de textes attendue")
    return items


def _check_unique(r: FieldReader, where: str, ids: list[str]) -> None:
    if len(set(ids)) != len(ids):
        raise r.fail(where, "identifiant en double")


def _plain_filename(filename: str) -> str:
    """A display name only (never used as a path), stripped of any folder part."""
    return filename.replace("\\", "/").rsplit("/", 1)[-1] or "piece-jointe"


def _check_references(
    r: FieldReader,
    groups: list[GroupInfo],
    participants: list[ParticipantInfo],
    sequences: list[SequenceInfo],
    events: list[Event],
) -> None:
    """What the app itself checks before it records anything (one rule, ``core.event_rules``): every table,
    sequence and card an entry names exists, answers are on the deck's scale, texts are no longer than the app
    allows.
    Without this, the database would refuse the import with a vague message, or keep entries that mean
    nothing (and a huge text would make the compte-rendu endless to lay out)."""
    group_ids = {g.id for g in groups}
    decks = {s.id: s.deck for s in sequences}
    for i, p in enumerate(participants):
        if p.group_id is not None and p.group_id not in group_ids:
            raise r.fail(f"participants[{i}].group_id", f"table inconnue « {p.group_id} »")
    for i, e in enumerate(events):
        problem = event_problem(e, decks, group_ids)
        if problem is not None:
            raise r.fail(f"events[{i}].{problem[0]}", problem[1].rstrip("."))


def _kind(value: str) -> str:
    """A participant's kind from an archive: one of the known ones, else nothing (never a free text)."""
    return value if value in ("élu", "agent", "partenaire") else ""
