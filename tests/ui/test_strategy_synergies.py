"""In play, the tables see the synergies of Nature en ville: each card names the cards it pairs with and what
the pair adds; a table's picks show the synergies it obtained (« ⇄ » in its column, the pair, the reason, the
gain) and the ones it misses by one card; the totals on its gauge are the compass's own scores, synergies
included; the projector shows the current card's synergies and each table's count once revealed."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from workshop_app.core.catalogue import find_deck
from workshop_app.core.deck import StrategyDeck
from workshop_app.core.deck_loader import load_deck
from workshop_app.core.horizon import read_horizons
from workshop_app.core.scoring import score_strategy
from workshop_app.core.state import SequenceState
from workshop_app.core.workshop import GroupInfo
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.play.picks_model import COL_CARD
from workshop_app.ui.play.strategy_panel import StrategyPanel
from workshop_app.ui.workshop_pages import PAGE_PLAY

NATURE = Path(__file__).resolve().parents[2] / "scenarios" / "nature-en-ville.yaml"
SHOTS = os.environ.get("ATELIER_SHOTS", "")
TREES, PARKING, OASIS, FRESH = "arbres-rues", "parking-permeable", "cours-oasis", "parcours-fraicheur"


def _nature() -> StrategyDeck:
    deck = load_deck(NATURE)
    assert isinstance(deck, StrategyDeck) and deck.synergies
    return deck


def _mean(values: list[float | None]) -> int:
    known = [v for v in values if v is not None]
    return round(sum(known) / len(known))


def _panel(qtbot: QtBot, deck: StrategyDeck, picks: dict[str, dict[str, int]]) -> StrategyPanel:
    groups = [GroupInfo(g, f"Table {i}", "#0072B2", i) for i, g in enumerate(picks, start=1)]
    panel = StrategyPanel(deck, groups, lambda: picks)
    qtbot.addWidget(panel)
    panel.resize(650, 600)
    panel.show()
    return panel


def test_each_card_names_its_partners_and_what_the_pair_adds(qtbot: QtBot) -> None:
    deck = _nature()
    panel = _panel(qtbot, deck, {"g1": {}})
    model = panel.model
    trees = model.index(model.row_of(TREES), COL_CARD)
    shown = str(trees.data(Qt.ItemDataRole.DisplayRole))
    assert "⇄ avec « Rendre perméable le parking du quai » : Fraîcheur +1, Biodiversité +1" in shown
    tip = str(trees.data(Qt.ItemDataRole.ToolTipRole))
    assert "poussent mieux et donnent plus d’ombre" in tip  # the reason, read to the table
    charter = model.index(model.row_of("charte-arbre"), COL_CARD)
    assert "⇄" not in str(charter.data(Qt.ItemDataRole.DisplayRole))  # no synergy, no mark
    assert "synergies" in str(model.headerData(COL_CARD, Qt.Orientation.Horizontal))
    paired = sum(len(s.cards) for s in deck.synergies)
    marked = [c for c in deck.cards if "⇄" in str(model.index(model.row_of(c.id), COL_CARD).data())]
    assert len(marked) == paired  # every card of every synergy, and only those


def test_a_table_sees_what_it_obtained_and_what_it_misses_by_one_card(qtbot: QtBot, tmp_path: Path) -> None:
    deck = _nature()
    picks = {"g1": {TREES: 0, PARKING: 1, OASIS: 2}, "g2": {TREES: 0}}
    panel = _panel(qtbot, deck, picks)
    model = panel.model
    for card in (TREES, PARKING):
        cell = model.index(model.row_of(card), 1)
        assert cell.data(Qt.ItemDataRole.DisplayRole) == "⇄"
        assert "ont de la place pour leurs racines" in str(cell.data(Qt.ItemDataRole.ToolTipRole))
        assert "en synergie" in str(cell.data(Qt.ItemDataRole.AccessibleTextRole))
    assert model.index(model.row_of(OASIS), 1).data(Qt.ItemDataRole.DisplayRole) is None  # partner missing
    assert model.index(model.row_of(TREES), 2).data(Qt.ItemDataRole.DisplayRole) is None  # alone at table 2
    first, second = panel.gauges
    assert first.horizon.text().endswith(" · ⇄ 1") and "⇄" not in second.horizon.text()
    assert "⇄ 1 synergie : gain compris dans ces moyennes" in first.horizon.toolTip()
    panel.table.setCurrentIndex(model.index(0, 1))  # the cursor in table 1's column
    line = panel.synergies.text()
    assert line.startswith(f"⇄ Table 1 — obtenue : « {deck.card(TREES).title} » + « Rendre")
    assert "(Fraîcheur +1, Biodiversité +1)" in line
    assert "à une carte près : « Ouvrir des parcours et des lieux de fraîcheur » (Santé +1)" in line
    assert "ont de la place pour leurs racines" in panel.synergies.toolTip()
    fresh, oasis = deck.card(FRESH), deck.card(OASIS)
    assert (f"Il manque « {fresh.title} » ({fresh.cost} points) pour la paire avec « {oasis.title} » : "
            ) in panel.synergies.toolTip()
    panel.table.setCurrentIndex(model.index(0, 2))  # table 2 holds the trees, not the parking
    assert "obtenue" not in panel.synergies.text()
    assert "à une carte près : « Rendre perméable le parking du quai »" in panel.synergies.text()
    assert panel.synergies.height() >= panel.synergies.heightForWidth(panel.synergies.width())  # not cut
    panel.grab().save(str(tmp_path / "synergies.png"))
    panel.table.setCurrentIndex(model.index(0, 2))
    panel.set_masked(True)  # room mode before the reveal: table 1's picks, and so its pairs, stay hidden
    assert model.index(model.row_of(TREES), 1).data(Qt.ItemDataRole.DisplayRole) is None
    assert not first.horizon.isVisible() and "Table 2" in panel.synergies.text()


def test_the_gauges_totals_are_the_compass_scores_synergies_included(qtbot: QtBot) -> None:
    deck = _nature()
    picks = {"g1": {TREES: 0, PARKING: 1}, "g2": {TREES: 0}, "g3": {PARKING: 0}}
    panel = _panel(qtbot, deck, picks)
    state = SequenceState(picks=picks)
    reading = score_strategy(deck, state, list(picks))
    without = score_strategy(deck.model_copy(update={"synergies": []}), state, list(picks))
    for gauge in panel.gauges:
        axes = reading.groups[gauge.group.id].axes
        early, late = gauge.horizon.text().split(" · ")[:2]
        assert late == f"2050 : {_mean([s.score for s in axes.values()])}"
        cards = [deck.card(c) for c in picks[gauge.group.id]]
        by_2030 = read_horizons(deck, cards).scores["2030"]  # the synergy arrives with its slower card
        assert early == f"2030 : {_mean(list(by_2030.values()))}"
    with_pair = _mean([s.score for s in reading.groups["g1"].axes.values()])
    alone = _mean([s.score for s in without.groups["g1"].axes.values()])
    assert with_pair > alone  # the synergy counts: same cards, a higher total than their effects alone


def test_picking_through_the_play_page_updates_the_synergies_and_the_projector(
    qtbot: QtBot, window: MainWindow
) -> None:
    service = window.service
    assert service is not None
    info = service.create_workshop("Atelier nature")
    for n in range(3):
        service.add_group(info.id, f"Table {n + 1}")
    service.add_sequence(info.id, find_deck("nature-en-ville"), 60)
    assert window.open_workshop(info.id, PAGE_PLAY)
    session, play = window.session, window.pages.play
    assert session is not None and play is not None
    panel = play.groups.strategy  # type: ignore[attr-defined]
    assert isinstance(panel, StrategyPanel)
    model = panel.model
    for card in (TREES, PARKING):  # Space on table 1's cells, as the facilitator does
        panel.table.setCurrentIndex(model.index(model.row_of(card), 1))
        QTest.keyClick(panel.table, Qt.Key.Key_Space)
    assert list(session.sequence_state().picks[session.groups[0].id]) == [TREES, PARKING]  # committed
    assert model.index(model.row_of(PARKING), 1).data(Qt.ItemDataRole.DisplayRole) == "⇄"
    assert panel.synergies.text().startswith("⇄ Table 1 — obtenue")
    assert panel.gauges[0].horizon.text().endswith("⇄ 1")
    session.show_card(TREES)
    details = play.card.details.text()  # type: ignore[attr-defined]
    assert "⇄ avec « Rendre perméable le parking du quai »" in details and "poussent mieux" in details
    from workshop_app.ui.projector import ProjectorWindow

    projector = ProjectorWindow(session, window.settings)
    qtbot.addWidget(projector)
    assert "poussent mieux" in projector.prompt._text and "5 points" in projector.prompt._text
    session.set_revealed(True)
    projector.refresh()
    assert "⇄ 1 synergie" in projector.budgets.text()
    if SHOTS:
        window.resize(1366, 768)
        QTest.qWait(30)
        window.grab().save(str(Path(SHOTS) / "play-synergies-1366.png"))


def test_gauges_go_four_a_line_only_when_their_readings_fit(qtbot: QtBot) -> None:
    deck = _nature()
    chosen = {TREES: 0, PARKING: 1, "recuperation-pluie": 2, "jardins-partages": 3}
    picks = {f"g{i}": dict(chosen) for i in range(8)}
    groups = [GroupInfo(f"g{i}", f"Table {i + 1} — Eau et assainissement", "#0072B2", i) for i in range(8)]
    panel = StrategyPanel(deck, groups, lambda: picks)
    qtbot.addWidget(panel)
    panel.resize(1000, 700)
    panel.show()
    qtbot.waitUntil(lambda: panel.width() == 1000)
    assert panel.minimumSizeHint().width() <= 1000  # the readings (« ⇄ 2 ») never push the panel wider
    assert panel._per_line == 2
    for gauge in panel.gauges:
        assert gauge.horizon.text().endswith("⇄ 2")
        assert gauge.horizon.width() >= gauge.horizon.sizeHint().width()
    panel.resize(1400, 700)
    qtbot.waitUntil(lambda: panel._per_line == 4)
    assert panel.width() == 1400
