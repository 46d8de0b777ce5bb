"""Help › Keyboard shortcuts: generated from the action registry, so it always tells the truth."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop_app.ui.actions import ActionRegistry


class ShortcutsDialog(QDialog):
    def __init__(self, actions: ActionRegistry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Raccourcis clavier"))
        rows = actions.shortcut_table()
        table = QTableWidget(len(rows), 2)
        table.setObjectName("shortcutsTable")
        table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Touches")])
        for row, (what, keys) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(what))
            table.setItem(row, 1, QTableWidgetItem(keys))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        hint = QLabel(
            self.tr(
                "Partout : Tab et Maj+Tab passent d’un champ à l’autre, Alt + la lettre soulignée va "
                "au champ ou au bouton, F2 modifie la cellule choisie d’un tableau, Suppr retire la ligne "
                "choisie. Dans la liste des participants, Ctrl+M les place à une table : son numéro, ou 0 "
                "pour « sans table »."
            )
        )
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(620, 620)
