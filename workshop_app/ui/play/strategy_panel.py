"""The tables' strategies (strategy decks): a live budget gauge per table, the broken rules, and the picks.

The picks are one table (a row per card, a checkable column per table): Space on a cell picks or drops that
card for that table. Each gauge turns red above the budget; the warning names every broken « demande » /
« incompatible » rule (``Violation.describe``) and every overrun.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.deck import StrategyDeck
from workshop_app.core.scoring import Budget, violations
from workshop_app.core.workshop import GroupInfo
from workshop_app.ui.play.chips import ColourChip
from workshop_app.ui.play.picks_model import COL_CARD, PicksModel, PicksReader
from workshop_app.ui.theme_ink import Ink, follow_ink, ink


def gauge_style(over: bool, colours: Ink) -> str:
    if over:
        return (
            "QProgressBar { border: 2px solid #7A0016; border-radius: 3px; background: #B00020;"
            " color: #FFFFFF; text-align: center; min-height: 22px; font-weight: bold; }"
            "QProgressBar::chunk { background: #B00020; }"
        )
    return (
        f"QProgressBar {{ border: 1px solid {colours.grid_strong}; border-radius: 3px;"
        f" background: {colours.gauge_background}; color: {colours.gauge_text};"
        f" text-align: center; min-height: 22px; font-weight: bold; }}"
        f"QProgressBar::chunk {{ background: {colours.gauge_chunk}; }}"
    )


WIDE = 1000  # from this width, four gauges per line instead of two


def budget_of(deck: StrategyDeck, picked: Collection[str]) -> Budget:
    cards = [c for c in deck.cards if c.id in picked]
    return Budget(
        deck.strategy.budget,
        sum(c.cost for c in cards),
        tuple(violations(cards)),
        sum(c.maintenance for c in cards),
        deck.strategy.maintenance_budget,
    )


class BudgetGauge(QWidget):
    """One table's chip, name and spent / budget, red when over."""

    def __init__(self, group: GroupInfo, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = group
        name = QLabel(group.name)
        name.setStyleSheet("font-weight: bold;")
        name.setMinimumWidth(60)
        name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.bar = QProgressBar()
        self.bar.setAccessibleName(self.tr("Budget de {0}").format(group.name))
        self.bar.setMinimumWidth(90)
        follow_ink(self.bar, lambda colours: self.bar.setStyleSheet(gauge_style(self.is_over(), colours)))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(ColourChip(group.colour, str(number), 24))
        layout.addWidget(name, 1)
        layout.addWidget(self.bar, 1)

    def set_budget(self, budget: Budget, unit: str) -> None:
        self.bar.setRange(0, max(budget.budget, budget.spent, 1))
        self.bar.setValue(budget.spent)
        self.bar.setFormat(f"{budget.spent} / {budget.budget}")
        tip = self.tr("{0} {1} dépensés sur {2}").format(budget.spent, unit, budget.budget)
        if budget.upkeep_budget is not None:
            upkeep = f"entr. {budget.upkeep}/{budget.upkeep_budget}"
            self.bar.setFormat(f"{budget.spent} / {budget.budget} · {upkeep}")
            tip += "\n" + self.tr("Entretien : {0} sur {1}").format(budget.upkeep, budget.upkeep_budget)
        self.bar.setToolTip(tip)
        if self.bar.property("over") != budget.over:
            self.bar.setProperty("over", budget.over)
            self.bar.setStyleSheet(gauge_style(budget.over, ink()))

    def is_over(self) -> bool:
        return bool(self.bar.property("over"))


class StrategyPanel(QFrame):
    #: pick (True) or drop (False) a card for a table: (group_id, card_id, picked)
    sig_pick = Signal(str, str, bool)

    def __init__(
        self,
        deck: StrategyDeck,
        groups: Sequence[GroupInfo],
        picks: PicksReader,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._deck = deck
        self._picks = picks
        self.groups = list(groups)
        self.model = PicksModel(deck, groups, picks, self.sig_pick.emit, self)
        self.gauges = [BudgetGauge(g, i) for i, g in enumerate(self.groups, start=1)]
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.hide()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Cartes choisies par chaque table"))
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_CARD, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(self.groups) + 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, 52)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self._gauge_grid = QGridLayout()
        self._gauge_grid.setHorizontalSpacing(14)
        self._per_line = 0
        self._place_gauges(2)
        rules = deck.strategy
        heading = self.tr("Budget par table : {0} {1}").format(rules.budget, rules.budget_unit)
        if rules.maintenance_budget is not None:
            heading += self.tr(" · entretien : {0} au plus").format(rules.maintenance_budget)
        title = QLabel(heading)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addLayout(self._gauge_grid)
        layout.addWidget(self.warning)
        layout.addWidget(self.table, 1)
        self.refresh_budgets()
        follow_ink(self, self.on_ink_changed)

    def on_ink_changed(self, colours: Ink) -> None:
        self.warning.setStyleSheet(f"color: {colours.error}; font-weight: bold;")
        self.table.setStyleSheet(f"QTableView::item:focus {{ border: 2px solid {colours.info}; }}")
        self.model.refresh_all()  # the current card's row colour

    def _place_gauges(self, per_line: int) -> None:
        if per_line == self._per_line:
            return
        self._per_line = per_line
        for gauge in self.gauges:
            self._gauge_grid.removeWidget(gauge)
        for i, gauge in enumerate(self.gauges):
            self._gauge_grid.addWidget(gauge, i // per_line, i % per_line)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_gauges(4 if event.size().width() >= WIDE else 2)

    # -- display --------------------------------------------------------------------------------------------
    def refresh_card(self, group_id: str, card_id: str) -> None:
        self.model.refresh_card(card_id)
        self.refresh_budgets(group_id)

    def refresh_all(self) -> None:
        self.model.refresh_all()
        self.refresh_budgets()

    def set_current(self, card_id: str) -> None:
        self.model.set_current(card_id)
        row = self.model.row_of(card_id)
        if row >= 0:
            self.table.scrollTo(self.model.index(row, COL_CARD))

    def budget(self, group_id: str) -> Budget:
        return budget_of(self._deck, self._picks().get(group_id, {}))

    def refresh_budgets(self, group_id: str | None = None) -> None:
        unit = self._deck.strategy.budget_unit
        lines: list[str] = []
        for gauge in self.gauges:
            budget = self.budget(gauge.group.id)
            if group_id is None or gauge.group.id == group_id:
                gauge.set_budget(budget, unit)
            if budget.over:
                lines.append(self.tr("{0} : budget dépassé de {1} {2}").format(
                    gauge.group.name, budget.spent - budget.budget, unit))
            if budget.upkeep_over:
                lines.append(self.tr("{0} : entretien dépassé ({1} pour {2} possibles)").format(
                    gauge.group.name, budget.upkeep, budget.upkeep_budget))
            lines += [f"{gauge.group.name} : {v.describe(self._deck)}" for v in budget.violations]
        self.warning.setText("\n".join(f"⚠ {line}" for line in lines))
        self.warning.setVisible(bool(lines))

    def warning_text(self) -> str:
        return self.warning.text() if not self.warning.isHidden() else ""

    # -- keyboard -------------------------------------------------------------------------------------------
    def focus_group(self, index: int, card_id: str) -> None:
        """Put the cursor on the current card in this table's column: Space then picks or drops it."""
        row = max(0, self.model.row_of(card_id))
        column = max(1, min(len(self.groups), index + 1))
        self.table.setCurrentIndex(self.model.index(row, column))
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
