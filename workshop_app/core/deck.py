"""The deck model: what a scenario deck declares, validated by pydantic.

A deck is data. It is loaded from YAML with safe loading only (see ``deck_loader``) and checked here: ids are
unique, every reference resolves, sizes are bounded. The JSON Schema published in ``scenarios/`` is generated
from these models (``atelier schema``), so the two cannot drift apart.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, Strict, model_validator

MAX_CARDS = 300
MAX_AXES = 24
MAX_LEVERS_PER_AXIS = 12
MAX_SCALE = 12
MAX_TITLE = 200
MAX_TEXT = 4000
MAX_BUDGET = 100_000

Identifier = Annotated[
    str,
    Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$"),
]
Title = Annotated[str, Field(min_length=1, max_length=MAX_TITLE)]
Text = Annotated[str, Field(max_length=MAX_TEXT)]
Colour = Annotated[str, Field(pattern=r"^#[0-9A-Fa-f]{6}$")]
# Numbers are strict: YAML's ``true`` or a quoted "3" is a mistake in a deck, not a number.
Int = Annotated[int, Strict()]
Number = Annotated[float, Strict()]  # an int is accepted too

_LEVER_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")


class LabelSource(StrEnum):
    """Where a label's wording comes from, so a facilitator holding the cahier knows what to check."""

    OFFICIAL = "officiel"  # verbatim from the published framework
    OURS = "atelier"  # our own wording of a theme the framework names


class Mechanic(StrEnum):
    QUESTIONS = "questions"
    STRATEGY = "strategy"


class Delay(StrEnum):
    SHORT = "court"
    MEDIUM = "moyen"
    LONG = "long"


DELAY_LABELS: dict[Delay, str] = {
    Delay.SHORT: "court terme",
    Delay.MEDIUM: "moyen terme",
    Delay.LONG: "long terme",
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Lever(_Strict):
    id: Identifier
    label: Title
    source: LabelSource = LabelSource.OURS
    description: Text = ""


class Axis(_Strict):
    id: Identifier
    label: Title
    short: Annotated[str, Field(max_length=60)] = ""
    colour: Colour = "#4C72B0"
    source: LabelSource = LabelSource.OURS
    description: Text = ""
    levers: Annotated[list[Lever], Field(max_length=MAX_LEVERS_PER_AXIS)] = []

    @property
    def display(self) -> str:
        return self.short or self.label


class Compass(_Strict):
    name: Title
    source_note: Text = ""
    axes: Annotated[list[Axis], Field(min_length=1, max_length=MAX_AXES)]


class ScaleOption(_Strict):
    id: Identifier
    label: Title
    # ``None`` means "non concerné": the answer is recorded but drops out of the score's denominator.
    value: Number | None
    description: Text = ""
    key: Annotated[str, Field(max_length=1)] = ""


class LeverLink(_Strict):
    """A question card informs a lever (or an axis without levers) with a weight."""

    lever: Identifier
    weight: Annotated[Number, Field(gt=0, le=10)] = 1.0


class QuestionCard(_Strict):
    id: Identifier
    title: Title
    prompt: Text
    help: Text = ""
    theme: Annotated[str, Field(max_length=80)] = ""
    informs: Annotated[list[LeverLink], Field(min_length=1, max_length=8)]


class StrategyCard(_Strict):
    id: Identifier
    title: Title
    prompt: Text
    help: Text = ""
    theme: Annotated[str, Field(max_length=80)] = ""
    cost: Annotated[Int, Field(ge=0, le=MAX_BUDGET)]
    delay: Delay
    effects: dict[str, Annotated[Int, Field(ge=-2, le=2)]]
    maintenance: Annotated[Int, Field(ge=0, le=3)] = 0
    requires: list[Identifier] = []
    excludes: list[Identifier] = []


class StrategyRules(_Strict):
    budget: Annotated[Int, Field(gt=0, le=MAX_BUDGET)]
    budget_unit: Annotated[str, Field(max_length=30)] = "points"


class _DeckBase(_Strict):
    format: Literal[1] = 1
    id: Identifier
    title: Title
    version: Annotated[str, Field(min_length=1, max_length=30)]
    language: Annotated[str, Field(pattern=r"^[a-z]{2}(-[A-Z]{2})?$")] = "fr"
    description: Text = ""
    authors: Annotated[str, Field(max_length=MAX_TITLE)] = ""
    compass: Compass

    def axis_ids(self) -> list[str]:
        return [a.id for a in self.compass.axes]

    def lever_ids(self) -> list[str]:
        return [lv.id for a in self.compass.axes for lv in a.levers]

    def axis_of(self, target_id: str) -> str:
        """The axis a lever (or an axis id itself) belongs to."""
        for axis in self.compass.axes:
            if axis.id == target_id or any(lv.id == target_id for lv in axis.levers):
                return axis.id
        raise KeyError(target_id)

    def lever_label(self, target_id: str) -> str:
        for axis in self.compass.axes:
            if axis.id == target_id:
                return axis.label
            for lever in axis.levers:
                if lever.id == target_id:
                    return lever.label
        raise KeyError(target_id)

    def _check_compass(self) -> None:
        seen: set[str] = set()
        for i, axis in enumerate(self.compass.axes):
            _unique(seen, axis.id, f"compass.axes[{i}].id")
            for j, lever in enumerate(axis.levers):
                _unique(seen, lever.id, f"compass.axes[{i}].levers[{j}].id")


def _unique(seen: set[str], value: str, where: str, what: str = "identifiant") -> None:
    if value in seen:
        raise DeckRuleError(where, f"{what} en double « {value} »")
    seen.add(value)


class DeckRuleError(ValueError):
    """A cross-reference or uniqueness rule failed; ``where`` is the field path, e.g. ``cards[3].effects``."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


class QuestionDeck(_DeckBase):
    mechanic: Literal[Mechanic.QUESTIONS]
    scale: Annotated[list[ScaleOption], Field(min_length=2, max_length=MAX_SCALE)]
    cards: Annotated[list[QuestionCard], Field(min_length=1, max_length=MAX_CARDS)]

    @model_validator(mode="after")
    def _check_references(self) -> QuestionDeck:
        self._check_compass()
        scale_ids: set[str] = set()
        keys: set[str] = set()
        for i, option in enumerate(self.scale):
            _unique(scale_ids, option.id, f"scale[{i}].id")
            if option.key:
                _unique(keys, option.key, f"scale[{i}].key", "touche")
        values = [o.value for o in self.scale if o.value is not None]
        if len(set(values)) < 2:
            raise DeckRuleError("scale", "l'échelle doit avoir au moins deux valeurs numériques différentes")
        targets = set(self.lever_ids()) | {a.id for a in self.compass.axes if not a.levers}
        card_ids: set[str] = set()
        for i, card in enumerate(self.cards):
            _unique(card_ids, card.id, f"cards[{i}].id")
            informed: set[str] = set()
            for j, link in enumerate(card.informs):
                if link.lever not in targets:
                    raise DeckRuleError(
                        f"cards[{i}].informs[{j}].lever",
                        f"levier inconnu « {link.lever} » ; leviers possibles : {', '.join(sorted(targets))}",
                    )
                _unique(informed, link.lever, f"cards[{i}].informs[{j}].lever", "levier")
        return self

    @property
    def scale_min(self) -> float:
        return min(o.value for o in self.scale if o.value is not None)

    @property
    def scale_max(self) -> float:
        return max(o.value for o in self.scale if o.value is not None)

    def option(self, option_id: str) -> ScaleOption:
        for o in self.scale:
            if o.id == option_id:
                return o
        raise KeyError(option_id)


class StrategyDeck(_DeckBase):
    mechanic: Literal[Mechanic.STRATEGY]
    strategy: StrategyRules
    cards: Annotated[list[StrategyCard], Field(min_length=1, max_length=MAX_CARDS)]

    @model_validator(mode="after")
    def _check_references(self) -> StrategyDeck:
        self._check_compass()
        axes = self.axis_ids()
        card_ids: set[str] = set()
        for i, card in enumerate(self.cards):
            _unique(card_ids, card.id, f"cards[{i}].id")
        for i, card in enumerate(self.cards):
            for axis_id in card.effects:
                if axis_id not in axes:
                    raise DeckRuleError(
                        f"cards[{i}].effects.{axis_id}",
                        f"axe inconnu « {axis_id} » ; axes possibles : {', '.join(axes)}",
                    )
            for field in ("requires", "excludes"):
                for j, other in enumerate(getattr(card, field)):
                    where = f"cards[{i}].{field}[{j}]"
                    if other not in card_ids:
                        raise DeckRuleError(where, f"carte inconnue « {other} »")
                    if other == card.id:
                        raise DeckRuleError(where, "une carte ne peut se citer elle-même")
                    if field == "excludes" and other in card.requires:
                        raise DeckRuleError(where, f"« {other} » est à la fois demandée et exclue")
        return self

    def card(self, card_id: str) -> StrategyCard:
        for c in self.cards:
            if c.id == card_id:
                return c
        raise KeyError(card_id)


Deck = Annotated[QuestionDeck | StrategyDeck, Field(discriminator="mechanic")]


def card_ids(deck: QuestionDeck | StrategyDeck) -> list[str]:
    return [c.id for c in deck.cards]
