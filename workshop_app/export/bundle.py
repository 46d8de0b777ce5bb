"""The workshop bundle: a zip to move a workshop from one laptop to another (or to archive it).

Layout::

    workshop.json          {"format": "atelier-bundle", "version": 1, "workshop": …, "groups": …,
                            "participants": …, "sequences": [… "deck": {the deck as played} …],
                            "events": …, "actions": …, "attachments": [metadata], "debrief": …}
    attachments/<id>       the bytes of each attachment, named by its id

``read_bundle`` trusts nothing: it refuses, with a French :class:`AtelierError`, member paths that
could escape a folder (``..``, absolute, drive letters, backslashes), members it does not expect, duplicates,
encrypted members, files too big or too many (declared sizes checked first, then every member read with a hard
limit, so a zip bomb that lies about its sizes is stopped too), bad JSON, an unknown format or version,
invalid
decks or records, and attachments whose size or SHA-256 do not match their metadata.
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from workshop_app.core.atomic import atomic_writer
from workshop_app.core.deck_loader import DeckLoadError, deck_from_data
from workshop_app.core.errors import AtelierError
from workshop_app.core.events import Event, EventKind, as_utc
from workshop_app.core.workshop import (
    ActionItem,
    AttachmentInfo,
    Debrief,
    GroupInfo,
    ParticipantInfo,
    SequenceInfo,
    WorkshopInfo,
    WorkshopSnapshot,
    WorkshopStatus,
)
from workshop_app.export.anonymise import Anonymiser

FORMAT = "atelier-bundle"
VERSION = 1
MANIFEST = "workshop.json"
ATTACHMENTS_DIR = "attachments/"

MAX_MEMBER_BYTES = 50 * 1024 * 1024
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_MEMBERS = 500
MAX_MANIFEST_BYTES = 50 * 1024 * 1024
MAX_RATIO = 200  # declared uncompressed / compressed size beyond which a member is treated as a zip bomb
_RATIO_FLOOR = 1024 * 1024  # small members may compress a lot (JSON, blank images): only check above 1 MiB
_CHUNK = 1024 * 1024

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,127}$")


class BundleError(AtelierError):
    """The file is not a bundle this version can read safely."""


# -- writing -------------------------------------------------------------------------------------------------


def _iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return as_utc(value).isoformat()
    return value.isoformat()


def snapshot_to_json(snapshot: WorkshopSnapshot, *, anonymise: bool = False) -> dict[str, Any]:
    """The snapshot as plain JSON data (``anonymise``: participants' names removed from records and text)."""
    an = Anonymiser(snapshot.participants, anonymise)
    info = snapshot.info
    text = an.text
    return {
        "format": FORMAT,
        "version": VERSION,
        "anonymised": anonymise,
        "workshop": {
            "id": info.id,
            "title": text(info.title),
            "territory": info.territory,
            "territory_kind": info.territory_kind,
            "date": _iso(info.date),
            "place": info.place,
            "facilitators": info.facilitators,
            "context": text(info.context),
            "objectives": text(info.objectives),
            "fixed_points": text(info.fixed_points),
            "status": str(info.status),
            "created_at": _iso(info.created_at),
            "updated_at": _iso(info.updated_at),
        },
        "groups": [
            {"id": g.id, "name": text(g.name), "colour": g.colour, "position": g.position}
            for g in snapshot.groups
        ],
        "participants": [
            {
                "id": p.id,
                "name": "" if anonymise else p.name,
                "role": "" if anonymise else p.role,
                "service": p.service,
                "organisation": p.organisation,
                "group_id": p.group_id,
            }
            for p in snapshot.participants
        ],
        "sequences": [
            {
                "id": s.id,
                "position": s.position,
                "planned_minutes": s.planned_minutes,
                "title": text(s.title),
                "deck": s.deck.model_dump(mode="json"),
            }
            for s in snapshot.sequences
        ],
        "events": [
            {
                "seq": e.seq,
                "kind": str(e.kind),
                "sequence_id": e.sequence_id,
                "group_id": e.group_id,
                "card_id": e.card_id,
                "payload": _payload(dict(e.payload), an),
                "at": _iso(e.at),
            }
            for e in snapshot.events
        ],
        "actions": [
            {
                "id": a.id,
                "action": text(a.action),
                "owner": text(a.owner),
                "deadline": _iso(a.deadline),
                "lever_id": a.lever_id,
                "position": a.position,
            }
            for a in snapshot.actions
        ],
        "attachments": [
            {
                "id": a.id,
                "filename": a.filename,
                "media_type": a.media_type,
                "sha256": a.sha256,
                "caption": text(a.caption),
                "size": a.size,
            }
            for a in snapshot.attachments
        ],
        "debrief": {
            "strengths": [text(x) for x in snapshot.debrief.strengths],
            "vulnerabilities": [text(x) for x in snapshot.debrief.vulnerabilities],
            "felt": text(snapshot.debrief.felt),
            "happened": text(snapshot.debrief.happened),
            "transfer": text(snapshot.debrief.transfer),
            "agreement": text(snapshot.debrief.agreement),
        },
    }


def _payload(payload: dict[str, Any], an: Anonymiser) -> dict[str, Any]:
    if not an.enabled:
        return payload
    out = dict(payload)
    for key in ("text", "argument"):
        if isinstance(out.get(key), str):
            out[key] = an.text(out[key])
    if "author" in out:
        out["author"] = ""
    return out


def export_bundle(
    snapshot: WorkshopSnapshot,
    attachments: Mapping[str, bytes],
    target_zip: Path,
    anonymise: bool = False,
) -> None:
    """Write the bundle atomically. Every attachment listed in the snapshot must be in ``attachments``."""
    for att in snapshot.attachments:
        if not _ID.match(att.id):
            raise AtelierError(f"Identifiant de pièce jointe invalide : « {att.id} ».")
        if att.id not in attachments:
            raise AtelierError(f"Le contenu de la pièce jointe « {att.filename} » est introuvable.")
    manifest = json.dumps(
        snapshot_to_json(snapshot, anonymise=anonymise), ensure_ascii=False, indent=1, default=str
    ).encode("utf-8")
    with (
        atomic_writer(Path(target_zip)) as handle,
        zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        archive.writestr(_info(MANIFEST), manifest)
        for att in snapshot.attachments:
            data = attachments[att.id]
            # photos are already compressed: storing them is faster and no bigger
            kind = zipfile.ZIP_STORED if att.media_type.startswith(("image/jpeg", "image/png")) else None
            archive.writestr(_info(ATTACHMENTS_DIR + att.id, kind), data)


def _info(name: str, compress_type: int | None = None) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED if compress_type is None else compress_type
    info.external_attr = 0o644 << 16
    return info


# -- reading -------------------------------------------------------------------------------------------------


def read_bundle(zip_path: Path) -> tuple[WorkshopSnapshot, dict[str, bytes]]:
    """Read and check a bundle. Raises :class:`BundleError` (an AtelierError) with a French message."""
    path = Path(zip_path)
    name = path.name
    try:
        archive = zipfile.ZipFile(path, "r")
    except FileNotFoundError:
        raise BundleError(f"Fichier introuvable : « {name} ».") from None
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise BundleError(
            f"« {name} » n'est pas une archive d'atelier lisible (zip invalide).", detail=str(exc)
        ) from None
    with archive:
        members = _check_members(archive, name)
        manifest_info = members.pop(MANIFEST, None)
        if manifest_info is None:
            raise BundleError(
                f"« {name} » ne contient pas de fichier {MANIFEST} : ce n'est pas une archive d'atelier."
            )
        raw = _read_member(archive, manifest_info, name, MAX_MANIFEST_BYTES)
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BundleError(
                f"Le fichier {MANIFEST} de « {name} » est illisible (JSON invalide).", detail=str(exc)
            ) from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise BundleError(f"« {name} » n'est pas une archive d'atelier (format inconnu).")
        version = data.get("version")
        if version != VERSION:
            raise BundleError(
                f"« {name} » a été créée par une version de l'application que celle-ci ne sait pas lire "
                f"(version d'archive {version!r} ; version lue : {VERSION}). Mettez l'application à jour."
            )
        snapshot = snapshot_from_json(data, name)
        expected = {att.id: att for att in snapshot.attachments}
        for member_name in members:
            att_id = member_name[len(ATTACHMENTS_DIR) :]
            if att_id not in expected:
                raise BundleError(f"« {name} » contient un fichier inattendu : « {member_name} ».")
        payloads: dict[str, bytes] = {}
        for att_id, att in expected.items():
            info = members.get(ATTACHMENTS_DIR + att_id)
            if info is None:
                raise BundleError(f"« {name} » est incomplète : la pièce jointe « {att.filename} » manque.")
            blob = _read_member(archive, info, name, MAX_MEMBER_BYTES)
            if att.size and len(blob) != att.size:
                raise BundleError(
                    f"La pièce jointe « {att.filename} » de « {name} » n'a pas la taille annoncée."
                )
            if att.sha256 and hashlib.sha256(blob).hexdigest() != att.sha256.lower():
                raise BundleError(
                    f"La pièce jointe « {att.filename} » de « {name} » est altérée (empreinte SHA-256)."
                )
            payloads[att_id] = blob
    return snapshot, payloads


def _check_members(archive: zipfile.ZipFile, name: str) -> dict[str, zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS + 2:
        raise BundleError(f"« {name} » contient trop de fichiers ({len(infos)} ; {MAX_MEMBERS} au plus).")
    members: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        member = info.filename
        if not _safe_name(member):
            raise BundleError(
                f"« {name} » contient un chemin refusé : « {member} » (hors du dossier de l'archive)."
            )
        if info.is_dir():
            if member != ATTACHMENTS_DIR:
                raise BundleError(f"« {name} » contient un dossier inattendu : « {member} ».")
            continue
        if member != MANIFEST and not (
            member.startswith(ATTACHMENTS_DIR) and _ID.match(member[len(ATTACHMENTS_DIR) :])
        ):
            raise BundleError(f"« {name} » contient un fichier inattendu : « {member} ».")
        if member in members:
            raise BundleError(f"« {name} » contient deux fois le fichier « {member} ».")
        if info.flag_bits & 0x1:
            raise BundleError(f"« {name} » contient un fichier chiffré (« {member} ») : refusé.")
        limit = MAX_MANIFEST_BYTES if member == MANIFEST else MAX_MEMBER_BYTES
        if info.file_size > limit:
            raise BundleError(
                f"« {member} » est trop gros dans « {name} » ({_mb(info.file_size)} ; {_mb(limit)} au plus)."
            )
        if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(1, info.compress_size):
            raise BundleError(
                f"« {name} » ressemble à une « bombe zip » (« {member} » se décompresse démesurément)."
            )
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise BundleError(
                f"« {name} » est trop volumineuse une fois décompressée ({_mb(MAX_TOTAL_BYTES)} au plus)."
            )
        members[member] = info
    if len(members) > MAX_MEMBERS + 1:
        raise BundleError(f"« {name} » contient trop de fichiers ({len(members)} ; {MAX_MEMBERS} au plus).")
    return members


def _safe_name(member: str) -> bool:
    if not member or "\\" in member or "\x00" in member or member.startswith("/") or ":" in member:
        return False
    parts = member.split("/")
    if member.endswith("/"):
        parts = parts[:-1]
    return all(part not in ("", ".", "..") for part in parts)


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, limit: int) -> bytes:
    """Read at most ``min(declared, limit)`` bytes; more than declared means a forged header: refused."""
    allowed = min(info.file_size, limit)
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(info, "r") as stream:
            while True:
                chunk = stream.read(min(_CHUNK, allowed + 1 - size))
                if not chunk:
                    break
                size += len(chunk)
                if size > allowed:
                    raise BundleError(
                        f"« {info.filename} » dans « {name} » est plus gros que ce qu'annonce l'archive : "
                        "refusé."
                    )
                chunks.append(chunk)
    except BundleError:
        raise
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
        raise BundleError(
            f"« {info.filename} » dans « {name} » est endommagé ou illisible.", detail=str(exc)
        ) from None
    return b"".join(chunks)


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} Mo"


# -- JSON → snapshot -----------------------------------------------------------------------------------------


class _Reader:
    """Typed access to the manifest with errors that say which field is wrong."""

    def __init__(self, bundle: str) -> None:
        self.bundle = bundle

    def fail(self, where: str, message: str) -> BundleError:
        return BundleError(f"Contenu invalide dans « {self.bundle} » ({where}) : {message}.")

    def obj(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, "objet attendu")
        return value

    def items(self, value: Any, where: str) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(where, "liste attendue")
        return value

    def string(self, data: dict[str, Any], key: str, where: str, *, required: bool = False) -> str:
        value = data.get(key)
        if value is None:
            if required:
                raise self.fail(f"{where}.{key}", "champ obligatoire manquant")
            return ""
        if not isinstance(value, str):
            raise self.fail(f"{where}.{key}", "texte attendu")
        return value

    def ident(self, data: dict[str, Any], key: str, where: str) -> str:
        value = self.string(data, key, where, required=True)
        if not value or len(value) > 128:
            raise self.fail(f"{where}.{key}", "identifiant invalide")
        return value

    def opt_ident(self, data: dict[str, Any], key: str, where: str) -> str | None:
        value = data.get(key)
        if value is None:
            return None
        return self.ident(data, key, where)

    def integer(self, data: dict[str, Any], key: str, where: str, *, default: int | None = None) -> int:
        value = data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(f"{where}.{key}", "nombre entier attendu")
        return value

    def opt_integer(self, data: dict[str, Any], key: str, where: str) -> int | None:
        if data.get(key) is None:
            return None
        return self.integer(data, key, where)

    def day(self, data: dict[str, Any], key: str, where: str) -> date | None:
        value = data.get(key)
        if value is None:
            return None
        try:
            return date.fromisoformat(value)
        except (TypeError, ValueError):
            raise self.fail(f"{where}.{key}", "date invalide (AAAA-MM-JJ attendu)") from None

    def moment(
        self, data: dict[str, Any], key: str, where: str, *, required: bool = False
    ) -> datetime | None:
        value = data.get(key)
        if value is None:
            if required:
                raise self.fail(f"{where}.{key}", "horodatage manquant")
            return None
        try:
            return as_utc(datetime.fromisoformat(value))
        except (TypeError, ValueError):
            raise self.fail(f"{where}.{key}", "horodatage invalide (ISO 8601 attendu)") from None


def snapshot_from_json(data: Mapping[str, Any], bundle: str = "<archive>") -> WorkshopSnapshot:
    r = _Reader(bundle)
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
    events = []
    seen_seq: set[int] = set()
    for i, item in enumerate(r.items(data.get("events"), "events")):
        where = f"events[{i}]"
        e = r.obj(item, where)
        seq = r.integer(e, "seq", where)
        if seq in seen_seq:
            raise r.fail(f"{where}.seq", f"numéro d'événement en double ({seq})")
        seen_seq.add(seq)
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
            )
        )
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
        if not _ID.match(att_id) or att_id in seen_att:
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
    _check_unique(r, "groups", [g.id for g in groups])
    _check_unique(r, "participants", [p.id for p in participants])
    _check_unique(r, "sequences", [s.id for s in sequences])
    _check_unique(r, "actions", [a.id for a in actions])
    return WorkshopSnapshot(
        info=info,
        groups=tuple(groups),
        participants=tuple(participants),
        sequences=tuple(sequences),
        events=tuple(events),
        actions=tuple(actions),
        attachments=tuple(attachments),
        debrief=debrief,
    )


def _strings(r: _Reader, value: Any, where: str) -> list[str]:
    items = r.items(value, where)
    if not all(isinstance(x, str) for x in items):
        raise r.fail(where, "liste de textes attendue")
    return items


def _check_unique(r: _Reader, where: str, ids: list[str]) -> None:
    if len(set(ids)) != len(ids):
        raise r.fail(where, "identifiant en double")


def _plain_filename(filename: str) -> str:
    """A display name only (never used as a path), stripped of any folder part."""
    return filename.replace("\\", "/").rsplit("/", 1)[-1] or "piece-jointe"


def normalised(snapshot: WorkshopSnapshot) -> WorkshopSnapshot:
    """The same snapshot with tuples everywhere and UTC datetimes, as ``read_bundle`` returns it: compare
    ``normalised(a) == normalised(b)``."""
    return replace(
        snapshot,
        groups=tuple(snapshot.groups),
        participants=tuple(snapshot.participants),
        sequences=tuple(snapshot.sequences),
        events=tuple(replace(e, at=as_utc(e.at), payload=dict(e.payload)) for e in snapshot.events),
        actions=tuple(snapshot.actions),
        attachments=tuple(snapshot.attachments),
        debrief=replace(
            snapshot.debrief,
            strengths=tuple(snapshot.debrief.strengths),
            vulnerabilities=tuple(snapshot.debrief.vulnerabilities),
        ),
        info=replace(
            snapshot.info,
            created_at=as_utc(snapshot.info.created_at) if snapshot.info.created_at else None,
            updated_at=as_utc(snapshot.info.updated_at) if snapshot.info.updated_at else None,
        ),
    )
