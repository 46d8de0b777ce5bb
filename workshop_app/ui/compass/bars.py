"""The bars view: one row per principle (or lever), the room's score as a bar, each table as a coloured dot.

Painted directly (no graphics items at all): labels are laid out and elided by the font's own metrics, so
nothing clips at any size, and a redraw costs one paint.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from workshop_app.ui.compass.series import CompassSeries
from workshop_app.ui.theme_ink import Ink, follow_ink, ink, visible_on

_ROOM_BAR = {False: "#5B6775", True: "#BDBDBD"}  # the room's bar: by high contrast or not


class BarsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Boussole en barres"))
        self.setMouseTracking(True)
        self._series: CompassSeries | None = None
        self._rows: list[QRectF] = []
        follow_ink(self, lambda _colours: self.update())

    def sizeHint(self) -> QSize:
        return QSize(360, 320)

    def minimumSizeHint(self) -> QSize:
        return QSize(220, 160)

    def set_text_size(self, points: float) -> None:
        font = QFont(self.font())
        font.setPointSizeF(points)
        self.setFont(font)
        self.update()

    def show_series(self, series: CompassSeries) -> None:
        self._series = series
        self.update()

    # -- painting -------------------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        series = self._series
        colours = ink()
        text_pen = QColor(colours.text)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(colours.background))
        if series is None or not series.targets:
            return
        metrics = QFontMetricsF(self.font())
        n = len(series.targets)
        pad = 6.0
        scale_h = metrics.height() + 4
        row_h = max(metrics.height() + 4, (self.height() - 2 * pad - scale_h) / n)
        row_h = min(row_h, metrics.height() * 2.6)
        dot = max(3.5, min(7.0, row_h * 0.42 * 0.55)) + 1.5  # room for a dot at 0 or 100
        widest = max(metrics.horizontalAdvance(t.full) for t in series.targets)
        label_w = min(self.width() * 0.42, widest + 14)
        value_w = metrics.horizontalAdvance("100 %") + 6
        left = pad + label_w + dot
        # « non concerné » answers, counted per lever in their own column (they are out of the score)
        nc_w = metrics.horizontalAdvance("NC 00") + 8 if any(series.not_concerned) else 0.0
        right = self.width() - pad - value_w - nc_w - dot
        width = max(10.0, right - left)
        top = pad + scale_h
        self._draw_scale(painter, metrics, left, width, pad, QColor(colours.muted))
        self._rows = []
        for i, target in enumerate(series.targets):
            y = top + i * row_h
            row = QRectF(0, y, self.width(), row_h)
            self._rows.append(row)
            text = metrics.elidedText(target.full, Qt.TextElideMode.ElideRight, label_w - 14)
            painter.fillRect(QRectF(pad, y + row_h * 0.25, 4, row_h * 0.5), QColor(target.colour))
            painter.setPen(text_pen)
            painter.drawText(QRectF(pad + 8, y, label_w - 14, row_h), Qt.AlignmentFlag.AlignVCenter, text)
            bar_h = max(6.0, row_h * 0.42)
            bar_y = y + (row_h - bar_h) / 2
            painter.fillRect(QRectF(left, bar_y, width, bar_h), QColor(colours.track))
            value = series.room.values[i]
            if value is not None:
                room = QColor(_ROOM_BAR[colours.high_contrast])
                painter.fillRect(QRectF(left, bar_y, width * value / 100, bar_h), room)
            painter.setPen(text_pen)
            shown = f"{value:.0f} %" if value is not None else "—"
            painter.drawText(QRectF(right + dot, y, value_w, row_h),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, shown)
            nc = series.not_concerned[i] if i < len(series.not_concerned) else 0
            if nc_w and nc:
                painter.setPen(QColor(colours.muted))
                painter.drawText(QRectF(self.width() - pad - nc_w, y, nc_w, row_h),
                                 Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, f"NC {nc}")
            self._draw_dots(painter, series, i, (left, width, y + row_h / 2, bar_h), colours)
        painter.setPen(QPen(QColor(colours.grid_strong), 1, Qt.PenStyle.DotLine))
        for tick in (25, 50, 75):
            x = left + width * tick / 100
            painter.drawLine(QPointF(x, top), QPointF(x, top + n * row_h))

    def _draw_scale(
        self, painter: QPainter, metrics: QFontMetricsF, left: float, width: float, pad: float, pen: QColor
    ) -> None:
        painter.setPen(pen)
        for tick in (0, 25, 50, 75, 100):
            x = left + width * tick / 100
            w = metrics.horizontalAdvance(str(tick))
            painter.drawText(
                QPointF(min(max(x - w / 2, left - w / 2), left + width - w / 2), pad + metrics.ascent()),
                str(tick),
            )

    def _draw_dots(
        self,
        painter: QPainter,
        series: CompassSeries,
        i: int,
        place: tuple[float, float, float, float],
        colours: Ink,
    ) -> None:
        left, width, centre, bar_h = place
        radius = max(3.5, min(7.0, bar_h * 0.55))
        for group in series.groups:
            value = group.values[i]
            if value is None:
                continue
            painter.setPen(QPen(QColor(colours.background), 1.5))
            painter.setBrush(QColor(visible_on(group.colour, colours)))
            painter.drawEllipse(QPointF(left + width * value / 100, centre), radius, radius)

    # -- tooltips -------------------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent) and self._series is not None:
            for i, row in enumerate(self._rows):
                if row.contains(QPointF(event.pos())):
                    QToolTip.showText(event.globalPos(), self._tooltip(i), self)
                    return True
        return super().event(event)

    def _tooltip(self, i: int) -> str:
        assert self._series is not None
        series = self._series
        lines = [series.targets[i].full]
        nc = series.not_concerned[i] if i < len(series.not_concerned) else 0
        if nc:
            lines.append(self.tr("« non concerné » : %1 réponse(s), hors du calcul").replace("%1", str(nc)))
        for one in (series.room, *series.groups):
            value = one.values[i]
            spread = one.spreads[i] if i < len(one.spreads) else ""
            text = f"{one.name} : {value:.0f} %" if value is not None else f"{one.name} : —"
            lines.append(f"{text} (écart {spread})" if spread and value is not None else text)
        return "\n".join(lines)
