"""Small shared pieces of the play screens: a group's colour chip and readable text on a colour."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QWidget


def text_on(colour: str) -> str:
    """Black or white, whichever reads better on ``colour`` (WCAG relative luminance)."""
    c = QColor(colour)

    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    lum = 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
    return "#000000" if lum > 0.35 else "#FFFFFF"


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
