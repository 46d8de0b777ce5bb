"""The play screen's Qt models, tested without widgets (QAbstractItemModelTester checks their contracts)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from test_play_support import make_workshop, strategy_deck

from workshop_app.core.workshop import GroupInfo
from workshop_app.ui.play.outline_model import COL_PROGRESS, ID_ROLE, PROGRESS_ROLE, OutlineModel
from workshop_app.ui.play.picks_model import CARD_ID_ROLE, PicksModel, card_summary
from workshop_app.ui.session import WorkshopSession

_FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal


@pytest.fixture
def session(tmp_path: Path, qapp: Any) -> Any:
    store, workshop_id = make_workshop(tmp_path, groups=3, strategy=True)
    yield WorkshopSession(store, workshop_id)
    store.close()


def test_outline_tree_and_progress(session: WorkshopSession) -> None:
    model = OutlineModel(session)
    QAbstractItemModelTester(model, _FATAL)
    assert model.rowCount() == 2
    questions = model.index(0, 0)
    assert model.rowCount(questions) == 6
    assert questions.data() == "1. Et si… (test)"
    assert model.index(0, COL_PROGRESS).data() == "0 %"
    card = model.index(0, 0, questions)
    assert card.data(ID_ROLE) == "q01"
    assert model.parent(card) == questions
    assert card.siblingAtColumn(COL_PROGRESS).data() == "0/3"


def test_outline_updates_one_row_per_vote(session: WorkshopSession, qtbot: Any) -> None:
    model = OutlineModel(session)
    QAbstractItemModelTester(model, _FATAL)
    changed: list[tuple[int, int, bool]] = []
    model.dataChanged.connect(lambda a, b, *_: changed.append((a.row(), b.row(), a.parent().isValid())))
    model.modelReset.connect(lambda: changed.append((-1, -1, False)))
    session.record_choice(session.groups[0].id, "s2")
    assert changed == [(0, 0, True), (0, 0, False)]  # the card row, then its sequence row
    index = model.card_index(session.sequence_id or "", "q01", COL_PROGRESS)
    assert index.data() == "1/3" and index.data(PROGRESS_ROLE) == (1, 3)
    assert model.index(0, COL_PROGRESS).data() == "6 %"  # 1 of 18


def test_a_vote_announces_only_the_counts(session: WorkshopSession) -> None:
    """Titles do not change with a vote: only the « n/N » and « % » cells are announced (a smaller repaint),
    and the sequence's percentage is counted again after each event."""
    model = OutlineModel(session)
    QAbstractItemModelTester(model, _FATAL)
    cells: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, *_: cells.append((a.column(), b.column())))
    assert model.index(0, COL_PROGRESS).data() == "0 %"
    session.record_choice(session.groups[0].id, "s2")
    assert cells == [(COL_PROGRESS, COL_PROGRESS)] * 2
    assert model.index(0, COL_PROGRESS).data() == "6 %"
    session.record_choice(session.groups[1].id, "s1")
    assert model.index(0, COL_PROGRESS).data() == "11 %"  # 2 of 18
    session.undo()
    assert model.index(0, COL_PROGRESS).data() == "6 %"


def test_outline_follows_position_and_reload(session: WorkshopSession) -> None:
    model = OutlineModel(session)
    QAbstractItemModelTester(model, _FATAL)
    session.show_card("q03")
    current = model.card_index(session.sequence_id or "", "q03")
    assert current.data(Qt.ItemDataRole.FontRole).bold()
    session.change_setup(lambda service: service.add_group(session.workshop_id, "Table 4"))
    assert model.card_index(session.sequence_id or "", "q01", COL_PROGRESS).data() == "0/4"


def test_picks_model_asks_and_never_checks_itself(qapp: Any) -> None:
    deck = strategy_deck()
    groups = [GroupInfo("g1", "Table 1", "#0072B2", 0), GroupInfo("g2", "Table 2", "#E69F00", 1)]
    picks: dict[str, dict[str, int]] = {"g1": {"arbres": 3}}
    asked: list[tuple[str, str, bool]] = []
    model = PicksModel(deck, groups, lambda: picks, lambda g, c, p: asked.append((g, c, p)))
    QAbstractItemModelTester(model, _FATAL)
    assert model.columnCount() == 3 and model.rowCount() == len(deck.cards)
    assert model.index(0, 1).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.index(0, 2).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.index(0, 0).data(CARD_ID_ROLE) == "arbres"
    assert "4 points · long terme" in model.index(0, 0).data()
    assert model.headerData(2, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == "Table 2"
    assert not model.setData(model.index(0, 2), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert asked == [("g2", "arbres", True)]
    assert model.index(0, 2).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    model.setData(model.index(0, 1), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert len(asked) == 1  # already picked: nothing to ask
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsUserCheckable


def test_card_summary_lists_cost_delay_and_effects() -> None:
    deck = strategy_deck()
    assert card_summary(deck, deck.card("parking")) == (
        "5 points · moyen terme · entretien 0/3 · Économie +2 · Eau -1 · Biodiversité -1"
    )
    # French: 1 is singular
    assert card_summary(deck, deck.card("etude")) == "1 point · court terme · entretien 0/3"


def test_card_summary_is_english_in_the_english_interface(english: None) -> None:
    deck = strategy_deck()
    assert card_summary(deck, deck.card("etude")) == "1 point · short term · upkeep 0/3"
    assert card_summary(deck, deck.card("parking")).startswith("5 points · medium term · ")


def test_budget_gauges_wrap_long_table_names_instead_of_cutting_them(qtbot) -> None:
    from workshop_app.core.workshop import GroupInfo
    from workshop_app.ui.play.strategy_panel import BudgetGauge

    gauge = BudgetGauge(GroupInfo("g1", "Table 1 — Eau et assainissement"), 1)
    qtbot.addWidget(gauge)
    gauge.resize(320, 60)
    gauge.show()
    assert gauge.name.wordWrap() and gauge.name.text() == "Table 1 — Eau et assainissement"
    assert gauge.name.toolTip() == gauge.name.text()
    width = gauge.name.width()
    assert gauge.name.heightForWidth(width) <= gauge.height()  # the whole name fits, on two lines
