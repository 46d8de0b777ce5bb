"""The comparison's small pieces: a low-coverage city is marked on its tile (not hidden), an unanswered axis
breaks the radar's line instead of reading as zero, and « Comparer… » offers the selected workshop's own
territory and programme first."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from workshop_app.core.compare_model import TargetScore, WorkshopProfile
from workshop_app.services.summary import WorkshopSummary
from workshop_app.ui.cohort.cohort_view import ProfileTile
from workshop_app.ui.cohort.radar import SERIES_COLOURS, RadarSeries, RadarWidget
from workshop_app.ui.cohort.targets import PROGRAMME, TERRITORY, compare_targets


def _profile(coverage: float) -> WorkshopProfile:
    scores = tuple(TargetScore(f"p{i}", 60.0, coverage) for i in range(6))
    when = date(2025, 1, 23)
    return WorkshopProfile("w1", "Denain", "Denain", "Atelier", when, "s1", 4, scores, (), coverage)


def test_a_low_coverage_city_is_marked_on_its_tile(qtbot: QtBot) -> None:
    tile = ProfileTile(_profile(0.4), [f"Axe {i}" for i in range(6)])
    qtbot.addWidget(tile)
    assert tile.coverage.text() == "⚠ couverture 40 %, faible"
    assert tile.coverage.objectName() == "error"
    fine = ProfileTile(_profile(0.9), [f"Axe {i}" for i in range(6)])
    qtbot.addWidget(fine)
    assert fine.coverage.text() == "couverture 90 %" and fine.coverage.objectName() == "muted"


def test_an_unanswered_axis_gets_no_point_and_breaks_the_line(qtbot: QtBot) -> None:
    radar = RadarWidget(["A", "B", "C", "D"], compact=True)
    qtbot.addWidget(radar)
    radar.resize(200, 200)
    radar.set_series([RadarSeries("x", (100.0, None, 100.0, 100.0), (False, False, True, False))])
    image = radar.grab().toImage()
    colour = QColor(SERIES_COLOURS[0])

    def near(x: int, y: int) -> bool:
        return any(
            abs(QColor(image.pixel(x + dx, y + dy)).red() - colour.red()) < 30
            and abs(QColor(image.pixel(x + dx, y + dy)).blue() - colour.blue()) < 30
            for dx in range(-2, 3)
            for dy in range(-2, 3)
        )

    w, h = image.width(), image.height()
    centre_x, centre_y = w // 2, h // 2
    radius = min(w, h) // 2 - int(radar.fontMetrics().height() * 1.6)
    assert near(centre_x, centre_y - radius)  # axis A at 100: a point
    assert not near(centre_x + radius, centre_y)  # axis B unanswered: nothing there, not a zero either
    assert not near(centre_x, centre_y)
    # the segment D → A is drawn (both answered); A → B is not
    assert near(centre_x - radius // 2, centre_y - radius // 2)
    assert not near(centre_x + radius // 2, centre_y - radius // 2)


def _summary(i: int, territory: str, programme: str = "") -> WorkshopSummary:
    return WorkshopSummary(
        str(i), f"A{i}", territory, None, "done", (), 0, 0, None, None, programme=programme
    )


def test_the_selected_workshops_territory_and_programme_are_offered_first() -> None:
    rows = [
        _summary(1, "Arras", "Nature en ville"),
        _summary(2, "Creil", "nature en ville"),  # the same programme, typed otherwise
        _summary(3, "Soissons"),
        _summary(4, "soissons"),
        _summary(5, "Denain"),
    ]
    offered = compare_targets(rows, selected="3")
    assert [(t.kind, t.name, t.workshops) for t in offered] == [
        (TERRITORY, "Soissons", 2),
        (PROGRAMME, "Nature en ville", 2),
    ]
    assert compare_targets(rows)[0].label == "Programme « Nature en ville » (2 ateliers)"
    assert compare_targets(rows[4:]) == []  # one workshop each: nothing to offer
