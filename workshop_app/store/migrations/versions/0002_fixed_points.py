"""Workshops record what was fixed and what was open for debate (``fixed_points``, shown in the minutes).

Revision ID: 0002
Revises: 0001
Create Date: 2025-06-15
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("workshops") as batch:
        batch.add_column(sa.Column("fixed_points", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("workshops") as batch:
        batch.drop_column("fixed_points")
