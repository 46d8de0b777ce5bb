"""A laptop and its cohort's shared database exchange whole workshops (``atelier sync``, « Synchroniser… »).

Each workshop of this laptop is sent to the cohort's database, then what the other facilitators added there
is received back, by workshop id, with the same union as an archive import (``store.transfer``): nothing is
lost, nothing counted twice, running it again changes nothing, and each workshop is merged in its own
transaction (a sync cut short keeps what was merged; the next one completes it). A conflict met in the
cohort's database is also kept in this laptop's, so that it can be settled here (``store.conflicts``).

Plain Python: the CLI prints the report, the app runs :func:`sync_with` in a background task.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from workshop_app.core.errors import AtelierError
from workshop_app.core.merge import MergeReport
from workshop_app.services.api import WorkshopService

Progress = Callable[[float, str], None]


@dataclass
class WorkshopSync:
    """What one workshop's exchange did: ``sent`` to the cohort, ``received`` back (None: not done)."""

    workshop_id: str
    title: str
    sent: MergeReport | None = None
    received: MergeReport | None = None

    @property
    def conflicts(self) -> list[str]:
        return [label for r in (self.sent, self.received) if r is not None for label in r.conflicts]

    def line(self) -> str:
        """« Atelier » (6fd0d5d8) — envoyé : 3 votes — reçu : 1 note, 1 action modifiée ; 1 conflit : lieu."""
        parts = []
        if self.sent is not None:
            parts.append(f"envoyé : {self.sent.summary()}")
        if self.received is not None:
            parts.append(f"reçu : {self.received.summary()}")
        return f"« {self.title} » ({self.workshop_id[:8]}) — {' — '.join(parts) or 'rien à faire'}."


@dataclass
class SyncReport:
    where: str  # the cohort's database, without its password
    workshops: list[WorkshopSync] = field(default_factory=list)

    @property
    def conflicted(self) -> list[WorkshopSync]:
        return [w for w in self.workshops if w.conflicts]

    def lines(self) -> list[str]:
        return [w.line() for w in self.workshops]


def sync_with(
    local: WorkshopService,
    cohort_url: str,
    *,
    workshops: Sequence[str] = (),
    send: bool = True,
    receive: bool = True,
    progress: Progress | None = None,
    open_store: Callable[[str], Any] | None = None,
) -> SyncReport:
    """Open the cohort's database at ``cohort_url`` and exchange ``workshops`` (ids; default: every workshop
    of either side) with ``local``. Raises an AtelierError in French when the cohort cannot be reached."""
    if open_store is None:
        from workshop_app.store import open_store as opener

        open_store = opener
    if progress is not None:
        progress(0, "Connexion à la base de la cohorte…")
    with open_store(cohort_url) as cohort:
        return exchange(local, cohort, workshops, send=send, receive=receive, progress=progress)


def exchange(
    local: WorkshopService,
    cohort: WorkshopService,
    workshops: Sequence[str] = (),
    *,
    send: bool = True,
    receive: bool = True,
    progress: Progress | None = None,
    echo: Callable[[str], None] | None = None,
) -> SyncReport:
    """Exchange with a cohort store already open; ``echo`` receives each workshop's line once it is done."""
    if getattr(local, "url", None) == getattr(cohort, "url", ""):
        raise AtelierError("La base de la cohorte est celle de ce portable : rien à échanger.")
    mine = {s.id: s.title for s in local.list_workshops()}
    theirs = {s.id: s.title for s in cohort.list_workshops()}
    wanted = list(workshops) or sorted(
        set(mine) | set(theirs), key=lambda i: (mine.get(i) or theirs.get(i) or "", i)
    )
    report = SyncReport(getattr(cohort, "where", ""))
    for index, wid in enumerate(wanted):
        title = mine.get(wid) or theirs.get(wid) or wid
        if progress is not None:
            progress(100 * index / max(1, len(wanted)), f"« {title} »")
        done = WorkshopSync(wid, title)
        sent = wid in mine and send
        if sent:
            done.sent = move(local, cohort, wid)
        if receive and (sent or wid in theirs):
            done.received = move(cohort, local, wid)
        if done.sent is not None and done.sent.conflict_records:
            # met over there: kept here too (once, the receiving may have met it again), to settle here
            local.record_conflicts(wid, done.sent.conflict_records)
        report.workshops.append(done)
        if echo is not None:
            echo(done.line())
    if progress is not None:
        progress(100, "")
    return report


def move(source: WorkshopService, target: WorkshopService, workshop_id: str) -> MergeReport:
    snapshot = source.snapshot(workshop_id)
    data = {a.id: source.attachment_data(a.id) for a in snapshot.attachments}
    return target.merge_snapshot(snapshot, data)


def shown_url(url: str) -> str:
    """The URL as it may be shown and remembered: without its password (``~/.pgpass`` holds that)."""
    try:
        from sqlalchemy.engine import make_url

        parsed = make_url(url.strip())
    except Exception:  # not a URL at all: the sync itself says why
        return url.strip()
    if parsed.password is None:
        return url.strip()
    return parsed._replace(password=None).render_as_string(hide_password=False)  # (URL is a named tuple)
