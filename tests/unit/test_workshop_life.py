"""A workshop's life without Qt: status rules, running timers, and a template copy on the real store."""

from __future__ import annotations

from core_samples import Log

from workshop_app.core.events import EventKind
from workshop_app.core.workshop import WorkshopStatus
from workshop_app.services.workshop_life import (
    EXPORTED,
    duplicate_workshop,
    running_timers,
    status_after,
    stop_running_timers,
)

D, R, F = WorkshopStatus.DRAFT, WorkshopStatus.RUNNING, WorkshopStatus.DONE


def test_the_status_follows_the_workshop_and_never_goes_back() -> None:
    assert status_after(D, EventKind.CARD_SHOWN) is None  # a look at a card the day before
    assert status_after(D, EventKind.SEQUENCE_STARTED) is R
    assert status_after(D, EventKind.CHOICE_RECORDED) is R
    assert status_after(R, EventKind.CHOICE_RECORDED) is None
    assert status_after(R, EXPORTED) is F and status_after(D, EXPORTED) is F
    assert status_after(F, EventKind.CHOICE_RECORDED) is None  # fixing a typo after the end
    assert status_after(WorkshopStatus.ARCHIVED, EXPORTED) is None


def test_running_timers_and_stopping_them() -> None:
    log = Log()
    log.add(EventKind.TIMER_STARTED, None, "q01", scope="card")
    log.add(EventKind.TIMER_STARTED, None, None, scope="sequence")
    log.add(EventKind.TIMER_STARTED, None, "q02", scope="card")
    log.add(EventKind.TIMER_STOPPED, None, "q02", scope="card")
    running = running_timers(log.events)
    assert sorted(k[0] + k[2] for k in running) == ["cardq01", "sequence"]
    recorded: list[tuple[EventKind, dict[str, object]]] = []
    assert stop_running_timers(lambda kind, **fields: recorded.append((kind, fields)), log.events) == 2
    for kind, fields in recorded:
        payload = fields["payload"]
        assert isinstance(payload, dict) and payload["reason"] == "closed"
        log.add(kind, None, fields.get("card_id"), scope=payload["scope"])  # type: ignore[arg-type]
    assert running_timers(log.events) == []
    log.add(EventKind.TIMER_STARTED, None, None, scope="sequence")
    log.add(EventKind.TIMER_STOPPED, None, None)  # an old log's stop without scope stops them all
    assert running_timers(log.events) == []


def test_a_template_copies_details_tables_and_programme_not_what_happened() -> None:
    from workshop_app.core.catalogue import find_deck
    from workshop_app.store import open_store

    deck = find_deck("et-si-33")
    with open_store() as store:
        info = store.create_workshop("Atelier Soissons")
        store.update_workshop(
            info.id, territory="Soissons", place="Salle du conseil", objectives="Cinq actions")
        table = store.add_group(info.id, "Les Coteaux", "#0072B2")
        store.add_group(info.id, "Le Canal")
        seq = store.add_sequence(info.id, deck, 90, "Matin")
        store.add_participant(info.id, name="Hélène", group_id=table.id)
        store.record_choice(info.id, seq.id, table.id, deck.cards[0].id, deck.scale[2].id)
        store.add_action(info.id, "Exercer le PCS")
        lunch = store.plan_step(info.id, "pause", "Déjeuner", 60, slot=1)
        store.mark_step(info.id, lunch.id, started=True)
        copy = duplicate_workshop(store, info.id)
        snap = store.snapshot(copy.id)
    assert copy.title == "Atelier Soissons (copie)" and copy.status is WorkshopStatus.DRAFT
    assert (copy.territory, copy.place, copy.objectives, copy.date) == (
        "Soissons", "Salle du conseil", "Cinq actions", None)
    assert [g.name for g in snap.groups] == ["Les Coteaux", "Le Canal"] and snap.groups[0].colour == "#0072B2"
    assert [(s.deck.id, s.planned_minutes, s.title) for s in snap.sequences] == [("et-si-33", 90, "Matin")]
    assert snap.participants == () and snap.actions == ()
    from workshop_app.core.events import EventKind
    from workshop_app.core.programme import programme_steps

    assert [e.kind for e in snap.events] == [EventKind.STEP_PLANNED]  # the programme's pause, not played
    [step] = programme_steps(snap.events)
    assert (step.kind, step.label, step.planned_minutes, step.slot, step.started_at) == (
        "pause", "Déjeuner", 60, 1, None)
