"""French for the few strings of Qt's own dialogs that ``qtbase_fr.qm`` (Qt 6.11) does not translate.

Qt 6 renamed « Look in: » to « &Look in: » and « Files of type: » to « Files of &type: » in the file dialog,
and its catalogue still has only the old texts; the file types of the icon provider (« Folder », « File »…)
are not in it either. This translator fills those gaps; everything else comes from Qt's catalogue.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTranslator

#: (context, source) -> French (a no-break space before « : », as Qt's own catalogue writes it)
GAPS: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Look in:"): "&Regarder dans\u00a0:",
    ("QFileDialog", "Files of &type:"): "&Type de fichiers\u00a0:",
    ("QFileDialog", "Save"): "Enregistrer",
    ("QFileDialog", "Computer"): "Ordinateur",
    ("QAbstractFileIconProvider", "Folder"): "Dossier",
    ("QAbstractFileIconProvider", "File"): "Fichier",
    ("QAbstractFileIconProvider", "%1 File"): "Fichier %1",
    ("QAbstractFileIconProvider", "Drive"): "Lecteur",
    ("QAbstractFileIconProvider", "Unknown"): "Inconnu",
    ("QAbstractFileIconProvider", "Computer"): "Ordinateur",
    ("QAbstractFileIconProvider", "Desktop"): "Bureau",
    ("QAbstractFileIconProvider", "Trashcan"): "Corbeille",
    ("QAbstractFileIconProvider", "Network"): "Réseau",
}


class QtFrenchGaps(QTranslator):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def translate(
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return GAPS.get((context, source_text))  # None: not ours, the next catalogue is asked

    def isEmpty(self) -> bool:
        return False
