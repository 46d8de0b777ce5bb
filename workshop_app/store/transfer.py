"""Moving workshops between laptops: a copy read from an archive (or another database) merged into this one.

Merging is a union (the rules are ``core.merge``): the events this copy lacks are added, with their ids and
authors, numbered after the local ones in the workshop's one order (time, then id); editable records merge
field by field, last writer wins, a conflict's losing value kept. Importing the same copy twice adds nothing;
A into B and B into A give the same workshop.

Everything is checked before anything is written, and it is all one transaction: an event that does not fit
the workshop or its deck (``core.event_rules``), an undo aimed at another author's entry, an event id already
here with another content, a sequence with another deck… refuse the whole import, with the reason.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from workshop_app.core.deck_loader import AnyDeck
from workshop_app.core.errors import AtelierError
from workshop_app.core.event_rules import event_problem
from workshop_app.core.events import Event, EventKind, order_key, utc_now, with_legacy_ids
from workshop_app.core.merge import MergeReport, event_category
from workshop_app.core.state import may_compensate
from workshop_app.core.workshop import WorkshopSnapshot
from workshop_app.store import convert, entities
from workshop_app.store.base import StoreBase
from workshop_app.store.conflicts import close_settled
from workshop_app.store.extras import check_attachment_size
from workshop_app.store.merge_records import RecordMerger
from workshop_app.store.models import EventRow, GroupRow, SequenceRow, WorkshopRow
from workshop_app.store.play import _load_events
from workshop_app.store.tombstones import apply_tombstones
from workshop_app.store.versions import MERGING, load_versions, put_versions


class TransferMixin(StoreBase):
    def import_snapshot(self, snapshot: WorkshopSnapshot, attachment_data: Mapping[str, bytes]) -> bool:
        """Merge ``snapshot`` in; True when anything changed (see :meth:`merge_snapshot` for what)."""
        return self.merge_snapshot(snapshot, attachment_data).anything

    def merge_snapshot(self, snapshot: WorkshopSnapshot, attachment_data: Mapping[str, bytes]) -> MergeReport:
        """Merge a copy of a workshop into this database (whole or nothing) and say what it did."""
        _check_attachments(snapshot, attachment_data)
        info = snapshot.info
        wid = info.id
        events = with_legacy_ids(wid, snapshot.events)  # a hand-built or demo copy: content ids
        report = MergeReport(wid, info.title)
        with self._write() as session:
            session.info[MERGING] = True
            records = RecordMerger(session, snapshot, {}, report)
            row = session.get(WorkshopRow, wid)
            around = entities.prepare(session, snapshot)  # programme, territories: before the row's flush
            values = convert.clean_fields(
                WorkshopRow,
                {name: getattr(info, name) for name in convert.WORKSHOP_FIELDS},
                convert.WORKSHOP_FIELDS,
            )
            if row is None:
                report.created = True
                now = utc_now()
                session.add(
                    WorkshopRow(
                        id=wid,
                        created_at=info.created_at or now,
                        updated_at=info.updated_at or now,
                        debrief=convert.debrief_data(snapshot.debrief),
                        **values,
                    )
                )
                session.flush()
                records.versions = {(v.row_id, v.field): v for v in snapshot.versions if v.row_id == wid}
            else:
                records.versions = {(v.row_id, v.field): v for v in load_versions(session, wid)}
                records.fields(row, values, "workshop")
                records.debrief(row)
                records.programme(row, around)
            report.linked += entities.link(session, wid, around)
            holding, revived = apply_tombstones(session, wid, snapshot.tombstones, events, report)
            records.bury(set(holding))
            records.revived = {k: t for k, t in revived.items() if t.kind == "table"}
            records.merge_all(attachment_data)
            with self._lock:
                for sid in records.redecked:
                    self._decks.pop(sid, None)  # its criteria changed: read it again
            self._merge_events(session, wid, events, report)
            put_versions(session, wid, records.versions.values())
            session.flush()
            close_settled(session, wid)  # a settlement made on the other copy closes ours
            if report.anything and not report.created:
                self._touch(session, wid)
        self._last_at.pop(wid, None)
        with self._lock:
            for row_id, t in holding.items():
                if t.kind == "sequence":
                    self._decks.pop(row_id, None)  # deleted by the merge
        return report

    def _merge_events(self, session: Session, wid: str, events: Sequence[Event], report: MergeReport) -> None:
        local = {e.key: e for e in _load_events(session, wid, 0)}
        decks: dict[str, AnyDeck] = {
            sid: self._deck(session, sid)
            for sid in session.scalars(select(SequenceRow.id).where(SequenceRow.workshop_id == wid))
        }
        group_ids = set(session.scalars(select(GroupRow.id).where(GroupRow.workshop_id == wid)))
        incoming: list[Event] = []
        for index, event in enumerate(events):
            mine = local.get(event.key)
            if mine is not None:
                if _content(mine) != _content(event):
                    raise AtelierError(
                        f"L’événement n° {index + 1} de l’archive porte l’identifiant d’un événement de cet "
                        "atelier avec un autre contenu : import annulé."
                    )
                continue
            problem = event_problem(event, decks, group_ids)
            if problem is not None:
                reason = problem[1].rstrip(".")
                raise AtelierError(f"Événement n° {index + 1} de l’archive refusé : {reason}. Import annulé.")
            incoming.append(event)
        if not incoming:
            return
        union = {**local, **{e.key: e for e in incoming}}
        for event in incoming:
            if event.kind in (EventKind.UNDO, EventKind.REDO):
                target = union.get(event.target or "")
                if event.author == self.author and event.target in local:  # "we" never made it
                    raise AtelierError(
                        "L’archive attribue à cet ordinateur une annulation qu’il n’a jamais faite : "
                        "import annulé."
                    )
                if target is not None and not may_compensate(event.author, target.author):
                    raise AtelierError(
                        "L’archive contient une annulation d’une saisie faite sur un autre appareil : "
                        "import annulé."
                    )
        taken = set(session.scalars(select(EventRow.id).where(EventRow.id.in_([e.key for e in incoming]))))
        if taken:
            raise AtelierError(
                "L’archive réutilise l’identifiant d’un événement d’un autre atelier : import annulé."
            )
        incoming.sort(key=order_key)
        first = max((e.seq for e in local.values()), default=0) + 1
        rows: list[dict[str, Any]] = []
        for offset, e in enumerate(incoming):
            rows.append(
                {
                    "id": e.key,
                    "author": e.author,
                    "workshop_id": wid,
                    "seq": first + offset,
                    "at": e.at,
                    "kind": e.kind.value,
                    "sequence_id": e.sequence_id,
                    "group_id": e.group_id,
                    "card_id": e.card_id,
                    "payload": dict(e.payload),
                }
            )
            report.added[event_category(e.kind)] += 1
        session.execute(insert(EventRow), rows)


def _content(event: Event) -> tuple[Any, ...]:
    return (
        event.kind,
        event.sequence_id,
        event.group_id,
        event.card_id,
        dict(event.payload),
        order_key(event)[0],
        event.author,
    )


def _check_attachments(snapshot: WorkshopSnapshot, attachment_data: Mapping[str, bytes]) -> None:
    for att in snapshot.attachments:
        data = attachment_data.get(att.id)
        if data is None:
            raise AtelierError(f"La pièce jointe « {att.filename} » manque dans l’archive : import annulé.")
        check_attachment_size(att.filename, len(data))
        if hashlib.sha256(data).hexdigest() != att.sha256:
            raise AtelierError(
                f"La pièce jointe « {att.filename} » est abîmée (empreinte différente) : import annulé."
            )
