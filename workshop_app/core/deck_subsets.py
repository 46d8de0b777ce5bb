"""Playing a named subset of a deck (« version courte — 12 cartes »), chosen when a workshop is set up."""

from __future__ import annotations

from workshop_app.core.deck import QuestionDeck, StrategyDeck


def restrict_to_subset(deck: QuestionDeck | StrategyDeck, subset_id: str) -> QuestionDeck | StrategyDeck:
    """The deck as a workshop plays it with one named subset: only its cards, in the deck's order.

    The result is a valid deck of its own (its ``subset`` names the subset), so a workshop's snapshot of it
    plays, scores and prints like any deck.
    """
    subset = next((s for s in deck.subsets if s.id == subset_id), None)
    if subset is None:
        raise KeyError(subset_id)
    chosen = set(subset.cards)
    data = deck.model_dump(mode="json")
    data["cards"] = [c for c in data["cards"] if c["id"] in chosen]
    for card in data["cards"]:
        if "excludes" in card:
            card["excludes"] = [x for x in card["excludes"] if x in chosen]
    if "synergies" in data:  # a synergy plays only when both its cards are in the subset
        data["synergies"] = [s for s in data["synergies"] if set(s["cards"]) <= chosen]
    data["subsets"] = [subset.model_dump(mode="json")]
    data["subset"] = subset.id
    used = {c.get("section", "") for c in data["cards"]}
    data["sections"] = [s for s in data["sections"] if s["id"] in used]
    return type(deck).model_validate(data)
