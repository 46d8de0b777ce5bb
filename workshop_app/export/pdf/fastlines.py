"""Line breaking of a multi-style paragraph (reportlab's « kind 1 »: a note's coloured « ▸ » and grey
« — Table 3 · 10 h 42 », a card's prompt over its grey « Leviers : … », the levels under it), the same
lines as reportlab's ``Paragraph.breakLines``, about twice as fast.

A full day has ~700 such paragraphs and reportlab broke their lines in ~0.15 s: for each word it asks the
font for the width of a space, compares the word's style with the previous one attribute by attribute
(``sameFrag``) and measures every space of the line so far (its 5 % space shrinkage). :func:`break_lines`
runs the same code as reportlab 5.1 (``paragraph.py``: the ``nFrags > 1`` branch of ``breakLines`` and,
for its words, ``_getFragWords``) with the branches our documents never take removed, each word's width
measured once per build and (text, font, size), the style comparison made once per pair of fragments
(and never for a fragment and itself), a fragment's font metrics taken into the line's maxima once per run
of its words, and a line's spaces counted for its shrinkage only when a word does not fit the width without
it (the shrinkage only ever widens the line, so the comparison is the same).

It only runs where that is certain to be reportlab's result: plain text runs and ``<br/>`` (no image,
link, underline, background, soft hyphen, bullet), no hyphenation, bidi, shaping, auto leading, end dots
or justified breaks, fragments not already split. A word wider than the line (reportlab then splits it)
makes it give up before anything is changed: it returns None and the caller runs reportlab's own code.
``tests/export/test_pdf_fastlines.py`` compares both on every such paragraph of the full day and on
generated texts; the full day's PDF is byte-identical with and without it.

Adapted from ReportLab's ``reportlab/platypus/paragraph.py`` (Copyright ReportLab Europe Ltd. 2000-2017,
BSD-3-Clause; its licence text ships in reportlab's dist-info, see THIRD-PARTY-NOTICES.md). Its loop is kept
line for line, duplications included, so that it can be compared with the original at each upgrade.
"""

from __future__ import annotations

from typing import Any

import reportlab

#: the reportlab versions whose ``breakLines`` this copies, exactly (compared by
#: tests/export/test_pdf_fastlines.py); with any other, even a patch release, reportlab breaks the lines
#: itself until the comparison is made again
VERIFIED = ("5.1.0",)

try:  # reportlab's internals
    from reportlab.lib.rl_accel import sameFrag
    from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
    from reportlab.platypus.paragraph import (
        _FK_BREAK,
        _FK_TEXT,
        FragLine,
        ParaLines,
        _HSFrag,
        _processed_frags,
        _shy,
        lstrip,
        split,
        whitespace,
    )

    AVAILABLE = reportlab.Version in VERIFIED
except ImportError:  # pragma: no cover - another reportlab
    AVAILABLE = False

#: style attributes that send a paragraph to reportlab's own code when set
_STYLE_OFF = ("hyphenationLang", "uriWasteReduce", "embeddedHyphenation", "endDots", "justifyBreaks")
#: fragment attributes reportlab handles in ways this loop does not
_FRAG_OFF = ("backColor", "link", "us_lines")


def eligible(para: Any) -> bool:
    """Whether :func:`break_lines` may break this paragraph's lines."""
    if not AVAILABLE:
        return False
    style = para.style
    frags = para.frags
    if len(frags) < 2 or para.bulletText or _processed_frags(frags):
        return False
    auto_leading = getattr(para, "autoLeading", getattr(style, "autoLeading", ""))
    if style.wordWrap or style.shaping or auto_leading not in ("", "off"):
        return False
    if any(getattr(style, name, None) for name in _STYLE_OFF):
        return False
    for f in frags:
        if hasattr(f, "cbDefn") or any(getattr(f, name, None) for name in _FRAG_OFF):
            return False
        text = getattr(f, "text", None)
        if not isinstance(text, str) or _shy in text:
            return False
        if text == "" and not hasattr(f, "lineBreak"):
            return False
    return True


#: (text, font name, font size) -> width, shared by the paragraphs of one build
Widths = dict[tuple[str, str, float], float]


def break_lines(para: Any, width: float | list[float], widths: Widths | None = None) -> Any:
    """``para.breakLines(width)`` as reportlab computes it (the same ParaLines, FragLines, fragments and
    side effects on ``para``), or None when this paragraph is not one it handles. ``widths`` keeps the
    words' widths from one paragraph to the next."""
    if not eligible(para):
        return None
    maxWidths = list(width) if isinstance(width, (tuple, list)) else [width]
    maxlineno = len(maxWidths) - 1
    lineno = 0
    maxWidth = maxWidths[0]
    spaceShrinkage = para.style.spaceShrinkage
    splitLongWords = para.style.splitLongWords

    if widths is None:
        widths = {}

    def sw(text: str, font: str, size: float) -> float:
        key = (text, font, size)
        found = widths.get(key)
        if found is None:
            found = widths[key] = stringWidth(text, font, size)
        return found

    metrics: dict[tuple[str, float], tuple[float, float]] = {}

    def ascent_descent(font: str, size: float) -> tuple[float, float]:
        key = (font, size)
        found = metrics.get(key)
        if found is None:
            found = metrics[key] = getAscentDescent(font, size)
        return found

    same: dict[tuple[int, int], bool] = {}

    def same_frag(origin: Any, f: Any) -> bool:
        # sameFrag ignores the text: a clone compares as the fragment it was cloned from
        key = (id(origin), id(f))
        found = same.get(key)
        if found is None:
            found = same[key] = bool(sameFrag(origin, f))
        return found

    lines: list[Any] = []
    width_max: float = 0  # an int, as reportlab's when no line is measured
    words: list[Any] = []
    FW: list[Any] = []
    aFW = FW.append
    _words = frag_words(para.frags, sw, widths)
    sFW = 0
    n = 0
    spaceWidth = currentWidth = 0.0
    maxSize = maxAscent = minDescent = 0.0
    g: Any = None
    g_origin: Any = None
    folded: Any = None  # the fragment whose metrics the line's maxima last took in
    space_font: Any = None
    space_size = space_width = 0.0
    _words.reverse()  # popped from the end: reportlab pops from the front
    while _words:
        w = _words.pop()
        aFW(w)
        f = w[-1][0]
        fontName = f.fontName
        fontSize = f.fontSize

        if not words:  # (max() and min() below are comparisons: the first of equal values is kept)
            folded = None
            n = 0
            spaceWidth = currentWidth = 0
            maxSize = fontSize
            maxAscent, minDescent = ascent_descent(fontName, fontSize)

        wordWidth = w[0]
        f = w[1][0]
        newWidth = currentWidth + spaceWidth + wordWidth if wordWidth > 0 else currentWidth

        lineBreak = f._fkind == _FK_BREAK
        limWidth = maxWidth
        # the shrinkage only adds to maxWidth (spaces' widths, a factor >= 0): a word that fits in maxWidth
        # fits in limWidth, so its spaces need not be counted (reportlab counts them at every word)
        if spaceShrinkage and (newWidth > maxWidth or spaceShrinkage < 0):
            spaceShrink = spaceWidth
            for wi in words:
                if wi._fkind == _FK_TEXT:
                    ns = wi.text.count(" ")
                    if ns:
                        space = widths.get((" ", wi.fontName, wi.fontSize))
                        spaceShrink += ns * (sw(" ", wi.fontName, wi.fontSize) if space is None else space)
            spaceShrink *= spaceShrinkage
            limWidth += spaceShrink
        if not lineBreak and newWidth > limWidth and splitLongWords:
            nmw = min(lineno, maxlineno)
            if wordWidth > max(maxWidths[nmw : nmw + 1]):
                return None  # a word longer than the line: reportlab splits it
        endLine = (newWidth > limWidth and n > 0) or lineBreak
        if not endLine:
            nText = w[1][1]
            if nText:
                n += 1
            fontSize = f.fontSize
            if f is not folded:  # the same fragment's metrics again would change none of the three
                ascent, descent = ascent_descent(f.fontName, fontSize)
                if fontSize > maxSize:
                    maxSize = fontSize
                if ascent > maxAscent:
                    maxAscent = ascent
                if descent < minDescent:
                    minDescent = descent
                folded = f
            if not words:
                g, g_origin = f.clone(), f
                words = [g]
                g.text = nText
            elif f is not g_origin and not same_frag(g_origin, f):  # a fragment is the same as itself
                if spaceWidth:
                    i = len(words) - 1
                    while i >= 0:
                        wi = words[i]
                        i -= 1
                        if wi._fkind == _FK_TEXT:
                            if not wi.text.endswith(" "):
                                wi.text += " "
                            break
                g, g_origin = f.clone(), f
                words.append(g)
                g.text = nText
            elif spaceWidth:
                if not g.text.endswith(" "):
                    g.text += " " + nText
                else:
                    g.text += nText
            else:
                g.text += nText

            if isinstance(w, _HSFrag):  # sw(" ", fontName, fontSize), kept while they stay the same
                if fontName is not space_font or fontSize != space_size:
                    space_font, space_size, space_width = fontName, fontSize, sw(" ", fontName, fontSize)
                spaceWidth = space_width
            else:
                spaceWidth = 0

            ni = 0
            if len(w) > 2:
                folded = None
            for item in w[2:]:
                g, g_origin = item[0].clone(), item[0]
                g.text = item[1]
                if g.text:
                    ni = 1
                words.append(g)
                fontSize = g.fontSize
                ascent, descent = ascent_descent(g.fontName, fontSize)
                if fontSize > maxSize:
                    maxSize = fontSize
                if ascent > maxAscent:
                    maxAscent = ascent
                if descent < minDescent:
                    minDescent = descent
            if not nText and ni:
                n += 1
            currentWidth = newWidth
        else:
            if lineBreak:
                g, g_origin = f.clone(), f
                words.append(g)
                llb = True  # not justifyBreaks, and no injected fragment here
            else:
                llb = False

            if currentWidth > width_max:
                width_max = currentWidth
            lines.append(
                FragLine(
                    extraSpace=maxWidth - currentWidth,
                    wordCount=n,
                    lineBreak=llb,
                    words=words,
                    fontSize=maxSize,
                    ascent=maxAscent,
                    descent=minDescent,
                    maxWidth=maxWidth,
                    sFW=sFW,
                )
            )
            sFW = len(FW) - 1

            lineno += 1
            maxWidth = maxWidths[min(maxlineno, lineno)]

            if lineBreak:
                words = []
                continue

            spaceWidth = sw(" ", fontName, fontSize) if isinstance(w, _HSFrag) else 0
            currentWidth = wordWidth
            folded = None
            n = 1
            g, g_origin = f.clone(), f
            maxSize = g.fontSize
            maxAscent, minDescent = ascent_descent(g.fontName, maxSize)
            words = [g]
            g.text = w[1][1]

            for item in w[2:]:
                g, g_origin = item[0].clone(), item[0]
                g.text = item[1]
                words.append(g)
                fontSize = g.fontSize
                ascent, descent = ascent_descent(g.fontName, fontSize)
                if fontSize > maxSize:
                    maxSize = fontSize
                if ascent > maxAscent:
                    maxAscent = ascent
                if descent < minDescent:
                    minDescent = descent

    if words:
        if currentWidth > width_max:
            width_max = currentWidth
        lines.append(
            FragLine(
                extraSpace=(maxWidth - currentWidth),
                wordCount=n,
                lineBreak=False,
                words=words,
                fontSize=maxSize,
                ascent=maxAscent,
                descent=minDescent,
                maxWidth=maxWidth,
                sFW=sFW,
            )
        )
    para._width_max = width_max
    para.height = 0
    para._splitLongWordCount = para._hyphenations = 0
    para.frags = FW
    return ParaLines(kind=1, lines=lines)


def frag_words(frags: list[Any], sw: Any, widths: Widths | None = None) -> list[Any]:
    """reportlab's ``_getFragWords(frags)`` for text runs and ``<br/>`` only (what :func:`eligible` lets
    through): the words, each ``[width, (fragment, text), …]``, an ``_HSFrag`` when a space follows it.
    ``sw(text, font, size)`` measures a word; ``widths``, when given, is the table it keeps them in."""
    get = (widths if widths is not None else {}).get
    R: list[Any] = []
    aR = R.append
    W: list[Any] = []
    hangingSpace = False
    n: float = 0
    hangingStrip = True
    for f in frags:
        text = f.text
        if text != "":
            f._fkind = _FK_TEXT
            if hangingStrip:
                text = lstrip(text)
                if not text:
                    continue
                hangingStrip = False
            S = split(text)
            if text[0] in whitespace or not S:
                if W:
                    W.insert(0, n)  # end the preceding word
                    aR(W)
                    whs = hangingSpace
                    W = []
                    hangingSpace = False
                    n = 0
                else:
                    whs = bool(R) and isinstance(R[-1], _HSFrag)
                if not whs:
                    S.insert(0, "")
                elif not S:
                    continue
            fontName, fontSize = f.fontName, f.fontSize
            for w in S[:-1]:
                W.append((f, w))
                width = get((w, fontName, fontSize))  # sw() inlined: the widths of most words are known
                n += sw(w, fontName, fontSize) if width is None else width
                W.insert(0, n)
                aR(_HSFrag(W))
                W = []
                n = 0
            hangingSpace = False
            w = S[-1]
            W.append((f, w))
            n += sw(w, fontName, fontSize)
            if text and text[-1] in whitespace:
                W.insert(0, n)
                aR(_HSFrag(W))
                W = []
                n = 0
        else:  # a <br/>: eligible() lets no other empty fragment through
            if W:
                W.insert(0, n)
                aR(W)
                W = []
                n = 0
                hangingSpace = False
            f._fkind = _FK_BREAK
            aR([0, (f, "")])
            hangingStrip = True
    if W:
        W.insert(0, n)
        aR(W)
    if not R and frags:
        f = frags[0]
        f._fkind = _FK_TEXT
        R = [[0, (f, "")]]
    return R
