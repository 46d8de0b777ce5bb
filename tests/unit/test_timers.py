"""Timers read from the event log (``services.timers``, no Qt and no screen): runs add up, a stale run stops
where the log went quiet, a running card timer follows the facilitator, one fold answers every reader."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from workshop_app.core.events import Event, EventKind
from workshop_app.services.timers import CARD, SEQUENCE, TimerClock, format_duration, timer_key

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


def test_a_stop_without_scope_stops_every_running_timer_of_its_sequence() -> None:
    """Old demo workshops logged ``timer_stopped`` with no payload: their sequence timers must not run on."""
    stop = Event(4, EventKind.TIMER_STOPPED, sequence_id="s", payload={}, at=T0 + timedelta(minutes=100))
    clock = TimerClock.from_events([
        _event(1, EventKind.TIMER_STARTED, 0, SEQUENCE, card=None),
        _event(2, EventKind.TIMER_STARTED, 90),  # the card timer of c1
        Event(3, EventKind.TIMER_STARTED, sequence_id="other", payload={"scope": SEQUENCE}, at=T0),
        stop,
    ])
    later = T0 + timedelta(hours=3)
    sequence, card = timer_key(SEQUENCE, "s"), timer_key(CARD, "s", "c1")
    assert not clock.running(sequence, now=later) and clock.elapsed(sequence, now=later) == 100 * 60
    assert not clock.running(card, now=later) and clock.elapsed(card, now=later) == 10 * 60
    assert clock.running(timer_key(SEQUENCE, "other"), now=later)  # another sequence's timer runs on
    clock.apply(_event(5, EventKind.TIMER_STARTED, 110, SEQUENCE, card=None))  # and each can start again
    assert clock.running(sequence, now=T0 + timedelta(minutes=111))
    assert clock.elapsed(sequence, now=T0 + timedelta(minutes=111)) == 101 * 60


def test_start_pause_and_a_card_timer_following_the_facilitator() -> None:
    from workshop_app.services.timers import follow_card, toggle

    clock = TimerClock()
    start = toggle(clock, CARD, "s", "c1")
    assert start.kind is EventKind.TIMER_STARTED
    assert start.fields == {"sequence_id": "s", "card_id": "c1", "payload": {"scope": CARD}}
    clock.apply(Event(1, start.kind, at=datetime.now(UTC), **start.fields))  # running now
    assert toggle(clock, CARD, "s", "c1").kind is EventKind.TIMER_STOPPED
    assert toggle(clock, SEQUENCE, "s", "c1").fields["card_id"] is None  # a sequence timer has no card
    moved = follow_card(clock, ("s", "c1"), ("s", "c2"))
    assert [(i.kind, i.fields["card_id"]) for i in moved] == [
        (EventKind.TIMER_STOPPED, "c1"),
        (EventKind.TIMER_STARTED, "c2"),
    ]
    assert follow_card(clock, ("s", "c1"), ("s", "c1")) == []  # the same card: nothing to do
    assert [i.kind for i in follow_card(clock, ("s", "c1"), ("s", ""))] == [EventKind.TIMER_STOPPED]
    assert follow_card(TimerClock(), ("s", "c1"), ("s", "c2")) == []  # nothing ran: nothing follows


def test_one_fold_answers_which_timers_are_left_running() -> None:
    from workshop_app.services.timers import running_timers
    from workshop_app.services.workshop_life import running_timers as life_running

    events = [
        _event(1, EventKind.TIMER_STARTED, 0, SEQUENCE, card=None),
        _event(2, EventKind.TIMER_STARTED, 1),
        _event(3, EventKind.TIMER_STOPPED, 2),
        Event(4, EventKind.TIMER_STARTED, sequence_id="t", payload={"scope": SEQUENCE}, at=T0),
    ]
    expected = [timer_key(SEQUENCE, "s"), timer_key(SEQUENCE, "t")]
    assert running_timers(reversed(events)) == life_running(events) == expected  # the log's local order
    stale = [_event(1, EventKind.TIMER_STARTED, 0)]
    assert running_timers(stale) == [timer_key(CARD, "s", "c1")]  # stale days later: its stop is still due


def test_the_timer_service_needs_no_qt() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import workshop_app.services.timers, workshop_app.services.workshop_life\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6'))\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
