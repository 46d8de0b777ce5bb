"""The format's additions for real referentials: per-card level descriptions, a source per card, « ne sait
pas », sections, named subsets, notes to authors; every schema property described; old decks still valid."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml
from core_samples import SEQ, SHIPPED, Log, question_data, strategy_data

from workshop_app.cli.decks import deck_json_schema
from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.core.deck_loader import DeckLoadError, deck_from_data, parse_deck
from workshop_app.core.deck_subsets import restrict_to_subset
from workshop_app.core.scoring import score_questions
from workshop_app.core.state import fold


def _rich() -> dict[str, Any]:
    data = question_data()
    data["scale"].append({"id": "nsp", "label": "Ne sait pas", "value": None, "unknown": True})
    data["sections"] = [{"id": "s1", "title": "Gouvernance"}, {"id": "s2", "title": "Le reste"}]
    data["subsets"] = [{"id": "court", "title": "version courte — 2 cartes", "cards": ["c3", "c1"]}]
    data["author_notes"] = "À relire avec le cahier"
    first = data["cards"][0]
    first["levels"] = {"0": "Rien n’existe", "4": "Plan adopté et testé"}
    first["source"] = "UNDRR, Scorecard preliminary level, P1.1 (traduction de travail)"
    first["section"] = "s1"
    first["author_notes"] = "Vérifier la traduction"
    return data


def _deck(data: dict[str, Any]) -> QuestionDeck:
    deck = deck_from_data(data)
    assert isinstance(deck, QuestionDeck)
    return deck


def _all_properties(node: Any, path: str = "") -> list[tuple[str, dict[str, Any]]]:
    out: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        for name, prop in (node.get("properties") or {}).items():
            out.append((f"{path}.{name}", prop))
        for key, value in node.items():
            out += _all_properties(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _all_properties(value, f"{path}[{i}]")
    return out


def test_every_schema_property_has_a_description() -> None:
    properties = _all_properties(deck_json_schema())
    assert len(properties) > 70  # the walk really finds the models' fields
    missing = [where for where, prop in properties if not str(prop.get("description", "")).strip()]
    assert missing == []


def test_the_new_fields_load_and_mean_what_they_say() -> None:
    deck = _deck(_rich())
    card = deck.cards[0]
    assert [(o.id, text) for o, text in deck.card_levels(card)] == [
        ("0", "Rien n’existe"),
        ("4", "Plan adopté et testé"),
    ]
    assert card.source.startswith("UNDRR")
    assert deck.section_title(card.section) == "Gouvernance"
    assert deck.unknown_ids() == {"nsp"}


@pytest.mark.parametrize("deck_id", sorted(SHIPPED))
def test_shipped_decks_are_still_valid_and_use_none_of_the_new_fields(deck_id: str) -> None:
    data = yaml.safe_load(SHIPPED[deck_id].read_text(encoding="utf-8"))
    deck = deck_from_data(data)
    assert deck.sections == [] and deck.subset == ""
    # The one new field a shipped deck uses on purpose: the 33 « Et si… » short edition (issue #14).
    assert [s.id for s in deck.subsets] == (["courte-12"] if deck_id == "et-si-33" else [])


@pytest.mark.parametrize(
    ("change", "field", "fragment"),
    [
        (lambda d: d["cards"][0]["levels"].update({"9": "x"}), "cards[0].levels.9", "niveau inconnu « 9 »"),
        (lambda d: d["cards"][1].update(section="s9"), "cards[1].section", "section inconnue « s9 »"),
        (lambda d: d["subsets"][0]["cards"].append("c9"), "subsets[0].cards[2]", "carte inconnue « c9 »"),
        (lambda d: d["subsets"][0]["cards"].append("c1"), "subsets[0].cards[2]", "carte en double « c1 »"),
        (lambda d: d["scale"][-1].update(value=2), "scale[6].value", "« ne sait pas »"),
        (lambda d: d["sections"].append({"id": "s1", "title": "x"}), "sections[2].id", "en double « s1 »"),
        (lambda d: d.update(subset="long"), "subset", "sous-ensemble inconnu"),
    ],
)
def test_broken_references_are_refused_in_french(change: Any, field: str, fragment: str) -> None:
    data = _rich()
    change(data)
    with pytest.raises(DeckLoadError) as caught:
        deck_from_data(data)
    issue = caught.value.issues[0]
    assert issue.field == field
    assert fragment in issue.message


def test_a_level_error_names_its_line_in_yaml() -> None:
    text = yaml.safe_dump(_rich(), allow_unicode=True, sort_keys=False)
    text = text.replace("Plan adopté et testé", "x\n      '7': y", 1)
    with pytest.raises(DeckLoadError) as caught:
        parse_deck(text, "undrr.yaml")
    issue = caught.value.issues[0]
    assert issue.line is not None and "'7': y" in text.splitlines()[issue.line - 1]


def test_do_not_know_is_recorded_but_counts_as_unanswered() -> None:
    log = Log()
    log.choose("g1", "c1", "nsp")
    log.choose("g1", "c3", "4")
    state = fold(log.events).sequence(SEQ)
    assert state.answers[("g1", "c1")].option == "nsp"  # the answer is kept…
    reading = score_questions(_deck(_rich()), state, ["g1"]).groups["g1"]
    a1 = reading.levers["a1"]
    assert (a1.answered, a1.total, a1.not_concerned) == (0, 2, 0)  # …but not as an answer
    assert a1.score is None
    assert reading.levers["B"].coverage == pytest.approx(1.0)


def test_not_concerned_still_counts_as_answered_next_to_do_not_know() -> None:
    log = Log()
    log.choose("g1", "c1", "nc")
    reading = score_questions(_deck(_rich()), fold(log.events).sequence(SEQ), ["g1"]).groups["g1"]
    assert reading.levers["a1"].answered == 1


def test_a_subset_plays_only_its_cards_in_the_decks_order() -> None:
    short = restrict_to_subset(_deck(_rich()), "court")
    assert [c.id for c in short.cards] == ["c1", "c3"]
    assert short.subset == "court" and short.subset_title == "version courte — 2 cartes"
    assert [s.id for s in short.sections] == ["s1"]
    again = deck_from_data(short.model_dump(mode="json"))  # a workshop's snapshot reloads as it was
    assert again == short
    with pytest.raises(KeyError):
        restrict_to_subset(_deck(_rich()), "absent")


def test_a_strategy_subset_must_hold_the_cards_its_cards_require() -> None:
    data = strategy_data()
    needy = next(c for c in data["cards"] if c.get("requires"))
    data["subsets"] = [{"id": "mini", "title": "mini", "cards": [needy["id"]]}]
    with pytest.raises(DeckLoadError) as caught:
        deck_from_data(data)
    assert "absente de ce sous-ensemble" in caught.value.issues[0].message
    data["subsets"][0]["cards"] += needy["requires"]
    deck = deck_from_data(copy.deepcopy(data))
    assert isinstance(deck, StrategyDeck)
    short = restrict_to_subset(deck, "mini")
    assert {c.id for c in short.cards} == {needy["id"], *needy["requires"]}
    assert all(x in {c.id for c in short.cards} for c in short.cards for x in c.excludes)
