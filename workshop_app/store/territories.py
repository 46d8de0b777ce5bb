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

KINDS = ("commune", "epci", "petr", "departement")
KIND_LABELS = {"commune": "Commune", "epci": "EPCI", "petr": "PETR", "departement": "Département"}
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
        row.territory_id = territory_for(session, row.territory or "", row.territory_kind or "")


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
