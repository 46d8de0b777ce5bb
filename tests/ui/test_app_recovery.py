"""Recovery: the app killed during a workshop (SIGKILL, no chance to clean up) offers to resume it, on the
play page, at the same sequence and card; a normal close leaves nothing to recover."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.test_app_smoke import ROOT, app_env
from tests.ui.test_app_support import et_si_deck, new_store
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.settings import OPEN_WORKSHOP, AppSettings
from workshop_app.ui.workshop_pages import PAGE_PLAY, PAGE_SETUP

PLAYER = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from workshop_app.app import run_app

    WORKSHOP = sys.argv[1]

    def shown(window):
        def ready():
            window.open_workshop(WORKSHOP)
            session = window.session
            for _ in range(4):
                window.registry["next_card"].trigger()
            option = session.deck.scale[3].id
            for group in session.groups:
                session.record_choice(group.id, option, "argument de " + group.name)
            print("READY", session.sequence_id, session.card_id, flush=True)
        window.sig_store_ready.connect(ready)

    QTimer.singleShot(60_000, lambda: sys.exit(3))  # never reached: the test kills us first
    sys.exit(run_app(["atelier"], on_shown=shown))
    """
)


def prepared_workshop() -> str:
    store = new_store()
    info = store.create_workshop("Atelier Soissons", territory="Soissons")
    for name in ("Les Coteaux", "Le Canal", "La Plaine", "Le Vieux Bourg"):
        store.add_group(info.id, name)
    store.add_sequence(info.id, et_si_deck(), 90)
    store.close()
    return info.id


def kill_while_playing(home: Path, workshop_id: str) -> tuple[str, str]:
    process = subprocess.Popen(
        [sys.executable, "-c", PLAYER, workshop_id],
        cwd=ROOT,
        env=app_env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("READY"), (line, process.stderr.read() if process.stderr else "")
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    _ready, sequence_id, card_id = line.split()
    return sequence_id, card_id


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_killed_app_offers_to_resume_where_it_was(qtbot: QtBot, atelier_home: Path) -> None:
    workshop_id = prepared_workshop()
    sequence_id, card_id = kill_while_playing(atelier_home, workshop_id)
    settings = AppSettings()
    assert settings.get(OPEN_WORKSHOP) == workshop_id  # the killed app could not clear it
    asked: list[str] = []
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.confirm_resume = lambda title: asked.append(title) or True  # type: ignore[method-assign]
    window.show()
    assert window.open_store()
    assert asked == ["Atelier Soissons"]
    session = window.session
    assert session is not None and session.workshop_id == workshop_id
    assert (session.sequence_id, session.card_id) == (sequence_id, card_id)
    assert card_id == et_si_deck().cards[4].id  # four times « carte suivante » from the first card
    assert window.pages.current() == PAGE_PLAY
    answers = session.sequence_state().answers
    assert {(g.id, card_id) for g in session.groups} <= set(answers)
    assert answers[(session.groups[0].id, card_id)].argument == "argument de Les Coteaux"
    window.close()
    assert AppSettings().get(OPEN_WORKSHOP) == ""  # closed normally this time


def test_declining_forgets_the_workshop_and_a_normal_close_leaves_nothing(qtbot: QtBot) -> None:
    workshop_id = prepared_workshop()
    settings = AppSettings()
    settings.remember_workshop(workshop_id)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.confirm_resume = lambda title: False  # type: ignore[method-assign]
    window.open_store()
    assert window.session is None and settings.get(OPEN_WORKSHOP) == ""
    window.open_workshop(workshop_id)
    assert window.pages.current() == PAGE_PLAY and settings.get(OPEN_WORKSHOP) == workshop_id
    window.close()
    again = MainWindow(AppSettings())
    qtbot.addWidget(again)
    again.confirm_resume = lambda title: pytest.fail("nothing to recover after a normal close")  # type: ignore
    again.open_store()
    assert again.session is None
    again.close()


def test_a_workshop_interrupted_during_set_up_reopens_on_the_set_up_page(qtbot: QtBot) -> None:
    store = new_store()
    workshop_id = store.create_workshop("Brouillon").id
    store.close()
    settings = AppSettings()
    settings.remember_workshop(workshop_id)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.confirm_resume = lambda title: True  # type: ignore[method-assign]
    window.open_store()
    assert window.session is not None and window.pages.current() == PAGE_SETUP
    window.close()
