"""Row by row, what a structurally damaged SQLite file still holds (the rescue's second chance).

A damaged page stops every scan that crosses it, and a damaged index stops every query that uses it: a whole
workshop then fails to read although most of its rows are intact. :class:`Salvage` reads each table by
``rowid``, one row at a time (no index, no scan), through the same ORM types as the app, keeps every row that
reads and counts those that do not. :meth:`Salvage.snapshot` builds a workshop from what was kept, dropping
what would point at a missing row (an answer of a table that cannot be read), and says what is missing.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Engine, func, literal_column, select
from sqlalchemy.orm import Session

from workshop_app.core.deck_loader import DeckLoadError, deck_from_data
from workshop_app.core.events import Event, as_utc
from workshop_app.core.merge import FIELD_LABELS, TOMBSTONE_KINDS, FieldVersion, Tombstone
from workshop_app.core.workshop import SequenceInfo, WorkshopSnapshot
from workshop_app.store import convert
from workshop_app.store.models import (
    ActionRow,
    AttachmentRow,
    EventRow,
    FieldVersionRow,
    GroupRow,
    ParticipantRow,
    SequenceRow,
    TombstoneRow,
    WorkshopRow,
)

log = logging.getLogger(__name__)
ROW_TYPES: tuple[Any, ...] = (
    WorkshopRow,
    GroupRow,
    ParticipantRow,
    SequenceRow,
    EventRow,
    ActionRow,
    AttachmentRow,
    TombstoneRow,  # the deletions and field versions travel too: the rescued copy merges like the original
    FieldVersionRow,
)
MISSES_BEFORE_STOP = 2000  # rowids are dense: this many absent in a row past the last one means the end


@dataclass(frozen=True)
class Salvaged:
    snapshot: WorkshopSnapshot
    attachments: dict[str, bytes]
    missing: str  # French, "" when nothing of this workshop was lost


class Salvage:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.rows: dict[Any, list[Any]] = {}
        self.unreadable: dict[Any, int] = {}
        for row_type in ROW_TYPES:
            self.rows[row_type], self.unreadable[row_type] = self._read_all(row_type)
        if self.unreadable[WorkshopRow]:
            self._read_all_lenient_workshops(self.rows[WorkshopRow])

    def _read_all(self, row_type: Any) -> tuple[list[Any], int]:
        rowid: Any = literal_column("rowid")
        found: list[Any] = []
        failed = 0
        with Session(self.engine) as session:
            try:
                last = int(session.scalar(select(func.max(rowid)).select_from(row_type)) or 0)
            except Exception:  # the rightmost page itself is damaged: probe until rows stop
                last = 0
            number, misses = 0, 0
            while number < last or misses < MISSES_BEFORE_STOP:
                number += 1
                try:
                    row = session.scalars(select(row_type).where(rowid == number)).one_or_none()
                except Exception:  # a damaged page or value: this row is lost, the next may read
                    session.rollback()
                    failed += 1
                    misses += 1
                    continue
                if row is None:
                    misses += 1
                    continue
                misses = 0
                session.expunge(row)
                found.append(row)
        return found, failed

    def _read_all_lenient_workshops(self, found: list[Any]) -> None:
        """A workshop row whose texts do not decode: its texts are read with « � » in place of the damaged
        bytes (the row holds the title and context, not the answers: better a damaged title than nothing)."""
        raw = self.engine.raw_connection()
        conn: Any = raw.driver_connection
        try:
            conn.text_factory = bytes
            known = {w.id for w in found}
            columns = [c.name for c in WorkshopRow.__table__.columns]
            for values in conn.execute(f"SELECT {', '.join(columns)} FROM workshops").fetchall():
                row = dict(zip(columns, values, strict=True))
                texts = {k: _lenient_text(v) for k, v in row.items()}
                if texts["id"] in known or "\ufffd" in texts["id"]:
                    continue
                try:
                    found.append(_lenient_workshop(texts))
                except (TypeError, ValueError):
                    continue
        except Exception as error:  # the table itself does not scan: nothing more to find this way
            log.info("lenient read of workshops failed: %s", error)
        finally:
            conn.text_factory = str  # the connection goes back to the pool: the ORM needs str again
            raw.close()

    def workshops(self) -> list[tuple[str, str]]:
        return [(w.id, w.title) for w in self.rows[WorkshopRow]]

    def lost_rows(self) -> int:
        return sum(self.unreadable.values())

    def snapshot(self, workshop_id: str) -> Salvaged | None:
        mine = {t: [r for r in rows if _owner(r) == workshop_id] for t, rows in self.rows.items()}
        if not mine[WorkshopRow]:
            return None
        notes: list[str] = []
        sequences = []
        for row in sorted(mine[SequenceRow], key=lambda r: (r.position, r.id)):
            try:
                deck = deck_from_data(dict(row.deck), f"séquence {row.id}", finite=False)
            except (DeckLoadError, TypeError, ValueError):
                notes.append(f"la séquence « {row.title or row.deck_id} » (jeu illisible)")
                continue
            sequences.append(SequenceInfo(row.id, row.position, deck, row.planned_minutes, row.title))
        groups = [convert.group_info(g) for g in sorted(mine[GroupRow], key=lambda r: (r.position, r.id))]
        group_ids, sequence_ids = {g.id for g in groups}, {s.id for s in sequences}
        events: list[Event] = []
        dropped = 0
        for row in sorted(mine[EventRow], key=lambda r: r.seq):
            event = convert.event_from(row)
            if event is None:
                dropped += 1
            elif (event.group_id is not None and event.group_id not in group_ids) or (
                event.sequence_id is not None and event.sequence_id not in sequence_ids
            ):
                dropped += 1  # its table or its sequence was lost: the answer would mean nothing
            else:
                events.append(event)
        if dropped:
            notes.append(f"{dropped} saisie(s) rattachée(s) à une table ou une séquence perdue")
        participants = []
        for p in sorted(mine[ParticipantRow], key=lambda r: (r.position, r.id)):
            info = convert.participant_info(p)
            if info.group_id is not None and info.group_id not in group_ids:
                info = dataclasses.replace(info, group_id=None)
            participants.append(info)
        attachments = sorted(mine[AttachmentRow], key=lambda r: (r.position, r.id))
        row = mine[WorkshopRow][0]
        snapshot = WorkshopSnapshot(
            info=convert.workshop_info(row),
            groups=tuple(groups),
            participants=tuple(participants),
            sequences=tuple(sequences),
            events=tuple(events),
            actions=tuple(convert.action_item(a) for a in sorted(mine[ActionRow], key=_position)),
            attachments=tuple(convert.attachment_info(a) for a in attachments),
            debrief=convert.debrief_from(row.debrief),
            versions=tuple(
                FieldVersion(v.row_id, v.field, v.stamp, v.base)
                for v in sorted(mine[FieldVersionRow], key=lambda v: (v.row_id, v.field))
                if v.field in FIELD_LABELS
            ),
            tombstones=tuple(
                Tombstone(t.row_id, t.kind, t.stamp)
                for t in sorted(mine[TombstoneRow], key=lambda t: t.row_id)
                if t.kind in TOMBSTONE_KINDS
            ),
        )
        seqs = [e.seq for e in events]
        gaps = (max(seqs) - len(seqs)) if seqs else 0
        if gaps > 0:
            notes.append(f"{gaps} saisie(s) illisible(s) (numéros manquants dans le journal)")
        return Salvaged(snapshot, {a.id: bytes(a.data) for a in attachments}, "; ".join(notes))


def _lenient_text(value: Any) -> Any:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value


def _lenient_workshop(values: dict[str, Any]) -> WorkshopRow:
    def moment(text: Any) -> datetime:
        return as_utc(datetime.fromisoformat(str(text)))

    try:
        debrief = json.loads(values.get("debrief") or "{}")
    except ValueError:
        debrief = {}
    day = values.get("date")
    return WorkshopRow(
        id=values["id"],
        title=values.get("title") or "Atelier (titre illisible)",
        territory=values.get("territory") or "",
        territory_kind=values.get("territory_kind") or "",
        date=date.fromisoformat(str(day)) if day else None,
        place=values.get("place") or "",
        facilitators=values.get("facilitators") or "",
        context=values.get("context") or "",
        objectives=values.get("objectives") or "",
        fixed_points=values.get("fixed_points") or "",
        status=values.get("status") or "draft",
        debrief=debrief if isinstance(debrief, dict) else {},
        created_at=moment(values["created_at"]),
        updated_at=moment(values["updated_at"]),
    )


def _position(row: Any) -> tuple[int, str]:
    return (row.position, row.id)


def _owner(row: Any) -> str | None:
    return row.id if isinstance(row, WorkshopRow) else getattr(row, "workshop_id", None)
