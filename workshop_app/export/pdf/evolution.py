"""« La boussole au fil de la séance »: the room's overall score (and each principle's, when they are few)
through the day, as a step chart that reads in grayscale: the overall score a thick solid line, each principle
a thin grey line with its own dash pattern, named in a legend under the chart.

The points come from the event log (:func:`workshop_app.services.history.compass_timeline`, the replay's own
fold); with too few of them, or all within a few minutes, there is no chart and nothing is said.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from reportlab.graphics.shapes import Drawing, Line, PolyLine, String
from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether

from workshop_app.core.deck import QuestionDeck
from workshop_app.core.workshop import SequenceInfo
from workshop_app.export.french import format_time, local
from workshop_app.export.pdf.charts import DASHES, wrap
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
TICK_STEPS = (5, 10, 15, 30, 60, 120)  # minutes between two time labels
MAX_TICKS = 8
DAY_MINUTES = 24 * 60

_LEFT, _RIGHT, _BOTTOM, _TOP = 26.0, 30.0, 18.0, 8.0
_PLOT_HEIGHT = 4.6 * cm


def worth_drawing(points: Sequence[CompassPoint]) -> bool:
    known = [p for p in points if p.overall is not None]
    return len(known) >= MIN_POINTS and known[-1].at - known[0].at >= MIN_SPAN


def _tick_minutes(span: timedelta) -> int:
    """At most MAX_TICKS labels. A log over several days (a vote corrected weeks later) steps by whole hours,
    then whole days: two-hour steps over 600 days drew ~7,000 labels (unreadable, ~13 MB of the export)."""
    minutes = span.total_seconds() / 60
    step = next((step for step in TICK_STEPS if minutes / step <= MAX_TICKS), None)
    if step is not None:
        return step
    hours = -(-minutes // (MAX_TICKS * 60))
    return int(hours * 60 if hours < 24 else -(-minutes // (MAX_TICKS * DAY_MINUTES)) * DAY_MINUTES)


def _tick_label(moment: datetime, step: int) -> str:
    """« 14 h 05 »; « 13/03 » when the labels are days apart."""
    if step < DAY_MINUTES:
        return format_time(moment)
    day = local(moment)
    return f"{day.day:02d}/{day.month:02d}"


def _ticks(start: datetime, end: datetime) -> list[datetime]:
    step = _tick_minutes(end - start)
    first = local(start).replace(second=0, microsecond=0)
    first += timedelta(minutes=(-first.minute) % step)
    out = []
    moment = first
    while moment <= local(end):
        out.append(moment)
        moment += timedelta(minutes=step)
    return out


@unchecked
def chart(points: Sequence[CompassPoint], principles: Sequence[tuple[str, str]], width: float) -> Drawing:
    """The step chart; ``principles``: (axis id, label) drawn as grey lines (none: the overall score only)."""
    known = [p for p in points if p.overall is not None]
    start, end = known[0].at, known[-1].at
    total = (end - start).total_seconds()
    legend_lines = _legend_rows(principles, width)
    legend_height = 11.0 * len(legend_lines) + 6
    height = _BOTTOM + _PLOT_HEIGHT + _TOP + legend_height
    drawing = Drawing(width, height)
    drawing.initialFontName = REGULAR
    drawing.initialFontSize = 8
    left, right = _LEFT, width - _RIGHT
    bottom, top = legend_height + _BOTTOM, legend_height + _BOTTOM + _PLOT_HEIGHT

    def x(moment: datetime) -> float:
        return left + (right - left) * ((moment - start).total_seconds() / total)

    def y(value: float) -> float:
        return bottom + (top - bottom) * value / 100.0

    for value in (0, 25, 50, 75, 100):
        grid = 0.4 if value else 0.8
        drawing.add(Line(left, y(value), right, y(value), strokeColor=RULE, strokeWidth=grid))
        drawing.add(String(left - 4, y(value) - 2.8, str(value), fontName=REGULAR, fontSize=7,
                           fillColor=MUTED, textAnchor="end"))
    step = _tick_minutes(end - start)
    for tick in _ticks(start, end):
        tx = x(tick)
        if left - 0.5 <= tx <= right + 0.5:
            drawing.add(Line(tx, bottom, tx, bottom - 3, strokeColor=MUTED, strokeWidth=0.5))
            drawing.add(String(tx, bottom - 12, _tick_label(tick, step), fontName=REGULAR, fontSize=7,
                               fillColor=MUTED, textAnchor="middle"))
    for i, (axis_id, _label) in enumerate(principles):
        steps = _steps(points, _axis_value(axis_id), x, y, right)
        if len(steps) >= 4:
            drawing.add(PolyLine(steps, strokeColor=PRINCIPLE_GREY, strokeWidth=0.9,
                                 strokeDashArray=_dash(i), strokeLineJoin=0))
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
                drawing.add(Line(lx, ly + 2.5, lx + 22, ly + 2.5, strokeColor=PRINCIPLE_GREY, strokeWidth=0.9,
                                 strokeDashArray=_dash(index)))
            drawing.add(String(lx + 27, ly, text, fontName=REGULAR, fontSize=7.5, fillColor=INK))


def evolution(ctx: Context, sequence: SequenceInfo, deck: QuestionDeck) -> list[Flowable]:
    """The chart of the day for one question sequence, with its title and a caption; [] when too thin."""
    group_ids = [g.id for g in ctx.groups]
    points = compass_timeline(deck, ctx.snapshot.events, sequence.id, group_ids)
    if not group_ids or not worth_drawing(points):
        return []
    axes = deck.compass.axes
    principles = [(a.id, a.display) for a in axes] if len(axes) <= MAX_PRINCIPLES else []
    drawing = chart(points, principles, FRAME_WIDTH)
    known = [p for p in points if p.overall is not None]
    first, last = known[0], known[-1]
    caption = (
        f"Score d’ensemble de la salle, de 0 à 100, de {format_time(first.at)} à {format_time(last.at)} : "
        "il bouge à chaque réponse enregistrée. En début de séance il repose sur peu de réponses ; seul le "
        f"dernier point ({round(last.overall or 0)} sur 100) vaut pour l’ensemble des cartes jouées. "
        "Autoévaluation des tables, pas une note du territoire."
    )
    if principles:
        caption += " Traits fins : chaque principe."
    block = KeepTogether([drawing, _p(caption, ctx.st.caption)])
    return with_title(_h3("La boussole au fil de la séance"), [block])
