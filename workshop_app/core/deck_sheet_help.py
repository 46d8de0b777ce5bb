"""The explanation sheet of a deck's workbook, built from the deck model's own field descriptions."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from workshop_app.core import deck_sheet_layout as L
from workshop_app.core.deck import (
    Axis,
    Compass,
    QuestionCard,
    QuestionDeck,
    ScaleOption,
    Section,
    StrategyCard,
    StrategyDeck,
    StrategyRules,
    Subset,
)

_SPECIAL = {
    "type": "« axe » pour un axe (un principe), « levier » pour un levier : un levier appartient à l’axe "
    "écrit au-dessus de lui.",
    "lever": "Identifiant d’un levier (ou d’un axe sans levier) que la carte renseigne : choisissez-le dans "
    "la liste (feuille « Boussole »).",
    "weight": "Poids de la carte pour ce levier (vide : 1).",
    "level": "Ce que veut dire ce niveau de l’échelle pour cette carte : montré aux tables et imprimé dans "
    "le compte-rendu. La colonne « Niveau 0 : … » décrit le niveau d’identifiant 0 (feuille « Échelle »).",
    "card": "Identifiant de la carte (feuille « Cartes »). Une colonne par axe, titrée par l’identifiant de "
    "l’axe : l’effet de la carte sur cet axe, de −2 à 2 (vide : aucun effet).",
    "synergy": "Deux cartes qui se renforcent : « Carte » et « Avec » (identifiants de la feuille "
    "« Cartes »), « Raison » en une phrase, puis une colonne par axe, titrée par l’identifiant de "
    "l’axe : l’effet supplémentaire quand une table retient les deux cartes, de −2 à 2 (vide : "
    "aucun). Il s’ajoute une fois et ne change ni le budget ni l’entretien.",
}


def _description(model: type[BaseModel], key: str) -> str:
    field = model.model_fields.get(key)
    return (field.description or "") if field is not None else ""


def deck_row_help(column: L.Column) -> str:
    head, _, rest = column.key.partition(".")
    if head == "compass":
        return _description(Compass, rest)
    if head == "strategy":
        return _description(StrategyRules, rest)
    if column.key == "mechanic":
        return "« questions » (chaque carte se répond sur l’échelle) ou « strategy » (actions, budget)."
    return _description(QuestionDeck, column.key)


# The compass sheet holds axes and levers, one row each: its columns speak of both.
_COMPASS = {
    "id": "Identifiant de l’axe (p1…) ou du levier (1.1…), cité par les cartes.",
    "label": "Libellé complet de l’axe ou du levier.",
    "short": "Libellé court d’un axe, affiché sur la boussole (facultatif ; pas pour un levier).",
    "colour": "Couleur d’un axe, au format #RRGGBB (pas pour un levier).",
    "description": "Explication de l’axe ou du levier (facultatif).",
}


def column_help(model: type[BaseModel], column: L.Column) -> str:
    if model is Axis and column.key in _COMPASS:
        return _COMPASS[column.key]
    for prefix in ("lever", "weight", "level", "type", "card"):
        if column.key.startswith(prefix) and column.key not in model.model_fields:
            return _SPECIAL[prefix]
    return _description(model, column.key)


def explanation_rows(mechanic: str) -> Iterator[tuple[str, ...]]:
    strategy = mechanic == "strategy"
    yield ("Jeu de cartes Atelier Résilience — mode d’emploi du classeur",)
    yield (
        "",
        "",
        "Remplissez les feuilles, puis importez le classeur dans Atelier Résilience (page d’accueil, « "
        "Importer un jeu (YAML ou tableur)… », ou glissez le fichier) ou en ligne de commande : atelier "
        "deck from-sheet FICHIER.xlsx -o JEU.yaml. Les erreurs citent la feuille, la ligne et la colonne."
        " Un classeur est lu comme des données : les formules sont lues comme leur valeur (jamais "
        "recalculées), les macros sont ignorées. La première ligne de chaque feuille porte les titres de "
        "colonnes : ne la modifiez pas. Les listes (« ; » entre deux identifiants) acceptent aussi « , ».",
    )
    yield ("",)
    sheets: list[tuple[str, type[BaseModel], tuple[L.Column, ...]]] = [
        (L.DECK, QuestionDeck, L.DECK_ROWS),
        (L.COMPASS, Axis, L.COMPASS_COLUMNS),
    ]
    card_model: type[BaseModel] = StrategyCard if strategy else QuestionCard
    if strategy:
        cards = (*L.STRATEGY_COLUMNS, *L.CARD_END_COLUMNS)
    else:
        sheets.append((L.SCALE, ScaleOption, L.SCALE_COLUMNS))
        cards = (
            *L.QUESTION_COLUMNS,
            L.Column("Levier 1, Levier 2…", "lever"),
            L.Column("Poids 1, Poids 2…", "weight"),
            L.Column("Niveau 0 : …, Niveau 1 : …", "level"),
            *L.CARD_END_COLUMNS,
        )
    sheets.append((L.CARDS, card_model, cards))
    if strategy:
        sheets.append((L.EFFECTS, StrategyDeck, (L.EFFECT_CARD,)))
    sheets += [(L.SECTIONS, Section, L.SECTION_COLUMNS), (L.SUBSETS, Subset, L.SUBSET_COLUMNS)]
    yield ("Feuille", "Colonne", "Ce qu’elle contient")
    for name, model, columns in sheets:
        for column in columns:
            text = deck_row_help(column) if name == L.DECK else column_help(model, column)
            mark = " (obligatoire)" if column.required else ""
            yield (name, column.header + mark, text)
    if strategy:
        yield (L.SYNERGIES, "Carte, Avec, Raison, puis un axe par colonne", _SPECIAL["synergy"])
