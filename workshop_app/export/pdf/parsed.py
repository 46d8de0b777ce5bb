"""Paragraph text parsed once per build: a full day's compte-rendu makes ~3,500 Paragraphs of only ~1,500
distinct (text, style) pairs (« Argument », « 2 — Quelques actions isolées », « court terme »…), and reportlab
parses each one's markup again (its paraparser and the escaping were a third of the story's time).

Inside :func:`reuse_parsing` (the document builder opens it around one build), :func:`paragraph` keeps the
escaped text and the parser's fragments of each (kind, text, style) and gives the next identical Paragraph
its own copy of them, so the layout draws exactly the same thing. Outside it (or for a text that is not a
str) it makes a plain Paragraph. The cache lives for one build and one thread only: nothing is kept across
exports and a worker thread's build does not see another's.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from reportlab.platypus import Paragraph
from reportlab.rl_config import _FUZZ

from workshop_app.export.pdf.fastdraw import draw_plain
from workshop_app.export.pdf.fastlines import Widths, break_lines
from workshop_app.export.pdf.fastplain import break_plain
from workshop_app.export.pdf.skeleton import fragments

_local = threading.local()


@contextmanager
def reuse_parsing() -> Iterator[None]:
    """Share parsed paragraphs inside this block, on this thread."""
    names = ("cache", "lines", "shapes", "widths")
    previous = [getattr(_local, name, None) for name in names]
    for name in names:
        setattr(_local, name, {})
    try:
        yield
    finally:
        for name, value in zip(names, previous, strict=True):
            setattr(_local, name, value)


@contextmanager
def forget_texts() -> Iterator[None]:
    """Inside :func:`reuse_parsing`: the texts parsed in this inner block (and their lines) are not kept
    past it; the shapes are still shared with the enclosing block. For a part of the story made during the
    layout (:mod:`.deferred`): its texts are mostly its own, and keeping them would keep every page's."""
    previous = getattr(_local, "cache", None), getattr(_local, "lines", None)
    if previous[0] is None:
        yield
        return
    _local.cache, _local.lines = {}, {}
    try:
        yield
    finally:
        _local.cache, _local.lines = previous


class WrapOnce(Paragraph):
    """A Paragraph that breaks its lines once per width: a table measures its cells, then measures them
    again to draw them, a KeepTogether wraps what the frame wraps again; the full day wrapped 8,356 times
    its 3,873 distinct (paragraph, width) pairs. The lines depend only on the fragments, the style and the
    width, so the same width gives back the same lines (the same objects, not drawn yet).

    Inside :func:`reuse_parsing`, a plain paragraph (one fragment: reportlab's « kind 0 » lines, a width and
    a list of words each, never changed once made) also takes the lines of an identical one (same text,
    style and width: « Argument », a table's headings…), as its own copy of reportlab's line bag."""

    _memo: tuple[tuple[float, int, int], Any, float, Any] | None = None
    # (its parse key, its fragments' id, the lines of its build: laid out after reuse_parsing's block)
    _shared: tuple[tuple[str, str, int], int, dict[Any, Any]] | None = None
    _widths: Widths | None = None  # the words' widths of its build (fastlines)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        key = (availWidth, id(self.frags), id(self.style))
        memo = self._memo
        if memo is not None and memo[0] == key:
            self.width, self.blPara, self.height, self._wrapWidths = availWidth, memo[1], memo[2], memo[3]
            return self.width, self.height
        shared = self._shared
        lines = None if shared is None or shared[1] != id(self.frags) or availWidth < _FUZZ else shared[2]
        found = lines.get((shared[0], availWidth)) if lines is not None and shared is not None else None
        if found is not None:
            self.width, self.blPara, self.height = availWidth, found[0].clone(), found[1]
            self._wrapWidths = list(found[2])
        else:
            super().wrap(availWidth, availHeight)
            if lines is not None and shared is not None and self.blPara.kind == 0:
                lines[(shared[0], availWidth)] = (self.blPara, self.height, list(self._wrapWidths))
        if availWidth >= _FUZZ:  # keyed by the fragments after the break: reportlab may replace them
            key = (availWidth, id(self.frags), id(self.style))
            self._memo = (key, self.blPara, self.height, self._wrapWidths)
        return self.width, self.height

    def breakLines(self, width: Any) -> Any:
        """reportlab's lines; a one-style paragraph's broken by :mod:`.fastplain`, a multi-style one's by
        :mod:`.fastlines` (the same lines)."""
        lines = break_plain(self, width, self._widths) if len(self.frags) == 1 else None
        if lines is None:
            lines = break_lines(self, width, self._widths)
        return lines if lines is not None else super().breakLines(width)

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        self._memo = None  # drawn: a later wrap (there is none in our documents) breaks its lines again
        if not draw_plain(self, canvas, x, y, _sW):  # as reportlab draws it, minus its detours (fastdraw)
            super().drawOn(canvas, x, y, _sW)


def paragraph(kind: str, text: object, style: Any, prepare: Callable[[Any], str]) -> Paragraph:
    """``Paragraph(prepare(text), style)``, its parsing reused for an identical (kind, text, style).
    ``prepare`` must depend on ``text`` alone (escaping, French typography) within one build."""
    cache: dict[tuple[str, str, int], tuple[Any, str, Any, Any, list[Any]]] | None = getattr(
        _local, "cache", None
    )
    if cache is None or not isinstance(text, str):
        return WrapOnce(prepare(text), style)
    key = (kind, text, id(style))
    hit = cache.get(key)
    if hit is None:
        prepared = prepare(text)
        shaped = fragments(prepared, style, _local.shapes)  # its shape parsed once (skeleton.py)
        if shaped is None:
            made = WrapOnce(prepared, style)
        else:
            made = WrapOnce(shaped[0], shaped[1], bulletText=shaped[2], frags=shaped[3])
        # the style is held so that its id is not reused; the fragments are copied so that the layout of
        # this Paragraph cannot change what the next one gets
        cache[key] = (style, made.text, made.style, made.bulletText, [f.clone() for f in made.frags])
    else:
        _, cleaned, parsed_style, bullet, frags = hit
        made = WrapOnce(cleaned, parsed_style, bulletText=bullet, frags=[f.clone() for f in frags])
    made._shared = (key, id(made.frags), _local.lines)
    made._widths = _local.widths
    return made
