"""Crash recovery: the settings remember the open workshop until a normal close (``OPEN_WORKSHOP``). If the
app was killed, the next start finds it there and offers to resume it where it was: the session restores the
sequence and card from the event log, which holds every committed click."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from workshop_app.core.errors import AtelierError
from workshop_app.ui.settings import OPEN_WORKSHOP, AppSettings

if TYPE_CHECKING:
    from workshop_app.core.workshop import WorkshopInfo
    from workshop_app.services.api import WorkshopService


def interrupted_workshop(settings: AppSettings, service: WorkshopService) -> WorkshopInfo | None:
    """The workshop the app was killed in, if any (a vanished one is forgotten)."""
    workshop_id = settings.get(OPEN_WORKSHOP)
    if not workshop_id:
        return None
    try:
        return service.get_workshop(workshop_id)
    except AtelierError:  # deleted since, or the settings point at another database
        settings.forget_open_workshop()
        return None


def was_played(service: WorkshopService, workshop_id: str) -> bool:
    """Resume on the play page once something was played, else on the set-up page."""
    return bool(service.events(workshop_id))


def ask_resume(parent: QWidget, title: str) -> bool:
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("Recovery", "Reprendre l’atelier"),
        QCoreApplication.translate(
            "Recovery",
            "L’application s’est arrêtée pendant un atelier.\n\n"
            "Reprendre l’atelier « %1 » là où il en était ?",
        ).replace("%1", title),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes
