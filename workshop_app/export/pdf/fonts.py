"""The embedded Unicode font (DejaVu Sans, shipped in ``resources/fonts/``) and what it can draw.

Registered once per process. The built-in PDF fonts are never used for user text: they are not embedded and
draw black squares beyond Latin-1. :func:`coverage` is the set of code points that all three faces can draw;
:mod:`.escaping` replaces anything else with a visible substitute so no glyph is silently lost.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

from workshop_app.core.errors import AtelierError

FAMILY = "AtelierSans"
REGULAR = "AtelierSans"
BOLD = "AtelierSans-Bold"
ITALIC = "AtelierSans-Oblique"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
}

_lock = threading.Lock()
_registered = False


def font_file(name: str) -> Path:
    from workshop_app.paths import resource_path

    return resource_path("resources", "fonts", _FILES[name])


def register_fonts() -> None:
    """Register the family with reportlab (idempotent, thread-safe)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        for name in _FILES:
            path = font_file(name)
            try:
                pdfmetrics.registerFont(TTFont(name, str(path)))
            except Exception as exc:  # missing or unreadable font: the PDF would be unreadable, say so
                raise AtelierError(
                    f"Police de caractères introuvable ou illisible : « {path.name} ». Réinstallez "
                    "l'application.",
                    detail=repr(exc),
                ) from exc
        addMapping(FAMILY, 0, 0, REGULAR)
        addMapping(FAMILY, 1, 0, BOLD)
        addMapping(FAMILY, 0, 1, ITALIC)
        addMapping(FAMILY, 1, 1, BOLD)
        _registered = True


@lru_cache(maxsize=1)
def coverage() -> frozenset[int]:
    """Code points every face of the family has a glyph for."""
    register_fonts()
    from reportlab.pdfbase import pdfmetrics

    common: set[int] | None = None
    for name in _FILES:
        font = pdfmetrics.getFont(name)
        chars = set(font.face.charToGlyph)
        common = chars if common is None else common & chars
    return frozenset(common or ())
