"""Words for what undo and redo do or did, so the facilitator sees which click is taken back (no widgets).

The phrases come from :mod:`workshop_app.services.undo_labels` (pure, tested without Qt); here they are
translated and the table and card names are looked up in the open workshop.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from workshop_app.core.events import Event
from workshop_app.services.undo_labels import compensated, describe_event
from workshop_app.ui.session import WorkshopSession


def templates() -> dict[str, str]:
    """The phrases of ``undo_labels.TEMPLATES``, translated (each written out so that lupdate finds it)."""
    return {
        "choice": QCoreApplication.translate("feedback", "réponse {of_group} à la carte {card}"),
        "withdrawn": QCoreApplication.translate(
            "feedback", "retrait de la réponse {of_group} à la carte {card}"
        ),
        "argument": QCoreApplication.translate("feedback", "argument {of_group} à la carte {card}"),
        "picked": QCoreApplication.translate("feedback", "carte {card} choisie par {group}"),
        "dropped": QCoreApplication.translate("feedback", "carte {card} retirée par {group}"),
        "note_group": QCoreApplication.translate("feedback", "note {of_group} à la carte {card}"),
        "note_card": QCoreApplication.translate("feedback", "note sur la carte {card}"),
        "note": QCoreApplication.translate("feedback", "note générale"),
        "other": QCoreApplication.translate("feedback", "dernière saisie"),
    }


def describe(session: WorkshopSession, original: Event | None) -> str:
    """« réponse de Table 2 à la carte « Et si la canicule… » » for an undoable event of the open workshop."""
    words = templates()
    if original is None:
        return words["other"]
    group = next((g.name for g in session.groups if g.id == original.group_id), None)
    seq = session.sequence(original.sequence_id) if original.sequence_id else None
    card = next((c.title for c in seq.deck.cards if c.id == original.card_id), None) if seq else None
    return describe_event(original, group, card, words)


def describe_undo(session: WorkshopSession, event: Event) -> str:
    """What an undo or redo event (just recorded) took back or brought back."""
    return describe(session, compensated(session.events, event))


def undo_text(session: WorkshopSession | None) -> str:
    """The Edit menu's « Annuler : … » (what Ctrl+Z will take back), or plain « Annuler »."""
    if session is None or (original := session.next_undo()) is None:
        return QCoreApplication.translate("feedback", "&Annuler")
    text = QCoreApplication.translate("feedback", "&Annuler : %1")
    return text.replace("%1", _escape(describe(session, original)))


def redo_text(session: WorkshopSession | None) -> str:
    """The Edit menu's « Rétablir : … » (what Ctrl+Shift+Z will bring back), or plain « Rétablir »."""
    if session is None or (original := session.next_redo()) is None:
        return QCoreApplication.translate("feedback", "&Rétablir")
    text = QCoreApplication.translate("feedback", "&Rétablir : %1")
    return text.replace("%1", _escape(describe(session, original)))


def _escape(text: str) -> str:
    """A table named « Eau & assainissement » must not turn a letter into a menu mnemonic."""
    return text.replace("&", "&&")
