"""The one place that crosses threads: run a function on the thread pool, its result back on the GUI thread.

``run_task(fn, on_done, on_error, progress)`` calls ``fn(report)`` on a worker thread. ``report(percent,
message="")`` may be called from the worker as often as it likes; ``progress`` receives the calls on the GUI
thread. ``on_done(result)`` or ``on_error(exception)`` then runs on the GUI thread, once. Workers never touch
widgets; widgets never wait for workers.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Report = Callable[..., None]
Work = Callable[[Report], Any]


class TaskCancelled(Exception):
    """Raised by ``report`` inside the worker once the task was cancelled: the work stops where it is."""


class TaskHandle(QObject):
    """Created on the GUI thread; the worker's news reach its slots through queued signals."""

    sig_done = Signal(object)
    sig_failed = Signal(object)
    sig_progress = Signal(int, str)

    def __init__(
        self,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None,
        progress: Callable[[int, str], None] | None,
    ) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        self._progress = progress
        self.finished = False
        self.cancelled = False
        self.sig_done.connect(self._done)
        self.sig_failed.connect(self._failed)
        self.sig_progress.connect(self._report)

    def cancel(self) -> None:
        """Nothing more is called back; the worker stops at its next ``report`` (or its result is ignored)."""
        self.cancelled = True

    @Slot(object)
    def _done(self, result: object) -> None:
        self._finish()
        if not self.cancelled:
            self._on_done(result)

    @Slot(object)
    def _failed(self, exc: object) -> None:
        self._finish()
        if self.cancelled:
            return
        error = exc if isinstance(exc, BaseException) else RuntimeError(str(exc))
        if self._on_error is None:
            log.error("background task failed", exc_info=error)
            return
        self._on_error(error)

    @Slot(int, str)
    def _report(self, percent: int, message: str) -> None:
        if self._progress is not None and not self.cancelled and not self.finished:
            self._progress(percent, message)

    def _finish(self) -> None:
        self.finished = True
        _running.discard(self)


_running: set[TaskHandle] = set()  # keeps each handle alive until its worker has reported


class _Runnable(QRunnable):
    def __init__(self, fn: Work, handle: TaskHandle) -> None:
        super().__init__()
        self._fn = fn
        self._handle = handle
        self.setAutoDelete(True)

    def run(self) -> None:
        handle = self._handle

        def report(percent: float, message: str = "") -> None:
            if handle.cancelled:
                raise TaskCancelled
            handle.sig_progress.emit(int(max(0.0, min(100.0, float(percent)))), str(message))

        try:
            result = self._fn(report)
        except BaseException as exc:  # reported to the GUI thread, never lost in the pool
            handle.sig_failed.emit(exc)
            return
        handle.sig_done.emit(result)


def run_task(
    fn: Work,
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
    progress: Callable[[int, str], None] | None = None,
) -> TaskHandle:
    """Start ``fn(report)`` in the background. Call from the GUI thread only."""
    handle = TaskHandle(on_done, on_error, progress)
    _running.add(handle)
    QThreadPool.globalInstance().start(_Runnable(fn, handle))
    return handle


def wait_all(msecs: int = 30_000) -> bool:
    """For tests and shutdown: wait until every worker has returned (their callbacks still need the loop)."""
    return QThreadPool.globalInstance().waitForDone(msecs)
