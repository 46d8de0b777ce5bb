"""Paragraphs parsed once per build (export/pdf/parsed.py): a reused parse lays out and draws exactly what a
fresh Paragraph does, and nothing is shared outside the build's block."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from workshop_app.export.pdf import parsed
from workshop_app.export.pdf.escaping import markup
from workshop_app.export.pdf.fonts import REGULAR, register_fonts


def _drawn(paragraph: Paragraph, width: float) -> bytes:
    canvas = Canvas(io.BytesIO(), invariant=1)
    paragraph.wrapOn(canvas, width, 500)
    paragraph.drawOn(canvas, 20, 20)
    return canvas.getpdfdata()


def test_a_reused_parse_draws_what_a_fresh_paragraph_draws() -> None:
    register_fonts()
    style = ParagraphStyle("t", fontName=REGULAR, fontSize=9)
    text = "Une « note » & <b>pas</b> de balise : l’eau\npuis une autre ligne, assez longue pour se couper"
    fresh = [_drawn(Paragraph(markup(text), style), w) for w in (60, 300)]
    with parsed.reuse_parsing():
        first = parsed.paragraph("p", text, style, markup)
        second = parsed.paragraph("p", text, style, markup)
        assert first.frags is not second.frags  # each its own fragments
        # the first one laid out (and split) first must not change what the second one draws
        assert [_drawn(first, 60), _drawn(second, 300)] == fresh
        third = parsed.paragraph("p", text, style, markup)
        assert _drawn(third, 60) == fresh[0]


def test_nothing_is_kept_outside_the_block() -> None:
    style = ParagraphStyle("t", fontName=REGULAR, fontSize=9)
    calls: list[str] = []

    def prepare(text: object) -> str:
        calls.append(str(text))
        return markup(text)

    with parsed.reuse_parsing():
        parsed.paragraph("p", "un", style, prepare)
        parsed.paragraph("p", "un", style, prepare)
        parsed.paragraph("c", "un", style, prepare)  # another kind: prepared on its own
    assert calls == ["un", "un"]
    parsed.paragraph("p", "un", style, prepare)  # outside: a plain Paragraph, prepared again
    assert calls == ["un", "un", "un"]
    assert getattr(parsed._local, "cache", None) is None


def test_the_pdfs_own_escape_is_saxutils_escape() -> None:
    from xml.sax.saxutils import escape as reference

    from workshop_app.export.pdf.escaping import escape

    for text in ("a & b < c > d", "&amp; déjà", "<<>>&&", "« l’été »", "", "<b>gras</b> & <i>"):
        assert escape(text) == reference(text)


def test_lines_are_broken_once_per_width_and_drawn_as_fresh_paragraphs_draw_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    register_fonts()
    style = ParagraphStyle("t", fontName=REGULAR, fontSize=9)
    plain = "Quelques actions isolées, sans plan d’ensemble, qui ne se coupent qu’à la fin de la ligne"
    marked = "Une <b>note</b> en gras, assez longue pour se couper en deux lignes au moins"
    fresh = {(t, w): _drawn(Paragraph(markup(t), style), w) for t in (plain, marked) for w in (80, 300)}
    broken: list[str] = []
    original = parsed.WrapOnce.breakLines  # reportlab's, or fastlines' for the marked one

    def counting(self: parsed.WrapOnce, widths: list[float]) -> object:
        broken.append(self.text)
        return original(self, widths)

    monkeypatch.setattr(parsed.WrapOnce, "breakLines", counting)
    with parsed.reuse_parsing():
        made = [parsed.paragraph("p", t, style, markup) for t in (plain, plain, marked, marked)]
    canvas = Canvas(io.BytesIO(), invariant=1)
    for p in made:
        p.wrap(80, 500)
        p.wrap(80, 400)  # measured again (a table, a KeepTogether): not broken again
    # the second plain paragraph takes the first one's lines; a paragraph with markup breaks its own
    assert len(broken) == 3
    for p, t in zip(made, (plain, plain, marked, marked), strict=True):
        p.drawOn(canvas, 20, 20)
        assert _drawn(p, 80) == fresh[(t, 80)] and _drawn(p, 300) == fresh[(t, 300)]
