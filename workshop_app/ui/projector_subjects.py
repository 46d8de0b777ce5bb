"""The projector's side for decks that rate subjects (projects, services): once the results are revealed, the
comparison table (signed −2…+2 cells, never a 0–100 radar) in place of the compass, without the buttons."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from workshop_app.core.subjects import is_subject_deck, subject_matrices
from workshop_app.ui.compass.subjects_view import SubjectsView

if TYPE_CHECKING:
    from workshop_app.ui.session import WorkshopSession


def make() -> SubjectsView:
    view = SubjectsView()
    view.setObjectName("projectorSubjects")
    view.set_controls_visible(False)  # the room sees the table, not the facilitator's buttons
    view.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    view.hide()
    return view


def set_text_size(view: SubjectsView, points: float) -> None:
    """Large type for the room: the table, its headers and the legend (the app's style sets their own)."""
    font = QFont(view.font())
    font.setPointSizeF(points)
    for widget in (view, view.view, view.view.horizontalHeader(), view.view.verticalHeader(), view.legend,
                   view.key, view.title):
        widget.setFont(font)
    for header in (view.view.horizontalHeader(), view.view.verticalHeader()):  # the app's style sets theirs
        header.setStyleSheet(f"QHeaderView::section {{ font-size: {points:.0f}pt; }}")
    view.view.verticalHeader().setMaximumWidth(int(points * 18))


def refresh(view: SubjectsView, session: WorkshopSession, shown: bool) -> bool:
    """True when the current deck rates subjects (the table is shown once revealed, the compass never)."""
    deck = session.deck
    if not is_subject_deck(deck) or deck is None:
        view.hide()
        return False
    if shown:
        matrices = subject_matrices(session.sequences, session.state, [g.id for g in session.groups])
        view.set_matrix(next((m for m in matrices if m.deck.id == deck.id), None), session.sequence_id or "")
    view.setVisible(shown)
    return True
