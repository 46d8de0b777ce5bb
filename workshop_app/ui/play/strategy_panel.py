"""The tables' strategies (strategy decks): a live budget gauge per table, the broken rules, and the picks.

The picks are one table (a row per card, a checkable column per table): Space on a cell picks or drops that
card for that table. Each gauge turns red above the budget; the warning names every broken « demande » /
« incompatible » rule (``Violation.describe``) and every overrun.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence

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
from workshop_app.core.horizon import HORIZONS, read_horizons
from workshop_app.core.scoring import Budget, Violation, violations
from workshop_app.core.workshop import GroupInfo
from workshop_app.ui.play.chips import ColourChip
from workshop_app.ui.play.picks_model import CARD_ID_ROLE, COL_CARD, PicksModel, PicksReader, amount
from workshop_app.ui.play.strategy_notes import StrategyNotes
from workshop_app.ui.play.synergy_words import MARK, table_synergies, table_synergy_text, table_synergy_tip
from workshop_app.ui.theme_ink import Ink, follow_ink, ink

ArgumentsReader = Callable[[], Mapping[tuple[str, str], str]]  # (group, card) -> argument


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


def _mean(scores: Mapping[str, float | None]) -> float | None:
    values = [v for v in scores.values() if v is not None]
    return sum(values) / len(values) if values else None


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
        name.setWordWrap(True)  # « Table 1 — Eau et assainissement » goes on two lines, never cut
        name.setToolTip(group.name)
        self.name = name
        self.bar = QProgressBar()
        self.bar.setAccessibleName(self.tr("Budget de {0}").format(group.name))
        self.bar.setMinimumWidth(90)
        follow_ink(self.bar, lambda colours: self.bar.setStyleSheet(gauge_style(self.is_over(), colours)))
        self.horizon = QLabel()  # the strategy read at 2030 and at 2050, side by side (core.horizon)
        self.horizon.setObjectName("horizonLine")
        self.horizon.hide()
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(0)
        right.addWidget(self.bar)
        right.addWidget(self.horizon)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(ColourChip(group.colour, str(number), 24))
        layout.addWidget(name, 1)
        layout.addLayout(right, 1)

    def set_horizons(self, deck: StrategyDeck, picked: Collection[str], masked: bool) -> None:
        """« 2030 : 58 · 2050 : 66 » (the mean of the axes), each axis in the tooltip; hidden when nothing
        is picked or in room mode before the reveal."""
        cards = [c for c in deck.cards if c.id in picked]
        reading = read_horizons(deck, cards).scores
        early, late = (label for label, _shares in HORIZONS)
        means = [_mean(reading[h]) for h in (early, late)]
        if means[0] is None or means[1] is None or masked:
            self.horizon.hide()
            return
        text = self.tr("{0} : {1} · {2} : {3}").format(early, round(means[0]), late, round(means[1]))
        found = table_synergies(deck, picked)  # their gains are in both readings already
        pairs = len(found.obtained)
        self.horizon.setText(f"{text} · {MARK} {pairs}" if pairs else text)  # « ⇄ 2 »: narrow, 4 a line
        head = self.tr("Moyenne des axes, de 0 à 100 (50 = sans effet), en {0} puis en {1}")
        lines = [head.format(early, late)]
        if pairs:
            lines.append(self.tr("{0} {1} : gain compris dans ces moyennes").format(MARK, found.count_text()))
        for axis in deck.compass.axes:
            a, b = reading[early].get(axis.id), reading[late].get(axis.id)
            if a is not None and b is not None:
                lines.append(f"{axis.display} : {round(a)} → {round(b)}")
        self.horizon.setToolTip("\n".join(lines))
        self.horizon.show()

    def set_budget(self, budget: Budget, unit: str) -> None:
        self.bar.setRange(0, max(budget.budget, budget.spent, 1))
        self.bar.setValue(budget.spent)
        self.bar.setFormat(f"{budget.spent} / {budget.budget}")
        spent = amount(budget.spent, unit)
        tip = self.tr("Dépensé : {0} sur {1}").format(spent, budget.budget)
        if budget.upkeep_budget is not None:
            upkeep = self.tr("entr. {0}/{1}").format(budget.upkeep, budget.upkeep_budget)
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
        arguments: ArgumentsReader | None = None,
    ) -> None:
        super().__init__(parent)
        self._deck = deck
        self._picks = picks
        self._arguments = arguments or (lambda: {})
        self.notes = StrategyNotes()
        self.notes.sig_done.connect(self.on_notes_done)
        self.groups = list(groups)
        self.model = PicksModel(deck, groups, picks, self.sig_pick.emit, self)
        self.gauges = [BudgetGauge(g, i) for i, g in enumerate(self.groups, start=1)]
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.hide()
        self.synergies = QLabel()  # the synergies of the table under the cursor: obtained, one card short
        self.synergies.setObjectName("tableSynergies")
        self.synergies.setWordWrap(True)
        self.synergies.hide()
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
        heading = self.tr("Budget par table : {0}").format(amount(rules.budget, rules.budget_unit))
        if rules.maintenance_budget is not None:
            heading += self.tr(" · entretien : {0} au plus").format(rules.maintenance_budget)
        title = QLabel(heading)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addLayout(self._gauge_grid)
        layout.addWidget(self.warning)
        layout.addWidget(self.notes)
        layout.addWidget(self.synergies)
        layout.addWidget(self.table, 1)
        self._masked = False
        self.table.selectionModel().currentChanged.connect(lambda *_: self.on_cursor_moved())
        self.table.activated.connect(lambda *_: self.notes.focus_argument())  # Enter: the argument
        self.refresh_budgets()
        self.refresh_notes()
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
        self._place_gauges(4 if event.size().width() >= max(WIDE, self._four_wide()) else 2)

    def _four_wide(self) -> int:
        """The width four gauges a line need at least (their readings never squeezed past the panel)."""
        widest = max((g.minimumSizeHint().width() for g in self.gauges), default=0)
        return 4 * widest + 3 * self._gauge_grid.horizontalSpacing()

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
        self.refresh_notes()

    def set_masked(self, masked: bool) -> None:
        """Room mode before the reveal: only the table under the cursor shows its picks, no rule warnings."""
        self._masked = masked
        self._apply_mask()
        self.refresh_budgets()

    def _apply_mask(self) -> None:
        column = self.table.currentIndex().column() if self.table.currentIndex().isValid() else 0
        self.model.set_only_column(max(1, column) if self._masked else None)

    def on_notes_done(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_cursor_moved(self) -> None:
        self.refresh_notes()
        if self._masked:
            self._apply_mask()

    def refresh_notes(self) -> None:
        """Point the argument box at the table and card under the cursor (the current card by default)."""
        index = self.table.currentIndex()
        column = index.column() if index.isValid() else 0
        group: GroupInfo | None = self.groups[column - 1] if 1 <= column <= len(self.groups) else None
        if group is None and self.groups:
            group = self.groups[0]
        card_id = str(index.data(CARD_ID_ROLE) or "") if index.isValid() else self.model.current()
        card_id = card_id or self.model.current()
        title = next((c.title for c in self._deck.cards if c.id == card_id), "")
        argument = self._arguments().get((group.id, card_id), "") if group is not None else ""
        number = str(self.model.row_of(card_id) + 1) if card_id else ""
        self.notes.set_target(group, card_id, title, argument, number)
        self.refresh_synergies(group)

    def refresh_synergies(self, group: GroupInfo | None = None) -> None:
        """The line under the argument: the synergies the table under the cursor obtained, and those it
        misses by one card; the reasons in its tooltip. Only for a deck that has synergies."""
        if group is None:
            index = self.table.currentIndex()
            column = index.column() if index.isValid() else 0
            group = self.groups[column - 1] if 1 <= column <= len(self.groups) else None
            group = group or (self.groups[0] if self.groups else None)
        if group is None or not self._deck.synergies:
            self.synergies.hide()
            return
        found = table_synergies(self._deck, self._picks().get(group.id, {}))
        self.synergies.setText(table_synergy_text(self._deck, group.name, found))
        self.synergies.setToolTip(table_synergy_tip(self._deck, found))
        self.synergies.show()

    def budget(self, group_id: str) -> Budget:
        return budget_of(self._deck, self._picks().get(group_id, {}))

    def refresh_budgets(self, group_id: str | None = None) -> None:
        unit = self._deck.strategy.budget_unit
        lines: list[str] = []
        for gauge in self.gauges:
            budget = self.budget(gauge.group.id)
            if group_id is None or gauge.group.id == group_id:
                gauge.set_budget(budget, unit)
                masked = getattr(self, "_masked", False)
                gauge.set_horizons(self._deck, self._picks().get(gauge.group.id, {}), masked)
            if budget.over:
                lines.append(self.tr("{0} : budget dépassé de {1}").format(
                    gauge.group.name, amount(budget.spent - budget.budget, unit)))
            if budget.upkeep_over:
                lines.append(self.tr("{0} : entretien dépassé ({1} pour {2} possibles)").format(
                    gauge.group.name, budget.upkeep, budget.upkeep_budget))
            lines += [f"{gauge.group.name} : {self.rule_text(v)}" for v in budget.violations]
        self.refresh_synergies()
        self.warning.setText("\n".join(f"⚠ {line}" for line in lines))
        self.warning.setVisible(bool(lines) and not getattr(self, "_masked", False))

    def rule_text(self, violation: Violation) -> str:
        """« « A » demande aussi « B » » in the interface's language (``Violation.describe`` is French)."""
        card = self._deck.card(violation.card_id).title
        other = self._deck.card(violation.other_id).title
        if violation.kind == "requires":
            return self.tr("« {0} » demande aussi « {1} »").format(card, other)
        return self.tr("« {0} » est incompatible avec « {1} »").format(card, other)

    def warning_text(self) -> str:
        return self.warning.text() if not self.warning.isHidden() else ""

    # -- keyboard -------------------------------------------------------------------------------------------
    def focus_group(self, index: int, card_id: str) -> None:
        """Put the cursor on the current card in this table's column: Space then picks or drops it."""
        row = max(0, self.model.row_of(card_id))
        column = max(1, min(len(self.groups), index + 1))
        self.table.setCurrentIndex(self.model.index(row, column))
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
