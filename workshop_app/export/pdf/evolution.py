"""« La boussole au fil de la séance »: the room's overall score (and each principle's, when they are few)
through the day, as a step chart that reads in grayscale: the overall score a thick solid line, each principle
a thin grey line with its own dash pattern, named in a legend under the chart.

The points come from the event log (:func:`workshop_app.services.history.compass_timeline`, the replay's own
fold); with too few of them, or all within a few minutes, there is no chart and nothing is said. The chart
shows the session's own span, its sittings put end to end when they are days apart; answers given before it
or changed after it are said in the caption, with the final score (:mod:`.evolution_time`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from reportlab.graphics.shapes import Drawing, Line, PolyLine, String
from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether

from workshop_app.core.deck import QuestionDeck
from workshop_app.core.workshop import SequenceInfo
from workshop_app.export.french import format_time, local, plural
from workshop_app.export.pdf.charts import DASHES, wrap
from workshop_app.export.pdf.evolution_time import (
    Outside,
    axis_ticks,
    changes,
    day_month,
    days_phrase,
    outside,
    pieces,
    session_span,
    widths,
)
from workshop_app.export.pdf.fastcharts import ChartDrawing
from workshop_app.export.pdf.fonts import BOLD, REGULAR
from workshop_app.export.pdf.sections.common import Context, _h3, _p, with_title
from workshop_app.export.pdf.styles import FRAME_WIDTH, INK, MUTED, RULE
from workshop_app.export.pdf.unchecked import unchecked
from workshop_app.services.history import CompassPoint, compass_timeline

MIN_POINTS = 3  # fewer changes than this: no line worth reading
MIN_SPAN = timedelta(minutes=5)
MAX_PRINCIPLES = 6  # beyond this, the principles' lines would tangle: the overall score alone
PRINCIPLE_GREY = colors.HexColor("#6B747A")
# one per principle (six in the Boussole), all distinct: a grayscale print still tells them apart
PRINCIPLE_DASHES: tuple[tuple[float, ...], ...] = (*(tuple(d) for d in DASHES if d), (0.8, 1.2, 0.8, 4.0))
READINGS = 80  # points read on the session's span (the timeline's own default over its whole log)

_LEFT, _RIGHT, _BOTTOM, _TOP = 26.0, 30.0, 18.0, 8.0
_PLOT_HEIGHT = 4.6 * cm
_TICK_FONT = 7.0
_BREAK = 10.0  # points between two stretches of time put end to end


def _label_width(text: str) -> float:
    return float(stringWidth(text, REGULAR, _TICK_FONT))


def worth_drawing(points: Sequence[CompassPoint]) -> bool:
    known = [p for p in points if p.overall is not None]
    return len(known) >= MIN_POINTS and known[-1].at - known[0].at >= MIN_SPAN


@unchecked
def chart(
    points: Sequence[CompassPoint],
    principles: Sequence[tuple[str, str]],
    width: float,
    parts: Sequence[tuple[datetime, datetime]] = (),
) -> Drawing:
    """The step chart; ``principles``: (axis id, label) drawn as grey lines (none: the overall score only);
    ``parts``: the stretches of time put end to end (none: from the first point to the last)."""
    known = [p for p in points if p.overall is not None]
    parts = list(parts) or [(known[0].at, known[-1].at)]
    legend_lines = _legend_rows(principles, width)
    legend_height = 11.0 * len(legend_lines) + 6
    height = _BOTTOM + _PLOT_HEIGHT + _TOP + legend_height
    drawing = ChartDrawing(width, height)  # rendered by fastcharts
    drawing.initialFontName = REGULAR
    drawing.initialFontSize = 8
    left, right = _LEFT, width - _RIGHT
    bottom, top = legend_height + _BOTTOM, legend_height + _BOTTOM + _PLOT_HEIGHT

    sizes = widths(parts, right - left, _BREAK)
    origins = [left + sum(sizes[:i]) + _BREAK * i for i in range(len(parts))]

    def x(moment: datetime) -> float:
        for (start, end), origin, size in zip(parts, origins, sizes, strict=True):
            if moment <= end:
                if moment < start:  # in a pause: its middle
                    return origin - _BREAK / 2
                total = (end - start).total_seconds()
                return origin + (size * (moment - start).total_seconds() / total if total > 0 else 0.0)
        return right

    def y(value: float) -> float:
        return bottom + (top - bottom) * value / 100.0

    for value in (0, 25, 50, 75, 100):
        grid = 0.4 if value else 0.8
        drawing.add(Line(left, y(value), right, y(value), strokeColor=RULE, strokeWidth=grid))
        drawing.add(
            String(
                left - 4,
                y(value) - 2.8,
                str(value),
                fontName=REGULAR,
                fontSize=7,
                fillColor=MUTED,
                textAnchor="end",
            )
        )
    for origin in origins[1:]:  # a pause left out: « // » across the time axis
        for dx in (-_BREAK / 2 - 1.5, -_BREAK / 2 + 1.5):
            drawing.add(
                Line(
                    origin + dx - 1.5,
                    bottom - 3,
                    origin + dx + 1.5,
                    bottom + 3,
                    strokeColor=MUTED,
                    strokeWidth=0.7,
                )
            )
    for tick in axis_ticks(parts, sizes, _label_width, _BREAK):
        tx = x(tick.at)
        if left - 0.5 <= tx <= right + 0.5:
            drawing.add(Line(tx, bottom, tx, bottom - 3, strokeColor=MUTED, strokeWidth=0.5))
            drawing.add(
                String(
                    tx,
                    bottom - 12,
                    tick.label,
                    fontName=REGULAR,
                    fontSize=_TICK_FONT,
                    fillColor=MUTED,
                    textAnchor="middle",
                )
            )
    for i, (axis_id, _label) in enumerate(principles):
        steps = _steps(points, _axis_value(axis_id), x, y, right)
        if len(steps) >= 4:
            drawing.add(
                PolyLine(
                    steps,
                    strokeColor=PRINCIPLE_GREY,
                    strokeWidth=0.9,
                    strokeDashArray=_dash(i),
                    strokeLineJoin=0,
                )
            )
    overall = _steps(points, lambda p: p.overall, x, y, right)
    drawing.add(PolyLine(overall, strokeColor=INK, strokeWidth=2.2, strokeLineJoin=1))
    last = known[-1].overall or 0.0
    drawing.add(String(right + 4, y(last) - 3, f"{round(last)}", fontName=BOLD, fontSize=8, fillColor=INK))
    _legend(drawing, legend_lines, legend_height)
    return drawing


def _axis_value(axis_id: str) -> Callable[[CompassPoint], float | None]:
    return lambda point: point.axes.get(axis_id)


def _dash(index: int) -> list[float]:
    return list(PRINCIPLE_DASHES[index % len(PRINCIPLE_DASHES)])


def _steps(
    points: Sequence[CompassPoint],
    value: Callable[[CompassPoint], float | None],
    x: Callable[[datetime], float],
    y: Callable[[float], float],
    right: float,
) -> list[float]:
    """A step line: a score holds until the next change (honest: nothing moved in between)."""
    coords: list[float] = []
    previous: float | None = None
    for point in points:
        current = value(point)
        if current is None:
            continue
        px = x(point.at)
        if previous is not None:
            coords += [px, y(previous)]
        coords += [px, y(current)]
        previous = current
    if previous is not None and coords:
        coords += [right, y(previous)]
    return coords


def _legend_rows(principles: Sequence[tuple[str, str]], width: float) -> list[list[tuple[int, str]]]:
    """Two entries a row: (-1 for the overall score, else the principle's index, its label)."""
    entries = [(-1, "Ensemble : moyenne des principes")] + [
        (i, label) for i, (_a, label) in enumerate(principles)
    ]
    column = (width - _LEFT) / 2 - 30
    short = [(i, wrap(text, REGULAR, 7.5, column, max_lines=1)[0]) for i, text in entries]
    return [short[i : i + 2] for i in range(0, len(short), 2)]


def _legend(drawing: Drawing, rows: list[list[tuple[int, str]]], height: float) -> None:
    column = (drawing.width - _LEFT) / 2
    for r, row in enumerate(rows):
        ly = height - 8 - 11.0 * r
        for c, (index, text) in enumerate(row):
            lx = _LEFT + c * column
            if index < 0:
                drawing.add(Line(lx, ly + 2.5, lx + 22, ly + 2.5, strokeColor=INK, strokeWidth=2.2))
            else:
                drawing.add(
                    Line(
                        lx,
                        ly + 2.5,
                        lx + 22,
                        ly + 2.5,
                        strokeColor=PRINCIPLE_GREY,
                        strokeWidth=0.9,
                        strokeDashArray=_dash(index),
                    )
                )
            drawing.add(String(lx + 27, ly, text, fontName=REGULAR, fontSize=7.5, fillColor=INK))


def in_span(points: Sequence[CompassPoint], span: tuple[datetime, datetime]) -> list[CompassPoint]:
    """The points to draw: those within ``span``, after the score the session started from (the last point
    before it, moved to its start)."""
    earlier = [p for p in points if p.at < span[0]]
    within = [p for p in points if span[0] <= p.at <= span[1]]
    return ([replace(earlier[-1], at=span[0])] if earlier else []) + within


def _span_words(start: datetime, end: datetime) -> str:
    """« de 9 h 00 à 12 h 30 »; over several days « du 14 mars, 9 h 00, au 15 mars, 12 h 30 »."""
    if local(start).date() == local(end).date():
        return f"de {format_time(start)} à {format_time(end)}"
    return f"du {day_month(start)}, {format_time(start)}, au {day_month(end)}, {format_time(end)}"


def _score(point: CompassPoint | None) -> int:
    return round(point.overall or 0) if point is not None else 0


def _answers(count: int) -> str:
    return plural(count, "réponse")


def caption(
    shown: Sequence[CompassPoint],
    final: CompassPoint,
    before: Outside | None,
    after: Outside | None,
    principles: bool = False,
    stretches: int = 1,
) -> str:
    """What the chart shows, in words; what it leaves off (answers given before or changed after the
    session) said plainly, with the final score."""
    known = [p for p in shown if p.overall is not None]
    first, last = known[0], known[-1]
    year = local(last.at).year  # the session's: a day of another year is said with its year
    text = (
        f"Score d’ensemble de la salle, de 0 à 100, {_span_words(first.at, last.at)} : il bouge à chaque "
        "réponse enregistrée. En début de séance il repose sur peu de réponses ; "
    )
    if after is None:
        text += f"seul le dernier point ({_score(last)} sur 100) vaut pour l’ensemble des cartes jouées."
    else:
        text += f"le dernier point ({_score(last)} sur 100) est le score à la fin de la séance."
    if principles:
        text += " Traits fins : chaque principe."
    if stretches > 1:
        text += f" Les {stretches} temps de la séance sont mis bout à bout (//), sans les heures de pause."
    if before is not None:
        was = "avait été donnée" if before.answers == 1 else "avaient été données"
        text += (
            f" Avant la séance, {_answers(before.answers)} {was} {days_phrase(before.days, year)} : "
            "la courbe part du score qu’elles donnaient."
        )
    if after is not None:
        changed = "a été ajoutée ou corrigée" if after.answers == 1 else "ont été ajoutées ou corrigées"
        moved = (
            f"le score d’ensemble est passé de {_score(last)} à {_score(final)} sur 100"
            if _score(final) != _score(last)
            else f"le score d’ensemble est resté à {_score(final)} sur 100"
        )
        text += (
            f" Après la séance, {_answers(after.answers)} {changed} {days_phrase(after.days, year)} : "
            f"{moved}. Les scores de ce document tiennent compte de ces changements."
        )
    return text + " Autoévaluation des tables, pas une note du territoire."


def evolution(ctx: Context, sequence: SequenceInfo, deck: QuestionDeck) -> list[Flowable]:
    """The chart of the session for one question sequence, with its title and a caption; [] when too thin."""
    group_ids = [g.id for g in ctx.groups]
    changed = changes(ctx.snapshot.events, sequence.id)
    span = session_span([moment for moment, _answer in changed])
    if not group_ids or span is None:
        return []
    parts = pieces([moment for moment, _answer in changed], span)
    drawn = sum((end - start for start, end in parts), timedelta()) or timedelta(minutes=1)
    whole = changed[-1][0] - changed[0][0]  # READINGS on the time drawn, however long the log
    readings = math.ceil(READINGS * max(1.0, whole / drawn))
    points = compass_timeline(deck, ctx.snapshot.events, sequence.id, group_ids, max_points=readings)
    shown = in_span(points, span)
    if not worth_drawing(shown):
        return []
    axes = deck.compass.axes
    principles = [(a.id, a.display) for a in axes] if len(axes) <= MAX_PRINCIPLES else []
    drawing = chart(shown, principles, FRAME_WIDTH, parts)
    before, after = outside(changed, span)
    text = caption(shown, points[-1], before, after, bool(principles), len(parts))
    block = KeepTogether([drawing, _p(text, ctx.st.caption)])
    return with_title(_h3("La boussole au fil de la séance"), [block])
