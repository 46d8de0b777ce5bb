"""reportlab's ``ABag.clone`` without its detour through keyword arguments.

Paragraph fragments (``ParaFrag``), their lines (``ParaLines``, ``FragLine``) are ``ABag``: bags of
attributes, and reportlab copies them all the time (a full day: ~14,500 clones, breaking lines, splitting
paragraphs, and our parsing reused per shape and per text, :mod:`.skeleton`, :mod:`.parsed`). ``clone``
builds the new bag as ``cls(**self.__dict__)``: ~5 µs each here, against ~0.6 µs for the same class with a
copy of the attributes (the same values, the same order) and the extra attributes set after, which is all
``ABag.__init__`` and ``clone`` do. :func:`speed_up` installs that copy on ``ABag`` for the verified
reportlab only (``fasttext.VERIFIED``) and when ``ABag``'s ``__init__`` and ``clone`` are still those it was
written for; a bag whose class has an ``__init__`` of its own is cloned by reportlab's code.
"""

from __future__ import annotations

from typing import Any

import reportlab
from reportlab.lib.abag import ABag

from workshop_app.export.pdf.fasttext import VERIFIED

_reportlab_clone = getattr(ABag.clone, "reportlab", ABag.clone)
_bag_init = ABag.__init__


def clone(self: Any, **attr: Any) -> Any:
    """``ABag.clone``: a new bag of the same class with this one's attributes, then ``attr``."""
    cls = self.__class__
    if cls.__init__ is not _bag_init:
        return _reportlab_clone(self, **attr)
    new = object.__new__(cls)
    new.__dict__ = self.__dict__.copy()
    if attr:
        new.__dict__.update(attr)
    return new


clone.reportlab = _reportlab_clone  # type: ignore[attr-defined]

AVAILABLE = reportlab.Version in VERIFIED and _reportlab_clone.__qualname__ == "ABag.clone"


def speed_up() -> None:
    """Install :func:`clone` on ``ABag`` (once; nothing with another reportlab)."""
    if AVAILABLE:
        ABag.clone = clone
