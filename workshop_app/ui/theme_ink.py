"""The colours our own widgets paint with, in the normal look and in high contrast.

Qt's palette covers standard widgets; the play page, the compass and the projector also draw their own
(a white card, chart grids, the projector's ink). They take them from :func:`ink`, never from literals, and
:func:`follow_ink` restyles a widget when the facilitator switches high contrast on or off (Ctrl+Shift+H).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QWidget

from workshop_app.ui.theme import HIGH_CONTRAST_PROPERTY  # set on the application by ``theme.apply_theme``


@dataclass(frozen=True)
class Ink:
    high_contrast: bool
    background: str  # the card, the charts, the projector
    text: str
    muted: str  # secondary text (position, legends); still ≥ 4.5:1 on ``background`` and on the window
    border: str
    grid: str  # chart rings and ticks
    grid_strong: str  # the 50 and 100 rings
    label_fill: tuple[int, int, int, int]  # behind ring values on the radar
    room: str  # the room's average (radar line, bars)
    track: str  # the bars' empty track
    ok: str  # « 4/4 »: every table answered
    error: str
    info: str  # status messages
    chip_background: str  # the card's theme
    chip_text: str
    help_background: str
    help_border: str
    focus_background: str  # the focused table's row
    current_background: str  # the current card's row in the strategy table
    gauge_background: str  # strategy budget gauges
    gauge_text: str
    gauge_chunk: str


LIGHT = Ink(
    high_contrast=False, background="#FFFFFF", text="#1F2937", muted="#4A4F55", border="#C8CDD3",
    grid="#D5DAE1", grid_strong="#9AA3AE", label_fill=(255, 255, 255, 225), room="#1F1F1F", track="#EEF1F5",
    ok="#1B7F3B", error="#B00020", info="#1F3B5A", chip_background="#E8EEF6", chip_text="#1F3B5A",
    help_background="#FFF8E1", help_border="#E0A800", focus_background="#F2F6FC",
    current_background="#FFF4C2", gauge_background="#FFFFFF", gauge_text="#000000", gauge_chunk="#8FD19E",
)

HIGH_CONTRAST = Ink(
    high_contrast=True, background="#000000", text="#FFFFFF", muted="#E0E0E0", border="#FFFFFF",
    grid="#8A8A8A", grid_strong="#D0D0D0", label_fill=(0, 0, 0, 230), room="#FFFFFF", track="#3A3A3A",
    ok="#7CFC9A", error="#FF8A80", info="#FFD400", chip_background="#FFD400", chip_text="#000000",
    help_background="#1E1E1E", help_border="#FFD400", focus_background="#1E1E1E",
    current_background="#4D4000", gauge_background="#000000", gauge_text="#FFFFFF", gauge_chunk="#1B7F3B",
)


def ink() -> Ink:
    """The colours of the look now in force (the normal one until ``apply_theme`` says otherwise)."""
    app = QApplication.instance()
    return HIGH_CONTRAST if app is not None and bool(app.property(HIGH_CONTRAST_PROPERTY)) else LIGHT


def luminance(colour: str | QColor) -> float:
    """WCAG relative luminance, 0 (black) to 1 (white)."""
    c = QColor(colour)

    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def text_on(colour: str | QColor) -> str:
    """Black or white text, whichever has the higher WCAG contrast on ``colour`` (a table's chip, a checked
    answer): black on the palette's green, pink and vermilion (5–7:1), where white gave about 3:1."""
    return "#000000" if contrast(colour, "#000000") >= contrast(colour, "#FFFFFF") else "#FFFFFF"


def contrast(a: str | QColor, b: str | QColor) -> float:
    """WCAG contrast ratio, 1 (same) to 21 (black on white)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def visible_on(colour: str, current: Ink) -> str:
    """A table's colour as drawn on ``current.background``: one that would vanish (the black of the eighth
    table on a black chart) is replaced by the text colour."""
    return colour if contrast(colour, current.background) >= 1.8 else current.text


class _InkFollower(QObject):
    def __init__(self, widget: QWidget, restyle: Callable[[Ink], None]) -> None:
        super().__init__(widget)
        self._restyle = restyle
        self._ink = ink()
        restyle(self._ink)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.PaletteChange):
            current = ink()
            if current != self._ink:
                self._ink = current
                self._restyle(current)
        return False


def follow_ink(widget: QWidget, restyle: Callable[[Ink], None]) -> None:
    """Call ``restyle(ink())`` now, then again whenever the look changes (``apply_theme`` restyles all)."""
    _InkFollower(widget, restyle)
