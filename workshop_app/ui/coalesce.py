"""Redraw soon, but not too often: the first request of a quiet moment runs at the next event-loop turn
(``request``) or in the caller's own handler (``run_now_or_request``: a vote is drawn right after its commit,
ahead of whatever else is queued); later requests within ``interval_ms`` of the last run are coalesced into
one run at the end of that interval: a burst (an archive merged, a replay) costs one redraw per interval.
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

    def run_now_or_request(self) -> None:
        """Run the action in this call when the last run is at least one interval old (a lone vote: drawn
        before the event loop turns, ahead of whatever else is queued), else as ``request`` (a burst)."""
        if self._timer.isActive():
            return
        if time.monotonic() - self._last >= self._interval:
            self._run()
        else:
            self.request()

    def isActive(self) -> bool:
        return self._timer.isActive()

    def stop(self) -> None:
        """The action ran by other means (a direct flush): count it as a run."""
        self._timer.stop()
        self._last = time.monotonic()

    def _run(self) -> None:
        self._last = time.monotonic()
        self._action()
