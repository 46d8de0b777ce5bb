"""The values that lost a merge (``merge_conflicts``): listed, copied from the database where they were met,
and settled by the facilitator.

Settling a conflict is an edit of the field like any other, made *after seeing* the value both copies kept:
the chosen value is written with a new version whose ``base`` is the kept version's stamp (``core.merge``),
so on every other copy it simply wins, without a new conflict. The conflict row is kept, marked settled
(``lost["settled"]`` holds the settling version's stamp); any copy that later receives that version marks its
own record of the same conflict settled too (:func:`close_settled`, run by every merge).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workshop_app.core.errors import AtelierError
from workshop_app.core.events import utc_now
from workshop_app.core.merge import FIELD_LABELS, FieldVersion, MergeConflict, stamp
from workshop_app.store.base import StoreBase
from workshop_app.store.models import FieldVersionRow, MergeConflictRow, WorkshopRow
from workshop_app.store.versions import DEBRIEF_EMPTY, MERGING, VERSIONED, put_versions


def as_conflict(row: MergeConflictRow) -> MergeConflict:
    return MergeConflict(
        row.row_id,
        row.field,
        FIELD_LABELS.get(row.field, row.field),
        row.kept.get("value"),
        row.lost.get("value"),
        str(row.kept.get("stamp", "")),
        str(row.lost.get("stamp", "")),
        row.at,
        id=row.id or "",
        settled=str(row.lost.get("settled", "")),
    )


def close_settled(session: Session, workshop_id: str) -> int:
    """Mark settled every open conflict of the workshop whose field has since been edited having seen the kept
    value (its version's ``base`` is the kept stamp): settled on another copy, or edited again here."""
    closed = 0
    for row in session.scalars(select(MergeConflictRow).where(MergeConflictRow.workshop_id == workshop_id)):
        if row.lost.get("settled"):
            continue
        version = session.get(FieldVersionRow, (row.row_id, row.field))
        kept = str(row.kept.get("stamp", ""))
        if version is not None and kept and version.base == kept:
            row.lost = {**row.lost, "settled": version.stamp}
            closed += 1
    return closed


class ConflictsMixin(StoreBase):
    def conflicts(self, workshop_id: str, *, include_settled: bool = True) -> list[MergeConflict]:
        with self._read() as session:
            rows = session.scalars(
                select(MergeConflictRow)
                .where(MergeConflictRow.workshop_id == workshop_id)
                .order_by(MergeConflictRow.at, MergeConflictRow.id)
            )
            found = [as_conflict(r) for r in rows]
        return [c for c in found if include_settled or not c.settled]

    def record_conflicts(self, workshop_id: str, conflicts: Iterable[MergeConflict]) -> int:
        """Keep here the conflicts a sync met in the cohort's database (each once), so that they can be
        settled on this laptop; how many were new."""
        added = 0
        with self._write() as session:
            known = {
                (r.row_id, r.field, str(r.kept.get("stamp", "")), str(r.lost.get("stamp", "")))
                for r in session.scalars(
                    select(MergeConflictRow).where(MergeConflictRow.workshop_id == workshop_id)
                )
            }
            for c in conflicts:
                key = (c.row_id, c.field, c.kept_stamp, c.lost_stamp)
                if key in known:
                    continue
                known.add(key)
                session.add(
                    MergeConflictRow(
                        workshop_id=workshop_id,
                        row_id=c.row_id,
                        field=c.field,
                        kept={"value": c.kept, "stamp": c.kept_stamp},
                        lost={"value": c.lost, "stamp": c.lost_stamp},
                        at=c.at,
                    )
                )
                added += 1
            session.flush()
            close_settled(session, workshop_id)
        return added

    def settle_conflict(self, conflict_id: str, take_lost: bool) -> MergeConflict:
        """Settle one conflict: keep the value both copies kept, or take back the one that lost. Either way a
        new version of the field is written (so the choice reaches the other copies at the next merge)."""
        with self._write() as session:
            row = session.get(MergeConflictRow, conflict_id)
            if row is None:
                raise AtelierError("Conflit introuvable (il a peut-être été réglé ailleurs).")
            if row.lost.get("settled"):
                raise AtelierError("Ce conflit est déjà réglé.")
            record, name = _record(session, row.row_id, row.field)
            chosen = (row.lost if take_lost else row.kept).get("value")
            session.info[MERGING] = True  # the version is written here, with its base
            if name.startswith("debrief."):
                key = name.partition(".")[2]
                debrief = dict(record.debrief or {})
                debrief[key] = chosen if chosen is not None else DEBRIEF_EMPTY.get(key)
                record.debrief = debrief
            elif name == "programme_id":  # recorded by name (the same on every copy)
                from workshop_app.store.territories import programme_for

                record.programme_id = programme_for(session, str(chosen or ""))
            else:
                setattr(record, name, _column_value(record, name, chosen))
            current = session.get(FieldVersionRow, (row.row_id, row.field))
            base = current.stamp if current is not None else str(row.kept.get("stamp", ""))
            version = FieldVersion(row.row_id, row.field, stamp(utc_now(), self.author), base)
            put_versions(session, row.workshop_id, [version])
            chose = "lost" if take_lost else "kept"
            row.lost = {**row.lost, "settled": version.stamp, "chosen": chose}
            self._touch(session, row.workshop_id)
            session.flush()
            close_settled(session, row.workshop_id)
            return as_conflict(row)


def _record(session: Session, row_id: str, name: str) -> tuple[Any, str]:
    if name.startswith("debrief."):
        workshop = session.get(WorkshopRow, row_id)
        if workshop is not None:
            return workshop, name
    else:
        for row_type, fields in VERSIONED.items():
            if name in fields:
                found = session.get(row_type, row_id)
                if found is not None:
                    return found, name
    raise AtelierError(
        f"L’élément dont « {FIELD_LABELS.get(name, name)} » est en conflit n’existe plus dans cet atelier."
    )


def _column_value(record: Any, name: str, value: Any) -> Any:
    """A JSON value back to the column's type (dates travel as ISO text)."""
    column = type(record).__table__.columns[name]
    try:
        python_type = column.type.python_type
    except NotImplementedError:
        return value
    if python_type is date and isinstance(value, str) and value:
        try:
            return date.fromisoformat(value[:10])
        except ValueError as exc:
            raise AtelierError(f"Date illisible dans le conflit : « {value} ».") from exc
    return value
