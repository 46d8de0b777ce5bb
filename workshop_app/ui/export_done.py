"""After an export: « Compte-rendu enregistré » with « Ouvrir le PDF », « Ouvrir le dossier », « Fermer ».

Nothing opens by itself (a facilitator in front of the room decides). When the system has no application to
open the file (``QDesktopServices.openUrl`` says False, e.g. no launcher on a bare Linux), the box says so and
shows where the file is, with a button that copies the path.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

#: opens a file or a folder with the system's application; False when nothing could open it
Opener = Callable[[Path], "bool | None"]

def open_with_system(path: Path) -> bool:
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))


class ExportDoneBox(QMessageBox):
    def __init__(
        self, path: Path, opener: Opener, parent: QWidget | None = None, title: str | None = None
    ) -> None:
        """``title`` names what was written when it is not the workshop's compte-rendu (a comparison…)."""
        super().__init__(parent)
        self.setObjectName("exportDone")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setIcon(QMessageBox.Icon.Information)
        self.path = path
        self._opener = opener
        kind = path.suffix.lower().lstrip(".")
        titles = {
            "pdf": self.tr("Compte-rendu enregistré"),
            "docx": self.tr("Compte-rendu modifiable enregistré (DOCX)"),
            "csv": self.tr("Réponses enregistrées (CSV)"),
            "xlsx": self.tr("Réponses enregistrées (XLSX)"),
            "zip": self.tr("Archive enregistrée"),
        }
        heading = title or titles.get(kind, self.tr("Export terminé"))
        self.setWindowTitle(heading)
        self.setText(heading)
        self.setInformativeText(str(path))
        self.open_file_button: QPushButton | None = None
        if kind != "zip":  # an archive (or a pack) is for another laptop or for sending, not for reading
            label = self.tr("Ouvrir le PDF") if kind == "pdf" else self.tr("Ouvrir le fichier")
            self.open_file_button = self.addButton(label, QMessageBox.ButtonRole.ActionRole)
            self.open_file_button.clicked.disconnect()  # an action button must not close the box
            self.open_file_button.clicked.connect(lambda: self.open_target(path))
        action = QMessageBox.ButtonRole.ActionRole
        self.open_folder_button = self.addButton(self.tr("Ouvrir le dossier"), action)
        self.open_folder_button.clicked.disconnect()
        self.open_folder_button.clicked.connect(lambda: self.open_target(path.parent))
        self.copy_button = self.addButton(self.tr("Copier le chemin"), action)
        self.copy_button.clicked.disconnect()
        self.copy_button.clicked.connect(self.copy_path)
        self.close_button = self.addButton(self.tr("Fermer"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.open_file_button or self.open_folder_button)

    def open_target(self, target: Path) -> bool:
        if self._opener(target) is False:
            self.setIcon(QMessageBox.Icon.Warning)
            self.setText(self.tr(
                "Aucune application n’est configurée sur cet ordinateur pour ouvrir « %1 »."
            ).replace("%1", target.name or str(target)))
            self.setInformativeText(self.tr("Le fichier est ici : %1").replace("%1", str(self.path)))
            return False
        self.done(0)
        return True

    def copy_path(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(str(self.path))
        self.setInformativeText(self.tr("Chemin copié : %1").replace("%1", str(self.path)))
