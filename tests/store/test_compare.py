"""The comparison service on real databases: evolution of one territory, a cohort of several, the same
compass only, coverage marked, no ranking."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop_app.core.compare_model import CompareKind, Direction
from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.core.errors import AtelierError
from workshop_app.services.compare import compare_workshops, programme_workshops, territory_workshops
from workshop_app.store import WorkshopStore

Answers = Mapping[str, Mapping[str, str]]  # table name -> card id -> option id


def _questions(
    store: WorkshopStore, deck: QuestionDeck, territory: str, day: date | None, answers: Answers
) -> str:
    w = store.create_workshop(f"Atelier {territory}", territory=territory, date=day)
    seq = store.add_sequence(w.id, deck)
    for table, chosen in answers.items():
        group = store.add_group(w.id, table)
        for card_id, option in chosen.items():
            store.record_choice(w.id, seq.id, group.id, card_id, option)
    return w.id


def _strategy(
    store: WorkshopStore, deck: StrategyDeck, territory: str, picks: Mapping[str, list[str]]
) -> str:
    w = store.create_workshop(f"Atelier {territory}", territory=territory, date=date(2025, 1, 10))
    seq = store.add_sequence(w.id, deck)
    for table, cards in picks.items():
        group = store.add_group(w.id, table)
        for card_id in cards:
            store.pick_card(w.id, seq.id, group.id, card_id)
    return w.id


def test_one_territory_is_an_evolution_by_date_lever_by_lever(
    store: WorkshopStore, qdeck: QuestionDeck
) -> None:
    later = _questions(store, qdeck, "Soissons", date(2025, 10, 2), {"T1": {"q1": "4", "q2": "3", "q3": "4"}})
    earlier = _questions(store, qdeck, "soissons ", date(2024, 6, 12), {"T1": {"q1": "2", "q2": "1"}})
    result = compare_workshops(store, [later, earlier])
    assert result.kind is CompareKind.EVOLUTION
    assert [p.workshop_id for p in result.profiles] == [earlier, later]
    assert [p.label for p in result.profiles] == ["12/06/2024", "02/10/2025"]
    moves = {m.target.id: m for m in result.movements}
    assert moves["1.2"].before.score == pytest.approx(25.0) and moves["1.2"].after.score == pytest.approx(
        75.0
    )
    assert moves["1.2"].delta == pytest.approx(50.0) and moves["1.2"].direction is Direction.UP
    # 2.1 had q3 unanswered at first: its coverage says so, and it is still shown
    assert moves["2.1"].before.coverage == pytest.approx(0.5) and moves["2.1"].after.coverage == 1.0
    assert [t.id for t in result.principles] == ["p1", "p2"] and [t.id for t in result.levers] == [
        "1.1",
        "1.2",
        "2.1",
    ]


def test_three_dates_and_one_undated_keep_their_order(store: WorkshopStore, qdeck: QuestionDeck) -> None:
    ids = [
        _questions(store, qdeck, "Creil", day, {"T": {"q2": option}})
        for day, option in (
            (date(2025, 5, 1), "2"),
            (None, "4"),
            (date(2023, 5, 1), "0"),
            (date(2024, 5, 1), "1"),
        )
    ]
    result = compare_workshops(store, ids, anonymise=True)
    assert [p.label for p in result.profiles] == ["01/05/2023", "01/05/2024", "01/05/2025", "sans date"]
    assert result.title == "Évolution — un territoire" and all(p.territory == "" for p in result.profiles)
    assert any("n’a pas de date" in n for n in result.notes)
    move = next(m for m in result.movements if m.target.id == "1.2")
    assert (move.before.score, move.after.score) == (0.0, 50.0)  # first date → last date (not the undated)


def test_a_cohort_is_sorted_by_name_never_by_score(store: WorkshopStore, qdeck: QuestionDeck) -> None:
    best = _questions(store, qdeck, "Soissons", date(2025, 2, 1), {"T": {"q1": "4", "q2": "4", "q3": "4"}})
    worst = _questions(store, qdeck, "Arras", date(2025, 1, 1), {"T": {"q1": "0", "q2": "0", "q3": "0"}})
    mid = _questions(store, qdeck, "Creil", date(2025, 3, 1), {"T": {"q1": "4", "q2": "1", "q3": "4"}})
    result = compare_workshops(store, [best, mid, worst])
    assert result.kind is CompareKind.COHORT
    assert [p.label for p in result.profiles] == ["Arras", "Creil", "Soissons"]
    assert result.movements == ()
    assert [s.key for s in result.strengths] == ["1.1", "2.1"]  # strong in Creil and Soissons
    assert result.strengths[0].labels == ("Creil", "Soissons") and result.strengths[0].of == 3
    arras, creil, soissons = result.profiles
    assert arras.vulnerabilities == ("1.1", "1.2", "2.1") and arras.strengths == ()
    assert creil.strengths == ("1.1", "2.1") and creil.vulnerabilities == ("1.2",)  # the most marked first
    assert soissons.strengths == ("1.1", "1.2", "2.1")
    assert any("classement" in rule for rule in result.rules) and "autoévaluation" in result.disclaimer


def test_anonymised_labels_hide_the_names_and_their_order(store: WorkshopStore, qdeck: QuestionDeck) -> None:
    ids = [
        _questions(store, qdeck, name, date(2025, 1, 1), {"T": {"q2": "2"}})
        for name in ("Arras", "Creil", "Denain", "Saint-Quentin", "Soissons")
    ]
    result = compare_workshops(store, ids, anonymise=True)
    assert [p.label for p in result.profiles] == ["Ville A", "Ville B", "Ville C", "Ville D", "Ville E"]
    assert all(p.territory == "" and p.title == "" for p in result.profiles)
    by_id = sorted(ids)
    assert [p.workshop_id for p in result.profiles] == by_id  # letters follow the ids, not the names
    assert result.notes  # low coverage (one link of four) is said, city by city
    assert all("Ville" in n and "prudence" in n for n in result.notes)


def test_another_version_is_flagged_and_left_out(store: WorkshopStore, qdeck: QuestionDeck) -> None:
    other = qdeck.model_copy(update={"version": "2.0"})
    a = _questions(store, qdeck, "Arras", date(2025, 1, 1), {"T": {"q1": "2"}})
    b = _questions(store, qdeck, "Creil", date(2025, 1, 2), {"T": {"q1": "3"}})
    c = _questions(store, other, "Denain", date(2025, 1, 3), {"T": {"q1": "4"}})
    result = compare_workshops(store, [a, b, c])
    assert [p.label for p in result.profiles] == ["Arras", "Creil"]
    assert [e.workshop_id for e in result.excluded] == [c]
    assert "autre version" in result.excluded[0].reason and "2.0" in result.excluded[0].reason
    assert any(
        n.startswith("L’atelier « Atelier Denain » (Denain, du 03/01/2025) n’est pas comparé")
        for n in result.notes
    )
    with pytest.raises(AtelierError, match="Moins de deux ateliers"):
        compare_workshops(store, [a, c], deck_id=qdeck.id)


def test_same_version_with_another_compass_is_left_out(store: WorkshopStore, sdeck: StrategyDeck) -> None:
    water = sdeck.compass.axes[1]
    split = [*sdeck.compass.axes, water.model_copy(update={"id": "eau-pluie", "label": "Eaux de pluie"})]
    other = sdeck.model_copy(update={"compass": sdeck.compass.model_copy(update={"axes": split})})
    a = _strategy(store, sdeck, "Arras", {"T1": ["s1"]})
    b = _strategy(store, sdeck, "Creil", {"T1": ["s2", "s1"]})
    c = _strategy(store, other, "Denain", {"T1": ["s1"]})
    result = compare_workshops(store, [a, b, c])
    assert [p.label for p in result.profiles] == ["Arras", "Creil"]
    assert [e.workshop_id for e in result.excluded] == [c]
    assert "pas les mêmes principes" in result.excluded[0].reason


def test_too_few_workshops_is_a_french_error(store: WorkshopStore, qdeck: QuestionDeck) -> None:
    a = _questions(store, qdeck, "Arras", None, {})
    with pytest.raises(AtelierError, match="au moins deux"):
        compare_workshops(store, [a, a])


def test_strategy_cohort_says_what_each_city_retained(store: WorkshopStore, sdeck: StrategyDeck) -> None:
    a = _strategy(store, sdeck, "Arras", {"T1": ["s1", "s2"], "T2": ["s1"]})
    b = _strategy(store, sdeck, "Creil", {"T1": ["s1", "s3"]})
    c = _strategy(store, sdeck, "Denain", {"T1": ["s3"]})
    result = compare_workshops(store, [c, b, a])
    assert result.deck.strategy and result.levers == ()
    arras = result.profiles[0]
    assert [(ch.card_id, ch.tables, ch.of_tables) for ch in arras.choices] == [("s1", 2, 2), ("s2", 1, 2)]
    assert [(s.key, s.labels) for s in result.common_choices] == [
        ("s1", ("Arras", "Creil")),
        ("s3", ("Creil", "Denain")),
    ]


def test_programme_and_territory_pick_workshops_from_the_summaries(
    store: WorkshopStore, qdeck: QuestionDeck
) -> None:
    a = _questions(store, qdeck, "Soissons", date(2025, 1, 1), {})
    b = _questions(store, qdeck, "Arras", date(2025, 1, 1), {})
    c = _questions(store, qdeck, "Soissons", date(2024, 1, 1), {})
    for w in (a, b):
        store.set_programme(w, "Nature en ville — Hauts-de-France 2024–2025")
    assert programme_workshops(store, "nature en ville — hauts-de-france 2024–2025") == [b, a]
    assert territory_workshops(store, "SOISSONS") == [c, a]
    with pytest.raises(AtelierError, match="Aucun atelier"):
        programme_workshops(store, "Inconnu")


_OPTION = st.sampled_from(["0", "1", "2", "3", "4", "nc"])
_CITY = st.dictionaries(st.sampled_from(["q1", "q2", "q3"]), _OPTION, max_size=3)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(answers=st.lists(_CITY, min_size=2, max_size=4), reverse=st.booleans())
def test_cohort_properties(
    store: WorkshopStore, qdeck: QuestionDeck, answers: list[dict[str, str]], reverse: bool
) -> None:
    names = ["Arras", "Creil", "Denain", "Soissons"][: len(answers)]
    ids = [
        _questions(store, qdeck, n, date(2025, 1, 1), {"T": a}) for n, a in zip(names, answers, strict=True)
    ]
    try:
        result = compare_workshops(store, list(reversed(ids)) if reverse else ids)
        assert [p.label for p in result.profiles] == names  # whatever the scores and the order asked
        for profile in result.profiles:
            for item in (*profile.principles, *profile.levers):
                if item.score is not None:
                    assert 0.0 <= item.score <= 100.0
                    assert item.low is not None and item.high is not None
                    assert item.low - 1e-9 <= item.score <= item.high + 1e-9
                assert item.low_coverage == (item.coverage < 0.5)
        for shared in result.strengths:
            for label in shared.labels:
                (profile,) = [p for p in result.profiles if p.label == label]
                found = profile.score(shared.key)
                assert found is not None and found.score is not None and round(found.score) >= 65
    finally:
        for w in ids:
            store.delete_workshop(w)
