"""Territories as entities (revision 0006), kept in step with the workshop's ``territory`` text.

The set-up page, archives and merges keep writing the workshop's ``territory`` name as before; a flush
listener then points the workshop at the territory of that name (and kind text), creating it the first time,
in the same transaction. So every path that writes a workshop (create, edit, import, merge) links it, and
territories are found again by name: the list of existing ones feeds set-up's suggestions.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from workshop_app.core.territory import KIND_LABELS, KINDS

_HINTS = (
    ("departement", ("departement", "conseil departemental")),
    ("petr", ("petr", "pole d'equilibre", "pays ")),
    ("epci", ("epci", "communaute", "metropole", "agglomeration", "syndicat", "intercommun")),
    ("commune", ("commune", "ville", "mairie", "village")),
)


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def guess_kind(label: str) -> str:
    """The kind (of :data:`KINDS`) a free-text kind names, or "" (« Communauté d’agglomération » → epci)."""
    plain = f"{_plain(label)} "
    for kind, hints in _HINTS:
        if any(h in plain for h in hints):
            return kind
    return ""


def territory_for(session: Session, name: str, kind_label: str) -> str | None:
    """The id of the territory named ``name`` (created if new); None for an empty name."""
    from workshop_app.store.models import TerritoryRow

    name, kind_label = name.strip(), kind_label.strip()
    if not name:
        return None
    with session.no_autoflush:
        found = session.scalars(select(TerritoryRow).where(TerritoryRow.name == name)).all()
        for row in found:
            if row.kind_label == kind_label or not kind_label:
                return row.id
        for row in session.new:  # made earlier in this same flush
            if isinstance(row, TerritoryRow) and row.name == name and row.kind_label == kind_label:
                return row.id
    row = TerritoryRow(name=name, kind=guess_kind(kind_label), kind_label=kind_label, code="")
    from workshop_app.store.models import new_id

    row.id = new_id()
    session.add(row)
    return row.id


@event.listens_for(Session, "before_flush")
def _link_territories(session: Session, _context: Any, _instances: Any) -> None:
    from workshop_app.store.models import WorkshopRow

    for row in [*session.new, *session.dirty]:
        if not isinstance(row, WorkshopRow):
            continue
        if row in session.dirty and not _changed(row):
            continue
        _relink(session, row)


def _relink(session: Session, row: Any) -> None:
    """Point the workshop at the territory its (name, kind) text names. The kind of a territory only this
    workshop uses is corrected in place when its code and parent still fit the new kind (so set-up's kind
    keeps the code and parent typed); a territory left with no workshop and nothing of its own (no code, no
    parent, no part) is removed, so suggestions offer only real ones."""
    from workshop_app.store.models import TerritoryRow

    old = session.get(TerritoryRow, row.territory_id) if row.territory_id else None
    name, kind_label = (row.territory or "").strip(), (row.territory_kind or "").strip()
    if old is None:
        row.territory_id = territory_for(session, name, kind_label)
        return
    kind = guess_kind(kind_label)
    in_place = old.name == name and old.kind_label != kind_label and _alone(session, old, row)
    if in_place and not _exists(session, name, kind_label) and _fits(session, old, kind):
        old.kind, old.kind_label = kind, kind_label
        return
    row.territory_id = territory_for(session, name, kind_label)
    moved = old.id != row.territory_id and _alone(session, old, row)
    if moved and not old.code and old.parent_id is None and not _children(session, old):
        session.delete(old)


def _alone(session: Session, territory: Any, row: Any) -> bool:
    """No workshop but ``row`` points at ``territory``."""
    from sqlalchemy import func

    from workshop_app.store.models import WorkshopRow

    with session.no_autoflush:
        others = session.scalar(
            select(func.count())
            .select_from(WorkshopRow)
            .where(WorkshopRow.territory_id == territory.id, WorkshopRow.id != row.id)
        )
    return not others and not any(
        getattr(w, "territory_id", None) == territory.id and w is not row for w in session.new
    )


def _exists(session: Session, name: str, kind_label: str) -> bool:
    from workshop_app.store.models import TerritoryRow

    with session.no_autoflush:
        rows = session.scalars(select(TerritoryRow.kind_label).where(TerritoryRow.name == name)).all()
    return any(label == kind_label or not kind_label for label in rows)


def _children(session: Session, territory: Any) -> bool:
    from workshop_app.store.models import TerritoryRow

    with session.no_autoflush:
        child = session.scalar(select(TerritoryRow.id).where(TerritoryRow.parent_id == territory.id))
    return child is not None


def _fits(session: Session, territory: Any, kind: str) -> bool:
    """Whether the territory's code and parent still make sense for ``kind``."""
    from workshop_app.core.errors import AtelierError
    from workshop_app.core.territory import can_contain, normalise_code
    from workshop_app.store.models import TerritoryRow

    try:
        normalise_code(kind, territory.code)
    except AtelierError:
        return False
    parent = session.get(TerritoryRow, territory.parent_id) if territory.parent_id else None
    return parent is None or can_contain(parent.kind, kind)


def _changed(row: Any) -> bool:
    from sqlalchemy import inspect

    state = inspect(row)
    return any(state.attrs[name].history.has_changes() for name in ("territory", "territory_kind"))


def programme_for(session: Session, name: str) -> str | None:
    """The id of the programme named ``name`` (created if new); None for an empty name."""
    from workshop_app.store.models import ProgrammeRow, new_id

    name = name.strip()
    if not name:
        return None
    found = session.scalar(select(ProgrammeRow.id).where(ProgrammeRow.name == name))
    if found is not None:
        return found
    row = ProgrammeRow(id=new_id(), name=name, description="")
    session.add(row)
    session.flush()
    return row.id


def territory_names(session: Session) -> list[str]:
    """The names of the known territories, sorted, for suggestions."""
    from workshop_app.store.models import TerritoryRow

    return sorted(set(session.scalars(select(TerritoryRow.name))), key=_plain)


__all__ = ["KINDS", "KIND_LABELS", "guess_kind", "programme_for", "territory_for", "territory_names"]
