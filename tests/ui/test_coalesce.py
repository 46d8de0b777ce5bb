"""The compass's redraw timing: a lone request runs at the next event-loop turn, a burst is thinned out."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from workshop_app.ui.coalesce import Coalescer


def test_a_lone_request_runs_at_the_next_turn_and_a_burst_once(qtbot: QtBot) -> None:
    runs: list[int] = []
    coalescer = Coalescer(lambda: runs.append(1), 200)
    for _ in range(5):  # one vote's several signals, in one pass
        coalescer.request()
    assert runs == []
    qtbot.wait(1)  # the next turn, far sooner than the interval
    assert runs == [1]
    coalescer.request()  # within 200 ms of the last run: waits for the end of the interval
    qtbot.wait(20)
    assert runs == [1]
    qtbot.waitUntil(lambda: len(runs) == 2, timeout=1000)
    coalescer.stop()  # a direct flush counts as a run: the next request waits again
    coalescer.request()
    qtbot.wait(20)
    assert len(runs) == 2 and coalescer.isActive()


def test_run_now_or_request_runs_a_lone_request_at_once_and_thins_a_burst(qtbot: QtBot) -> None:
    runs: list[int] = []
    coalescer = Coalescer(lambda: runs.append(1), 200)
    coalescer.run_now_or_request()  # a quiet moment: in this call, before the event loop turns
    assert runs == [1]
    for _ in range(5):  # within 200 ms of that run: one run at the end of the interval
        coalescer.run_now_or_request()
    assert runs == [1] and coalescer.isActive()
    qtbot.wait(20)
    assert runs == [1]
    qtbot.waitUntil(lambda: len(runs) == 2, timeout=1000)
    qtbot.wait(50)
    assert runs == [1, 1]
