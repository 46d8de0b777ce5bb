"""The programme's steps that are not decks — accueil, pause, bilan, or a free label — with their planned and
actual times (no Qt, no SQL).

A step lives in the event log, so the copies of a workshop on several laptops merge it as they merge answers
(the union of their events, in the log's one order):

* ``step_planned`` (payload: step id, step_kind, label, minutes, slot) creates a step or changes it: for each
  step, the latest one in the log's order wins;
* ``step_removed`` takes it out of the programme (a later ``step_planned`` of the same id brings it back);
* ``step_started`` / ``step_ended``: the step's actual times are the first start and the last end (a start
  after an end resumes the step).

``slot`` places a step among the sequences: slot *k* comes just before the sequence at position *k* (slot
equal to the number of sequences: after the last one); steps of one slot keep the order they were planned in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime

from workshop_app.core.errors import AtelierError
from workshop_app.core.events import Event, EventKind, as_utc, ordered

STEP_KINDS = ("accueil", "pause", "bilan", "autre")
MAX_LABEL = 200
MAX_MINUTES = 600
STEP_EVENTS = frozenset(
    {EventKind.STEP_PLANNED, EventKind.STEP_REMOVED, EventKind.STEP_STARTED, EventKind.STEP_ENDED}
)


@dataclass(frozen=True)
class ProgrammeStep:
    id: str
    kind: str  # one of STEP_KINDS
    label: str  # what the programme says (« Accueil café », « Pause déjeuner »…)
    planned_minutes: int | None
    slot: int
    order: int  # ORDER_STEP × (rank first planned + 1), unless moved (payload « order »): within a slot
    started_at: datetime | None = None  # UTC
    ended_at: datetime | None = None

    @property
    def actual_minutes(self) -> int | None:
        if self.started_at is None or self.ended_at is None or self.ended_at < self.started_at:
            return None
        return round((self.ended_at - self.started_at).total_seconds() / 60)

    @property
    def running(self) -> bool:
        return self.started_at is not None and self.ended_at is None


def check_step(kind: str, label: str, minutes: int | None, slot: int) -> str | None:
    """A French reason why these values can't make a step, or None."""
    if kind not in STEP_KINDS:
        return f"« {kind} » n’est pas une étape du programme ({', '.join(STEP_KINDS)})."
    if len(label) > MAX_LABEL:
        return f"Le libellé de l’étape est trop long ({MAX_LABEL} caractères au plus)."
    if minutes is not None and not 0 <= minutes <= MAX_MINUTES:
        return f"La durée prévue d’une étape va de 0 à {MAX_MINUTES} minutes."
    if slot < 0:
        return "Place de l’étape impossible dans le programme."
    return None


def planned_payload(
    step_id: str, kind: str, label: str, minutes: int | None, slot: int, order: int | None = None
) -> dict[str, object]:
    problem = check_step(kind, label, minutes, slot)
    if problem is not None:
        raise AtelierError(problem)
    payload: dict[str, object] = {"step": step_id, "step_kind": kind, "label": label.strip(), "slot": slot}
    if minutes is not None:
        payload["minutes"] = minutes
    if order is not None:  # moved within its slot, before or after another step
        payload["order"] = order
    return payload


#: the room left between two steps' orders, so a step moved between two others gets a whole number (an
#: archive's payload keys are integers) for twenty moves between the same two before they tie
ORDER_STEP = 2**20


def programme_steps(events: Iterable[Event]) -> list[ProgrammeStep]:
    """The steps as the log stands, in programme order (slot, then the order they were added)."""
    steps: dict[str, ProgrammeStep] = {}
    removed: set[str] = set()
    for event in ordered(e for e in events if e.kind in STEP_EVENTS):
        step_id = str(event.payload.get("step", ""))
        if not step_id:
            continue
        if event.kind is EventKind.STEP_PLANNED:
            fields = _planned(event, len(steps))
            if fields is None:
                continue
            previous = steps.get(step_id)
            if previous is None:
                steps[step_id] = ProgrammeStep(step_id, *fields)
            else:
                kind, label, minutes, slot, _order = fields
                moved = _moved_order(event.payload)
                order = previous.order if moved is None else moved
                steps[step_id] = replace(
                    previous, kind=kind, label=label, planned_minutes=minutes, slot=slot, order=order
                )
            removed.discard(step_id)
        elif event.kind is EventKind.STEP_REMOVED:
            removed.add(step_id)
        elif step_id in steps:
            at = as_utc(event.at)
            step = steps[step_id]
            if event.kind is EventKind.STEP_STARTED:  # the first start counts; after an end, it resumes
                steps[step_id] = replace(step, started_at=step.started_at or at, ended_at=None)
            elif event.kind is EventKind.STEP_ENDED and step.started_at is not None:
                steps[step_id] = replace(step, ended_at=at)
    kept = [s for s in steps.values() if s.id not in removed]
    return sorted(kept, key=lambda s: (s.slot, s.order))


def _moved_order(payload: Mapping[str, object]) -> int | None:
    """The « order » a move wrote (a whole number ≥ 0), or None."""
    value = payload.get("order")
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _planned(event: Event, rank: int) -> tuple[str, str, int | None, int, int] | None:
    payload = event.payload
    kind, label = str(payload.get("step_kind", "")), str(payload.get("label", ""))
    minutes, slot = payload.get("minutes"), payload.get("slot", 0)
    if not isinstance(slot, int) or (minutes is not None and not isinstance(minutes, int)):
        return None
    if check_step(kind, label, minutes, slot) is not None:
        return None  # (an archive's checks refuse it before; a damaged copy does not break the programme)
    moved = _moved_order(payload)
    return kind, label, minutes, slot, (rank + 1) * ORDER_STEP if moved is None else moved


def step_title(step: ProgrammeStep) -> str:
    """What the programme prints: the label, or the kind's own name."""
    return step.label or KIND_TITLES.get(step.kind, step.kind)


KIND_TITLES = {"accueil": "Accueil", "pause": "Pause", "bilan": "Bilan", "autre": "Étape"}
