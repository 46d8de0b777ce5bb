"""The radar: a polygon per table in its colour, the room's average thick and dashed, on a fixed 0–100 scale.

Every graphics item is created once (rings, spokes, ring values, label and polygon pools) and afterwards only
moved with ``setData`` / ``setPos``; pools grow when a deck has more axes or a workshop more tables, never
shrink. The view range is computed from the widget's size and the labels' sizes so no label is clipped.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QResizeEvent
from PySide6.QtWidgets import QGraphicsItem, QWidget

from workshop_app.ui.compass.series import CompassSeries, Series
from workshop_app.ui.theme_ink import Ink, follow_ink, ink, visible_on

RINGS = (25, 50, 75, 100)
MAX_FILLED = 6  # beyond this many tables, outlines only: a dozen tinted polygons is mud (and slow to paint)
LABEL_RADIUS = 1.08
_PAD = 6.0  # pixels kept free at the edges


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


class RadarView(pg.PlotWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background=ink().background)
        self.setAccessibleName(self.tr("Boussole en radar"))
        item = self.getPlotItem()
        assert item is not None
        self.plot_item = item
        for side in ("left", "bottom"):
            item.hideAxis(side)
        item.setMouseEnabled(x=False, y=False)
        item.hideButtons()
        item.setMenuEnabled(False)
        item.setAspectLocked(True)
        self._font = QFont()
        self._ink = ink()
        self._rings = [self._add(pg.PlotDataItem()) for _ in RINGS]
        self._spokes = self._add(pg.PlotDataItem(connect="pairs"))
        self._ring_text = [self._add(pg.TextItem(str(v), anchor=(0.5, 1.0))) for v in RINGS]
        for text in self._ring_text:
            text.setZValue(20)  # readable above the polygons
        for static in (*self._rings, self._spokes, *self._ring_text):
            static.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)  # painted once, then a pixmap
        self._labels: list[pg.TextItem] = []
        self._curves: list[pg.PlotDataItem] = []
        self._room = self._add(pg.PlotDataItem(antialias=True, symbolSize=7, symbolPen=None))
        self._room.setZValue(10)
        self._series: CompassSeries | None = None
        self._styles: dict[int, tuple[str, bool, bool]] = {}
        self._drawn: dict[int, tuple[object, ...]] = {}
        item.vb.disableAutoRange()
        self.set_text_size(self._font.pointSizeF() if self._font.pointSizeF() > 0 else 10.0)
        follow_ink(self, self.on_ink_changed)

    def on_ink_changed(self, colours: Ink) -> None:
        """Normal look or high contrast: the background, the grid, the labels and the room's line."""
        self._ink = colours
        self.setBackground(colours.background)
        for text in self._ring_text:
            text.setColor(colours.muted)
            text.fill = pg.mkBrush(colours.label_fill)
            text.update()
        self._spokes.setPen(pg.mkPen(colours.grid, width=1))
        self._room.setPen(pg.mkPen(colours.room, width=3.5, style=Qt.PenStyle.DashLine))
        self._room.setSymbolBrush(colours.room)
        if self._series is not None:
            series, self._series = self._series, None
            self._styles.clear()
            self._drawn.clear()
            self.show_series(series)  # grid, labels and every curve again, in the new colours
        else:
            self._draw_grid(0)

    def _add(self, graphic: pg.GraphicsObject) -> pg.GraphicsObject:
        self.plot_item.addItem(graphic)
        return graphic

    def set_text_size(self, points: float) -> None:
        self._font.setPointSizeF(points)
        small = QFont(self._font)
        small.setPointSizeF(points * 0.8)
        for text in self._ring_text:
            text.setFont(small)
        for label in self._labels:
            label.setFont(self._font)
        self._fit()

    # -- drawing --------------------------------------------------------------------------------------------
    def show_series(self, series: CompassSeries) -> None:
        n = len(series.targets)
        if self._series is None or len(self._series.targets) != n:
            self._draw_grid(n)
        targets_changed = self._series is None or self._series.targets != series.targets
        self._series = series
        if targets_changed:
            self._place_labels(series)
        self._ensure_curves(len(series.groups))
        fill = len(series.groups) <= MAX_FILLED
        for i, curve in enumerate(self._curves):
            if i < len(series.groups):
                self._draw_series(curve, series.groups[i], fill)
            elif curve.isVisible():
                curve.setData([], [])
                curve.hide()
                self._drawn.pop(id(curve), None)
        self._draw_series(self._room, series.room, fill=False, room=True)
        if targets_changed:
            self._fit()

    def _place_labels(self, series: CompassSeries) -> None:
        n = len(series.targets)
        self._ensure_labels(n)
        theta = angles(n)
        for i, label in enumerate(self._labels):
            if i >= n:
                label.hide()
                continue
            target = series.targets[i]
            c, s = math.cos(theta[i]), math.sin(theta[i])
            label.setText(target.label, color=self._ink.text)
            label.setToolTip(target.full)
            label.setAnchor(((1 - c) / 2 if abs(c) > 0.05 else 0.5, (1 + s) / 2 if abs(s) > 0.05 else 0.5))
            label.setPos(LABEL_RADIUS * c, LABEL_RADIUS * s)
            label.show()

    def _draw_series(self, curve: pg.PlotDataItem, one: Series, fill: bool, room: bool = False) -> None:
        """At most one ``setData`` per curve, none when its values did not change (a vote moves one table and
        the room); the style goes with it only when it changed (each style setter costs a rebuild)."""
        drawn = (one.values, one.colour, fill)
        if self._drawn.get(id(curve)) == drawn:
            return
        self._drawn[id(curve)] = drawn
        x, y, complete = polygon(one.values)
        known = bool(np.any(np.isfinite(x)))
        if not known:  # nothing answered yet: draw nothing rather than NaNs
            if curve.isVisible():
                curve.setData([], [])
                curve.hide()
            return
        style = (one.colour, complete, fill)
        kwargs: dict[str, object] = {}
        if self._styles.get(id(curve)) != style:
            self._styles[id(curve)] = style
            kwargs["symbol"] = None if complete else "o"  # lone answered points need a marker
            if not room:
                colour = QColor(visible_on(one.colour, self._ink))
                kwargs["pen"] = pg.mkPen(colour, width=2.2)
                kwargs["symbolBrush"] = QColor(colour)
                colour.setAlpha(38)
                kwargs["fillBrush"] = colour
                kwargs["fillLevel"] = "enclosed" if complete and fill else None
        curve.setData(x, y, **kwargs)
        curve.show()

    def _draw_grid(self, n: int) -> None:
        theta = np.append(angles(n), angles(n)[:1])
        for ring, value in zip(self._rings, RINGS, strict=True):
            r = value / 100
            ring.setData(r * np.cos(theta), r * np.sin(theta))
            strong = value in (50, 100)
            ring.setPen(pg.mkPen(self._ink.grid_strong if strong else self._ink.grid, width=1))
        spokes = np.zeros((2 * n, 2))
        spokes[1::2, 0] = np.cos(theta[:-1])
        spokes[1::2, 1] = np.sin(theta[:-1])
        self._spokes.setData(spokes[:, 0], spokes[:, 1])
        start = math.pi / 2 - math.pi / max(n, 1)  # between the first two spokes
        for text, value in zip(self._ring_text, RINGS, strict=True):
            text.setPos(value / 100 * math.cos(start), value / 100 * math.sin(start))

    def _ensure_labels(self, n: int) -> None:
        while len(self._labels) < n:
            label = self._add(pg.TextItem("", color=self._ink.text))
            label.setFont(self._font)
            label.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            self._labels.append(label)

    def _ensure_curves(self, n: int) -> None:
        while len(self._curves) < n:
            curve = self._add(pg.PlotDataItem(antialias=True, symbolSize=6, symbolPen=None))
            self._curves.append(curve)

    # -- fitting the labels ---------------------------------------------------------------------------------
    def resizeEvent(self, ev: QResizeEvent | None) -> None:
        super().resizeEvent(ev)
        if "_series" in self.__dict__:  # pyqtgraph resizes once inside its own __init__
            self._fit()

    def _fit(self) -> None:
        """Largest radius (pixels per unit) such that the rings and every label stay inside the view."""
        box = self.plot_item.vb.boundingRect() if self.plot_item.vb is not None else None
        if box is None or box.width() < 10 or box.height() < 10:
            return
        half_w, half_h = box.width() / 2 - _PAD, box.height() / 2 - _PAD
        scale = min(half_w, half_h)
        n = len(self._series.targets) if self._series else 0
        theta = angles(n)
        for i in range(n):
            label = self._labels[i]
            rect = label.boundingRect()
            w, h = rect.width(), rect.height()
            c, s = math.cos(theta[i]), math.sin(theta[i])
            ax, ay = label.anchor.x(), label.anchor.y()
            if c > 0.05:
                scale = min(scale, (half_w - (1 - ax) * w) / (LABEL_RADIUS * c))
            elif c < -0.05:
                scale = min(scale, (half_w - ax * w) / (LABEL_RADIUS * -c))
            if s > 0.05:
                scale = min(scale, (half_h - ay * h) / (LABEL_RADIUS * s))
            elif s < -0.05:
                scale = min(scale, (half_h - (1 - ay) * h) / (LABEL_RADIUS * -s))
        scale = max(scale, 20.0)
        self.plot_item.vb.setRange(
            xRange=(-box.width() / 2 / scale, box.width() / 2 / scale),
            yRange=(-box.height() / 2 / scale, box.height() / 2 / scale),
            padding=0,
        )
