"""A complete, realistic demo workshop (a fictional agglomeration), built deterministically from a seed.

The workshop is assembled as a :class:`WorkshopSnapshot` with a believable timeline (a Thursday afternoon) and
inserted through ``import_snapshot``, so it works with any :class:`WorkshopService`. Ids derive from the seed:
calling it again with the same seed finds the workshop already there and adds nothing.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.core.deck_loader import AnyDeck
from workshop_app.core.errors import AtelierError
from workshop_app.core.events import Event, EventKind, utc_now
from workshop_app.core.scoring import violations
from workshop_app.core.workshop import (
    ActionItem,
    Debrief,
    GroupInfo,
    ParticipantInfo,
    SequenceInfo,
    WorkshopInfo,
    WorkshopSnapshot,
    WorkshopStatus,
)
from workshop_app.services.api import WorkshopService
from workshop_app.services.debrief import Thresholds, mark_origins, propose, validate
from workshop_app.store import demo_text as T

DEMO_SEED = 2025
QUESTIONS_DECK = "et-si-33"
STRATEGY_DECK = "nature-en-ville"
WORKSHOP_DAY = date(2025, 3, 13)
START = datetime(2025, 3, 13, 13, 30, tzinfo=UTC)  # 14 h 30 in Paris
# Maturity of each principle for the whole room, on the scale's 0–1 range (cycled when a deck has more axes).
AXIS_BASE = (0.94, 0.72, 0.32, 0.5, 0.5, 0.06)
GROUP_OFFSET = (0.06, -0.02, 0.04, -0.2)  # Le Vieux Bourg: the strictest table


def create_demo_workshop(
    service: WorkshopService,
    *,
    questions: QuestionDeck | None = None,
    strategy: StrategyDeck | None = None,
    seed: int = DEMO_SEED,
) -> str:
    """Create the demo workshop and return its id (decks: the shipped et-si-33 and nature-en-ville)."""
    qdeck = questions or _find(QUESTIONS_DECK, QuestionDeck)
    sdeck = strategy or _find(STRATEGY_DECK, StrategyDeck)
    snapshot = build_demo_snapshot(qdeck, sdeck, seed)
    service.import_snapshot(snapshot, {})
    return snapshot.info.id


def _find(deck_id: str, kind: type[AnyDeck]) -> Any:
    from workshop_app.core.catalogue import find_deck

    try:
        deck = find_deck(deck_id)
    except KeyError:
        raise AtelierError(
            f"Le jeu « {deck_id} » est introuvable : l’atelier de démonstration en a besoin."
        ) from None
    if not isinstance(deck, kind):
        raise AtelierError(f"Le jeu « {deck_id} » n’a pas la mécanique attendue pour la démonstration.")
    return deck


class _Timeline:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.now = START
        self.events: list[Event] = []

    def add(self, kind: EventKind, after: float, **fields: Any) -> Event:
        """Append an event ``after`` seconds (± 30 %) after the previous one."""
        self.now += timedelta(seconds=after * self.rng.uniform(0.7, 1.3))
        event = Event(seq=len(self.events) + 1, kind=kind, at=self.now, **fields)
        self.events.append(event)
        return event


def build_demo_snapshot(qdeck: QuestionDeck, sdeck: StrategyDeck, seed: int = DEMO_SEED) -> WorkshopSnapshot:
    rng = random.Random(seed)

    def new_id() -> str:
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))

    groups = tuple(GroupInfo(new_id(), name, colour, i) for i, (name, colour) in enumerate(T.GROUPS))
    participants = tuple(
        ParticipantInfo(new_id(), name, role, service, org, groups[g].id)
        for name, role, service, org, g in T.PARTICIPANTS
    )
    seq1 = SequenceInfo(new_id(), 0, qdeck, 100, "Séquence 1 — 33 « Et si… »")
    seq2 = SequenceInfo(new_id(), 1, sdeck, 45, "Séquence 2 — Stratégie nature en ville")
    log = _Timeline(rng)
    _play_questions(log, rng, seq1.id, qdeck, groups)
    log.now += timedelta(minutes=15)  # pause
    _play_strategy(log, rng, seq2.id, sdeck, groups)
    debrief = Debrief(
        felt=T.FELT,
        happened=T.HAPPENED,
        transfer=T.TRANSFER,
        agreement=T.AGREEMENT,
    )
    actions = tuple(
        ActionItem(
            new_id(),
            text,
            owner,
            WORKSHOP_DAY + timedelta(days=round(months * 30.5)),
            _lever(qdeck, axis_index, lever_index),
            i,
        )
        for i, (text, owner, months, axis_index, lever_index) in enumerate(T.ACTIONS)
    )
    now = utc_now()
    info = WorkshopInfo(
        id=new_id(),
        title=T.TITLE,
        territory=T.TERRITORY,
        territory_kind=T.TERRITORY_KIND,
        date=WORKSHOP_DAY,
        place=T.PLACE,
        facilitators=T.FACILITATORS,
        context=T.CONTEXT,
        objectives=T.OBJECTIVES,
        fixed_points=T.FIXED_POINTS,
        status=WorkshopStatus.DONE,
        created_at=now,
        updated_at=now,
    )
    events = tuple(log.events)
    played = WorkshopSnapshot(info, groups, participants, (seq1, seq2), events, actions, (), debrief)
    # strengths and vulnerabilities: what « Proposer d'après les résultats » gives, the three most marked,
    # kept as they are by the facilitator (« Valider les propositions »)
    found = propose(played, Thresholds(limit=3))
    proposed = replace(debrief, strengths=found.strengths, vulnerabilities=found.vulnerabilities)
    return replace(played, debrief=validate(mark_origins(proposed, found.strengths + found.vulnerabilities)))


def _play_questions(
    log: _Timeline, rng: random.Random, sid: str, deck: QuestionDeck, groups: tuple[GroupInfo, ...]
) -> None:
    numeric = sorted((o for o in deck.scale if o.value is not None), key=lambda o: o.value or 0.0)
    ids = [o.id for o in numeric]
    not_concerned = next((o for o in deck.scale if o.value is None), None)
    lo, hi = deck.scale_min, deck.scale_max
    axes = deck.axis_ids()
    notes = iter(T.NOTES)
    note_every = max(1, len(deck.cards) // len(T.NOTES))
    log.add(EventKind.SEQUENCE_STARTED, 0, sequence_id=sid)
    log.add(EventKind.TIMER_STARTED, 5, sequence_id=sid, payload={"scope": "sequence"})
    for index, card in enumerate(deck.cards):
        log.add(EventKind.CARD_SHOWN, 60, sequence_id=sid, card_id=card.id)
        links = [axes.index(deck.axis_of(link.lever)) for link in card.informs]
        base = sum(AXIS_BASE[a % len(AXIS_BASE)] for a in links) / len(links)
        said: set[str] = set()
        for g, group in enumerate(groups):
            where = {"sequence_id": sid, "group_id": group.id, "card_id": card.id}
            if not_concerned is not None and rng.random() < 0.05:
                option, argument = not_concerned.id, rng.choice(T.NOT_CONCERNED)
            else:
                level = min(1.0, max(0.0, rng.gauss(base + GROUP_OFFSET[g % len(GROUP_OFFSET)], 0.2)))
                target = lo + level * (hi - lo)
                chosen = min(numeric, key=lambda o: abs((o.value or 0.0) - target))
                option = chosen.id
                argument = _argument(
                    rng, card.theme, round(4 * ((chosen.value or 0.0) - lo) / (hi - lo)), said
                )
            if rng.random() < 0.04:  # a slip, taken back with Ctrl+Z
                slip = log.add(
                    EventKind.CHOICE_RECORDED, 20, payload={"option": numeric[-1].id, "argument": ""}, **where
                )
                log.add(EventKind.UNDO, 4, payload={"target": slip.seq}, **where)
            elif rng.random() < 0.06 and option in ids:  # the table changes its mind after debate
                first = numeric[min(len(numeric) - 1, ids.index(option) + 1)].id
                if first != option:
                    log.add(
                        EventKind.CHOICE_RECORDED,
                        25,
                        payload={"option": first, "argument": argument},
                        **where,
                    )
                    argument = f"{argument} {T.CHANGED_MIND}"
            log.add(EventKind.CHOICE_RECORDED, 30, payload={"option": option, "argument": argument}, **where)
        if index % note_every == note_every // 2:
            text = next(notes, None)
            if text is not None:
                log.add(EventKind.NOTE_ADDED, 15, sequence_id=sid, card_id=card.id, payload={"text": text})
    log.add(EventKind.RESULTS_REVEALED, 60, sequence_id=sid)
    log.add(EventKind.TIMER_STOPPED, 5, sequence_id=sid, payload={"scope": "sequence"})
    log.add(EventKind.SEQUENCE_ENDED, 600, sequence_id=sid)


def _argument(rng: random.Random, theme: str, bucket: int, said: set[str]) -> str:
    """An argument for a maturity bucket (0–4), tied to the card's theme when we have words for it; never the
    same one twice on one card."""
    themed = T.THEMED.get(theme)
    pool = list(T.ARGUMENTS[bucket])
    if themed is not None and bucket != 2 and rng.random() < 0.5:
        pool = list(themed[0] if bucket < 2 else themed[1])
    fresh = [a for a in pool if a not in said] or [a for a in T.ARGUMENTS[bucket] if a not in said] or pool
    argument = rng.choice(fresh)
    said.add(argument)
    return argument


def _play_strategy(
    log: _Timeline, rng: random.Random, sid: str, deck: StrategyDeck, groups: tuple[GroupInfo, ...]
) -> None:
    budget = deck.strategy.budget
    log.add(EventKind.SEQUENCE_STARTED, 0, sequence_id=sid)
    log.add(EventKind.TIMER_STARTED, 5, sequence_id=sid, payload={"scope": "sequence"})
    notes = iter(T.STRATEGY_NOTES)
    for g, group in enumerate(groups):
        where = {"sequence_id": sid, "group_id": group.id}
        picked = _choose(deck, rng, budget, broken=(g == 2))
        for n, card in enumerate(picked):
            log.add(EventKind.CARD_PICKED, 50, card_id=card, **where)
            if n < 2:
                argument = rng.choice(T.PICK_ARGUMENTS)
                log.add(EventKind.ARGUMENT_SET, 20, card_id=card, payload={"argument": argument}, **where)
        spare = [c for c in deck.cards if c.id not in picked]
        if g == 1 and spare:  # one table tries a card, then gives it up
            log.add(EventKind.CARD_PICKED, 40, card_id=spare[0].id, **where)
            log.add(EventKind.CARD_DROPPED, 60, card_id=spare[0].id, **where)
        text = next(notes, None) if g in (1, 3) else None
        if text is not None:
            log.add(EventKind.NOTE_ADDED, 30, sequence_id=sid, group_id=group.id, payload={"text": text})
    log.add(EventKind.RESULTS_REVEALED, 120, sequence_id=sid)
    log.add(EventKind.TIMER_STOPPED, 5, sequence_id=sid, payload={"scope": "sequence"})
    log.add(EventKind.SEQUENCE_ENDED, 900, sequence_id=sid)


def _choose(deck: StrategyDeck, rng: random.Random, budget: int, broken: bool) -> list[str]:
    """Cards a table picks within the budget, respecting requires/excludes — unless ``broken``: then one card
    is taken without the card it requires, so the minutes show the warning."""
    cards = list(deck.cards)
    rng.shuffle(cards)
    picked: list[str] = []
    avoid: set[str] = set()
    spent = 0
    needy = next((c for c in cards if c.requires and c.cost <= budget), None) if broken else None
    if needy is not None:
        picked.append(needy.id)
        avoid.update(needy.requires)
        spent += needy.cost
    for card in cards:
        if card.id in picked or card.id in avoid or spent + card.cost > budget:
            continue
        if any(r not in picked for r in card.requires):
            continue
        if violations([deck.card(p) for p in picked] + [card]) != violations([deck.card(p) for p in picked]):
            continue
        picked.append(card.id)
        spent += card.cost
    return picked


def _lever(deck: QuestionDeck, axis_index: int, lever_index: int) -> str:
    axis = deck.compass.axes[axis_index % len(deck.compass.axes)]
    if not axis.levers:
        return axis.id
    return axis.levers[lever_index % len(axis.levers)].id
