"""« La boussole au fil de la séance » in the compte-rendu: drawn from the event log when the day holds enough
changes, in lines a grayscale print tells apart; left out when there are too few points."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from export_factory import make_snapshot, pdf_text
from reportlab.graphics.shapes import PolyLine

from workshop_app.core.deck import QuestionDeck
from workshop_app.core.events import EventKind
from workshop_app.export.pdf import render_pdf
from workshop_app.export.pdf.evolution import chart, worth_drawing
from workshop_app.services.history import compass_timeline

SHOTS = os.environ.get("ATELIER_SHOTS", "")
TITLE = "La boussole au fil de la séance"


def test_the_day_is_charted_with_times_and_the_final_score() -> None:
    snapshot, photos = make_snapshot(n_groups=4, n_cards=10)
    data = render_pdf(snapshot, photos)
    text = pdf_text(data)
    assert TITLE in text
    seq = snapshot.sequences[0]
    assert isinstance(seq.deck, QuestionDeck)
    points = compass_timeline(seq.deck, snapshot.events, seq.id, [g.id for g in snapshot.groups])
    final = round(points[-1].overall or 0)
    assert f"seul le dernier point ({final} sur 100)" in text
    assert "Ensemble : moyenne des principes" in text
    assert "pas une note du territoire" in text
    if SHOTS:
        (Path(SHOTS) / "evolution.pdf").write_bytes(data)


def test_lines_differ_by_width_and_dash_not_by_colour_alone() -> None:
    snapshot, _ = make_snapshot(n_groups=3, n_cards=24)
    seq = snapshot.sequences[0]
    assert isinstance(seq.deck, QuestionDeck)
    points = compass_timeline(seq.deck, snapshot.events, seq.id, [g.id for g in snapshot.groups])
    principles = [(a.id, a.display) for a in seq.deck.compass.axes]
    drawing = chart(points, principles, 480)
    lines = [item for item in drawing.contents if isinstance(item, PolyLine)]
    overall = [line for line in lines if line.strokeWidth >= 2]
    assert len(overall) == 1 and not overall[0].strokeDashArray  # the overall score: one thick solid line
    thin = [tuple(line.strokeDashArray or ()) for line in lines if line.strokeWidth < 2]
    assert len(thin) == len(principles) and len(set(thin)) == len(thin)  # each principle its own dash pattern
    for line in lines:
        c = line.strokeColor
        assert max(c.red, c.green, c.blue) - min(c.red, c.green, c.blue) < 0.12  # a grey: it prints as drawn


def test_too_few_changes_no_chart_and_no_word_about_it() -> None:
    snapshot, photos = make_snapshot(n_groups=2, n_cards=3)
    answers = [e for e in snapshot.events if e.kind is EventKind.CHOICE_RECORDED][:2]
    others = [e for e in snapshot.events if e.kind is not EventKind.CHOICE_RECORDED]
    thin = replace(snapshot, events=tuple(others + answers))
    seq = thin.sequences[0]
    assert isinstance(seq.deck, QuestionDeck)
    assert not worth_drawing(compass_timeline(seq.deck, thin.events, seq.id, [g.id for g in thin.groups]))
    assert TITLE not in pdf_text(render_pdf(thin, photos))


def test_a_log_over_many_days_keeps_a_few_readable_time_labels() -> None:
    """A vote corrected long after the day (the full-day demo played again today): two-hour steps over
    600 days drew ~7,000 labels on top of one another (and ~13 MB of the export's memory)."""
    from datetime import UTC, datetime, timedelta

    from reportlab.graphics.shapes import String

    from workshop_app.services.history import CompassPoint

    start = datetime(2025, 3, 13, 8, 30, tzinfo=UTC)

    def labels(span: timedelta) -> list[str]:
        points = [CompassPoint(start + span * k / 4, 40.0 + k, {"a": 40.0 + k}) for k in range(5)]
        drawing = chart(points, [("a", "Principe A")], 480)
        numbers = {"0", "25", "50", "75", "100", "44", "Principe A", "Ensemble : moyenne des principes"}
        return [s.text for s in drawing.contents if isinstance(s, String) and s.text not in numbers]

    day = labels(timedelta(hours=9))
    assert 4 <= len(day) <= 9 and all(" h" in text.replace("\u00a0", " ") for text in day)
    for span in (timedelta(days=2), timedelta(days=630)):
        far = labels(span)
        assert 2 <= len(far) <= 9, (span, len(far))
    assert all("/" in text for text in labels(timedelta(days=630)))  # days apart: dated « 13/03 »
