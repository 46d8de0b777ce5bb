"""Timers read from the event log (no Qt): runs add up, a stale run stops where the log went quiet."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from workshop_app.core.events import Event, EventKind
from workshop_app.ui.play.timing import CARD, SEQUENCE, TimerClock, format_duration, timer_key

T0 = datetime(2025, 3, 13, 13, 30, tzinfo=UTC)


def _event(seq: int, kind: EventKind, minutes: float, scope: str = CARD, card: str | None = "c1") -> Event:
    return Event(seq, kind, sequence_id="s", card_id=card, payload={"scope": scope},
                 at=T0 + timedelta(minutes=minutes))


def test_runs_add_up_and_the_open_run_counts_until_now() -> None:
    clock = TimerClock.from_events([
        _event(1, EventKind.TIMER_STARTED, 0),
        _event(2, EventKind.TIMER_STOPPED, 2),
        _event(3, EventKind.TIMER_STARTED, 10),
    ])
    key = timer_key(CARD, "s", "c1")
    assert clock.running(key, now=T0 + timedelta(minutes=11))
    assert clock.elapsed(key, now=T0 + timedelta(minutes=11)) == 180
    assert clock.elapsed(timer_key(CARD, "s", "other")) == 0


def test_sequence_timer_ignores_the_card() -> None:
    clock = TimerClock.from_events([_event(1, EventKind.TIMER_STARTED, 0, SEQUENCE, card=None)])
    assert timer_key(SEQUENCE, "s", "c9") == timer_key(SEQUENCE, "s")
    assert clock.elapsed(timer_key(SEQUENCE, "s"), now=T0 + timedelta(seconds=75)) == 75


def test_a_timer_left_running_for_days_is_stale() -> None:
    clock = TimerClock.from_events([
        _event(1, EventKind.TIMER_STARTED, 0),
        Event(2, EventKind.CHOICE_RECORDED, sequence_id="s", at=T0 + timedelta(minutes=40)),
    ])
    key = timer_key(CARD, "s", "c1")
    days_later = T0 + timedelta(days=3)
    assert not clock.running(key, now=days_later)
    assert clock.elapsed(key, now=days_later) == 40 * 60
    clock.apply(Event(3, EventKind.CHOICE_RECORDED, sequence_id="s", at=days_later))
    assert clock.elapsed(key, now=days_later) == 40 * 60  # activity days later does not stretch it
    clock.apply(_event(4, EventKind.TIMER_STARTED, 3 * 24 * 60))  # restarted: a fresh run
    assert clock.running(key, now=days_later + timedelta(minutes=1))
    assert clock.elapsed(key, now=days_later + timedelta(minutes=1)) == 41 * 60


def test_format_duration() -> None:
    assert format_duration(0) == "00:00"
    assert format_duration(75.9) == "01:15"
    assert format_duration(3723) == "1:02:03"
