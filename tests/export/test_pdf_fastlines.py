"""The multi-style paragraphs' line breaking (export/pdf/fastlines.py) gives exactly reportlab's lines: on
every paragraph of a full day's compte-rendu at several widths, on generated markup (long words, no-break
spaces, « » guillemets, <br/>, bold, colours and sizes), and the whole PDF is byte-identical with and
without it."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from workshop_app.core.catalogue import find_deck
from workshop_app.core.workshop import WorkshopSnapshot
from workshop_app.export.pdf import fastlines, parsed
from workshop_app.export.pdf.document import render_pdf
from workshop_app.export.pdf.fonts import BOLD, REGULAR, register_fonts
from workshop_app.store.demo_fullday import build_full_day_snapshot


def _frag(f: Any) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((k, repr(v)) for k, v in f.__dict__.items()))


def _broken(para: Paragraph, lines: Any) -> tuple[Any, ...]:
    """Everything the breaking leaves: the lines (each FragLine's fields, each fragment's attributes), the
    frag words that replace ``para.frags`` (their types too: a split relies on them) and the counters."""
    rows = [
        tuple(
            sorted(
                (k, tuple(_frag(w) for w in v) if k == "words" else repr(v)) for k, v in line.__dict__.items()
            )
        )
        for line in lines.lines
    ]
    words = [(type(w).__name__, repr(w[0]), tuple((_frag(f), t) for f, t in w[1:])) for w in para.frags]
    counters = tuple(repr(getattr(para, k, None)) for k in ("height", "_width_max", "_splitLongWordCount"))
    return lines.kind, rows, words, counters


def _widths(style: Any, width: float) -> list[float]:
    return [
        width - style.leftIndent - style.firstLineIndent - style.rightIndent,
        width - style.leftIndent - style.rightIndent,
    ]


def _compare(text: str, style: Any, width: float) -> bool:
    """True when fastlines broke the lines (and asserted they are reportlab's), False when it declined."""
    ours, theirs = Paragraph(text, style), Paragraph(text, style)
    mine = fastlines.break_lines(ours, _widths(style, width))
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


def test_every_multi_style_paragraph_of_a_full_day_breaks_as_reportlab_does(
    laid_out: tuple[bytes, list[tuple[str, Any, float]]],
) -> None:
    _, seen = laid_out
    distinct = {(text, id(style), width): (text, style, width) for text, style, width in seen}
    handled = 0
    for text, style, width in distinct.values():
        for w in (width, width * 0.61, width * 0.37, 90.0):
            handled += _compare(text, style, w)
    assert handled > 1500  # the notes, prompts and levels: not a test that compares nothing


def test_the_whole_pdf_is_byte_identical_without_it(
    full_day: WorkshopSnapshot,
    laid_out: tuple[bytes, list[tuple[str, Any, float]]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    used: list[bool] = []
    real = parsed.break_lines

    def counted(para: Any, width: Any, widths: Any) -> Any:
        lines = real(para, width, widths)
        used.append(lines is not None)
        return lines

    monkeypatch.setattr(parsed, "break_lines", counted)
    assert render_pdf(full_day, {}) == laid_out[0]
    assert sum(used) > 400  # the notes, prompts and levels of 33 cards (490 when written)
    monkeypatch.setattr(parsed, "break_lines", lambda para, width, widths: None)  # reportlab everywhere
    assert render_pdf(full_day, {}) == laid_out[0]


_WORDS = hs.sampled_from(
    [
        "la",
        "commune",
        "« crue »",
        "l’eau",
        "réseau",
        "d’alerte",
        "—",
        "10\u00a0h\u00a042",
        "plan\u00a0:",
        "Anticonstitutionnellementtrèslongmotquinetientpas",
        "PCS",
        "(2)",
        "35\u00a0%",
        "é",
        "·",
        "▸",
    ]
)
_RUN = hs.tuples(
    hs.lists(_WORDS, min_size=0, max_size=9).map(" ".join),
    hs.sampled_from(["", "b", "i", "grey", "small", "br"]),
    hs.sampled_from(["", " ", "  "]),
)


def _markup(runs: list[tuple[str, str, str]]) -> str:
    out = []
    for text, kind, gap in runs:
        if kind == "br":
            out.append(f"{text}<br/>")
        elif kind in ("b", "i"):
            out.append(f"<{kind}>{text}</{kind}>{gap}")
        elif kind == "grey":
            out.append(f"<font color='#5F6B73'>{text}</font>{gap}")
        elif kind == "small":
            out.append(f"<font size='7.5'>{gap}{text}</font>")
        else:
            out.append(text + gap)
    return "".join(out)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hs.lists(_RUN, min_size=1, max_size=6), hs.floats(min_value=25, max_value=480))
def test_generated_markup_breaks_as_reportlab_does(runs: list[tuple[str, str, str]], width: float) -> None:
    register_fonts()
    style = ParagraphStyle("t", fontName=REGULAR, fontSize=8.6, leading=11.6, boldFontName=BOLD)
    _compare(_markup(runs), style, width)


@pytest.mark.parametrize(
    "text",
    [
        "<font color='#2E8B7A'>▸</font> Le bassin versant déborde chaque printemps"
        "<font color='#5F6B73' size='7.5'>\u00a0— Table 3 · 10 h 42</font>",
        "Et si la ressource en eau venait à manquer ?<br/><font color='#5F6B73'>Leviers : Eau ; Sols</font>",
        "<b>2 — Quelques actions isolées</b>\u00a0: des initiatives, sans <i>stratégie</i> d’ensemble.",
    ],
)
@pytest.mark.parametrize("width", [90.0, 240.0, 480.0])
def test_the_documents_multi_style_paragraphs_take_the_fast_path(text: str, width: float) -> None:
    """The generated comparison above may decline an example and still pass: these, shaped as the notes, the
    card prompts and the levels of the compte-rendu, must be broken by fastlines (and as reportlab does)."""
    register_fonts()
    style = ParagraphStyle("t", fontName=REGULAR, fontSize=8.6, leading=11.6, boldFontName=BOLD)
    assert _compare(text, style, width)


def test_it_runs_with_the_installed_reportlab() -> None:
    """A reportlab upgrade turns fastlines off (reportlab then breaks every line, slower): compare this
    file's tests with the new version (set ``fastlines.VERIFIED`` to it) and add it when they pass."""
    import reportlab

    assert fastlines.AVAILABLE, f"reportlab {reportlab.Version} is not in fastlines.VERIFIED"


def test_it_declines_what_it_does_not_handle() -> None:
    register_fonts()
    style = ParagraphStyle("t", fontName=REGULAR, fontSize=9)
    plain = Paragraph("un seul style", style)
    assert fastlines.break_lines(plain, [200.0, 200.0]) is None  # one fragment: reportlab's « kind 0 »
    long_word = "<b>Le</b> " + "x" * 80
    assert not _compare(long_word, style, 100)  # reportlab splits the long word: its own code does
    assert _compare(long_word, style, 1000)
    linked = Paragraph("<a href='https://exemple.fr'>lien</a> et <b>gras</b>", style)
    assert fastlines.break_lines(linked, [200.0, 200.0]) is None
    justified = ParagraphStyle("j", parent=style, hyphenationLang="fr_FR")
    assert fastlines.break_lines(Paragraph("a <b>b</b>", justified), [200.0, 200.0]) is None
    bulleted = Paragraph("a <b>b</b>", style, bulletText="•")
    assert fastlines.break_lines(bulleted, [200.0, 200.0]) is None


def test_a_paragraph_split_across_pages_keeps_reportlabs_pieces() -> None:
    register_fonts()
    style = ParagraphStyle("t", fontName=REGULAR, fontSize=9, leading=11)
    text = " ".join(f"<font color='#5F6B73'>mot{i}</font> suite" for i in range(120))
    with parsed.reuse_parsing():
        ours = parsed.paragraph("raw", text, style, str)
    theirs = Paragraph(text, style)
    assert ours.wrap(150, 1000) == theirs.wrap(150, 1000)
    pieces = [p.breakLines([150, 150]) for p in ours.split(150, 200)]
    expected = [p.breakLines([150, 150]) for p in theirs.split(150, 200)]
    assert [len(p.lines) for p in pieces] == [len(p.lines) for p in expected]
    assert [[_frag(w) for line in p.lines for w in line.words] for p in pieces] == [
        [_frag(w) for line in p.lines for w in line.words] for p in expected
    ]


def test_the_space_shrinkage_at_each_lines_end_is_reportlabs() -> None:
    """fastlines counts a line's spaces only for a word that does not fit the width itself (the shrinkage can
    only widen the line): widths swept finely, so that some words fit only thanks to it, give reportlab's."""
    register_fonts()
    style = ParagraphStyle("t", fontName=REGULAR, fontSize=8.6, leading=11.6, boldFontName=BOLD)
    text = (
        "<font color='#2E8B7A'>▸</font> Le bassin versant déborde chaque printemps et la commune "
        "<b>prépare</b> un plan de sauvegarde"
        "<font color='#5F6B73' size='7.5'>\u00a0— Table 3 · 10 h 42</font>"
    )
    plain_width = Paragraph(text, style).minWidth()
    widths = [plain_width + 0.25 * step for step in range(1600)]
    assert all(_compare(text, style, width) for width in widths)
    shrunk = [
        w for w in widths if any(line.extraSpace < 0 for line in Paragraph(text, style).breakLines([w]).lines)
    ]
    assert len(shrunk) > 50  # lines that hold their last word only thanks to the shrinkage (146 when written)
