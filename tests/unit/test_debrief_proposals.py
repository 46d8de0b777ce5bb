"""Strengths, vulnerabilities and disagreements proposed from the scores: pure functions, no Qt."""

from __future__ import annotations

from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.core.events import Event, EventKind
from workshop_app.core.workshop import GroupInfo, SequenceInfo, WorkshopInfo, WorkshopSnapshot
from workshop_app.services.debrief import Thresholds, lever_choices, merge, propose

SCALE = [{"id": f"v{v}", "label": str(v), "value": v} for v in range(5)] + [
    {"id": "nc", "label": "Non concerné", "value": None}
]


def _questions() -> QuestionDeck:
    axes = [
        {"id": "gov", "label": "Gouvernance", "levers": [{"id": "1.1", "label": "Gouvernance partagée"}]},
        {"id": "veille", "label": "Veille", "levers": [{"id": "3.1", "label": "Connaître les aléas"}]},
        {"id": "sob", "label": "Sobriété"},
    ]
    cards = [{"id": f"c{i}", "title": f"Carte {i}", "prompt": "?", "informs": [{"lever": lever}]}
             for i, lever in enumerate(("1.1", "3.1", "sob"))]
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
            {"id": "noues", "title": "Noues", "prompt": "?", "cost": 3, "delay": "court",
             "effects": {"eau": 2}},
            {"id": "silo", "title": "Silo", "prompt": "?", "cost": 5, "delay": "moyen",
             "effects": {"eau": -2, "eco": 1}},
        ],
    })


GROUPS = (GroupInfo("a", "Table A"), GroupInfo("b", "Table B"))


def _snapshot(answers: dict[tuple[str, str], str], picks: tuple[tuple[str, str], ...] = (),
              with_strategy: bool = False) -> WorkshopSnapshot:
    sequences = [SequenceInfo("sq", 0, _questions())]
    if with_strategy:
        sequences.append(SequenceInfo("ss", 1, _strategy(), title="Nature"))
    events = [Event(i + 1, EventKind.CHOICE_RECORDED, sequence_id="sq", group_id=g, card_id=c,
                    payload={"option": o}) for i, ((g, c), o) in enumerate(answers.items())]
    events += [Event(100 + i, EventKind.CARD_PICKED, sequence_id="ss", group_id=g, card_id=c)
               for i, (g, c) in enumerate(picks)]
    return WorkshopSnapshot(WorkshopInfo("w", "Atelier"), groups=GROUPS, sequences=sequences, events=events)


def test_strong_and_weak_levers_with_their_scores() -> None:
    found = propose(_snapshot({("a", "c0"): "v4", ("b", "c0"): "v3", ("a", "c1"): "v0", ("b", "c1"): "v1",
                               ("a", "c2"): "v2", ("b", "c2"): "v2"}))
    assert found.strengths == ("1.1 Gouvernance partagée (88/100, tables de 75 à 100)",)
    assert found.vulnerabilities == ("3.1 Connaître les aléas (12/100, tables de 0 à 25)",)
    assert not found.disagreements


def test_nothing_proposed_before_enough_answers() -> None:
    found = propose(_snapshot({("a", "c0"): "v4"}))  # half the links of 1.1: still proposed
    assert found.strengths == ("1.1 Gouvernance partagée (100/100, une seule table)",)
    assert propose(_snapshot({}), Thresholds()).empty
    strict = Thresholds(min_coverage=0.75)
    assert propose(_snapshot({("a", "c0"): "v4"}), strict).empty


def test_non_concerne_does_not_count_as_weak() -> None:
    found = propose(_snapshot({("a", "c1"): "nc", ("b", "c1"): "nc"}))
    assert found.empty


def test_disagreement_between_tables() -> None:
    found = propose(_snapshot({("a", "c2"): "v4", ("b", "c2"): "v0"}))
    assert found.disagreements == ("Sobriété : de 0/100 (Table B) à 100/100 (Table A)",)


def test_strategy_axes_and_sequence_titles_when_several() -> None:
    found = propose(_snapshot({("a", "c0"): "v4", ("b", "c0"): "v4"},
                              picks=(("a", "noues"), ("b", "silo")), with_strategy=True))
    # a strategy game's effects are hypothetical: never a strength of the territory
    assert found.strengths == ("1.1 Gouvernance partagée (100/100, les 2\u00a0tables à 100)",)
    assert not any("Eau" in line or "Économie" in line for line in found.strengths + found.disagreements)


def test_limit_and_order() -> None:
    limits = Thresholds(limit=1)
    found = propose(_snapshot({("a", "c0"): "v4", ("a", "c2"): "v3"}), limits)
    assert found.strengths == ("1.1 Gouvernance partagée (100/100, une seule table)",)


def test_merge_keeps_the_facilitators_lines_first() -> None:
    merged = merge(["Mon point", "Eau (80 %)"], ["eau (80 %)", "Nouveau"])
    assert merged == ("Mon point", "Eau (80 %)", "Nouveau")


def test_lever_choices_for_the_action_plan() -> None:
    choices = lever_choices(_snapshot({}, with_strategy=True))
    assert choices[:3] == [
        ("gov", "1. Gouvernance"), ("1.1", "1.1 Gouvernance partagée"), ("veille", "2. Veille"),
    ]
    assert ("eau", "1. Eau") in choices


def test_only_scores_clearly_away_from_the_middle_are_proposed() -> None:
    """A strength is clearly high, a vulnerability clearly low: nothing near 50 % (« moyen », or « no effect »
    for a strategy) lands in either list, and the rule uses the whole percentage the line shows."""
    limits = Thresholds()
    for score in (36, 45, 49, 49.4, 50, 55, 64, 64.4):
        assert not limits.is_strength(score) and not limits.is_vulnerability(score), score
    assert limits.is_strength(65) and limits.is_strength(64.6) and limits.is_strength(100)
    assert limits.is_vulnerability(35) and limits.is_vulnerability(35.4) and limits.is_vulnerability(0)
    for score in (41, 45, 49, 50, 55, 59):  # strategies: 50 is « no effect »
        assert not limits.is_strength(score, True) and not limits.is_vulnerability(score, True), score
    assert limits.is_strength(60, True) and limits.is_vulnerability(40, True)


def test_thresholds_on_the_wrong_side_of_the_middle_are_refused() -> None:
    import pytest

    for wrong in ({"strong": 49.0}, {"weak": 55.0}, {"strategy_strong": 50.0}, {"strategy_weak": 50.0}):
        with pytest.raises(ValueError, match="50"):
            Thresholds(**wrong)


def test_a_lever_in_the_middle_band_is_neither() -> None:
    # 1.1 at 37.5 % (shown 38 %) and 3.1 at 62.5 % (shown 62 %): both too close to the middle
    found = propose(_snapshot({("a", "c0"): "v1", ("b", "c0"): "v2", ("a", "c1"): "v2", ("b", "c1"): "v3"}))
    assert found.strengths == () and found.vulnerabilities == ()


def test_the_demo_workshop_lists_only_clear_strengths_and_vulnerabilities() -> None:
    import re

    from workshop_app.core.catalogue import find_deck
    from workshop_app.store.demo import build_demo_snapshot

    questions, strategy = find_deck("et-si-33"), find_deck("nature-en-ville")
    snapshot = build_demo_snapshot(questions, strategy)  # type: ignore[arg-type]
    for found in (propose(snapshot), snapshot.debrief):
        assert found.strengths and found.vulnerabilities
        for line in found.strengths:
            score = int(re.findall(r"\((\d+)/100, ", line)[0])
            assert score >= 65 and "stratégies" not in line, line
        for line in found.vulnerabilities:
            score = int(re.findall(r"\((\d+)/100, ", line)[0])
            assert score <= 35 and "stratégies" not in line, line
        for line in (*found.strengths, *found.vulnerabilities):  # the spread beside every mean
            assert re.search(r"tables (de|divergent)|tables\xa0à|une seule table", line), line


def test_origins_of_the_lines_are_recorded_and_survive_the_store() -> None:
    from workshop_app.core.workshop import Debrief
    from workshop_app.services.debrief import mark_origins, validate
    from workshop_app.store.convert import debrief_data, debrief_from

    proposed = ("1.1 Gouvernance partagée (88/100)",)
    debrief = mark_origins(Debrief(strengths=(*proposed, "Un réseau associatif solide")), proposed)
    assert debrief.origin(proposed[0]) == "proposed"
    assert debrief.origin("Un réseau associatif solide") == "written"
    checked = validate(debrief)
    assert checked.origin(proposed[0]) == "validated"
    assert checked.origin("Un réseau associatif solide") == "written"
    assert debrief_from(debrief_data(checked)) == checked
    old = debrief_from({"strengths": ["Ancienne ligne"], "felt": "x"})  # a debrief saved before origins
    assert old.strengths == ("Ancienne ligne",) and old.origin("Ancienne ligne") is None
    assert debrief_from({"strengths": ["a"], "origins": {"a": "bizarre"}}).origin("a") is None
