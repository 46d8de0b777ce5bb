"""The database tables (SQLAlchemy 2, typed). They run unchanged on SQLite and PostgreSQL.

Keys are UUIDs stored as 36-character strings, so workshops made on several laptops merge without collision.
Every timestamp is stored in UTC (:class:`UTCDateTime` normalises on the way in and out). The ``events`` table
is append-only: the store never updates or deletes an event (deleting a whole workshop removes its log
with it), and a trigger (``guards``) refuses any UPDATE.
A sequence keeps a snapshot of its deck as JSON, so editing a deck's YAML later never changes an old workshop.
"""

from __future__ import annotations

import datetime as dt
import uuid
from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    event,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from workshop_app.core.events import as_utc
from workshop_app.store.guards import install_append_only_guard

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    return str(uuid.uuid4())


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored in UTC; naive values (SQLite gives those back) are read as UTC."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        moment = as_utc(value)
        return moment.replace(tzinfo=None) if dialect.name == "sqlite" else moment

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return as_utc(value) if value is not None else None


Id = String(36)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, datetime: UTCDateTime, date: Date}


def _workshop_fk() -> Mapped[str]:
    return mapped_column(Id, ForeignKey("workshops.id", ondelete="CASCADE"), index=True)


class WorkshopRow(Base):
    __tablename__ = "workshops"

    id: Mapped[str] = mapped_column(Id, primary_key=True, default=new_id)
    title: Mapped[str] = mapped_column(String(200))
    territory: Mapped[str] = mapped_column(String(200), default="")
    territory_kind: Mapped[str] = mapped_column(String(100), default="")
    date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    place: Mapped[str] = mapped_column(String(300), default="")
    facilitators: Mapped[str] = mapped_column(Text, default="")
    context: Mapped[str] = mapped_column(Text, default="")
    objectives: Mapped[str] = mapped_column(Text, default="")
    # Added by revision 0002.
    fixed_points: Mapped[str] = mapped_column(Text, default="", server_default="")
    status: Mapped[str] = mapped_column(String(20), default="draft")
    debrief: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    # Added by revision 0006: the territory entity named by ``territory`` and the programme, if any.
    territory_id: Mapped[str | None] = mapped_column(
        Id, ForeignKey("territories.id", ondelete="SET NULL"), nullable=True, index=True
    )
    programme_id: Mapped[str | None] = mapped_column(
        Id, ForeignKey("programmes.id", ondelete="SET NULL"), nullable=True, index=True
    )


class SequenceRow(Base):
    __tablename__ = "sequences"

    id: Mapped[str] = mapped_column(Id, primary_key=True, default=new_id)
    workshop_id: Mapped[str] = _workshop_fk()
    position: Mapped[int] = mapped_column(Integer, default=0)
    planned_minutes: Mapped[int | None]
    title: Mapped[str] = mapped_column(String(200), default="")
    deck_id: Mapped[str] = mapped_column(String(64))
    deck_version: Mapped[str] = mapped_column(String(30))
    deck: Mapped[dict[str, Any]] = mapped_column(JSON)  # deck.model_dump(mode="json"), frozen when added


class GroupRow(Base):
    __tablename__ = "groups"

    id: Mapped[str] = mapped_column(Id, primary_key=True, default=new_id)
    workshop_id: Mapped[str] = _workshop_fk()
    name: Mapped[str] = mapped_column(String(100))
    colour: Mapped[str] = mapped_column(String(9), default="#4C72B0")
    position: Mapped[int] = mapped_column(Integer, default=0)


class ParticipantRow(Base):
    __tablename__ = "participants"

    id: Mapped[str] = mapped_column(Id, primary_key=True, default=new_id)
    workshop_id: Mapped[str] = _workshop_fk()
    name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(200), default="")
    service: Mapped[str] = mapped_column(String(200), default="")
    organisation: Mapped[str] = mapped_column(String(200), default="")
    group_id: Mapped[str | None] = mapped_column(Id, ForeignKey("groups.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(20), default="", server_default="")  # élu | agent | partenaire
    position: Mapped[int] = mapped_column(Integer, default=0)


class EventRow(Base):
    """The append-only log. ``id`` is the event's global identity (the same on every copy of the workshop);
    ``seq`` is its local order of arrival, unique within a workshop in this database; ``author`` is the device
    that recorded it (revision 0004)."""

    __tablename__ = "events"
    __table_args__ = (UniqueConstraint("workshop_id", "seq", name="uq_events_workshop_seq"),)

    id: Mapped[str] = mapped_column(Id, primary_key=True, default=new_id)
    author: Mapped[str] = mapped_column(String(64), default="", server_default="")
    workshop_id: Mapped[str] = mapped_column(Id, ForeignKey("workshops.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime]
    kind: Mapped[str] = mapped_column(String(40))
    sequence_id: Mapped[str | None] = mapped_column(Id, ForeignKey("sequences.id", ondelete="CASCADE"))
    group_id: Mapped[str | None] = mapped_column(Id, ForeignKey("groups.id", ondelete="CASCADE"))
    card_id: Mapped[str | None] = mapped_column(String(64))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class ActionRow(Base):
    __tablename__ = "action_items"

    id: Mapped[str] = mapped_column(Id, primary_key=True, default=new_id)
    workshop_id: Mapped[str] = _workshop_fk()
    action: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(200), default="")
    deadline: Mapped[date | None]
    lever_id: Mapped[str | None] = mapped_column(String(64))
    position: Mapped[int] = mapped_column(Integer, default=0)


class AttachmentRow(Base):
    __tablename__ = "attachments"

    id: Mapped[str] = mapped_column(Id, primary_key=True, default=new_id)
    workshop_id: Mapped[str] = _workshop_fk()
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    sha256: Mapped[str] = mapped_column(String(64))
    caption: Mapped[str] = mapped_column(Text, default="")
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime]
    # the card the photo belongs to (revision 0005); both empty: the debrief's
    sequence_id: Mapped[str | None] = mapped_column(Id, nullable=True, default=None)
    card_id: Mapped[str | None] = mapped_column(String(128), nullable=True, default=None)


class FieldVersionRow(Base):
    """The latest edit of one field of one editable record (revision 0004; see ``core.merge``). Written by the
    store on every edit (``store.versions``), carried by archives, compared when two copies merge."""

    __tablename__ = "field_versions"

    row_id: Mapped[str] = mapped_column(Id, primary_key=True)
    field: Mapped[str] = mapped_column(String(40), primary_key=True)
    workshop_id: Mapped[str] = _workshop_fk()
    stamp: Mapped[str] = mapped_column(String(120))
    base: Mapped[str] = mapped_column(String(120), default="")


class TombstoneRow(Base):
    """A deleted table, participant, action or photo (revision 0007; see ``core.merge``): kept so that a copy
    still holding the record does not bring it back when the copies merge."""

    __tablename__ = "tombstones"

    row_id: Mapped[str] = mapped_column(Id, primary_key=True)
    workshop_id: Mapped[str] = _workshop_fk()
    kind: Mapped[str] = mapped_column(String(20))
    stamp: Mapped[str] = mapped_column(String(120))


class MergeConflictRow(Base):
    """A value that lost a merge (two copies edited one field apart): kept, to be settled by hand."""

    __tablename__ = "merge_conflicts"

    id: Mapped[str] = mapped_column(Id, primary_key=True, default=new_id)
    workshop_id: Mapped[str] = _workshop_fk()
    row_id: Mapped[str] = mapped_column(Id)
    field: Mapped[str] = mapped_column(String(40))
    kept: Mapped[dict[str, Any]] = mapped_column(JSON)  # {"value": ..., "stamp": ...}
    lost: Mapped[dict[str, Any]] = mapped_column(JSON)
    at: Mapped[datetime]


@event.listens_for(EventRow.__table__, "after_create")
def _guard_new_event_table(target: Any, connection: Connection, **_: Any) -> None:
    install_append_only_guard(connection)


class SummaryRow(Base):
    """What the workshop list shows of one workshop, stored so a listing never re-folds events nor re-reads
    deck snapshots (revision 0006; see ``store.summaries``). ``stamp`` is the workshop's ``updated_at`` it was
    computed for: every write to a workshop moves that in its own transaction, so a summary whose stamp
    differs is stale and is recomputed (and stored) by the next listing."""

    __tablename__ = "workshop_summaries"

    workshop_id: Mapped[str] = mapped_column(
        Id, ForeignKey("workshops.id", ondelete="CASCADE"), primary_key=True
    )
    stamp: Mapped[str] = mapped_column(String(64))
    # info["json"]: the shape store.integrity expects (JSON columns hold objects unless told otherwise)
    deck_ids: Mapped[list[str]] = mapped_column(JSON, info={"json": "array"})
    deck_titles: Mapped[list[str]] = mapped_column(JSON, info={"json": "array"})
    groups: Mapped[int] = mapped_column(Integer, default=0)
    events: Mapped[int] = mapped_column(Integer, default=0)
    answered: Mapped[int] = mapped_column(Integer, default=0)
    total: Mapped[int] = mapped_column(Integer, default=0)
    last_event_at: Mapped[datetime | None]


class TerritoryRow(Base):
    """A territory as an entity (revision 0006): a commune, an EPCI, a PETR, a département… with its optional
    INSEE (commune) or SIREN (EPCI) code and its parent (a commune in its EPCI). A workshop points at one; its
    ``territory`` text stays the name shown everywhere and is what set-up edits (``store.territories``)."""

    __tablename__ = "territories"

    id: Mapped[str] = mapped_column(Id, primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(200), index=True)
    kind: Mapped[str] = mapped_column(String(20), default="")  # one of territories.KINDS, or "" when unknown
    kind_label: Mapped[str] = mapped_column(String(100), default="")  # the kind as typed (« Communauté… »)
    code: Mapped[str] = mapped_column(String(20), default="")
    parent_id: Mapped[str | None] = mapped_column(Id, ForeignKey("territories.id", ondelete="SET NULL"))


class ProgrammeRow(Base):
    """A programme or cohort grouping workshops of several territories (« Nature en ville — Hauts-de-France
    2024–2025 »), revision 0006."""

    __tablename__ = "programmes"

    id: Mapped[str] = mapped_column(Id, primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")


from workshop_app.store import territories as _territories  # noqa: E402  (registers the flush listener)

__all__ = ["_territories"]
