"""Words for what undo and redo did, so the facilitator sees which click was taken back (no Qt widgets)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from workshop_app.core.events import Event, EventKind
from workshop_app.ui.session import WorkshopSession

_WHAT = {
    EventKind.CHOICE_RECORDED: "réponse",
    EventKind.CHOICE_WITHDRAWN: "retrait d'une réponse",
    EventKind.ARGUMENT_SET: "argument",
    EventKind.CARD_PICKED: "carte choisie",
    EventKind.CARD_DROPPED: "carte retirée",
    EventKind.NOTE_ADDED: "note",
    EventKind.RESULTS_REVEALED: "résultats dévoilés",
    EventKind.RESULTS_HIDDEN: "résultats masqués",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("feedback", text)


def describe_undo(session: WorkshopSession, event: Event) -> str:
    """« réponse de Table 2 — Et si la canicule… » for an undo or redo event."""
    by_key = {e.key: e for e in session.events}
    original = by_key.get(event.target or "")
    if original is not None and original.kind is EventKind.UNDO:  # a redo names the undo it cancels
        original = by_key.get(original.target or "")
    if original is None:
        return _tr("dernière saisie")
    parts = [_tr(_WHAT.get(original.kind, str(original.kind)))]
    group = next((g for g in session.groups if g.id == original.group_id), None)
    if group is not None:
        parts.append(_tr("de {0}").format(group.name))
    seq = session.sequence(original.sequence_id) if original.sequence_id else None
    card = next((c for c in seq.deck.cards if c.id == original.card_id), None) if seq else None
    text = " ".join(parts)
    return f"{text} — {card.title}" if card is not None else text
