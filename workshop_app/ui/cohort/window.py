"""The comparison window: what is compared (title, compass and version, workshops left out and why), the
evolution or cohort view, the reading rules and the self-assessment disclaimer; « Ville A, B… » and the
exports. It shows the service's ``Comparison`` and emits intent; :mod:`.flow` does the work."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.compare_model import CompareKind, Comparison
from workshop_app.ui.cohort.cohort_view import CohortView
from workshop_app.ui.cohort.evolution_view import EvolutionView
from workshop_app.ui.theme import set_role

EXPORT_KINDS = ("pdf", "docx", "csv")


class CompareWindow(QDialog):
    #: « Nommer les territoires Ville A, B… » toggled: recompute with or without names
    sig_anonymise = Signal(bool)
    #: an export button: "pdf", "docx" or "csv"
    sig_export = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareWindow")
        self.setWindowTitle(self.tr("Comparer des ateliers"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.comparison: Comparison | None = None
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        set_role(self.caption, "muted")
        self.anonymise = QCheckBox(self.tr("Nommer les territoires « Ville A, B… »"))
        self.anonymise.setObjectName("anonymiseBox")
        self.anonymise.setToolTip(
            self.tr("Pour présenter la comparaison sans désigner les territoires ; les titres sont retirés")
        )
        self.buttons: dict[str, QPushButton] = {}
        labels = {
            "pdf": self.tr("Exporter en &PDF…"),
            "docx": self.tr("Exporter en &DOCX…"),
            "csv": self.tr("Tableau &CSV…"),
        }
        top = QHBoxLayout()
        top.addWidget(self.anonymise)
        top.addStretch(1)
        for kind in EXPORT_KINDS:
            button = QPushButton(labels[kind])
            button.setObjectName(f"export_{kind}")
            button.clicked.connect(lambda _=False, k=kind: self.sig_export.emit(k))
            self.buttons[kind] = button
            top.addWidget(button)
        self.status = QLabel()
        set_role(self.status, "muted")
        self.notes = QLabel()
        self.notes.setObjectName("compareNotes")
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.evolution = EvolutionView()
        self.cohort = CohortView()
        self.body = QStackedWidget()
        self.body.addWidget(self.evolution)
        self.body.addWidget(self.cohort)
        self.rules = QLabel()
        self.rules.setObjectName("compareRules")
        self.rules.setWordWrap(True)
        self.rules.setTextFormat(Qt.TextFormat.PlainText)
        set_role(self.rules, "muted")
        self.rules_button = QPushButton(self.tr("&Règles de lecture"))
        self.rules_button.setCheckable(True)
        self.rules_button.setObjectName("rulesButton")
        self.rules_button.toggled.connect(self.on_rules_toggled)
        self.disclaimer = QLabel()
        self.disclaimer.setObjectName("compareDisclaimer")
        self.disclaimer.setWordWrap(True)
        foot = QHBoxLayout()
        foot.addWidget(self.disclaimer, 1)
        foot.addWidget(self.rules_button, 0, Qt.AlignmentFlag.AlignTop)
        close = QPushButton(self.tr("Fermer"))
        close.clicked.connect(self.close)
        foot.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 14)
        layout.addWidget(self.title)
        layout.addWidget(self.caption)
        layout.addLayout(top)
        layout.addWidget(self.notes)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.rules)
        layout.addWidget(self.status)
        layout.addLayout(foot)
        self.rules.setVisible(False)
        self.anonymise.toggled.connect(self.sig_anonymise)

    def set_comparison(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self.title.setText(comparison.title)
        self.setWindowTitle(comparison.title)
        count = len(comparison.profiles)
        if comparison.kind is CompareKind.EVOLUTION:
            what = self.tr("%1 ateliers du même territoire, par date").replace("%1", str(count))
        else:
            what = self.tr("%1 territoires, par ordre alphabétique, sans classement")
            what = what.replace("%1", str(count))
        self.caption.setText(
            self.tr("Jeu comparé : %1 — %2").replace("%1", comparison.deck.caption).replace("%2", what)
        )
        notes = [f"{'⚠' if _left_out(n, comparison) else '•'} {n}" for n in comparison.notes]
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        set_role(self.notes, "error" if comparison.excluded else "muted")
        self.rules.setText("\n".join(f"• {rule}" for rule in comparison.rules))
        self.disclaimer.setText(comparison.disclaimer)
        evolution = comparison.kind is CompareKind.EVOLUTION
        view = self.evolution if evolution else self.cohort
        view.set_comparison(comparison)
        self.body.setCurrentWidget(view)
        # one territory over time: there is no one to leave unnamed
        self.anonymise.setVisible(not evolution)
        self.anonymise.blockSignals(True)
        self.anonymise.setChecked(comparison.anonymised)
        self.anonymise.blockSignals(False)

    def set_busy(self, busy: bool, message: str = "") -> None:
        """While a recompute or an export runs: the buttons wait, the line says what is happening."""
        self.anonymise.setEnabled(not busy)
        for button in self.buttons.values():
            button.setEnabled(not busy)
        self.status.setText(message)

    def on_rules_toggled(self, shown: bool) -> None:
        self.rules.setVisible(shown)


def _left_out(note: str, comparison: Comparison) -> bool:
    """The service's sentence about a workshop left out (another deck or version): flagged, in red."""
    return any(note.startswith(e.label) for e in comparison.excluded)
