"""A workshop's programme and territory entities, read into its snapshot and merged back from a copy
(archive import, sync): additive, never destructive.

Merge rules (the same on every copy, so a cross-merge converges):

* **Programme**: the local programme with the copy's id; else one with the same name (two laptops that each
  typed « Nature en ville — Hauts-de-France 2024–2025 » meet in one programme); else it is created with the
  copy's id. A workshop already in a programme here stays in it (the copy does not move it).
* **Territories** (the workshop's, then its parents): by id, else by name and kind, else created with the
  copy's id. A local territory only gains what it lacks (kind, code, parent); nothing typed here is
  overwritten. The workshop points at the copy's territory when its territory text names it (the text,
  merged field by field, decides).

Two steps around the workshop row's own merge: :func:`prepare` before it (so that the territory listener of
``store.territories`` finds the copy's territory by name instead of creating another), :func:`link` after.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from workshop_app.core.workshop import ProgrammeInfo, TerritoryInfo, WorkshopSnapshot
from workshop_app.store.models import ProgrammeRow, TerritoryRow, WorkshopRow

MAX_PARENTS = 8  # a parent chain is short (commune → EPCI → PETR → département); a loop stops here


def read(session: Session, row: WorkshopRow) -> tuple[ProgrammeInfo | None, tuple[TerritoryInfo, ...]]:
    """The workshop's programme and its territory chain (its own first)."""
    programme = None
    if row.programme_id is not None:
        found = session.get(ProgrammeRow, row.programme_id)
        if found is not None:
            programme = ProgrammeInfo(found.id, found.name, found.description or "")
    chain: list[TerritoryInfo] = []
    seen: set[str] = set()
    current = row.territory_id
    while current is not None and current not in seen and len(chain) < MAX_PARENTS:
        seen.add(current)
        territory = session.get(TerritoryRow, current)
        if territory is None:
            break
        chain.append(
            TerritoryInfo(
                territory.id,
                territory.name,
                territory.kind or "",
                territory.kind_label or "",
                territory.code or "",
                territory.parent_id,
            )
        )
        current = territory.parent_id
    return programme, tuple(chain)


@dataclass
class Prepared:
    programme_id: str | None = None
    territory_ids: dict[str, str] = field(default_factory=dict)  # copy's territory id -> local id
    first: TerritoryInfo | None = None
    parents: list[tuple[TerritoryRow, str]] = field(default_factory=list)  # set once the new ones exist
    completed: list[str] = field(default_factory=list)  # names of the known territories that gained a field
    programme_versioned: bool = False  # either copy has a version of the programme: settled field by field


def prepare(session: Session, snapshot: WorkshopSnapshot) -> Prepared:
    out = Prepared()
    with session.no_autoflush:
        if snapshot.programme is not None:
            out.programme_id = _programme(session, snapshot.programme)
        chain = list(snapshot.territories)[:MAX_PARENTS]
        if chain:
            out.first = chain[0]
        for info in reversed(chain):  # parents first, so a child can point at its parent
            out.territory_ids[info.id] = _territory(session, info, out)
    if out.parents:
        session.flush()  # the new territories exist before an existing one points at them (foreign key)
        for local, parent in out.parents:
            local.parent_id = parent
    return out


def link(session: Session, workshop_id: str, prepared: Prepared) -> list[str]:
    """Link the workshop to the copy's programme and territory; what it did, in French, for the report
    (« programme « … » », « territoire « Soissons » », « territoire « Laon » complété »)."""
    row = session.get(WorkshopRow, workshop_id)
    if row is None:
        return []
    done: list[str] = []
    if prepared.programme_id is not None and row.programme_id is None and not prepared.programme_versioned:
        row.programme_id = prepared.programme_id
        done.append(f"programme « {programme_name(session, prepared.programme_id)} »")
    first = prepared.first
    if first is not None and (row.territory or "").strip() == first.name.strip():
        local = prepared.territory_ids.get(first.id)
        if local is not None and row.territory_id != local:
            row.territory_id = local
            done.append(f"territoire « {first.name.strip()} »")
    done += [f"territoire « {name} » complété" for name in dict.fromkeys(prepared.completed)]
    return done


def programme_name(session: Session, programme_id: str | None) -> str:
    """The programme's name ("" for none): what a programme conflict records, the same on every copy."""
    found = session.get(ProgrammeRow, programme_id) if programme_id else None
    return found.name if found is not None else ""


def _programme(session: Session, info: ProgrammeInfo) -> str | None:
    name = info.name.strip()[:200]
    if not name:
        return None
    if session.get(ProgrammeRow, info.id) is not None:
        return info.id
    same = session.scalar(select(ProgrammeRow.id).where(ProgrammeRow.name == name))
    if same is not None:
        return same
    for pending in session.new:
        if isinstance(pending, ProgrammeRow) and pending.name == name:
            return pending.id
    session.add(ProgrammeRow(id=info.id, name=name, description=info.description))
    return info.id


def _territory(session: Session, info: TerritoryInfo, prepared: Prepared) -> str:
    parent = prepared.territory_ids.get(info.parent_id) if info.parent_id else None
    local = session.get(TerritoryRow, info.id)
    if local is None:
        candidates = session.scalars(select(TerritoryRow).where(TerritoryRow.name == info.name)).all()
        local = next((t for t in candidates if t.kind_label == info.kind_label), None)
    if local is None:
        local = TerritoryRow(
            id=info.id,
            name=info.name[:200],
            kind=info.kind[:20],
            kind_label=info.kind_label[:100],
            code=info.code[:20],
            parent_id=parent,
        )
        session.add(local)
        return info.id
    # only what is missing here
    gained = False
    if not local.kind and info.kind:
        local.kind = info.kind[:20]
        gained = True
    if not local.code and info.code:
        local.code = info.code[:20]
        gained = True
    if local.parent_id is None and parent is not None and parent != local.id:
        prepared.parents.append((local, parent))
        gained = True
    if gained:
        prepared.completed.append(local.name)
    return local.id
