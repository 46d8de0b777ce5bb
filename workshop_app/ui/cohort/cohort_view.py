"""A cohort: the territories side by side as small multiples on one 0–100 scale, in the order the service
gives (by name: no ranking), each with its coverage (low coverage marked); then the same scores as a table,
the strengths and vulnerabilities several territories share and, for a strategy deck, what each one chose."""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.compare_model import Comparison, WorkshopProfile
from workshop_app.ui.cohort import rows
from workshop_app.ui.cohort.evolution_view import table_look
from workshop_app.ui.cohort.grid_model import GridModel
from workshop_app.ui.cohort.radar import RadarSeries, RadarWidget
from workshop_app.ui.theme import set_role

TILE_WIDTH = 250  # a small multiple's width: 5 across at 1366 px with the window's margins, more when wider


class ProfileTile(QFrame):
    """One territory: its label, its compass (numbered axes) and its coverage."""

    def __init__(
        self,
        profile: WorkshopProfile,
        axes: list[str],
        findings: tuple[str, str] = ("", ""),
        strategy: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("profileTile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.profile = profile
        name = QLabel(profile.label)
        name.setObjectName("tileTitle")
        name.setWordWrap(True)
        font = name.font()
        font.setBold(True)
        name.setFont(font)
        self.radar = RadarWidget(axes, compact=True)
        # one size for every tile (the text below varies): the compasses compare at a glance
        self.radar.setFixedHeight(max(200, self.fontMetrics().height() * 16))
        self.radar.set_series(
            [
                RadarSeries(
                    profile.label,
                    tuple(s.score for s in profile.principles),
                    tuple(s.low_coverage for s in profile.principles),
                )
            ]
        )
        self.coverage = QLabel(rows.coverage_line(profile))
        self.coverage.setWordWrap(True)
        if profile.low_coverage:
            self.coverage.setText("⚠ " + rows.coverage_line(profile))
            set_role(self.coverage, "error")
        else:
            set_role(self.coverage, "muted")
        tables = QLabel(self.tr("%1 tables").replace("%1", str(profile.groups)))
        set_role(tables, "muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(name)
        layout.addWidget(self.radar)
        layout.addWidget(self.coverage)
        layout.addWidget(tables)
        strong, weak = findings
        self.findings = QLabel()
        self.findings.setWordWrap(True)
        lines = []
        if strategy:  # a strategy game: the expected effects of the tables' choices, not a diagnosis
            strong_text, weak_text = self.tr("Effets les plus forts : %1"), self.tr("Les plus faibles : %1")
        else:
            strong_text, weak_text = self.tr("Forces : %1"), self.tr("Vulnérabilités : %1")
        if strong:
            lines.append(strong_text.replace("%1", strong))
        if weak:
            lines.append(weak_text.replace("%1", weak))
        self.findings.setText("\n".join(lines))
        self.findings.setVisible(bool(lines))
        layout.addWidget(self.findings)
        layout.addStretch(1)


class SmallMultiples(QWidget):
    """The tiles in a grid that reflows with the width (as many columns as fit, in the profiles' order)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tiles: list[ProfileTile] = []
        self.grid = QGridLayout()
        self.grid.setSpacing(10)
        self.axes_legend = QLabel()
        self.axes_legend.setObjectName("axesLegend")
        self.axes_legend.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.grid)
        layout.addWidget(self.axes_legend)
        layout.addStretch(1)
        self._columns = 0

    def set_comparison(self, comparison: Comparison) -> None:
        for tile in self.tiles:
            self.grid.removeWidget(tile)
            tile.deleteLater()
        axes = [t.short for t in comparison.principles]
        self.tiles = [
            ProfileTile(p, axes, rows.own_findings(comparison, p), comparison.deck.strategy, self)
            for p in comparison.profiles
        ]
        numbered = " · ".join(f"{i + 1} {t.short}" for i, t in enumerate(comparison.principles))
        hollow = self.tr("○ point creux : couverture faible")
        self.axes_legend.setText(f"{numbered}\n{hollow}")
        self._columns = 0
        self.reflow()

    def reflow(self) -> None:
        columns = max(1, min(len(self.tiles) or 1, self.width() // TILE_WIDTH))
        if columns == self._columns:
            return
        self._columns = columns
        for tile in self.tiles:
            self.grid.removeWidget(tile)
        for index, tile in enumerate(self.tiles):
            self.grid.addWidget(tile, index // columns, index % columns)
        for column in range(self.grid.columnCount()):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.reflow()


class CohortView(QTabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cohortView")
        self.multiples = SmallMultiples()
        scroll = QScrollArea()
        scroll.setWidget(self.multiples)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scores = GridModel(self)
        self.scores_view = self._table(self.scores, "cohortScores")
        scores_box = QWidget()
        scores_layout = QVBoxLayout(scores_box)
        scores_hint = QLabel(self.tr("Scores sur 100, couverture entre parenthèses ; ⚠ couverture faible."))
        set_role(scores_hint, "muted")
        scores_layout.addWidget(scores_hint)
        scores_layout.addWidget(self.scores_view, 1)
        self.strengths = GridModel(self)
        self.vulnerabilities = GridModel(self)
        common = QWidget()
        common_layout = QVBoxLayout(common)
        for title, model, name in (
            (self.tr("Forces communes"), self.strengths, "sharedStrengths"),
            (self.tr("Vulnérabilités communes"), self.vulnerabilities, "sharedVulnerabilities"),
        ):
            heading = QLabel(title)
            heading.setObjectName("sectionTitle")
            common_layout.addWidget(heading)
            common_layout.addWidget(self._table(model, name), 1)
        self.common_hint = QLabel()
        self.common_hint.setWordWrap(True)
        set_role(self.common_hint, "muted")
        common_layout.addWidget(self.common_hint)
        self.choices = GridModel(self)
        self.choices_view = self._table(self.choices, "cohortChoices")
        self.addTab(scroll, self.tr("Profils"))
        self.addTab(scores_box, self.tr("Tableau des scores"))
        self.addTab(common, self.tr("Points communs"))
        self.choices_index = self.addTab(self.choices_view, self.tr("Choix des territoires"))

    def _table(self, model: GridModel, name: str) -> QTableView:
        view = QTableView()
        view.setObjectName(name)
        view.setModel(model)
        table_look(view)
        return view

    def set_comparison(self, comparison: Comparison) -> None:
        self.multiples.set_comparison(comparison)
        header = rows.cohort_header(comparison)
        self.scores.set_rows(
            (self.tr("Principe / levier"), *header[1:]),
            rows.cohort_rows(comparison),
            self.tr("Au moins un territoire a une couverture faible ici : à lire avec prudence."),
        )
        shared = (self.tr("Principe ou effet"), self.tr("Territoires"))
        self.strengths.set_rows(
            shared,
            rows.shared_rows(comparison.strengths, self.tr("Aucune force commune à la plupart d’entre eux.")),
        )
        self.vulnerabilities.set_rows(
            shared,
            rows.shared_rows(
                comparison.vulnerabilities, self.tr("Aucune vulnérabilité commune à la plupart d’entre eux.")
            ),
        )
        self.common_hint.setText(
            self.tr(
                "Une force (ou une vulnérabilité) commune l’est dans au moins deux territoires et la moitié "
                "d’entre eux, avec une couverture suffisante."
            )
        )
        strategy = comparison.deck.strategy
        self.setTabVisible(self.choices_index, strategy)
        if strategy:
            header = rows.choice_header(comparison)
            header = (self.tr("Carte retenue"), *header[1:-1], self.tr("Retenue dans"))
            self.choices.set_rows(header, rows.choice_rows(comparison))
        self.setTabText(1, self.tr("Tableau des effets") if strategy else self.tr("Tableau des scores"))
        self.setCurrentIndex(0)
