"""The comparison views with qtbot, on ``atelier demo --cohort``: « Comparer… » from the start page (several
workshops selected with Ctrl+click, or a territory to choose), the cohort's small multiples in name order,
« Ville A, B… », the evolution with what moved and its coverage, another deck flagged, the CSV export written
in the background through cohort-core's exporter."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from workshop_app.store.demo_cohort import CohortDemo, create_demo_cohort
from workshop_app.ui.cohort.flow import CompareFlow
from workshop_app.ui.cohort.grid_model import LOW_BACKGROUND
from workshop_app.ui.cohort.targets import TERRITORY, CompareTarget
from workshop_app.ui.cohort.window import CompareWindow
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.tasks import wait_all

CITIES = ["Arras", "Creil", "Denain", "Saint-Quentin", "Soissons"]


@pytest.fixture
def demo(window: MainWindow) -> CohortDemo:
    assert window.service is not None
    made = create_demo_cohort(window.service)
    window.refresh_workshops()
    return made


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(CompareFlow, "warn", lambda _self, message: said.append(message))
    return said


def ctrl_click_rows(qtbot: QtBot, window: MainWindow, ids: list[str]) -> None:
    view = window.start.workshop_view
    view.clearSelection()
    for workshop_id in ids:
        row = window.start.workshops.row_of(workshop_id)
        rect = view.visualRect(window.start.workshops.index(row, 0))
        QTest.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, rect.center()
        )


def compare_window(qtbot: QtBot, window: MainWindow) -> CompareWindow:
    def shown() -> bool:
        flow = getattr(window, "compare_flow", None)
        return flow is not None and flow.window is not None and flow.window.isVisible()

    qtbot.waitUntil(shown, timeout=10_000)
    found = window.compare_flow.window  # type: ignore[attr-defined]
    assert isinstance(found, CompareWindow)
    qtbot.waitUntil(lambda: found.anonymise.isEnabled(), timeout=10_000)  # no task running
    return found


def test_a_cohort_from_the_selected_workshops_in_name_order_never_by_score(
    qtbot: QtBot, window: MainWindow, demo: CohortDemo, warnings: list[str]
) -> None:
    window.activateWindow()
    ctrl_click_rows(qtbot, window, [demo.cities[c] for c in reversed(CITIES)])
    assert len(window.start.workshop_view.selectionModel().selectedRows()) == 5
    QTest.mouseClick(window.start.compare_button, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    shown = compare_window(qtbot, window)
    assert warnings == []
    assert shown.title.text() == "Cohorte — 5 territoires"
    assert "Stratégie nature en ville" in shown.caption.text() and "sans classement" in shown.caption.text()
    tiles = shown.cohort.multiples.tiles
    assert [t.profile.label for t in tiles] == CITIES  # by name
    first = [t.profile.principles[0].score or 0.0 for t in tiles]
    assert first != sorted(first, reverse=True) and first != sorted(first)  # not ranked by a score either
    assert all(t.coverage.text() == "couverture 100 %" for t in tiles)
    assert tiles[0].findings.text().startswith("Effets les plus forts : ")  # a game: effects, not a diagnosis
    assert shown.cohort.isTabVisible(shown.cohort.choices_index)  # a strategy deck: what each city chose
    choices = shown.cohort.choices
    assert choices.header[1:-1] == tuple(CITIES) and choices.rowCount() > 5
    assert "effets attendus des stratégies" in shown.disclaimer.text()  # a game, not a self-assessment
    assert "autoévaluation" not in shown.disclaimer.text()
    assert not shown.rules.isVisible()
    QTest.mouseClick(shown.rules_button, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert shown.rules.isVisible() and "sans classement ni note globale" in shown.rules.text()
    assert shown.anonymise.isVisible()  # several territories: they may be left unnamed
    shown.anonymise.click()  # « Ville A, B… »: recomputed by the service's rules in the background
    qtbot.waitUntil(lambda: shown.comparison is not None and shown.comparison.anonymised, timeout=10_000)
    labels = [t.profile.label for t in shown.cohort.multiples.tiles]
    assert labels == ["Ville A", "Ville B", "Ville C", "Ville D", "Ville E"]
    assert not any(city in shown.cohort.choices.header for city in CITIES)
    shown.close()


def test_the_evolution_of_a_territory_flags_the_other_deck_and_marks_low_coverage(
    qtbot: QtBot,
    window: MainWindow,
    demo: CohortDemo,
    warnings: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[list[CompareTarget]] = []

    def choose(flow: CompareFlow, selected: str | None) -> CompareTarget | None:
        from workshop_app.ui.cohort.targets import compare_targets

        offered = compare_targets(flow.service.list_workshops(), selected)
        asked.append(offered)
        return offered[0]

    monkeypatch.setattr(CompareFlow, "ask_target", choose)
    window.activateWindow()
    ctrl_click_rows(qtbot, window, [demo.evolution[0]])  # one workshop: which territory or programme?
    window.start.compare_button.click()
    shown = compare_window(qtbot, window)
    # its own territory and its programme come first
    assert [t.label for t in asked[0][:2]] == [
        "Programme « Accompagnement résilience — Soissons 2024–2025 » (2 ateliers)",
        "Évolution de Soissons (3 ateliers)",
    ]
    assert shown.title.text() == "Évolution — Soissons"
    assert not shown.anonymise.isVisible()  # one territory: « Ville A, B… » would mean nothing
    assert shown.evolution.radar.axes[0] == "Stratégies – Gouvernance"
    assert [s.label for s in shown.evolution.radar.series] == ["20/06/2024", "09/10/2025"]
    model = shown.evolution.model
    assert model.header == ("Principe / levier", "20/06/2024", "09/10/2025", "Écart", "Lecture")
    assert model.rowCount() == 6 + 18
    first = [model.index(0, c).data() for c in range(5)]
    assert first[0].startswith("Stratégies") and first[3] == "+33 pts" and first[4] == "en hausse"
    low = [r for r in range(model.rowCount()) if model.index(r, 0).data(Qt.ItemDataRole.BackgroundRole)]
    assert low, "low coverage is marked"
    sobriety = model.index(low[0], 0)
    assert sobriety.data(Qt.ItemDataRole.BackgroundRole).color() == LOW_BACKGROUND
    assert "couverture faible" in model.index(low[0], 4).data()
    assert "Couverture faible" in sobriety.data(Qt.ItemDataRole.ToolTipRole)
    assert warnings == []
    shown.close()
    # the same territory, all three: the Nature en ville game is another compass, flagged and left out
    monkeypatch.setattr(CompareFlow, "ask_target", lambda *_: CompareTarget(TERRITORY, "Soissons", 3))
    window.start.compare_button.click()
    shown = compare_window(qtbot, window)
    assert shown.notes.isVisible()
    assert "⚠" in shown.notes.text() and "n’est pas comparé" in shown.notes.text()
    assert [p.label for p in shown.comparison.profiles] == ["20/06/2024", "09/10/2025"]  # type: ignore[union-attr]
    shown.close()


def test_the_csv_is_written_in_the_background_naming_every_city(
    qtbot: QtBot,
    window: MainWindow,
    demo: CohortDemo,
    warnings: list[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    target = tmp_path / "cohorte.csv"
    done: list[Path] = []
    monkeypatch.setattr(CompareFlow, "choose_path", lambda *_: target)
    monkeypatch.setattr(CompareFlow, "done_box", lambda _self, path: done.append(path))
    from workshop_app.ui import workshop_tools

    assert workshop_tools.compare_workshops(window, list(demo.cities.values()))
    shown = compare_window(qtbot, window)
    assert shown.buttons["csv"].isEnabled()
    QTest.mouseClick(shown.buttons["csv"], Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    qtbot.waitUntil(lambda: done == [target], timeout=10_000)
    wait_all()
    with target.open(encoding="utf-8-sig", newline="") as handle:
        cities = {row["territoire"] for row in csv.DictReader(handle, delimiter=";")}
    assert cities == set(CITIES)
    assert "Enregistré" in shown.status.text() and warnings == []
    shown.close()


def test_workshops_that_played_different_compasses_are_refused_in_french(
    qtbot: QtBot, window: MainWindow, demo: CohortDemo, warnings: list[str]
) -> None:
    from workshop_app.ui import workshop_tools

    assert workshop_tools.compare_workshops(window, [demo.cities["Arras"], demo.evolution[0]])
    qtbot.waitUntil(lambda: bool(warnings), timeout=10_000)
    assert warnings[0].startswith("Moins de deux ateliers ont joué")
    assert window.compare_flow.window is None  # type: ignore[attr-defined]


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_the_reports_are_written_in_the_background_through_the_exporter(
    qtbot: QtBot,
    window: MainWindow,
    demo: CohortDemo,
    warnings: list[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    kind: str,
) -> None:
    target = tmp_path / f"evolution.{kind}"
    done: list[Path] = []
    monkeypatch.setattr(CompareFlow, "choose_path", lambda *_: target)
    monkeypatch.setattr(CompareFlow, "done_box", lambda _self, path: done.append(path))
    from workshop_app.ui import workshop_tools

    assert workshop_tools.compare_workshops(window, demo.evolution)
    shown = compare_window(qtbot, window)
    shown.buttons[kind].click()
    assert not shown.buttons[kind].isEnabled()  # busy while the worker writes
    qtbot.waitUntil(lambda: done == [target], timeout=30_000)
    wait_all()
    if kind == "pdf":
        from pypdf import PdfReader

        text = " ".join(page.extract_text() for page in PdfReader(target).pages)
    else:
        from docx import Document

        text = " ".join(p.text for p in Document(str(target)).paragraphs)
    text = " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())
    assert "Soissons" in text and "2024" in text and "autoévaluation" in text
    assert shown.buttons[kind].isEnabled() and warnings == []
    shown.close()
