"""Paragraphs parsed once per build (export/pdf/parsed.py): a reused parse lays out and draws exactly what a
fresh Paragraph does, and nothing is shared outside the build's block."""

from __future__ import annotations

import io

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
