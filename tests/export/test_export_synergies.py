"""The compte-rendu says which pairs of actions reinforced each other in the tables' strategies, which tables
got them and why, in the strategy part (PDF and DOCX); the method says how a synergy counts; the catalogue
lists each card's synergies; the 2030/2050 table says what its figures are. Demo workshop, read back."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from export_factory import pdf_text
from test_export_docx import docx_text

from workshop_app.core.catalogue import find_deck
from workshop_app.core.deck import StrategyDeck
from workshop_app.core.synergy_text import obtained
from workshop_app.core.workshop import WorkshopSnapshot
from workshop_app.export.docx import build_docx
from workshop_app.export.pdf import build_pdf
from workshop_app.store.demo import build_demo_snapshot


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[WorkshopSnapshot, Path]:
    snapshot = build_demo_snapshot(find_deck("et-si-33"), find_deck("nature-en-ville"))  # type: ignore[arg-type]
    folder = tmp_path_factory.mktemp("synergies")
    build_pdf(snapshot, {}, folder / "cr.pdf")
    build_docx(snapshot, {}, folder / "cr.docx")
    return snapshot, folder


def _plain(text: str) -> str:
    """As ``pdf_text`` reads: one apostrophe, no-break spaces as spaces, one space between words."""
    return " ".join(text.replace("\u2019", "'").replace("\u00a0", " ").split())


def _strategy(snapshot: WorkshopSnapshot) -> tuple[StrategyDeck, dict[str, list[str]]]:
    sequence = next(s for s in snapshot.sequences if isinstance(s.deck, StrategyDeck))
    state = snapshot.sequence_state(sequence.id)
    assert isinstance(sequence.deck, StrategyDeck)
    return sequence.deck, {g.id: list(state.picked(g.id)) for g in snapshot.groups}


def test_each_synergy_a_table_got_is_told_with_its_tables_and_its_reason(
    demo: tuple[WorkshopSnapshot, Path],
) -> None:
    snapshot, folder = demo
    deck, picks = _strategy(snapshot)
    got = obtained(deck, picks)
    assert got, "the demo's strategies get at least one synergy"
    names = {g.id: g.name for g in snapshot.groups}
    for text in (pdf_text(folder / "cr.pdf"), _plain(docx_text(folder / "cr.docx"))):
        part = text[text.index("Actions qui se renforcent") :]
        for one in got:
            first, second = (_plain(deck.card(c).title) for c in one.synergy.cards)
            tables = ", ".join(names[g] for g in one.groups)
            assert f"« {first} » et « {second} » ({tables}) :" in part
            assert _plain(one.synergy.reason) in part
        missed = [s for s in deck.synergies if s not in [o.synergy for o in got]]
        for synergy in missed:  # a pair no table retained is not told
            first, second = (_plain(deck.card(c).title) for c in synergy.cards)
            assert f"« {first} » et « {second} » (" not in part.split("Notes de séance")[0]
        assert "Deux actions qui se renforcent comptent un effet de plus" in text


def test_the_method_the_catalogue_and_the_horizon_table(demo: tuple[WorkshopSnapshot, Path]) -> None:
    _snapshot, folder = demo
    text = pdf_text(folder / "cr.pdf")
    assert "Certaines paires d'actions se renforcent" in text
    assert "renforcée avec « Rendre perméable le parking du quai » (Fraîcheur +1, Biodiversité +1)" in text
    assert "Axe (score 2030 → 2050)" in text


def test_no_synergy_obtained_or_declared_prints_nothing_of_it(tmp_path: Path) -> None:
    snapshot = build_demo_snapshot(find_deck("et-si-33"), find_deck("nature-en-ville"))  # type: ignore[arg-type]
    plain = dataclasses.replace(
        snapshot,
        sequences=tuple(
            dataclasses.replace(s, deck=s.deck.model_copy(update={"synergies": []}))
            if isinstance(s.deck, StrategyDeck)
            else s
            for s in snapshot.sequences
        ),
    )
    build_pdf(plain, {}, tmp_path / "cr.pdf")
    text = pdf_text(tmp_path / "cr.pdf")
    assert "Chaque stratégie est lue à deux horizons" in text
    for absent in ("Actions qui se renforcent", "paires d'actions se renforcent", "renforcée avec"):
        assert absent not in text


def test_the_docx_has_the_same_synergies_section_in_word_styles(demo: tuple[WorkshopSnapshot, Path]) -> None:
    """The DOCX is written from the PDF's own story: the section is a Word « Heading 3 », one real bullet per
    synergy obtained (its two actions, tables, reason and gain from core.synergy_text), then the note; the
    method's sentence and the catalogue's « renforcée avec » are there too. Read back with python-docx."""
    from docx import Document

    from workshop_app.core.synergy_text import effects_words
    from workshop_app.export.pdf.sections.synergies import SYNERGY_NOTE

    snapshot, folder = demo
    deck, picks = _strategy(snapshot)
    got = obtained(deck, picks)
    document = Document(str(folder / "cr.docx"))
    paragraphs = document.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text == "Actions qui se renforcent")
    assert paragraphs[start].style.name == "Heading 3"  # type: ignore[union-attr]
    bullets = paragraphs[start + 1 : start + 1 + len(got)]
    names = {g.id: g.name for g in snapshot.groups}
    for paragraph, one in zip(bullets, got, strict=True):
        assert paragraph.style.name == "List Bullet"  # type: ignore[union-attr]
        first, second = (deck.card(c).title for c in one.synergy.cards)
        tables = ", ".join(names[g] for g in one.groups)
        assert _plain(paragraph.text).startswith(_plain(f"« {first} » et « {second} » ({tables}) :"))
        assert _plain(one.synergy.reason) in _plain(paragraph.text)
        assert _plain(paragraph.text).endswith(f"En plus : {effects_words(deck, one.synergy.effects)}.")
    assert _plain(paragraphs[start + 1 + len(got)].text) == _plain(SYNERGY_NOTE)
    assert any(_plain("Certaines paires d’actions se renforcent") in _plain(p.text) for p in paragraphs)
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    wanted = _plain("renforcée avec « Rendre perméable le parking du quai » (Fraîcheur +1, Biodiversité +1)")
    assert any(wanted in _plain(c) for c in cells)
