"""Our paragraphs drawn into the page as reportlab draws them, without its per-call bookkeeping (a full day
draws ~3,500: the tables' headings and cells, « Argument », the notes, the cards' prompts and levels).

* :func:`draw_plain`, for a plain paragraph (reportlab's « kind 0 » lines: one font, one colour), writes the
  operators of reportlab's ``Flowable.drawOn`` → ``Paragraph.drawPara`` → ``_leftDrawParaLine`` (or centre,
  right) → ``PDFTextObject._textOut`` itself: no text object, the canvas's state not pushed and popped
  (nothing here changes it). For a multi-style one (« kind 1 »: a note's coloured « ▸ », a prompt's grey
  « Leviers : … ») it drives reportlab's text object in the order of ``drawPara``'s kind-1 branch and
  ``_putFragLine``, without their measuring of each run for underlines, links and backgrounds.
* :func:`split_string`, our fonts' ``TTFont.splitString``: reportlab mapped each character to its subset's
  code in Python; a text whose characters all have a code in the first subset is one ``str.translate``, any
  other (a character not seen yet, one of a later subset) goes to reportlab's, which assigns its codes.
* :func:`format_text`, ``PDFTextObject._formatText`` for our fonts: reportlab's TrueType loop alone.

They only act where that is certain to be reportlab's output: the canvas bottom-up and not enforcing a colour
space, colours whose opacity is already the canvas's, a TrueType font without shaping; no bullet, border,
background, underline, link, rise, image or callback, justification, auto leading, end dots, debug boundary,
nor a line wider than its width (reportlab then spaces its words). Anything else returns False and the caller
runs reportlab's code. ``tests/export/test_pdf_fastdraw.py`` compares both on every paragraph of a full day
and on generated texts; the PDFs (a full day, four other shapes of workshop) are byte-identical with and
without it.

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
    _ALIGNMENTS: tuple[Any, ...] = (TA_LEFT, TA_CENTER, TA_RIGHT)
    # reportlab's own (also when this module is imported again: never wrapped twice)
    _reportlab_format_text = getattr(PDFTextObject._formatText, "reportlab", PDFTextObject._formatText)
except ImportError:  # pragma: no cover - another reportlab
    AVAILABLE = False


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
    kind = blPara.kind
    if kind not in (0, 1) or para.bulletText or para.debug or not _plain_class(type(para)):
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
