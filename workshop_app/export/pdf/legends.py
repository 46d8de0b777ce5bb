"""Chart legends: each series drawn with its own line style and marker (so that a grayscale print still
tells the tables apart), and the simple colour legend."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, PolyLine, String
from reportlab.pdfbase.pdfmetrics import stringWidth

from workshop_app.export.pdf.charts import Series, _colour, _drawing, _marker
from workshop_app.export.pdf.escaping import clean
from workshop_app.export.pdf.fonts import REGULAR
from workshop_app.export.pdf.styles import INK
from workshop_app.export.pdf.unchecked import unchecked


def legend_items(series: Sequence[Series]) -> list[tuple[str, str, bool]]:
    return [(s.name, s.colour, bool(s.dash or s.dashed)) for s in series]


@unchecked
def series_legend(series: Sequence[Series], *, width: float, font_size: float = 7.5) -> Drawing:
    """A legend drawing each series with its own line style and marker (readable in grayscale)."""
    swatch, gap = 22.0, 12.0
    positions: list[tuple[float, int]] = []
    x, line = 0.0, 0
    for ser in series:
        w = swatch + 4 + stringWidth(clean(ser.name), REGULAR, font_size)
        if x > 0 and x + w > width:
            x, line = 0.0, line + 1
        positions.append((x, line))
        x += w + gap
    leading = font_size * 1.8
    drawing = _drawing(width, (line + 1) * leading)
    for ser, (x, ln) in zip(series, positions, strict=True):
        y = (line + 1) * leading - (ln + 0.5) * leading
        colour = _colour(ser.colour)
        dash = list(ser.dash) if ser.dash else [3, 2] if ser.dashed else None
        drawing.add(PolyLine([x, y, x + swatch, y], strokeColor=colour, strokeWidth=max(1.2, ser.width),
                             strokeDashArray=dash))
        _marker(drawing, ser.marker, x + swatch / 2, y, 2.2, colour)
        drawing.add(String(x + swatch + 4, y - font_size * 0.35, clean(ser.name), fontName=REGULAR,
                           fontSize=font_size, fillColor=INK))
    return drawing


@unchecked
def legend(items: Sequence[tuple[str, str, bool]], *, width: float, font_size: float = 7.5) -> Drawing:
    """A one-or-more-line legend: (label, colour, dashed)."""
    swatch, gap = 14.0, 12.0
    positions: list[tuple[float, int]] = []
    x, line = 0.0, 0
    for label, _, _ in items:
        w = swatch + 4 + stringWidth(clean(label), REGULAR, font_size)
        if x > 0 and x + w > width:
            x, line = 0.0, line + 1
        positions.append((x, line))
        x += w + gap
    leading = font_size * 1.7
    height = (line + 1) * leading
    drawing = _drawing(width, height)
    for (label, colour, dashed), (x, ln) in zip(items, positions, strict=True):
        y = height - (ln + 0.5) * leading
        drawing.add(
            PolyLine(
                [x, y, x + swatch, y],
                strokeColor=_colour(colour),
                strokeWidth=2.2,
                strokeDashArray=[3, 2] if dashed else None,
            )
        )
        drawing.add(
            String(
                x + swatch + 4,
                y - font_size * 0.35,
                clean(label),
                fontName=REGULAR,
                fontSize=font_size,
                fillColor=INK,
            )
        )
    return drawing
