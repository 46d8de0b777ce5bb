"""The embedded Unicode font (DejaVu Sans, shipped in ``resources/fonts/``) and what it can draw.

Registered once per process. The built-in PDF fonts are never used for user text: they are not embedded and
draw black squares beyond Latin-1. :func:`coverage` is the set of code points that all three faces can draw;
:mod:`.escaping` replaces anything else with a visible substitute so no glyph is silently lost.

reportlab parses each face's tables into Python objects (3.4 MB a face) and keeps them for the process:
:func:`slim` stores the two per-glyph lists its subsetting reads as arrays and drops the glyph → characters
map only its text shaping uses (4.6 MB of the three faces; the embedded subsets are byte for byte the same).
"""

from __future__ import annotations

import threading
from array import array
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

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

        from workshop_app.export.pdf import fastclone
        from workshop_app.export.pdf.fasttext import speed_up

        for name in _FILES:
            path = font_file(name)
            try:
                font = TTFont(name, str(path))
                slim(font)
                speed_up(font)  # its text written without reportlab's per-call detours (fasttext)
                pdfmetrics.registerFont(font)
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
        fastclone.speed_up()  # the paragraphs' fragments and lines copied without a detour (fastclone)
        _registered = True


class Pairs(Sequence[tuple[float, int]]):
    """A face's horizontal metrics, (advance, left side bearing) per glyph, in two arrays instead of a list of
    tuples: ``pairs[glyph]`` gives the same tuple. reportlab reads the advances as integers, except those of
    the glyphs after the last full metric, which it leaves scaled (floats): kept as they are, the first
    ``whole`` advances given back as ints."""

    def __init__(self, pairs: Sequence[tuple[float, int]]) -> None:
        self._advances = array("d", [advance for advance, _ in pairs])
        self._bearings = array("H", [bearing for _, bearing in pairs])
        floats = (i for i, (advance, _) in enumerate(pairs) if type(advance) is not int)
        self._whole = next(floats, len(pairs))

    @staticmethod
    def fits(pairs: object) -> bool:
        """Whether ``pairs`` is a list these arrays hold exactly: ints then floats, bearings 0…65535."""
        if not isinstance(pairs, list):
            return False
        seen_float = False
        for pair in pairs:
            if not (isinstance(pair, tuple) and len(pair) == 2):
                return False
            advance, bearing = pair
            if type(bearing) is not int or not 0 <= bearing < 1 << 16:
                return False
            if type(advance) is int and not seen_float and abs(advance) < 1 << 53:
                continue
            if type(advance) is not float:
                return False
            seen_float = True
        return True

    def __len__(self) -> int:
        return len(self._bearings)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        advance = self._advances[index]
        return (int(advance) if index < self._whole else advance), self._bearings[index]


def slim(font: Any) -> None:
    """Keep less of ``font``'s parsed tables (a reportlab TTFont), the PDF unchanged: the subsetting reads
    ``hmetrics`` and ``glyphPos`` by index only; ``glyphToChar`` serves text shaping alone (uharfbuzz, not
    installed: then ``shapable`` is False). Anything not of the expected shape is left as it is."""
    face = getattr(font, "face", None)
    if face is None:
        return
    if Pairs.fits(getattr(face, "hmetrics", None)):
        face.hmetrics = Pairs(face.hmetrics)
    positions = getattr(face, "glyphPos", None)
    if isinstance(positions, list) and all(type(v) is int and 0 <= v < 1 << 32 for v in positions):
        face.glyphPos = array("L", positions)
    if not getattr(font, "shapable", True) and hasattr(face, "glyphToChar"):
        del face.glyphToChar


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
