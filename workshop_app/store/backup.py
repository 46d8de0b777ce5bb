"""Whole-database backups a facilitator can keep on a USB key, and their restoration.

A backup is a zip holding:

* ``atelier.sqlite3``: a consistent copy of the live SQLite database made with SQLite's **online backup API**
  (never a copy of a file being written: the WAL's content is included, a half-written page never is). The
  photos live in the database (``attachments.data``), so they come with it;
* ``decks/*.yaml``: the user's own decks (``$ATELIER_HOME/decks``);
* ``manifest.json``: what is inside (workshops, events, photos, decks), the schema revision, the app version,
  and the SHA-256 of each file, checked before anything is restored.

Restoring never destroys the current data: the database (again through the backup API) and the decks are
first set aside in ``backups/avant-restauration-<date>/``; the backup's database then replaces the live one
through the same API (so an open WAL is handled by SQLite, not by file juggling). Only SQLite is concerned:
a shared PostgreSQL database is backed up by its server (``pg_dump``).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from workshop_app.core.atomic import atomic_writer
from workshop_app.core.errors import AtelierError, os_reason

FORMAT = "atelier-resilience-sauvegarde"
FORMAT_VERSION = 1
DATABASE_NAME = "atelier.sqlite3"
MANIFEST_NAME = "manifest.json"
DECKS_FOLDER = "decks"
MAX_MEMBER_BYTES = 4 << 30  # a zip member claiming more than 4 GB is not one of ours
MAX_MANIFEST_BYTES = 1 << 20


@dataclass(frozen=True)
class WorkshopEntry:
    id: str
    title: str
    territory: str
    events: int


@dataclass(frozen=True)
class BackupContents:
    """What a backup holds (written in its manifest, re-counted from its database when restoring)."""

    created_at: str
    app_version: str
    schema_revision: str | None
    workshops: tuple[WorkshopEntry, ...]
    events: int
    photos: int
    photo_bytes: int
    decks: tuple[str, ...]
    files: dict[str, str] = field(default_factory=dict)  # name in the zip → sha256

    def summary(self) -> str:
        """One French sentence: « 3 ateliers, 812 événements, 4 photos (2,1 Mo), 1 jeu personnel »."""
        mb = f"{self.photo_bytes / 1e6:.1f}".replace(".", ",")
        return (
            f"{_plural(len(self.workshops), 'atelier')}, {_plural(self.events, 'événement')}, "
            f"{_plural(self.photos, 'photo')} ({mb} Mo), "
            f"{_plural(len(self.decks), 'jeu personnel', 'jeux personnels')}"
        )


@dataclass(frozen=True)
class RestoreReport:
    contents: BackupContents
    set_aside: Path  # the folder holding the data as it was before the restoration
    device_id: str = ""  # the data folder's new device id ("" if it could not be written)


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n <= 1 else (many or one + 's')}"  # French: 0 and 1 take the singular


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def copy_database(source: Path, target: Path) -> None:
    """A consistent, self-contained copy of the live SQLite file ``source`` at ``target`` (backup API)."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")  # one file, no -wal beside it
        finally:
            dst.close()
    finally:
        src.close()


def read_contents(database: Path) -> tuple[str | None, tuple[WorkshopEntry, ...], int, int, int]:
    """(schema revision, workshops, events, photos, photo bytes) read from an SQLite file of the app."""
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "workshops" not in tables or "events" not in tables:
            raise AtelierError(
                f"« {database.name} » n’est pas une base d’Atelier Résilience (pas de table workshops)."
            )
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        counts = dict(
            conn.execute("SELECT workshop_id, COUNT(*) FROM events GROUP BY workshop_id").fetchall()
        )
        workshops = tuple(
            WorkshopEntry(id=wid, title=title, territory=territory or "", events=int(counts.get(wid, 0)))
            for wid, title, territory in conn.execute(
                "SELECT id, title, territory FROM workshops ORDER BY title"
            )
        )
        events = int(conn.execute("SELECT COUNT(*) FROM events").fetchone()[0])
        photos, photo_bytes = 0, 0
        if "attachments" in tables:
            photos, photo_bytes = conn.execute(
                "SELECT COUNT(*), COALESCE(SUM(LENGTH(data)), 0) FROM attachments"
            ).fetchone()
        return revision, workshops, events, int(photos), int(photo_bytes)
    finally:
        conn.close()


def write_backup(database: Path, decks: Path, target: Path, app_version: str) -> BackupContents:
    """Write the backup zip ``target`` (atomically) of the SQLite file ``database`` and the ``decks``."""
    if not database.is_file():
        raise AtelierError(f"Aucune base de données à sauvegarder : « {database} » n’existe pas.")
    with tempfile.TemporaryDirectory(prefix="atelier-sauvegarde-") as scratch:
        copy = Path(scratch) / DATABASE_NAME
        try:
            copy_database(database, copy)
        except sqlite3.Error as exc:
            raise AtelierError(
                f"Impossible de lire la base « {database} » pour la sauvegarder : {exc}"
            ) from exc
        revision, workshops, events, photos, photo_bytes = read_contents(copy)
        deck_files = sorted(p for p in decks.glob("*.y*ml") if p.is_file()) if decks.is_dir() else []
        files = {DATABASE_NAME: _sha256_file(copy)}
        files.update({f"{DECKS_FOLDER}/{p.name}": _sha256_file(p) for p in deck_files})
        contents = BackupContents(
            created_at=datetime.now(UTC).isoformat(timespec="seconds"),
            app_version=app_version,
            schema_revision=revision,
            workshops=workshops,
            events=events,
            photos=photos,
            photo_bytes=photo_bytes,
            decks=tuple(p.name for p in deck_files),
            files=files,
        )
        with atomic_writer(target) as handle, zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST_NAME, json.dumps(_manifest(contents), ensure_ascii=False, indent=2))
            archive.write(copy, DATABASE_NAME)
            for deck in deck_files:
                archive.write(deck, f"{DECKS_FOLDER}/{deck.name}")
    return contents


def _manifest(contents: BackupContents) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created_at": contents.created_at,
        "app_version": contents.app_version,
        "schema_revision": contents.schema_revision,
        "workshops": [
            {"id": w.id, "title": w.title, "territory": w.territory, "events": w.events}
            for w in contents.workshops
        ],
        "events": contents.events,
        "photos": contents.photos,
        "photo_bytes": contents.photo_bytes,
        "decks": list(contents.decks),
        "files": contents.files,
    }


def _bad(source: Path, why: str) -> AtelierError:
    return AtelierError(
        f"« {source.name} » n’est pas une sauvegarde utilisable d’Atelier Résilience : {why}."
    )


def _read_manifest(archive: zipfile.ZipFile, source: Path) -> dict[str, Any]:
    try:
        info = archive.getinfo(MANIFEST_NAME)
    except KeyError:
        raise _bad(source, f"il n’y a pas de fichier {MANIFEST_NAME}") from None
    if info.file_size > MAX_MANIFEST_BYTES:
        raise _bad(source, f"{MANIFEST_NAME} est anormalement grand")
    try:
        manifest = json.loads(archive.read(info).decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise _bad(source, f"{MANIFEST_NAME} est illisible ({exc})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _bad(source, f"{MANIFEST_NAME} ne décrit pas une sauvegarde (champ « format »)")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise _bad(
            source, f"format {manifest.get('format_version')!r} inconnu de cette version de l’application"
        )
    files = manifest.get("files")
    if not isinstance(files, dict) or DATABASE_NAME not in files:
        raise _bad(source, f"le champ « files » ne cite pas {DATABASE_NAME}")
    return manifest


def _extract_checked(archive: zipfile.ZipFile, source: Path, name: str, digest: str, target: Path) -> None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise _bad(source, f"le fichier « {name} » annoncé par le manifeste manque") from None
    if info.file_size > MAX_MEMBER_BYTES:
        raise _bad(source, f"« {name} » est anormalement grand")
    sha = hashlib.sha256()
    with archive.open(info) as src, target.open("wb") as dst:
        for block in iter(lambda: src.read(1 << 20), b""):
            sha.update(block)
            dst.write(block)
    if sha.hexdigest() != digest:
        raise _bad(source, f"« {name} » ne correspond pas à son empreinte SHA-256 (fichier abîmé ou modifié)")


def read_backup(source: Path, scratch: Path) -> tuple[BackupContents, Path, dict[str, Path]]:
    """Check ``source``, extract it into ``scratch``: (contents, database copy, deck name → extracted file).

    Every file is checked against its SHA-256, the database against SQLite's integrity check, and the counts
    are re-read from the database itself (the manifest is only trusted for the file list).
    """
    try:
        archive = zipfile.ZipFile(source)
    except FileNotFoundError:
        raise AtelierError(f"Sauvegarde introuvable : « {source} ».") from None
    except (zipfile.BadZipFile, OSError) as exc:
        reason = os_reason(exc) if isinstance(exc, OSError) else "ce n’est pas une archive zip"
        raise _bad(source, reason) from None
    with archive:
        manifest = _read_manifest(archive, source)
        files: dict[str, str] = {str(k): str(v) for k, v in manifest["files"].items()}
        database = scratch / DATABASE_NAME
        _extract_checked(archive, source, DATABASE_NAME, files[DATABASE_NAME], database)
        decks: dict[str, Path] = {}
        (scratch / DECKS_FOLDER).mkdir()
        for name, digest in files.items():
            if name == DATABASE_NAME:
                continue
            folder, _, base = name.partition("/")
            if folder != DECKS_FOLDER or not base or "/" in base or "\\" in base or base.startswith("."):
                raise _bad(source, f"chemin inattendu dans l’archive : « {name} »")
            _extract_checked(archive, source, name, digest, scratch / DECKS_FOLDER / base)
            decks[base] = scratch / DECKS_FOLDER / base
    try:
        check = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        try:
            verdict = check.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            check.close()
    except sqlite3.DatabaseError as exc:
        raise _bad(source, f"sa base de données est illisible ({exc})") from None
    if verdict != "ok":
        raise _bad(source, f"sa base de données est abîmée ({verdict})")
    revision, workshops, events, photos, photo_bytes = read_contents(database)
    contents = BackupContents(
        created_at=str(manifest.get("created_at", "")),
        app_version=str(manifest.get("app_version", "")),
        schema_revision=revision,
        workshops=workshops,
        events=events,
        photos=photos,
        photo_bytes=photo_bytes,
        decks=tuple(sorted(decks)),
        files=files,
    )
    return contents, database, decks


def restore_backup(
    source: Path, database: Path, decks: Path, aside_root: Path, known_revisions: set[str]
) -> RestoreReport:
    """Replace the live data by the backup ``source``, after setting the current data aside under
    ``aside_root``. ``known_revisions``: the schema revisions this app can open (newer ones are refused)."""
    database.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".restauration-", dir=database.parent) as scratch_name:
        scratch = Path(scratch_name)
        contents, restored, deck_files = read_backup(source, scratch)
        if contents.schema_revision is not None and contents.schema_revision not in known_revisions:
            raise AtelierError(
                f"La sauvegarde « {source.name} » vient d’une version plus récente de l’application (schéma "
                f"« {contents.schema_revision} », version {contents.app_version or 'inconnue'}) : installez "
                "cette version pour la restaurer. Rien n’a été modifié."
            )
        aside = aside_root / f"avant-restauration-{_stamp()}"
        try:
            aside.mkdir(parents=True, exist_ok=False)
            if database.is_file():
                copy_database(database, aside / DATABASE_NAME)
            if decks.is_dir():
                shutil.copytree(decks, aside / DECKS_FOLDER)
        except (OSError, sqlite3.Error) as exc:
            reason = os_reason(exc) if isinstance(exc, OSError) else str(exc)
            raise AtelierError(
                f"Impossible de mettre les données actuelles de côté dans « {aside} » : {reason}. "
                "Rien n’a été restauré."
            ) from exc
        try:
            src = sqlite3.connect(f"file:{restored}?mode=ro", uri=True)
            try:
                dst = sqlite3.connect(database, timeout=5)
                try:
                    src.backup(dst)  # page by page, in one transaction on the live file (its WAL included)
                finally:
                    dst.close()
            finally:
                src.close()
            decks.mkdir(parents=True, exist_ok=True)
            for name, extracted in deck_files.items():
                shutil.copyfile(extracted, decks / name)
        except (OSError, sqlite3.Error) as exc:
            reason = os_reason(exc) if isinstance(exc, OSError) else str(exc)
            raise AtelierError(
                f"La restauration a échoué : {reason}. Les données d’avant sont intactes dans « {aside} »."
            ) from exc
    return RestoreReport(contents=contents, set_aside=aside, device_id=_new_device(database.parent))


def _new_device(folder: Path) -> str:
    """The restored data get a new device id (``paths.renew_device_id``): entries recorded from now on are
    told apart from those of any other copy of the same backup. A folder where it cannot be written keeps
    its id (the restoration itself has succeeded)."""
    from workshop_app.paths import renew_device_id

    try:
        return renew_device_id(folder)
    except OSError:
        return ""
