"""The radar: a polygon per table in its colour, the room's average thick and dashed, on a fixed 0–100 scale.

Every graphics item is created once (rings, spokes, ring values, label and polygon pools) and afterwards only
given a new path or position; pools grow when a deck has more axes or a workshop more tables, never shrink.
The view range is computed from the widget's size and the labels' sizes so no label is clipped.

The lines are plain ``QGraphicsPathItem``s with cosmetic pens, not pyqtgraph's ``PlotDataItem``s: Qt paints
them without calling Python, and a vote repaints the whole radar (a changed polygon spans it), so each item's
paint must be cheap: thirteen ``PlotDataItem``s cost ~3 ms a repaint in Python alone. The grid and the labels
never change during a vote: they are cached as pixmaps.

The chart is pyqtgraph's ``GraphicsView`` holding one ``ViewBox`` (the locked aspect and the 0–100 range),
not a ``PlotWidget``: a plot item brings four axes, buttons, a legend's machinery and a settings menu of
~40 widgets that the radar hides (~6 MB of RSS per chart). pyqtgraph comes from ``pg_lean`` (only the
parts drawn with are imported).
"""

from __future__ import annotations

import math
from typing import TypeVar

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTransform,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from workshop_app.ui.compass.pg_lean import GraphicsView, ViewBox, mkBrush
from workshop_app.ui.compass.radar_paths import (
    angles,
    cosmetic_pen,
    dot_pen,
    dots_path,
    outline_path,
    polygon,
)
from workshop_app.ui.compass.series import CompassSeries, Series
from workshop_app.ui.theme_ink import Ink, follow_ink, ink, visible_on

RINGS = (25, 50, 75, 100)
MAX_FILLED = 6  # beyond this many tables, outlines only: a dozen tinted polygons is mud (and slow to paint)
LABEL_RADIUS = 1.08
_PAD = 6.0  # pixels kept free at the edges
_Item = TypeVar("_Item", bound=QGraphicsItem)
LINE_WIDTH, ROOM_WIDTH = 2.2, 3.5  # pixels
DOT, ROOM_DOT = 6.0, 7.0  # marker diameters in pixels (answered points of an incomplete polygon)


class GridPath(QGraphicsPathItem):
    """A ring or the spokes: crisp (not antialiased) and cached as a pixmap, since they only change with the
    deck, the size or the colours."""

    def __init__(self) -> None:
        super().__init__()
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        super().paint(painter, option, widget)


class RadarText(QGraphicsTextItem):
    """A label at a point of the chart, in pixels whatever the scale, anchored like pyqtgraph's ``TextItem``
    (``anchor`` (0.5, 1): the point is the middle of the bottom edge), optionally on a tinted box (the ring
    values). Qt's own item, drawn once into a pixmap: pyqtgraph's ran Python at every repaint of the radar."""

    def __init__(self, text: str, anchor: tuple[float, float] = (0.0, 0.0)) -> None:
        super().__init__(text)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.fill = QBrush(Qt.BrushStyle.NoBrush)
        self.anchor = QPointF(*anchor)
        self._place()

    def set_text(self, text: str) -> None:
        if text != self.toPlainText():
            self.setPlainText(text)
            self._place()

    def set_font(self, font: QFont) -> None:
        self.setFont(font)
        self._place()

    def set_anchor(self, x: float, y: float) -> None:
        self.anchor = QPointF(x, y)
        self._place()

    def _place(self) -> None:
        box = self.boundingRect()
        dx, dy = -box.width() * self.anchor.x(), -box.height() * self.anchor.y()
        self.setTransform(QTransform.fromTranslate(dx, dy))

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if self.fill.style() != Qt.BrushStyle.NoBrush:
            painter.save()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.fill)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.drawRect(self.boundingRect())
            painter.restore()
        super().paint(painter, option, widget)  # type: ignore[arg-type]  # Qt accepts no widget


class SeriesItem:
    """One table's (or the room's) polygon and its markers: two path items painted by Qt alone."""

    def __init__(self, view: RadarView, z: float = 0.0) -> None:
        self.line = view.add(QGraphicsPathItem())
        self.dots = view.add(QGraphicsPathItem())
        self.dots.setBrush(Qt.BrushStyle.NoBrush)
        for part in (self.line, self.dots):
            part.setZValue(max(part.zValue(), z))
        self.hide()

    @property
    def visible(self) -> bool:
        return self.line.isVisible()

    def hide(self) -> None:
        self.line.hide()
        self.dots.hide()
        self.line.setPath(QPainterPath())
        self.dots.setPath(QPainterPath())

    def show_polygon(self, x: np.ndarray, y: np.ndarray, complete: bool) -> None:
        self.line.setPath(outline_path(x, y))
        self.dots.setPath(QPainterPath() if complete else dots_path(x, y))
        self.line.show()
        self.dots.setVisible(not complete)

    def set_style(self, pen: QPen, fill: QBrush | None, dot: QPen) -> None:
        self.line.setPen(pen)
        self.line.setBrush(fill if fill is not None else QBrush(Qt.BrushStyle.NoBrush))
        self.dots.setPen(dot)


class RadarView(GraphicsView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background=ink().background)
        self.paints = 0  # the viewport's paints (``paint_now``; tests)
        self.setAccessibleName(self.tr("Boussole en radar"))
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)  # the polygons; the grid turns it off
        self.enableMouse(False)
        # a vote's polygon spans the chart: repaint it whole rather than sum each item's region first
        self.setViewportUpdateMode(GraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.view_box = ViewBox(lockAspect=True, enableMouse=False, enableMenu=False)
        self.setCentralItem(self.view_box)
        self._font = QFont()
        self._ink = ink()
        self._rings = [self.add(GridPath()) for _ in RINGS]
        self._spokes = self.add(GridPath())
        self._ring_text = [self.add(RadarText(str(v), anchor=(0.5, 1.0))) for v in RINGS]
        for text in self._ring_text:
            text.setZValue(20)  # readable above the polygons
        self._labels: list[RadarText] = []
        self._curves: list[SeriesItem] = []
        self._room = SeriesItem(self, z=10)
        self._series: CompassSeries | None = None
        self._styles: dict[int, tuple[str, bool, bool]] = {}
        self._drawn: dict[int, tuple[object, ...]] = {}
        self.view_box.disableAutoRange()
        self.set_text_size(self._font.pointSizeF() if self._font.pointSizeF() > 0 else 10.0)
        follow_ink(self, self.on_ink_changed)

    def on_ink_changed(self, colours: Ink) -> None:
        """Normal look or high contrast: the background, the grid, the labels and the room's line."""
        self._ink = colours
        self.setBackground(colours.background)
        for text in self._ring_text:
            text.setDefaultTextColor(QColor(colours.muted))
            text.fill = mkBrush(colours.label_fill)
            text.update()
        self._spokes.setPen(cosmetic_pen(colours.grid, 1))
        room = cosmetic_pen(colours.room, ROOM_WIDTH, Qt.PenStyle.DashLine)
        self._room.set_style(room, None, dot_pen(colours.room, ROOM_DOT))
        if self._series is not None:
            series, self._series = self._series, None
            self._styles.clear()
            self._drawn.clear()
            self.show_series(series)  # grid, labels and every curve again, in the new colours
        else:
            self._draw_grid(0)

    def add(self, graphic: _Item) -> _Item:
        self.view_box.addItem(graphic)
        return graphic

    def paint_now(self) -> None:
        """Paint the chart now, once. Qt hands the scene's changed items to the view at a later turn (a posted
        call), which then painted the whole radar a second time after the vote's own repaint (~1.3 ms of a
        vote's CPU): deliver that call now (it paints the changed region), and repaint only when it painted
        nothing."""
        painted = self.paints
        scene = self.scene()
        if scene is not None:
            QCoreApplication.sendPostedEvents(scene, QEvent.Type.MetaCall)
        if self.paints == painted:
            self.viewport().repaint()

    def paintEvent(self, ev: QPaintEvent | None) -> None:
        self.paints += 1
        super().paintEvent(ev)

    def set_text_size(self, points: float) -> None:
        self._font.setPointSizeF(points)
        small = QFont(self._font)
        small.setPointSizeF(points * 0.8)
        for text in self._ring_text:
            text.set_font(small)
        for label in self._labels:
            label.set_font(self._font)
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
            elif curve.visible:
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
            label.setDefaultTextColor(QColor(self._ink.text))
            label.set_text(target.label)
            label.setToolTip(target.full)
            label.set_anchor((1 - c) / 2 if abs(c) > 0.05 else 0.5, (1 + s) / 2 if abs(s) > 0.05 else 0.5)
            label.setPos(LABEL_RADIUS * c, LABEL_RADIUS * s)
            label.show()

    def _draw_series(self, curve: SeriesItem, one: Series, fill: bool, room: bool = False) -> None:
        """Nothing to do when a series' values did not change (a vote moves one table and the room); the pens
        go with it only when the colour, the completeness or the fill changed."""
        drawn = (one.values, one.colour, fill)
        if self._drawn.get(id(curve)) == drawn:
            return
        self._drawn[id(curve)] = drawn
        x, y, complete = polygon(one.values)
        if not bool(np.any(np.isfinite(x))):  # nothing answered yet: draw nothing rather than NaNs
            if curve.visible:
                curve.hide()
            return
        style = (one.colour, complete, fill)
        if not room and self._styles.get(id(curve)) != style:
            self._styles[id(curve)] = style
            colour = QColor(visible_on(one.colour, self._ink))
            tint = QColor(colour)
            tint.setAlpha(38)
            filled = QBrush(tint) if complete and fill else None  # a gap would fill the wrong shape
            curve.set_style(cosmetic_pen(colour, LINE_WIDTH), filled, dot_pen(colour, DOT))
        curve.show_polygon(x, y, complete)

    def _draw_grid(self, n: int) -> None:
        theta = np.append(angles(n), angles(n)[:1])
        for ring, value in zip(self._rings, RINGS, strict=True):
            r = value / 100
            ring.setPath(outline_path(r * np.cos(theta), r * np.sin(theta)) if n else QPainterPath())
            strong = value in (50, 100)
            ring.setPen(cosmetic_pen(self._ink.grid_strong if strong else self._ink.grid, 1))
        spokes = QPainterPath()
        for angle in theta[:-1].tolist():
            spokes.moveTo(0.0, 0.0)
            spokes.lineTo(QPointF(math.cos(angle), math.sin(angle)))
        self._spokes.setPath(spokes)
        start = math.pi / 2 - math.pi / max(n, 1)  # between the first two spokes
        for text, value in zip(self._ring_text, RINGS, strict=True):
            text.setPos(value / 100 * math.cos(start), value / 100 * math.sin(start))

    def _ensure_labels(self, n: int) -> None:
        while len(self._labels) < n:
            label = self.add(RadarText(""))
            label.setDefaultTextColor(QColor(self._ink.text))
            label.set_font(self._font)
            self._labels.append(label)

    def _ensure_curves(self, n: int) -> None:
        while len(self._curves) < n:
            self._curves.append(SeriesItem(self))

    # -- fitting the labels ---------------------------------------------------------------------------------
    def resizeEvent(self, ev: QResizeEvent | None) -> None:
        super().resizeEvent(ev)
        if "_series" in self.__dict__:  # pyqtgraph resizes once inside its own __init__
            self._fit()

    def _fit(self) -> None:
        """Largest radius (pixels per unit) such that the rings and every label stay inside the view."""
        box = self.view_box.boundingRect()
        if box.width() < 10 or box.height() < 10:
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
        self.view_box.setRange(
            xRange=(-box.width() / 2 / scale, box.width() / 2 / scale),
            yRange=(-box.height() / 2 / scale, box.height() / 2 / scale),
            padding=0,
        )
