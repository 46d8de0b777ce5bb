"""The main window's workshop tools that open their own dialogs: history and replay, photos, a template copy.

Kept out of :mod:`workshop_app.ui.main_window` so that it only composes the pages and the actions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from workshop_app.core.errors import AtelierError
from workshop_app.ui.workshop_pages import PAGE_PLAY, PAGE_SETUP

if TYPE_CHECKING:
    from workshop_app.ui.main_window import MainWindow


def show_history(window: MainWindow) -> None:
    if window.session is not None:
        from workshop_app.ui.history_dialog import open_history

        open_history(window.session, window)


def show_photos(window: MainWindow) -> None:
    """The photos dialog; from the play page, new photos go to the card on screen."""
    session = window.session
    if session is None:
        return
    from workshop_app.ui.debrief.photos_dialog import open_photos

    card = None
    if window.pages.current() == PAGE_PLAY and session.sequence_id and session.card_id:
        card = (session.sequence_id, session.card_id)
    open_photos(session, window, card)


def duplicate_workshop(window: MainWindow, workshop_id: str) -> bool:
    """A copy as a template (details, tables, programme; nothing played), opened on its set-up."""
    if window.service is None:
        return False
    from workshop_app.services.workshop_life import duplicate_workshop as copy_workshop

    try:
        copy = copy_workshop(window.service, workshop_id)
    except AtelierError as exc:
        title = QCoreApplication.translate("MainWindow", "Copie impossible")
        window.notify(QMessageBox.Icon.Warning, title, str(exc))
        return False
    window.refresh_workshops()
    text = QCoreApplication.translate("MainWindow", "Atelier « %1 » créé.")
    window.statusBar().showMessage(text.replace("%1", copy.title), 10_000)
    return window.open_workshop(copy.id, PAGE_SETUP)


def compare_workshops(window: MainWindow, workshop_ids: list[str]) -> bool:
    """« Comparer… » from the start page: the comparison window (evolution or cohort), see ``ui.cohort``."""
    if not window.ensure_store() or window.service is None:
        return False
    from workshop_app.ui.cohort.flow import CompareFlow

    flow = getattr(window, "compare_flow", None)
    if flow is None or flow.service is not window.service:
        flow = CompareFlow(window.service, window)
        window.compare_flow = flow  # type: ignore[attr-defined]
    return flow.start(workshop_ids)
