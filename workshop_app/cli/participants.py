"""``atelier participants import ID FICHIER [--balance]`` and ``atelier participants balance ID``.

The file is a CSV of French Excel (« ; », UTF-8 with BOM) or an XLSX; see
:mod:`workshop_app.services.participants_import` for the columns. A list with problems is refused whole,
each problem named with its line and column.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from workshop_app.cli.args import action_group, add_workshop
from workshop_app.cli.export import resolve_workshop


def register(subparsers: Any) -> None:
    actions = action_group(
        subparsers, "participants", "participants d’un atelier : importer une liste, répartir"
    )
    load = actions.add_parser(
        "import",
        help="importe une liste (CSV d’Excel « ; » ou XLSX) : nom, service, organisation, rôle, table",
        description="Importe une liste de participants. En-têtes reconnus : nom, fonction, service, "
        "organisation, rôle (élu, agent ou partenaire), table (numéro ou nom). Sans en-tête : nom, service, "
        "organisation, rôle, table.",
    )
    add_workshop(load)
    load.add_argument("file", metavar="FICHIER", type=Path, help="liste .csv ou .xlsx")
    load.add_argument("--balance", action="store_true", help="puis répartit tout le monde entre les tables")
    load.set_defaults(handler=cmd_import)
    spread = actions.add_parser("balance", help="répartit les participants entre les tables, services mêlés")
    add_workshop(spread)
    spread.set_defaults(handler=cmd_balance)


def cmd_import(args: argparse.Namespace) -> int:
    from workshop_app.services.participants_import import (
        balance_workshop,
        import_participants,
        read_participants,
    )
    from workshop_app.store import open_store

    people = read_participants(args.file)
    with open_store() as store:
        workshop_id = resolve_workshop(store, args.workshop)
        count = import_participants(store, workshop_id, people, args.file.name)
        print(f"{count} participant(s) importé(s) depuis « {args.file.name} ».")
        if args.balance:
            moved = balance_workshop(store, workshop_id)
            print(f"{moved} participant(s) placé(s) à une autre table.")
    return 0


def cmd_balance(args: argparse.Namespace) -> int:
    from workshop_app.services.participants_import import balance_workshop
    from workshop_app.store import open_store

    with open_store() as store:
        workshop_id = resolve_workshop(store, args.workshop)
        print(f"{balance_workshop(store, workshop_id)} participant(s) placé(s) à une autre table.")
    return 0
