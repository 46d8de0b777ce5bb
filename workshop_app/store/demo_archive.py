"""``atelier demo --workshops N``: an archive of N sample workshops, for benchmarks and for trying the list.

Each is the demo workshop built from its own seed (so answers differ), placed in one of a few territories;
built in memory, imported one by one through the service (each in its own transaction), then listed once
so their stored summaries exist before the first real listing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.services.api import WorkshopService
from workshop_app.store.demo import QUESTIONS_DECK, STRATEGY_DECK, _find, build_demo_snapshot

TERRITORIES = ("Arras", "Creil", "Denain", "Saint-Quentin", "Soissons", "Valmont-sur-Oise")
FIRST_SEED = 100_000


def create_demo_archive(
    service: WorkshopService, count: int, *, progress: Callable[[int], None] | None = None
) -> list[str]:
    """Create ``count`` sample workshops (seeds from ``FIRST_SEED``; one already there is kept); their ids."""
    qdeck = _find(QUESTIONS_DECK, QuestionDeck)
    sdeck = _find(STRATEGY_DECK, StrategyDeck)
    ids = []
    for i in range(count):
        snapshot = build_demo_snapshot(qdeck, sdeck, FIRST_SEED + i)
        territory = TERRITORIES[i % len(TERRITORIES)]
        info = replace(
            snapshot.info, territory=territory, title=f"Atelier résilience — {territory} n° {i + 1}"
        )
        service.import_snapshot(replace(snapshot, info=info), {})
        ids.append(info.id)
        if progress is not None:
            progress(i + 1)
    service.list_workshops()
    return ids
