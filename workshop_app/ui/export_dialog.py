"""Asks what to export: the compte-rendu (PDF, or DOCX to edit it), the report pack (.zip: PDF, DOCX,
charts, data), the raw answers (CSV for French Excel, XLSX) or the workshop's archive (.zip), where, and
whether participants' names are anonymised."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

FORMATS = ("pdf", "docx", "pack", "csv", "xlsx", "zip")
SUFFIXES = {"pack": "zip"}  # the file suffix of a format, when it is not its name


def suffix(kind: str) -> str:
    return SUFFIXES.get(kind, kind)


@dataclass(frozen=True)
class ExportChoice:
    kind: str  # one of FORMATS
    target: Path
    anonymise: bool
    edition: str = "complet"  # the PDF: « complet » (body, annexes) or « synthese » (for elected officials)
    inclusive: bool = False  # the PDF: inclusive writing (point médian)


def file_stem(title: str, territory: str, day: str) -> str:
    """``compte-rendu-soissons-2025-06-12``: safe on every file system."""
    words = " ".join(x for x in ("compte-rendu", territory or title, day) if x)
    stem = re.sub(r"[^\w\-]+", "-", words.lower(), flags=re.UNICODE).strip("-")
    return stem[:80] or "compte-rendu"


class ExportDialog(QDialog):
    def __init__(self, folder: Path, stem: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Exporter l’atelier"))
        self._folder = folder
        self._stem = stem
        self.kind = QComboBox()
        self.kind.setObjectName("exportKind")
        self.kind.addItem(self.tr("Compte-rendu (PDF)"), "pdf")
        self.kind.addItem(self.tr("Compte-rendu modifiable (Word, DOCX)"), "docx")
        self.kind.addItem(self.tr("Dossier complet : PDF, DOCX, graphiques, données (.zip)"), "pack")
        self.kind.addItem(self.tr("Réponses brutes pour Excel (CSV)"), "csv")
        self.kind.addItem(self.tr("Réponses brutes (XLSX)"), "xlsx")
        self.kind.addItem(self.tr("Archive de l’atelier, photos comprises (.zip)"), "zip")
        self.anonymise = QCheckBox(
            self.tr("&Anonymiser les participant·es (seuls leur service et leur organisation restent)")
        )
        self.anonymise.setToolTip(
            self.tr(
                "Les noms sont remplacés partout, y compris dans les textes saisis (nom seul, « M. Nom », "
                "initiale, majuscules, sans accents) et les noms des photos ; les porteurs d’actions "
                "deviennent leur service. Un surnom n’est pas reconnu : relisez avant d’envoyer."
            )
        )
        self.anonymise.setObjectName("exportAnonymise")
        self.edition = QComboBox()
        self.edition.setObjectName("exportEdition")
        self.edition.addItem(self.tr("Complète : synthèse, compte-rendu et annexes"), "complet")
        self.edition.addItem(
            self.tr("Courte, pour les élus : synthèse et compte-rendu, sans annexes"), "synthese"
        )
        self.inclusive = QCheckBox(self.tr("Écriture &inclusive (« participant·es »)"))
        self.inclusive.setObjectName("exportInclusive")
        self.path = QLineEdit(str(folder / f"{stem}.pdf"))
        self.path.setObjectName("exportPath")
        browse = QPushButton(self.tr("&Parcourir…"))
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("F&ormat"), self.kind)
        form.addRow(self.tr("É&dition"), self.edition)
        file_label = QLabel(self.tr("&Fichier"))  # a row holding a layout gets no buddy: give it one
        file_label.setBuddy(self.path)
        form.addRow(file_label, path_row)
        form.addRow("", self.anonymise)
        form.addRow("", self.inclusive)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Exporter"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(self.on_kind_changed)
        browse.clicked.connect(self.on_browse_clicked)
        self.path.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.resize(640, self.sizeHint().height())

    def choice(self) -> ExportChoice:
        kind = str(self.kind.currentData())
        target = Path(self.path.text().strip()).expanduser()
        if target.suffix.lower() != f".{suffix(kind)}":
            target = target.with_name(f"{target.name}.{suffix(kind)}")
        return ExportChoice(
            kind, target, self.anonymise.isChecked(), str(self.edition.currentData()),
            self.inclusive.isChecked(),
        )

    def on_kind_changed(self, _index: int) -> None:
        kind = str(self.kind.currentData())
        self.edition.setEnabled(kind in ("pdf", "docx", "pack"))
        self.inclusive.setEnabled(kind in ("pdf", "docx", "pack"))
        current = Path(self.path.text().strip() or str(self._folder / self._stem))
        if current.suffix.lower().lstrip(".") in {suffix(k) for k in FORMATS}:
            current = current.with_suffix("")
        self.path.setText(str(current.with_name(f"{current.name}.{suffix(kind)}")))

    def on_browse_clicked(self) -> None:
        kind = str(self.kind.currentData())
        filters = {
            "pdf": self.tr("PDF (*.pdf)"),
            "docx": self.tr("Word (*.docx)"),
            "pack": self.tr("Dossier de compte-rendu (*.zip)"),
            "csv": self.tr("CSV (*.csv)"),
            "xlsx": self.tr("Excel (*.xlsx)"),
            "zip": self.tr("Archive d’atelier (*.zip)"),
        }
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Enregistrer sous"), self.path.text(), filters[kind]
        )
        if chosen:
            self.path.setText(chosen)


def documents_dir() -> Path:
    from PySide6.QtCore import QStandardPaths

    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()
