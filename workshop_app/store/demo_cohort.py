"""``atelier demo --cohort``: a sample programme to try the comparisons (fictional answers, real city names).

* « Nature en ville — Hauts-de-France 2024–2025 »: five cities (Arras, Creil, Denain, Saint-Quentin,
  Soissons) each play the strategy deck « Nature en ville » with four tables, between November 2024 and
  April 2025. Each city leans its own way (its tables agree more with one another than with other cities).
* « Accompagnement résilience — Soissons 2024–2025 »: Soissons' heads of service play the Boussole
  autodiagnostic in June 2024 and again in October 2025: governance and anticipation move up, sobriety
  slips, and in 2024 several services could not answer the last principle (low coverage, marked).

Decks are the shipped ones, used generically (any axes, levers, cards). Ids derive from fixed seeds and
everything goes through ``import_snapshot`` and ``set_programme``: running it again adds nothing.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.core.events import EventKind, utc_now
from workshop_app.core.scoring import violations
from workshop_app.core.workshop import GroupInfo, SequenceInfo, WorkshopInfo, WorkshopSnapshot, WorkshopStatus
from workshop_app.services.api import WorkshopService
from workshop_app.store.demo import _argument, _find, _Timeline

PROGRAMME = "Nature en ville — Hauts-de-France 2024–2025"
EVOLUTION_PROGRAMME = "Accompagnement résilience — Soissons 2024–2025"
STRATEGY_DECK = "nature-en-ville"
AUTODIAGNOSTIC_DECK = "boussole-autodiagnostic"
CITIES = (
    ("Arras", date(2024, 11, 14)),
    ("Creil", date(2024, 12, 5)),
    ("Denain", date(2025, 1, 23)),
    ("Saint-Quentin", date(2025, 3, 6)),
    ("Soissons", date(2025, 4, 10)),
)
TABLES = (("Table 1", "#0072B2"), ("Table 2", "#E69F00"), ("Table 3", "#009E73"), ("Table 4", "#CC79A7"))
SERVICES = (
    ("Urbanisme et aménagement", "#0072B2"),
    ("Espaces verts, eau et assainissement", "#E69F00"),
    ("Solidarités et santé", "#009E73"),
    ("Sécurité et services techniques", "#CC79A7"),
)
EVOLUTION_TERRITORY = "Soissons"
# the maturity of each principle on the scale's 0–1 range (cycled when a deck has more principles)
YEARS = (
    (date(2024, 6, 20), (0.45, 0.62, 0.22, 0.5, 0.35, 0.38)),
    (date(2025, 10, 9), (0.72, 0.64, 0.55, 0.52, 0.47, 0.2)),
)
SEED = 2024_2025


@dataclass(frozen=True)
class CohortDemo:
    programme: str
    cities: dict[str, str]  # city -> workshop id (Nature en ville)
    evolution: list[str]  # Soissons' two autodiagnostics, oldest first


def create_demo_cohort(service: WorkshopService) -> CohortDemo:
    sdeck = _find(STRATEGY_DECK, StrategyDeck)
    qdeck = _find(AUTODIAGNOSTIC_DECK, QuestionDeck)
    cities: dict[str, str] = {}
    for index, (city, day) in enumerate(CITIES):
        snapshot = _city(sdeck, city, day, SEED + index)
        service.import_snapshot(snapshot, {})
        service.set_programme(snapshot.info.id, PROGRAMME)
        cities[city] = snapshot.info.id
    evolution = []
    for index, (day, levels) in enumerate(YEARS):
        snapshot = _autodiagnostic(qdeck, day, levels, first=index == 0, seed=SEED + 100 + index)
        service.import_snapshot(snapshot, {})
        service.set_programme(snapshot.info.id, EVOLUTION_PROGRAMME)
        evolution.append(snapshot.info.id)
    return CohortDemo(PROGRAMME, cities, evolution)


def _ids(rng: random.Random) -> Callable[[], str]:
    def new_id() -> str:
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))

    return new_id


def _info(
    new_id: Callable[[], str], title: str, territory: str, day: date, place: str, context: str
) -> WorkshopInfo:
    now = utc_now()
    return WorkshopInfo(
        id=new_id(),
        title=title,
        territory=territory,
        territory_kind="Commune",
        date=day,
        place=place,
        facilitators="Équipe d’animation du programme",
        context=context,
        status=WorkshopStatus.DONE,
        created_at=now,
        updated_at=now,
    )


def _city(deck: StrategyDeck, city: str, day: date, seed: int) -> WorkshopSnapshot:
    rng = random.Random(seed)
    new_id = _ids(rng)
    info = _info(
        new_id,
        f"Stratégie Nature en ville — {city}",
        city,
        day,
        f"Hôtel de ville de {city}",
        f"Troisième journée du programme « {PROGRAMME} » : le jeu « Stratégie Nature en ville » "
        f"joué à {city}.",
    )
    groups = tuple(GroupInfo(new_id(), name, colour, i) for i, (name, colour) in enumerate(TABLES))
    sequence = SequenceInfo(new_id(), 0, deck, 60, "Stratégie Nature en ville")
    log = _Timeline(rng)
    log.now = datetime(day.year, day.month, day.day, 13, 30, tzinfo=UTC)
    leaning = {c.id: rng.random() for c in deck.cards}  # the city's own priorities, shared by its tables
    sid = sequence.id
    log.add(EventKind.SEQUENCE_STARTED, 0, sequence_id=sid)
    for group in groups:
        for card_id in _choose(deck, rng, leaning):
            log.add(EventKind.CARD_PICKED, 50, sequence_id=sid, group_id=group.id, card_id=card_id)
    log.add(EventKind.RESULTS_REVEALED, 120, sequence_id=sid)
    log.add(EventKind.SEQUENCE_ENDED, 900, sequence_id=sid)
    return WorkshopSnapshot(info, groups, (), (sequence,), tuple(log.events))


def _choose(deck: StrategyDeck, rng: random.Random, leaning: dict[str, float]) -> list[str]:
    """A table's cards within the budget, keeping requires/excludes, mostly in the city's order."""
    order = sorted(deck.cards, key=lambda c: leaning[c.id] + rng.uniform(0.0, 0.45), reverse=True)
    picked: list[str] = []
    spent = 0
    for card in order:
        if spent + card.cost > deck.strategy.budget or any(r not in picked for r in card.requires):
            continue
        chosen = [deck.card(p) for p in picked]
        if violations([*chosen, card]) != violations(chosen):
            continue
        picked.append(card.id)
        spent += card.cost
    return picked


def _autodiagnostic(
    deck: QuestionDeck, day: date, levels: tuple[float, ...], *, first: bool, seed: int
) -> WorkshopSnapshot:
    rng = random.Random(seed)
    new_id = _ids(rng)
    info = _info(
        new_id,
        f"Autodiagnostic Boussole — Soissons {day.year}",
        EVOLUTION_TERRITORY,
        day,
        "Hôtel de ville de Soissons, salle des commissions",
        "Chaque chef de service évalue la maturité de la ville et de l’agglomération sur les 18 leviers "
        "de la Boussole de la résilience, faits à l’appui.",
    )
    groups = tuple(GroupInfo(new_id(), name, colour, i) for i, (name, colour) in enumerate(SERVICES))
    sequence = SequenceInfo(new_id(), 0, deck, 120, "Autodiagnostic des 18 leviers")
    log = _Timeline(rng)
    log.now = datetime(day.year, day.month, day.day, 7, 30, tzinfo=UTC)
    numeric = sorted((o for o in deck.scale if o.value is not None), key=lambda o: o.value or 0.0)
    lo, hi = deck.scale_min, deck.scale_max
    axes = deck.axis_ids()
    sid = sequence.id
    log.add(EventKind.SEQUENCE_STARTED, 0, sequence_id=sid)
    for card in deck.cards:
        log.add(EventKind.CARD_SHOWN, 60, sequence_id=sid, card_id=card.id)
        where = [axes.index(deck.axis_of(link.lever)) for link in card.informs]
        base = sum(levels[a % len(levels)] for a in where) / len(where)
        last_principle = len(axes) - 1 in where
        said: set[str] = set()
        for group in groups:
            if first and last_principle and rng.random() < 0.7:
                continue  # in 2024 most services could not say yet: low coverage, marked in the comparison
            level = min(1.0, max(0.0, rng.gauss(base, 0.15)))
            chosen = min(numeric, key=lambda o: abs((o.value or 0.0) - (lo + level * (hi - lo))))
            bucket = round(4 * ((chosen.value or 0.0) - lo) / (hi - lo))
            payload = {"option": chosen.id, "argument": _argument(rng, card.theme, bucket, said)}
            log.add(
                EventKind.CHOICE_RECORDED,
                40,
                sequence_id=sid,
                group_id=group.id,
                card_id=card.id,
                payload=payload,
            )
        log.now += timedelta(seconds=30)
    log.add(EventKind.RESULTS_REVEALED, 60, sequence_id=sid)
    log.add(EventKind.SEQUENCE_ENDED, 600, sequence_id=sid)
    return WorkshopSnapshot(info, groups, (), (sequence,), tuple(log.events))
