"""Territories and programmes as entities; a stored summary per workshop (``workshop_summaries``).

Territories: every distinct (territory text, kind text) of the existing workshops becomes one ``territories``
row (its name the text, its kind guessed from the kind text by ``store.territories.guess_kind``, the text kept
as ``kind_label``), and each workshop points at it through the new ``territory_id``; the workshop's own text
columns are left as they were, so nothing is lost. ``programmes`` starts empty (``workshops.programme_id``).

Summaries: the table starts empty; the store fills each workshop's row the first time it lists it (and
whenever the workshop's ``updated_at`` moved since), so nothing has to be folded here and no data is touched.

Revision ID: 0006
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from workshop_app.store.territories import guess_kind

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


_workshops = sa.table(
    "workshops",
    sa.column("id", sa.String(36)),
    sa.column("territory", sa.String(200)),
    sa.column("territory_kind", sa.String(100)),
    sa.column("territory_id", sa.String(36)),
)
_territories = sa.table(
    "territories",
    sa.column("id", sa.String(36)),
    sa.column("name", sa.String(200)),
    sa.column("kind", sa.String(20)),
    sa.column("kind_label", sa.String(100)),
    sa.column("code", sa.String(20)),
    sa.column("parent_id", sa.String(36)),
)


def upgrade() -> None:
    op.create_table(
        "territories",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("kind_label", sa.String(100), nullable=False),
        sa.Column("code", sa.String(20), nullable=False),
        sa.Column("parent_id", sa.String(36), nullable=True),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["territories.id"],
            name="fk_territories_parent_id_territories",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_territories"),
    )
    op.create_index("ix_territories_name", "territories", ["name"])
    op.create_table(
        "programmes",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_programmes"),
    )
    with op.batch_alter_table("workshops") as batch:
        batch.add_column(sa.Column("territory_id", sa.String(36), nullable=True))
        batch.add_column(sa.Column("programme_id", sa.String(36), nullable=True))
        batch.create_foreign_key(
            "fk_workshops_territory_id_territories",
            "territories",
            ["territory_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch.create_foreign_key(
            "fk_workshops_programme_id_programmes",
            "programmes",
            ["programme_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch.create_index("ix_workshops_territory_id", ["territory_id"])
        batch.create_index("ix_workshops_programme_id", ["programme_id"])
    _territories_from_text()
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


def _territories_from_text() -> None:
    bind = op.get_bind()
    made: dict[tuple[str, str], str] = {}
    rows = bind.execute(sa.select(_workshops.c.id, _workshops.c.territory, _workshops.c.territory_kind)).all()
    for workshop_id, name, kind_label in rows:
        key = ((name or "").strip(), (kind_label or "").strip())
        if not key[0]:
            continue
        if key not in made:
            made[key] = str(uuid.uuid4())
            bind.execute(
                _territories.insert().values(
                    id=made[key],
                    name=key[0],
                    kind=guess_kind(key[1]),
                    kind_label=key[1],
                    code="",
                    parent_id=None,
                )
            )
        bind.execute(_workshops.update().where(_workshops.c.id == workshop_id).values(territory_id=made[key]))


def downgrade() -> None:
    op.drop_table("workshop_summaries")
    with op.batch_alter_table("workshops") as batch:
        batch.drop_index("ix_workshops_programme_id")
        batch.drop_index("ix_workshops_territory_id")
        batch.drop_constraint("fk_workshops_programme_id_programmes", type_="foreignkey")
        batch.drop_constraint("fk_workshops_territory_id_territories", type_="foreignkey")
        batch.drop_column("programme_id")
        batch.drop_column("territory_id")
    op.drop_table("programmes")
    op.drop_index("ix_territories_name", "territories")
    op.drop_table("territories")
