"""Events get their own identity: content ids for old events, undo/redo naming ids, an ``author`` column.

Before this revision an event was known by ``(workshop, seq)`` and its ``id`` was a random UUID made by
whichever database stored it, so two laptops holding the same event called it differently, and an undo named
a seq that means another event on another copy. Here every existing event gets the id
:func:`workshop_app.core.events.legacy_event_id` makes from its content (the same on every laptop that holds
it; a v1 archive read later gets the same ids), and every undo/redo's ``target`` becomes that id. ``author``
stays empty for them: made before authors existed, they can be undone from any copy. Nothing is removed.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from workshop_app.core.events import Event, EventKind, with_legacy_ids
from workshop_app.store.guards import install_append_only_guard, remove_append_only_guard

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_events = sa.table(
    "events",
    sa.column("id", sa.String(36)),
    sa.column("workshop_id", sa.String(36)),
    sa.column("seq", sa.Integer()),
    sa.column("at", sa.DateTime()),
    sa.column("kind", sa.String(40)),
    sa.column("sequence_id", sa.String(36)),
    sa.column("group_id", sa.String(36)),
    sa.column("card_id", sa.String(64)),
    sa.column("payload", sa.JSON()),
)


def upgrade() -> None:
    op.add_column("events", sa.Column("author", sa.String(64), nullable=False, server_default=""))
    _create_version_tables()
    conn = op.get_bind()
    remove_append_only_guard(conn)
    workshops = [row[0] for row in conn.execute(sa.select(_events.c.workshop_id).distinct())]
    for workshop_id in workshops:
        rows = conn.execute(
            sa.select(_events).where(_events.c.workshop_id == workshop_id).order_by(_events.c.seq)
        ).all()
        known = {k.value for k in EventKind}
        old = [
            Event(
                seq=r.seq,
                kind=EventKind(r.kind),
                sequence_id=r.sequence_id,
                group_id=r.group_id,
                card_id=r.card_id,
                payload=dict(r.payload or {}),
                at=r.at,
            )
            for r in rows
            if r.kind in known  # a newer app's kinds keep their row as it is
        ]
        by_seq = {r.seq: r for r in rows}
        for event in with_legacy_ids(workshop_id, old):
            row = by_seq[event.seq]
            conn.execute(
                _events.update()
                .where(_events.c.id == row.id)
                .values(id=event.id, payload=dict(event.payload))
            )
    install_append_only_guard(conn)


def _create_version_tables() -> None:
    """Per-field versions of editable records, and the values that lost a merge (see ``core.merge``)."""
    op.create_table(
        "field_versions",
        sa.Column("row_id", sa.String(36), nullable=False),
        sa.Column("field", sa.String(40), nullable=False),
        sa.Column("workshop_id", sa.String(36), nullable=False),
        sa.Column("stamp", sa.String(120), nullable=False),
        sa.Column("base", sa.String(120), nullable=False),
        sa.ForeignKeyConstraint(
            ["workshop_id"],
            ["workshops.id"],
            name=op.f("fk_field_versions_workshop_id_workshops"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("row_id", "field", name=op.f("pk_field_versions")),
    )
    op.create_index(op.f("ix_field_versions_workshop_id"), "field_versions", ["workshop_id"])
    op.create_table(
        "merge_conflicts",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("workshop_id", sa.String(36), nullable=False),
        sa.Column("row_id", sa.String(36), nullable=False),
        sa.Column("field", sa.String(40), nullable=False),
        sa.Column("kept", sa.JSON(), nullable=False),
        sa.Column("lost", sa.JSON(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["workshop_id"],
            ["workshops.id"],
            name=op.f("fk_merge_conflicts_workshop_id_workshops"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_merge_conflicts")),
    )
    op.create_index(op.f("ix_merge_conflicts_workshop_id"), "merge_conflicts", ["workshop_id"])


def downgrade() -> None:
    op.drop_table("merge_conflicts")
    op.drop_table("field_versions")
    conn = op.get_bind()
    remove_append_only_guard(conn)
    rows = conn.execute(sa.select(_events)).all()
    seqs = {(r.workshop_id, r.id): r.seq for r in rows}
    for r in rows:
        payload = dict(r.payload or {})
        if r.kind in ("undo", "redo") and isinstance(payload.get("target"), str):
            payload["target"] = seqs.get((r.workshop_id, payload["target"]), 0)
            conn.execute(_events.update().where(_events.c.id == r.id).values(payload=payload))
    install_append_only_guard(conn)
    with op.batch_alter_table("events") as batch:
        batch.drop_column("author")
    install_append_only_guard(conn)
