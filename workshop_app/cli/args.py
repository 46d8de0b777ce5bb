"""Argument set-up shared by the sub-commands that act on one workshop: ``atelier NOM ACTION ATELIER …``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

WORKSHOP_HELP = "identifiant (ou début d’identifiant) de l’atelier"


def action_group(subparsers: Any, name: str, help_text: str) -> Any:
    """A sub-command whose actions are sub-commands of their own (``atelier photo add``); without an action it
    prints its usage and exits with 2, as argparse does for a missing argument."""
    group: argparse.ArgumentParser = subparsers.add_parser(name, help=help_text)
    group.set_defaults(handler=lambda _args: _usage(group))
    return group.add_subparsers(dest=f"{name}_command", metavar="ACTION")


def add_workshop(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("workshop", metavar="ATELIER", help=WORKSHOP_HELP)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2
