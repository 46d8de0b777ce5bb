"""Our paragraphs drawn into the page as reportlab draws them, without its per-call bookkeeping (a full day
draws ~3,500: the tables' headings and cells, « Argument », the notes, the cards' prompts and levels).

* :func:`draw_plain`, for a plain paragraph (reportlab's « kind 0 » lines: one font, one colour), writes the
  operators of reportlab's ``Flowable.drawOn`` → ``Paragraph.drawPara`` → ``_leftDrawParaLine`` (or centre,
  right) → ``PDFTextObject._textOut`` itself: no text object, the canvas's state not pushed and popped
  (nothing here changes it). For a multi-style one (« kind 1 »: a note's coloured « ▸ », a prompt's grey
  « Leviers : … ») it drives reportlab's text object in the order of ``drawPara``'s kind-1 branch and
  ``_putFragLine``, without their measuring of each run for underlines, links and backgrounds.
  Their text is mapped to the font's codes by :mod:`.fasttext`.

They only act where that is certain to be reportlab's output: the canvas bottom-up and not enforcing a colour
space, colours whose opacity is already the canvas's, a TrueType font without shaping; no bullet, border,
background, underline, link, rise, image or callback, justification, auto leading, end dots, debug boundary,
nor a line wider than its width (reportlab then spaces its words). Anything else returns False and the caller
runs reportlab's code. ``tests/export/test_pdf_fastdraw.py`` compares both on every paragraph of a full day
and on generated texts; the PDFs (a full day, four other shapes of workshop) are byte-identical with and
without it.

Adapted from ReportLab's ``reportlab/platypus/paragraph.py``, ``pdfgen/textobject.py`` and
``pdfgen/canvas.py`` (Copyright ReportLab Europe Ltd. 2000-2017, BSD-3-Clause; its licence text ships in
reportlab's dist-info, see THIRD-PARTY-NOTICES.md).
"""

from __future__ import annotations

from typing import Any

import reportlab

# the reportlab versions whose drawing this copies, as the text writing's (compared by
# tests/export/test_pdf_fastdraw.py); with any other, reportlab draws the paragraphs itself
from workshop_app.export.pdf.fasttext import VERIFIED, plain_canvas

try:  # reportlab's internals
    from reportlab.lib.colors import CMYKColor, Color
    from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
    from reportlab.lib.rl_accel import escapePDF, fp_str
    from reportlab.pdfbase.pdfmetrics import getFont
    from reportlab.platypus import paragraph as rl_paragraph
    from reportlab.platypus.flowables import Flowable
    from reportlab.platypus.paragraph import Paragraph

    AVAILABLE = reportlab.Version in VERIFIED
    _ALIGNMENTS: tuple[Any, ...] = (TA_LEFT, TA_CENTER, TA_RIGHT)
except ImportError:  # pragma: no cover - another reportlab
    AVAILABLE = False


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


def draw_plain(para: Any, canvas: Any, x: float, y: float, sW: float = 0) -> bool:
    """Draw ``para`` (wrapped) as ``para.drawOn(canvas, x, y, sW)`` would; False (nothing drawn) when it is
    not a case this copies."""
    if not AVAILABLE:
        return False
    blPara = para.blPara
    style = para.style
    kind = blPara.kind
    if kind not in (0, 1) or para.bulletText or para.debug or not _plain_class(type(para)):
        return False
    if getattr(para, "_showBoundary", None) or hasattr(para, "_offsets") or not plain_canvas(canvas):
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
    code = canvas._code
    if not lines:
        x = para._hAlignAdjust(x, sW)
        code.append("q")
        code.append(f"{fp_str(1, 0, 0, 1, x, y)} cm")
        code.append("Q")
        return True
    if kind == 1:
        return _draw_styled(para, canvas, x, y, sW)
    for line in lines:
        if line[0] <= -1e-8:  # a line wider than the width: reportlab spaces its words
            return False
    if blPara.us_lines or blPara.link:
        return False
    color = blPara.textColor
    if not isinstance(color, Color) or isinstance(color, CMYKColor) or not _same_opacity(color, canvas):
        return False
    font = getFont(blPara.fontName)
    if not font._dynamicFont or font.shapable:
        return False
    doc = canvas._doc
    if getattr(color, "alpha", None) is not None:
        doc.ensureMinPdfVersion("transparency")
    x = para._hAlignAdjust(x, sW)
    if rl_paragraph.paraFontSizeHeightOffset:
        cur_y = para.height - blPara.fontSize
    else:
        cur_y = para.height - getattr(blPara, "ascent", blPara.fontSize)
    tmpl = f"{fp_str(blPara.fontSize)} Tf {fp_str(style.leading)} TL"
    text_code = ["BT", f"1 0 0 1 {fp_str(style.leftIndent, cur_y)} Tm"]
    _lines(text_code, lines, alignment, style.firstLineIndent, font, doc, tmpl)
    text_code.append("ET")
    code.append("q")
    code.append(f"{fp_str(1, 0, 0, 1, x, y)} cm")
    code.append("q")
    code.append(f"{fp_str((color.red, color.green, color.blue))} rg")
    code.append(" ".join(text_code))
    code.append("Q")
    code.append("Q")
    return True


def _same_opacity(color: Any, canvas: Any) -> bool:
    """Whether setting this colour leaves the canvas's fill opacity as it is (reportlab would otherwise
    change it inside its saved state)."""
    alpha = getattr(color, "alpha", None)
    if alpha is None:
        return True
    return isinstance(alpha, (float, int)) and 0 <= alpha <= 1 and canvas._extgstate.getValue("ca") == alpha


def _draw_styled(para: Any, canvas: Any, x: float, y: float, sW: float) -> bool:
    """A multi-style paragraph (« kind 1 »: a note, a card's prompt) drawn by reportlab's text object, in
    the order of ``drawPara``'s kind-1 branch, ``_*DrawParaLineX`` and ``_putFragLine`` for plain text runs:
    without their positions of underlines, links and backgrounds (there are none), nor the canvas's state
    saved (nothing here changes it)."""
    style = para.style
    lines = para.blPara.lines
    for line in lines:
        if line.extraSpace <= -1e-8:
            return False
        for f in line.words:
            if hasattr(f, "cbDefn") or f.rise or f.us_lines or f.link or getattr(f, "backColor", None):
                return False
            color = f.textColor
            if not isinstance(color, Color) or not _same_opacity(color, canvas):
                return False
    if style.endDots:
        return False
    first = lines[0]
    x = para._hAlignAdjust(x, sW)
    if rl_paragraph.paraFontSizeHeightOffset:
        cur_y = para.height - first.fontSize
    else:
        cur_y = para.height - getattr(first, "ascent", first.fontSize)
    code = canvas._code
    code.append("q")
    code.append(f"{fp_str(1, 0, 0, 1, x, y)} cm")
    code.append("q")
    tx = canvas.beginText(style.leftIndent, cur_y)
    tx.direction = style.wordWrap
    tx._leading = None
    tx._fontname, tx._fontsize = None, None
    leading = style.leading
    alignment = style.alignment
    text_color = None
    offset = style.firstLineIndent
    for i, line in enumerate(lines):
        if i:
            offset = 0
        if alignment == TA_LEFT:
            m = offset
        elif alignment == TA_CENTER:
            m = offset + 0.5 * line.extraSpace
        else:
            m = offset + line.extraSpace
        if m > 1e-6 or m < -1e-6:
            tx.setXPos(m)
        if tx._leading != leading:
            tx.setLeading(leading)
        words = line.words
        for f in words:
            if (tx._fontname, tx._fontsize) != (f.fontName, f.fontSize):
                tx._setFont(f.fontName, f.fontSize)
            if text_color != f.textColor:
                text_color = f.textColor
                tx.setFillColor(text_color)
            tx._textOut(f.text, f is words[-1])
        if m > 1e-6 or m < -1e-6:
            tx.setXPos(-m)
    canvas.drawText(tx)
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
