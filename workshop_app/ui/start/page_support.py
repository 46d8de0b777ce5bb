"""Helpers of the start page: what a drop onto it carries, the look of its tables, the list that says when it
has painted."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QRegion
from PySide6.QtWidgets import QAbstractItemView, QTableView


def dropped_paths(event: Any) -> list[str]:
    """The dropped files the page takes: decks and workshop archives (anything else is refused)."""
    from workshop_app.ui.file_flow import BUNDLE_SUFFIX
    from workshop_app.ui.start.deck_import import DECK_SUFFIXES, SHEET_SUFFIXES

    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    paths = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
    return [p for p in paths if p.lower().endswith((*DECK_SUFFIXES, *SHEET_SUFFIXES, BUNDLE_SUFFIX))]


def table_look(view: QTableView) -> None:
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.setTabKeyNavigation(False)
    view.setWordWrap(False)


class PaintedTable(QTableView):
    """A table that says when its rows have painted: the start screen is interactive then (``app.py``).

    It hears its viewport's events itself (``viewportEvent``), so the start never asks Qt for the viewport:
    the first time PySide6 is handed a widget that Qt made (``viewport()``), it looks for its Python class
    among every QWidget subclass and creates them all (QWizard, QCalendarWidget, the dialogs…, ~60 enums):
    ~8 ms of every start, none of it in a bare window."""

    def __init__(self) -> None:
        super().__init__()
        self._after_paint: list[Callable[[], None]] = []

    def after_next_paint(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` at the event-loop turn after the rows' next paint (a repaint is requested)."""
        self._after_paint.append(callback)
        self.setDirtyRegion(QRegion(self.rect()))  # the viewport's area (``update()`` is the frame's)

    def viewportEvent(self, event: QEvent) -> bool:
        if self._after_paint and event.type() == QEvent.Type.Paint:
            waiting, self._after_paint = self._after_paint, []
            for callback in waiting:
                QTimer.singleShot(0, callback)  # once this paint is done
        return super().viewportEvent(event)
