"""The radar's geometry: the polygon of a series on 0–100, its sides with gaps, its markers, cosmetic pens."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainterPath, QPen

_DOT_LENGTH = 1e-6  # a marker is a round-capped stroke this long: Qt draws nothing for a zero-length one


def angles(n: int) -> np.ndarray:
    """First target at the top, then clockwise."""
    return math.pi / 2 - 2 * math.pi * np.arange(n) / max(n, 1)


def polygon(values: tuple[float | None, ...]) -> tuple[np.ndarray, np.ndarray, bool]:
    """Closed polygon points for values on 0–100; None becomes a gap. The bool says whether all were known."""
    n = len(values)
    theta = angles(n)
    r = np.array([np.nan if v is None else max(0.0, min(100.0, v)) / 100 for v in values], dtype=float)
    x, y = r * np.cos(theta), r * np.sin(theta)
    complete = n > 0 and bool(np.all(np.isfinite(r)))
    return np.append(x, x[:1]), np.append(y, y[:1]), complete


def outline_path(x: np.ndarray, y: np.ndarray) -> QPainterPath:
    """The polygon's sides between known points; an unknown point (NaN) breaks the line, as a gap."""
    path = QPainterPath()
    pen_down = False
    for px, py in zip(x.tolist(), y.tolist(), strict=True):
        if not (math.isfinite(px) and math.isfinite(py)):
            pen_down = False
        elif pen_down:
            path.lineTo(px, py)
        else:
            path.moveTo(px, py)
            pen_down = True
    return path


def dots_path(x: np.ndarray, y: np.ndarray) -> QPainterPath:
    """One marker per known point, drawn by a round-capped cosmetic pen as wide as the marker."""
    path = QPainterPath()
    for px, py in zip(x.tolist(), y.tolist(), strict=True):
        if math.isfinite(px) and math.isfinite(py):
            path.moveTo(px, py)
            path.lineTo(px + _DOT_LENGTH, py)
    return path


def cosmetic_pen(colour: QColor | str, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(QColor(colour), width, style)
    pen.setCosmetic(True)  # pixels, whatever the view's scale
    return pen


def dot_pen(colour: QColor | str, diameter: float) -> QPen:
    pen = cosmetic_pen(colour, diameter)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen
