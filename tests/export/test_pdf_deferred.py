"""The card-by-card annex is made card by card as the layout reaches it (export/pdf/deferred.py): the same
pages as a story made up front, the headings known before the layout, and the cards not reached yet not in
memory."""

from __future__ import annotations

import gc
import itertools
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from export_decks import boussole_deck
from export_factory import make_snapshot, pdf_pages
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Spacer, Table

from workshop_app.core.deck_parts import Section
from workshop_app.export.pdf import build_pdf, document
from workshop_app.export.pdf.deferred import Deferred, expand_ahead, weight_of
from workshop_app.export.pdf.sections.common import Heading, HeadingParagraph


def _eager(monkeypatch: pytest.MonkeyPatch) -> None:
    """The story as it was made before: every deferred part made up front, in place."""
    original = document.build_story

    def up_front(ctx: Any, reporter: Any) -> list[Any]:
        story: list[Any] = []
        for flowable in original(ctx, reporter):
            story += flowable.expand() if isinstance(flowable, Deferred) else [flowable]
        return story

    monkeypatch.setattr(document, "build_story", up_front)


def _contents(path: Path) -> list[bytes]:
    from pypdf import PdfReader

    pages = PdfReader(str(path)).pages
    return [page.get_contents().get_data() for page in pages]  # type: ignore[union-attr]


def _sectioned(n_cards: int) -> Any:
    deck = boussole_deck(n_cards)
    sections = [
        Section(id="s1", title="Gouvernance", description=""),
        Section(id="s2", title="Le reste", description=""),
    ]
    # a section's title heads its first card only, also when a card without section comes between
    names = ["s1", "s1", "", "s1", "s2", "s2", "", "s2"]
    cards = [c.model_copy(update={"section": names[i % len(names)]}) for i, c in enumerate(deck.cards)]
    return deck.model_copy(update={"sections": sections, "cards": cards})


@pytest.mark.parametrize(
    "shape",
    [
        {"n_groups": 4, "n_cards": 14, "notes_per_answer": True},  # cards kept whole with their notes
        {"n_groups": 9, "n_cards": 6, "notes_per_answer": True},  # long tables that split over pages
        {"n_groups": 3, "n_cards": 8, "deck": "sectioned"},
        {"n_groups": 5, "n_cards": 5, "hostile": True, "long_text": True},
    ],
)
def test_the_card_by_card_annex_made_lazily_gives_the_same_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shape: dict[str, Any]
) -> None:
    if shape.get("deck") == "sectioned":
        shape = {**shape, "deck": _sectioned(shape["n_cards"])}
    snapshot, photos = make_snapshot(**shape)
    lazy, eager = tmp_path / "lazy.pdf", tmp_path / "eager.pdf"
    build_pdf(snapshot, photos, lazy)
    with monkeypatch.context() as m:
        _eager(m)
        build_pdf(snapshot, photos, eager)
    pages = pdf_pages(lazy)
    assert len(pages) > 3 and "Réponses carte par carte" in " ".join(pages)
    assert pages == pdf_pages(eager)  # the text of every page, the contents' page numbers, « Page N / M »
    assert _contents(lazy) == _contents(eager)  # every page drawn byte for byte the same


def test_the_cards_are_made_as_the_layout_reaches_them(monkeypatch: pytest.MonkeyPatch) -> None:
    snapshot, photos = make_snapshot(n_groups=12, n_cards=20, notes_per_answer=True, photos=0)
    made_on: list[int] = []
    tables: dict[str, list[int]] = {}
    original_expand = Deferred.expand
    original_page_end = document.AtelierDocTemplate.handle_pageEnd
    current: list[Any] = []

    def expand(self: Deferred) -> list[Any]:
        made_on.append(current[0].page)
        return original_expand(self)

    def page_end(self: document.AtelierDocTemplate) -> None:
        gc.collect()
        tables.setdefault(kind[0], []).append(sum(isinstance(o, Table) for o in gc.get_objects()))
        original_page_end(self)

    original_init = document.AtelierDocTemplate.__init__

    def init(self: document.AtelierDocTemplate, *args: Any, **kw: Any) -> None:
        original_init(self, *args, **kw)
        current[:] = [self]

    monkeypatch.setattr(Deferred, "expand", expand)
    monkeypatch.setattr(document.AtelierDocTemplate, "handle_pageEnd", page_end)
    monkeypatch.setattr(document.AtelierDocTemplate, "__init__", init)
    kind = ["lazy"]
    document.render_pdf(snapshot, photos)
    assert len(made_on) == 20 + 2  # one deferred part a card, and the scores of each sequence
    assert made_on == sorted(made_on) and made_on[-1] - made_on[0] >= 8  # made page after page
    kind[0] = "eager"
    _eager(monkeypatch)
    document.render_pdf(snapshot, photos)
    # the tables of the 20 cards (one each) and of the scores annex do not exist before the layout gets there
    assert tables["eager"][0] - tables["lazy"][0] >= 20 + 2, tables
    assert max(tables["eager"]) - max(tables["lazy"]) >= 20, tables


def test_the_layout_holds_less_memory_at_its_peak(monkeypatch: pytest.MonkeyPatch) -> None:
    snapshot, photos = make_snapshot(n_groups=12, n_cards=24, notes_per_answer=True, photos=0)
    document.render_pdf(snapshot, photos)  # imports and fonts, not measured

    def peak() -> int:
        gc.collect()
        tracemalloc.start()
        try:
            document._layout(snapshot, photos, False, None, "complet")
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    lazy = peak()
    _eager(monkeypatch)
    eager = peak()
    assert lazy < 0.75 * eager, (lazy, eager)  # measured 3.9 MB against 6.6 MB


def test_a_deferred_part_holding_a_heading_is_refused() -> None:
    style = ParagraphStyle("t")
    heading = HeadingParagraph("Titre", style, Heading("Titre", 0, "h99"))
    with pytest.raises(RuntimeError, match="headings"):
        expand_ahead([Deferred(lambda: [Paragraph("a", style), heading])])
    part = Deferred(lambda: [])
    expand_ahead([part])
    with pytest.raises(RuntimeError, match="twice"):
        part.expand()


def test_what_reportlab_glues_to_the_first_flowable_is_made_before_it_looks() -> None:
    style = ParagraphStyle("t")
    glued = ParagraphStyle("k", keepWithNext=1)
    title, first, later = Paragraph("Titre", glued), Paragraph("un", style), Paragraph("deux", style)
    subtitle = Paragraph("Section", glued)
    far = Deferred(lambda: [later])
    story: list[Any] = [title, Deferred(lambda: [subtitle, first], weight=2), far]
    assert weight_of(story) == 4
    assert expand_ahead(story) == 1
    # the title, then the glued section title and what follows it; the part after that is not made yet
    assert story == [title, subtitle, first, far]
    assert expand_ahead([Spacer(1, 1), far]) == 0 and far.make is not None


def test_progress_still_goes_forward_to_the_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(document, "REPORT_EVERY_S", 0.0)  # every percent, however fast the build
    snapshot, photos = make_snapshot(n_groups=6, n_cards=12)
    seen: list[float] = []
    build_pdf(snapshot, photos, tmp_path / "cr.pdf", progress=lambda f, _m: seen.append(f))
    assert seen == sorted(seen) and seen[-1] == 1.0
    layout = [f for f in seen if 0.15 < f < 0.95]
    assert len(layout) >= 40  # the bar moves all through the layout, not in one jump at the end
    assert max(b - a for a, b in itertools.pairwise(layout)) < 0.1
