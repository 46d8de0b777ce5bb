"""How a deck is laid out in a workbook: the sheets, their French headers, and the field each column holds.

Shared by the writer (``deck_sheet_write``) and the reader (``deck_sheet_read``) so the two cannot drift.
Qt-free and free of openpyxl: only names and conversions.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Literal

README = "Lisez-moi"
DECK = "Jeu"
COMPASS = "Boussole"
SCALE = "Échelle"
CARDS = "Cartes"
EFFECTS = "Effets"
SYNERGIES = "Synergies"
SECTIONS = "Sections"
SUBSETS = "Sous-ensembles"

Kind = Literal["text", "number", "int", "bool", "ids"]

LIST_SEPARATOR = ";"
YES = "oui"
LEVEL_PREFIX = "Niveau "
LEVER_PREFIX = "Levier "
WEIGHT_PREFIX = "Poids "
LABEL_SEPARATOR = " : "
MIN_LINK_COLUMNS = 3


@dataclass(frozen=True)
class Column:
    header: str
    key: str  # the field of the model (dotted for the deck sheet)
    kind: Kind = "text"
    required: bool = False
    width: int = 18


# The deck sheet: one row per field (Champ | Valeur | Explication).
DECK_ROWS: tuple[Column, ...] = (
    Column("Identifiant du jeu", "id", required=True),
    Column("Titre", "title", required=True),
    Column("Version", "version", required=True),
    Column("Mécanique", "mechanic", required=True),
    Column("Langue", "language"),
    Column("Auteurs", "authors"),
    Column("Description", "description"),
    Column("Nom de la boussole", "compass.name", required=True),
    Column("Note sur les sources", "compass.source_note"),
    Column("Budget par table", "strategy.budget", "int"),
    Column("Unité du budget", "strategy.budget_unit"),
    Column("Entretien maximal par table", "strategy.maintenance_budget", "int"),
    # questions decks only (core.deck_subject): the subject rated beside the tables, and the scores' reading
    Column("Lecture des scores", "reading"),
    Column("Sujet évalué", "subject.label"),
    Column("Sujets évalués (pluriel)", "subject.plural"),
    Column("Question pour nommer un sujet", "subject.prompt"),
    Column("Exemple de sujet", "subject.example"),
    Column("Lignes de la comparaison", "subject.compare"),
    Column("Seuil des points forts", "subject.strength_at", "number"),
    Column("Seuil des vulnérabilités", "subject.vulnerability_at", "number"),
    Column("Critères construits en atelier", "cobuilt.label"),
    Column("Critères (pluriel)", "cobuilt.plural"),
    Column("Question de chaque critère", "cobuilt.prompt"),
    Column("Nombre maximal de critères", "cobuilt.max_count", "int"),
    Column("Actions proposées au plan d’action", "cobuilt.to_plan", "int"),
    Column("Notes pour les auteurs (jamais imprimées)", "author_notes"),
    Column("Format", "format", "int"),
)
DECK_HEADERS = ("Champ", "Valeur", "Explication")

COMPASS_COLUMNS: tuple[Column, ...] = (
    Column("Type", "type", required=True, width=9),
    Column("Identifiant", "id", required=True, width=12),
    Column("Libellé", "label", required=True, width=50),
    Column("Libellé court", "short", width=24),
    Column("Couleur", "colour", width=10),
    Column("Source", "source", width=10),
    Column("Description", "description", width=40),
)
AXIS, LEVER = "axe", "levier"

SCALE_COLUMNS: tuple[Column, ...] = (
    Column("Identifiant", "id", required=True, width=12),
    Column("Libellé", "label", required=True, width=36),
    Column("Valeur", "value", "number", width=9),
    Column("Touche", "key", width=8),
    Column("Ne sait pas", "unknown", "bool", width=11),
    Column("Description", "description", width=50),
)

_CARD_HEAD: tuple[Column, ...] = (
    Column("Identifiant", "id", required=True, width=12),
    Column("Titre", "title", required=True, width=30),
)
_CARD_TAIL: tuple[Column, ...] = (
    Column("Aide pour l’animateur", "help", width=40),
    Column("Thème", "theme", width=14),
    Column("Section", "section", width=12),
)
_CARD_END: tuple[Column, ...] = (
    Column("Source", "source", width=30),
    Column("Notes pour les auteurs (jamais imprimées)", "author_notes", width=30),
)
QUESTION_COLUMNS: tuple[Column, ...] = (
    *_CARD_HEAD,
    Column("Question", "prompt", required=True, width=60),
    *_CARD_TAIL,
)
STRATEGY_COLUMNS: tuple[Column, ...] = (
    *_CARD_HEAD,
    Column("Description", "prompt", required=True, width=60),
    *_CARD_TAIL,
    Column("Coût", "cost", "int", required=True, width=7),
    Column("Délai", "delay", required=True, width=8),
    Column("Entretien (0–3)", "maintenance", "int", width=9),
    Column("Demande aussi", "requires", "ids", width=16),
    Column("Incompatible avec", "excludes", "ids", width=16),
)
CARD_END_COLUMNS = _CARD_END

SECTION_COLUMNS: tuple[Column, ...] = (
    Column("Identifiant", "id", required=True, width=12),
    Column("Titre", "title", required=True, width=40),
    Column("Description", "description", width=60),
)
SUBSET_COLUMNS: tuple[Column, ...] = (
    Column("Identifiant", "id", required=True, width=12),
    Column("Titre", "title", required=True, width=36),
    Column("Description", "description", width=40),
    Column("Cartes", "cards", "ids", required=True, width=60),
)
EFFECT_CARD = Column("Carte", "card", required=True, width=14)
# A strategy deck's synergies (core.deck_synergy): the two cards, the reason, then one column per axis.
SYNERGY_COLUMNS: tuple[Column, ...] = (
    Column("Carte", "card", required=True, width=16),
    Column("Avec", "other", required=True, width=16),
    Column("Raison", "reason", required=True, width=60),
)

DELAYS = ("court", "moyen", "long")
SOURCES = ("officiel", "atelier")
MECHANICS = ("questions", "strategy")


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def labelled(prefix: str, ident: str, label: str) -> str:
    """« Niveau 0 : Rien n’existe »: the id is what counts when read back, the label only helps."""
    return f"{prefix}{ident}{LABEL_SEPARATOR}{label}" if label else f"{prefix}{ident}"


def ident_of(header: str, prefix: str = "") -> str:
    """The id in a header written by :func:`labelled` (everything before « : »)."""
    rest = header[len(prefix) :] if prefix and header.startswith(prefix) else header
    return rest.split(":", 1)[0].strip()


def folded(text: str) -> str:
    """Headers and sheet names compare without case or accents (« echelle » finds « Échelle »)."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())
