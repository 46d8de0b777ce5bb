"""Import dropped or chosen deck files: a refused file shows its errors, one per line, in a dialog."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from workshop_app.core.catalogue import DeckEntry
from workshop_app.core.deck_loader import DeckLoadError
from workshop_app.core.errors import AtelierError
from workshop_app.ui.start.deck_import import import_deck_file, is_deck_file
from workshop_app.ui.start.deck_issues_dialog import DeckIssuesDialog

log = logging.getLogger(__name__)


def import_decks(paths: Sequence[str], catalogue: Sequence[DeckEntry], parent: QWidget) -> list[str]:
    """Returns where the imported decks now live; each refused file opens a dialog explaining why."""
    imported: list[str] = []
    for raw in paths:
        path = Path(raw)
        if not is_deck_file(path):
            _warn(
                parent,
                QCoreApplication.translate(
                    "ImportFlow", "« %1 » n’est pas un fichier de jeu (.yaml, .yml, .xlsx ou .ods)."
                ).replace("%1", path.name),
            )
            continue
        try:
            _deck, target = import_deck_file(path, catalogue)
        except DeckLoadError as exc:
            log.info("deck refused: %s", exc)
            dialog = DeckIssuesDialog(path.name, exc.issues, parent)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()
            continue
        except AtelierError as exc:
            _warn(parent, str(exc))
            continue
        imported.append(str(target))
    return imported


def _warn(parent: QWidget, text: str) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("ImportFlow", "Import d’un jeu"),
        text,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("notice")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
