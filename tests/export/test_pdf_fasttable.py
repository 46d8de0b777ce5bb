"""The tables' lean cell measuring (export/pdf/fasttable.py) gives exactly reportlab's measures: on every cell
of a full day's compte-rendu, on cells it declines (other flowables, a cell narrower than its padding), and
the PDFs of a full day and other shapes of workshop are byte-identical with and without it (and without the
layout's other fast paths, fastplain and fastlines, too)."""

from __future__ import annotations

from typing import Any

import pytest
from export_factory import make_snapshot
from reportlab import rl_config
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Spacer, Table

from workshop_app.core.catalogue import find_deck
from workshop_app.core.workshop import WorkshopSnapshot
from workshop_app.export.pdf import fasttable, parsed
from workshop_app.export.pdf.document import render_pdf
from workshop_app.export.pdf.fasttable import LeanTable
from workshop_app.export.pdf.fonts import REGULAR, register_fonts
from workshop_app.store.demo_fullday import build_full_day_snapshot


def _render(snapshot: WorkshopSnapshot, photos: Any = None) -> bytes:
    previous, rl_config.invariant = rl_config.invariant, 1
    try:
        return render_pdf(snapshot, photos or {})
    finally:
        rl_config.invariant = previous


def _layout_by_reportlab(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every line broken and every cell measured by reportlab's own code."""
    monkeypatch.setattr(fasttable, "ENABLED", False)
    monkeypatch.setattr(parsed, "break_plain", lambda para, width, widths: None)
    monkeypatch.setattr(parsed, "break_lines", lambda para, width, widths: None)


@pytest.fixture(scope="module")
def full_day() -> WorkshopSnapshot:
    return build_full_day_snapshot(find_deck("et-si-33"), find_deck("nature-en-ville"), 3033)  # type: ignore[arg-type]


def test_every_cell_of_a_full_day_measures_as_reportlab_does(
    full_day: WorkshopSnapshot, monkeypatch: pytest.MonkeyPatch
) -> None:
    compared: list[int] = []
    lean = LeanTable._listCellGeom

    def both(self: Any, V: Any, w: float, s: Any, W: Any = None, H: Any = None, aH: float = 72000) -> Any:
        mine_w: list[float] | None = [] if W is not None else None
        mine_h: list[float] | None = [] if H is not None else None
        mine = lean(self, V, w, s, mine_w, mine_h, aH)
        theirs = Table._listCellGeom(self, V, w, s, W, H, aH)  # the paragraphs' lines are the same objects
        assert repr((mine, mine_w, mine_h)) == repr((theirs, W, H)), (V, w)
        compared.append(sum(type(v) is parsed.WrapOnce for v in V) if isinstance(V, (list, tuple)) else 0)
        return theirs

    monkeypatch.setattr(LeanTable, "_listCellGeom", both)
    _render(full_day)
    assert len(compared) > 4500 and sum(compared) > 4500, (len(compared), sum(compared))  # 5,682 written


def test_every_row_height_given_back_is_reportlabs(
    full_day: WorkshopSnapshot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each time a table's rows are not measured again, reportlab's own measure gives the same rows."""
    given_back: list[int] = []
    lean = LeanTable._calc_height

    def both(self: Any, availHeight: float, availWidth: float, H: Any = None, W: Any = None) -> None:
        before = self._atelier_heights
        lean(self, availHeight, availWidth, H, W)
        if before is None or self._atelier_heights is not before:
            return  # measured by reportlab just now
        mine = repr((self._rowHeights, self._rowpositions, self._height, self._hmax))
        Table._calc_height(self, availHeight, availWidth, H, W)
        assert mine == repr((self._rowHeights, self._rowpositions, self._height, self._hmax))
        given_back.append(len(self._rowHeights))

    monkeypatch.setattr(LeanTable, "_calc_height", both)
    _render(full_day)
    assert len(given_back) > 15, given_back  # 26 tables when written


def test_a_style_set_after_a_wrap_measures_the_rows_again() -> None:
    register_fonts()
    style = ParagraphStyle("t", fontName=REGULAR, fontSize=9, leading=11)

    def rows() -> list[list[Any]]:
        with parsed.reuse_parsing():
            return [[[parsed.paragraph("raw", f"ligne {i} du tableau", style, str)]] for i in range(4)]

    ours, theirs = LeanTable(rows(), colWidths=[90]), Table(rows(), colWidths=[90])
    assert _cells(ours, 400) == _cells(theirs, 400) == _cells(ours, 300)
    for table in (ours, theirs):
        table.setStyle([("TOPPADDING", (0, 0), (-1, -1), 9)])
    assert _cells(ours, 400) == _cells(theirs, 400)
    assert _cells(ours, 400)[1] > _cells(LeanTable(rows(), colWidths=[90]), 400)[1]


def test_the_full_day_pdf_is_byte_identical_without_it(
    full_day: WorkshopSnapshot, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert fasttable.ENABLED, "reportlab is not in fasttext.VERIFIED: LeanTable is reportlab's Table"
    measured: list[bool] = []
    wrap = parsed.WrapOnce.wrap

    def counted(self: Any, width: float, height: float) -> Any:
        measured.append(True)
        return wrap(self, width, height)

    ours = _render(full_day)
    with monkeypatch.context() as m:
        m.setattr(fasttable, "ENABLED", False)
        assert _render(full_day) == ours
    with monkeypatch.context() as m:
        _layout_by_reportlab(m)
        assert _render(full_day) == ours
    monkeypatch.setattr(parsed.WrapOnce, "wrap", counted)
    _render(full_day)
    assert len(measured) > 6000  # the cells' paragraphs are still WrapOnce's (8,158 wraps when written)


@pytest.mark.parametrize(
    "shape",
    [
        {"n_groups": 4, "n_cards": 14, "notes_per_answer": True},
        {"n_groups": 9, "n_cards": 6, "notes_per_answer": True},
        {"n_groups": 5, "n_cards": 5, "hostile": True, "long_text": True},
        {"n_groups": 1, "n_cards": 3},
    ],
)
def test_other_workshops_pdfs_are_byte_identical_without_it(
    monkeypatch: pytest.MonkeyPatch, shape: dict[str, Any]
) -> None:
    snapshot, photos = make_snapshot(**shape)
    ours = _render(snapshot, photos)
    with monkeypatch.context() as m:
        _layout_by_reportlab(m)
        assert _render(snapshot, photos) == ours


def _cells(table: Table, aW: float) -> tuple[Any, ...]:
    table.wrapOn(None, aW, 1000)
    return tuple(table._rowHeights), table._height


def test_declined_cells_measure_as_reportlab_does() -> None:
    """Other flowables beside the paragraphs, text and empty cells, spaced paragraphs: the same heights."""
    register_fonts()
    style = ParagraphStyle("t", fontName=REGULAR, fontSize=9, leading=11, spaceBefore=3, spaceAfter=2)

    def rows() -> list[list[Any]]:
        with parsed.reuse_parsing():
            cell = [parsed.paragraph("raw", "Le bassin versant déborde chaque printemps", style, str)]
            other = parsed.paragraph("raw", "la commune prépare un plan", style, str)
        return [
            ["texte", cell, []],
            [[Spacer(1, 7), Paragraph("un paragraphe de reportlab", style)], "deux\nlignes", ""],
            [[*cell, Spacer(1, 4), other], None, [Paragraph("a", style)]],
        ]

    for width in (60.0, 200.0):
        assert _cells(LeanTable(rows(), colWidths=[width, 80, 40]), 400) == _cells(
            Table(rows(), colWidths=[width, 80, 40]), 400
        )


def test_a_cell_narrower_than_its_padding_is_reportlabs_error() -> None:
    register_fonts()
    style = ParagraphStyle("t", fontName=REGULAR, fontSize=9)
    with parsed.reuse_parsing():
        cell = [parsed.paragraph("raw", "mot", style, str)]
    with pytest.raises(ValueError, match="negative availWidth"):
        _cells(LeanTable([[cell]], colWidths=[4]), 400)


def test_another_reportlab_measures_every_cell_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    register_fonts()
    style = ParagraphStyle("t", fontName=REGULAR, fontSize=9)
    with parsed.reuse_parsing():
        cell = [parsed.paragraph("raw", "un mot", style, str)]
    monkeypatch.setattr(fasttable, "ENABLED", False)
    calls: list[Any] = []
    wrap_on = parsed.WrapOnce.wrapOn

    def counted(self: Any, canv: Any, aW: float, aH: float) -> Any:
        calls.append(aW)
        return wrap_on(self, canv, aW, aH)

    monkeypatch.setattr(parsed.WrapOnce, "wrapOn", counted)
    _cells(LeanTable([[cell]], colWidths=[100]), 400)
    assert calls  # reportlab's wrapOn, as for a plain Table


def test_it_runs_with_the_installed_reportlab() -> None:
    """A reportlab upgrade turns LeanTable's measuring off (reportlab then measures every cell): compare this
    file's tests with the new version (add it to ``fasttext.VERIFIED``) and keep it when they pass."""
    import reportlab

    assert fasttable.ENABLED, f"reportlab {reportlab.Version} is not in fasttext.VERIFIED"
