"""Opening the demo workshop starts no timer: its log stops every timer it started, and the play page's clock
ticks only while a timer runs and the page is on screen."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.workshop_pages import PAGE_DEBRIEF, PAGE_PLAY


def test_the_demo_opens_with_its_timers_stopped_and_the_clock_idle(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.sig_workshop_opened, timeout=20_000):
        window.start.demo_button.click()
    assert window.pages.current() == PAGE_PLAY
    timers = getattr(window.pages.play, "timers")  # noqa: B009 - the play page's TimerBar
    clock = timers.clock
    assert clock.runs and all(run.since is None for run in clock.runs.values()), clock.runs
    assert not timers._tick.isActive()
    assert timers.card_button.text() == timers.sequence_button.text() == "Démarrer"

    window.registry["card_timer"].trigger()  # the facilitator starts the card timer: now it ticks
    assert clock.running(timers.card_key()) and timers._tick.isActive()
    window.pages.show(PAGE_DEBRIEF)  # off screen: the timer keeps counting in the log, the display rests
    assert not timers._tick.isActive() and clock.running(timers.card_key())
    window.pages.show(PAGE_PLAY)
    assert timers._tick.isActive()
    window.registry["card_timer"].trigger()
    assert not clock.running(timers.card_key()) and not timers._tick.isActive()
