"""The live compass: items created once, redraws coalesced, coverage always shown, levers and bars."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from test_play_support import question_deck, strategy_deck

from workshop_app.core.events import Event, EventKind
from workshop_app.core.scoring import score
from workshop_app.core.state import fold
from workshop_app.core.workshop import GroupInfo
from workshop_app.ui.compass.radar import polygon
from workshop_app.ui.compass.series import build_series, wrap_label
from workshop_app.ui.compass.widget import CompassWidget

GROUPS = [GroupInfo(f"g{i}", f"Table {i}", c, i) for i, c in enumerate(("#0072B2", "#E69F00", "#009E73"))]


def _reading(deck: Any, answers: int) -> Any:
    events = []
    for n in range(answers):
        group = GROUPS[n % len(GROUPS)].id
        card = deck.cards[(n // len(GROUPS)) % len(deck.cards)].id
        events.append(Event(n + 1, EventKind.CHOICE_RECORDED, sequence_id="s", group_id=group, card_id=card,
                            payload={"option": f"s{n % 5}"}))
    return score(deck, fold(events).sequence("s"), [g.id for g in GROUPS])


def test_items_are_created_once_then_only_updated(qtbot: Any) -> None:
    deck = question_deck()
    widget = CompassWidget()
    qtbot.addWidget(widget)
    widget.resize(420, 560)
    widget.show()
    widget.set_data(deck, _reading(deck, 1), GROUPS)
    widget.flush()
    plot = widget.radar.view_box
    count = len(plot.addedItems)
    for n in range(100):
        widget.set_data(deck, _reading(deck, n % 18), GROUPS)
        widget.flush()
    assert len(plot.addedItems) == count
    widget.set_levers(True)  # 18 levers: the pools grow once …
    grown = len(plot.addedItems)
    widget.set_levers(False)
    widget.set_levers(True)
    assert len(plot.addedItems) == grown  # … and never again


def test_set_data_is_coalesced_but_coverage_is_immediate(qtbot: Any) -> None:
    deck = question_deck()
    widget = CompassWidget()
    qtbot.addWidget(widget)
    for n in range(10):
        widget.set_data(deck, _reading(deck, n), GROUPS)
    assert widget.redraws == 0
    assert widget.coverage_text() == "Couverture : 50 %"  # 9 of 3 tables x 6 cards answered
    qtbot.waitUntil(lambda: widget.redraws == 1, timeout=2000)
    qtbot.wait(100)
    assert widget.redraws == 1


def test_series_never_draw_unanswered_as_zero() -> None:
    deck = question_deck()
    series = build_series(deck, _reading(deck, 1), GROUPS)
    assert len(series.targets) == 6 and not series.levers
    assert series.groups[1].values == (None,) * 6  # Table 1 answered nothing yet
    x, _y, complete = polygon(series.groups[1].values)
    assert not complete and len(x) == 7
    levers = build_series(deck, _reading(deck, 1), GROUPS, levers=True)
    assert [t.label for t in levers.targets][:4] == ["1.1", "1.2", "1.3", "2.1"]
    assert levers.targets[0].full.startswith("1.1 Levier")
    assert wrap_label("Stratégies – Gouvernance") == "Stratégies –\nGouvernance"


def test_legend_views_and_strategy_deck(qtbot: Any) -> None:
    deck = strategy_deck()
    widget = CompassWidget()
    qtbot.addWidget(widget)
    state = fold([Event(1, EventKind.CARD_PICKED, sequence_id="s", group_id="g0", card_id="arbres")])
    widget.set_data(deck, score(deck, state.sequence("s"), [g.id for g in GROUPS]), GROUPS)
    widget.flush()
    assert widget.levers_button.isHidden()  # strategy decks have axes only
    assert "Table&nbsp;1" in widget.legend.text() and "Salle&nbsp;(moyenne)" in widget.legend.text()
    views: list[str] = []
    widget.sig_view_changed.connect(views.append)
    widget.set_view("bars")
    assert widget.stack.currentWidget() is widget.bars and views == ["bars"]
    widget.resize(400, 300)
    widget.show()
    widget.bars.grab()  # paints without error, labels elided inside the widget
    heat = widget.series.room.values[0] if widget.series is not None else None
    assert heat is not None and heat > 50  # a positive effect on heat


def test_renamed_group_shows_in_legend(qtbot: Any) -> None:
    deck = question_deck()
    widget = CompassWidget()
    qtbot.addWidget(widget)
    renamed = [replace(GROUPS[0], name="Les Coteaux"), *GROUPS[1:]]
    widget.set_data(deck, _reading(deck, 3), renamed)
    widget.flush()
    assert "Les&nbsp;Coteaux" in widget.legend.text()


def test_radar_polygons_gaps_markers_and_fill(qtbot: Any) -> None:
    """Qt path items: a gap where a target is unanswered, markers only then, a tint only for few tables."""
    from PySide6.QtCore import Qt

    from workshop_app.ui.compass.radar import MAX_FILLED, dots_path, outline_path

    x, y, complete = polygon((50.0, None, 80.0, 20.0))
    assert not complete
    path = outline_path(x, y)
    # 80 → 20 → back to 50 (closing); nothing across the gap, and 50–gap has no side to draw
    assert path.elementCount() == 3 and path.elementAt(0).isMoveTo()
    assert dots_path(x, y).elementCount() == 2 * 4  # a marker per known point (the first twice: closed)
    deck = question_deck()
    widget = CompassWidget()
    qtbot.addWidget(widget)
    widget.resize(420, 560)
    widget.show()
    widget.set_data(deck, _reading(deck, 18), GROUPS)  # every table answered every card: complete
    widget.flush()
    curves = widget.radar._curves
    assert len(GROUPS) <= MAX_FILLED
    assert all(c.visible and not c.dots.isVisible() for c in curves)
    assert all(c.line.brush().style() != Qt.BrushStyle.NoBrush for c in curves)
    assert all(c.line.pen().isCosmetic() for c in curves)
    assert widget.radar._room.line.pen().style() == Qt.PenStyle.DashLine
    widget.set_data(deck, _reading(deck, 1), GROUPS)  # one answer: a lone point, with its marker
    widget.flush()
    first = curves[0]
    assert first.dots.isVisible() and first.line.brush().style() == Qt.BrushStyle.NoBrush
    assert not curves[1].visible  # nothing answered: nothing drawn
    for text in widget.radar._ring_text:  # the ring values sit on a light box, above the polygons
        assert text.fill.style() != Qt.BrushStyle.NoBrush and text.zValue() > widget.radar._room.line.zValue()
    image = widget.radar.grab().toImage()  # paints
    assert image.width() > 0


def test_coverage_bar_and_legend_follow_the_votes(qtbot: Any) -> None:
    deck = question_deck()
    widget = CompassWidget()
    qtbot.addWidget(widget)
    widget.show()
    widget.set_data(deck, _reading(deck, 9), GROUPS)
    assert widget.coverage_bar.value() == 50 and widget.coverage_bar.updatesEnabled()
    widget.flush()
    legend = widget.legend.text()
    widget.set_data(deck, _reading(deck, 12), GROUPS)
    widget.flush()
    assert widget.legend.text() == legend and widget.coverage_bar.value() == 67
    renamed = [replace(GROUPS[0], name="Les Coteaux"), *GROUPS[1:]]
    widget.set_data(deck, _reading(deck, 12), renamed)
    widget.flush()
    assert "Les&nbsp;Coteaux" in widget.legend.text()


def test_bars_tooltip_shows_the_spread_beside_the_room_mean(qtbot: Any) -> None:
    """Two tables at the two ends of the scale read « 50 % (écart 0–100) », never a calm 50."""
    deck = question_deck()
    card = deck.cards[0]
    first, last = deck.scale[0].id, [o.id for o in deck.scale if o.value is not None][-1]
    events = [
        Event(1, EventKind.CHOICE_RECORDED, sequence_id="s", group_id="g0", card_id=card.id,
              payload={"option": first}),
        Event(2, EventKind.CHOICE_RECORDED, sequence_id="s", group_id="g1", card_id=card.id,
              payload={"option": last}),
    ]
    reading = score(deck, fold(events).sequence("s"), [g.id for g in GROUPS])
    widget = CompassWidget()
    qtbot.addWidget(widget)
    widget.set_data(deck, reading, GROUPS)
    widget.flush()
    axis = deck.axis_of(card.informs[0].lever)
    i = [t.id for t in widget.bars._series.targets].index(axis)  # type: ignore[union-attr]
    tip = widget.bars._tooltip(i)
    assert "Salle (moyenne) : 50 % (écart 0–100)" in tip, tip
    widget.bars.grab().save("/tmp/decks_bars.png")
