"""The time axis of « La boussole au fil de la séance »: the session's span (late corrections left off the
chart, two mornings kept), and round, dated French time labels for each length of log."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta

from evolution_shapes import at
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase.pdfmetrics import stringWidth

from workshop_app.core.events import Event, EventKind
from workshop_app.export.french import local
from workshop_app.export.pdf.evolution_time import (
    changes,
    days_phrase,
    outside,
    pieces,
    session_span,
    ticks,
)
from workshop_app.export.pdf.fonts import REGULAR, register_fonts

WIDTH = 424.0  # the chart's plot on the page


def measure(text: str) -> float:
    register_fonts()
    return float(stringWidth(text, REGULAR, 7))


def labels(start: datetime, end: datetime) -> list[str]:
    return [t.label.replace("\u00a0", " ") for t in ticks(start, end, WIDTH, measure)]


def test_a_morning_is_labelled_every_half_hour_without_a_date() -> None:
    assert labels(at(0, 9.07), at(0, 11.92)) == ["9 h 30", "10 h", "10 h 30", "11 h", "11 h 30"]


def test_short_spans_step_by_round_minutes() -> None:
    assert labels(at(0, 14.02), at(0, 14.5)) == [
        "14 h 05", "14 h 10", "14 h 15", "14 h 20", "14 h 25", "14 h 30"
    ]


def test_a_full_day_steps_by_whole_hours() -> None:
    assert labels(at(0, 8.75), at(0, 17.5)) == ["10 h", "12 h", "14 h", "16 h"]
    assert labels(at(0, 9.1), at(0, 16.4)) == ["10 h", "11 h", "12 h", "13 h", "14 h", "15 h", "16 h"]


def test_thirty_hours_are_dated_at_each_new_day_and_fall_on_round_hours() -> None:
    """The reviewer's 30-hour log read « 13 h 00, 17 h 00, 21 h 00, 1 h 00… »: one day, odd hours."""
    assert labels(at(0, 12.5), at(1, 18.5)) == ["14/03 18 h", "15/03 0 h", "6 h", "12 h", "18 h"]


def test_three_days_step_by_half_days_dated() -> None:
    assert labels(at(0, 17.5), at(3, 9)) == ["15/03 0 h", "12 h", "16/03 0 h", "12 h", "17/03 0 h"]


def test_long_logs_step_by_whole_days_at_midnight() -> None:
    ten = labels(at(0, 10), at(9, 12))
    assert ten == ["15/03", "17/03", "19/03", "21/03", "23/03"]
    far = ticks(at(0, 10), at(630, 12), WIDTH, measure)
    assert 2 <= len(far) <= 9
    assert all(local(t.at).hour == 0 and local(t.at).minute == 0 for t in far)


def test_labels_stay_on_round_local_hours_across_the_change_of_hour() -> None:
    """29 March 2026, 2 h → 3 h in Paris: wall-clock steps, not 24-hour ones."""
    start = datetime(2026, 3, 28, 9, tzinfo=UTC)
    out = ticks(start, start + timedelta(hours=40), WIDTH, measure)
    assert all(local(t.at).hour % 6 == 0 and local(t.at).minute == 0 for t in out)


def test_no_labels_overlap_at_any_span() -> None:
    start = at(0, 9.13)
    for minutes in (6, 17, 50, 95, 200, 333, 600, 1000, 1500, 2500, 5000, 9000, 15000, 60000, 900000):
        out = ticks(start, start + timedelta(minutes=minutes), WIDTH, measure)
        assert 1 <= len(out) <= 9, minutes
        total = minutes * 60
        xs = [WIDTH * (t.at - start).total_seconds() / total for t in out]
        placed = list(zip(xs, out, strict=True))
        for (x1, a), (x2, b) in itertools.pairwise(placed):
            assert x2 - x1 >= (measure(a.label) + measure(b.label)) / 2 + 2, (minutes, a.label, b.label)


def _answer(seq: int, moment: datetime, group: str = "g1", card: str = "c1") -> Event:
    return Event(seq, EventKind.CHOICE_RECORDED, "s1", group, card, {"option": "2"}, moment)


def _times(*moments: datetime) -> list[datetime]:
    return sorted(moments)


def test_the_session_is_its_sittings_not_the_late_corrections() -> None:
    day = [at(0, 9 + k * 0.25) for k in range(30)]  # 9 h → 16 h 15, with no pause of 3 hours
    assert session_span(day) == (day[0], day[-1])
    late = [at(3, 10), at(3, 10.1)]
    assert session_span(_times(*day, *late)) == (day[0], day[-1])
    trial = [at(-4, 18)]
    assert session_span(_times(*trial, *day, *late)) == (day[0], day[-1])
    assert session_span([]) is None


def test_a_short_sitting_on_the_session_day_is_the_session_too() -> None:
    """A short afternoon after a long lunch, or two answers fixed that evening, are the workshop's day."""
    morning = [at(0, 8.5 + k * 0.1) for k in range(40)]  # 8 h 30 → 12 h 24
    afternoon = [at(0, 16 + k * 0.1) for k in range(5)]  # after 3 h 36 without an answer
    assert session_span(morning + afternoon) == (morning[0], afternoon[-1])
    evening = [at(0, 21), at(0, 21.1)]
    assert session_span(morning + evening) == (morning[0], evening[-1])
    stretches = pieces(morning + evening, (morning[0], evening[-1]))
    assert stretches == [(morning[0], morning[-1]), (evening[0], evening[-1])]  # end to end
    next_day = [at(1, 9)]
    assert session_span(morning + next_day) == (morning[0], morning[-1])


def test_two_mornings_are_both_the_session() -> None:
    first = [at(0, 9 + k * 0.2) for k in range(16)]
    second = [at(1, 9 + k * 0.2) for k in range(10)]
    assert session_span(first + second) == (first[0], second[-1])


def test_what_changed_outside_the_session_counts_answers_once_each() -> None:
    events = [_answer(i + 1, at(0, 9 + i * 0.1), f"g{i % 3}", f"c{i}") for i in range(20)]
    events += [
        _answer(21, at(3, 10), "g0", "c0"),
        _answer(22, at(3, 10.2), "g0", "c0"),  # the same answer changed twice: one answer
        _answer(23, at(4, 11), "g1", "c1"),
        Event(24, EventKind.UNDO, payload={"target": 23}, at=at(4, 11.5)),
        Event(25, EventKind.NOTE_ADDED, "s1", "g1", "c1", {"text": "x"}, at(5, 9)),  # not an answer
        Event(26, EventKind.CHOICE_RECORDED, "s2", "g1", "c1", {"option": "1"}, at(5, 9)),  # another sequence
    ]
    changed = changes(events, "s1")
    span = session_span([m for m, _a in changed])
    assert span == (at(0, 9), at(0, 9 + 19 * 0.1))
    before, after = outside(changed, span)
    assert before is None
    assert after is not None and after.answers == 2
    assert (after.first, after.last) == (at(3, 10), at(4, 11.5))
    assert after.days == (date(2026, 3, 17), date(2026, 3, 18))
    assert outside(changed[:20], span) == (None, None)


def test_days_in_words() -> None:
    def words(*days: date, year: int = 2026) -> str:
        return days_phrase(days, year).replace("\u00a0", " ")

    assert words(date(2026, 3, 17)) == "le 17 mars"
    assert words(date(2026, 4, 1)) == "le 1er avril"
    assert words(date(2026, 3, 17), date(2026, 3, 20)) == "le 17 mars et le 20 mars"
    assert words(date(2026, 3, 17), date(2026, 3, 20), date(2026, 4, 2)) == "entre le 17 mars et le 2 avril"
    # corrections a year and more after the session: the years said, else « le 16 mars et le 3 décembre »
    assert words(date(2025, 3, 16), date(2026, 12, 3), year=2025) == "le 16 mars 2025 et le 3 décembre 2026"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=6 * 24 * 3600), min_size=3, max_size=60))
def test_any_log_draws_inside_the_chart_with_labels_apart(gaps: list[int]) -> None:
    """Answers at any times (seconds to days apart): the chart's lines stay inside the plot, each change of
    the session falls in a stretch of its axis, and no two time labels overlap."""
    from reportlab.graphics.shapes import PolyLine, String

    from workshop_app.export.pdf.evolution import chart, in_span, worth_drawing
    from workshop_app.export.pdf.evolution_time import pieces
    from workshop_app.services.history import CompassPoint

    moments = [at(0, 9)]
    for gap in gaps:
        moments.append(moments[-1] + timedelta(seconds=gap))
    span = session_span(moments)
    assert span is not None
    parts = pieces(moments, span)
    assert all(any(a <= m <= b for a, b in parts) for m in moments if span[0] <= m <= span[1])
    points = [CompassPoint(m, float(k % 100), {"a": float(k % 7) * 10}) for k, m in enumerate(moments)]
    shown = in_span(points, span)
    if not worth_drawing(shown):
        return
    drawing = chart(shown, [("a", "Principe A")], 480, parts)
    for line in (item for item in drawing.contents if isinstance(item, PolyLine)):
        xs = line.points[0::2]
        assert min(xs) >= 26 - 0.01 and max(xs) <= 480 - 30 + 0.01
    texts = [s for s in drawing.contents if isinstance(s, String) and s.textAnchor == "middle"]
    edges = sorted((s.x - measure(s.text) / 2, s.x + measure(s.text) / 2) for s in texts)
    for (_a, right_edge), (left_edge, _b) in itertools.pairwise(edges):
        assert left_edge >= right_edge, [s.text for s in texts]
