"""Tombstones: a deleted table, participant, action or photo leaves a row here, so that merging a copy that
still holds it does not bring it back (``core.merge``). The table starts empty: deletions made before this
revision left no trace, and stay unmerged.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "tombstones",
        sa.Column("row_id", sa.String(36), nullable=False),
        sa.Column("workshop_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("stamp", sa.String(120), nullable=False),
        sa.ForeignKeyConstraint(
            ["workshop_id"],
            ["workshops.id"],
            name=op.f("fk_tombstones_workshop_id_workshops"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("row_id", name=op.f("pk_tombstones")),
    )
    op.create_index(op.f("ix_tombstones_workshop_id"), "tombstones", ["workshop_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_tombstones_workshop_id"), table_name="tombstones")
    op.drop_table("tombstones")
