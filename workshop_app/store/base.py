"""What every part of the store shares: the engine, sessions and transactions, look-ups, the deck cache.

Each public method opens one session, does its work in one transaction and commits before returning. Writes
on SQLite start with ``BEGIN IMMEDIATE``; reads on PostgreSQL run in REPEATABLE READ, so a snapshot is
consistent.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from datetime import datetime
from typing import TypeVar

from sqlalchemy import Engine, select, update
from sqlalchemy.orm import DeclarativeBase, Session

from workshop_app.core.deck_loader import AnyDeck, DeckLoadError, deck_from_data
from workshop_app.core.errors import AtelierError
from workshop_app.core.events import utc_now
from workshop_app.core.state import WorkshopState
from workshop_app.store.engine import WRITE_OPTION, db_errors, describe
from workshop_app.store.models import SequenceRow, WorkshopRow
from workshop_app.store.versions import AUTHOR

RowT = TypeVar("RowT", bound=DeclarativeBase)

NOT_FOUND = {
    "WorkshopRow": "Atelier introuvable (il a peut-être été supprimé).",
    "GroupRow": "Groupe introuvable (il a peut-être été supprimé).",
    "ParticipantRow": "Participant·e introuvable.",
    "SequenceRow": "Séquence introuvable (elle a peut-être été supprimée).",
    "ActionRow": "Action introuvable.",
    "AttachmentRow": "Pièce jointe introuvable.",
}


class StoreBase:
    #: set on a database opened read-only because it is damaged (``store.damaged``): every write is refused
    write_refusal: str | None = None

    def __init__(self, engine: Engine, url: str, author: str = "") -> None:
        from workshop_app.paths import device_id

        self.engine = engine
        #: the device id written into every event recorded through this store (see ``paths.device_id``)
        self.author = author or device_id()
        self._last_at: dict[str, datetime] = {}  # workshop -> its latest event's time (see PlayMixin)
        self.url = url
        self.where = describe(url)
        self._decks: dict[str, AnyDeck] = {}
        self._states: dict[str, tuple[tuple[int, int], WorkshopState]] = {}  # see ReadingMixin._state
        self._owners: dict[str, str] = {}  # sequence or group id -> its workshop (see PlayMixin._owner)
        self._lock = threading.Lock()
        self._postgres = engine.dialect.name == "postgresql"

    # -- transactions ---------------------------------------------------------------------------------------
    @contextlib.contextmanager
    def _write(self) -> Iterator[Session]:
        """One write transaction, committed at the end of the block; any failure rolls it all back."""
        if self.write_refusal is not None:
            raise AtelierError(self.write_refusal)
        info = {AUTHOR: self.author}  # edits of records are versioned with it (see ``store.versions``)
        with db_errors(self.where), Session(self.engine, expire_on_commit=False, info=info) as session:
            session.connection(execution_options={WRITE_OPTION: True})
            yield session
            session.commit()

    @contextlib.contextmanager
    def _read(self) -> Iterator[Session]:
        with db_errors(self.where), Session(self.engine, expire_on_commit=False) as session:
            if self._postgres:
                session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            yield session
            session.rollback()

    def close(self) -> None:
        self.engine.dispose()

    # -- look-ups -------------------------------------------------------------------------------------------
    def _get(self, session: Session, row_type: type[RowT], row_id: str) -> RowT:
        row = session.get(row_type, row_id)
        if row is None:
            raise AtelierError(NOT_FOUND.get(row_type.__name__, "Élément introuvable."))
        return row

    def _touch(self, session: Session, workshop_id: str) -> None:
        """Mark the workshop as changed now; on PostgreSQL this also locks its row until the commit, so writes
        to one workshop queue up (sequence numbers stay gap-free and conflict-free)."""
        result = session.execute(
            update(WorkshopRow).where(WorkshopRow.id == workshop_id).values(updated_at=utc_now())
        )
        if result.rowcount == 0:  # type: ignore[attr-defined]
            raise AtelierError(NOT_FOUND["WorkshopRow"])

    def _deck(self, session: Session, sequence_id: str) -> AnyDeck:
        """The deck a sequence was played with, rebuilt from its snapshot (cached: a snapshot changes only by
        gaining co-built criteria, which the next read of its data (``_deck_from``) notices)."""
        deck = self._decks.get(sequence_id)
        if deck is None:
            data = session.scalar(select(SequenceRow.deck).where(SequenceRow.id == sequence_id))
            if data is None:
                raise AtelierError(NOT_FOUND["SequenceRow"])
            deck = self._deck_from(sequence_id, data)
        return deck

    def _deck_from(self, sequence_id: str, data: dict[str, object]) -> AnyDeck:
        deck = self._decks.get(sequence_id)
        cards = data.get("cards")
        stored = len(cards) if isinstance(cards, list) else None
        if deck is not None and stored in (None, len(deck.cards)):
            return deck  # a snapshot only ever gains cards (criteria co-built, maybe by another store)
        try:
            deck = deck_from_data(dict(data), name=f"séquence {sequence_id}", finite=False)
        except DeckLoadError as error:
            raise AtelierError(
                "Le jeu enregistré avec cette séquence ne peut pas être relu (créé par une autre version ?).",
                detail=str(error),
            ) from error
        with self._lock:
            self._decks[sequence_id] = deck
        return deck
