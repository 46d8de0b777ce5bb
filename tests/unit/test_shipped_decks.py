"""The three shipped decks: ids others rely on, counts, coverage of the Boussole, sources, typography."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest
from core_samples import SCENARIOS, SHIPPED

from workshop_app.core.deck import LabelSource, QuestionDeck, StrategyDeck

NBSP = "\u00a0"
PRINCIPLES = {
    "p1": "Stratégies et gouvernances intégrées et adaptatives",
    "p2": "Cohésion sociale et solidarité des acteurs",
    "p3": "Anticipation, connaissance, veille",
    "p4": "Robustesse et continuité",
    "p5": "Adaptation, apprentissage et innovation",
    "p6": "Sobriété et besoins essentiels",
}
SHORTS = {"p1": "Stratégies – Gouvernance", "p2": "Cohésion – Solidarité", "p3": "Anticipation – Veille"}
LEVERS = [f"{p}.{i}" for p in range(1, 7) for i in range(1, 4)]
# Verbatim from the cahier (domain.md marks them verified); apostrophes typographic.
VERIFIED_LEVERS = {
    "1.1": "Assurer une gouvernance partagée et la participation citoyenne",
    "1.2": "Assurer une coopération multi-échelle entre territoires",
    "1.3": "Intégrer les vulnérabilités et leurs évolutions dans tous les projets",
    "2.1": "S’appuyer sur une culture partagée et les savoir-faire locaux",
    "2.2": "Soutenir la solidarité et la prise en compte des plus vulnérables",
    "2.3": "Garantir la confiance et la capacité d’agir",
    "3.1": "Connaître les aléas, les vulnérabilités et les dépendances",
}
RETIRED = {"q15", "q16", "q25", "q26", "q29"}  # replaced in version 2.0 of « Et si… » (review decks.md §2.4)
NEW_SCENARIOS = {
    "q34": (["jeunes", "partent"], ["2.1", "1.2"]),
    "q35": (["krach", "budget"], ["5.3", "6.1"]),
    "q36": (["colère", "quartier"], ["2.3", "1.1"]),
    "q37": (["industrie", "eau", "électricité"], ["6.2", "1.1"]),
    "q38": (["65 ans", "vieillissement"], ["1.3", "5.3"]),
}
NATURE_AXES = {"chaleur", "biodiversite", "eau", "ressource", "sante", "attractivite", "acceptation"}


def _questions(decks: dict[str, Any], deck_id: str) -> QuestionDeck:
    deck = decks[deck_id]
    assert isinstance(deck, QuestionDeck)
    return deck


def _strategy(decks: dict[str, Any]) -> StrategyDeck:
    deck = decks["nature-en-ville"]
    assert isinstance(deck, StrategyDeck)
    return deck


def test_shipped_files_and_ids(decks: dict[str, Any]) -> None:
    assert sorted(p.name for p in SCENARIOS.glob("*.yaml")) == sorted(p.name for p in SHIPPED.values())
    for deck_id, deck in decks.items():
        assert deck.id == deck_id
        assert deck.language == "fr"
        assert deck.version
        assert deck.description
    assert decks["et-si-33"].mechanic == "questions"
    assert decks["boussole-autodiagnostic"].mechanic == "questions"
    assert decks["nature-en-ville"].mechanic == "strategy"


# -- the Boussole compass (et-si-33 and the autodiagnostic)


@pytest.mark.parametrize("deck_id", ["et-si-33", "boussole-autodiagnostic"])
def test_boussole_compass(decks: dict[str, Any], deck_id: str) -> None:
    deck = _questions(decks, deck_id)
    axes = deck.compass.axes
    assert [a.id for a in axes] == list(PRINCIPLES)
    for axis in axes:
        assert axis.label == PRINCIPLES[axis.id]
        assert axis.source is LabelSource.OFFICIAL  # the six cover labels are verified
        assert axis.short
        if axis.id in SHORTS:
            assert axis.short == SHORTS[axis.id]
        assert [lv.id for lv in axis.levers] == [f"{axis.id[1]}.{i}" for i in (1, 2, 3)]
    assert deck.lever_ids() == LEVERS
    colours = [a.colour.upper() for a in axes]
    assert len(set(colours)) == 6
    assert all(_luminance(c) < 0.75 for c in colours), "too pale for a projector on a white background"


@pytest.mark.parametrize("deck_id", ["et-si-33", "boussole-autodiagnostic"])
def test_official_only_where_verified(decks: dict[str, Any], deck_id: str) -> None:
    deck = _questions(decks, deck_id)
    for axis in deck.compass.axes:
        for lever in axis.levers:
            if lever.id in VERIFIED_LEVERS:
                assert lever.source is LabelSource.OFFICIAL, lever.id
                assert lever.label == VERIFIED_LEVERS[lever.id]
            else:
                assert lever.source is LabelSource.OURS, (
                    f"{lever.id} is not verified: it must say « atelier »"
                )
    note = deck.compass.source_note
    assert f"«{NBSP}atelier{NBSP}»" in note
    assert "Cerema (2020)" in note
    assert "autoévaluation" in note


@pytest.mark.parametrize("deck_id", ["et-si-33", "boussole-autodiagnostic", "entretiens-boussole"])
def test_glossary_note_for_those_who_quote_the_national_survey(decks: dict[str, Any], deck_id: str) -> None:
    """The cahier says 6 principes and 18 leviers; the national survey inverts the words (review decks.md
    §1.1): the deck's description, shown in the app and printed in the method chapter, says so."""
    text = _questions(decks, deck_id).description.replace(NBSP, " ")
    assert "6 principes, chacun décliné en 3 leviers, soit 18 leviers" in text
    assert "« 6 leviers, 18 principes »" in text and "mêmes éléments" in text


def test_both_boussole_decks_share_compass_and_scale(decks: dict[str, Any]) -> None:
    etsi = _questions(decks, "et-si-33")
    auto = _questions(decks, "boussole-autodiagnostic")
    assert etsi.compass == auto.compass
    assert [(o.id, o.label, o.value, o.key) for o in etsi.scale] == [
        (o.id, o.label, o.value, o.key) for o in auto.scale
    ]
    # « non concerné » is said for what is rated: a scenario that does not apply, a lever outside a service
    assert "cours d’eau" in etsi.option("nc").description
    assert "service" in auto.option("nc").description and "forêt" not in auto.option("nc").description


@pytest.mark.parametrize("deck_id", ["et-si-33", "boussole-autodiagnostic"])
def test_maturity_scale(decks: dict[str, Any], deck_id: str) -> None:
    deck = _questions(decks, deck_id)
    assert [(o.id, o.value, o.key) for o in deck.scale] == [
        ("0", 0, "0"),
        ("1", 1, "1"),
        ("2", 2, "2"),
        ("3", 3, "3"),
        ("4", 4, "4"),
        ("nc", None, "n"),
    ]
    for option in deck.scale:
        assert option.description, option.id
        if option.value is not None:
            assert option.label.startswith(f"{option.id} — ")
    assert deck.option("nc").label == "Non concerné"


# -- 33 « Et si… »


def test_et_si_has_33_cards(decks: dict[str, Any]) -> None:
    deck = _questions(decks, "et-si-33")
    assert len(deck.cards) == 33
    # the replaced scenarios keep no id: answers given to an old card never mix with a new one's
    assert not {c.id for c in deck.cards} & RETIRED
    assert [c.id for c in deck.cards if c.id not in NEW_SCENARIOS] == [
        f"q{i:02d}" for i in range(1, 34) if f"q{i:02d}" not in RETIRED
    ]
    titles = [c.title for c in deck.cards]
    assert len(set(titles)) == 33
    for card in deck.cards:
        assert card.title.startswith("Et si "), card.id
        assert card.title.endswith(f"{NBSP}?"), card.id
        assert len(card.title) <= 80, card.id
        assert 2 <= _sentences(card.prompt) <= 4, card.id
        assert 2 <= _sentences(card.help) <= 3, card.id
        assert card.theme, card.id


def test_et_si_cards_end_with_the_one_question_the_scale_answers(decks: dict[str, Any]) -> None:
    """A table answers in five minutes: one question per card, last, asking what is in place today; the
    « how » questions live in the facilitator's help."""
    deck = _questions(decks, "et-si-33")
    for card in deck.cards:
        assert card.prompt.count("?") == 1 and card.prompt.endswith(f"{NBSP}?"), card.id
        last = card.prompt[card.prompt.rindex(". ") + 2 :]
        assert last.startswith("Aujourd’hui, qu’est-ce qui"), card.id


def test_et_si_doubtful_mappings_fixed(decks: dict[str, Any]) -> None:
    """Review decks.md §2.3: continuity first for waste and staff, solidarity first for food poverty, and
    no « choix souples et réversibles » for the fuel shortage."""
    deck = _questions(decks, "et-si-33")
    cards = {c.id: c for c in deck.cards}

    def links(card_id: str) -> list[tuple[str, float]]:
        return [(link.lever, link.weight) for link in cards[card_id].informs]

    assert links("q32") == [("4.1", 2), ("4.3", 1)]
    assert links("q30") == [("2.2", 2), ("2.1", 1)]
    assert links("q06") == [("6.1", 2), ("4.1", 1)]
    assert "conserves" not in cards["q30"].help


def test_et_si_has_the_scenarios_the_framing_and_the_seeds_name(decks: dict[str, Any]) -> None:
    """Review decks.md §2.1: social conflict, a financial crash, ageing, young people leaving, industry
    competing for water and energy — each a card of its own, each informing the levers it is about."""
    deck = _questions(decks, "et-si-33")
    cards = {c.id: c for c in deck.cards}
    for card_id, (words, levers) in NEW_SCENARIOS.items():
        card = cards[card_id]
        text = f"{card.title} {card.prompt}".lower().replace(NBSP, " ")
        assert all(w in text for w in words), (card_id, words)
        assert [link.lever for link in card.informs] == levers, card_id
    # the second cyberattack became another break in the supply chain
    assert "cyberattaque" not in cards["q09"].prompt and "cyberattaque" in cards["q10"].title



def test_et_si_short_edition_has_12_cards_over_the_six_principles(decks: dict[str, Any]) -> None:
    deck = _questions(decks, "et-si-33")
    (short,) = [s for s in deck.subsets if s.id == "courte-12"]
    assert short.title == "version courte — 12 cartes"
    assert len(short.cards) == 12
    cards = {c.id: c for c in deck.cards}
    principles = {deck.axis_of(link.lever) for c in short.cards for link in cards[c].informs}
    assert principles == set(PRINCIPLES)


def test_et_si_links(decks: dict[str, Any]) -> None:
    deck = _questions(decks, "et-si-33")
    informed: Counter[str] = Counter()
    per_principle: Counter[str] = Counter()
    for card in deck.cards:
        assert 1 <= len(card.informs) <= 2, card.id
        assert all(link.weight in (1, 2) for link in card.informs), card.id
        informed.update(link.lever for link in card.informs)
        per_principle.update({deck.axis_of(link.lever) for link in card.informs})
    assert set(informed) == set(LEVERS), f"levers never informed: {set(LEVERS) - set(informed)}"
    assert all(per_principle[p] >= 4 for p in PRINCIPLES), per_principle


def test_et_si_is_framed_on_essential_needs(decks: dict[str, Any]) -> None:
    deck = _questions(decks, "et-si-33")
    themes = Counter(c.theme for c in deck.cards)
    needs = {"Respirer", "Boire", "Manger", "Se déplacer", "Se loger", "Être en sécurité"}
    assert needs <= set(themes)
    assert set(themes) <= needs | {"Habiter le territoire"}


def test_et_si_does_not_claim_the_gironde_cards(decks: dict[str, Any]) -> None:
    deck = _questions(decks, "et-si-33")
    assert "s’inspire" in deck.description and "Gironde" in deck.description
    # the note for deck authors stays in the file, out of the document (no « les nôtres » in a deliverable)
    header = (SCENARIOS / "et-si-33.yaml").read_text("utf-8")
    assert "ne\n# reprennent pas les cartes du Département" in header
    assert "nôtres" not in deck.description
    for card in deck.cards:
        assert "Gironde" not in f"{card.title} {card.prompt} {card.help}"


# -- autodiagnostic


def test_autodiagnostic_one_card_per_lever(decks: dict[str, Any]) -> None:
    deck = _questions(decks, "boussole-autodiagnostic")
    assert len(deck.cards) == 18
    assert [c.id for c in deck.cards] == [f"l{lever}" for lever in LEVERS]
    for card, lever in zip(deck.cards, LEVERS, strict=True):
        assert [(link.lever, link.weight) for link in card.informs] == [(lever, 1.0)]
        assert "Regardez par exemple" in card.prompt, card.id
        assert card.help, card.id
        assert card.theme == next(a.short for a in deck.compass.axes if a.id == deck.axis_of(lever))


# -- nature en ville


def test_nature_cards_and_axes(decks: dict[str, Any]) -> None:
    deck = _strategy(decks)
    assert len(deck.cards) >= 24
    assert set(deck.axis_ids()) >= NATURE_AXES
    assert len(deck.axis_ids()) >= 6
    assert all(a.source is LabelSource.OURS for a in deck.compass.axes)
    assert deck.compass.source_note
    assert len({a.colour.upper() for a in deck.compass.axes}) == len(deck.compass.axes)
    for card in deck.cards:
        assert card.cost > 0, card.id
        assert len(card.effects) >= 3, card.id
        assert any(v != 0 for v in card.effects.values()), card.id
    delays = Counter(c.delay for c in deck.cards)
    assert set(delays) == {"court", "moyen", "long"}
    assert set(Counter(c.maintenance for c in deck.cards)) >= {0, 1, 2}


def test_nature_relations_and_budget_force_choices(decks: dict[str, Any]) -> None:
    deck = _strategy(decks)
    relations = [(c.id, "requires", o) for c in deck.cards for o in c.requires]
    relations += [(c.id, "excludes", o) for c in deck.cards for o in c.excludes]
    assert len(relations) >= 3
    assert any(kind == "requires" for _, kind, _ in relations)
    assert any(kind == "excludes" for _, kind, _ in relations)
    for card in deck.cards:  # an exclusion reads the same from both cards
        for other in card.excludes:
            assert card.id in deck.card(other).excludes, (card.id, other)
    budget = deck.strategy.budget
    total = sum(c.cost for c in deck.cards)
    assert total >= 2.5 * budget, (total, budget)
    assert all(c.cost <= budget for c in deck.cards), "every card must be affordable on its own"
    # A table cannot take every strong card at once.
    strong = [c for c in deck.cards if sum(max(v, 0) for v in c.effects.values()) >= 7]
    assert sum(c.cost for c in strong) > budget


def test_nature_trade_offs_are_realistic(decks: dict[str, Any]) -> None:
    deck = _strategy(decks)
    roofs = deck.card("toitures-vegetalisees")
    trees = deck.card("arbres-rues")
    assert roofs.cost >= 5 and roofs.effects["chaleur"] <= 1  # costly, small effect in the street
    assert trees.effects["chaleur"] == 2 and trees.delay == "long"  # strong but slow
    square = deck.card("place-desimpermeabilisee")  # parking removed from the main square
    assert square.effects["acceptation"] < 0 and square.effects["attractivite"] < 0
    mowing = deck.card("gestion-differenciee")
    assert mowing.cost == 1 and mowing.effects["biodiversite"] == 2 and mowing.effects["acceptation"] < 0
    fountains = deck.card("fontaines-brumisateurs")  # drinking water used to cool, no rain managed
    assert fountains.effects["ressource"] < 0 and fountains.effects["eau"] == 0
    assert any(v < 0 for c in deck.cards for v in c.effects.values())
    header = (SCENARIOS / "nature-en-ville.yaml").read_text("utf-8").split("format:")[0]
    assert "inspirées de la\n# mécanique de jeux comparables" in header and "pas le kit" in header
    assert "pas le kit" not in deck.description  # an author's note, not a deliverable's


def test_nature_water_axes_are_split(decks: dict[str, Any]) -> None:
    """Review decks.md §3.4: stormwater (« eau ») and the water resource (« ressource ») are two axes; a card
    that saves or uses drinking water moves the second, not the first."""
    deck = _strategy(decks)
    axes = {a.id: a for a in deck.compass.axes}
    assert axes["eau"].label == "Gestion des eaux pluviales" and "potable" not in axes["eau"].description
    assert "potable" in axes["ressource"].description
    rain = deck.card("recuperation-pluie")  # it « stocke peu au regard des pluies d’orage »
    assert rain.effects["ressource"] > 0 and rain.effects["eau"] == 0
    assert any(c.effects.get("ressource", 0) < 0 for c in deck.cards if c.id != "fontaines-brumisateurs")
    assert all("ressource" in c.effects for c in deck.cards)  # every card says, even when it is 0


def _sentences(text: str) -> int:
    return len(re.findall(r"[.?!…](?=[\s\u00a0]|$)", text))


def _luminance(colour: str) -> float:
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_interviews_are_read_by_the_interviewer_not_self_assessed(decks: dict[str, Any]) -> None:
    """Entretiens: the person who leads the interview rates each lever (review decks.md §4.2), so its notes
    never call the marks the groups' self-assessment."""
    note = _questions(decks, "entretiens-boussole").compass.source_note
    assert "autoévaluation" not in note and "la personne qui les mène" in note
