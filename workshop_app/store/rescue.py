"""Save what a damaged database still holds: every workshop that reads in full goes into a new database or
into one archive (.zip) each; the others are named with the reason.

The damaged file is only ever opened read-only (see :mod:`.damaged`). Each workshop is read on its own, so one
damaged row costs its own workshop, never the others. What is written goes through the same checks as an
imported archive (a value read wrongly from damaged pages is refused, not copied).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from workshop_app.core.errors import AtelierError
from workshop_app.core.workshop import WorkshopSnapshot
from workshop_app.store.damaged import (
    DamagedDatabaseError,
    check_file,
    damaged_error,
    open_damaged,
    workshop_rows,
)
from workshop_app.store.integrity import DamageReport
from workshop_app.store.salvage import Salvage
from workshop_app.store.service import WorkshopStore

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Saved:
    workshop_id: str
    title: str
    where: str  # the archive written, or the new database
    missing: str = ""  # French: what could not be read (saved in part); "" when saved whole


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
        salvage: Salvage | None = None
        rows = workshop_rows(source)
        if not rows and report.damaged:  # the table of workshops itself does not scan: row by row
            salvage = Salvage(reader.engine)
            rows = [(0, wid, title) for wid, title in salvage.workshops()]
        for rowid, wid, title in rows:
            label = f"« {title} »" if title else f"ligne {rowid} de la table des ateliers"
            if wid is None:
                result.lost.append(Lost(label, "identifiant illisible"))
                continue
            bad = [r for r in report.bad_rows if r.workshop_id == wid]
            reason = ""
            if bad:
                first = bad[0]
                where = f"table « {first.table} », ligne {first.rowid}, colonne « {first.column} »"
                reason = f"{len(bad)} valeur(s) illisible(s) ({where} : {first.problem})"
            else:
                try:
                    result.saved.append(_save_one(reader, wid, target, archives))
                    continue
                except AtelierError as error:
                    reason = _reason(error)
            # Second chance: read what is intact of this workshop row by row, and save it in part.
            salvage = salvage or Salvage(reader.engine)
            try:
                saved = _save_salvaged(salvage, wid, reason if bad else "", target, archives)
            except AtelierError as error:
                log.info("salvage of %s failed: %s", wid, error)
                saved = None
            if saved is None:
                result.lost.append(Lost(label, reason))
            else:
                result.saved.append(saved)
    finally:
        reader.close()
        if target is not None:
            target.close()
    return result


def _save_salvaged(
    salvage: Salvage, wid: str, bad: str, target: WorkshopStore | None, archives: Path | None
) -> Saved | None:
    """The workshop as far as it reads row by row; ``missing`` says what is not there (``bad``: what the
    integrity check found in this workshop's own rows)."""
    found = salvage.snapshot(wid)
    if found is None:
        return None
    lost = salvage.lost_rows()
    missing = "; ".join(m for m in (bad, found.missing) if m)
    if not missing and lost:
        missing = (
            f"rien ne manque dans son journal, mais {lost} ligne(s) illisible(s) de la base ne peuvent être "
            "rattachées à aucun atelier (participant·es, actions, tables ?)"
        )
    saved = _write(found.snapshot, found.attachments, target, archives)
    return Saved(wid, found.snapshot.info.title, saved, missing)


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
    return Saved(wid, snapshot.info.title, _write(snapshot, data, target, archives))


def _write(
    snapshot: WorkshopSnapshot, data: dict[str, bytes], target: WorkshopStore | None, archives: Path | None
) -> str:
    where = ""
    if target is not None:
        target.import_snapshot(snapshot, data)
        where = target.where
    if archives is not None:
        from workshop_app.export.bundle import export_bundle, read_bundle

        path = archives / archive_name(snapshot.info.title, snapshot.info.id)
        export_bundle(snapshot, data, path)
        read_bundle(path)  # the archive reads back (same checks as an import), or it is not counted as saved
        where = str(path)
    return where


def archive_name(title: str, workshop_id: str) -> str:
    plain = unicodedata.normalize("NFKD", title.lower()).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:40]
    return f"{slug or 'atelier'}-{workshop_id[:8]}.zip"
