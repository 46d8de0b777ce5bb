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

_COMMAND_MODULES = (
    "decks",
    "deck_author",
    "store",
    "programmes",
    "compare",
    "export",
    "selftest",
    "sync",
    "rescue",
    "backup",
    "desktop",
    "photo",
    "participants",
)


def _add_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database",
        metavar="URL",
        help="base de données (URL SQLAlchemy) ; sinon ATELIER_DATABASE_URL ou le fichier SQLite du dossier "
        "de l’utilisateur (ATELIER_HOME)",
    )
    parser.add_argument(
        "--selftest", action="store_true", help="vérifie l’installation et quitte (0 = tout va bien)"
    )
    parser.add_argument("--version", action="store_true", help="affiche la version et quitte")


def build_parser() -> argparse.ArgumentParser:
    import importlib

    from workshop_app.cli import french

    french.install()
    parser = argparse.ArgumentParser(
        prog="atelier",
        description=(
            "Atelier Résilience — ateliers de résilience territoriale. Sans argument : ouvre l’application."
        ),
    )
    _add_options(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMANDE")
    for name in _COMMAND_MODULES:
        module = importlib.import_module(f"workshop_app.cli.{name}")
        module.register(subparsers)
    return parser


def parse_arguments(args_list: list[str]) -> argparse.Namespace:
    """The app's own start (no sub-command, the common case) is parsed without importing the sub-command
    modules: building the whole parser costs tens of milliseconds before the window could appear. ``atelier``
    with no argument at all (how the desktop launches it) builds no parser: ~2–3 ms of argparse."""
    if not args_list:
        return argparse.Namespace(database=None, selftest=False, version=False, command=None)
    quick = argparse.ArgumentParser(prog="atelier", add_help=False, exit_on_error=False)
    _add_options(quick)
    try:
        args, rest = quick.parse_known_args(args_list)
    except argparse.ArgumentError:  # a malformed option: the whole parser says it, with the usage
        rest = args_list
    if not rest and not {"-h", "--help"} & set(args_list):
        args.command = None
        return args
    return build_parser().parse_args(args_list)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    args = parse_arguments(args_list)
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
        from workshop_app.paths import start_up

        start_up()
        if args.command is None:
            from workshop_app.cli.display import no_display, run_on_virtual_screen

            if no_display():
                return run_on_virtual_screen(args_list)
            from workshop_app.app import run_app

            return run_app()
        handler = args.handler
        args.own_process = argv is None  # the `atelier` script's own run (see cli/quick_exit.py)
        code = int(handler(args))
        if args.own_process and code == 0 and getattr(args, "quick_exit", False):
            from workshop_app.cli.quick_exit import quick_exit

            quick_exit(code)  # this process was the command: no teardown of all it loaded (cli/quick_exit.py)
        return code
    except AtelierError as exc:
        print(f"atelier : {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
