"""The strategy panel shows the second gauge, maintenance, beside the budget, and warns when it is over."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from workshop_app.core.deck import StrategyDeck
from workshop_app.core.deck_loader import load_deck
from workshop_app.core.workshop import GroupInfo
from workshop_app.ui.play.strategy_panel import StrategyPanel

NATURE = Path(__file__).resolve().parents[2] / "scenarios" / "nature-en-ville.yaml"


def test_gauge_and_warning_show_the_maintenance(qtbot: Any, tmp_path: Path) -> None:
    deck = load_deck(NATURE)
    assert isinstance(deck, StrategyDeck) and deck.strategy.maintenance_budget == 8
    small = ["fontaines-brumisateurs", "facades-vegetalisees", "zero-phyto-cimetieres", "parcours-fraicheur",
             "jardins-partages", "sciences-participatives"]  # 2+2+2+1+1+1 = 9 to look after, 12 points
    picks = {"g1": {card: i for i, card in enumerate(small)}, "g2": {"cours-oasis": 0}}
    groups = [GroupInfo("g1", "Table 1", "#0072B2", 1), GroupInfo("g2", "Table 2", "#E69F00", 2)]
    panel = StrategyPanel(deck, groups, lambda: picks)
    qtbot.addWidget(panel)
    panel.resize(900, 500)
    panel.show()
    first, second = panel.gauges
    assert first.bar.format() == "12 / 20 · entr. 9/8"
    assert "Entretien : 9 sur 8" in first.bar.toolTip()
    assert second.bar.format() == "5 / 20 · entr. 1/8"
    assert "Table 1 : entretien dépassé (9 pour 8 possibles)" in panel.warning_text()
    assert "Table 2" not in panel.warning_text()
    panel.grab().save(str(tmp_path / "strategy_upkeep.png"))
    panel.grab().save("/tmp/decks/strategy_upkeep.png")
