"""``atelier deck …``: author decks outside YAML — a workbook and back, an empty template, printed cards.

The deck loader (pydantic, PyYAML) is imported when a ``deck`` command runs, not when the parser is built:
every other command (``atelier export`` first) would otherwise pay for it before doing anything.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workshop_app.cli.decks import cards_text
from workshop_app.core.errors import AtelierError

if TYPE_CHECKING:
    from workshop_app.core.deck_loader import AnyDeck, DeckLoadError


def register(subparsers: Any) -> None:
    deck = subparsers.add_parser(
        "deck", help="écrire un jeu : tableur aller-retour, modèle vide, cartes imprimées"
    )
    commands = deck.add_subparsers(dest="deck_command", metavar="ACTION", required=True)

    out = commands.add_parser("to-sheet", help="écrit un jeu (identifiant ou fichier) en classeur .xlsx")
    out.add_argument("deck", metavar="JEU", help="identifiant d’un jeu ou fichier .yaml")
    out.add_argument(
        "--output", "-o", required=True, metavar="FICHIER", help=".xlsx (ou .csv : les cartes seules)"
    )
    out.set_defaults(handler=cmd_to_sheet)

    back = commands.add_parser(
        "from-sheet", help="lit un classeur (.xlsx, .ods, .csv) et écrit le jeu en YAML"
    )
    back.add_argument("sheet", metavar="CLASSEUR", help="fichier .xlsx, .ods ou .csv")
    back.add_argument("--output", "-o", required=True, metavar="JEU.yaml")
    back.add_argument(
        "--deck", metavar="JEU", help="pour un .csv (les cartes seules) : le jeu qu’il complète"
    )
    back.set_defaults(handler=cmd_from_sheet)

    template = commands.add_parser("template", help="écrit un classeur vide et expliqué, à remplir")
    template.add_argument("--mechanic", choices=("questions", "strategy"), default="questions")
    template.add_argument("--output", "-o", required=True, metavar="FICHIER.xlsx")
    template.set_defaults(handler=cmd_template)

    printed = commands.add_parser(
        "print", help="imprime les cartes d’un jeu (PDF, recto : carte, verso : échelle)"
    )
    printed.add_argument("deck", metavar="JEU", help="identifiant d’un jeu ou fichier .yaml")
    printed.add_argument("--output", "-o", required=True, metavar="cartes.pdf")
    printed.add_argument("--format", choices=("a5", "a6"), default="a5", help="A5 (2 par page A4) ou A6 (4)")
    printed.set_defaults(handler=cmd_print)


def resolve_deck(reference: str) -> AnyDeck:
    """A deck file, or the id of a deck the app knows (built-in or in the user's folder)."""
    from workshop_app.core.deck_loader import load_deck

    path = Path(reference)
    if path.suffix.lower() in (".yaml", ".yml") or path.exists():
        return load_deck(path)
    from workshop_app.core.catalogue import find_deck

    try:
        return find_deck(reference)
    except KeyError:
        raise AtelierError(
            f"Jeu introuvable : « {reference} » (ni un fichier, ni un identifiant connu)."
        ) from None


def _issues(exc: DeckLoadError) -> int:
    for issue in exc.issues:
        print(issue, file=sys.stderr)
    return 1


def cmd_to_sheet(args: argparse.Namespace) -> int:
    from workshop_app.core.deck_loader import DeckLoadError
    from workshop_app.core.deck_sheet_write import deck_to_sheet

    try:
        deck = resolve_deck(args.deck)
    except DeckLoadError as exc:
        return _issues(exc)
    deck_to_sheet(deck, Path(args.output))
    print(f"{args.output} : {deck.id} « {deck.title} », {cards_text(len(deck.cards))}")
    return 0


def cmd_from_sheet(args: argparse.Namespace) -> int:
    from workshop_app.core.deck_loader import DeckLoadError
    from workshop_app.core.deck_sheet_read import read_deck_sheet
    from workshop_app.core.deck_yaml import save_deck_yaml

    try:
        base = resolve_deck(args.deck) if args.deck else None
        deck = read_deck_sheet(Path(args.sheet), base)
    except DeckLoadError as exc:
        return _issues(exc)
    save_deck_yaml(deck, Path(args.output))
    print(f"{args.output} : OK — {deck.id} « {deck.title} » ({deck.mechanic}, {cards_text(len(deck.cards))})")
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    from workshop_app.core.deck_sheet_write import save_workbook, template_data

    save_workbook(template_data(args.mechanic), Path(args.output))
    print(f"{args.output} : modèle « {args.mechanic} » à remplir (voir la feuille « Lisez-moi »)")
    return 0


def cmd_print(args: argparse.Namespace) -> int:
    from workshop_app.core.deck_loader import DeckLoadError
    from workshop_app.export.cards_print import print_cards

    try:
        deck = resolve_deck(args.deck)
    except DeckLoadError as exc:
        return _issues(exc)
    pages = print_cards(deck, Path(args.output), args.format)
    print(f"{args.output} : {cards_text(len(deck.cards))}, {pages} pages (recto-verso)")
    return 0
