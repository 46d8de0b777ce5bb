"""Save what a damaged database still holds: every workshop that reads in full goes into a new database or
into one archive (.zip) each; the others are named with the reason.

The damaged file is only ever opened read-only (see :mod:`.damaged`). Each workshop is read on its own, so one
damaged row costs its own workshop, never the others. What is written goes through the same checks as an
imported archive (a value read wrongly from damaged pages is refused, not copied).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from workshop_app.core.errors import AtelierError
from workshop_app.store.damaged import (
    DamagedDatabaseError,
    check_file,
    damaged_error,
    open_damaged,
    workshop_rows,
)
from workshop_app.store.integrity import DamageReport
from workshop_app.store.service import WorkshopStore


@dataclass(frozen=True)
class Saved:
    workshop_id: str
    title: str
    where: str  # the archive written, or the new database


@dataclass(frozen=True)
class Lost:
    label: str  # the title (or the row) of the workshop
    reason: str  # French


@dataclass
class RescueReport:
    report: DamageReport
    saved: list[Saved] = field(default_factory=list)
    lost: list[Lost] = field(default_factory=list)


def rescue(
    source: Path, *, into: str | None = None, archives: Path | None = None, full: bool = True
) -> RescueReport:
    """Check ``source`` (complete check by default), then copy every readable workshop into the database at
    ``into`` (an URL) or as archives into the folder ``archives``; with neither, only say what could be saved.
    """
    if not source.is_file():
        raise AtelierError(f"Base de données introuvable : « {source} ».")
    report = check_file(source, full=full)
    damage = damaged_error(source, report) if report.damaged else _healthy(source, report)
    result = RescueReport(report)
    if into is not None and _same_file(into, source):
        raise AtelierError("La base de destination doit être un autre fichier que la base endommagée.")
    reader = open_damaged(source, damage)
    target: WorkshopStore | None = None
    try:
        if into is not None:
            from workshop_app.store.service import open_store

            target = open_store(into)
        if archives is not None:
            archives.mkdir(parents=True, exist_ok=True)
        for rowid, wid, title in workshop_rows(source):
            label = f"« {title} »" if title else f"ligne {rowid} de la table des ateliers"
            if wid is None:
                result.lost.append(Lost(label, "identifiant illisible"))
                continue
            bad = [r for r in report.bad_rows if r.workshop_id == wid]
            if bad:
                first = bad[0]
                where = f"table « {first.table} », ligne {first.rowid}, colonne « {first.column} »"
                result.lost.append(Lost(label, f"{where} : {first.problem}"))
                continue
            try:
                result.saved.append(_save_one(reader, wid, target, archives))
            except AtelierError as error:
                result.lost.append(Lost(label, _reason(error)))
    finally:
        reader.close()
        if target is not None:
            target.close()
    return result


def _reason(error: AtelierError) -> str:
    text = f"{error} {error.detail}".lower()
    if "malformed" in text or "endommagé" in text:
        return "une partie de ses données est dans une zone abîmée du fichier"
    return str(error)


def _healthy(source: Path, report: DamageReport) -> DamagedDatabaseError:
    """A sound file is read the same way (read-only): the rescue never writes into its source."""
    return DamagedDatabaseError(
        f"La base « {source} » est ouverte en lecture seule pour la copie.", report=report, copy=None
    )


def _same_file(url: str, source: Path) -> bool:
    from workshop_app.store.engine import sqlite_path

    path = sqlite_path(url)
    return path is not None and path.exists() and path.resolve() == source.resolve()


def _save_one(reader: WorkshopStore, wid: str, target: WorkshopStore | None, archives: Path | None) -> Saved:
    snapshot = reader.snapshot(wid)
    data = {att.id: reader.attachment_data(att.id) for att in snapshot.attachments}
    title = snapshot.info.title
    where = ""
    if target is not None:
        target.import_snapshot(snapshot, data)
        where = target.where
    if archives is not None:
        from workshop_app.export.bundle import export_bundle, read_bundle

        path = archives / archive_name(title, wid)
        export_bundle(snapshot, data, path)
        read_bundle(path)  # the archive reads back (same checks as an import), or it is not counted as saved
        where = str(path)
    return Saved(wid, title, where)


def archive_name(title: str, workshop_id: str) -> str:
    plain = unicodedata.normalize("NFKD", title.lower()).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:40]
    return f"{slug or 'atelier'}-{workshop_id[:8]}.zip"
