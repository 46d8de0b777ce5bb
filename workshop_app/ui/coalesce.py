"""Redraw soon, but not too often: the first request of a quiet moment runs at the next event-loop turn (so
the few signals one vote emits make one redraw, right after the vote's own handler), later requests within
``interval_ms`` of the last run are coalesced into one run at the end of that interval. A facilitator's vote
is drawn in the same frame; a burst (an archive merged, a replay) still costs one redraw per interval.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class Coalescer(QObject):
    def __init__(self, action: Callable[[], None], interval_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._action = action
        self._interval = interval_ms / 1000
        self._last = -1e9
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._run)

    def request(self) -> None:
        if self._timer.isActive():
            return
        wait = self._last + self._interval - time.monotonic()
        self._timer.start(max(0, round(wait * 1000)))

    def isActive(self) -> bool:
        return self._timer.isActive()

    def stop(self) -> None:
        """The action ran by other means (a direct flush): count it as a run."""
        self._timer.stop()
        self._last = time.monotonic()

    def _run(self) -> None:
        self._last = time.monotonic()
        self._action()
