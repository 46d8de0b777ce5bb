"""How the table of « where the tables differ most » names its rows and writes its figures, in the deck's
own terms: levers scored on 100 for the Boussole's questions, but a project rated −2…+2 reads « −1,5 » and
« +1 » on its principles, and a decision grid names its criteria. A « 0/100 » under « Levier » for a
project rated −2 would tell an elected official something nobody said."""

from __future__ import annotations

from dataclasses import dataclass

from workshop_app.core.deck import QuestionDeck, StrategyDeck
from workshop_app.core.deck_subject import ScoreReading
from workshop_app.core.findings import score_text
from workshop_app.core.subjects import format_value


@dataclass(frozen=True)
class SpreadWords:
    column: str  # « Levier », « Principe », « Critère », « Axe »
    title: str  # « Leviers sur lesquels les tables s’écartent le plus »
    plural: str = "Leviers"  # what a card informs, in the card tables: « Leviers : … », « Principes : … »
    low: float = 0.0  # the deck's scale, when its figures are read on it (``on_scale``)
    high: float = 100.0
    on_scale: bool = False

    def value(self, percent: float) -> str:
        """A table's score: « 60/100 », or on the deck's scale « −1,5 » / « +2 » / « 2,5 »."""
        if not self.on_scale:
            return score_text(percent)
        return format_value(self.low + percent * (self.high - self.low) / 100.0, True, plus=self.low < 0)

    def gap(self, percent: float) -> str:
        """The distance between the lowest and the highest table: « 35 points », or « 1,5 niveau » on the
        scale (the rule under the table counts in points on 100 and in levels: never a bare number)."""
        if not self.on_scale:
            return f"{round(percent)}\u00a0points"
        levels = percent * (self.high - self.low) / 100.0
        unit = "niveau" if abs(levels) < 2 else "niveaux"
        return f"{format_value(levels, True, plus=False)}\u00a0{unit}"


def spread_words(deck: QuestionDeck | StrategyDeck) -> SpreadWords:
    if isinstance(deck, QuestionDeck) and any(a.levers for a in deck.compass.axes):
        singular, plural = "Levier", "Leviers"
    elif isinstance(deck, QuestionDeck) and deck.cobuilt is not None:
        singular, plural = "Critère", "Critères"
    elif deck.compass.name.startswith("Boussole"):
        singular, plural = "Principe", "Principes"
    else:
        singular, plural = "Axe", "Axes"
    title = f"{plural} sur lesquels les tables s’écartent le plus"
    if isinstance(deck, QuestionDeck) and deck.reading is ScoreReading.SCALE:
        return SpreadWords(singular, title, plural, deck.scale_min, deck.scale_max, on_scale=True)
    return SpreadWords(singular, title, plural)
