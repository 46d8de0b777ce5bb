"""« Supprimer l'atelier… »: a confirmation that names the workshop and says what goes with it.

The question is window-modal but does not block the event loop (``open()``, not ``exec()``): ``on_confirmed``
runs only when the facilitator clicks « Supprimer »; « Annuler » (the default button, and Escape) changes
nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

if TYPE_CHECKING:
    from workshop_app.services.api import WorkshopSummary


def describe(summary: WorkshopSummary) -> str:
    """« Titre » (territoire, date): how the question names the workshop."""
    details = [summary.territory] if summary.territory else []
    if summary.date is not None:
        day = QDate(summary.date.year, summary.date.month, summary.date.day)
        details.append(QLocale().toString(day, "d MMMM yyyy"))
    name = f"« {summary.title} »"
    return f"{name} ({', '.join(details)})" if details else name


def ask_delete(parent: QWidget, summary: WorkshopSummary, on_confirmed: Callable[[], object]) -> QMessageBox:
    answers = (
        QCoreApplication.translate("DeleteFlow", "%1 réponse enregistrée")
        if summary.answered <= 1
        else QCoreApplication.translate("DeleteFlow", "%1 réponses enregistrées")
    ).replace("%1", str(summary.answered))
    text = QCoreApplication.translate(
        "DeleteFlow",
        "Supprimer l’atelier %1 ?\n\n"
        "Tout ce qui lui appartient sera effacé de cette base : ses tables, participant·es, séquences, "
        "%2, notes, bilan, plan d’action et photos. La suppression est définitive.\n\n"
        "Pour en garder une copie, exportez d’abord son archive (.zip) depuis le menu Fichier.",
    )
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("DeleteFlow", "Supprimer l’atelier"),
        text.replace("%1", describe(summary)).replace("%2", answers),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setObjectName("deleteWorkshopQuestion")
    delete = box.addButton(
        QCoreApplication.translate("DeleteFlow", "&Supprimer l’atelier"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    delete.setObjectName("confirmDeleteButton")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    delete.clicked.connect(on_confirmed)
    box.open()
    return box
