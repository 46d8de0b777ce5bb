"""Reading and editing territories and programmes as entities (the set-up page's territory picker).

A workshop is linked to its territory by its name and kind text (``store.territories``' flush listener), so
picking or creating one goes through ``update_workshop(territory=…, territory_kind=…)``. What belongs to the
entity itself, shared by every workshop of that territory, is edited here: its code and its parent.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from workshop_app.core.errors import AtelierError
from workshop_app.core.territory import KnownTerritory, can_contain, normalise_code, parent_candidates, plain
from workshop_app.store.base import StoreBase
from workshop_app.store.models import ProgrammeRow, TerritoryRow, WorkshopRow

_NO_TERRITORY = "Territoire introuvable (il a peut-être été supprimé)."
_KEEP = object()


class TerritoriesMixin(StoreBase):
    def territories(self) -> list[KnownTerritory]:
        """Every known territory with its parent's name and its number of workshops, sorted by name."""
        with self._read() as session:
            return _territories(session)

    def territory_of(self, workshop_id: str) -> KnownTerritory | None:
        """The territory the workshop is linked to, or None (no territory typed yet)."""
        with self._read() as session:
            row = self._get(session, WorkshopRow, workshop_id)
            if row.territory_id is None:
                return None
            return next((t for t in _territories(session) if t.id == row.territory_id), None)

    def update_territory(
        self, territory_id: str, *, code: str | None = None, parent_id: str | object | None = _KEEP
    ) -> KnownTerritory:
        """Set the territory's code (checked: INSEE or SIREN, see ``core.territory``) and/or its parent (a
        larger territory, never itself nor one it contains); refused with a French message otherwise."""
        with self._write() as session:
            row = session.get(TerritoryRow, territory_id)
            if row is None:
                raise AtelierError(_NO_TERRITORY)
            if code is not None:
                row.code = normalise_code(row.kind, code)
            if parent_id is not _KEEP:
                row.parent_id = self._checked_parent(session, row, parent_id)
            session.flush()
            found = next(t for t in _territories(session) if t.id == territory_id)
        return found

    def _checked_parent(self, session: Session, row: TerritoryRow, parent_id: object) -> str | None:
        if parent_id is None:
            return None
        parent = session.get(TerritoryRow, str(parent_id))
        if parent is None:
            raise AtelierError(_NO_TERRITORY)
        known = _territories(session)
        me = next(t for t in known if t.id == row.id)
        if parent.id not in {t.id for t in parent_candidates(known, me)}:
            if not can_contain(parent.kind, row.kind):
                raise AtelierError(
                    f"« {parent.name} » ne peut pas contenir « {row.name} » : le territoire parent est plus "
                    "large (une commune dans son EPCI, un EPCI dans son PETR ou son département)."
                )
            raise AtelierError(f"« {parent.name} » est déjà contenu dans « {row.name} ».")
        return parent.id

    def programme_names(self) -> list[str]:
        """The programmes already known, sorted (set-up's suggestions)."""
        with self._read() as session:
            return sorted(session.scalars(select(ProgrammeRow.name)), key=plain)

    def programme_of(self, workshop_id: str) -> str:
        """The name of the workshop's programme, or ""."""
        with self._read() as session:
            self._get(session, WorkshopRow, workshop_id)
            name = session.scalar(
                select(ProgrammeRow.name)
                .join(WorkshopRow, WorkshopRow.programme_id == ProgrammeRow.id)
                .where(WorkshopRow.id == workshop_id)
            )
            return name or ""


def _territories(session: Session) -> list[KnownTerritory]:
    parent = aliased(TerritoryRow)
    counts = (
        select(WorkshopRow.territory_id, func.count().label("n"))
        .group_by(WorkshopRow.territory_id)
        .subquery()
    )
    rows = session.execute(
        select(TerritoryRow, parent.name, counts.c.n)
        .outerjoin(parent, parent.id == TerritoryRow.parent_id)
        .outerjoin(counts, counts.c.territory_id == TerritoryRow.id)
    ).all()
    found = [
        KnownTerritory(
            id=t.id,
            name=t.name,
            kind=t.kind,
            kind_label=t.kind_label,
            code=t.code,
            parent_id=t.parent_id,
            parent_name=parent_name or "",
            workshops=int(n or 0),
        )
        for t, parent_name, n in rows
    ]
    return sorted(found, key=lambda t: (plain(t.name), t.kind_label))
