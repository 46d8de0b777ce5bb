"""Our fonts' text written into the page as reportlab writes it, without its per-call detours.

* :func:`split_string`, our fonts' ``TTFont.splitString``: reportlab maps each character to its subset's code
  in Python; a text whose characters all have a code in the first subset is one ``str.translate`` here, any
  other (a character not seen yet, one of a later subset) goes to reportlab's, which assigns its codes.
* :func:`format_text`, ``PDFTextObject._formatText`` for our fonts: reportlab's loop for a TrueType font that
  is not shaped, alone (the multi-style lines, the tables' cells, the charts' labels).
* ``Canvas.drawString``, ``drawCentredString``, ``drawRightString`` for our fonts and a plain call (no render
  mode, character or word spacing, direction, shaping): the text object they make written at once (the
  tables' plain cells, the charts' labels: ~2,000 a full day).

Installed by :func:`speed_up` at font registration, for reportlab 5.1.0 only (``VERIFIED``): any other
text, font or call goes to reportlab's own code. ``tests/export/test_pdf_fastdraw.py`` compares them with
reportlab's on generated texts; the PDFs of a full day and four other workshops are byte-identical with and
without them.

Adapted from ReportLab's ``reportlab/pdfgen/textobject.py``, ``pdfgen/canvas.py`` and
``pdfbase/ttfonts.py`` (Copyright ReportLab Europe Ltd. 2000-2017, BSD-3-Clause; its licence text ships in
reportlab's dist-info, see THIRD-PARTY-NOTICES.md).
"""

from __future__ import annotations

from collections.abc import Callable
from types import MethodType
from typing import Any

import reportlab

#: the reportlab versions whose text writing this copies (compared by tests/export/test_pdf_fastdraw.py)
VERIFIED = ("5.1.0",)  # exactly: a patch release may change what this copies

try:  # reportlab's internals
    from reportlab.lib.rl_accel import fp_str
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import textobject
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.pdfgen.textobject import PDFTextObject

    AVAILABLE = reportlab.Version in VERIFIED and not textobject.rtlSupport
    # reportlab's own (also when this module is imported again: never wrapped twice)
    _reportlab_format_text = getattr(PDFTextObject._formatText, "reportlab", PDFTextObject._formatText)
    _REPORTLAB_STRINGS = {
        name: getattr(getattr(Canvas, name), "reportlab", getattr(Canvas, name))
        for name in ("drawString", "drawCentredString", "drawRightString")
    }
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
    texts the fast :func:`format_text` and string drawing."""
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
            for name, shift in (("drawString", 0.0), ("drawCentredString", 0.5), ("drawRightString", 1.0)):
                setattr(Canvas, name, _string_drawer(name, shift))


def format_text(tx: Any, text: Any) -> str:
    """``PDFTextObject._formatText``: a text (a str) in one of our fonts is written by reportlab's loop for a
    TrueType font that is not shaped, its chunks from :func:`split_string`; anything else by reportlab's."""
    font = _sped_up.get(tx._fontname)
    if font is None or type(text) is not str:
        return _reportlab_format_text(tx, text)
    canv = tx._canvas
    code, tx._curSubset = _subset_code(font, text, canv, tx._curSubset, tx._fontsize, tx._leading)
    return code


_plain_canvases: dict[type, bool] = {}


def plain_canvas(canvas: Any) -> bool:
    """Whether this canvas draws with reportlab's own methods (none of those copied here overridden)."""
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
            "drawString",
            "drawCentredString",
            "drawRightString",
        )
        known = _plain_canvases[cls] = all(getattr(cls, n) is getattr(Canvas, n) for n in names)
    return known


def _subset_code(
    font: Any, text: str, canvas: Any, subset: int, size: float, leading: float
) -> tuple[str, int]:
    """``_formatText``'s loop from the subset ``subset``: the operators and the subset it ends in."""
    doc = canvas._doc
    escape = canvas._escape
    out = []
    tmpl = None
    for n, chunk in font.splitString(text, doc):
        if n != subset:
            if not tmpl:
                tmpl = f"{fp_str(size)} Tf {fp_str(leading)} TL"
            out.append(f"{font.getSubsetInternalName(n, doc)} {tmpl}")
            subset = n
        out.append(f"({escape(chunk)}) Tj")
    return " ".join(out), subset


def _string_drawer(name: str, shift: float) -> Callable[..., None]:
    """``Canvas.drawString`` (shift 0), ``drawCentredString`` (0.5) or ``drawRightString`` (1): for a plain
    call with one of our fonts, the text object reportlab makes (``beginText``, ``textLine``, ``drawText``)
    written at once; otherwise reportlab's."""

    def draw(
        self: Any,
        x: float,
        y: float,
        text: Any,
        mode: Any = None,
        charSpace: float = 0,
        direction: Any = None,
        wordSpace: Any = None,
        shaping: bool = False,
    ) -> None:
        font = _sped_up.get(self._fontname)
        if (
            font is None
            or type(text) is not str
            or mode is not None
            or charSpace
            or wordSpace
            or direction is not None
            or shaping
            or not self.bottomup
            or not plain_canvas(self)
        ):
            _REPORTLAB_STRINGS[name](self, x, y, text, mode, charSpace, direction, wordSpace, shaping)
            return
        if shift:
            width = stringWidth(text, self._fontname, self._fontsize)
            x = x - 0.5 * width if shift == 0.5 else x - width
        body, _ = _subset_code(font, text, self, -1, self._fontsize, self._leading)
        self._code.append(f"BT 1 0 0 1 {fp_str(x, y)} Tm {body} T* ET")

    draw.reportlab = _REPORTLAB_STRINGS[name]  # type: ignore[attr-defined]
    return draw
