"""The play page's side for decks that rate subjects (projects, services): the comparison in place of the
radar, kept up to date after each vote, adding a subject during play, and going to one from its row."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workshop_app.core.subjects import is_subject_deck, subject_matrices
from workshop_app.ui import subject_flow

if TYPE_CHECKING:
    from workshop_app.ui.play.page import PlayPage


def active(page: PlayPage) -> bool:
    return is_subject_deck(page.session.deck)


def refresh(page: PlayPage) -> bool:
    """Redraw the comparison when the current deck rates subjects (True), else leave it to the compass."""
    deck = page.session.deck
    if not is_subject_deck(deck) or deck is None:
        return False
    session = page.session
    matrices = subject_matrices(session.sequences, session.state, [g.id for g in session.groups])
    matrix = next((m for m in matrices if m.deck.id == deck.id), None)
    page.subjects.set_matrix(matrix, session.sequence_id or "")
    page._show_reveal()
    return True


def add_from_play(page: PlayPage) -> None:
    deck = page.session.deck
    if not subject_flow.is_subject(deck) or deck is None:
        return
    from workshop_app.core.deck import QuestionDeck

    assert isinstance(deck, QuestionDeck)
    name = subject_flow.ask_subject_name(page, deck)
    if name is None:
        return
    seq = subject_flow.add_subject(page.session, deck, name)
    if seq is not None and deck.cards:
        page.session.show_card(deck.cards[0].id, seq.id)


def choose(page: PlayPage, sequence_id: str) -> None:
    if sequence_id == page.session.sequence_id:
        return
    page._commit_edits()
    page.session.select_sequence(sequence_id)
    page.session.mark_shown(start=True)
