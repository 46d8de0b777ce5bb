"""Drawing a plain paragraph (reportlab's « kind 0 » lines: one font, one colour) straight into the page's
content, the same operators as reportlab's ``Flowable.drawOn`` → ``Paragraph.drawPara`` →
``_leftDrawParaLine``/``_centerDrawParaLine``/``_rightDrawParaLine`` → ``PDFTextObject._textOut``, without
their per-call bookkeeping: the canvas's state is not pushed and popped (nothing here changes it), no text
object is made, the font's subset mapping is a ``str.translate``.

A full day draws ~2,800 such paragraphs (the headings of the tables, « Argument », the levels, the cells); the
text of their lines went through reportlab's ``TTFont.splitString`` character by character in Python.
:func:`split_string` maps a text whose characters all have a code in the font's first subset with one
``str.translate`` and gives back what reportlab's gives; any other text (a character not seen yet, one of a
later subset) goes to reportlab's own, which assigns it its code as before.

It only draws where that is certain to be reportlab's output: the canvas bottom-up and not enforcing a colour
space, an RGB text colour whose opacity is already the canvas's, a TrueType font without shaping; no bullet,
border, background, underline, link, justification, auto leading, debug boundary, nor a line wider than its
width (reportlab then spaces its words). Anything else returns False and the caller runs reportlab's code.
``tests/export/test_pdf_fastdraw.py`` compares both on every paragraph of a full day and on generated texts;
the PDFs (a full day, four other shapes of workshop) are byte-identical with and without it.

Adapted from ReportLab's ``reportlab/platypus/paragraph.py``, ``pdfgen/textobject.py``, ``pdfgen/canvas.py``
and ``pdfbase/ttfonts.py`` (Copyright ReportLab Europe Ltd. 2000-2017, BSD-3-Clause; its licence text ships in
reportlab's dist-info, see THIRD-PARTY-NOTICES.md).
"""

from __future__ import annotations

from types import MethodType
from typing import Any

import reportlab

#: the reportlab versions whose drawing this copies (compared by tests/export/test_pdf_fastdraw.py); with
#: any other, reportlab draws the paragraphs itself until the comparison is made again
VERIFIED = ("5.1.",)

try:  # reportlab's internals
    from reportlab.lib.colors import CMYKColor, Color
    from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
    from reportlab.lib.rl_accel import escapePDF, fp_str
    from reportlab.pdfbase.pdfmetrics import getFont
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.pdfgen.textobject import PDFTextObject
    from reportlab.platypus import paragraph as rl_paragraph
    from reportlab.platypus.flowables import Flowable
    from reportlab.platypus.paragraph import Paragraph

    AVAILABLE = reportlab.Version.startswith(VERIFIED)
except ImportError:  # pragma: no cover - another reportlab
    AVAILABLE = False

_ALIGNMENTS = (TA_LEFT, TA_CENTER, TA_RIGHT) if AVAILABLE else ()
# reportlab's own (also when this module is imported again: never wrapped twice)
_reportlab_format_text = getattr(PDFTextObject._formatText, "reportlab", PDFTextObject._formatText)


class _Unassigned(Exception):
    """A character the translation table does not hold: reportlab's splitString decides."""


class _Codes(dict[int, str]):
    """A font state's code → character table for ``str.translate``: each character already given a code in
    subset 0 maps to the character of that code; any other stops the translation."""

    synced = 0  # how many of the state's assignments it holds (they are only ever added, never changed)

    def __missing__(self, key: int) -> str:
        raise _Unassigned


def _codes(state: Any) -> _Codes:
    table: _Codes | None = getattr(state, "_atelier_codes", None)
    assignments = state.assignments
    if table is None:
        table = state._atelier_codes = _Codes()
    if table.synced != len(assignments):
        for code, n in list(assignments.items())[table.synced :]:
            if n < 256 and code != 0xA0:
                table[code] = chr(n)
        table.synced = len(assignments)
        space = assignments.get(32)  # reportlab draws a no-break space as a space
        if space is not None and space < 256:
            table[0xA0] = chr(space)
    return table


def split_string(font: Any, text: Any, doc: Any, encoding: str = "utf-8") -> Any:
    """``TTFont.splitString``: for a text all of whose characters have a code in subset 0, one translation;
    any other goes to reportlab's (which gives them their codes)."""
    state = font.state.get(doc)
    if state is not None and type(text) is str:
        try:
            mapped = text.translate(_codes(state))
        except _Unassigned:
            pass
        else:
            return [(0, mapped.encode("latin-1"))] if mapped else []
    return TTFont.splitString(font, text, doc, encoding)


#: our fonts given :func:`split_string`, by name (those :func:`format_text` writes)
_sped_up: dict[str, Any] = {}


def speed_up(font: Any) -> None:
    """Give this registered font (a reportlab TTFont, not shaped) the fast :func:`split_string`, and its
    text objects' strings the fast :func:`format_text`."""
    if (
        AVAILABLE
        and isinstance(font, TTFont)
        and not font.shapable
        and type(font).splitString is TTFont.splitString
    ):
        font.splitString = MethodType(split_string, font)
        _sped_up[font.fontName] = font
        if PDFTextObject._formatText is not format_text:
            format_text.reportlab = _reportlab_format_text  # type: ignore[attr-defined]
            PDFTextObject._formatText = format_text


def format_text(tx: Any, text: Any) -> str:
    """``PDFTextObject._formatText``: a text (a str) in one of our fonts is written by reportlab's loop for a
    TrueType font that is not shaped, its chunks from :func:`split_string`; anything else by reportlab's."""
    font = _sped_up.get(tx._fontname)
    if font is None or type(text) is not str:
        return _reportlab_format_text(tx, text)
    canv = tx._canvas
    doc = canv._doc
    out = []
    tmpl = None
    for subset, chunk in font.splitString(text, doc):
        if subset != tx._curSubset:
            if not tmpl:
                tmpl = f"{fp_str(tx._fontsize)} Tf {fp_str(tx._leading)} TL"
            out.append(f"{font.getSubsetInternalName(subset, doc)} {tmpl}")
            tx._curSubset = subset
        out.append(f"({canv._escape(chunk)}) Tj")
    return " ".join(out)


_plain_classes: dict[Any, bool] = {}


def _plain_class(cls: Any) -> bool:
    """Whether this Paragraph class draws with reportlab's own code (no method of the path overridden)."""
    known = _plain_classes.get(cls)
    if known is None:
        known = _plain_classes[cls] = (
            cls.drawPara is Paragraph.drawPara
            and cls.draw is Paragraph.draw
            and cls.beginText is Paragraph.beginText
            and cls._drawOn is Flowable._drawOn
            and cls._hAlignAdjust is Flowable._hAlignAdjust
        )
    return known


_plain_canvases: dict[type, bool] = {}


def _plain_canvas(canvas: Any) -> bool:
    cls = type(canvas)
    known = _plain_canvases.get(cls)
    if known is None:
        names = (
            "saveState",
            "restoreState",
            "translate",
            "transform",
            "beginText",
            "drawText",
            "setFillColor",
            "setFillAlpha",
            "_setFillAlpha",
            "_escape",
        )
        known = _plain_canvases[cls] = all(getattr(cls, n) is getattr(Canvas, n) for n in names)
    return known


def draw_plain(para: Any, canvas: Any, x: float, y: float, sW: float = 0) -> bool:
    """Draw ``para`` (wrapped) as ``para.drawOn(canvas, x, y, sW)`` would; False (nothing drawn) when it is
    not a case this copies."""
    if not AVAILABLE:
        return False
    blPara = para.blPara
    style = para.style
    if blPara.kind != 0 or para.bulletText or para.debug or not _plain_class(type(para)):
        return False
    if getattr(para, "_showBoundary", None) or hasattr(para, "_offsets") or not _plain_canvas(canvas):
        return False
    if style.backColor or (getattr(style, "borderColor", None) and getattr(style, "borderWidth", None)):
        return False
    alignment = style.alignment
    if alignment not in _ALIGNMENTS or style.wordWrap:
        return False
    if getattr(para, "autoLeading", getattr(style, "autoLeading", "")) in ("max", "min"):
        return False
    if not canvas.bottomup or canvas._enforceColorSpace:
        return False
    lines = blPara.lines
    offset = style.firstLineIndent
    for line in lines:
        if line[0] <= -1e-8:  # a line wider than the width: reportlab spaces its words
            return False
    code = canvas._code
    if not lines:
        x = para._hAlignAdjust(x, sW)
        code.append("q")
        code.append(f"{fp_str(1, 0, 0, 1, x, y)} cm")
        code.append("Q")
        return True
    if blPara.us_lines or blPara.link:
        return False
    color = blPara.textColor
    if not isinstance(color, Color) or isinstance(color, CMYKColor):
        return False
    alpha = getattr(color, "alpha", None)
    if alpha is not None:
        if not (isinstance(alpha, (float, int)) and 0 <= alpha <= 1):
            return False
        if canvas._extgstate.getValue("ca") != alpha:
            return False
    font = getFont(blPara.fontName)
    if not font._dynamicFont or font.shapable:
        return False
    doc = canvas._doc
    if alpha is not None:
        doc.ensureMinPdfVersion("transparency")
    x = para._hAlignAdjust(x, sW)
    if rl_paragraph.paraFontSizeHeightOffset:
        cur_y = para.height - blPara.fontSize
    else:
        cur_y = para.height - getattr(blPara, "ascent", blPara.fontSize)
    tmpl = f"{fp_str(blPara.fontSize)} Tf {fp_str(style.leading)} TL"
    text_code = ["BT", f"1 0 0 1 {fp_str(style.leftIndent, cur_y)} Tm"]
    _lines(text_code, lines, alignment, offset, font, doc, tmpl)
    text_code.append("ET")
    code.append("q")
    code.append(f"{fp_str(1, 0, 0, 1, x, y)} cm")
    code.append("q")
    code.append(f"{fp_str((color.red, color.green, color.blue))} rg")
    code.append(" ".join(text_code))
    code.append("Q")
    code.append("Q")
    return True


def _lines(out: list[str], lines: Any, alignment: Any, offset: float, font: Any, doc: Any, tmpl: str) -> None:
    """The text object's operators for these lines (reportlab's ``_*DrawParaLine``, ``setXPos``,
    ``moveCursor`` and ``_formatText``)."""
    subset = -1
    split = font.splitString
    for i, line in enumerate(lines):
        extraspace, words = line[0], line[1]
        if i:
            offset = 0
        if alignment == TA_LEFT:
            m = offset
        elif alignment == TA_CENTER:
            m = offset + 0.5 * extraspace
        else:
            m = offset + extraspace
        if m > 1e-6 or m < -1e-6:
            _move(out, m)
        parts = []
        for n, chunk in split(" ".join(words), doc):
            if n != subset:
                parts.append(f"{font.getSubsetInternalName(n, doc)} {tmpl}")
                subset = n
            parts.append(f"({escapePDF(chunk)}) Tj")
        out.append(" ".join(parts) + " T*")
        if m > 1e-6 or m < -1e-6:
            _move(out, -m)


def _move(out: list[str], dx: float) -> None:
    """``PDFTextObject.moveCursor(dx, 0)``: merged into the move just before it, as reportlab does."""
    dy: float = 0
    last = out[-1]
    if last.endswith(" Td"):
        parts = last.split()
        if len(parts) == 3:
            del out[-1]
        else:
            out[-1] = "".join(parts[:-4])
        dx += float(parts[-3])
        dy -= float(parts[-2])
    out.append(f"{fp_str(dx, -dy)} Td")
