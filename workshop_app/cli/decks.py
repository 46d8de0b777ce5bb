"""Deck sub-commands: ``validate``, ``decks`` and ``schema``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workshop_app.core.deck_loader import AnyDeck


def cards_text(count: int) -> str:
    """« 1 carte », « 33 cartes »."""
    return f"{count} carte{'s' if count > 1 else ''}"


def register(subparsers: Any) -> None:
    validate = subparsers.add_parser("validate", help="vérifie des fichiers de jeu (YAML ou tableur)")
    validate.add_argument("paths", nargs="+", metavar="JEU", help="fichier(s) .yaml, .xlsx ou .ods")
    validate.set_defaults(handler=cmd_validate)

    decks = subparsers.add_parser("decks", help="liste les jeux intégrés et ceux du dossier de l’utilisateur")
    decks.set_defaults(handler=cmd_decks)

    schema = subparsers.add_parser("schema", help="écrit le schéma JSON des jeux (pour scenarios/)")
    schema.add_argument(
        "--output", "-o", metavar="FICHIER", help="fichier de sortie (sinon la sortie standard)"
    )
    schema.set_defaults(handler=cmd_schema)


def cmd_validate(args: argparse.Namespace) -> int:
    from workshop_app.core.deck_loader import DeckLoadError  # pydantic + YAML: not at every start

    failed = 0
    for raw in args.paths:
        try:
            deck = _load_any(Path(raw))
        except DeckLoadError as exc:
            failed += 1
            for issue in exc.issues:
                print(issue, file=sys.stderr)
            continue
        summary = f"{deck.id} « {deck.title} » ({deck.mechanic}, {cards_text(len(deck.cards))})"
        print(f"{Path(raw).name}: OK — {summary}")
    return 1 if failed else 0


def _load_any(path: Path) -> AnyDeck:
    """A YAML deck, or a deck workbook (.xlsx, .ods) checked the same way."""
    if path.suffix.lower() in (".xlsx", ".ods", ".xlsm"):
        from workshop_app.core.deck_sheet_read import read_deck_sheet

        return read_deck_sheet(path)
    from workshop_app.core.deck_loader import load_deck

    return load_deck(path)


def cmd_decks(args: argparse.Namespace) -> int:
    from workshop_app.core.catalogue import available_decks

    entries = available_decks()
    if not entries:
        print("Aucun jeu trouvé.")
        return 0
    for entry in entries:
        origin = "intégré" if entry.builtin else "utilisateur"
        if entry.deck is None:
            print(f"{entry.path.name}\t[{origin}]\tINVALIDE : {entry.issues[0] if entry.issues else ''}")
            continue
        deck = entry.deck
        print(f"{deck.id}\t{deck.title}\t{deck.mechanic}\t{cards_text(len(deck.cards))}\t[{origin}]")
    return 0


def deck_json_schema() -> dict[str, Any]:
    from pydantic import TypeAdapter

    from workshop_app.core.deck import Deck

    schema = TypeAdapter(Deck).json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Atelier Résilience — jeu de cartes (deck)"
    return schema


def cmd_schema(args: argparse.Namespace) -> int:
    text = json.dumps(deck_json_schema(), ensure_ascii=False, indent=2) + "\n"
    if args.output:
        from workshop_app.core.atomic import write_text_atomic

        write_text_atomic(Path(args.output), text)
    else:
        sys.stdout.write(text)
    return 0
