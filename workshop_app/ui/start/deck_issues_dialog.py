"""Shows why a deck file was refused: one line per problem, ``file:line: field: message``, copyable."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QPushButton, QVBoxLayout


class DeckIssuesDialog(QDialog):
    def __init__(self, file_name: str, issues: Sequence[Any], parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("deckIssuesDialog")
        self.setWindowTitle(self.tr("Jeu refusé : %1").replace("%1", file_name))
        self._lines = [str(i) for i in issues]
        intro = QLabel(
            self.tr(
                "Le fichier « %1 » n’a pas été importé. Corrigez ces points dans le fichier puis importez-le "
                "à nouveau (chaque ligne indique le fichier, la ligne, le champ et le problème) :"
            ).replace("%1", file_name)
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("deckIssues")
        self.list.addItems(self._lines)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(self.tr("&Copier les erreurs"))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.on_copy_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(760, 360)

    @property
    def lines(self) -> list[str]:
        return list(self._lines)

    def on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText("\n".join(self._lines))
