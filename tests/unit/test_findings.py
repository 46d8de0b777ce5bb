"""core.findings: one home for strengths, vulnerabilities, agreement and strategy consensus (no Qt)."""

from __future__ import annotations

from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.core.events import Event, EventKind
from workshop_app.core.findings import Thresholds, compute, score_text, target_label, target_number
from workshop_app.core.workshop import GroupInfo, SequenceInfo, WorkshopInfo, WorkshopSnapshot

SCALE = [{"id": f"v{v}", "label": str(v), "value": v} for v in range(5)] + [
    {"id": "nc", "label": "Non concerné", "value": None}
]


def _questions(n_cards: int = 4) -> QuestionDeck:
    axes = [
        {"id": "gov", "label": "Gouvernance", "levers": [{"id": "1.1", "label": "Gouvernance partagée"},
                                                         {"id": "coop", "label": "Coopération"}]},
        {"id": "veille", "label": "Veille", "levers": [{"id": "3.1", "label": "Connaître les aléas"}]},
    ]
    cards = [{"id": f"c{i}", "title": f"Carte {i}", "prompt": "?", "informs": [{"lever": "1.1"}]}
             for i in range(n_cards)]
    return QuestionDeck.model_validate({
        "id": "q", "title": "Questions", "version": "1", "mechanic": "questions",
        "compass": {"name": "B", "axes": axes}, "scale": SCALE, "cards": cards,
    })


def _strategy() -> StrategyDeck:
    return StrategyDeck.model_validate({
        "id": "s", "title": "Stratégie", "version": "1", "mechanic": "strategy",
        "compass": {"name": "A", "axes": [{"id": "eau", "label": "Eau"}, {"id": "eco", "label": "Économie"}]},
        "strategy": {"budget": 10},
        "cards": [
            {"id": i, "title": i.title(), "prompt": "?", "cost": cost, "delay": "court", "effects": effects}
            for i, cost, effects in (
                ("noues", 3, {"eau": 2}), ("parc", 3, {"eau": 1}), ("silo", 5, {"eco": 1})
            )
        ],
    })


GROUPS = tuple(GroupInfo(g, f"Table {g.upper()}", position=i) for i, g in enumerate("abcd"))


def _snapshot(
    answers: dict[tuple[str, str], str], picks: tuple[tuple[str, str], ...] = ()
) -> WorkshopSnapshot:
    sequences = [SequenceInfo("sq", 0, _questions()), SequenceInfo("ss", 1, _strategy())]
    events = [Event(i + 1, EventKind.CHOICE_RECORDED, sequence_id="sq", group_id=g, card_id=c,
                    payload={"option": o}) for i, ((g, c), o) in enumerate(answers.items())]
    events += [Event(100 + i, EventKind.CARD_PICKED, sequence_id="ss", group_id=g, card_id=c)
               for i, (g, c) in enumerate(picks)]
    return WorkshopSnapshot(WorkshopInfo("w", "Atelier"), groups=GROUPS, sequences=sequences, events=events)


def test_one_way_of_naming_a_lever() -> None:
    deck = _questions()
    assert target_number(deck, "1.1") == "1.1"  # a numeric id is the Boussole's number
    assert target_number(deck, "coop") == "1.2"  # otherwise its position
    assert target_number(deck, "3.1") == "3.1"  # not « 2.1 »: the id wins over the position
    assert target_label(deck, "coop") == "1.2 Coopération"
    assert target_label(deck, "gov") == "Gouvernance" and target_label(deck, "?") == "?"
    assert score_text(59.6) == "60/100"


def test_a_stricter_table_and_the_tables_that_answered_not_concerned_are_named() -> None:
    answers = {}
    for card in ("c0", "c1", "c2"):  # table D is the lowest, by two levels or more, on three cards
        answers.update({("a", card): "v4", ("b", card): "v3", ("c", card): "v4", ("d", card): "v1"})
    answers.update({("a", "c3"): "v2", ("b", "c3"): "v2", ("c", "c3"): "nc", ("d", "c3"): "v2"})
    found = compute(_snapshot(answers)).sequences[0]
    assert [s.key for s in found.cards.disputed] == ["c0", "c1", "c2"]
    assert [s.key for s in found.cards.agreed] == ["c3"]
    assert found.strict_group == "d" and found.strict_count == 3
    assert found.not_concerned == {"Carte 3": ("c",)}
    assert found.card_count == 4


def test_no_stricter_table_when_the_lowest_changes() -> None:
    answers = {("a", "c0"): "v0", ("b", "c0"): "v4", ("a", "c1"): "v4", ("b", "c1"): "v0"}
    found = compute(_snapshot(answers)).sequences[0]
    assert len(found.cards.disputed) == 2 and found.strict_group is None


def test_strategy_effects_are_kept_apart_and_the_consensus_counts_tables() -> None:
    picks = (("a", "noues"), ("b", "noues"), ("c", "noues"), ("a", "parc"), ("d", "silo"), ("b", "parc"))
    found = compute(_snapshot({}, picks))
    strategy = found.sequences[1]
    assert strategy.strategy and not strategy.strengths and not strategy.vulnerabilities
    assert strategy.effects_up and strategy.effects_up[0].key == "eau"
    assert [(c.card_id, c.count, c.of) for c in strategy.consensus] == [("noues", 3, 4), ("parc", 2, 4)]
    assert found.strengths == []  # nothing from a game of hypothetical cards


def test_one_set_of_thresholds() -> None:
    answers = {(g, c): "v4" for g in "ab" for c in ("c0", "c1", "c2", "c3")}
    assert [f.text for f in compute(_snapshot(answers)).strengths] == [
        "1.1 Gouvernance partagée (100/100, les 2\u00a0tables à 100)"
    ]
    strict = Thresholds(strong=99.0)
    snapshot = _snapshot({(g, c): "v3" for g in "abcd" for c in ("c0", "c1")})  # half answered: enough
    assert compute(snapshot).strengths and compute(snapshot, thresholds=strict).strengths == []


def test_generated_sentences_agree_with_their_numbers() -> None:
    from workshop_app.export.report.synthesis import count_sentence

    nbsp = "\u00a0"
    assert count_sentence(33, 16, 17).replace(nbsp, " ") == (
        "Sur les 33 cartes auxquelles au moins deux tables ont répondu, les tables s’accordent sur 16 cartes "
        "et divergent nettement (deux niveaux d’écart ou plus) sur 17 cartes."
    )
    one = count_sentence(1, 1, 0).replace(nbsp, " ")
    assert one.startswith("Sur la seule carte à laquelle")
    assert "sur 1 carte et ne divergent nettement sur aucune" in one
    assert "les tables ne s’accordent sur aucune et divergent nettement" in count_sentence(2, 0, 2)
    # a card's answers are whole levels: on 0–3 a split is 2 levels apart (never « 1,5 niveau »)
    assert "(deux niveaux d’écart ou plus)" in count_sentence(5, 1, 2, steps=3.0)
    assert "(3 niveaux d’écart ou plus)" in count_sentence(5, 1, 2, steps=6.0).replace(nbsp, " ")
