"""Line breaking of a one-style paragraph (reportlab's « kind 0 »: a table's cells, the captions, most of the
text), the same lines as reportlab's ``Paragraph.breakLines``.

A full day breaks ~1,700 distinct such paragraphs (identical ones already share their lines, see
:mod:`.parsed`); reportlab measures each word with ``stringWidth`` (a font lookup and a call into its
accelerator each time) and pops its words from the front of a list. :func:`break_plain` runs the same loop as
reportlab 5.1 (``paragraph.py``, the ``nFrags == 1`` branch of ``breakLines``) with the branches our documents
never take removed, and each word's width measured once per build and (text, font, size), in the table
:mod:`.fastlines` fills for the multi-style paragraphs.

It only runs where that is certain to be reportlab's result: one text fragment (no image, link background or
soft hyphen), no bullet, hyphenation, bidi, shaping or end dots. A word wider than the line (reportlab then
splits it) makes it give up before anything is changed: it returns None and the caller runs reportlab's own
code. ``tests/export/test_pdf_fastplain.py`` compares both on every one-style paragraph of the full day and
on generated texts; the full day's PDF is byte-identical with and without it.

Adapted from ReportLab's ``reportlab/platypus/paragraph.py`` (Copyright ReportLab Europe Ltd. 2000-2017,
BSD-3-Clause; its licence text ships in reportlab's dist-info, see THIRD-PARTY-NOTICES.md). Its loop is kept
line for line, so that it can be compared with the original at each upgrade.
"""

from __future__ import annotations

from typing import Any

from workshop_app.export.pdf.fastlines import AVAILABLE, Widths

try:  # reportlab's internals (fastlines.AVAILABLE is False when they are not these)
    from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
    from reportlab.platypus.paragraph import _processed_frags, _shy, split, strip
except ImportError:  # pragma: no cover - another reportlab
    pass

#: style attributes that send a paragraph to reportlab's own code when set
_STYLE_OFF = ("hyphenationLang", "uriWasteReduce", "embeddedHyphenation", "endDots", "wordWrap", "shaping")


def eligible(para: Any) -> bool:
    """Whether :func:`break_plain` may break this paragraph's lines."""
    if not AVAILABLE:
        return False
    frags = para.frags
    if len(frags) != 1 or para.bulletText or para.encoding != "utf8":
        return False
    style = para.style
    if any(getattr(style, name, None) for name in _STYLE_OFF):
        return False
    f = frags[0]
    if hasattr(f, "cbDefn") or hasattr(f, "backColor") or _processed_frags(frags):
        return False
    text = getattr(f, "text", None)
    return type(text) is str and _shy not in text


def break_plain(para: Any, width: float | list[float], widths: Widths | None = None) -> Any:
    """``para.breakLines(width)`` as reportlab computes it (the same line bag and side effects on ``para``),
    or None when this paragraph is not one it handles. ``widths`` keeps the words' widths from one
    paragraph to the next."""
    if not eligible(para):
        return None
    maxWidths = width if isinstance(width, (tuple, list)) else [width]
    maxlineno = len(maxWidths) - 1
    lineno = 0
    maxWidth = maxWidths[0]
    style = para.style
    f = para.frags[0]
    fontSize = f.fontSize
    fontName = f.fontName
    ascent, descent = getAscentDescent(fontName, fontSize)
    text = strip(f.text)
    if not text:
        _done(para, 0)
        return f.clone(kind=0, lines=[], ascent=ascent, descent=descent, fontSize=fontSize)
    words = split(text)
    if widths is None:
        widths = {}
    get = widths.get

    space = get((" ", fontName, fontSize))
    if space is None:
        space = widths[(" ", fontName, fontSize)] = stringWidth(" ", fontName, fontSize)
    spaceWidth = space
    dSpaceShrink = style.spaceShrinkage * spaceWidth
    splitLongWords = style.splitLongWords
    width_max: float = 0  # an int, as reportlab's when no line is measured
    lines = []
    cLine: list[str] = []
    currentWidth = -spaceWidth  # reportlab's hack to get around the extra space for word 1
    for word in words:
        wordWidth = get((word, fontName, fontSize))
        if wordWidth is None:
            wordWidth = widths[(word, fontName, fontSize)] = stringWidth(word, fontName, fontSize)
        newWidth = currentWidth + spaceWidth + wordWidth
        limWidth = maxWidth + dSpaceShrink * len(cLine)
        if newWidth > limWidth and splitLongWords:
            nmw = min(lineno, maxlineno)
            if wordWidth > max(maxWidths[nmw : nmw + 1]):
                return None  # a word longer than the line: reportlab splits it
        if newWidth <= limWidth or not len(cLine):
            if word:
                cLine.append(word)
            currentWidth = newWidth
        else:
            if currentWidth > width_max:
                width_max = currentWidth
            lines.append((maxWidth - currentWidth, cLine))
            cLine = [word]
            currentWidth = wordWidth
            lineno += 1
            maxWidth = maxWidths[min(maxlineno, lineno)]

    if cLine != []:
        if currentWidth > width_max:
            width_max = currentWidth
        lines.append((maxWidth - currentWidth, cLine))
    _done(para, width_max)
    return f.clone(kind=0, lines=lines, ascent=ascent, descent=descent, fontSize=fontSize)


def _done(para: Any, width_max: float) -> None:
    """What reportlab's ``breakLines`` leaves on the paragraph besides its lines."""
    para._width_max = width_max
    para.height = 0
    para._splitLongWordCount = para._hyphenations = 0
