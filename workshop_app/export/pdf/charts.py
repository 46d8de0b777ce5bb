"""Vector charts drawn by reportlab itself: radars on a fixed 0–100 scale and horizontal bars per lever.

reportlab's SpiderChart scales to the data's maximum and has no rings; a radar of self-assessment must keep
the same scale from one chart to the next, so it is drawn here from shapes: rings at 25/50/75/100, spokes,
axis labels wrapped and anchored away from the chart (start on the right, end on the left, centred at the top
and bottom) so they never overlap the rings or each other.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from workshop_app.export.pdf.escaping import clean
from workshop_app.export.pdf.fastcharts import ChartDrawing
from workshop_app.export.pdf.fonts import BOLD, REGULAR
from workshop_app.export.pdf.styles import INK, MUTED, PRIMARY, RULE
from workshop_app.export.pdf.unchecked import unchecked

RINGS = (25, 50, 75, 100)


@dataclass(frozen=True)
class Series:
    name: str
    colour: str
    values: Sequence[float | None]  # one per axis, 0–100; None = not answered
    fill: bool = True
    width: float = 1.6
    dashed: bool = False
    marker: str = "circle"  # one of MARKERS: tables stay apart in grayscale
    dash: Sequence[float] | None = None  # a dash pattern (tables), None = solid
    values_printed: bool = False  # write each value beside its point (the room)


# Per table, so that a grayscale print still tells them apart: a marker shape and a line style each.
MARKERS = ("circle", "square", "triangle", "diamond", "cross", "star")
DASHES: tuple[Sequence[float] | None, ...] = (None, (4, 2), (1.2, 1.8), (6, 2, 1.5, 2), (2.5, 2.5), (8, 3))


def _marker(drawing: Drawing, kind: str, x: float, y: float, size: float, colour: colors.Color) -> None:
    """A point marker: filled circle, square, triangle or diamond, or a cross / star of lines."""
    r = size
    if kind == "square":
        drawing.add(Rect(x - r, y - r, 2 * r, 2 * r, fillColor=colour, strokeColor=None))
    elif kind == "triangle":
        drawing.add(
            Polygon(
                [x, y + 1.2 * r, x - 1.1 * r, y - 0.8 * r, x + 1.1 * r, y - 0.8 * r],
                fillColor=colour,
                strokeColor=None,
            )
        )
    elif kind == "diamond":
        drawing.add(
            Polygon(
                [x, y + 1.3 * r, x + 1.1 * r, y, x, y - 1.3 * r, x - 1.1 * r, y],
                fillColor=colour,
                strokeColor=None,
            )
        )
    elif kind in ("cross", "star"):
        drawing.add(Line(x - r, y - r, x + r, y + r, strokeColor=colour, strokeWidth=1.1))
        drawing.add(Line(x - r, y + r, x + r, y - r, strokeColor=colour, strokeWidth=1.1))
        if kind == "star":
            drawing.add(Line(x, y - 1.3 * r, x, y + 1.3 * r, strokeColor=colour, strokeWidth=1.1))
    else:
        drawing.add(Circle(x, y, r, fillColor=colour, strokeColor=None))


def _drawing(width: float, height: float) -> Drawing:
    """A drawing whose initial font is ours (reportlab would otherwise reference a non-embedded Helvetica)."""
    drawing = ChartDrawing(width, height)  # rendered by fastcharts
    drawing.initialFontName = REGULAR
    drawing.initialFontSize = 8
    return drawing


def wrap(text: str, font: str, size: float, width: float, max_lines: int = 3) -> list[str]:
    """Greedy word wrap; the last line is shortened with « … » if the text does not fit in ``max_lines``."""
    words = clean(text).split()
    lines: list[str] = []
    current = ""
    for word in words:
        while stringWidth(word, font, size) > width and len(word) > 1:  # a word wider than the box
            cut = len(word)
            while cut > 1 and stringWidth(word[:cut], font, size) > width:
                cut -= 1
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:cut])
            word = word[cut:]
        trial = f"{current} {word}".strip()
        if stringWidth(trial, font, size) <= width:
            current = trial
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and stringWidth(last + "…", font, size) > width:
            last = last[:-1]
        lines[-1] = last.rstrip() + "…"
    return lines or [""]


def _colour(hex_colour: str, alpha: float = 1.0) -> colors.Color:
    try:
        base = colors.HexColor(hex_colour)
    except (ValueError, TypeError):  # a colour typed by hand in the database: fall back, never fail
        base = colors.HexColor("#4C72B0")
    return colors.Color(base.red, base.green, base.blue, alpha=alpha)


@unchecked
def radar(
    labels: Sequence[str],
    series: Sequence[Series],
    *,
    width: float,
    height: float,
    font_size: float = 7.5,
    label_width: float = 86.0,
    max_lines: int = 3,
    ring_labels: bool = True,
    title: str = "",
    middle: bool = False,
) -> Drawing:
    """A radar with ``len(labels)`` spokes (at least 3), first spoke at the top, clockwise. ``middle``: the
    50 ring is drawn thick and labelled « 50 = sans effet » (a strategy game's chart, not the compass)."""
    n = len(labels)
    drawing = _drawing(width, height)
    if n < 3:
        raise ValueError("a radar needs at least three axes")
    leading = font_size * 1.18
    ascent, descent, gap = font_size * 0.76, font_size * 0.22, 6.0
    wrapped = [wrap(lbl, REGULAR, font_size, label_width, max_lines) for lbl in labels]
    title_h = font_size * 1.6 + 4 if title else 0.0
    angles = [math.pi / 2 - 2 * math.pi * i / n for i in range(n)]
    placements = [
        _label_box(angles[i], lines, font_size, leading, ascent, descent) for i, lines in enumerate(wrapped)
    ]
    # The largest radius for which every label box stays inside the drawing.
    half_w, half_h = width / 2, (height - title_h) / 2
    radius = min(half_w, half_h)
    for angle, box in zip(angles, placements, strict=True):
        c, s = math.cos(angle), math.sin(angle)
        left, right, bottom, top = box  # offsets of the label box from its anchor point
        if c > 1e-6:
            radius = min(radius, (half_w - right) / c - gap)
        if c < -1e-6:
            radius = min(radius, (half_w + left) / -c - gap)
        if s > 1e-6:
            radius = min(radius, (half_h - top) / s - gap)
        if s < -1e-6:
            radius = min(radius, (half_h + bottom) / -s - gap)
    radius = max(12.0, radius - 1.0)
    cx, cy = width / 2, (height - title_h) / 2

    def point(i: int, value: float) -> tuple[float, float]:
        r = radius * max(0.0, min(100.0, value)) / 100.0
        return cx + r * math.cos(angles[i]), cy + r * math.sin(angles[i])

    if title:
        drawing.add(
            String(
                width / 2,
                height - font_size * 1.3,
                clean(title),
                fontName=BOLD,
                fontSize=font_size * 1.2,
                fillColor=INK,
                textAnchor="middle",
            )
        )
    # rings and spokes
    for ring in RINGS:
        pts: list[float] = []
        for i in range(n):
            pts.extend(point(i, ring))
        emphasised = middle and ring == 50
        drawing.add(
            Polygon(
                pts,
                strokeColor=INK if emphasised else MUTED if ring == 100 else RULE,
                strokeWidth=1.2 if emphasised else 0.8 if ring == 100 else 0.5,
                strokeDashArray=[1, 1.6] if emphasised else None,  # dotted: the room's line is dashed
                fillColor=None,
            )
        )
    for i in range(n):
        x, y = point(i, 100)
        drawing.add(Line(cx, cy, x, y, strokeColor=RULE, strokeWidth=0.5))
    # series
    for ser in series:
        pts = []
        for i in range(n):
            value = ser.values[i] if i < len(ser.values) else None
            pts.extend(point(i, value if value is not None else 0.0))
        colour = _colour(ser.colour)
        drawing.add(
            Polygon(
                pts,
                strokeColor=colour,
                strokeWidth=ser.width,
                fillColor=_colour(ser.colour, 0.18) if ser.fill else None,
                strokeDashArray=list(ser.dash) if ser.dash else [3, 2] if ser.dashed else None,
            )
        )
        for i in range(n):
            value = ser.values[i] if i < len(ser.values) else None
            if value is None:
                continue
            x, y = point(i, value)
            _marker(drawing, ser.marker, x, y, max(1.3, ser.width * 0.95), colour)
            if ser.values_printed:
                c, s_ = math.cos(angles[i]), math.sin(angles[i])
                drawing.add(
                    String(
                        x + 6 * c,
                        y + 6 * s_ - 3,
                        str(round(value)),
                        fontName=BOLD,
                        fontSize=font_size - 0.5,
                        fillColor=INK,
                        textAnchor=_anchor(c),
                    )
                )
    if ring_labels:
        size = max(5.0, font_size - 1.5)
        for ring in RINGS:  # to the left of the top spoke, clear of the polygons' usual path
            x, y = point(0, ring)
            drawing.add(
                String(
                    x - 2.5,
                    y - size * 0.35,
                    str(ring),
                    fontName=REGULAR,
                    fontSize=size,
                    fillColor=MUTED,
                    textAnchor="end",
                )
            )
    if middle and ring_labels:  # (a small radar keeps the dashed ring without the words)
        x, y = point(0, 50)
        drawing.add(
            String(
                x + 3,
                y + 2,
                "50 = sans effet",
                fontName=BOLD,
                fontSize=max(5.5, font_size - 1),
                fillColor=INK,
            )
        )
    # axis labels
    for i, lines in enumerate(wrapped):
        c, s_ = math.cos(angles[i]), math.sin(angles[i])
        x = cx + (radius + gap) * c
        y = cy + (radius + gap) * s_
        anchor = _anchor(c)
        _, _, _, top = placements[i]
        first = y + top - ascent
        for j, line in enumerate(lines):
            drawing.add(
                String(
                    x,
                    first - j * leading,
                    line,
                    fontName=REGULAR,
                    fontSize=font_size,
                    fillColor=INK,
                    textAnchor=anchor,
                )
            )
    return drawing


def _anchor(c: float) -> str:
    return "middle" if abs(c) < 0.2 else ("start" if c > 0 else "end")


def _label_box(
    angle: float, lines: Sequence[str], size: float, leading: float, ascent: float, descent: float
) -> tuple[float, float, float, float]:
    """(left, right, bottom, top) of a label's box relative to its anchor point just outside the 100 ring:
    above the point at the top, below it at the bottom, vertically centred on the sides."""
    c, s = math.cos(angle), math.sin(angle)
    width = max(stringWidth(line, REGULAR, size) for line in lines)
    block = (len(lines) - 1) * leading + ascent + descent
    anchor = _anchor(c)
    if anchor == "middle":
        left, right = -width / 2, width / 2
    elif anchor == "start":
        left, right = 0.0, width
    else:
        left, right = -width, 0.0
    if s > 0.8:
        bottom, top = 0.0, block
    elif s < -0.8:
        bottom, top = -block, 0.0
    else:
        bottom, top = -block / 2, block / 2
    return left, right, bottom, top


@dataclass(frozen=True)
class BarRow:
    label: str
    colour: str
    value: float | None  # the room
    marks: Sequence[float] = ()  # each group's score, shown as ticks
    note: str = ""  # e.g. coverage, printed at the right


@unchecked
def bars(
    rows: Sequence[BarRow],
    *,
    width: float,
    label_width: float = 200.0,
    row_height: float = 16.5,
    font_size: float = 7.2,
    note_width: float = 82.0,
    note_title: str = "couverture",
) -> Drawing:
    """Horizontal bars on 0–100 with gridlines every 25, the value written « 60/100 » at the right, then a
    note (coverage, or the principle's name). ``marks`` (each group's score) are drawn as small ticks."""
    axis_h = 16.0
    header_h = 12.0
    height = row_height * len(rows) + axis_h + header_h
    drawing = _drawing(width, height)
    x0 = label_width + 6
    x1 = width - note_width
    span = x1 - x0
    top = height - header_h
    for tick in (*RINGS, 0):
        x = x0 + span * tick / 100
        drawing.add(
            Line(
                x,
                axis_h,
                x,
                top,
                strokeColor=RULE if tick else MUTED,
                strokeWidth=0.4 if tick else 0.7,
                strokeDashArray=[2, 2] if tick not in (0, 100) else None,
            )
        )
        drawing.add(
            String(
                x, axis_h - 9, f"{tick}", fontName=REGULAR, fontSize=6.3, fillColor=MUTED, textAnchor="middle"
            )
        )
    drawing.add(String(x1 + 6, height - 8, "salle", fontName=REGULAR, fontSize=6.3, fillColor=MUTED))
    drawing.add(String(x1 + 40, height - 8, note_title, fontName=REGULAR, fontSize=6.3, fillColor=MUTED))
    drawing.add(String(x0, height - 8, "score (0–100)", fontName=REGULAR, fontSize=6.3, fillColor=MUTED))
    leading = font_size * 1.15
    for k, row in enumerate(rows):
        y_mid = top - row_height * (k + 0.5)
        lines = wrap(row.label, REGULAR, font_size, label_width, 2)
        first = y_mid + (len(lines) - 1) * leading / 2 - font_size * 0.35
        for j, line in enumerate(lines):
            drawing.add(
                String(
                    label_width,
                    first - j * leading,
                    line,
                    fontName=REGULAR,
                    fontSize=font_size,
                    fillColor=INK,
                    textAnchor="end",
                )
            )
        bar_h = row_height * 0.5
        if row.value is None:
            drawing.add(
                String(
                    x0 + 4,
                    y_mid - font_size * 0.35,
                    "non renseigné",
                    fontName=REGULAR,
                    fontSize=font_size - 0.5,
                    fillColor=MUTED,
                )
            )
        else:
            w = max(0.8, span * max(0.0, min(100.0, row.value)) / 100)
            drawing.add(
                Rect(x0, y_mid - bar_h / 2, w, bar_h, fillColor=_colour(row.colour, 0.85), strokeColor=None)
            )
            drawing.add(
                String(
                    x1 + 6,
                    y_mid - font_size * 0.35,
                    f"{round(row.value)}/100",
                    fontName=BOLD,
                    fontSize=font_size,
                    fillColor=INK,
                )
            )
        for mark in row.marks:
            x = x0 + span * max(0.0, min(100.0, mark)) / 100
            drawing.add(
                Line(x, y_mid - bar_h / 2 - 2, x, y_mid + bar_h / 2 + 2, strokeColor=PRIMARY, strokeWidth=0.9)
            )
        if row.note:
            note_lines = wrap(row.note, REGULAR, font_size - 0.4, note_width - 42, 2)
            drawing.add(
                String(
                    x1 + 40,
                    y_mid - font_size * 0.35 + (len(note_lines) - 1) * leading / 2,
                    note_lines[0],
                    fontName=REGULAR,
                    fontSize=font_size - 0.4,
                    fillColor=MUTED,
                )
            )
            for j, extra in enumerate(note_lines[1:], start=1):
                drawing.add(
                    String(
                        x1 + 40,
                        y_mid - font_size * 0.35 + (len(note_lines) - 1) * leading / 2 - j * leading,
                        extra,
                        fontName=REGULAR,
                        fontSize=font_size - 0.4,
                        fillColor=MUTED,
                    )
                )
    return drawing
