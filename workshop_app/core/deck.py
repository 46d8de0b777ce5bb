"""The deck model: what a scenario deck declares, validated by pydantic.

A deck is data. It is loaded from YAML with safe loading only (see ``deck_loader``) and checked here: ids are
unique, every reference resolves, sizes are bounded. The JSON Schema published in ``scenarios/`` is generated
from these models (``atelier schema``), so the two cannot drift apart.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from workshop_app.core import deck_subject as _subject
from workshop_app.core import deck_synergy as _synergy
from workshop_app.core.deck_compass import MAX_AXES, MAX_LEVERS_PER_AXIS, Axis, Compass, LabelSource, Lever
from workshop_app.core.deck_parts import (
    AUTHOR_NOTES,
    CARD_SECTION,
    CARD_SOURCE,
    MAX_CARDS,
    MAX_SECTIONS,
    MAX_SUBSETS,
    MAX_TEXT,
    MAX_TITLE,
    Citation,
    Identifier,
    Int,
    Number,
    Section,
    Subset,
    Text,
    Title,
)
from workshop_app.core.deck_parts import Strict_ as _Strict

# Re-exported: the limits and the compass are part of the deck model's public face.
__all__ = [
    "MAX_AXES", "MAX_CARDS", "MAX_LEVERS_PER_AXIS", "MAX_TEXT", "MAX_TITLE",
    "Axis", "LabelSource", "Lever", "Section", "Subset",
]  # fmt: skip

MAX_SCALE = 12
MAX_BUDGET = 100_000

_LEVER_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")


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


class ScaleOption(_Strict):
    id: Identifier = Field(description="Identifiant du niveau, cité par les descriptions propres aux cartes.")
    label: Title = Field(description="Libellé du niveau, affiché sur les boutons de vote.")
    # ``None`` means "non concerné" (or « ne sait pas » with ``unknown``): it drops out of the score.
    value: Number | None = Field(
        description="Valeur du niveau ; vide (null) : « non concerné » ou « ne sait pas », hors du score."
    )
    description: Text = Field("", description="Ce que veut dire ce niveau pour toutes les cartes.")
    key: Annotated[str, Field(max_length=1)] = Field(
        "", description="Touche du clavier qui enregistre ce niveau (sinon son chiffre, N ou ?)."
    )
    unknown: bool = Field(
        False,
        description="« Ne sait pas » : réponse enregistrée mais comptée comme sans réponse dans la "
        "couverture (la valeur doit être vide).",
    )


class LeverLink(_Strict):
    """A question card informs a lever (or an axis without levers) with a weight."""

    lever: Identifier = Field(description="Identifiant du levier (ou de l’axe sans levier) renseigné.")
    weight: Annotated[Number, Field(gt=0, le=10)] = Field(1.0, description="Poids de la carte pour ce levier")


class QuestionCard(_Strict):
    id: Identifier = Field(description="Identifiant de la carte, unique dans le jeu.")
    title: Title = Field(description="Titre de la carte, affiché en grand.")
    prompt: Text = Field(description="La question ou le scénario, lu aux tables.")
    help: Text = Field("", description="Aide pour l’animateur (relances, exemples), jamais projetée.")
    theme: Annotated[str, Field(max_length=80)] = Field("", description="Thème court (étiquette).")
    informs: Annotated[list[LeverLink], Field(min_length=1, max_length=8)] = Field(
        description="Les leviers que la carte renseigne, avec leur poids."
    )
    levels: dict[Identifier, Text] = Field(
        {},
        description="Description propre à la carte de chaque niveau de l’échelle (clé : identifiant du "
        "niveau) ; montrée aux tables et dans le compte-rendu.",
    )
    source: Citation = Field("", description=CARD_SOURCE)
    section: Annotated[str, Field(max_length=64)] = Field("", description=CARD_SECTION)
    author_notes: Text = Field("", description=AUTHOR_NOTES)


class StrategyCard(_Strict):
    id: Identifier = Field(description="Identifiant de la carte, unique dans le jeu.")
    title: Title = Field(description="Titre de la carte (l’action), affiché en grand.")
    prompt: Text = Field(description="Ce que fait l’action, lu aux tables.")
    help: Text = Field("", description="Aide pour l’animateur, jamais projetée.")
    theme: Annotated[str, Field(max_length=80)] = Field("", description="Thème court (étiquette).")
    cost: Annotated[Int, Field(ge=0, le=MAX_BUDGET)] = Field(description="Coût en unités de budget.")
    delay: Delay = Field(description="Délai avant effet : court, moyen ou long.")
    effects: dict[str, Annotated[Int, Field(ge=-2, le=2)]] = Field(
        description="Effet sur chaque axe (identifiant de l’axe : de −2 à +2)."
    )
    maintenance: Annotated[Int, Field(ge=0, le=3)] = Field(0, description="Charge d’entretien, de 0 à 3.")
    requires: list[Identifier] = Field([], description="Cartes qu’il faut aussi retenir.")
    excludes: list[Identifier] = Field([], description="Cartes incompatibles avec celle-ci.")
    source: Citation = Field("", description=CARD_SOURCE)
    section: Annotated[str, Field(max_length=64)] = Field("", description=CARD_SECTION)
    author_notes: Text = Field("", description=AUTHOR_NOTES)


class StrategyRules(_Strict):
    budget: Annotated[Int, Field(gt=0, le=MAX_BUDGET)] = Field(description="Budget de chaque table.")
    budget_unit: Annotated[str, Field(max_length=30)] = Field("points", description="Unité du budget.")
    maintenance_budget: Annotated[Int, Field(gt=0, le=MAX_BUDGET)] | None = Field(
        None,
        description="Charge d’entretien que chaque table peut assumer : la somme des entretiens (0–3) des "
        "cartes retenues ne doit pas la dépasser. Sans limite si absent.",
    )


class _DeckBase(_Strict):
    format: Literal[1] = Field(1, description="Version du format de fichier (1).")
    id: Identifier = Field(description="Identifiant du jeu, unique parmi vos jeux.")
    title: Title = Field(description="Titre du jeu.")
    version: Annotated[str, Field(min_length=1, max_length=30)] = Field(
        description="Version du jeu (par exemple « 1.0 ») ; l’éditeur l’augmente à chaque enregistrement."
    )
    language: Annotated[str, Field(pattern=r"^[a-z]{2}(-[A-Z]{2})?$")] = Field(
        "fr", description="Langue du jeu (fr, fr-FR…)."
    )
    description: Text = Field("", description="Présentation du jeu, imprimée dans le compte-rendu.")
    authors: Annotated[str, Field(max_length=MAX_TITLE)] = Field("", description="Auteurs du jeu.")
    compass: Compass = Field(description="La boussole que le jeu renseigne.")
    sections: Annotated[list[Section], Field(max_length=MAX_SECTIONS)] = Field(
        [], description="Sections qui regroupent les cartes (facultatif)."
    )
    subsets: Annotated[list[Subset], Field(max_length=MAX_SUBSETS)] = Field(
        [], description="Sous-ensembles nommés (par exemple une version courte), choisis à la préparation."
    )
    subset: Annotated[str, Field(max_length=64)] = Field(
        "",
        description="Rempli par l’application quand un atelier ne joue qu’un sous-ensemble : son "
        "identifiant. Laissez vide.",
    )
    author_notes: Text = Field("", description=AUTHOR_NOTES)

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

    def _check_sections_and_subsets(self, cards: list[Any]) -> None:
        """Sections and subsets name cards that exist; a card's section is one the deck declares."""
        section_ids: set[str] = set()
        for i, section in enumerate(self.sections):
            _unique(section_ids, section.id, f"sections[{i}].id")
        ids = [c.id for c in cards]
        for i, card in enumerate(cards):
            if card.section and card.section not in section_ids:
                known = ", ".join(sorted(section_ids)) or "aucune section déclarée"
                raise DeckRuleError(
                    f"cards[{i}].section",
                    f"section inconnue « {card.section} » ; sections possibles : {known}",
                )
        subset_ids: set[str] = set()
        for i, subset in enumerate(self.subsets):
            _unique(subset_ids, subset.id, f"subsets[{i}].id")
            chosen: set[str] = set()
            for j, card_id in enumerate(subset.cards):
                if card_id not in ids:
                    raise DeckRuleError(f"subsets[{i}].cards[{j}]", f"carte inconnue « {card_id} »")
                _unique(chosen, card_id, f"subsets[{i}].cards[{j}]", "carte")
        if self.subset and self.subset not in subset_ids:
            raise DeckRuleError("subset", f"sous-ensemble inconnu « {self.subset} »")

    @property
    def subset_title(self) -> str:
        """The title of the subset this (restricted) deck plays, or ""."""
        return next((s.title for s in self.subsets if s.id == self.subset), "")

    def section_title(self, section_id: str) -> str:
        return next((s.title for s in self.sections if s.id == section_id), "")


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
    mechanic: Literal[Mechanic.QUESTIONS] = Field(
        description="« questions » : chaque carte se répond sur l’échelle du jeu."
    )
    scale: Annotated[list[ScaleOption], Field(min_length=2, max_length=MAX_SCALE)] = Field(
        description="L’échelle de réponse, du niveau le plus bas au plus haut."
    )
    cards: Annotated[list[QuestionCard], Field(min_length=1, max_length=MAX_CARDS)] = Field(
        description="Les cartes, dans l’ordre du jeu."
    )
    subject: _subject.SubjectSpec | None = Field(None, description=_subject.SUBJECT)
    reading: _subject.ScoreReading = Field(_subject.ScoreReading.PERCENT, description=_subject.READING)
    cobuilt: _subject.CoBuiltSpec | None = Field(None, description=_subject.COBUILT)

    @model_validator(mode="after")
    def _check_references(self) -> QuestionDeck:
        self._check_compass()
        scale_ids: set[str] = set()
        keys: set[str] = set()
        for i, option in enumerate(self.scale):
            _unique(scale_ids, option.id, f"scale[{i}].id")
            if option.key:
                _unique(keys, option.key, f"scale[{i}].key", "touche")
            if option.unknown and option.value is not None:
                raise DeckRuleError(
                    f"scale[{i}].value",
                    "un niveau « ne sait pas » (unknown) n’a pas de valeur : laissez-la vide",
                )
        values = [o.value for o in self.scale if o.value is not None]
        if len(set(values)) < 2:
            raise DeckRuleError("scale", "l’échelle doit avoir au moins deux valeurs numériques différentes")
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
            for level in card.levels:
                if level not in scale_ids:
                    raise DeckRuleError(
                        f"cards[{i}].levels.{level}",
                        f"niveau inconnu « {level} » ; niveaux possibles : {', '.join(scale_ids)}",
                    )
        self._check_sections_and_subsets(self.cards)
        try:
            _subject.check_subject(self.subject, self.scale_min, self.scale_max, self.reading)
            _subject.check_cobuilt(self)
        except _subject.SubjectRuleError as error:
            raise DeckRuleError(error.where, error.message) from None
        return self

    def card_levels(self, card: QuestionCard) -> list[tuple[ScaleOption, str]]:
        """The card's own description of each level, in scale order (levels it does not describe left out)."""
        return [(o, card.levels[o.id]) for o in self.scale if card.levels.get(o.id)]

    def unknown_ids(self) -> frozenset[str]:
        return frozenset(o.id for o in self.scale if o.unknown)

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
    mechanic: Literal[Mechanic.STRATEGY] = Field(
        description="« strategy » : chaque table retient des cartes sous un budget."
    )
    strategy: StrategyRules = Field(description="Les règles du jeu de stratégie (budget).")
    cards: Annotated[list[StrategyCard], Field(min_length=1, max_length=MAX_CARDS)] = Field(
        description="Les cartes (actions), dans l’ordre du jeu."
    )
    synergies: Annotated[list[_synergy.Synergy], Field(max_length=_synergy.MAX_SYNERGIES)] = Field(
        [], description=_synergy.SYNERGIES
    )

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
        self._check_sections_and_subsets(self.cards)
        for i, subset in enumerate(self.subsets):
            chosen = set(subset.cards)
            for card_id in subset.cards:
                missing = [r for r in self.card(card_id).requires if r not in chosen]
                if missing:
                    raise DeckRuleError(
                        f"subsets[{i}].cards",
                        f"« {card_id} » demande « {missing[0]} », absente de ce sous-ensemble",
                    )
        try:
            _synergy.check_synergies(self.synergies, self.cards, axes)
        except _synergy.SynergyRuleError as error:
            raise DeckRuleError(error.where, error.message) from None
        return self

    def card(self, card_id: str) -> StrategyCard:
        for c in self.cards:
            if c.id == card_id:
                return c
        raise KeyError(card_id)


Deck = Annotated[QuestionDeck | StrategyDeck, Field(discriminator="mechanic")]


def card_ids(deck: QuestionDeck | StrategyDeck) -> list[str]:
    return [c.id for c in deck.cards]
