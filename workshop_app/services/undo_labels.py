"""What Ctrl+Z and Ctrl+Shift+Z would take back, in words (no Qt): « réponse de Table 2 à la carte « … » ».

The Edit menu and the status line both say it, so the facilitator knows what the key does before pressing it.
The phrases are French templates; the UI passes translated ones (same keys) for the English interface.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from workshop_app.core.events import Event, EventKind

#: one phrase per undoable event kind; {group}, {of_group} (« de Table 2 », « du Canal ») and {card} are
#: filled in when the event names them
TEMPLATES: dict[str, str] = {
    "choice": "réponse {of_group} à la carte {card}",
    "withdrawn": "retrait de la réponse {of_group} à la carte {card}",
    "argument": "argument {of_group} à la carte {card}",
    "picked": "carte {card} choisie par {group}",
    "dropped": "carte {card} retirée par {group}",
    "note_group": "note {of_group} à la carte {card}",
    "note_card": "note sur la carte {card}",
    "note": "note générale",
    "other": "dernière saisie",
}
_KEYS = {
    EventKind.CHOICE_RECORDED: "choice",
    EventKind.CHOICE_WITHDRAWN: "withdrawn",
    EventKind.ARGUMENT_SET: "argument",
    EventKind.CARD_PICKED: "picked",
    EventKind.CARD_DROPPED: "dropped",
}
#: a card title longer than this is cut (with « … ») so that the menu stays readable
MAX_TITLE = 48


def quoted_title(title: str, limit: int = MAX_TITLE) -> str:
    text = re.sub(r"[ \t\r\n]+", " ", title).strip()  # no-break spaces stay (« semaines ? »)
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f"« {text} »"


def describe_event(
    event: Event,
    group_name: str | None,
    card_title: str | None,
    templates: Mapping[str, str] = TEMPLATES,
) -> str:
    """The words for one undoable event; a missing group or card falls back to a shorter phrase."""
    if event.kind is EventKind.NOTE_ADDED:
        key = "note_group" if group_name and card_title else "note_card" if card_title else "note"
    else:
        key = _KEYS.get(event.kind, "other")
        if not (group_name and card_title):
            key = "other"
    template = templates.get(key, TEMPLATES[key])
    group = group_name or ""
    return template.format(group=group, of_group=french_of(group), card=quoted_title(card_title or ""))


def french_of(name: str) -> str:
    """« de Table 2 », « du Canal » (de + le), « des Coteaux » (de + les), « de La Plaine »."""
    for article, contracted in (("Le ", "du "), ("Les ", "des "), ("le ", "du "), ("les ", "des ")):
        if name.startswith(article):
            return contracted + name[len(article):]
    return f"de {name}"


def compensated(events: Sequence[Event], compensating: Event) -> Event | None:
    """The event an ``undo`` cancels, or that a ``redo`` brings back (through the undo it cancels)."""
    original = find(events, compensating.target)
    if original is not None and original.kind is EventKind.UNDO:
        original = find(events, original.target)
    return original


def find(events: Sequence[Event], key: str | None) -> Event | None:
    """The event whose key (its id) is ``key``: what an undo or redo names (searched from the end: the target
    of Ctrl+Z is nearly always recent)."""
    if key is None:
        return None
    return next((e for e in reversed(events) if e.key == key), None)
