"""Timers for the play page and the projector: the fold is :mod:`workshop_app.services.timers` (no Qt, tested
without a screen); this name stays for the widgets that import it."""

from workshop_app.services.timers import (
    CARD,
    SEQUENCE,
    STALE_AFTER,
    TimerClock,
    TimerIntent,
    TimerKey,
    follow_card,
    format_duration,
    set_running,
    timer_key,
    toggle,
)

__all__ = [
    "CARD",
    "SEQUENCE",
    "STALE_AFTER",
    "TimerClock",
    "TimerIntent",
    "TimerKey",
    "follow_card",
    "format_duration",
    "set_running",
    "timer_key",
    "toggle",
]
