"""Help › About."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def show_about(parent: QWidget) -> None:
    from workshop_app import __version__

    QMessageBox.about(
        parent,
        QCoreApplication.translate("About", "À propos"),
        QCoreApplication.translate(
            "About",
            "<b>Atelier Résilience</b> %1<br>Ateliers de résilience territoriale, hors ligne.<br>"
            "Les scores sont l'autoévaluation des groupes, pas un indice officiel.",
        ).replace("%1", __version__),
    )
