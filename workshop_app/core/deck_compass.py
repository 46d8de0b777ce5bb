"""The compass a deck is read on: its axes (principles) and their levers, each label marked official or ours.

Part of the deck model (:mod:`workshop_app.core.deck` re-exports it), kept apart because a compass is shared
by decks of both mechanics and compared across workshops.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field

from workshop_app.core.deck_parts import LABEL_SOURCE, Colour, Identifier, Text, Title
from workshop_app.core.deck_parts import Strict_ as _Strict

MAX_AXES = 24
MAX_LEVERS_PER_AXIS = 12


class LabelSource(StrEnum):
    """Where a label's wording comes from, so a facilitator holding the cahier knows what to check."""

    OFFICIAL = "officiel"  # verbatim from the published framework
    OURS = "atelier"  # our own wording of a theme the framework names


class Lever(_Strict):
    id: Identifier = Field(description="Identifiant du levier (par exemple « 1.1 »), cité par les cartes.")
    label: Title = Field(description="Libellé du levier.")
    source: LabelSource = Field(LabelSource.OURS, description=LABEL_SOURCE)
    description: Text = Field("", description="Explication du levier (facultatif).")


class Axis(_Strict):
    id: Identifier = Field(description="Identifiant de l’axe (principe), par exemple « p1 ».")
    label: Title = Field(description="Libellé complet de l’axe.")
    short: Annotated[str, Field(max_length=60)] = Field(
        "", description="Libellé court, affiché sur la boussole (facultatif)."
    )
    colour: Colour = Field("#4C72B0", description="Couleur de l’axe, au format #RRGGBB.")
    source: LabelSource = Field(LabelSource.OURS, description=LABEL_SOURCE)
    description: Text = Field("", description="Explication de l’axe (facultatif).")
    levers: Annotated[list[Lever], Field(max_length=MAX_LEVERS_PER_AXIS)] = Field(
        [], description="Les leviers de l’axe ; sans levier, les cartes renseignent l’axe lui-même."
    )

    @property
    def display(self) -> str:
        return self.short or self.label


class Compass(_Strict):
    name: Title = Field(description="Nom de la boussole (le référentiel de lecture).")
    source_note: Text = Field("", description="D’où viennent les libellés, et ce qu’il faut vérifier.")
    axes: Annotated[list[Axis], Field(min_length=1, max_length=MAX_AXES)] = Field(
        description="Les axes de la boussole, dans l’ordre d’affichage."
    )
