"""Chart builders run with reportlab's shape attribute checks off, and only while they run."""

from __future__ import annotations

import pytest
from reportlab import rl_config
from reportlab.graphics.shapes import Line

from workshop_app.export.pdf import charts
from workshop_app.export.pdf.unchecked import unchecked


def test_checks_are_off_inside_a_builder_and_restored_after() -> None:
    seen: list[int] = []

    @unchecked
    def inner() -> None:
        seen.append(rl_config.shapeChecking)

    @unchecked
    def outer() -> None:
        inner()
        seen.append(rl_config.shapeChecking)  # still off after a nested builder returned

    assert rl_config.shapeChecking == 1
    outer()
    assert seen == [0, 0]
    assert rl_config.shapeChecking == 1


def test_checks_are_restored_when_a_builder_raises() -> None:
    @unchecked
    def failing() -> None:
        raise ValueError("boom")

    with pytest.raises(ValueError):
        failing()
    assert rl_config.shapeChecking == 1
    with pytest.raises(AttributeError):  # reportlab validates again outside
        Line(0, 0, 1, 1).strokeWidth = "épais"


def test_a_chart_is_built_unchecked_and_still_renders() -> None:
    from reportlab.graphics import renderPDF

    from workshop_app.export.pdf.fonts import register_fonts

    register_fonts()
    drawing = charts.bars([charts.BarRow("Eau", "#1F4E6B", 60.0)], width=400)
    assert rl_config.shapeChecking == 1
    assert renderPDF.drawToString(drawing).startswith(b"%PDF")
