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
import zipfile
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from workshop_app.core.atomic import atomic_writer
from workshop_app.core.errors import AtelierError
from workshop_app.core.workshop import WorkshopSnapshot
from workshop_app.export.archive_checks import check_image
from workshop_app.export.manifest import (
    ATTACHMENT_ID,
    FORMAT,
    READABLE_VERSIONS,
    VERSION,
    BundleError,
    normalised,
    snapshot_to_json,
)
from workshop_app.export.manifest_reader import snapshot_from_json

MANIFEST = "workshop.json"
ATTACHMENTS_DIR = "attachments/"

MAX_MEMBER_BYTES = 50 * 1024 * 1024
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_MEMBERS = 500
MAX_MANIFEST_BYTES = 50 * 1024 * 1024
MAX_RATIO = 200  # declared uncompressed / compressed size beyond which a member is treated as a zip bomb
_RATIO_FLOOR = 1024 * 1024  # small members may compress a lot (JSON, blank images): only check above 1 MiB
_CHUNK = 1024 * 1024


# -- writing -------------------------------------------------------------------------------------------------


def export_bundle(
    snapshot: WorkshopSnapshot,
    attachments: Mapping[str, bytes],
    target_zip: Path,
    anonymise: bool = False,
) -> None:
    """Write the bundle atomically. Every attachment listed in the snapshot must be in ``attachments``.

    The bundle keeps the notes « hors compte-rendu » (with their flag: it moves a workshop between laptops),
    except when ``anonymise``: an anonymised bundle leaves the workshop, so they stay behind."""
    if anonymise:
        from workshop_app.export.anonymise import for_export

        snapshot = for_export(snapshot, True)
    for att in snapshot.attachments:
        if not ATTACHMENT_ID.match(att.id):
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
            data = json.loads(raw.decode("utf-8"), parse_constant=_refuse_constant)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BundleError(
                f"Le fichier {MANIFEST} de « {name} » est illisible (JSON invalide).", detail=str(exc)
            ) from None
        except RecursionError:  # JSON's C parser stops itself at the interpreter's recursion limit
            raise BundleError(
                f"Le fichier {MANIFEST} de « {name} » est refusé : imbrication trop profonde."
            ) from None
        except ValueError as exc:  # NaN / Infinity, see _refuse_constant
            raise BundleError(f"Le fichier {MANIFEST} de « {name} » est refusé : {exc}.") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise BundleError(f"« {name} » n'est pas une archive d'atelier (format inconnu).")
        version = data.get("version")
        if version not in READABLE_VERSIONS:
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
            check_image(att.filename, att.media_type, blob, name)
            payloads[att_id] = blob
    return snapshot, payloads


def _refuse_constant(constant: str) -> Any:
    raise ValueError(f"nombre non fini « {constant} » (NaN ou infini)")


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
            member.startswith(ATTACHMENTS_DIR) and ATTACHMENT_ID.match(member[len(ATTACHMENTS_DIR) :])
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


__all__ = [
    "ATTACHMENTS_DIR",
    "FORMAT",
    "MANIFEST",
    "VERSION",
    "BundleError",
    "export_bundle",
    "normalised",
    "read_bundle",
    "snapshot_from_json",
    "snapshot_to_json",
]
