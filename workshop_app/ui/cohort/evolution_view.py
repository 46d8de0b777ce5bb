"""Evolution of one territory: the dated compasses overlaid on one radar (principles), and lever by lever what
moved from the first date to the last, with each score's coverage (low coverage marked, not hidden)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.compare_model import Comparison
from workshop_app.ui.cohort import rows
from workshop_app.ui.cohort.grid_model import GridModel
from workshop_app.ui.cohort.radar import SERIES_COLOURS, RadarSeries, RadarWidget


def series_of(comparison: Comparison) -> list[RadarSeries]:
    """One series per workshop, on the principles, in the comparison's order."""
    return [
        RadarSeries(
            label=p.label,
            scores=tuple(s.score for s in p.principles),
            low=tuple(s.low_coverage for s in p.principles),
        )
        for p in comparison.profiles
    ]


def table_look(view: QTableView) -> None:
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSortingEnabled(False)  # no ranking: the deck's order, always
    view.setWordWrap(True)  # a lever's name wraps rather than being cut
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.setTabKeyNavigation(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    model = view.model()

    def fit() -> None:  # the first column takes what is left (elided, full text in its tooltip)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if model.columnCount() > 0:
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    model.modelReset.connect(fit)
    fit()


class EvolutionView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evolutionView")
        self.radar = RadarWidget([])
        self.radar.setObjectName("evolutionRadar")
        self.legend = QLabel()
        self.legend.setObjectName("evolutionLegend")
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.model = GridModel(self)
        self.table = QTableView()
        self.table.setObjectName("movementsTable")
        self.table.setModel(self.model)
        table_look(self.table)
        heading = QLabel(
            self.tr("Ce qui a bougé, levier par levier (scores sur 100, couverture entre parenthèses)")
        )
        heading.setObjectName("sectionTitle")
        heading.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.radar, 1)
        left_layout.addWidget(self.legend)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(heading)
        right_layout.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def set_comparison(self, comparison: Comparison) -> None:
        self.radar.axes = [t.short for t in comparison.principles]
        self.radar.set_series(series_of(comparison))
        items = []
        for index, profile in enumerate(comparison.profiles):
            colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
            mark = self.tr(", faible") if profile.low_coverage else ""
            text = (
                self.tr("%1 — couverture %2 %%3")
                .replace("%1", profile.label)
                .replace("%2", str(round(profile.coverage * 100)))
                .replace("%3", mark)
            )
            items.append(f'<span style="color:{colour}; font-weight:bold;">━━</span> {_escape(text)}')
        hollow = self.tr("○ point creux : couverture faible (moins de la moitié des réponses attendues)")
        self.legend.setText("<br/>".join([*items, _escape(hollow)]))
        header = rows.evolution_header(comparison)
        header = (self.tr("Principe / levier"), *header[1:-2], self.tr("Écart"), self.tr("Lecture"))
        self.model.set_rows(
            header,
            rows.evolution_rows(comparison),
            self.tr("Couverture faible à l’une des dates : l’écart se lit avec prudence."),
        )


def _escape(text: str) -> str:
    from html import escape

    return escape(text, quote=False)
