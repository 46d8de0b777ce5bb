"""Helpers of the start page: what a drop onto it carries, the look of its tables."""

from __future__ import annotations

from typing import Any

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
