"""Participant lists into the set-up page: « Importer une liste… » (CSV of French Excel, XLSX), rows pasted
from a spreadsheet with Ctrl+V on the table, and « Répartir par service ».

Parsing and checks live in :mod:`workshop_app.services.participants_import` (no Qt); a refused list comes back
through ``session.sig_error`` with every problem, line and column named, and nothing is imported.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget

from workshop_app.core.errors import AtelierError
from workshop_app.services.participants_import import (
    ParticipantRow,
    balance_workshop,
    import_participants,
    parse_pasted,
    read_participants,
)

if TYPE_CHECKING:
    from workshop_app.ui.session import WorkshopSession


class ParticipantsImport(QObject):
    def __init__(self, session: WorkshopSession, view: QWidget, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self._parent = parent
        self.import_button = QPushButton(self.tr("Importer une liste…"))
        self.import_button.setObjectName("importParticipantsButton")
        self.import_button.setToolTip(self.tr(
            "CSV d’Excel (« ; ») ou XLSX : nom, fonction, service, organisation, rôle (élu, agent, "
            "partenaire), table"))
        self.import_button.clicked.connect(self.on_import_clicked)
        self.balance_button = QPushButton(self.tr("Répartir par service"))
        self.balance_button.setObjectName("balanceParticipantsButton")
        self.balance_button.setToolTip(self.tr("Place chacun à une table en mêlant les services"))
        self.balance_button.clicked.connect(self.on_balance_clicked)
        paste = QShortcut(QKeySequence(QKeySequence.StandardKey.Paste), view)
        paste.setContext(Qt.ShortcutContext.WidgetShortcut)
        paste.activated.connect(self.paste)

    def choose_file(self) -> Path | None:
        """Asks for the list (tests replace this)."""
        path, _ = QFileDialog.getOpenFileName(
            self._parent, self.tr("Importer une liste de participants"), "",
            self.tr("Listes (*.csv *.xlsx *.txt)"))
        return Path(path) if path else None

    def on_import_clicked(self) -> None:
        path = self.choose_file()
        if path is not None:
            self.import_file(path)

    def import_file(self, path: Path) -> int:
        try:
            people = read_participants(path)
        except AtelierError as error:
            self.session.sig_error.emit(str(error))
            return 0
        return self._add(people, path.name)

    def paste(self) -> int:
        """Rows copied from a spreadsheet (tab-separated), added as participants."""
        clipboard = QGuiApplication.clipboard()
        text = clipboard.text() if clipboard is not None else ""
        if not text.strip():
            return 0
        try:
            people = parse_pasted(text)
        except AtelierError as error:
            self.session.sig_error.emit(str(error))
            return 0
        return self._add(people, self.tr("le texte collé"))

    def _add(self, people: list[ParticipantRow], source: str) -> int:
        workshop_id = self.session.workshop_id
        added = self.session.change_setup(lambda s: import_participants(s, workshop_id, people, source))
        return added or 0

    def on_balance_clicked(self) -> None:
        workshop_id = self.session.workshop_id
        self.session.change_setup(lambda s: balance_workshop(s, workshop_id))
