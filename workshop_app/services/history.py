"""The workshop's history in words, and its state at any moment (no Qt).

Every event of the log becomes a row (when, what, which table, which card, detail); rows can be filtered by
kind, table and free text. :func:`state_at` folds the log up to one event (the state *is* a fold over the
events: :func:`workshop_app.core.state.fold`), so the compass can be shown as it stood at that moment;
:func:`compass_timeline` gives the room's compass after each change, for the compte-rendu's chart of the day.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from workshop_app.core.events import Event, EventKind, as_utc
from workshop_app.core.programme import KIND_TITLES, STEP_EVENTS
from workshop_app.core.state import WorkshopState, fold

if TYPE_CHECKING:
    from workshop_app.core.deck import QuestionDeck

KIND_LABELS: dict[EventKind, str] = {
    EventKind.CARD_SHOWN: "carte affichée",
    EventKind.CHOICE_RECORDED: "réponse",
    EventKind.CHOICE_WITHDRAWN: "réponse retirée",
    EventKind.ARGUMENT_SET: "argument",
    EventKind.CARD_PICKED: "carte choisie",
    EventKind.CARD_DROPPED: "carte retirée",
    EventKind.NOTE_ADDED: "note",
    EventKind.TIMER_STARTED: "minuteur démarré",
    EventKind.TIMER_STOPPED: "minuteur arrêté",
    EventKind.SEQUENCE_STARTED: "séquence commencée",
    EventKind.SEQUENCE_ENDED: "séquence terminée",
    EventKind.RESULTS_REVEALED: "résultats dévoilés",
    EventKind.RESULTS_HIDDEN: "résultats masqués",
    EventKind.UNDO: "annulation",
    EventKind.REDO: "rétablissement",
    EventKind.STEP_PLANNED: "étape prévue",
    EventKind.STEP_REMOVED: "étape retirée",
    EventKind.STEP_STARTED: "étape commencée",
    EventKind.STEP_ENDED: "étape terminée",
}


@dataclass(frozen=True)
class HistoryRow:
    seq: int
    at: datetime  # the laptop's local time
    kind: EventKind
    what: str
    table: str
    card: str
    detail: str  # in French; for another language, ``detail_key`` and ``detail_args`` say it as data:
    # "event" (the event n° args[0] an undo/redo names), "timer_sequence", "timer_card", "step" (args: the
    # step's kind, its label), or "" when the detail is the workshop's own text (an argument, a note)
    detail_key: str = ""
    detail_args: tuple[str, ...] = ()

    def matches(self, text: str) -> bool:
        wanted = text.strip().lower()
        return not wanted or any(
            wanted in part.lower() for part in (self.what, self.table, self.card, self.detail)
        )


def history_rows(
    events: Sequence[Event],
    groups: Mapping[str, str],
    cards: Mapping[tuple[str, str], str],
    options: Mapping[tuple[str, str], str] | None = None,
) -> list[HistoryRow]:
    """One row per event, in order. ``groups``: {id: name}; ``cards``: {(sequence id, card id): title};
    ``options``: {(sequence id, option id): label} for the answers' wording."""
    labels = options or {}
    steps = _step_names(events)
    rows: list[HistoryRow] = []
    for event in sorted(events, key=lambda e: e.seq):
        card = cards.get((event.sequence_id or "", event.card_id or ""), event.card_id or "")
        key, args = _detail_data(event, steps)
        detail = (args[1] or KIND_TITLES.get(args[0], args[0])) if key == "step" else _detail(event, labels)
        rows.append(
            HistoryRow(
                seq=event.seq,
                at=as_utc(event.at).astimezone(),
                kind=event.kind,
                what=KIND_LABELS.get(event.kind, str(event.kind)),
                table=groups.get(event.group_id or "", ""),
                card=card,
                detail=detail,
                detail_key=key,
                detail_args=args,
            )
        )
    return rows


def _detail(event: Event, options: Mapping[tuple[str, str], str]) -> str:
    payload = event.payload
    if event.kind is EventKind.CHOICE_RECORDED:
        option = str(payload.get("option", ""))
        label = options.get((event.sequence_id or "", option), option)
        argument = str(payload.get("argument", "")).strip()
        return f"{label} — « {argument} »" if argument else label
    if event.kind is EventKind.ARGUMENT_SET:
        return f"« {str(payload.get('argument', '')).strip()} »"
    if event.kind is EventKind.NOTE_ADDED:
        return str(payload.get("text", ""))
    if event.kind in (EventKind.UNDO, EventKind.REDO):
        return f"événement n° {payload.get('target', '?')}"
    if event.kind in (EventKind.TIMER_STARTED, EventKind.TIMER_STOPPED):
        return "séquence" if payload.get("scope") == "sequence" else "carte"
    return ""


def _step_names(events: Sequence[Event]) -> dict[str, tuple[str, str]]:
    """Each step's (kind, label) as last planned, so a start or an end can say which step it was."""
    names: dict[str, tuple[str, str]] = {}
    for event in sorted(events, key=lambda e: e.seq):
        if event.kind is EventKind.STEP_PLANNED:
            names[str(event.payload.get("step", ""))] = (
                str(event.payload.get("step_kind", "")),
                str(event.payload.get("label", "")),
            )
    return names


def _detail_data(event: Event, steps: Mapping[str, tuple[str, str]]) -> tuple[str, tuple[str, ...]]:
    """(detail_key, detail_args) of :class:`HistoryRow`."""
    payload = event.payload
    if event.kind in (EventKind.UNDO, EventKind.REDO):
        return "event", (str(payload.get("target", "?")),)
    if event.kind in (EventKind.TIMER_STARTED, EventKind.TIMER_STOPPED):
        return ("timer_sequence" if payload.get("scope") == "sequence" else "timer_card"), ()
    if event.kind in STEP_EVENTS:
        return "step", steps.get(str(payload.get("step", "")), ("", ""))
    return "", ()


def filter_rows(
    rows: Sequence[HistoryRow], *, kinds: frozenset[EventKind] | None = None, table: str = "", text: str = ""
) -> list[HistoryRow]:
    return [
        r
        for r in rows
        if (kinds is None or r.kind in kinds) and (not table or r.table == table) and r.matches(text)
    ]


def state_at(events: Sequence[Event], seq: int) -> WorkshopState:
    """The workshop as it stood just after event ``seq`` (undo/redo recorded later do not count yet)."""
    return fold([e for e in events if e.seq <= seq])


# -- the compass through the day (the compte-rendu's evolution chart) ----------------------------------------

#: events after which a question deck's compass may have moved
_MOVES = frozenset({EventKind.CHOICE_RECORDED, EventKind.CHOICE_WITHDRAWN, EventKind.UNDO, EventKind.REDO})
#: the events that make a sequence's answers (``core.state``): the notes, cards shown and the other
#: sequences are not replayed for its compass
_ANSWERS = frozenset({EventKind.CHOICE_RECORDED, EventKind.CHOICE_WITHDRAWN, EventKind.ARGUMENT_SET})


@dataclass(frozen=True)
class CompassPoint:
    """The room's compass just after one event: the overall score (mean of the principles answered) and each
    principle's score, 0–100 (None: nothing answered yet)."""

    at: datetime  # UTC
    overall: float | None
    axes: Mapping[str, float | None]


def compass_timeline(
    deck: QuestionDeck,
    events: Sequence[Event],
    sequence_id: str,
    group_ids: Sequence[str],
    max_points: int = 80,
) -> list[CompassPoint]:
    """The room's compass for one sequence after the events that changed it, in the log's order (an answer
    later undone counts until its undo, as in the replay). The day is cut into at most ``max_points`` equal
    slices (a minute at least) and the compass is read at the last change of each: a chart needs no more, and
    a full day's 400 answers are not each scored. Consecutive identical readings are merged."""
    from workshop_app.core.events import ordered
    from workshop_app.core.scoring import QuestionScorer
    from workshop_app.core.state import UndoReplay, apply_event

    log = ordered(events)
    moves = [i for i, e in enumerate(log) if e.kind in _MOVES and e.sequence_id in (None, sequence_id)]
    if not moves:
        return []
    first, last = as_utc(log[moves[0]].at), as_utc(log[moves[-1]].at)
    slice_seconds = max(60.0, (last - first).total_seconds() / max(1, max_points))

    def slice_of(i: int) -> int:
        return int((as_utc(log[i].at) - first).total_seconds() // slice_seconds)

    read_at = {
        i
        for i, after in zip(moves, [*moves[1:], None], strict=True)
        if after is None or slice_of(after) != slice_of(i)
    }
    scorer = QuestionScorer(deck)
    axes = [a.id for a in deck.compass.axes]

    # The replay's rule (``fold``) for this sequence's answers, kept up to date event by event: the undo
    # history is followed as it grows (``UndoReplay``: what ``history`` of the log so far gives), and an
    # undo or redo folds again only the (table, card) whose answer it takes back or gives back, from that
    # answer's own events (an answer depends on its events alone; the scorer reads answers by key).
    undos = UndoReplay()
    state = WorkshopState()
    answers = state.sequence(sequence_id)  # what the scorer reads
    by_answer: dict[tuple[str, str], list[Event]] = {}  # (table, card) -> its events, in order
    answer_of: dict[str, set[tuple[str, str]]] = {}  # event key -> its (table, card) (a crafted log: more)
    points: list[CompassPoint] = []
    for i, event in enumerate(log[: moves[-1] + 1]):
        changed = undos.add(event)
        if event.kind in _ANSWERS and event.sequence_id == sequence_id:
            key = (event.group_id or "", event.card_id or "")
            by_answer.setdefault(key, []).append(event)
            answer_of.setdefault(event.key, set()).add(key)
            apply_event(state, event)
        for taken in {key for k in changed for key in answer_of.get(k, ())}:
            answers.answers.pop(taken, None)
            answers.pick_arguments.pop(taken, None)
            for earlier in by_answer[taken]:
                if earlier.key not in undos.cancelled:
                    apply_event(state, earlier)
        if i not in read_at:
            continue
        room = scorer.room_axis_scores(answers, group_ids)
        values = {a: room.get(a) for a in axes}
        known = [v for v in values.values() if v is not None]
        overall = sum(known) / len(known) if known else None
        if (points and points[-1].overall == overall and points[-1].axes == values) or (
            not points and overall is None
        ):
            continue  # nothing moved, or nothing answered yet
        points.append(CompassPoint(as_utc(event.at), overall, values))
    return points
