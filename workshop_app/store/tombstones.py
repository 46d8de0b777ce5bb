"""Deletions that merge (``core.merge``): deleting a table, participant, action, photo or sequence leaves a
tombstone (``tombstones``, revision 0007), and a merge deletes here what another copy deleted and never brings
back what was deleted here.

Like the field versions, one listener does it for every write path: before each flush of a store session,
each deleted row of those kinds gets its tombstone (stamped with the time and the store's author) and loses
its field versions. Nothing in the planning or photo code has to remember it. A merge applies tombstones
itself (:func:`apply_tombstones`; it sets ``session.info[MERGING]``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import delete, event, select
from sqlalchemy.orm import Session

from workshop_app.core.errors import AtelierError
from workshop_app.core.events import Event, utc_now
from workshop_app.core.merge import MergeReport, Tombstone, stamp, union_tombstones, void_tombstones
from workshop_app.store.models import (
    ActionRow,
    AttachmentRow,
    EventRow,
    FieldVersionRow,
    GroupRow,
    MergeConflictRow,
    ParticipantRow,
    SequenceRow,
    TombstoneRow,
)
from workshop_app.store.versions import AUTHOR, MERGING

KINDS: dict[type[Any], str] = {
    GroupRow: "table",
    ParticipantRow: "participant",
    ActionRow: "action",
    AttachmentRow: "photo",
    SequenceRow: "sequence",
}
ROWS: dict[str, type[Any]] = {kind: row_type for row_type, kind in KINDS.items()}


@event.listens_for(Session, "before_flush")
def _bury_deleted(session: Session, _context: Any, _instances: Any) -> None:
    author = session.info.get(AUTHOR)
    if author is None or session.info.get(MERGING):
        return
    deleted = [row for row in session.deleted if type(row) in KINDS]
    if not deleted:
        return
    moment = stamp(utc_now(), author)
    with session.no_autoflush:
        for row in deleted:
            if session.get(TombstoneRow, row.id) is None:
                session.add(
                    TombstoneRow(
                        row_id=row.id, workshop_id=row.workshop_id, kind=KINDS[type(row)], stamp=moment
                    )
                )
        forget_versions(session, [row.id for row in deleted])


def forget_versions(session: Session, row_ids: Sequence[str]) -> None:
    """A deleted record's field versions go, and its open conflicts are settled (nothing left to choose)."""
    if not row_ids:
        return
    session.execute(delete(FieldVersionRow).where(FieldVersionRow.row_id.in_(list(row_ids))))
    for conflict in session.scalars(
        select(MergeConflictRow).where(MergeConflictRow.row_id.in_(list(row_ids)))
    ):
        if not conflict.lost.get("settled"):
            conflict.lost = {**conflict.lost, "settled": "deleted"}


def load_tombstones(session: Session, workshop_id: str) -> list[Tombstone]:
    rows = session.scalars(
        select(TombstoneRow).where(TombstoneRow.workshop_id == workshop_id).order_by(TombstoneRow.row_id)
    )
    return [Tombstone(r.row_id, r.kind, r.stamp) for r in rows]


def apply_tombstones(
    session: Session,
    workshop_id: str,
    incoming: Iterable[Tombstone],
    incoming_events: Iterable[Event],
    report: MergeReport,
) -> tuple[dict[str, Tombstone], dict[str, Tombstone]]:
    """Settle the deletions of a merge (before the records are merged): the tombstones that hold on both
    copies are stored here and their records deleted here (counted in ``report.deleted``); a table's or a
    sequence's tombstone made void by answers (here or in the copy) is dropped. Returns the tombstones that
    hold (the records the merge must not bring back) and the void ones (the records that come back)."""
    local = load_tombstones(session, workshop_id)
    answered = {e.group_id for e in incoming_events if e.group_id}
    answered |= _named(session, workshop_id, EventRow.group_id)
    played = {e.sequence_id for e in incoming_events if e.sequence_id}
    played |= _named(session, workshop_id, EventRow.sequence_id)
    every = union_tombstones(local, incoming)
    holding = void_tombstones(every, {str(g) for g in answered}, {str(s) for s in played})
    revived = {row_id: t for row_id, t in every.items() if row_id not in holding}
    known = {t.row_id: t for t in local}
    for row_id in known:
        if row_id not in holding:  # void: the table comes back from the copy that still has it
            session.execute(delete(TombstoneRow).where(TombstoneRow.row_id == row_id))
    for row_id, t in holding.items():
        mine = known.get(row_id)
        if mine is None:
            if session.get(TombstoneRow, row_id) is not None:
                raise AtelierError(
                    f"L’archive réutilise l’identifiant « {row_id} » d’un élément d’un autre atelier : "
                    "import annulé."
                )
            session.add(TombstoneRow(row_id=row_id, workshop_id=workshop_id, kind=t.kind, stamp=t.stamp))
        elif mine.stamp != t.stamp:  # the earliest deletion's stamp, on every copy
            row = session.get(TombstoneRow, row_id)
            if row is not None:
                row.stamp = t.stamp
        row_type = ROWS.get(t.kind)
        record = session.get(row_type, row_id) if row_type is not None else None
        if record is not None and record.workshop_id == workshop_id:
            session.delete(record)
            report.deleted[t.kind] += 1
    forget_versions(session, list(holding))
    session.flush()
    return holding, revived


def _named(session: Session, workshop_id: str, column: Any) -> set[str]:
    """The tables (or sequences) some stored event of the workshop names."""
    query = select(column).where(EventRow.workshop_id == workshop_id, column.is_not(None)).distinct()
    return set(session.scalars(query))
