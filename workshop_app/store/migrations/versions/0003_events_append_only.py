"""The event log refuses UPDATE at the database level (a trigger; see ``workshop_app.store.guards``).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from workshop_app.store.guards import install_append_only_guard, remove_append_only_guard

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    install_append_only_guard(op.get_bind())


def downgrade() -> None:
    remove_append_only_guard(op.get_bind())
