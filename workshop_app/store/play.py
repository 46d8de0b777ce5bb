"""Playing: every call appends one event to the workshop's log, committed before it returns.

Sequence numbers are allocated inside the write transaction (max + 1, under the workshop's lock); the unique
constraint on (workshop, seq) is the last guard, and a conflict is retried. What an event refers to is checked
first (the sequence and group belong to the workshop, the card is in the deck, the option on its scale), so
the log only ever holds meaningful entries (the rule itself is ``core.event_rules``, which archives obey too).
Each event gets a new global id and this store's ``author`` (the data folder's device id); undo and redo take
back only this author's entries.

A vote is on the facilitator's critical path (vote → committed → compass redrawn within a frame), so an append
is two statements in one transaction, committed with ``synchronous=FULL`` as before: the workshop's row is
touched (its lock on PostgreSQL) and the event inserted with its sequence number computed in the same
statement. Which workshop a sequence or group belongs to never changes, so it is remembered after the first
look-up; one deleted since is refused by the foreign keys, and the retry checks it in the database again.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from workshop_app.core.errors import AtelierError
from workshop_app.core.event_rules import deck_problem
from workshop_app.core.events import MAX_EVENT_TEXT, Event, EventKind, as_utc, utc_now
from workshop_app.core.state import history
from workshop_app.store import convert
from workshop_app.store.base import NOT_FOUND, StoreBase
from workshop_app.store.models import EventRow, GroupRow, SequenceRow, WorkshopRow, new_id

SEQ_RETRIES = 5
MAX_NOTE = MAX_EVENT_TEXT
_TICK = timedelta(microseconds=1)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class PlayMixin(StoreBase):
    def record_event(
        self,
        workshop_id: str,
        kind: EventKind,
        *,
        sequence_id: str | None = None,
        group_id: str | None = None,
        card_id: str | None = None,
        payload: dict[str, Any] | None = None,
    ) -> Event:
        kind = EventKind(kind)
        if kind in (EventKind.UNDO, EventKind.REDO):
            raise AtelierError("Utilisez « Annuler » ou « Rétablir » pour annuler une saisie.")
        return self._append(workshop_id, kind, sequence_id, group_id, card_id, payload or {})

    def record_choice(
        self, workshop_id: str, sequence_id: str, group_id: str, card_id: str, option: str, argument: str = ""
    ) -> Event:
        payload = {"option": option, "argument": _text(argument, "argument")}
        return self._append(workshop_id, EventKind.CHOICE_RECORDED, sequence_id, group_id, card_id, payload)

    def withdraw_choice(self, workshop_id: str, sequence_id: str, group_id: str, card_id: str) -> Event:
        return self._append(workshop_id, EventKind.CHOICE_WITHDRAWN, sequence_id, group_id, card_id, {})

    def set_argument(
        self, workshop_id: str, sequence_id: str, group_id: str, card_id: str, argument: str
    ) -> Event:
        payload = {"argument": _text(argument, "argument")}
        return self._append(workshop_id, EventKind.ARGUMENT_SET, sequence_id, group_id, card_id, payload)

    def pick_card(self, workshop_id: str, sequence_id: str, group_id: str, card_id: str) -> Event:
        return self._append(workshop_id, EventKind.CARD_PICKED, sequence_id, group_id, card_id, {})

    def drop_card(self, workshop_id: str, sequence_id: str, group_id: str, card_id: str) -> Event:
        return self._append(workshop_id, EventKind.CARD_DROPPED, sequence_id, group_id, card_id, {})

    def add_note(
        self,
        workshop_id: str,
        text: str,
        *,
        sequence_id: str | None = None,
        group_id: str | None = None,
        card_id: str | None = None,
        internal: bool = False,
    ) -> Event:
        text = convert.required(_text(text, "note"), "note")
        payload: dict[str, object] = {"text": text}
        if internal:  # « hors compte-rendu »: no export shows it (export/anonymise.py)
            payload["internal"] = True
        return self._append(workshop_id, EventKind.NOTE_ADDED, sequence_id, group_id, card_id, payload)

    def show_card(self, workshop_id: str, sequence_id: str, card_id: str) -> Event:
        return self._append(workshop_id, EventKind.CARD_SHOWN, sequence_id, None, card_id, {})

    def set_revealed(self, workshop_id: str, sequence_id: str, revealed: bool) -> Event:
        kind = EventKind.RESULTS_REVEALED if revealed else EventKind.RESULTS_HIDDEN
        return self._append(workshop_id, kind, sequence_id, None, None, {})

    def undo(self, workshop_id: str) -> Event | None:
        return self._compensate(workshop_id, EventKind.UNDO)

    def redo(self, workshop_id: str) -> Event | None:
        return self._compensate(workshop_id, EventKind.REDO)

    def events(self, workshop_id: str, after_seq: int = 0) -> list[Event]:
        """The log in local order (``seq``), or only what arrived after ``after_seq`` (a cheap poll)."""
        with self._read() as session:
            events = _load_events(session, workshop_id, after_seq)
        if events:
            latest = max(as_utc(e.at) for e in events)
            known = self._last_at.get(workshop_id)
            if known is not None and latest > known:
                self._last_at[workshop_id] = latest
        return events

    # -- internals ------------------------------------------------------------------------------------------
    def _append(
        self,
        workshop_id: str,
        kind: EventKind,
        sequence_id: str | None,
        group_id: str | None,
        card_id: str | None,
        payload: dict[str, Any],
    ) -> Event:
        for attempt in range(SEQ_RETRIES):
            try:
                with self._write() as session:
                    _touch(session, workshop_id)
                    self._check(session, workshop_id, kind, sequence_id, group_id, card_id, payload)
                    return self._insert(session, workshop_id, kind, sequence_id, group_id, card_id, payload)
            except AtelierError as error:
                if attempt + 1 < SEQ_RETRIES and _is_conflict(error):
                    for row_id in (sequence_id, group_id):  # deleted meanwhile? ask the database again
                        self._owners.pop(row_id or "", None)
                    continue
                raise
        raise AssertionError("unreachable")

    def _compensate(self, workshop_id: str, kind: EventKind) -> Event | None:
        """Undo/redo of this store's author only: it names the event it cancels by id."""
        for attempt in range(SEQ_RETRIES):
            try:
                with self._write() as session:
                    _touch(session, workshop_id)
                    log = _load_events(session, workshop_id, 0)
                    state = history(log, self.author)
                    target = state.undo_target if kind is EventKind.UNDO else state.redo_target
                    if target is None:
                        return None
                    # It names the same sequence/group/card, so listeners know what changed.
                    by_key = {e.key: e for e in log}
                    original = by_key[target]
                    if kind is EventKind.REDO:
                        original = by_key.get(original.target or "", original)
                    return self._insert(
                        session,
                        workshop_id,
                        kind,
                        original.sequence_id,
                        original.group_id,
                        original.card_id,
                        {"target": target},
                    )
            except AtelierError as error:
                if attempt + 1 < SEQ_RETRIES and _is_conflict(error):
                    continue
                raise
        raise AssertionError("unreachable")

    def _insert(
        self,
        session: Session,
        workshop_id: str,
        kind: EventKind,
        sequence_id: str | None,
        group_id: str | None,
        card_id: str | None,
        payload: dict[str, Any],
    ) -> Event:
        at = self._next_moment(session, workshop_id)
        event_id = new_id()
        seq = session.connection().execute(
            _INSERT,
            {
                "id": event_id, "workshop_id": workshop_id, "w_id": workshop_id, "at": at, "kind": kind.value,
                "sequence_id": sequence_id, "group_id": group_id, "card_id": card_id, "payload": payload,
                "author": self.author,
            },
        ).scalar_one()
        self._last_at[workshop_id] = at
        return Event(int(seq), kind, sequence_id, group_id, card_id, dict(payload), at, event_id, self.author)

    def _next_moment(self, session: Session, workshop_id: str) -> datetime:
        """Now, but always after every event the workshop holds: the log's order (time, then id) is then the
        order of recording here, even when the clock went back or a merged copy's clock was ahead."""
        last = self._last_at.get(workshop_id)
        if last is None:
            found = session.scalar(select(func.max(EventRow.at)).where(EventRow.workshop_id == workshop_id))
            last = as_utc(found) if found is not None else _EPOCH
            self._last_at[workshop_id] = last
        return max(utc_now(), last + _TICK)

    def _check(
        self,
        session: Session,
        workshop_id: str,
        kind: EventKind,
        sequence_id: str | None,
        group_id: str | None,
        card_id: str | None,
        payload: dict[str, Any],
    ) -> None:
        deck = None
        if sequence_id is not None:
            if self._owner(session, SequenceRow, sequence_id) != workshop_id:
                raise AtelierError("Cette séquence n’existe pas dans cet atelier.")
            deck = self._deck(session, sequence_id)
        if group_id is not None and self._owner(session, GroupRow, group_id) != workshop_id:
            raise AtelierError("Ce groupe n’existe pas dans cet atelier.")
        problem = deck_problem(kind, deck, group_id, card_id, payload)
        if problem is not None:
            raise AtelierError(problem)

    def _owner(
        self, session: Session, row_type: type[SequenceRow] | type[GroupRow], row_id: str
    ) -> str | None:
        """The workshop a sequence or group belongs to (remembered: it never changes)."""
        owner = self._owners.get(row_id)
        if owner is None:
            owner = session.scalar(select(row_type.workshop_id).where(row_type.id == row_id))
            if owner is not None:
                self._owners[row_id] = owner
        return owner


_EVENTS = cast(Table, EventRow.__table__)
_WORKSHOPS = cast(Table, WorkshopRow.__table__)
# Built once: an append runs these two statements and nothing else (see the module's docstring).
_TOUCH = update(_WORKSHOPS).where(_WORKSHOPS.c.id == bindparam("w_id")).values(updated_at=bindparam("w_now"))
_INSERT = (
    insert(_EVENTS)
    .values(
        seq=select(func.coalesce(func.max(_EVENTS.c.seq), 0) + 1)
        .where(_EVENTS.c.workshop_id == bindparam("w_id"))
        .scalar_subquery()
    )
    .returning(_EVENTS.c.seq)
)


def _touch(session: Session, workshop_id: str) -> None:
    """``StoreBase._touch`` in one Core statement: the workshop changed now (and is locked on PostgreSQL)."""
    result = session.connection().execute(_TOUCH, {"w_id": workshop_id, "w_now": utc_now()})
    if result.rowcount == 0:
        raise AtelierError(NOT_FOUND["WorkshopRow"])



def _load_events(session: Session, workshop_id: str, after_seq: int) -> list[Event]:
    table = EventRow.__table__.c  # Core columns: no ORM row processing for thousands of events
    rows = session.connection().execute(
        select(
            table.seq,
            table.id,
            table.author,
            table.kind,
            table.sequence_id,
            table.group_id,
            table.card_id,
            table.payload,
            table.at,
        )
        .where(table.workshop_id == workshop_id, table.seq > after_seq)
        .order_by(table.seq)
    )
    return [e for e in map(convert.event_from, rows) if e is not None]


def _is_conflict(error: AtelierError) -> bool:
    from sqlalchemy.exc import IntegrityError

    return isinstance(error.__cause__, IntegrityError)


def _text(value: str, label: str) -> str:
    value = value or ""
    if len(value) > MAX_NOTE:
        raise AtelierError(f"Texte trop long pour « {label} » ({MAX_NOTE} caractères au plus).")
    return value
