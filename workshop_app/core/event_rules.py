"""What makes an event meaningful for its workshop and deck: one rule, used by the store before it records
and by the archive reader and the merge before they import (so an archive can never carry what the app itself
would refuse to record).

Each check returns a French reason, or ``None`` when the event fits.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.core.deck_loader import AnyDeck
from workshop_app.core.events import MAX_EVENT_TEXT, Event, EventKind

# kind -> (deck type required or None, group required)
NEEDS: dict[EventKind, tuple[type | None, bool]] = {
    EventKind.CHOICE_RECORDED: (QuestionDeck, True),
    EventKind.CHOICE_WITHDRAWN: (QuestionDeck, True),
    EventKind.ARGUMENT_SET: (None, True),
    EventKind.CARD_PICKED: (StrategyDeck, True),
    EventKind.CARD_DROPPED: (StrategyDeck, True),
    EventKind.CARD_SHOWN: (None, False),
}
TEXT_KEYS = ("option", "argument", "text", "author", "scope", "step", "step_kind", "label")


Problem = tuple[str, str]  # (the field at fault, e.g. "card_id" or "payload.option"; the French reason)


def deck_problem(
    kind: EventKind,
    deck: AnyDeck | None,
    group_id: str | None,
    card_id: str | None,
    payload: Mapping[str, Any],
) -> str | None:
    """The part that depends on the deck (the sequence and group are known to belong to the workshop)."""
    problem = _deck_problem(kind, deck, group_id, card_id, payload)
    return problem[1] if problem is not None else None


def _deck_problem(
    kind: EventKind,
    deck: AnyDeck | None,
    group_id: str | None,
    card_id: str | None,
    payload: Mapping[str, Any],
) -> Problem | None:
    if card_id is not None and deck is not None and all(c.id != card_id for c in deck.cards):
        return "card_id", f"La carte « {card_id} » n’est pas dans le jeu « {deck.title} »."
    needs = NEEDS.get(kind)
    if needs is not None:
        mechanic, with_group = needs
        if deck is None or card_id is None or (with_group and group_id is None):
            return "kind", "Saisie incomplète : la séquence, la carte et le groupe sont nécessaires."
        if mechanic is not None and not isinstance(deck, mechanic):
            return "kind", f"Cette saisie ne s’applique pas au jeu « {deck.title} »."
        if kind is EventKind.CHOICE_RECORDED and isinstance(deck, QuestionDeck):
            option = str(payload.get("option", ""))
            if all(o.id != option for o in deck.scale):
                choices = ", ".join(o.id for o in deck.scale)
                return (
                    "payload.option",
                    f"Réponse « {option} » inconnue sur l’échelle du jeu (possibles : {choices}).",
                )
    return None


def payload_problem(kind: EventKind, payload: Mapping[str, Any]) -> Problem | None:
    """Texts are texts, no longer than the app allows; undo and redo name an event."""
    for key in TEXT_KEYS:
        value = payload.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            return f"payload.{key}", "texte attendu."
        if len(value) > MAX_EVENT_TEXT:
            return f"payload.{key}", f"texte trop long ({MAX_EVENT_TEXT} caractères au plus)."
    if kind in (EventKind.UNDO, EventKind.REDO):
        target = payload.get("target")
        if isinstance(target, bool) or not isinstance(target, int | str) or target == "":
            return "payload.target", "une annulation doit nommer l’événement qu’elle annule."
    return None


def event_problem(event: Event, decks: Mapping[str, AnyDeck], group_ids: Collection[str]) -> Problem | None:
    """Everything about one event of a workshop whose sequences' decks are ``decks`` (by sequence id) and
    whose tables are ``group_ids``."""
    if event.group_id is not None and event.group_id not in group_ids:
        return "group_id", f"table inconnue « {event.group_id} »."
    deck = None
    if event.sequence_id is not None:
        deck = decks.get(event.sequence_id)
        if deck is None:
            return "sequence_id", f"séquence inconnue « {event.sequence_id} »."
    return payload_problem(event.kind, event.payload) or _deck_problem(
        event.kind, deck, event.group_id, event.card_id, event.payload
    )
