"""Our charts rendered without renderPDF's per-node detours (export/pdf/fastcharts.py) give exactly
reportlab's operators: every chart of a full day and of other workshops, drawn both ways onto two canvases
(with and without reportlab's invariant mode, which orders each node's state changes), and whole PDFs
byte-identical with and without it; a drawing it cannot be sure of is left to reportlab."""

from __future__ import annotations

import io
from typing import Any

import pytest
from export_factory import make_snapshot
from reportlab import rl_config
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Group, Line, String, Wedge
from reportlab.lib import colors
from reportlab.lib.validators import DerivedValue
from reportlab.pdfgen.canvas import Canvas

from workshop_app.core.catalogue import find_deck
from workshop_app.core.workshop import WorkshopSnapshot
from workshop_app.export.pdf import fastcharts
from workshop_app.export.pdf.document import render_pdf
from workshop_app.export.pdf.fonts import REGULAR, register_fonts
from workshop_app.store.demo_fullday import build_full_day_snapshot


def _render(snapshot: WorkshopSnapshot, photos: Any = None) -> bytes:
    previous, rl_config.invariant = rl_config.invariant, 1
    try:
        return render_pdf(snapshot, photos or {})
    finally:
        rl_config.invariant = previous


@pytest.fixture(scope="module")
def full_day() -> WorkshopSnapshot:
    return build_full_day_snapshot(find_deck("et-si-33"), find_deck("nature-en-ville"), 3033)  # type: ignore[arg-type]


def _charts_of(snapshot: WorkshopSnapshot, photos: Any, monkeypatch: pytest.MonkeyPatch) -> list[Drawing]:
    drawn: list[Drawing] = []
    real = fastcharts.draw

    def keep(drawing: Drawing, *args: Any, **kw: Any) -> None:
        drawn.append(drawing)
        real(drawing, *args, **kw)

    with monkeypatch.context() as m:
        m.setattr(fastcharts, "draw", keep)
        _render(snapshot, photos)
    return drawn


def _operators(drawings: list[Drawing], draw: Any) -> list[str]:
    register_fonts()
    canvas = Canvas(io.BytesIO())
    for i, drawing in enumerate(drawings):
        draw(drawing, canvas, 10 + i, 20)
    return list(canvas._code)


@pytest.mark.parametrize("invariant", [0, 1])
def test_every_chart_of_a_full_day_is_drawn_as_renderpdf_draws_it(
    full_day: WorkshopSnapshot, monkeypatch: pytest.MonkeyPatch, invariant: int
) -> None:
    drawings = _charts_of(full_day, {}, monkeypatch)
    assert len(drawings) > 25 and all(fastcharts.plain(d) for d in drawings)  # the fast path is taken
    monkeypatch.setattr(rl_config, "invariant", invariant)
    ours = _operators(drawings, fastcharts.draw)
    assert ours == _operators(drawings, renderPDF.draw)
    assert len(ours) > 10_000


@pytest.mark.parametrize(
    "shape",
    [
        {"n_groups": 4, "n_cards": 14, "notes_per_answer": True},
        {"n_groups": 9, "n_cards": 6},
        {"n_groups": 5, "n_cards": 5, "hostile": True, "long_text": True},
        {"n_groups": 1, "n_cards": 3},
    ],
)
def test_other_workshops_pdfs_are_byte_identical_without_it(
    monkeypatch: pytest.MonkeyPatch, shape: dict[str, Any]
) -> None:
    snapshot, photos = make_snapshot(**shape)
    drawings = _charts_of(snapshot, photos, monkeypatch)
    assert drawings and all(fastcharts.plain(d) for d in drawings)
    assert _operators(drawings, fastcharts.draw) == _operators(drawings, renderPDF.draw)
    ours = _render(snapshot, photos)
    monkeypatch.setattr(fastcharts, "AVAILABLE", False)
    assert _render(snapshot, photos) == ours


def test_the_full_day_pdf_is_byte_identical_without_it(
    full_day: WorkshopSnapshot, monkeypatch: pytest.MonkeyPatch
) -> None:
    ours = _render(full_day)
    monkeypatch.setattr(fastcharts, "AVAILABLE", False)
    assert _render(full_day) == ours


def _chart(*nodes: Any) -> fastcharts.ChartDrawing:
    drawing = fastcharts.ChartDrawing(200, 100)
    drawing.initialFontName = REGULAR
    for node in nodes:
        drawing.add(node)
    return drawing


class _Half(DerivedValue):  # type: ignore[misc]
    def getValue(self, renderer: Any, attr: str) -> float:
        return 0.5


def test_what_it_cannot_be_sure_of_is_left_to_reportlab() -> None:
    register_fonts()
    line = Line(0, 0, 50, 50, strokeColor=colors.red, strokeWidth=2)
    label = String(10, 10, "Salle", fontName=REGULAR, fontSize=7, textAnchor="middle")
    group = Group(Line(1, 2, 3, 4), label)
    group.translate(5, 6)
    assert fastcharts.plain(_chart(line, group))
    derived = Line(0, 0, 9, 9)
    derived.strokeWidth = _Half()
    scaled = _chart(Line(0, 0, 1, 1))
    scaled.renderScale = 2.0
    called = Line(0, 0, 5, 5)
    called._drawTimeCallback = lambda node, canvas, renderer: None
    declined = [
        _chart(line, Wedge(50, 50, 20, 0, 90, fillColor=colors.blue)),  # a shape it does not know
        _chart(Group(derived)),  # a derived value
        scaled,  # a render scale
        _chart(called),  # a draw-time callback
    ]
    for drawing in declined:
        assert not fastcharts.plain(drawing)
    every = [_chart(line, group), *declined]
    assert _operators(every, fastcharts.draw) == _operators(every, renderPDF.draw)


def test_a_chart_in_a_story_is_drawn_through_it(monkeypatch: pytest.MonkeyPatch) -> None:
    register_fonts()
    calls: list[Any] = []
    monkeypatch.setattr(fastcharts, "draw", lambda *args, **kw: calls.append(args))
    drawing = _chart(Line(0, 0, 1, 1))
    canvas = Canvas(io.BytesIO())
    drawing.drawOn(canvas, 3, 4)
    assert len(calls) == 1 and calls[0][0] is drawing


def test_it_runs_with_the_installed_reportlab() -> None:
    """A reportlab upgrade turns it off (renderPDF draws the charts, slower): compare this file's tests with
    the new version (set ``fasttext.VERIFIED`` to it) and add it when they pass."""
    import reportlab

    assert fastcharts.AVAILABLE, f"reportlab {reportlab.Version} is not in fasttext.VERIFIED"
