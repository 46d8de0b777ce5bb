"""Card and sequence timers read from the event log (no Qt): a restart after a crash finds them as they were.
The one fold of the timer events: the play page's timer bar and the projector (through their thin Qt
adapters), the app's stop-at-quit and the archive export (``services.workshop_life``) all read this clock, and
the rule that a running card timer follows the facilitator to the next card is here too (:func:`follow_card`).

A timer is keyed by its scope (``"card"`` or ``"sequence"``), the sequence and, for a card timer, the card.
``timer_started`` opens a run, ``timer_stopped`` closes it; the elapsed time is the sum of the runs.

A ``timer_stopped`` without a scope stops every timer of its sequence that is running. Demo workshops made
by earlier versions logged their stops that way; read as a card timer's stop (the default scope), it left
their sequence timers running for ever (« 2:54:08 / 1:40:00 », in red). A stop with no scope can only mean
"stop the clock", so it stops them all. Every stop logged today names its scope.

A run left open for more than ``STALE_AFTER`` (a workshop reopened days later, a timer never paused) is
stale: it counts until the last event logged while it was fresh, and no longer runs (instead of showing
hundreds of hours).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from workshop_app.core.events import Event, EventKind, as_utc, utc_now

CARD = "card"
SEQUENCE = "sequence"
STALE_AFTER = timedelta(hours=8)

TimerKey = tuple[str, str, str]  # (scope, sequence_id, card_id or "")


def timer_key(scope: str, sequence_id: str, card_id: str | None = None) -> TimerKey:
    return (scope, sequence_id, (card_id or "") if scope == CARD else "")


@dataclass
class _Run:
    total: float = 0.0
    since: datetime | None = None
    seen: datetime | None = None  # the last event logged while this run was open and fresh


@dataclass
class TimerClock:
    runs: dict[TimerKey, _Run] = field(default_factory=dict)

    @classmethod
    def from_events(cls, events: Iterable[Event]) -> TimerClock:
        clock = cls()
        for event in events:
            clock.apply(event)
        return clock

    def apply(self, event: Event) -> bool:
        """Fold one event in; True when it was a timer event."""
        moment = as_utc(event.at)
        self._note_activity(moment)
        if event.kind not in (EventKind.TIMER_STARTED, EventKind.TIMER_STOPPED) or not event.sequence_id:
            return False
        if event.kind is EventKind.TIMER_STOPPED and "scope" not in event.payload:  # an old log: see above
            for key, run in self.runs.items():
                if key[1] == event.sequence_id:
                    self._stop(run, moment)
            return True
        scope = str(event.payload.get("scope", CARD))
        run = self.runs.setdefault(timer_key(scope, event.sequence_id, event.card_id), _Run())
        if event.kind is EventKind.TIMER_STOPPED:
            self._stop(run, moment)
            return True
        self._close_stale(run, moment)
        if run.since is None:
            run.since = run.seen = moment
        return True

    @staticmethod
    def _close_stale(run: _Run, moment: datetime) -> None:
        """A run left open too long ends where the log went quiet."""
        if run.since is not None and moment - run.since > STALE_AFTER:
            run.total += max(0.0, ((run.seen or run.since) - run.since).total_seconds())
            run.since = None

    def _stop(self, run: _Run, moment: datetime) -> None:
        self._close_stale(run, moment)
        if run.since is not None:
            run.total += max(0.0, (moment - run.since).total_seconds())
            run.since = None

    def _note_activity(self, moment: datetime) -> None:
        for run in self.runs.values():
            if run.since is not None and moment - run.since <= STALE_AFTER and (run.seen or moment) <= moment:
                run.seen = moment

    def running(self, key: TimerKey, now: datetime | None = None) -> bool:
        run = self.runs.get(key)
        return run is not None and run.since is not None and not self._stale(run, now)

    def elapsed(self, key: TimerKey, now: datetime | None = None) -> float:
        run = self.runs.get(key)
        if run is None:
            return 0.0
        if run.since is None:
            return run.total
        until = as_utc(now or utc_now())
        if self._stale(run, now):
            until = run.seen or run.since
        return run.total + max(0.0, (until - run.since).total_seconds())

    def _stale(self, run: _Run, now: datetime | None) -> bool:
        return run.since is not None and as_utc(now or utc_now()) - run.since > STALE_AFTER

    def open_runs(self) -> list[TimerKey]:
        """The timers the log leaves started (stale ones included: their stop is still to be logged)."""
        return [key for key, run in self.runs.items() if run.since is not None]


@dataclass(frozen=True)
class TimerIntent:
    """A timer event to record: ``fields`` go to the play session's ``record(kind, **fields)``."""

    kind: EventKind
    fields: dict[str, Any]


def set_running(scope: str, sequence_id: str, card_id: str | None, running: bool) -> TimerIntent:
    kind = EventKind.TIMER_STARTED if running else EventKind.TIMER_STOPPED
    card = card_id if scope == CARD else None
    return TimerIntent(kind, {"sequence_id": sequence_id, "card_id": card, "payload": {"scope": scope}})


def toggle(clock: TimerClock, scope: str, sequence_id: str, card_id: str | None = None) -> TimerIntent:
    """Start the timer if it is not running, else pause it."""
    running = clock.running(timer_key(scope, sequence_id, card_id))
    return set_running(scope, sequence_id, card_id, not running)


def follow_card(clock: TimerClock, old: tuple[str, str], new: tuple[str, str]) -> list[TimerIntent]:
    """The facilitator moved from card ``old`` to card ``new`` (sequence id, card id; "" for none): a card
    timer running on the old card stops there and starts on the new one (unless it already runs)."""
    old_seq, old_card = old
    new_seq, new_card = new
    if not old_card or old == new or not clock.running(timer_key(CARD, old_seq, old_card)):
        return []
    intents = [set_running(CARD, old_seq, old_card, False)]
    if new_card and not clock.running(timer_key(CARD, new_seq, new_card)):
        intents.append(set_running(CARD, new_seq, new_card, True))
    return intents


def running_timers(events: Iterable[Event]) -> list[TimerKey]:
    """Timers the log leaves running, in the log's local order (a stop without a scope stops every timer of
    its sequence)."""
    return TimerClock.from_events(sorted(events, key=lambda e: e.seq)).open_runs()


def format_duration(seconds: float) -> str:
    """``75`` → ``01:15``; an hour or more → ``1:02:03``."""
    whole = int(max(0.0, seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
