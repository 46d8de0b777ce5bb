"""The compte-rendu says how its scores are made and never prints a mean alone: the plain-words method (with
the caveat of averaging ordinal levels), the spread under every mean of the score tables, and each table's
score beside the room's bar per lever. Built from the demo workshop (the shipped decks), read with pypdf."""

from __future__ import annotations

import re

import pytest
from export_factory import pdf_text

from workshop_app.core.catalogue import find_deck
from workshop_app.core.deck import QuestionDeck
from workshop_app.core.scoring import METHOD_TEXT, score
from workshop_app.core.workshop import WorkshopSnapshot
from workshop_app.export.pdf import build_pdf
from workshop_app.export.report import synthesis
from workshop_app.store.demo import build_demo_snapshot


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[WorkshopSnapshot, str]:
    snapshot = build_demo_snapshot(find_deck("et-si-33"), find_deck("nature-en-ville"))  # type: ignore[arg-type]
    target = tmp_path_factory.mktemp("method") / "cr.pdf"
    build_pdf(snapshot, {}, target)
    return snapshot, pdf_text(target)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u2019", "'"))


def test_the_method_is_printed_in_plain_words_with_its_caveat(demo: tuple[WorkshopSnapshot, str]) -> None:
    _, text = demo
    assert _flat(METHOD_TEXT) in text
    assert "les niveaux de l'échelle sont des étapes, pas des mesures" in text
    assert "« 0 — Rien d'engagé » vaut 0 et « 4 — Fait, évalué et partagé » vaut 100" in text
    assert "un score peu couvert reflète un atelier inachevé, pas un territoire faible" in text
    # the glossary note for those who quote the national survey (the deck's description, complete edition)
    assert "inversent les deux mots (« 6 leviers, 18 principes ») : ce sont les mêmes éléments" in text


def test_every_mean_of_the_score_tables_has_its_spread(demo: tuple[WorkshopSnapshot, str]) -> None:
    snapshot, text = demo
    sequence = snapshot.sequences[0]
    assert isinstance(sequence.deck, QuestionDeck)
    reading = score(sequence.deck, snapshot.sequence_state(sequence.id), [g.id for g in snapshot.groups])
    assert "Sous chaque moyenne, en petit : l'écart, du plus bas au plus haut des scores" in text
    annex = text[text.index("Scores par table", text.index("Sous chaque moyenne") - 200) :]
    for axis in sequence.deck.compass.axes:
        room = reading.room.axes[axis.id]
        assert room.score is not None and room.low is not None and room.high is not None
        assert room.low <= room.score <= room.high
        cell = f"{axis.label} {round(room.score)} {round(room.low)} – {round(room.high)}"
        assert cell in annex, cell  # the room's principle, then its spread under it
        for lever in axis.levers:
            lv = reading.room.levers[lever.id]
            assert lv.score is not None and lv.low is not None and lv.high is not None
            assert f"{round(lv.score)} {round(lv.low)} – {round(lv.high)}" in annex, lever.id


def test_the_bars_per_lever_carry_each_tables_score(demo: tuple[WorkshopSnapshot, str]) -> None:
    snapshot, text = demo
    sequence = snapshot.sequences[0]
    deck = sequence.deck
    assert isinstance(deck, QuestionDeck)
    reading = score(deck, snapshot.sequence_state(sequence.id), [g.id for g in snapshot.groups])
    chart = synthesis.lever_bars(deck, reading, "")
    assert all(len(bar.marks) == len(snapshot.groups) for bar in chart.bars)
    spread = [bar for bar in chart.bars if max(bar.marks) - min(bar.marks) >= 30]
    assert spread, "the demo's tables disagree somewhere: a lever whose ticks spread over 30 points"
    for bar in chart.bars:
        assert bar.value is not None and min(bar.marks) - 0.5 <= bar.value <= max(bar.marks) + 0.5
    assert "chaque trait vertical est le score d'une table" in text


def test_no_developer_words_in_the_method(demo: tuple[WorkshopSnapshot, str]) -> None:
    _, text = demo
    method = text[text.index("Comment les scores sont calculés") :][:3000]
    for word in ("METHOD_TEXT", "ordinal", "score=None", "null", "weight", "lever"):
        assert word not in method, word



def test_strategies_are_read_at_2030_and_2050_side_by_side(demo: tuple[WorkshopSnapshot, str]) -> None:
    from workshop_app.core.deck import StrategyDeck
    from workshop_app.core.horizon import read_horizons

    snapshot, text = demo
    sequence = snapshot.sequences[1]
    deck = sequence.deck
    assert isinstance(deck, StrategyDeck)
    assert "Chaque stratégie est lue à deux horizons" in text  # the rule, in the method chapter
    part = text[text.index("D'ici 2030 et d'ici 2050") :]
    state = snapshot.sequence_state(sequence.id)
    rows = {}
    for group in sorted(snapshot.groups, key=lambda g: g.position):
        reading = read_horizons(deck, [deck.card(c) for c in state.picked(group.id)])
        for axis in deck.compass.axes:
            early, late = reading.scores["2030"][axis.id], reading.scores["2050"][axis.id]
            assert early is not None and late is not None
            rows.setdefault(axis.label, []).append(f"{round(early)} → {round(late)}")
    for label, cells in rows.items():
        assert f"{label} {' '.join(cells)}" in part, label
    assert any(a != b for cells in rows.values() for a, b in (c.split(" → ") for c in cells))


def test_the_opening_sentence_counts_one_table_as_no_count(demo: tuple[WorkshopSnapshot, str]) -> None:
    """One interviewer (one table) is not « 1 table »: the sentence names the people, or « une table »."""
    import dataclasses

    snapshot, _ = demo
    one = dataclasses.replace(snapshot, groups=snapshot.groups[:1])
    nobody = dataclasses.replace(one, participants=())
    sequences = snapshot.sequences
    assert "1\u00a0table" not in synthesis.key_facts(one, sequences)
    assert "participant·es ont" in synthesis.key_facts(one, sequences)
    alone = synthesis.key_facts(nobody, sequences)
    assert "une table a" in alone and "1\u00a0table" not in alone, alone
    assert f"en {len(snapshot.groups)}\u00a0tables ont" in synthesis.key_facts(snapshot, sequences)

