"""A full day's workshop, the size the compte-rendu must handle at once: 12 tables × the 33 « Et si… » cards,
an argument and a note on every answer, a strategy round (« Nature en ville », 12 tables) and 20 actions.

``atelier demo --full-day`` creates it (benchmarks and anyone timing the export use it). Built like the
demo workshop (:mod:`workshop_app.store.demo`), deterministically from a seed, through ``import_snapshot``.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import replace
from datetime import timedelta

from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.core.events import Event, EventKind
from workshop_app.core.workshop import ActionItem, GroupInfo, SequenceInfo, WorkshopSnapshot
from workshop_app.services.api import WorkshopService
from workshop_app.store import demo
from workshop_app.store import demo_text as T

FULL_DAY_SEED = 3033
TABLES = 12
ACTIONS = 20
COLOURS = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#000000",
    "#7F3C8D",
    "#11A579",
    "#3969AC",
    "#E73F74",
)
NOTE_TEMPLATES = (
    "{table} : à vérifier avec le service concerné avant le conseil.",
    "{table} cite l’exercice de crise de l’an dernier.",
    "{table} : désaccord entre élus et services, à reprendre en bilan.",
    "{table} demande les chiffres du dernier plan communal de sauvegarde.",
    "{table} : point fort reconnu par toute la table.",
)


def create_full_day_workshop(service: WorkshopService, seed: int = FULL_DAY_SEED) -> str:
    qdeck = demo._find(demo.QUESTIONS_DECK, QuestionDeck)
    sdeck = demo._find(demo.STRATEGY_DECK, StrategyDeck)
    snapshot = build_full_day_snapshot(qdeck, sdeck, seed)
    service.import_snapshot(snapshot, {})
    return snapshot.info.id


def build_full_day_snapshot(qdeck: QuestionDeck, sdeck: StrategyDeck, seed: int) -> WorkshopSnapshot:
    base = demo.build_demo_snapshot(qdeck, sdeck, seed)
    rng = random.Random(seed)

    def new_id() -> str:
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))

    names = [name for name, _colour in T.GROUPS] + [f"Table {i + 1}" for i in range(len(T.GROUPS), TABLES)]
    groups = tuple(GroupInfo(new_id(), names[i], COLOURS[i % len(COLOURS)], i) for i in range(TABLES))
    seq1 = SequenceInfo(new_id(), 0, qdeck, 240, "Séquence 1 — 33 « Et si… », 12 tables")
    seq2 = SequenceInfo(new_id(), 1, sdeck, 60, "Séquence 2 — Stratégie nature en ville")
    log = demo._Timeline(rng)
    demo._play_questions(log, rng, seq1.id, qdeck, groups)
    log.now += timedelta(minutes=30)
    demo._play_strategy(log, rng, seq2.id, sdeck, groups)
    events = _with_a_note_on_every_answer(log.events, groups)
    participants = tuple(
        replace(p, id=new_id(), group_id=groups[i % TABLES].id) for i, p in enumerate(base.participants)
    )
    actions = tuple(
        ActionItem(
            new_id(),
            f"{item.action} (volet {1 + i // len(base.actions)})" if i >= len(base.actions) else item.action,
            item.owner,
            item.deadline + timedelta(days=30 * (i // len(base.actions))) if item.deadline else None,
            item.lever_id,
            i,
        )
        for i, item in ((i, base.actions[i % len(base.actions)]) for i in range(ACTIONS))
    )
    info = replace(base.info, id=new_id(), title=f"{base.info.title} — journée complète")
    # the debrief counts the day's tables, not the demo's four (a few answers are left open in a full day)
    debrief = replace(base.debrief, happened=T.happened(TABLES, every_question=False))
    return replace(
        base,
        info=info,
        groups=groups,
        participants=participants,
        sequences=(seq1, seq2),
        events=events,
        actions=actions,
        debrief=debrief,
    )


def _with_a_note_on_every_answer(events: list[Event], groups: tuple[GroupInfo, ...]) -> tuple[Event, ...]:
    """A facilitator's note after each table's last answer to each card (seq renumbered, times kept)."""
    names = {g.id: g.name for g in groups}
    last: dict[tuple[str, str], int] = {}
    for index, event in enumerate(events):
        if event.kind is EventKind.CHOICE_RECORDED and event.group_id and event.card_id:
            last[(event.group_id, event.card_id)] = index
    after = {index: key for key, index in last.items()}
    out: list[Event] = []
    renumbered: dict[int, int] = {}  # old seq -> new seq, so that an undo still takes back its own slip
    for index, event in enumerate(events):
        renumbered[event.seq] = len(out) + 1
        if event.kind is EventKind.UNDO and isinstance(event.payload.get("target"), int):
            event = replace(event, payload={**event.payload, "target": renumbered[event.payload["target"]]})
        out.append(replace(event, seq=len(out) + 1))
        key = after.get(index)
        if key is not None:
            group_id, card_id = key
            text = NOTE_TEMPLATES[len(out) % len(NOTE_TEMPLATES)].format(table=names[group_id])
            out.append(
                Event(
                    seq=len(out) + 1,
                    kind=EventKind.NOTE_ADDED,
                    sequence_id=event.sequence_id,
                    group_id=group_id,
                    card_id=card_id,
                    payload={"text": text},
                    at=event.at + timedelta(seconds=5),
                )
            )
    return tuple(out)
