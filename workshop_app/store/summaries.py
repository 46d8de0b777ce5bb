"""The archive list from stored summaries (``workshop_summaries``, revision 0006): one query per listing.

A summary holds what the start page and ``atelier workshops`` show that is costly to work out (deck titles
from the snapshots, progress from the folded log, counts). It is stamped with the workshop's ``updated_at``:
every write to a workshop (planning, play, merge, import) moves that inside its own transaction, so a summary
whose stamp differs is stale. A listing recomputes only the stale or missing ones, from the same read
transaction (so content and stamp agree), and stores them; a write failing there only means they are
recomputed next time (the summaries are derived data, never the record).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from workshop_app.core.errors import AtelierError
from workshop_app.core.events import as_utc
from workshop_app.core.state import WorkshopState
from workshop_app.core.workshop import WorkshopStatus
from workshop_app.services.api import WorkshopSummary
from workshop_app.store.models import EventRow, GroupRow, ProgrammeRow, SummaryRow, WorkshopRow
from workshop_app.store.summary_stamp import stamp_of

if TYPE_CHECKING:
    from workshop_app.store.reading import ReadingMixin

_log = logging.getLogger(__name__)


def list_summaries(store: ReadingMixin) -> list[WorkshopSummary]:
    """Every workshop, most recently changed first (see the module's docstring)."""
    fresh: dict[str, SummaryRow] = {}
    with store._read() as session:
        rows = session.execute(
            select(
                WorkshopRow.id,
                WorkshopRow.title,
                WorkshopRow.territory,
                WorkshopRow.date,
                WorkshopRow.status,
                WorkshopRow.updated_at,
                ProgrammeRow.name.label("programme"),
                SummaryRow,
            )
            .outerjoin(SummaryRow, SummaryRow.workshop_id == WorkshopRow.id)
            .outerjoin(ProgrammeRow, ProgrammeRow.id == WorkshopRow.programme_id)
            .order_by(WorkshopRow.updated_at.desc())
        ).all()
        summaries = []
        for r in rows:
            stored = r.SummaryRow
            stamp = stamp_of(r.updated_at)
            if stored is None or stored.stamp != stamp:
                stored = compute(store, session, r.id, stamp)
                fresh[r.id] = stored
            summaries.append(
                WorkshopSummary(
                    id=r.id,
                    title=r.title,
                    territory=r.territory,
                    date=r.date,
                    status=_status(r.status),
                    deck_titles=tuple(stored.deck_titles),
                    answered=stored.answered,
                    total=stored.total,
                    updated_at=r.updated_at,
                    last_event_at=as_utc(stored.last_event_at) if stored.last_event_at is not None else None,
                    deck_ids=tuple(stored.deck_ids),
                    groups=stored.groups,
                    events=stored.events,
                    programme=r.programme or "",
                )
            )
    if fresh:
        _store(store, fresh.values())
    return summaries


def fill_missing(store: ReadingMixin) -> None:
    """Compute the summaries no workshop has yet (a database just upgraded to revision 0006, or one written
    by an older copy of the app): one cheap query when there are none to make."""
    with store._read() as session:
        missing = session.scalar(
            select(func.count())
            .select_from(WorkshopRow)
            .outerjoin(SummaryRow, SummaryRow.workshop_id == WorkshopRow.id)
            .where(SummaryRow.workshop_id.is_(None))
        )
    if missing:
        try:
            list_summaries(store)
        except AtelierError as error:  # e.g. an unreadable deck snapshot: the listing will say so itself
            _log.warning("résumés d’ateliers non calculés à l’ouverture : %s", error)


def compute(store: ReadingMixin, session: Session, workshop_id: str, stamp: str) -> SummaryRow:
    """The summary of one workshop, worked out from its records (the slow path, once per change)."""
    from workshop_app.store.reading import progress

    log = session.execute(
        select(
            func.max(EventRow.seq).label("last_seq"),
            func.count().label("n"),
            func.max(EventRow.at).label("last_at"),
        ).where(EventRow.workshop_id == workshop_id)
    ).one()
    count = int(log.n)
    group_ids = list(
        session.scalars(
            select(GroupRow.id).where(GroupRow.workshop_id == workshop_id).order_by(GroupRow.position)
        )
    )
    sequences = store._sequences(session, workshop_id)
    state = store._state(session, workshop_id, _Log(log.last_seq, count)) if count else WorkshopState()
    answered, total = progress(sequences, state, group_ids)
    return SummaryRow(
        workshop_id=workshop_id,
        stamp=stamp,
        deck_ids=[s.deck.id for s in sequences],
        deck_titles=[s.display_title for s in sequences],
        groups=len(group_ids),
        events=count,
        answered=answered,
        total=total,
        last_event_at=log.last_at,
    )


@dataclass(frozen=True)
class _Log:  # what ReadingMixin._state keys its cache on
    last_seq: int
    count: int


def _store(store: ReadingMixin, rows: Iterable[SummaryRow]) -> None:
    rows = list(rows)
    try:
        with store._write() as session:
            ids = [r.workshop_id for r in rows]
            session.execute(delete(SummaryRow).where(SummaryRow.workshop_id.in_(ids)))
            # a workshop deleted since the listing read it would break the foreign key: keep those out
            alive = set(session.scalars(select(WorkshopRow.id).where(WorkshopRow.id.in_(ids))))
            session.add_all(r for r in rows if r.workshop_id in alive)
    except AtelierError as error:  # derived data: recomputed next time
        _log.warning("résumés d’ateliers non enregistrés : %s", error)


def _status(value: str) -> WorkshopStatus:
    try:
        return WorkshopStatus(value)
    except ValueError:
        return WorkshopStatus.DRAFT
