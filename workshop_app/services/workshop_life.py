"""A workshop's life (no Qt): its status follows what happens, it can be copied as a template, and its timers
stop when the app quits or the workshop leaves the laptop.

* status: « en préparation » until the first act of play (a sequence starts, an answer, a pick, a
  timer), then « en cours »; « terminé » once its compte-rendu is exported. It never goes back by itself
  (a facilitator who reopens a finished workshop to fix a typo does not make it « en cours » again).
* template: a copy with the same decks (the programme, planned minutes), tables and details, and nothing
  that happened — no answers, no participants, no debrief, no date.
* timers: :func:`running_timers` folds the log's timer events; the app records a stop for each before it
  quits and before it writes an archive, so no clock runs through a night or onto another laptop.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, cast

from workshop_app.core.events import Event, EventKind

if TYPE_CHECKING:  # core.workshop brings pydantic: not on the start screen's path (see bench_startup)
    from workshop_app.core.workshop import WorkshopInfo, WorkshopStatus

#: the first of these in a workshop's log means it is being played
PLAY_KINDS = frozenset({
    EventKind.SEQUENCE_STARTED, EventKind.CHOICE_RECORDED, EventKind.CARD_PICKED, EventKind.TIMER_STARTED,
})
EXPORTED = "pdf_exported"
TimerKey = tuple[str, str, str]  # (scope, sequence_id, card_id or "")


def status_after(current: WorkshopStatus, what: EventKind | str) -> WorkshopStatus | None:
    """The status after ``what`` (an event kind, or ``EXPORTED``), or None when it does not change."""
    from workshop_app.core.workshop import WorkshopStatus

    if what == EXPORTED:
        return WorkshopStatus.DONE if current in (WorkshopStatus.DRAFT, WorkshopStatus.RUNNING) else None
    if current is WorkshopStatus.DRAFT and what in PLAY_KINDS:
        return WorkshopStatus.RUNNING
    return None


def running_timers(events: Iterable[Event]) -> list[TimerKey]:
    """Timers the log leaves running: the one fold of the timer events (``services.timers``)."""
    from workshop_app.services.timers import running_timers as fold_running

    return fold_running(events)


def stop_running_timers(record: Any, events: Iterable[Event]) -> int:
    """Record a stop for each running timer through ``record(kind, **fields)``; returns how many."""
    stopped = 0
    for scope, sequence_id, card_id in running_timers(events):
        record(EventKind.TIMER_STOPPED, sequence_id=sequence_id, card_id=card_id or None,
               payload={"scope": scope, "reason": "closed"})
        stopped += 1
    return stopped


def template_title(title: str) -> str:
    return f"{title} (copie)"


def duplicate_workshop(service: object, workshop_id: str, title: str | None = None) -> WorkshopInfo:
    """A new workshop in preparation with the same details, tables and programme; nothing played."""
    store = cast(Any, service)
    snapshot = store.snapshot(workshop_id)
    info = snapshot.info
    copy = store.create_workshop(title or template_title(info.title))
    store.update_workshop(
        copy.id, territory=info.territory, territory_kind=info.territory_kind, place=info.place,
        facilitators=info.facilitators, context=info.context, objectives=info.objectives,
        fixed_points=info.fixed_points,
    )
    for group in sorted(snapshot.groups, key=lambda g: g.position):
        store.add_group(copy.id, group.name, group.colour)
    for sequence in sorted(snapshot.sequences, key=lambda s: s.position):
        store.add_sequence(copy.id, sequence.deck, sequence.planned_minutes, sequence.title)
    from workshop_app.core.programme import programme_steps

    for step in programme_steps(snapshot.events):  # the day's other times, as planned (not as played)
        store.plan_step(copy.id, step.kind, step.label, step.planned_minutes, step.slot)
    return cast("WorkshopInfo", store.get_workshop(copy.id))
