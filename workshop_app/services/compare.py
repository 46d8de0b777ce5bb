"""Compare workshops through any :class:`WorkshopService` (the store, a UI session's service): Qt-free.

    from workshop_app.services.compare import compare_workshops, programme_workshops
    comparison = compare_workshops(service, ids)                 # evolution or cohort, decided from the ids
    comparison = compare_workshops(service, ids, anonymise=True)  # « Ville A, B… »

The rules are :mod:`workshop_app.core.compare`'s; this module only reads the snapshots (one read transaction
each, no write) and picks workshops out of the stored summaries (no event log folded to list them).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from workshop_app.core.compare import compare
from workshop_app.core.compare_model import Comparison
from workshop_app.core.errors import AtelierError
from workshop_app.core.findings import Thresholds
from workshop_app.core.text_match import fold_text
from workshop_app.services.api import WorkshopService, WorkshopSummary


def compare_workshops(
    service: WorkshopService,
    workshop_ids: Sequence[str],
    *,
    deck_id: str | None = None,
    anonymise: bool = False,
    thresholds: Thresholds | None = None,
) -> Comparison:
    """The comparison of these workshops: one territory → evolution, several → cohort (see core.compare).

    Raises AtelierError (French) for an unknown id or when fewer than two played the same compass."""
    ids = list(dict.fromkeys(workshop_ids))
    snapshots = [service.snapshot(i) for i in ids]
    return compare(snapshots, deck_id=deck_id, anonymise=anonymise, thresholds=thresholds)


@dataclass(frozen=True)
class Candidate:
    """A workshop offered for comparison (from the stored summaries)."""

    summary: WorkshopSummary
    comparable: bool  # played the deck asked for


def programme_workshops(service: WorkshopService, programme: str, deck_id: str | None = None) -> list[str]:
    """The ids of the programme's workshops (that played ``deck_id`` if given), by territory then date."""
    key = fold_text(programme)
    found = [s for s in service.list_workshops() if fold_text(s.programme) == key and key]
    if not found:
        raise AtelierError(f"Aucun atelier dans le programme « {programme.strip()} ».")
    return [s.id for s in _sorted(found) if deck_id is None or deck_id in s.deck_ids]


def territory_workshops(service: WorkshopService, territory: str, deck_id: str | None = None) -> list[str]:
    """The ids of the territory's workshops (that played ``deck_id`` if given), oldest first."""
    key = fold_text(territory)
    found = [s for s in service.list_workshops() if fold_text(s.territory) == key and key]
    if not found:
        raise AtelierError(f"Aucun atelier pour le territoire « {territory.strip()} ».")
    return [s.id for s in _sorted(found) if deck_id is None or deck_id in s.deck_ids]


def candidates(service: WorkshopService, deck_id: str) -> list[Candidate]:
    """Every workshop, each said comparable or not for ``deck_id`` (a picker's list), by territory, date."""
    return [Candidate(s, deck_id in s.deck_ids) for s in _sorted(service.list_workshops())]


def _sorted(summaries: Sequence[WorkshopSummary]) -> list[WorkshopSummary]:
    return sorted(summaries, key=lambda s: (fold_text(s.territory), s.date is None, s.date or date.min, s.id))
