"""The play page's side for decks that rate subjects (projects, services): the comparison in place of the
radar, kept up to date after each vote, adding a subject during play, and going to one from its row."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workshop_app.core.subjects import is_subject_deck, subject_matrices
from workshop_app.ui import subject_flow

if TYPE_CHECKING:
    from collections.abc import Callable

    from workshop_app.core.workshop import ActionItem
    from workshop_app.services.api import WorkshopService
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


def add_criterion_from_play(page: PlayPage) -> None:
    """A criterion the group just chose: added to every action's deck, then shown for the current action."""
    from workshop_app.core.deck import QuestionDeck

    deck = page.session.deck
    if not isinstance(deck, QuestionDeck) or deck.cobuilt is None:
        return
    name = subject_flow.ask_criterion_name(page, deck)
    if name is None:
        return
    weight = subject_flow.ask_criterion_weight(page, name)
    session = page.session
    workshop_id, current = session.workshop_id, session.sequence_id
    key = session.change_setup(lambda s: s.add_criterion(workshop_id, deck.id, name, weight))
    if key and current:
        session.show_card(key, current)


def to_plan(page: PlayPage) -> None:
    """The top-ranked actions (``cobuilt.to_plan`` of them) not yet in the action plan become its rows; the
    facilitator completes them (owner, deadline) in the Bilan tab."""
    from workshop_app.core.criteria import ranking

    session = page.session
    matrix = page.subjects.model.matrix
    if matrix is None or matrix.deck.cobuilt is None:
        return
    planned = {" ".join(a.action.split()).casefold() for a in session.snapshot.actions}
    top = ranking(matrix)[: matrix.deck.cobuilt.to_plan]
    chosen = [r.sequence.display_title for r in top if r.score is not None]
    added: list[str] = []
    workshop_id = session.workshop_id

    def add(name: str) -> Callable[[WorkshopService], ActionItem]:
        return lambda service: service.add_action(workshop_id, name)

    for name in chosen:
        if " ".join(name.split()).casefold() in planned:
            continue
        if session.change_setup(add(name)) is not None:
            added.append(name)
    if added:
        page._say(
            page.tr("Ajouté au plan d’action (onglet Bilan, à compléter : porteur, échéance) : %1").replace(
                "%1", " ; ".join(added)
            )
        )
    elif chosen:
        page._say(page.tr("Les actions en tête du classement sont déjà au plan d’action."))
    else:
        page._say(page.tr("Aucune action n’est encore notée : rien à reprendre au plan d’action."))
