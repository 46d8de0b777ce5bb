"""During play each table's gauge reads its strategy at 2030 and at 2050 side by side (core.horizon), the
same figures as the compte-rendu's annex: quick actions are high at once, big projects start low."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from workshop_app.core.deck import StrategyDeck
from workshop_app.core.deck_loader import load_deck
from workshop_app.core.horizon import read_horizons
from workshop_app.core.workshop import GroupInfo
from workshop_app.ui.play.strategy_panel import StrategyPanel

NATURE = Path(__file__).resolve().parents[2] / "scenarios" / "nature-en-ville.yaml"


def _mean(scores: dict[str, float | None]) -> int:
    values = [v for v in scores.values() if v is not None]
    return round(sum(values) / len(values))


def test_each_gauge_shows_2030_and_2050(qtbot: Any, tmp_path: Path) -> None:
    deck = load_deck(NATURE)
    assert isinstance(deck, StrategyDeck)
    slow = [c for c in deck.cards if c.delay == "long"][:1]
    quick = [c for c in deck.cards if c.delay == "court"][:3]
    picks: dict[str, dict[str, int]] = {"g1": {c.id: i for i, c in enumerate(slow)},
                                        "g2": {c.id: i for i, c in enumerate(quick)}, "g3": {}}
    groups = [GroupInfo(f"g{i}", f"Table {i}", "#0072B2", i) for i in (1, 2, 3)]
    panel = StrategyPanel(deck, groups, lambda: picks)
    qtbot.addWidget(panel)
    panel.resize(650, 500)
    panel.show()
    first, second, third = panel.gauges
    reading = read_horizons(deck, slow).scores
    at_2030, at_2050 = _mean(dict(reading["2030"])), _mean(dict(reading["2050"]))
    assert first.horizon.text() == f"2030 : {at_2030} · 2050 : {at_2050}"
    assert first.horizon.text().startswith("2030 : 50 ·")  # a long-term card has no effect yet by 2030
    early, late = second.horizon.text().split(" · ")
    assert early.removeprefix("2030 : ") == late.removeprefix("2050 : ")  # quick cards: the same twice
    axis = deck.compass.axes[0]
    assert f"{axis.display} : " in first.horizon.toolTip() and "→" in first.horizon.toolTip()
    assert first.horizon.isVisible() and not third.horizon.isVisible()  # nothing picked: nothing to read
    assert first.horizon.width() >= first.horizon.sizeHint().width()  # never clipped
    panel.grab().save(str(tmp_path / "horizons.png"))
    panel.grab().save("/tmp/d2_horizons.png")
    panel.set_masked(True)  # room mode before the reveal: the readings wait like the compass
    assert not first.horizon.isVisible()
