"""The workshop's history in words, and its state at any moment (no Qt).

Every event of the log becomes a row (when, what, which table, which card, detail); rows can be filtered by
kind, table and free text. :func:`state_at` folds the log up to one event (the state *is* a fold over the
events: :func:`workshop_app.core.state.fold`), so the compass can be shown as it stood at that moment.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from workshop_app.core.events import Event, EventKind, as_utc
from workshop_app.core.state import WorkshopState, fold

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
}


@dataclass(frozen=True)
class HistoryRow:
    seq: int
    at: datetime  # the laptop's local time
    kind: EventKind
    what: str
    table: str
    card: str
    detail: str

    def matches(self, text: str) -> bool:
        wanted = text.strip().lower()
        return not wanted or any(wanted in part.lower() for part in (self.what, self.table, self.card,
                                                                      self.detail))


def history_rows(
    events: Sequence[Event],
    groups: Mapping[str, str],
    cards: Mapping[tuple[str, str], str],
    options: Mapping[tuple[str, str], str] | None = None,
) -> list[HistoryRow]:
    """One row per event, in order. ``groups``: {id: name}; ``cards``: {(sequence id, card id): title};
    ``options``: {(sequence id, option id): label} for the answers' wording."""
    labels = options or {}
    rows: list[HistoryRow] = []
    for event in sorted(events, key=lambda e: e.seq):
        card = cards.get((event.sequence_id or "", event.card_id or ""), event.card_id or "")
        rows.append(HistoryRow(
            seq=event.seq,
            at=as_utc(event.at).astimezone(),
            kind=event.kind,
            what=KIND_LABELS.get(event.kind, str(event.kind)),
            table=groups.get(event.group_id or "", ""),
            card=card,
            detail=_detail(event, labels),
        ))
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


def filter_rows(
    rows: Sequence[HistoryRow], *, kinds: frozenset[EventKind] | None = None, table: str = "", text: str = ""
) -> list[HistoryRow]:
    return [
        r for r in rows
        if (kinds is None or r.kind in kinds) and (not table or r.table == table) and r.matches(text)
    ]


def state_at(events: Sequence[Event], seq: int) -> WorkshopState:
    """The workshop as it stood just after event ``seq`` (undo/redo recorded later do not count yet)."""
    return fold([e for e in events if e.seq <= seq])
