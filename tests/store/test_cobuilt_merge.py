"""Criteria of the « Grille de décision » built on two laptops merge: each copy ends with both laptops'
criteria (by id, in one order), the ratings made on each are kept, and the exports of both copies agree.
Through the real archive, on real SQLite files."""

from __future__ import annotations

from pathlib import Path

from laptops import open_laptop as _open
from laptops import ship as _ship

from workshop_app.core.deck import QuestionDeck
from workshop_app.core.deck_loader import load_deck
from workshop_app.export.tabular import csv_bytes
from workshop_app.services.sync import exchange

GRID = Path(__file__).resolve().parents[2] / "scenarios" / "grille-decision.yaml"


def test_criteria_added_on_two_laptops_merge(tmp_path: Path) -> None:
    deck = load_deck(GRID)
    assert isinstance(deck, QuestionDeck)
    with _open(tmp_path, "a") as a, _open(tmp_path, "b") as b:
        w = a.create_workshop("Grille — Creil")
        table = a.add_group(w.id, "Table 1")
        park = a.add_sequence(w.id, deck, title="Parc inondable")
        _ship(a, b, w.id, tmp_path)
        cost = a.add_criterion(w.id, deck.id, "Coût pour la commune", weight=2)
        delay = b.add_criterion(w.id, deck.id, "Faisable avant 2030")
        assert cost != delay  # each copy's criterion has its own id
        school = b.add_sequence(w.id, b.snapshot(w.id).sequences[0].deck, title="Cour d’école")
        a.record_choice(w.id, park.id, table.id, cost, "1", "Cher")
        b.record_choice(w.id, park.id, table.id, delay, "3", "Rapide")
        b.record_choice(w.id, school.id, table.id, delay, "2")
        report = _ship(b, a, w.id, tmp_path)
        assert report.added["criterion"] == 1 and "1 critère" in report.summary()
        assert _ship(a, b, w.id, tmp_path).added["criterion"] == 1
        snaps = [a.snapshot(w.id), b.snapshot(w.id)]
        orders = {tuple(c.title for c in seq.deck.cards) for snap in snaps for seq in snap.sequences}
        assert len(orders) == 1  # every action of the grid, on both copies: three criteria, one order
        assert sorted(orders.pop()[1:]) == ["Coût pour la commune", "Faisable avant 2030"]
        for snap in snaps:
            state = snap.state()
            assert state.sequences[park.id].answers[(table.id, cost)].argument == "Cher"
            assert state.sequences[park.id].answers[(table.id, delay)].option == "3"
            assert state.sequences[school.id].answers[(table.id, delay)].option == "2"
        assert csv_bytes(snaps[0]) == csv_bytes(snaps[1])
        assert not _ship(a, b, w.id, tmp_path).anything and not _ship(b, a, w.id, tmp_path).anything


def test_criteria_merge_through_the_cohort_database(tmp_path: Path) -> None:
    deck = load_deck(GRID)
    assert isinstance(deck, QuestionDeck)
    with _open(tmp_path, "a") as a, _open(tmp_path, "b") as b, _open(tmp_path, "c") as cohort:
        w = a.create_workshop("Grille — Denain")
        a.add_sequence(w.id, deck, title="Noue plantée")
        exchange(a, cohort)
        exchange(b, cohort)
        a.add_criterion(w.id, deck.id, "Coût")
        b.add_criterion(w.id, deck.id, "Délai")
        for laptop in (a, b, a):
            exchange(laptop, cohort)
        titles = {
            store.author: [c.title for c in store.snapshot(w.id).sequences[0].deck.cards]
            for store in (a, b, cohort)
        }
        assert len(set(map(tuple, titles.values()))) == 1, titles
        assert sorted(titles["portable-a"][1:]) == ["Coût", "Délai"]
