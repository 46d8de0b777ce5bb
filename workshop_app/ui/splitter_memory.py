"""A splitter whose sizes outlive the session: restored from a declared setting, saved when it was moved.

The state (``QSplitter.saveState``) is written once the splitter is hidden after the facilitator dragged a
handle (another tab, the workshop closed, the window closed), not on every pixel of the drag.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject
from PySide6.QtWidgets import QSplitter

from workshop_app.ui.settings import AppSettings, Option


class SplitterMemory(QObject):
    def __init__(self, splitter: QSplitter, settings: AppSettings, option: Option[bytes]) -> None:
        super().__init__(splitter)
        self._splitter = splitter
        self._settings = settings
        self._option = option
        self._moved = False
        saved = settings.get(option)
        if saved:
            splitter.restoreState(QByteArray(saved))  # a state from another layout is refused: defaults stay
        splitter.splitterMoved.connect(self.on_splitter_moved)
        splitter.installEventFilter(self)

    def on_splitter_moved(self, _pos: int, _index: int) -> None:
        self._moved = True

    def save(self) -> None:
        if self._moved:
            self._moved = False
            self._settings.set(self._option, bytes(self._splitter.saveState().data()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Hide:
            self.save()
        return False


def remember_sizes(splitter: QSplitter, settings: AppSettings, option: Option[bytes]) -> SplitterMemory:
    """Restore ``splitter`` from ``option`` now; save it there whenever it is hidden after a move."""
    return SplitterMemory(splitter, settings, option)
