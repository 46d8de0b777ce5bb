"""A workshop's snapshot read with the standard library's sqlite3 alone, for the commands that only read it
(``atelier export``): the same :class:`WorkshopSnapshot` as ``WorkshopStore.snapshot``, without importing
SQLAlchemy nor opening the store (a quarter of a second of a cold ``atelier export`` of ~1 s).

It reads only what it knows for sure: a plain SQLite file (no URL options), at the current schema (the head of
the migration scripts, ``store.schema_head``), that SQLite's ``quick_check`` finds sound. Anything else — a
PostgreSQL URL, no file yet, a schema to migrate or from a newer app, a damaged file, a value it cannot read —
gives None (or :class:`Unsure` while reading), and the caller opens the store, which migrates, refuses a newer
schema, sets a damaged file aside and says what is wrong in French. The values are converted as the store's
column types convert them (``store.models``: UTC timestamps, dates, JSON), with the same record builders
(``store.plain_records``); ``tests/store/test_snapshot_reader.py`` compares both snapshots on real databases.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from workshop_app.core.deck_loader import DeckLoadError, deck_from_data
from workshop_app.core.errors import AtelierError
from workshop_app.core.events import as_utc, ordered
from workshop_app.core.merge import FieldVersion, Tombstone
from workshop_app.core.workshop import (
    ActionItem,
    AttachmentInfo,
    GroupInfo,
    ParticipantInfo,
    ProgrammeInfo,
    SequenceInfo,
    TerritoryInfo,
    WorkshopInfo,
    WorkshopSnapshot,
)
from workshop_app.store.plain_records import debrief_from, event_of, read_status

MAX_PARENTS = 8  # as store.entities: a territory's parent chain is short; a loop stops here
NOT_FOUND = "Atelier introuvable (il a peut-être été supprimé)."  # the store's message (store.base)


class Unsure(Exception):
    """Something this reader does not read the way the store would: the caller opens the store instead."""


def open_reader(url: str | None = None) -> SnapshotReader | None:
    """A reader of the database at ``url`` (default: the app's, as ``open_store``), or None when the store
    must open it (see the module's docstring)."""
    from workshop_app import paths
    from workshop_app.store.schema_head import sqlite_at_head
    from workshop_app.store.start_list import plain_sqlite_file

    path = plain_sqlite_file(url or paths.default_database_url())
    if path is None or not path.is_file() or path.stat().st_size == 0 or not sqlite_at_head(path):
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5.0, isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        if conn.execute("PRAGMA quick_check(1)").fetchone() != ("ok",):
            raise Unsure("damaged")
        conn.execute("BEGIN")  # one read transaction: every query sees the same state of the file
    except (sqlite3.Error, Unsure):
        conn.close()
        return None
    return SnapshotReader(conn)


class SnapshotReader:
    """The store's read-only calls the export needs: ``workshop_ids``, ``snapshot``, ``attachment_data``.
    Each may raise :class:`Unsure` (then nothing was read that matters: open the store and ask it)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def __enter__(self) -> SnapshotReader:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._conn.close()

    def _rows(self, sql: str, *args: object) -> list[tuple[Any, ...]]:
        try:
            return self._conn.execute(sql, args).fetchall()
        except sqlite3.Error as error:  # a text that is not UTF-8, a locked or damaged page…
            raise Unsure(str(error)) from error

    def workshop_ids(self) -> list[str]:
        return [_text(r[0]) for r in self._rows("SELECT id FROM workshops")]

    def attachment_data(self, attachment_id: str) -> bytes:
        rows = self._rows("SELECT data FROM attachments WHERE id = ?", attachment_id)
        if not rows or rows[0][0] is None:
            raise AtelierError("Pièce jointe introuvable.")
        if not isinstance(rows[0][0], bytes):
            raise Unsure("attachment data is not a blob")
        return rows[0][0]

    def snapshot(self, workshop_id: str) -> WorkshopSnapshot:
        found = self._rows(
            "SELECT id, title, territory, territory_kind, date, place, facilitators, context, objectives, "
            "fixed_points, status, debrief, created_at, updated_at, territory_id, programme_id "
            "FROM workshops WHERE id = ?",
            workshop_id,
        )
        if not found:
            raise AtelierError(NOT_FOUND)
        row = found[0]
        info = WorkshopInfo(
            id=row[0],
            title=row[1],
            territory=row[2],
            territory_kind=row[3],
            date=_date(row[4]),
            place=row[5],
            facilitators=row[6],
            context=row[7],
            objectives=row[8],
            fixed_points=row[9] or "",
            status=read_status(row[10]),
            created_at=_moment(row[12]),
            updated_at=_moment(row[13]),
        )
        return WorkshopSnapshot(
            info=info,
            groups=tuple(self._groups(workshop_id)),
            participants=tuple(self._participants(workshop_id)),
            sequences=tuple(self._sequences(workshop_id)),
            events=tuple(ordered(self._events(workshop_id))),
            actions=tuple(self._actions(workshop_id)),
            attachments=tuple(self._attachments(workshop_id)),
            debrief=debrief_from(_json(row[11])),
            versions=tuple(
                FieldVersion(r[0], r[1], r[2], r[3])
                for r in self._rows(
                    "SELECT row_id, field, stamp, base FROM field_versions WHERE workshop_id = ? "
                    "ORDER BY row_id, field",
                    workshop_id,
                )
            ),
            programme=self._programme(row[15]),
            territories=tuple(self._territories(row[14])),
            tombstones=tuple(
                Tombstone(r[0], r[1], r[2])
                for r in self._rows(
                    "SELECT row_id, kind, stamp FROM tombstones WHERE workshop_id = ? ORDER BY row_id",
                    workshop_id,
                )
            ),
        )

    def _groups(self, workshop_id: str) -> Iterator[GroupInfo]:
        sql = "SELECT id, name, colour, position FROM groups WHERE workshop_id = ? ORDER BY position, id"
        for r in self._rows(sql, workshop_id):
            yield GroupInfo(id=r[0], name=r[1], colour=r[2], position=r[3])

    def _participants(self, workshop_id: str) -> Iterator[ParticipantInfo]:
        sql = (
            "SELECT id, name, role, service, organisation, group_id, kind FROM participants "
            "WHERE workshop_id = ? ORDER BY position, id"
        )
        for r in self._rows(sql, workshop_id):
            yield ParticipantInfo(
                id=r[0], name=r[1], role=r[2], service=r[3], organisation=r[4], group_id=r[5], kind=r[6] or ""
            )

    def _sequences(self, workshop_id: str) -> Iterator[SequenceInfo]:
        sql = (
            "SELECT id, position, planned_minutes, title, deck FROM sequences WHERE workshop_id = ? "
            "ORDER BY position, id"
        )
        for r in self._rows(sql, workshop_id):
            data = _json(r[4])
            if not isinstance(data, dict):
                raise Unsure("deck snapshot is not an object")
            try:
                deck = deck_from_data(dict(data), name=f"séquence {r[0]}", finite=False)
            except DeckLoadError as error:  # the store says it in French, with its own wording
                raise Unsure(str(error)) from error
            yield SequenceInfo(id=r[0], position=r[1], deck=deck, planned_minutes=r[2], title=r[3])

    def _events(self, workshop_id: str) -> Iterator[Any]:
        sql = (
            "SELECT seq, kind, sequence_id, group_id, card_id, payload, at, id, author FROM events "
            "WHERE workshop_id = ? AND seq > 0 ORDER BY seq"
        )
        for r in self._rows(sql, workshop_id):
            event = event_of(r[0], r[1], r[2], r[3], r[4], _json(r[5]), _moment(r[6]), r[7], r[8])
            if event is not None:
                yield event

    def _actions(self, workshop_id: str) -> Iterator[ActionItem]:
        sql = (
            "SELECT id, action, owner, deadline, lever_id, position FROM action_items WHERE workshop_id = ? "
            "ORDER BY position, id"
        )
        for r in self._rows(sql, workshop_id):
            yield ActionItem(
                id=r[0], action=r[1], owner=r[2], deadline=_date(r[3]), lever_id=r[4], position=r[5]
            )

    def _attachments(self, workshop_id: str) -> Iterator[AttachmentInfo]:
        sql = (
            "SELECT id, filename, media_type, sha256, caption, size, sequence_id, card_id FROM attachments "
            "WHERE workshop_id = ? ORDER BY position, id"
        )
        for r in self._rows(sql, workshop_id):
            yield AttachmentInfo(
                id=r[0],
                filename=r[1],
                media_type=r[2],
                sha256=r[3],
                caption=r[4],
                size=r[5],
                sequence_id=r[6],
                card_id=r[7],
            )

    def _programme(self, programme_id: str | None) -> ProgrammeInfo | None:
        if programme_id is None:
            return None
        rows = self._rows("SELECT id, name, description FROM programmes WHERE id = ?", programme_id)
        return ProgrammeInfo(rows[0][0], rows[0][1], rows[0][2] or "") if rows else None

    def _territories(self, current: str | None) -> Iterator[TerritoryInfo]:
        seen: set[str] = set()
        while current is not None and current not in seen and len(seen) < MAX_PARENTS:
            seen.add(current)
            rows = self._rows(
                "SELECT id, name, kind, kind_label, code, parent_id FROM territories WHERE id = ?", current
            )
            if not rows:
                return
            r = rows[0]
            yield TerritoryInfo(r[0], r[1], r[2] or "", r[3] or "", r[4] or "", r[5])
            current = r[5]


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise Unsure(f"not a text: {value!r}")
    return value


def _json(value: object) -> Any:
    """A JSON column's value, as SQLAlchemy's JSON type reads it (SQL NULL → None)."""
    if value is None:
        return None
    if not isinstance(value, str | bytes):
        raise Unsure(f"JSON column holds {type(value).__name__}")
    try:
        return json.loads(value)
    except ValueError as error:
        raise Unsure(str(error)) from error


def _moment(value: object) -> datetime:
    """A timestamp column (``UTCDateTime``): SQLite holds « YYYY-MM-DD HH:MM:SS.ffffff », read as UTC."""
    if not isinstance(value, str):
        raise Unsure(f"timestamp is {value!r}")
    try:
        return as_utc(datetime.fromisoformat(value))
    except ValueError as error:
        raise Unsure(str(error)) from error


def _date(value: object) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise Unsure(f"date is {value!r}")
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise Unsure(str(error)) from error
