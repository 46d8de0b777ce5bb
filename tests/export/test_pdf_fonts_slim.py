"""The faces reportlab keeps for the process are slimmed (export/pdf/fonts.py): what a PDF embeds and measures
with them is byte for byte what the unslimmed faces give."""

from __future__ import annotations

import gc
import tracemalloc

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from workshop_app.export.pdf import fonts

SAMPLE = "Réponses carte par carte — « l’eau » œ Ÿ € ✓ ▸ −2 … Ąę Ωπ Жизнь 12 345,6"


@pytest.mark.parametrize("name", [fonts.REGULAR, fonts.BOLD, fonts.ITALIC])
def test_a_slimmed_face_subsets_and_measures_as_the_plain_one(name: str) -> None:
    path = str(fonts.font_file(name))
    plain, slimmed = TTFont("plain", path), TTFont("slimmed", path)
    fonts.slim(slimmed)
    assert isinstance(slimmed.face.hmetrics, fonts.Pairs)
    assert not hasattr(slimmed.face, "glyphToChar")  # only text shaping reads it (uharfbuzz: not here)
    assert list(slimmed.face.hmetrics) == plain.face.hmetrics
    assert list(slimmed.face.glyphPos) == plain.face.glyphPos
    codes = sorted({ord(c) for c in SAMPLE} | set(range(32, 127)))
    subset = [0, *codes[:254]]  # a subset's first code is the .notdef glyph, as reportlab does
    assert slimmed.face.makeSubset(subset) == plain.face.makeSubset(subset)
    assert slimmed.stringWidth(SAMPLE, 9.5) == plain.stringWidth(SAMPLE, 9.5)


def test_pairs_index_like_the_list_they_replace() -> None:
    pairs: list[tuple[float, int]] = [(1228, 193), (0, 0), (600.09765625, 65535), (0.5, 12)]
    slim = fonts.Pairs(pairs)
    assert len(slim) == 4 and slim[0] == (1228, 193) and slim[-1] == (0.5, 12)
    assert [type(a) for a, _ in slim] == [int, int, float, float]  # reportlab's own types
    assert slim[1:] == pairs[1:]
    with pytest.raises(IndexError):
        slim[4]
    assert not fonts.Pairs.fits([(1.5, 0), (2, 0)])  # an int after a float: not this shape, left alone
    assert not fonts.Pairs.fits([(1, -3)]) and not fonts.Pairs.fits((1, 2))


def test_slimming_gives_back_most_of_the_parsed_tables() -> None:
    path = str(fonts.font_file(fonts.REGULAR))
    gc.collect()
    tracemalloc.start()
    try:
        font = TTFont("measured", path)
        gc.collect()
        before = tracemalloc.get_traced_memory()[0]
        fonts.slim(font)
        gc.collect()
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert before - after > 1_200_000  # measured 1.5 MB of a face's 3.4 MB


def test_the_registered_family_is_slimmed() -> None:
    fonts.register_fonts()
    for name in (fonts.REGULAR, fonts.BOLD, fonts.ITALIC):
        assert isinstance(pdfmetrics.getFont(name).face.hmetrics, fonts.Pairs)
