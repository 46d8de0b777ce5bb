"""The main window's workshop tools: history and replay, photos, a template copy, the comparison, deleting a
workshop, the demonstration workshop and resuming a workshop the app was killed in.

Kept out of :mod:`workshop_app.ui.main_window` so that it only composes the pages and the actions.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from workshop_app.core.errors import AtelierError
from workshop_app.ui.workshop_pages import PAGE_PLAY, PAGE_SETUP

if TYPE_CHECKING:
    from workshop_app.ui.backup_flow import BackupFlow
    from workshop_app.ui.main_window import MainWindow
    from workshop_app.ui.sync_flow import SyncFlow

log = logging.getLogger(__name__)


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


def rescue(window: MainWindow) -> None:
    """Save the workshops of a damaged database as archives (works without an open store)."""
    from workshop_app.ui.rescue_flow import start_rescue

    start_rescue(window, window.notify)


def ask_delete_workshop(window: MainWindow, workshop_id: str) -> None:
    """The question names the workshop; nothing is deleted until « Supprimer l'atelier » is clicked."""
    from workshop_app.ui.start.delete_flow import ask_delete

    row = window.start.workshops.row_of(workshop_id)
    if not window.ensure_store() or window.service is None or row < 0:
        return
    ask_delete(window, window.start.workshops.summary(row), lambda: window.delete_workshop(workshop_id))


def delete_workshop(window: MainWindow, workshop_id: str) -> bool:
    """Delete it (closed first if open) with everything it holds, in one transaction of the service."""
    if window.service is None:
        return False
    if window.session is not None and window.session.workshop_id == workshop_id:
        window.close_workshop()
    row = window.start.workshops.row_of(workshop_id)
    title = window.start.workshops.summary(row).title if row >= 0 else ""
    try:
        window.service.delete_workshop(workshop_id)
    except AtelierError as exc:
        failed = QCoreApplication.translate("MainWindow", "Suppression impossible")
        window.notify(QMessageBox.Icon.Warning, failed, str(exc))
        window.refresh_workshops()
        return False
    window.settings.forget_workshop(workshop_id)
    window.refresh_workshops()
    text = QCoreApplication.translate("MainWindow", "Atelier « %1 » supprimé.")
    window.statusBar().showMessage(text.replace("%1", title), 10_000)
    return True


def open_demo(window: MainWindow) -> None:
    """The demonstration workshop, built in the background, opened on its play page."""
    if not window.ensure_store() or window.service is None:
        return
    from workshop_app.ui.start.demo_task import start_demo

    def done(workshop_id: str) -> None:
        window.start.set_demo_busy(False)
        window.refresh_workshops()
        window.open_workshop(workshop_id, PAGE_PLAY)

    def failed(error: BaseException) -> None:
        window.start.set_demo_busy(False)
        if not isinstance(error, AtelierError):
            log.error("demo workshop failed", exc_info=error)
        title = QCoreApplication.translate("MainWindow", "Atelier de démonstration")
        window.notify(QMessageBox.Icon.Warning, title, str(error))

    window.start.set_demo_busy(True)
    start_demo(window.service, done, failed)


def offer_recovery(window: MainWindow) -> None:
    """A workshop the app was killed in: resume it (on the page it was at) or forget it."""
    from workshop_app.ui.recovery import interrupted_workshop, was_played

    service = window.service
    info = interrupted_workshop(window.settings, service) if service is not None else None
    if info is None or service is None:
        return
    if window.confirm_resume(info.title):
        window.open_workshop(info.id, PAGE_PLAY if was_played(service, info.id) else PAGE_SETUP)
    else:
        window.settings.forget_open_workshop()


def backup_flow(window: MainWindow) -> BackupFlow:
    """Fichier › Sauvegarder… / Restaurer…, built on first use (``MainWindow.backups``), not at start."""
    from workshop_app.ui.backup_flow import BackupFlow

    return BackupFlow(window)


def sync_flow(window: MainWindow) -> SyncFlow:
    """Fichier › Synchroniser…, built on first use (``MainWindow.sync``): not on the start path."""
    from workshop_app.ui.sync_flow import install_sync

    return install_sync(window)
