"""A radar drawn with QPainter on a fixed 0–100 scale: one or several series (dated compasses overlaid, or one
city in a small multiple). Light enough to draw a dozen side by side; it only paints what it is given.

A score with low coverage is drawn as a hollow point (the line still passes through it); an axis nobody
answered gets no point and breaks the line there, so nothing unanswered reads as a zero.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

#: colour-blind-safe (Okabe–Ito), dark enough on white and distinct in grayscale by their dashes
SERIES_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")
SERIES_DASHES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine, Qt.PenStyle.DashDotLine)
RINGS = (25, 50, 75, 100)
Point = Callable[[int, float], QPointF]


@dataclass(frozen=True)
class RadarSeries:
    label: str
    scores: tuple[float | None, ...]  # 0–100 per axis, None when not answered
    low: tuple[bool, ...]  # per axis: low coverage (hollow point)


class RadarWidget(QWidget):
    def __init__(self, axes: Sequence[str], compact: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.axes = list(axes)
        self.series: list[RadarSeries] = []
        self.compact = compact  # small multiples: numbered axes, no labels around
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(150, 150) if compact else QSize(260, 240))

    def set_series(self, series: Sequence[RadarSeries]) -> None:
        self.series = list(series)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(220, 220) if self.compact else QSize(480, 420)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width if self.compact else int(width * 0.85)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#FFFFFF"))
        n = len(self.axes)
        if n < 3:
            painter.end()
            return
        line = float(painter.fontMetrics().height())
        across = line * 1.6 if self.compact else self._label_room() + line * 0.6  # labels left and right
        down = line * 1.6 if self.compact else line * 2.6  # labels above and below (two lines)
        radius = max(10.0, min(self.width() / 2 - across, self.height() / 2 - down))
        centre = QPointF(self.width() / 2, self.height() / 2)

        def point(axis: int, value: float) -> QPointF:
            angle = -math.pi / 2 + 2 * math.pi * axis / n
            r = radius * max(0.0, min(100.0, value)) / 100
            return QPointF(centre.x() + r * math.cos(angle), centre.y() + r * math.sin(angle))

        grid = QPen(QColor("#C9CED4"), 1)
        painter.setPen(grid)
        for ring in RINGS:
            painter.drawPolygon(QPolygonF([point(i, ring) for i in range(n)]))
        for i in range(n):
            painter.drawLine(centre, point(i, 100))
        painter.setPen(QColor("#6B7178"))
        small = QFont(painter.font())
        small.setPointSizeF(max(6.5, small.pointSizeF() * 0.8))
        painter.setFont(small)
        below = float(painter.fontMetrics().ascent()) + 1  # inside the ring, clear of the top axis' label
        painter.drawText(point(0, 50) + QPointF(3, below), "50")
        painter.drawText(point(0, 100) + QPointF(3, below), "100")
        painter.setFont(self.font())
        self._draw_axis_labels(painter, n, point)
        for index, series in enumerate(self.series):
            self._draw_series(painter, index, series, point)
        painter.end()

    def _label_room(self) -> float:
        longest = max((self.fontMetrics().horizontalAdvance(a) for a in self.axes), default=0)
        return float(
            min(longest, self.fontMetrics().horizontalAdvance("Sobriété – Besoins"), self.width() * 0.22)
        )

    def _draw_axis_labels(self, painter: QPainter, n: int, point: Point) -> None:
        painter.setPen(QColor("#22262A"))
        metrics = painter.fontMetrics()
        room = self._label_room() + 4
        for i, axis in enumerate(self.axes):
            text = str(i + 1) if self.compact else axis
            at = point(i, 106)
            width = min(float(metrics.horizontalAdvance(text)) + 4, room) if not self.compact else 24.0
            dx = math.cos(-math.pi / 2 + 2 * math.pi * i / n)
            dy = math.sin(-math.pi / 2 + 2 * math.pi * i / n)
            height = metrics.height() * (1 if self.compact else (2.2 if abs(dx) < 0.3 else 3.4))
            left = at.x() - width / 2 if abs(dx) < 0.3 else (at.x() if dx > 0 else at.x() - width)
            top = at.y() - height / 2  # beside the ring; above or below it at the top and the bottom
            if abs(dx) < 0.3:
                top = at.y() - height if dy < 0 else at.y()
            box = QRectF(left, top, width, height)
            vertical = Qt.AlignmentFlag.AlignVCenter
            if abs(dx) < 0.3:
                vertical = Qt.AlignmentFlag.AlignBottom if dy < 0 else Qt.AlignmentFlag.AlignTop
            align = vertical | (
                Qt.AlignmentFlag.AlignHCenter
                if abs(dx) < 0.3
                else (Qt.AlignmentFlag.AlignLeft if dx > 0 else Qt.AlignmentFlag.AlignRight)
            )
            painter.drawText(box, int(align | Qt.TextFlag.TextWordWrap), text)

    def _draw_series(self, painter: QPainter, index: int, series: RadarSeries, point: Point) -> None:
        colour = QColor(SERIES_COLOURS[index % len(SERIES_COLOURS)])
        pen = QPen(colour, 2.2 if self.compact else 2.6)
        pen.setStyle(SERIES_DASHES[index % len(SERIES_DASHES)])
        n = len(self.axes)
        scores = list(series.scores) + [None] * (n - len(series.scores))
        if all(s is not None for s in scores) and len(self.series) == 1:
            fill = QColor(colour)
            fill.setAlpha(40)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(fill))
            painter.drawPolygon(QPolygonF([point(i, float(s or 0)) for i, s in enumerate(scores)]))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(pen)
        for i in range(n):  # a segment only between two answered axes
            a, b = scores[i], scores[(i + 1) % n]
            if a is not None and b is not None:
                painter.drawLine(point(i, a), point((i + 1) % n, b))
        dot = 3.5 if self.compact else 4.5
        for i, value in enumerate(scores):
            if value is None:
                continue
            low = i < len(series.low) and series.low[i]
            painter.setPen(QPen(colour, 2))
            painter.setBrush(QBrush(QColor("#FFFFFF")) if low else QBrush(colour))
            painter.drawEllipse(point(i, value), dot, dot)
