"""Legible with many tables: one table alone on the compass (keyboard or mouse), « non concerné » counted per
lever in the bars view; the pure series first, then the widget."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from test_compass_widget import GROUPS
from test_play_support import question_deck

from workshop_app.core.events import Event, EventKind
from workshop_app.core.scoring import score
from workshop_app.core.state import fold
from workshop_app.ui.compass.series import build_series
from workshop_app.ui.compass.widget import BARS, CompassWidget

SHOTS = os.environ.get("ATELIER_SHOTS", "")


def _reading(deck: Any) -> Any:
    """Table 0 answers every card « non concerné »; tables 1 and 2 answer 3 and 1."""
    events = []
    for card in deck.cards:
        for g, option in zip(GROUPS, ("nc", "s3", "s1"), strict=True):
            events.append(Event(len(events) + 1, EventKind.CHOICE_RECORDED, sequence_id="s", group_id=g.id,
                                card_id=card.id, payload={"option": option}))
    return score(deck, fold(events).sequence("s"), [g.id for g in GROUPS])


def test_series_count_not_concerned_and_show_one_table() -> None:
    deck = question_deck()
    series = build_series(deck, _reading(deck), GROUPS, levers=True)
    assert len(series.not_concerned) == len(series.targets)
    informed = [n for n in series.not_concerned if n]
    assert informed and series.not_concerned_total == sum(informed)
    alone = series.only("g1")
    assert [g.id for g in alone.groups] == ["g1"] and alone.room == series.room
    assert series.only(None) is series and series.only("nobody") is series


def test_one_table_alone_by_keyboard_and_nc_in_the_bars(qtbot: Any) -> None:
    deck = question_deck()
    widget = CompassWidget()
    qtbot.addWidget(widget)
    widget.resize(520, 640)
    widget.show()
    widget.set_data(deck, _reading(deck), GROUPS)
    widget.flush()
    combo = widget.focus_combo
    assert combo.isVisible() and combo.count() == 4 and combo.itemText(2) == "Table 1 seule"
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Down)  # keyboard: the next entry, « Table 0 seule »
    assert widget.focused_group() == "g0"
    assert [s.id for s in widget.radar._series.groups] == ["g0"]  # type: ignore[union-attr]
    widget.focus_group(None)
    assert len(widget.radar._series.groups) == 3  # type: ignore[union-attr]
    widget.set_view(BARS)
    widget.set_levers(True)
    widget.flush()
    tip = widget.bars._tooltip(0)
    nc = widget.series.not_concerned[0]  # type: ignore[union-attr]
    assert nc == 0 or f"« non concerné » : {nc} réponse(s)" in tip
    first = next(i for i, n in enumerate(widget.series.not_concerned) if n)  # type: ignore[union-attr]
    assert "« non concerné »" in widget.bars._tooltip(first)
    if SHOTS:
        widget.focus_group("g1")
        widget.grab().save(str(Path(SHOTS) / "compass-bars-focus-nc.png"))


def test_the_projector_compass_has_no_table_picker(qtbot: Any) -> None:
    deck = question_deck()
    widget = CompassWidget()
    qtbot.addWidget(widget)
    widget.set_controls_visible(False)
    widget.show()
    widget.set_data(deck, _reading(deck), GROUPS)
    widget.flush()
    assert not widget.focus_combo.isVisible()
