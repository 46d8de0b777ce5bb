"""A damaged SQLite database: refused for writing, copied aside once, opened read-only for the rescue.

:func:`refuse_if_damaged` runs before ``open_store`` touches a file (see ``migrate.prepare_database``).
When :mod:`.integrity` finds damage, the file is copied byte for byte into the backups folder (once: the same
damaged file is not copied again) and a :class:`DamagedDatabaseError` says, in French, what was found and
what to do.
:func:`open_damaged` opens such a file read-only (an SQLite URI with ``mode=ro``) as a :class:`DamagedStore`:
every write is refused before SQLite is asked, and the list of workshops skips the damaged ones instead of
failing for all of them.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

from workshop_app.core.errors import AtelierError
from workshop_app.core.state import fold
from workshop_app.services.api import WorkshopSummary
from workshop_app.store.engine import make_engine, translate
from workshop_app.store.integrity import DamageReport, check_sqlite, readonly_uri
from workshop_app.store.reading import progress
from workshop_app.store.service import WorkshopStore

log = logging.getLogger(__name__)

# Below this size the complete integrity_check costs about as much as quick_check (a few ms per MB) and also
# finds damaged indexes; above it, quick_check at start-up and the complete check on demand (atelier rescue).
FULL_CHECK_MAX_BYTES = 64 * 1024 * 1024
RESCUE_HINT = (
    "Pour sauver les ateliers encore lisibles : menu Fichier › « Sauver les ateliers d’une base "
    "endommagée… », ou en ligne de commande « atelier rescue --archives DOSSIER » (une archive par atelier) "
    "ou « atelier rescue -o NOUVELLE.sqlite3 »."
)


class DamagedDatabaseError(AtelierError):
    """The database is damaged: nothing will be written into it. ``report`` says what was found."""

    def __init__(self, message: str, *, report: DamageReport, copy: Path | None, detail: str = "") -> None:
        super().__init__(message, detail=detail)
        self.report = report
        self.copy = copy


def check_file(path: Path, *, full: bool | None = None) -> DamageReport:
    """The integrity report of an SQLite file (``full=None``: complete check for files up to
    :data:`FULL_CHECK_MAX_BYTES`). Raises a French AtelierError when it cannot be opened at all."""
    if full is None:
        full = _size(path) <= FULL_CHECK_MAX_BYTES
    try:
        return check_sqlite(path, full=full)
    except sqlite3.Error as error:
        raise translate(error, str(path)) from error


def refuse_if_damaged(path: Path) -> None:
    """Raise :class:`DamagedDatabaseError` if ``path`` (an existing SQLite file) is damaged."""
    if not path.exists() or _size(path) == 0:
        return
    report = check_file(path)
    if report.damaged:
        raise damaged_error(path, report)


def damaged_error(path: Path, report: DamageReport) -> DamagedDatabaseError:
    from workshop_app.store.migrate import set_aside

    try:
        copy: Path | None = set_aside(path)
        where_copy = f"Une copie a été mise de côté dans « {copy} »."
    except OSError:
        copy, where_copy = None, "Aucune copie n’a pu être mise de côté (disque plein ou protégé ?)."
    touched = _titles(path, report)
    which = f" Ateliers touchés : {touched}." if touched else ""
    if report.unattributed:
        which += " Une partie des dégâts ne peut être rattachée à aucun atelier."
    log.info("damaged database %s: %s", path, report.describe(20))
    return DamagedDatabaseError(
        f"La base de données « {path} » est endommagée ({report.describe(2)}). Elle n’a pas été modifiée "
        f"et Atelier Résilience n’y écrira rien. {where_copy}{which} {RESCUE_HINT}",
        report=report,
        copy=copy,
        detail=report.describe(20),
    )


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _titles(path: Path, report: DamageReport, limit: int = 5) -> str:
    wanted = report.damaged_workshops
    if not wanted:
        return ""
    names = {wid: title for _, wid, title in workshop_rows(path) if wid in wanted}
    shown = [f"« {names.get(w, w)} »" for w in sorted(wanted)[:limit]]
    more = f" et {len(wanted) - limit} autre(s)" if len(wanted) > limit else ""
    return ", ".join(shown) + more


def workshop_rows(path: Path) -> list[tuple[int, str | None, str]]:
    """(rowid, id or None if unreadable, title as far as it reads) of every workshop row, newest first."""
    try:
        conn = sqlite3.connect(readonly_uri(path), uri=True)
    except sqlite3.Error:
        return []
    try:
        conn.text_factory = bytes
        rows = conn.execute("SELECT rowid, id, title FROM workshops ORDER BY updated_at DESC").fetchall()
    except sqlite3.Error:
        return []
    finally:
        conn.close()
    out: list[tuple[int, str | None, str]] = []
    for rowid, raw_id, raw_title in rows:
        try:
            wid: str | None = raw_id.decode("utf-8") if isinstance(raw_id, bytes) else None
        except UnicodeDecodeError:
            wid = None
        title = raw_title.decode("utf-8", "replace") if isinstance(raw_title, bytes) else ""
        out.append((int(rowid), wid, title))
    return out


class DamagedStore(WorkshopStore):
    """A damaged database opened read-only: reading works workshop by workshop, writing is refused."""

    damage: DamagedDatabaseError
    path: Path

    def list_workshops(self) -> list[WorkshopSummary]:
        """The workshops that still read in full (one damaged row no longer hides all the others)."""
        summaries = []
        for _, wid, _ in workshop_rows(self.path):
            if wid is None or wid in self.damage.report.damaged_workshops:
                continue
            try:
                summaries.append(self._summary(wid))
            except AtelierError as error:
                log.info("workshop %s unreadable in damaged database: %s", wid, error.detail or error)
        return summaries

    def _summary(self, workshop_id: str) -> WorkshopSummary:
        snap = self.snapshot(workshop_id)
        answered, total = progress(list(snap.sequences), fold(snap.events), [g.id for g in snap.groups])
        info = snap.info
        return WorkshopSummary(
            id=info.id,
            title=info.title,
            territory=info.territory,
            date=info.date,
            status=info.status,
            deck_titles=tuple(s.display_title for s in snap.sequences),
            answered=answered,
            total=total,
            updated_at=info.updated_at,
            last_event_at=max((e.at for e in snap.events), default=None),
        )


def open_damaged(path: Path, damage: DamagedDatabaseError) -> DamagedStore:
    """Open ``path`` read-only; the store refuses every write with the damage's message."""
    if not os.access(path, os.R_OK):
        raise damage
    engine = make_engine(f"sqlite:///{readonly_uri(path)}&uri=true")
    store = DamagedStore(engine, f"sqlite:///{path}")
    store.damage = damage
    store.path = path
    store.write_refusal = (
        f"La base de données « {path} » est endommagée : Atelier Résilience n’y écrit plus rien "
        f"(lecture seule). {RESCUE_HINT}"
    )
    return store
