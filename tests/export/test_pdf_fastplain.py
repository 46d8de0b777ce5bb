"""The one-style paragraphs' line breaking (export/pdf/fastplain.py) gives exactly reportlab's lines: on
every paragraph of a full day's compte-rendu at several widths, on generated texts (long words, no-break
spaces, runs of spaces, empty texts), and the whole PDF is byte-identical with and without it."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from workshop_app.core.catalogue import find_deck
from workshop_app.core.workshop import WorkshopSnapshot
from workshop_app.export.pdf import fastlines, fastplain, parsed
from workshop_app.export.pdf.document import render_pdf
from workshop_app.export.pdf.fonts import BOLD, REGULAR, register_fonts
from workshop_app.store.demo_fullday import build_full_day_snapshot


def _broken(para: Paragraph, lines: Any) -> tuple[Any, ...]:
    """Everything the breaking leaves: the line bag's attributes (its lines: each one's spare width, exactly,
    and words) and the paragraph's counters."""
    bag = tuple(sorted((k, repr(v)) for k, v in lines.__dict__.items()))
    counters = tuple(
        repr(getattr(para, k, None)) for k in ("height", "_width_max", "_splitLongWordCount", "_hyphenations")
    )
    return bag, counters


def _widths(style: Any, width: float) -> list[float]:
    return [
        width - style.leftIndent - style.firstLineIndent - style.rightIndent,
        width - style.leftIndent - style.rightIndent,
    ]


def _compare(text: str, style: Any, width: float, widths: fastlines.Widths | None = None) -> bool:
    """True when fastplain broke the lines (and asserted they are reportlab's), False when it declined."""
    ours, theirs = Paragraph(text, style), Paragraph(text, style)
    mine = fastplain.break_plain(ours, _widths(style, width), widths)
    if mine is None:
        return False
    assert _broken(ours, mine) == _broken(theirs, theirs.breakLines(_widths(style, width))), (text, width)
    return True


@pytest.fixture(scope="module")
def full_day() -> WorkshopSnapshot:
    return build_full_day_snapshot(find_deck("et-si-33"), find_deck("nature-en-ville"), 3033)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def laid_out(full_day: WorkshopSnapshot) -> tuple[bytes, list[tuple[str, Any, float]]]:
    """The full day's PDF, and every paragraph its layout wrapped (text, style, width)."""
    from reportlab import rl_config

    seen: list[tuple[str, Any, float]] = []
    wrap = Paragraph.wrap

    def spy(self: Paragraph, width: float, height: float) -> tuple[float, float]:
        if not self.bulletText:
            seen.append((self.text, self.style, width))
        return wrap(self, width, height)

    previous, rl_config.invariant = rl_config.invariant, 1
    Paragraph.wrap = spy
    try:
        data = render_pdf(full_day, {})
    finally:
        Paragraph.wrap = wrap
        rl_config.invariant = previous
    return data, seen


def test_every_one_style_paragraph_of_a_full_day_breaks_as_reportlab_does(
    laid_out: tuple[bytes, list[tuple[str, Any, float]]],
) -> None:
    _, seen = laid_out
    distinct = {(text, id(style), width): (text, style, width) for text, style, width in seen}
    handled = 0
    widths: fastlines.Widths = {}  # shared, as in a build
    for text, style, width in distinct.values():
        for w in (width, width * 0.61, width * 0.37, 40.0):
            handled += _compare(text, style, w, widths)
    assert handled > 2500  # the cells, captions and texts: not a test that compares nothing (3,159)


def test_the_whole_pdf_is_byte_identical_without_it(
    full_day: WorkshopSnapshot,
    laid_out: tuple[bytes, list[tuple[str, Any, float]]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    used: list[bool] = []
    real = parsed.break_plain

    def counted(para: Any, width: Any, widths: Any) -> Any:
        lines = real(para, width, widths)
        used.append(lines is not None)
        return lines

    monkeypatch.setattr(parsed, "break_plain", counted)
    assert render_pdf(full_day, {}) == laid_out[0]
    assert sum(used) > 1200  # the distinct cells and texts of the day (1,520 when written)
    monkeypatch.setattr(parsed, "break_plain", lambda para, width, widths: None)  # reportlab everywhere
    assert render_pdf(full_day, {}) == laid_out[0]


# fmt: off
_WORDS = hs.sampled_from(
    [
        "la", "commune", "« crue »", "l’eau", "réseau", "d’alerte", "—", "10\u00a0h\u00a042", "plan\u00a0:",
        "Anticonstitutionnellementtrèslongmotquinetientpas", "PCS", "(2)", "35\u00a0%", "é", "·", "▸", "",
    ]
)
# fmt: on


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    hs.lists(hs.tuples(_WORDS, hs.sampled_from([" ", "  ", "\t", "\n"])), min_size=0, max_size=30),
    hs.floats(min_value=20, max_value=480),
    hs.sampled_from([8.6, 9.0, 14.0]),
)
def test_generated_texts_break_as_reportlab_does(
    words: list[tuple[str, str]], width: float, size: float
) -> None:
    register_fonts()
    style = ParagraphStyle("t", fontName=REGULAR, fontSize=size, leading=size * 1.3, boldFontName=BOLD)
    _compare("".join(w + gap for w, gap in words), style, width)


@pytest.mark.parametrize(
    "text", ["Argument", "2 — Quelques actions isolées", "Le bassin versant déborde chaque printemps"]
)
@pytest.mark.parametrize("width", [60.0, 90.0, 480.0])
def test_the_documents_plain_paragraphs_take_the_fast_path(text: str, width: float) -> None:
    """The generated comparison above may decline an example and still pass: these must be broken by
    fastplain (and as reportlab does)."""
    register_fonts()
    style = ParagraphStyle("t", fontName=REGULAR, fontSize=8.6, leading=11.6, firstLineIndent=6)
    assert _compare(text, style, width)


def test_it_declines_what_it_does_not_handle() -> None:
    register_fonts()
    style = ParagraphStyle("t", fontName=REGULAR, fontSize=9)
    assert fastplain.break_plain(Paragraph("a <b>b</b>", style), [200.0, 200.0]) is None  # multi-style
    long_word = "Le " + "x" * 80
    assert not _compare(long_word, style, 100)  # reportlab splits the long word: its own code does
    assert _compare(long_word, style, 1000)
    soft_hyphens = Paragraph("sé\u00adpa\u00adré", style)
    assert fastplain.break_plain(soft_hyphens, [200.0, 200.0]) is None
    hyphenated = ParagraphStyle("h", parent=style, hyphenationLang="fr_FR")
    assert fastplain.break_plain(Paragraph("un texte", hyphenated), [200.0, 200.0]) is None
    rtl = ParagraphStyle("r", parent=style, wordWrap="RTL")
    assert fastplain.break_plain(Paragraph("un texte", rtl), [200.0, 200.0]) is None
    bulleted = Paragraph("un texte", style, bulletText="•")
    assert fastplain.break_plain(bulleted, [200.0, 200.0]) is None
    shaded = Paragraph("<span backColor='#EEEEEE'>un texte</span>", style)
    assert fastplain.break_plain(shaded, [200.0, 200.0]) is None


def test_a_paragraph_split_across_pages_keeps_reportlabs_pieces() -> None:
    register_fonts()
    style = ParagraphStyle("t", fontName=REGULAR, fontSize=9, leading=11)
    text = " ".join(f"mot{i} suite" for i in range(200))
    with parsed.reuse_parsing():
        ours = parsed.paragraph("raw", text, style, str)
    theirs = Paragraph(text, style)
    assert ours.wrap(150, 1000) == theirs.wrap(150, 1000)
    pieces = [p.breakLines([150, 150]).lines for p in ours.split(150, 200)]
    assert pieces == [p.breakLines([150, 150]).lines for p in theirs.split(150, 200)]
