"""The projector window: results hidden until revealed, blank screen, screens chosen, swapped, unplugged."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from test_play_support import make_workshop

from workshop_app.core.events import EventKind
from workshop_app.ui.projector import ProjectorWindow
from workshop_app.ui.session import WorkshopSession
from workshop_app.ui.settings import PROJECTOR_SCREEN, AppSettings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def setup(tmp_path: Path, qtbot: Any) -> Iterator[tuple[ProjectorWindow, WorkshopSession, AppSettings]]:
    store, workshop_id = make_workshop(tmp_path, groups=3)
    session = WorkshopSession(store, workshop_id)
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = ProjectorWindow(session, settings)
    qtbot.addWidget(window)
    window.show_on_preferred_screen()
    yield window, session, settings
    store.close()


def test_compass_hidden_until_the_facilitator_reveals(setup) -> None:
    window, session, _ = setup
    for group in session.groups:
        session.record_choice(group.id, "s3")
    assert window.compass.isHidden()
    assert window.compass.series is None  # not even computed while hidden
    session.set_revealed(True)
    window.compass.flush()
    assert window.compass.isVisibleTo(window)
    assert window.compass.series is not None
    session.undo()  # Ctrl+Z takes back the last answer, never the reveal (R hides)
    assert window.compass.isVisibleTo(window)
    session.set_revealed(False)
    assert window.compass.isHidden()


def test_shows_the_current_card_in_large_type(setup) -> None:
    window, session, _ = setup
    session.show_card("q02")
    assert window.title.text() == "Et si la canicule durait trois semaines ? (2)"
    assert window.heading.text().endswith("carte 2 / 6")
    assert window.title.max_px >= 480 // 11
    assert window.title.fitted_font().pixelSize() >= 24
    assert window.title.fitted_font().pixelSize() <= window.title.max_px


def test_a_running_pause_is_what_the_room_sees(setup) -> None:
    window, session, _ = setup
    session.show_card("q02")
    payload = {"step": "p1", "step_kind": "pause", "label": "Déjeuner", "minutes": 45, "slot": 1}
    session.record(EventKind.STEP_PLANNED, payload=payload)
    assert window.title.text() == "Et si la canicule durait trois semaines ? (2)"  # planned, not started
    session.record(EventKind.STEP_STARTED, payload={"step": "p1"})
    assert (window.heading.text(), window.title.text()) == ("Hors jeu", "Pause — Déjeuner")
    assert window.prompt.text().startswith("depuis ") and window.prompt.text().endswith(" · prévu : 45 min")
    session.record(EventKind.STEP_ENDED, payload={"step": "p1"})
    assert window.title.text() == "Et si la canicule durait trois semaines ? (2)"  # back to the card


def test_timer_appears_when_running(setup) -> None:
    window, session, _ = setup
    assert window.timer.text() == ""
    session.record(EventKind.TIMER_STARTED, sequence_id=session.sequence_id, card_id=session.card_id,
                   payload={"scope": "card"})
    assert window.timer.text() == "00:00"


def test_blank_toggles(setup) -> None:
    window, _, _ = setup
    assert not window.is_blank()
    window.toggle_blank()
    assert window.is_blank()
    window.toggle_blank()
    assert not window.is_blank()


def test_swap_with_one_screen_stays_and_remembers(setup) -> None:
    window, _, settings = setup
    only = QGuiApplication.primaryScreen()
    window.swap_screen()
    window.swap_screen()
    assert window.screen_name() == only.name()
    assert settings.get(PROJECTOR_SCREEN) == only.name()
    assert window.isFullScreen()


def test_unplugged_projector_moves_to_a_remaining_screen(setup) -> None:
    window, _, settings = setup

    class Unplugged:  # the QScreen that Qt is removing; the handler only reads its name
        def name(self) -> str:
            return "Projecteur HDMI"

    settings.set(PROJECTOR_SCREEN, "Projecteur HDMI")
    window._screen_name = "Projecteur HDMI"  # as if it had been shown there
    window.on_screen_removed(Unplugged())
    assert window.screen_name() == QGuiApplication.primaryScreen().name()
    assert window.isVisible() and window.isFullScreen()
    assert settings.get(PROJECTOR_SCREEN) == "Projecteur HDMI"  # kept for when it comes back
    window.on_screen_removed(Unplugged())  # another screen going away: nothing to do
    assert window.screen_name() == QGuiApplication.primaryScreen().name()


_TWO_SCREENS = textwrap.dedent("""
    import json, sys
    sys.path[:0] = [{root!r}, {tests!r}]
    from pathlib import Path
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from test_play_support import make_workshop
    from workshop_app.ui.projector import ProjectorWindow
    from workshop_app.ui.session import WorkshopSession
    from workshop_app.ui.settings import PROJECTOR_SCREEN, AppSettings
    folder = Path({folder!r})
    store, wid = make_workshop(folder, groups=2)
    settings = AppSettings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
    window = ProjectorWindow(WorkshopSession(store, wid), settings)
    seen = {{"screens": [s.name() for s in app.screens()]}}
    window.show_on_preferred_screen()
    seen["first"] = (window.screen_name(), window.geometry().width())
    window.swap_screen()
    seen["swapped"] = (window.screen_name(), settings.get(PROJECTOR_SCREEN), window.geometry().width())
    settings.set(PROJECTOR_SCREEN, "Absent")
    window.show_on_preferred_screen()
    seen["missing"] = window.screen_name()
    print(json.dumps(seen))
""")


def test_two_screens_in_a_real_qt_platform(tmp_path: Path) -> None:
    screens = [
        {"name": "Portable", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96},
        {"name": "Projecteur", "x": 1366, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96},
    ]
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": screens}))
    script = _TWO_SCREENS.format(root=str(ROOT), tests=str(ROOT / "tests" / "ui"), folder=str(tmp_path))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "PYQTGRAPH_QT_LIB": "PySide6"}
    command = [sys.executable, "-c", script]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["screens"] == ["Portable", "Projecteur"]
    assert seen["first"] == ["Projecteur", 1920]  # never chosen: the screen that is not the laptop's
    assert seen["swapped"] == ["Portable", "Portable", 1366]
    assert seen["missing"] == "Portable"  # the chosen screen is gone: the primary one


def test_strategy_budgets_and_picks_are_shown_once_revealed(tmp_path: Path, qtbot: Any) -> None:
    store, workshop_id = make_workshop(tmp_path, groups=2, strategy=True, questions=False)
    session = WorkshopSession(store, workshop_id)
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = ProjectorWindow(session, settings)
    qtbot.addWidget(window)
    window.show_on_preferred_screen()
    first, second = session.groups
    for card in ("parking", "friche", "etude"):
        session.pick_card(first.id, card)
    session.pick_card(second.id, "cour")
    assert window.budgets.isHidden()  # results hidden: the picks too
    session.set_revealed(True)
    assert window.budgets.isVisibleTo(window)
    text = window.budgets.text()
    assert "Table 1</b> — " in text and "11 / 10 points" in text  # over budget, in the error colour
    assert "3 cartes" in text and "⚠ 1 règle non respectée" in text  # the parking excludes the friche
    assert "3 / 10 points</span> · 1 carte" in text
    session.set_revealed(False)
    assert window.budgets.isHidden()
    store.close()
