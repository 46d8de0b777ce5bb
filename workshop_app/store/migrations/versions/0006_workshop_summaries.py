"""A stored summary per workshop (``workshop_summaries``), so listing the archive costs one query.

The table starts empty; the store fills each workshop's row the first time it lists it (and whenever the
workshop's ``updated_at`` moved since), so nothing has to be folded here and no data is touched.

Revision ID: 0006
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "workshop_summaries",
        sa.Column(
            "workshop_id",
            sa.String(36),
            sa.ForeignKey(
                "workshops.id", ondelete="CASCADE", name="fk_workshop_summaries_workshop_id_workshops"
            ),
        ),
        sa.Column("stamp", sa.String(64), nullable=False),
        sa.Column("deck_ids", sa.JSON(), nullable=False),
        sa.Column("deck_titles", sa.JSON(), nullable=False),
        sa.Column("groups", sa.Integer(), nullable=False),
        sa.Column("events", sa.Integer(), nullable=False),
        sa.Column("answered", sa.Integer(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("last_event_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("workshop_id", name="pk_workshop_summaries"),
    )


def downgrade() -> None:
    op.drop_table("workshop_summaries")
