"""A photo can be attached to one card of one sequence (``sequence_id``, ``card_id``), or to the debrief (both
empty, as every photo was before); a participant has a kind (« élu », « agent », « partenaire » or empty).

Revision ID: 0005
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("attachments") as batch:
        batch.add_column(sa.Column("sequence_id", sa.String(length=36), nullable=True))
        batch.add_column(sa.Column("card_id", sa.String(length=128), nullable=True))
    with op.batch_alter_table("participants") as batch:
        batch.add_column(sa.Column("kind", sa.String(length=20), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("participants") as batch:
        batch.drop_column("kind")
    with op.batch_alter_table("attachments") as batch:
        batch.drop_column("card_id")
        batch.drop_column("sequence_id")
