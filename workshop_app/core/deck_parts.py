"""Shared field types and the small parts of a deck that both mechanics have: sections and named subsets.

Every field carries a French description: it becomes the JSON Schema's hover help in an editor and the
explanation sheet of a deck's workbook (see ``deck_sheet_write``).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, Strict

MAX_CARDS = 300
MAX_TITLE = 200
MAX_TEXT = 4000
MAX_CITATION = 500
MAX_SECTIONS = 40
MAX_SUBSETS = 20

Identifier = Annotated[
    str,
    Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$"),
]
Title = Annotated[str, Field(min_length=1, max_length=MAX_TITLE)]
Text = Annotated[str, Field(max_length=MAX_TEXT)]
Citation = Annotated[str, Field(max_length=MAX_CITATION)]
Colour = Annotated[str, Field(pattern=r"^#[0-9A-Fa-f]{6}$")]
# Numbers are strict: YAML's ``true`` or a quoted "3" is a mistake in a deck, not a number.
Int = Annotated[int, Strict()]
Number = Annotated[float, Strict()]  # an int is accepted too

AUTHOR_NOTES = (
    "Notes pour les auteurs du jeu (ce qui reste à vérifier, d’où vient un chiffre…) : jamais affichées "
    "pendant l’atelier ni imprimées dans le compte-rendu ou sur les cartes."
)
CARD_SOURCE = (
    "Source ou citation du texte de la carte (document, page, version, traduction…), imprimée avec la carte."
)
LABEL_SOURCE = "« officiel » : libellé repris mot pour mot du référentiel ; « atelier » : notre formulation."
CARD_SECTION = "Identifiant de la section (voir « sections ») où se range la carte ; vide : aucune."


class Strict_(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Section(Strict_):
    """A heading that groups cards (e.g. the ten « Essentials » of a referential)."""

    id: Identifier = Field(description="Identifiant de la section, cité par le champ « section » des cartes.")
    title: Title = Field(description="Titre de la section, affiché au-dessus de ses cartes.")
    description: Text = Field("", description="Texte d’introduction de la section (facultatif).")


class Subset(Strict_):
    """A named shorter edition of the deck, chosen when the workshop is set up."""

    id: Identifier = Field(description="Identifiant du sous-ensemble.")
    title: Title = Field(description="Nom proposé à l’animateur, par exemple « version courte — 12 cartes ».")
    description: Text = Field("", description="Quand choisir ce sous-ensemble (facultatif).")
    cards: Annotated[list[Identifier], Field(min_length=1, max_length=MAX_CARDS)] = Field(
        description="Identifiants des cartes retenues ; elles se jouent dans l’ordre du jeu complet."
    )
