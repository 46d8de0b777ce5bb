"""Small shared pieces of the play screens: a group's colour chip (its text colour from ``theme_ink``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from workshop_app.ui.theme_ink import text_on  # also imported from here by question_row


class ColourChip(QLabel):
    """A rounded square in the group's colour, with its number (so colour is never the only cue)."""

    def __init__(self, colour: str, text: str = "", size: int = 28, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setFixedSize(size, size)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.set_colour(colour)

    def set_colour(self, colour: str) -> None:
        self.setStyleSheet(
            f"background:{colour}; color:{text_on(colour)}; border-radius:5px; font-weight:bold;"
        )
