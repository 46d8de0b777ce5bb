"""The start page's search field over the workshop list (the stored summaries: no database read per key)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLineEdit, QWidget

from workshop_app.core.text_match import fold_text

if TYPE_CHECKING:
    from workshop_app.services.api import WorkshopSummary
    from workshop_app.ui.start.workshop_model import WorkshopListModel


def matches(summary: WorkshopSummary, text: str) -> bool:
    """Every word of ``text`` (accents and case ignored) appears in the workshop's title, territory,
    programme, decks or year."""
    year = str(summary.date.year) if summary.date is not None else ""
    haystack = fold_text(
        " ".join(
            (
                summary.title,
                summary.territory,
                summary.programme,
                year,
                *summary.deck_titles,
                *summary.deck_ids,
            )
        )
    )
    return all(word in haystack for word in fold_text(text).split())


def search_field(model: WorkshopListModel, parent: QWidget) -> QLineEdit:
    field = QLineEdit(parent)
    field.setObjectName("workshopSearch")
    field.setClearButtonEnabled(True)
    field.setPlaceholderText(parent.tr("Rechercher : titre, territoire, programme, jeu, année…"))
    field.setAccessibleName(parent.tr("Rechercher un atelier"))
    field.textChanged.connect(model.set_search)
    return field
