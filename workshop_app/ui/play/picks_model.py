"""The tables' strategies (strategy decks) as one table: a row per card, then one checkable column per table.

Each group's column is that table's pick list. Checking a cell does not change the model: it asks ``pick`` to
record the choice, and the cell shows it once the session folds the committed event back (``refresh_card``),
so what is shown is always what the database holds.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from workshop_app.core.deck import DELAY_LABELS, Delay, StrategyCard, StrategyDeck
from workshop_app.core.deck_synergy import synergies_of
from workshop_app.core.workshop import GroupInfo
from workshop_app.ui.play.synergy_words import MARK, card_synergy_lines, pair_words
from workshop_app.ui.theme_ink import ink

CARD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
GROUP_ID_ROLE = Qt.ItemDataRole.UserRole + 2
COL_CARD = 0  # then one column per group

_Index = QModelIndex | QPersistentModelIndex
PickCallback = Callable[[str, str, bool], None]  # (group_id, card_id, picked)
PicksReader = Callable[[], Mapping[str, Mapping[str, int]]]  # group -> {card: seq}


def effects_text(deck: StrategyDeck, card: StrategyCard) -> str:
    labels = {a.id: a.short or a.label for a in deck.compass.axes}
    return " · ".join(f"{labels.get(axis, axis)} {value:+d}" for axis, value in card.effects.items() if value)


def amount(count: int, unit: str) -> str:
    """« 1 point », « 3 points »: French keeps 0 and 1 singular. The default unit (points) is said in the
    interface's language; a deck's own unit is its own word (« 1 jeton » from « jetons »)."""
    one = abs(count) <= 1
    if unit in ("point", "points"):
        word = QCoreApplication.translate("picks", "point") if one else QCoreApplication.translate(
            "picks", "points")
    else:
        word = unit[:-1] if one and unit.endswith("s") and not unit.endswith("ss") else unit
    return f"{count} {word}"


def delay_label(card: StrategyCard) -> str:
    """« court terme »… in the interface's language (``DELAY_LABELS`` is the compte-rendu's French)."""
    labels = {
        Delay.SHORT: QCoreApplication.translate("picks", "court terme"),
        Delay.MEDIUM: QCoreApplication.translate("picks", "moyen terme"),
        Delay.LONG: QCoreApplication.translate("picks", "long terme"),
    }
    return labels.get(card.delay, DELAY_LABELS[card.delay])


def card_summary(deck: StrategyDeck, card: StrategyCard) -> str:
    """« 3 points · moyen terme · entretien 2/3 · Chaleur +2 · Eau +1 »."""
    upkeep = QCoreApplication.translate("picks", "entretien %1/3").replace("%1", str(card.maintenance))
    parts = [amount(card.cost, deck.strategy.budget_unit), delay_label(card), upkeep]
    effects = effects_text(deck, card)
    return " · ".join([*parts, effects] if effects else parts)


class PicksModel(QAbstractTableModel):
    def __init__(
        self,
        deck: StrategyDeck,
        groups: Sequence[GroupInfo],
        picks: PicksReader,
        pick: PickCallback,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._deck = deck
        self._groups = list(groups)
        self._picks = picks
        self._pick = pick
        self._current = ""
        self._only_column: int | None = None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._deck.cards)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(self._groups)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        if section == COL_CARD:
            if role != Qt.ItemDataRole.DisplayRole:
                return None
            if self._deck.synergies:
                return self.tr("Carte (coût · délai · entretien · effets · ⇄ synergies)")
            return self.tr("Carte (coût · délai · entretien · effets)")
        group = self._groups[section - 1] if 0 < section <= len(self._groups) else None
        if group is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return str(section)  # the number on the table's chip; the name is in the tooltip and the gauges
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(group.colour)
        if role == Qt.ItemDataRole.ToolTipRole:
            return group.name
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsUserCheckable if index.column() > COL_CARD else flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._deck.cards):
            return None
        card = self._deck.cards[index.row()]
        column = index.column()
        if role == CARD_ID_ROLE:
            return card.id
        if role == Qt.ItemDataRole.FontRole and card.id == self._current:
            font = QFont()
            font.setBold(True)
            return font
        if column == COL_CARD:
            return self._card_data(card, role)
        group = self._groups[column - 1]
        picked = card.id in self._picks().get(group.id, {})
        if self._only_column is not None and column != self._only_column:
            picked = False  # room mode before the reveal: only the table being typed shows its picks
        if role == GROUP_ID_ROLE:
            return group.id
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if picked else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) and picked:
            return self._obtained_data(card, group, role)
        if role == Qt.ItemDataRole.BackgroundRole and picked:
            colour = QColor(group.colour)
            colour.setAlpha(60)
            return QBrush(colour)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            state = self.tr("choisie") if picked else self.tr("non choisie")
            if picked and self._obtained_data(card, group, Qt.ItemDataRole.DisplayRole):
                state += self.tr(", en synergie")
            return f"{group.name} : {card.title} — {state}"
        return None

    def _obtained_data(self, card: StrategyCard, group: GroupInfo, role: int) -> str | None:
        """A picked card whose partner this table also picked: « ⇄ » in the cell, the pair and reason in its
        tooltip."""
        picks = self._picks().get(group.id, {})
        pairs = [s for s in synergies_of(self._deck.synergies, card.id) if s.other(card.id) in picks]
        if not pairs:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return MARK
        head = self.tr("Synergie obtenue par %1").replace("%1", group.name)
        return "\n".join([head, *(f"{pair_words(self._deck, s)} : {s.reason}" for s in pairs)])

    def _card_data(self, card: StrategyCard, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            lines = [card.title, card_summary(self._deck, card), *card_synergy_lines(self._deck, card)]
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ToolTipRole:
            rules = [card.title, card.prompt, *card_synergy_lines(self._deck, card, with_reason=True)]
            if card.requires:
                rules.append(self.tr("Demande : ") + ", ".join(self._title(c) for c in card.requires))
            if card.excludes:
                excluded = ", ".join(self._title(c) for c in card.excludes)
                rules.append(self.tr("Incompatible avec : ") + excluded)
            return "\n".join(rules)
        if role == Qt.ItemDataRole.BackgroundRole and card.id == self._current:
            return QBrush(QColor(ink().current_background))
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or index.column() == COL_CARD:
            return False
        card = self._deck.cards[index.row()]
        group = self._groups[index.column() - 1]
        wanted = value if isinstance(value, bool) else Qt.CheckState(value) == Qt.CheckState.Checked
        if wanted != (card.id in self._picks().get(group.id, {})):
            self._pick(group.id, card.id, wanted)
        return False  # the cell changes when the committed event comes back (refresh_card)

    # -- updates --------------------------------------------------------------------------------------------
    def row_of(self, card_id: str) -> int:
        return next((i for i, c in enumerate(self._deck.cards) if c.id == card_id), -1)

    def column_of(self, group_id: str) -> int:
        return next((i + 1 for i, g in enumerate(self._groups) if g.id == group_id), -1)

    def refresh_card(self, card_id: str) -> None:
        row = self.row_of(card_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._groups)))

    def refresh_all(self) -> None:
        if self._deck.cards:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._deck.cards) - 1, len(self._groups)))

    def set_only_column(self, column: int | None) -> None:
        """Show the picks of one table's column only (room mode, before the reveal); None: all of them."""
        if column != self._only_column:
            self._only_column = column
            self.refresh_all()

    def current(self) -> str:
        """The card on screen."""
        return self._current

    def set_current(self, card_id: str) -> None:
        previous, self._current = self._current, card_id
        for one in {previous, card_id}:
            self.refresh_card(one)

    def _title(self, card_id: str) -> str:
        return next((c.title for c in self._deck.cards if c.id == card_id), card_id)
