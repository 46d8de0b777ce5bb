"""Import a deck file: validate it, then copy it (atomically) into the user's deck folder. No Qt here.

A broken file raises :class:`DeckLoadError` with every issue (``file:line: field: message``); a deck whose id
is already taken by a built-in deck raises :class:`AtelierError`. Importing a new version of one of your own
decks replaces it. A spreadsheet (.xlsx, .ods) is read as a deck and saved as YAML in the deck folder.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from workshop_app.core.atomic import write_bytes_atomic
from workshop_app.core.catalogue import DeckEntry
from workshop_app.core.deck_loader import AnyDeck, load_deck
from workshop_app.core.deck_sheet_read import read_deck_sheet
from workshop_app.core.deck_yaml import save_deck_yaml
from workshop_app.core.errors import AtelierError
from workshop_app.paths import user_decks_dir

DECK_SUFFIXES = (".yaml", ".yml")
SHEET_SUFFIXES = (".xlsx", ".ods", ".csv")  # a deck written in a spreadsheet (see core.deck_sheet_read)


def is_deck_file(path: str | Path) -> bool:
    """A deck: YAML, or a spreadsheet that is imported as YAML."""
    return Path(path).suffix.lower() in (*DECK_SUFFIXES, *SHEET_SUFFIXES)


def import_deck_file(source: Path, catalogue: Sequence[DeckEntry] = ()) -> tuple[AnyDeck, Path]:
    """Returns the deck and where it now lives."""
    source = Path(source)
    if source.suffix.lower() == ".csv":
        raise AtelierError(
            f"« {source.name} » : un .csv ne contient que les cartes d’un jeu. Importez le classeur complet "
            "(.xlsx, .ods), ou complétez un jeu en ligne de commande : atelier deck from-sheet "
            f"{source.name} --deck JEU -o JEU.yaml"
        )
    from_sheet = source.suffix.lower() in SHEET_SUFFIXES
    deck = read_deck_sheet(source) if from_sheet else load_deck(source)
    for entry in catalogue:
        if entry.builtin and entry.deck is not None and entry.deck.id == deck.id:
            raise AtelierError(
                f"« {source.name} » : un jeu intégré porte déjà l’identifiant « {deck.id} ». "
                "Changez le champ « id » du fichier pour l’importer comme un nouveau jeu."
            )
    folder = user_decks_dir()
    target = folder / f"{deck.id}.yaml"
    for entry in catalogue:  # a deck of yours with the same id under another file name: replace that one
        if not entry.builtin and entry.deck is not None and entry.deck.id == deck.id:
            target = entry.path
    if from_sheet:
        save_deck_yaml(deck, target)
    elif source.resolve() != target.resolve():
        try:
            data = source.read_bytes()
        except OSError as exc:
            raise AtelierError(f"Lecture impossible de « {source.name} » : {exc.strerror or exc}") from exc
        write_bytes_atomic(target, data)
    return deck, target
