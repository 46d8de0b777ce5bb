"""Plain and multi-style paragraphs drawn straight into the page (export/pdf/fastdraw.py) and our fonts' text
written at once (export/pdf/fasttext.py) give exactly reportlab's operators: on every paragraph of a full
day's compte-rendu, on generated texts and strings (alignments, indents, colours, no-break spaces, characters
met for the first time), and whole PDFs of several shapes of workshop are byte-identical with and without
them. The font's subset mapping gives reportlab's chunks and codes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from export_factory import make_snapshot
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Paragraph

from workshop_app.core.catalogue import find_deck
from workshop_app.core.workshop import WorkshopSnapshot
from workshop_app.export.pdf import fastdraw, fasttext, parsed
from workshop_app.export.pdf.document import render_pdf
from workshop_app.export.pdf.fonts import BOLD, ITALIC, REGULAR, register_fonts
from workshop_app.store.demo_fullday import build_full_day_snapshot

_FONTS = (REGULAR, BOLD, ITALIC)


def _reportlab_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every paragraph drawn and every text mapped by reportlab's own code."""
    register_fonts()
    monkeypatch.setattr(parsed, "draw_plain", lambda *args: False)
    monkeypatch.setattr(PDFTextObject, "_formatText", fasttext._reportlab_format_text)
    for name, draw in fasttext._REPORTLAB_STRINGS.items():
        monkeypatch.setattr(Canvas, name, draw)
    for name in _FONTS:
        monkeypatch.delattr(pdfmetrics.getFont(name), "splitString")


def _counting(draw: Any, calls: list[str]) -> Any:
    def counted(self: Any, x: float, y: float, text: str, *args: Any, **kw: Any) -> None:
        calls.append(text)
        draw(self, x, y, text, *args, **kw)

    return counted


def _render(snapshot: WorkshopSnapshot, photos: Any = None) -> bytes:
    previous, rl_config.invariant = rl_config.invariant, 1
    try:
        return render_pdf(snapshot, photos or {})
    finally:
        rl_config.invariant = previous


@pytest.fixture(scope="module")
def full_day() -> WorkshopSnapshot:
    return build_full_day_snapshot(find_deck("et-si-33"), find_deck("nature-en-ville"), 3033)  # type: ignore[arg-type]


def test_the_full_day_pdf_is_byte_identical_without_it(
    full_day: WorkshopSnapshot, monkeypatch: pytest.MonkeyPatch
) -> None:
    register_fonts()  # which installs format_text
    drawn: list[bool] = []
    real = parsed.draw_plain

    def counted(para: Any, canvas: Any, x: float, y: float, sW: float = 0) -> bool:
        done = real(para, canvas, x, y, sW)
        drawn.append(done)
        return done

    written: list[bool] = []

    def format_counted(tx: Any, text: Any) -> str:
        before = len(reportlab_written)
        out = fasttext.format_text(tx, text)
        written.append(len(reportlab_written) == before)
        return out

    reportlab_written: list[str] = []

    def reportlab_format(tx: Any, text: Any) -> str:
        reportlab_written.append(text)
        return real_format(tx, text)

    real_format = fasttext._reportlab_format_text
    monkeypatch.setattr(fasttext, "_reportlab_format_text", reportlab_format)
    monkeypatch.setattr(PDFTextObject, "_formatText", format_counted)
    strings: list[str] = []
    declined: list[str] = []
    for name in fasttext._REPORTLAB_STRINGS:
        monkeypatch.setattr(Canvas, name, _counting(getattr(Canvas, name), strings))
        monkeypatch.setitem(
            fasttext._REPORTLAB_STRINGS, name, _counting(fasttext._REPORTLAB_STRINGS[name], declined)
        )
    monkeypatch.setattr(parsed, "draw_plain", counted)
    ours = _render(full_day)
    monkeypatch.setattr(fasttext, "_reportlab_format_text", real_format)
    # the plain and multi-style paragraphs (3,464 of 3,496 when written): the fast path is really taken
    assert sum(drawn) > 3200, (sum(drawn), len(drawn))
    # the other texts (multi-style lines, table cells, charts): written by format_text alone
    assert sum(written) == len(written) > 2000, (sum(written), len(written))
    # the tables' plain cells and the charts' labels (1,961 when written): drawn at once
    assert len(strings) > 1500 and not declined, (len(strings), declined[:5])
    with monkeypatch.context() as m:
        _reportlab_only(m)
        assert _render(full_day) == ours


@pytest.mark.parametrize(
    "shape",
    [
        {"n_groups": 4, "n_cards": 14, "notes_per_answer": True},
        {"n_groups": 9, "n_cards": 6, "notes_per_answer": True},
        {"n_groups": 5, "n_cards": 5, "hostile": True, "long_text": True},
        {"n_groups": 1, "n_cards": 3},
    ],
)
def test_other_workshops_pdfs_are_byte_identical_without_it(
    monkeypatch: pytest.MonkeyPatch, shape: dict[str, Any]
) -> None:
    snapshot, photos = make_snapshot(**shape)
    ours = _render(snapshot, photos)
    with monkeypatch.context() as m:
        _reportlab_only(m)
        assert _render(snapshot, photos) == ours


def _drawn(para: Paragraph, how: str, width: float, canvas: Canvas) -> list[str]:
    """What drawing ``para`` adds to the canvas: ``fastdraw`` (nothing when it declines), ``ours``
    (reportlab's drawing, our text writing) or ``reportlab`` (reportlab's alone)."""
    para.wrap(width, 10_000)
    start = len(canvas._code)
    if how == "fastdraw":
        if not fastdraw.draw_plain(para, canvas, 30, 40, 7):
            return []
    elif how == "ours":
        Paragraph.drawOn(para, canvas, 30, 40, 7)
    else:
        fonts = [pdfmetrics.getFont(name) for name in _FONTS]
        mine = [font.__dict__.pop("splitString", None) for font in fonts]
        PDFTextObject._formatText = fasttext._reportlab_format_text
        try:
            Paragraph.drawOn(para, canvas, 30, 40, 7)
        finally:
            PDFTextObject._formatText = fasttext.format_text
            for font, split in zip(fonts, mine, strict=True):
                if split is not None:
                    font.splitString = split
    return canvas._code[start:]


def _compare(text: str, style: ParagraphStyle, width: float, pair: tuple[Canvas, Canvas]) -> bool:
    """True when fastdraw drew the paragraph, False when it declined (and drew nothing; then reportlab
    draws it with our text writing); either way asserted to be what reportlab alone draws."""
    ours, theirs = pair
    before = list(ours._code)
    mine = _drawn(Paragraph(text, style), "fastdraw", width, ours)
    drawn = bool(mine)
    if not drawn:
        assert ours._code == before
        mine = _drawn(Paragraph(text, style), "ours", width, ours)
    assert mine == _drawn(Paragraph(text, style), "reportlab", width, theirs), (text, width)
    return drawn


def _canvases(tmp_path: Path) -> tuple[Canvas, Canvas]:
    return Canvas(str(tmp_path / "a.pdf")), Canvas(str(tmp_path / "b.pdf"))


def test_every_plain_paragraph_of_a_full_day_is_drawn_as_reportlab_does(
    full_day: WorkshopSnapshot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    seen: list[tuple[str, Any, float]] = []
    wrap = Paragraph.wrap

    def spy(self: Paragraph, width: float, height: float) -> tuple[float, float]:
        if "onDraw" not in self.text:  # the contents' entries call back our canvas: not on a bare one
            seen.append((self.text, self.style, width))
        return wrap(self, width, height)

    monkeypatch.setattr(Paragraph, "wrap", spy)
    _render(full_day)
    monkeypatch.undo()
    distinct = {(text, id(style), width): (text, style, width) for text, style, width in seen}
    monkeypatch.setattr(rl_config, "invariant", 1)  # no date in the files: compared byte for byte
    pair = _canvases(tmp_path)
    handled = sum(
        _compare(text, style, w, pair)
        for text, style, width in distinct.values()
        for w in (width, 0.55 * width)
    )
    assert handled > 1500, handled
    pair[0].save()
    pair[1].save()
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


_WORDS = hs.sampled_from(
    ["la", "commune", "« crue »", "l’eau", "d’alerte", "—", "10\u00a0h\u00a042", "35\u00a0%", "(2)", "ŒUVRE",
     "Ωmega", "☂", "ĳ", "→", "naïve", "x" * 40, "", "\\", "()"]
)  # fmt: skip
_STYLES = hs.fixed_dictionaries(
    {
        "alignment": hs.sampled_from([TA_LEFT, TA_CENTER, TA_RIGHT, TA_JUSTIFY]),
        "firstLineIndent": hs.sampled_from([0, 0, 12.5, -6]),
        "leftIndent": hs.sampled_from([0, 0, 8.25]),
        "fontName": hs.sampled_from(_FONTS),
        "fontSize": hs.sampled_from([7.5, 9, 10.3]),
        "leading": hs.sampled_from([9.0, 11.6, 14]),
        "textColor": hs.sampled_from(
            [
                colors.black,
                colors.HexColor("#5F6B73"),
                colors.Color(0.1, 0.2, 0.3, alpha=0.5),
                colors.CMYKColor(0, 1, 0, 0),
            ]
        ),
    }
)


@settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    hs.lists(hs.lists(_WORDS, max_size=12).map(" ".join), min_size=1, max_size=4), _STYLES, hs.floats(20, 400)
)
def test_generated_paragraphs_are_drawn_as_reportlab_does(
    tmp_path_factory: pytest.TempPathFactory, texts: list[str], style: dict[str, Any], width: float
) -> None:
    register_fonts()
    pair = _canvases(tmp_path_factory.mktemp("draw"))
    para_style = ParagraphStyle("t", **style)
    for i, text in enumerate(texts):  # several texts on the same canvases: characters seen before and new
        text = text.replace("&", "&amp;").replace("<", "&lt;")
        if i == 1:  # a multi-style one: reportlab draws it, our text writing writes its strings
            text = f"<b>{text[:9]}</b><font color='#5F6B73' size='7.5'>{text[9:30]}</font><i>{text[30:]}</i>"
        _compare(text, para_style, width, pair)
    assert pair[0]._code == pair[1]._code


def test_characters_past_the_first_subset_are_drawn_as_reportlab_does(tmp_path: Path) -> None:
    """More than 256 distinct characters in one document: the font's later subsets, texts that switch
    between them (reportlab's own mapping, then their own « Tf »)."""
    register_fonts()
    pair = _canvases(tmp_path)
    font = pdfmetrics.getFont(REGULAR)
    alphabet = [chr(c) for c in [*range(0x100, 0x17F), *range(0x410, 0x450), *range(0x391, 0x3AA)]]
    alphabet = [c for c in alphabet if ord(c) in font.face.charToGlyph]
    assert len(alphabet) > 200
    style = ParagraphStyle("t", fontName=REGULAR, fontSize=9, leading=11)
    styled = ParagraphStyle("c", style, alignment=TA_CENTER)
    for i in range(0, len(alphabet), 12):
        word = "".join(alphabet[i : i + 12])
        assert _compare(f"mot {word} et {alphabet[i]}é", style, 140, pair)
        assert _compare(
            f"<b>gras</b> {word} <font color='#5F6B73'>{alphabet[-1 - i]} fin</font>", styled, 90, pair
        )
        for canvas in pair:
            canvas.setFont(BOLD, 8)
        pair[0].drawCentredString(100, 200, f"{word} ŋ")
        with pytest.MonkeyPatch.context() as m:
            _reportlab_only(m)
            pair[1].drawCentredString(100, 200, f"{word} ŋ")
    _compare(" ".join(alphabet), style, 300, pair)  # every subset again (its lines shrunk: reportlab's)
    assert pair[0]._code == pair[1]._code
    states = [font.state[canvas._doc] for canvas in pair]
    assert len(states[0].subsets) > 1 and states[0].subsets == states[1].subsets


def test_it_draws_the_common_cases_and_declines_the_others(tmp_path: Path) -> None:
    register_fonts()
    pair = _canvases(tmp_path)
    style = ParagraphStyle("t", fontName=REGULAR, fontSize=9, leading=11)
    for alignment in (TA_LEFT, TA_CENTER, TA_RIGHT):
        assert _compare(
            "Une commune résiliente anticipe les crues",
            ParagraphStyle("a", style, alignment=alignment),
            90,
            pair,
        )
    assert _compare("", style, 90, pair)  # no line: drawn too (an empty cell)
    assert _compare("a <b>gras</b> <font color='#5F6B73'>— Table 3</font>", style, 90, pair)  # « kind 1 »
    for alignment in (TA_CENTER, TA_RIGHT):
        centred = ParagraphStyle("c", style, alignment=alignment, firstLineIndent=5)
        assert _compare("a <i>penché</i> <font size='7'>petit</font> et le reste du texte", centred, 60, pair)
    assert not _compare("<super>exposant</super> et <b>gras</b>", style, 90, pair)
    assert not _compare("<span backColor='yellow'>fond</span> <b>gras</b>", style, 90, pair)
    unsplit = ParagraphStyle("n", style, splitLongWords=0)
    assert not _compare("mot " + "x" * 60, unsplit, 60, pair)  # wider than the line: reportlab spaces it
    assert not _compare("justifié ici et là", ParagraphStyle("j", style, alignment=TA_JUSTIFY), 40, pair)
    assert not _compare("fond", ParagraphStyle("b", style, backColor=colors.yellow), 90, pair)
    assert not _compare("<u>souligné</u>", style, 90, pair)
    assert not _compare("<a href='https://exemple.fr'>lien</a>", style, 90, pair)
    assert not _compare("cmjn", ParagraphStyle("k", style, textColor=colors.CMYKColor(0, 1, 0, 0)), 90, pair)
    bulleted = Paragraph("puce", style, bulletText="•")
    bulleted.wrap(90, 100)
    assert not fastdraw.draw_plain(bulleted, pair[0], 0, 0)


def test_the_subset_mapping_gives_reportlabs_chunks(tmp_path: Path) -> None:
    register_fonts()
    font = pdfmetrics.getFont(REGULAR)
    assert font.splitString.__func__ is fasttext.split_string  # installed on our fonts
    ours, theirs = Canvas(str(tmp_path / "a.pdf"))._doc, Canvas(str(tmp_path / "b.pdf"))._doc
    calls: list[str] = []
    real = TTFont.splitString

    def counted(self: Any, text: Any, doc: Any, encoding: str = "utf-8") -> Any:
        calls.append(text)
        return real(self, text, doc, encoding)

    greek = "".join(map(chr, range(0x391, 0x3C9)))
    texts = ["la crue", "la crue", "l’eau\u00a0!", "Ωmega ☂ " + greek, "la crue", "", "Ωmega", "\u00a0",
             b"bytes".decode(), "\u2603 neige", "la crue \u2603"]  # fmt: skip
    TTFont.splitString = counted
    try:
        for text in texts:
            assert font.splitString(text, ours) == real(font, text, theirs)
    finally:
        TTFont.splitString = real
    assert font.state[ours].assignments == font.state[theirs].assignments
    assert font.state[ours].subsets == font.state[theirs].subsets
    # the texts already mapped are translated, not given to reportlab's loop
    assert "la crue" in calls and calls.count("la crue") == 1 and "Ωmega" not in calls and "" not in calls


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    hs.lists(
        hs.tuples(hs.lists(_WORDS, max_size=6).map(" ".join), hs.sampled_from(_FONTS)), min_size=1, max_size=6
    ),
    hs.sampled_from([7.0, 8.6, 10]),
)
def test_strings_are_drawn_as_reportlab_does(
    tmp_path_factory: pytest.TempPathFactory, texts: list[tuple[str, str]], size: float
) -> None:
    """The tables' plain cells and the charts' labels: ``drawString`` and its centred and right forms."""
    register_fonts()
    ours, theirs = _canvases(tmp_path_factory.mktemp("strings"))
    monkeypatch = pytest.MonkeyPatch()
    for i, (text, font) in enumerate(texts):
        name = ("drawString", "drawCentredString", "drawRightString")[i % 3]
        for canvas in (ours, theirs):
            canvas.setFont(font, size, size * 1.25)
        getattr(ours, name)(12.5 * i, 700 - 9.5 * i, text)
        with monkeypatch.context() as m:
            _reportlab_only(m)
            getattr(theirs, name)(12.5 * i, 700 - 9.5 * i, text)
        assert ours._code == theirs._code, (name, text)
    ours.drawString(1, 2, "mode", mode=2)  # a render mode: reportlab's own
    theirs.drawString(1, 2, "mode", mode=2)
    assert ours._code == theirs._code


def test_another_reportlab_draws_everything_itself(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    register_fonts()
    pair = _canvases(tmp_path)
    style = ParagraphStyle("t", fontName=REGULAR, fontSize=9, leading=11)
    assert _compare("un texte simple", style, 90, pair)
    monkeypatch.setattr(fastdraw, "AVAILABLE", False)
    monkeypatch.setattr(fasttext, "AVAILABLE", False)
    assert not _compare("un texte simple", style, 90, pair)
    font = TTFont("AutreSans", pdfmetrics.getFont(REGULAR).face.filename)
    fasttext.speed_up(font)
    assert "splitString" not in font.__dict__ and "AutreSans" not in fasttext._sped_up


def test_it_runs_with_the_installed_reportlab() -> None:
    """A reportlab upgrade turns fastdraw off (reportlab then draws every paragraph, slower): compare this
    file's tests with the new version (set ``fasttext.VERIFIED`` to it) and add it when they pass."""
    import reportlab

    assert fastdraw.AVAILABLE, f"reportlab {reportlab.Version} is not in fasttext.VERIFIED"
    assert fasttext.AVAILABLE, (
        f"reportlab {reportlab.Version} is not in fasttext.VERIFIED (or rlbidi is installed)"
    )
