"""Initial schema: workshops, sequences (deck snapshots), groups, participants, the event log, actions, files.

Revision ID: 0001
Revises:
Create Date: 2025-06-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.String(36)
WHEN = sa.DateTime(timezone=True)


def _workshop_fk(table: str) -> sa.Column[str]:
    return sa.Column(
        "workshop_id",
        ID,
        sa.ForeignKey("workshops.id", name=f"fk_{table}_workshop_id_workshops", ondelete="CASCADE"),
        nullable=False,
    )


def upgrade() -> None:
    op.create_table(
        "workshops",
        sa.Column("id", ID, primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("territory", sa.String(200), nullable=False),
        sa.Column("territory_kind", sa.String(100), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("place", sa.String(300), nullable=False),
        sa.Column("facilitators", sa.Text(), nullable=False),
        sa.Column("context", sa.Text(), nullable=False),
        sa.Column("objectives", sa.Text(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("debrief", sa.JSON(), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("updated_at", WHEN, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_workshops"),
    )
    op.create_table(
        "sequences",
        sa.Column("id", ID),
        _workshop_fk("sequences"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("planned_minutes", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("deck_id", sa.String(64), nullable=False),
        sa.Column("deck_version", sa.String(30), nullable=False),
        sa.Column("deck", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sequences"),
    )
    op.create_index("ix_sequences_workshop_id", "sequences", ["workshop_id"])
    op.create_table(
        "groups",
        sa.Column("id", ID),
        _workshop_fk("groups"),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("colour", sa.String(9), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_groups"),
    )
    op.create_index("ix_groups_workshop_id", "groups", ["workshop_id"])
    op.create_table(
        "participants",
        sa.Column("id", ID),
        _workshop_fk("participants"),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(200), nullable=False),
        sa.Column("service", sa.String(200), nullable=False),
        sa.Column("organisation", sa.String(200), nullable=False),
        sa.Column(
            "group_id",
            ID,
            sa.ForeignKey("groups.id", name="fk_participants_group_id_groups", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_participants"),
    )
    op.create_index("ix_participants_workshop_id", "participants", ["workshop_id"])
    op.create_table(
        "events",
        sa.Column("id", ID),
        sa.Column(
            "workshop_id",
            ID,
            sa.ForeignKey("workshops.id", name="fk_events_workshop_id_workshops", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("at", WHEN, nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column(
            "sequence_id",
            ID,
            sa.ForeignKey("sequences.id", name="fk_events_sequence_id_sequences", ondelete="CASCADE"),
            nullable=True,
        ),
        sa.Column(
            "group_id",
            ID,
            sa.ForeignKey("groups.id", name="fk_events_group_id_groups", ondelete="CASCADE"),
            nullable=True,
        ),
        sa.Column("card_id", sa.String(64), nullable=True),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
        sa.UniqueConstraint("workshop_id", "seq", name="uq_events_workshop_seq"),
    )
    op.create_table(
        "action_items",
        sa.Column("id", ID),
        _workshop_fk("action_items"),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(200), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("lever_id", sa.String(64), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_action_items"),
    )
    op.create_index("ix_action_items_workshop_id", "action_items", ["workshop_id"])
    op.create_table(
        "attachments",
        sa.Column("id", ID),
        _workshop_fk("attachments"),
        sa.Column("filename", sa.String(255), nullable=False),
        sa.Column("media_type", sa.String(100), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("caption", sa.Text(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_attachments"),
    )
    op.create_index("ix_attachments_workshop_id", "attachments", ["workshop_id"])


def downgrade() -> None:
    for table in (
        "attachments",
        "action_items",
        "events",
        "participants",
        "groups",
        "sequences",
        "workshops",
    ):
        op.drop_table(table)
