"""One entry point: no argument opens the app; sub-commands work headless with the same services.

Each area registers its own sub-commands (``decks``, ``store``, ``export``, ``selftest``) so this file stays
small. Errors meant for the user (:class:`AtelierError`) are printed in French on stderr, without traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from workshop_app.core.errors import AtelierError

_COMMAND_MODULES = ("decks", "deck_author", "store", "programmes", "export", "selftest", "sync")


def build_parser() -> argparse.ArgumentParser:
    import importlib

    parser = argparse.ArgumentParser(
        prog="atelier",
        description=(
            "Atelier Résilience — ateliers de résilience territoriale. Sans argument : ouvre l'application."
        ),
    )
    parser.add_argument(
        "--database",
        metavar="URL",
        help="base de données (URL SQLAlchemy) ; sinon ATELIER_DATABASE_URL ou le fichier SQLite du dossier "
        "de l'utilisateur (ATELIER_HOME)",
    )
    parser.add_argument(
        "--selftest", action="store_true", help="vérifie l'installation et quitte (0 = tout va bien)"
    )
    parser.add_argument("--version", action="store_true", help="affiche la version et quitte")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMANDE")
    for name in _COMMAND_MODULES:
        module = importlib.import_module(f"workshop_app.cli.{name}")
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(args_list)
    if args.database:
        os.environ["ATELIER_DATABASE_URL"] = args.database
    if args.version:
        from workshop_app import __version__

        print(f"atelier {__version__}")
        return 0
    try:
        if args.selftest:
            from workshop_app.cli.selftest import run_selftest

            return run_selftest()
        if args.command is None:
            from workshop_app.cli.display import no_display, run_on_virtual_screen

            if no_display():
                return run_on_virtual_screen(args_list)
            from workshop_app.app import run_app

            return run_app()
        handler = args.handler
        return int(handler(args))
    except AtelierError as exc:
        print(f"atelier : {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
