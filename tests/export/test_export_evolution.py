"""« La boussole au fil de la séance » in the compte-rendu: drawn from the event log when the day holds enough
changes, in lines a grayscale print tells apart; left out when there are too few points."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from evolution_shapes import at, shaped
from export_factory import make_snapshot, pdf_pages, pdf_text
from reportlab.graphics.shapes import PolyLine

from workshop_app.core.deck import QuestionDeck
from workshop_app.core.events import EventKind
from workshop_app.core.workshop import WorkshopSnapshot
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


# -- the shapes of a day, in a real PDF ----------------------------------------------------------------------


def _chart_page(snapshot: WorkshopSnapshot) -> tuple[list[str], str]:
    """The chart's time labels as printed, and the whole text (normalised) of the document."""
    data = render_pdf(snapshot, {})
    page = next(p for p in pdf_pages(data) if TITLE in p)
    axis = page[page.index(TITLE) + len(TITLE) : page.index("Ensemble : moyenne")]
    lines = [line.strip().replace("\u00a0", " ") for line in axis.splitlines()]
    labels = [line for line in lines if line and not line.isdigit()]
    return labels, pdf_text(data)


def _final_and_session_end(snapshot: WorkshopSnapshot, end: datetime) -> tuple[int, int]:
    seq = snapshot.sequences[0]
    assert isinstance(seq.deck, QuestionDeck)
    points = compass_timeline(seq.deck, snapshot.events, seq.id, [g.id for g in snapshot.groups])
    within = [p for p in points if p.at <= end]
    return round(points[-1].overall or 0), round(within[-1].overall or 0)


def test_one_morning_reads_on_round_half_hours_without_a_date() -> None:
    labels, text = _chart_page(shaped("morning"))
    assert labels == ["9 h 30", "10 h", "10 h 30", "11 h", "11 h 30"]
    assert "seul le dernier point" in text and "Après la séance" not in text and "Avant la séance" not in text


def test_a_full_day_reads_on_whole_hours() -> None:
    labels, text = _chart_page(shaped("day"))
    assert labels == ["10 h", "11 h", "12 h", "13 h", "14 h", "15 h", "16 h"]
    assert "de 9 h 08 à 16 h 21" in text and "Après la séance" not in text


def test_a_correction_three_days_later_is_said_not_squeezing_the_day() -> None:
    snapshot = shaped("day-and-correction")
    labels, text = _chart_page(snapshot)
    assert labels == ["10 h", "11 h", "12 h", "13 h", "14 h", "15 h", "16 h"]  # the day, as without it
    final, at_end = _final_and_session_end(snapshot, at(0, 17.5))
    assert final != at_end  # the corrections moved the score: the sentence must say so
    assert f"le dernier point ({at_end} sur 100) est le score à la fin de la séance" in text
    assert (
        "Après la séance, 3 réponses ont été ajoutées ou corrigées le 17 mars : le score d'ensemble est "
        f"passé de {at_end} à {final} sur 100. Les scores de ce document tiennent compte de ces "
        "changements." in text
    )
    assert "seul le dernier point" not in text


def test_a_correction_ten_days_later_is_said_too() -> None:
    labels, text = _chart_page(shaped("day-and-late-10"))
    assert not any("/" in label for label in labels)
    assert "Après la séance, 1 réponse a été ajoutée ou corrigée le 24 mars" in text


def test_a_trial_vote_days_before_is_said() -> None:
    labels, text = _chart_page(shaped("trial-and-day"))
    assert labels[0] == "10 h" and not any("/" in label for label in labels)
    assert "Avant la séance, 2 réponses avaient été données le 10 mars" in text


def test_two_mornings_read_as_two_days_end_to_end() -> None:
    labels, text = _chart_page(shaped("two-days"))
    assert labels == ["14/03 10 h", "11 h", "12 h", "15/03 9 h", "10 h", "11 h"]
    assert "du 14 mars, 9 h 08, au 15 mars, 11 h 21" in text
    assert "Les 2 temps de la séance sont mis bout à bout (//)" in text


def test_ten_days_of_sittings_read_by_days() -> None:
    labels, _text = _chart_page(shaped("ten-days"))
    assert labels == ["15/03", "16/03", "17/03", "18/03", "19/03", "20/03", "21/03"]


def test_the_pause_between_two_stretches_is_marked_on_the_axis() -> None:
    """Two mornings put end to end: « // » across the time axis between them, and none on a single day."""
    from reportlab.graphics.shapes import Line

    from workshop_app.services.history import CompassPoint

    def slanted(parts: list[tuple[datetime, datetime]]) -> int:
        moments = [moment for start, end in parts for moment in (start, start + (end - start) / 2, end)]
        points = [CompassPoint(m, 30.0 + 5 * k, {}) for k, m in enumerate(moments)]
        drawing = chart(points, [], 480, parts)
        return sum(1 for item in drawing.contents if isinstance(item, Line) and item.x1 != item.x2
                   and item.y1 != item.y2)

    assert slanted([(at(0, 9), at(0, 12)), (at(1, 9), at(1, 12))]) == 2
    assert slanted([(at(0, 9), at(0, 17))]) == 0
