"""Paragraph markup parsed once per *shape*: a compte-rendu's notes, table cells and headings repeat a few
shapes (« ▸ TEXT — Table 3 · 10 h 42 » in two colours and sizes) with different words, and reportlab's
markup parser (an HTML parser, its tag stack, the fonts and colours of each run) cost ~0.07 s of a full day
for the texts seen only once.

:func:`fragments` cleans the markup as reportlab does (``cleanBlockQuotedText``), replaces each run of text
between tags by one private-use character, has reportlab parse that skeleton once per (skeleton, style), and
gives the next markup of the same shape a copy of the skeleton's fragments with its own runs of text put
back, one per fragment, in order. It only does so when that is certain to be what the parser makes: plain
runs (no entity, so no ``&``; no stray ``<`` or ``>``), known tags only (``b``, ``i``, ``font`` with
``color`` and ``size``, ``br``), a skeleton whose parse gives exactly one fragment per run, and a style that
transforms no text. Anything else returns None: the caller parses the markup itself.
"""

from __future__ import annotations

import re
from typing import Any

from reportlab.platypus.paragraph import cleanBlockQuotedText

SLOT = "\ue000"
_TAG = re.compile(r"<[^<>]*>")
_KNOWN = re.compile(r"</?(?:b|i|font(?: (?:color|size)='[#\w.]+')*)>|<br/>")

#: (skeleton, style id) -> (style, parsed style, bullet text, fragments, indexes of the run fragments) or
#: None (this shape is parsed by reportlab each time)
Cache = dict[tuple[str, int], tuple[Any, Any, Any, list[Any], list[int]] | None]


def fragments(markup: str, style: Any, cache: Cache) -> tuple[str, Any, Any, list[Any]] | None:
    """(cleaned text, style, bullet text, fragments) as ``Paragraph(markup, style)`` holds them, or None."""
    if getattr(style, "textTransform", None):
        return None
    cleaned = cleanBlockQuotedText(markup)
    if not cleaned or "&" in cleaned or SLOT in cleaned:
        return None
    tags = _TAG.findall(cleaned)
    runs = _TAG.split(cleaned)
    if not all(_KNOWN.fullmatch(t) for t in tags) or any("<" in r or ">" in r for r in runs):
        return None
    skeleton = "".join(
        (SLOT if run else "") + (tags[i] if i < len(tags) else "") for i, run in enumerate(runs)
    )
    key = (skeleton, id(style))
    if key not in cache:
        cache[key] = _parse(skeleton, style, sum(1 for r in runs if r))
    shape = cache[key]
    if shape is None:
        return None
    _, parsed_style, bullet, frags, slots = shape
    copies = [f.clone() for f in frags]
    for index, run in zip(slots, (r for r in runs if r), strict=True):
        copies[index].text = run
    return cleaned, parsed_style, bullet, copies


def _parse(skeleton: str, style: Any, count: int) -> tuple[Any, Any, Any, list[Any], list[int]] | None:
    from reportlab.platypus import Paragraph

    made = Paragraph(skeleton, style)
    texts = [getattr(f, "text", "") for f in made.frags]
    slots = [i for i, t in enumerate(texts) if t == SLOT]
    if len(slots) != count or sum(t.count(SLOT) for t in texts if isinstance(t, str)) != count:
        return None  # the parser did not keep one fragment per run: not this shape
    # the style is held so that its id is not reused within the build
    return style, made.style, made.bulletText, [f.clone() for f in made.frags], slots
