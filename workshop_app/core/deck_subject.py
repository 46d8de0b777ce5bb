"""Two optional parts of a questions deck: the *subject* it rates, and how its scores are read.

A deck with a ``subject`` rates something that stands beside the tables: a project (« Cotation de projet »),
a service interviewed (« Entretiens »). The facilitator enters the subjects in set-up or during play; each
one is played as its own sequence of the deck, titled by the subject's name, and the app compares the
subjects side by side (``core.subjects``).

``reading`` says how a score is shown. ``pourcentage`` (the default) places every answer on 0–100, as the
compass always did. ``echelle`` keeps the deck's own scale: on a −2…+2 impact scale, « neutre » reads 0 and
a project that obstructs a principle reads negative, never folded into 0–100.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import Field

from workshop_app.core.deck_parts import Number, Strict_, Text

SUBJECT = (
    "Ce que le jeu évalue, à côté des tables (un projet, un service interrogé…) : l’animateur saisit les "
    "sujets à la préparation ou pendant le jeu ; chacun se joue comme une séquence du jeu, et l’application "
    "les compare côte à côte. Absent : le jeu évalue le territoire, comme d’habitude."
)
READING = (
    "Lecture des scores : « pourcentage » (par défaut) place chaque réponse entre 0 et 100 ; « echelle » "
    "garde les valeurs de l’échelle du jeu (par exemple de −2 à +2, 0 = neutre) : un score négatif se lit "
    "négatif."
)


class ScoreReading(StrEnum):
    PERCENT = "pourcentage"
    SCALE = "echelle"


class SubjectSpec(Strict_):
    """What the deck rates beside the tables, as the facilitator names it."""

    label: Annotated[str, Field(min_length=1, max_length=60)] = Field(
        description="Nom d’un sujet, au singulier, avec une majuscule (par exemple « Projet », « Service »)."
    )
    plural: Annotated[str, Field(min_length=1, max_length=60)] = Field(
        description="Le même nom au pluriel (par exemple « Projets », « Services »)."
    )
    prompt: Text = Field(
        "",
        description="Question posée à l’animateur quand il ajoute un sujet (par exemple « Nom du projet "
        "évalué ») ; vide : « Nom » suivi du nom du sujet.",
    )
    example: Annotated[str, Field(max_length=200)] = Field(
        "", description="Exemple de nom, affiché en grisé dans le champ de saisie (facultatif)."
    )
    compare: Literal["axes", "levers"] = Field(
        "axes",
        description="Lignes du tableau qui compare les sujets : « axes » (un par principe) ou « levers » "
        "(un par levier, par exemple pour croiser leviers et services).",
    )
    strength_at: Number | None = Field(
        None,
        description="Score (sur l’échelle de lecture du jeu) à partir duquel une case se lit comme un point "
        "fort ; vide : au-dessus du milieu de l’échelle.",
    )
    vulnerability_at: Number | None = Field(
        None,
        description="Score à partir duquel (et en dessous) une case se lit comme une vulnérabilité ; vide : "
        "en dessous du milieu de l’échelle.",
    )

    def name_prompt(self) -> str:
        return self.prompt or f"Nom — {self.label.lower()}"


COBUILT = (
    "Critères construits pendant l’atelier (grille de décision) : l’animateur ajoute chaque critère retenu "
    "par le groupe ; il devient un axe du jeu et une carte, que chaque table note pour chaque sujet. Le jeu "
    "a alors besoin d’un « subject » et d’axes sans leviers. Absent : les cartes du jeu sont fixes."
)


class CoBuiltSpec(Strict_):
    """Criteria entered during the workshop: each one an axis and its card (see ``core.criteria``)."""

    label: Annotated[str, Field(min_length=1, max_length=60)] = Field(
        description="Nom d’un critère, au singulier (par exemple « Critère »)."
    )
    plural: Annotated[str, Field(min_length=1, max_length=60)] = Field(
        description="Le même nom au pluriel (par exemple « Critères »)."
    )
    prompt: Text = Field(
        "",
        description="Question de chaque carte de critère ; « {critere} » y est remplacé par le nom du "
        "critère (par exemple « Cette action répond-elle au critère « {critere} » ? »).",
    )
    max_count: Annotated[int, Field(ge=1, le=20)] = Field(
        12, description="Nombre maximal de critères (cartes) du jeu, ceux livrés compris."
    )
    to_plan: Annotated[int, Field(ge=1, le=20)] = Field(
        3,
        description="Nombre d’actions en tête du classement que le bouton « Vers le plan d’action » propose "
        "d’y inscrire.",
    )


def check_subject(subject: SubjectSpec | None, lo: float, hi: float, reading: ScoreReading) -> None:
    """The thresholds lie on the deck's reading scale, the strength one above the vulnerability one.

    Raises ``ValueError(field, message)`` pairs through ``DeckRuleError`` at the caller (``core.deck``)."""
    if subject is None:
        return
    low, high = (lo, hi) if reading is ScoreReading.SCALE else (0.0, 100.0)
    for name in ("strength_at", "vulnerability_at"):
        value = getattr(subject, name)
        if value is not None and not low <= value <= high:
            raise SubjectRuleError(
                f"subject.{name}", f"{value:g} est hors de l’échelle de lecture ({low:g} à {high:g})"
            )
    if (
        subject.strength_at is not None
        and subject.vulnerability_at is not None
        and subject.strength_at <= subject.vulnerability_at
    ):
        raise SubjectRuleError(
            "subject.strength_at", "le seuil des points forts doit dépasser celui des vulnérabilités"
        )


def check_cobuilt(deck: Any) -> None:
    """A deck with co-built criteria rates subjects, and each of its axes is one criterion with one card."""
    spec = deck.cobuilt
    if spec is None:
        return
    if deck.subject is None:
        raise SubjectRuleError("cobuilt", "des critères construits en atelier demandent un « subject »")
    for i, axis in enumerate(deck.compass.axes):
        if axis.levers:
            raise SubjectRuleError(f"compass.axes[{i}].levers", "un critère n’a pas de leviers")
    for i, card in enumerate(deck.cards):
        if len(card.informs) != 1:
            raise SubjectRuleError(f"cards[{i}].informs", "la carte d’un critère renseigne ce seul critère")
    if len(deck.cards) > spec.max_count:
        raise SubjectRuleError("cards", f"plus de {spec.max_count} critères (cobuilt.max_count)")


class SubjectRuleError(ValueError):
    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


__all__ = [
    "COBUILT",
    "READING",
    "SUBJECT",
    "CoBuiltSpec",
    "ScoreReading",
    "SubjectRuleError",
    "SubjectSpec",
    "check_cobuilt",
    "check_subject",
]
