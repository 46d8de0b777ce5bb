"""``atelier programme NOM ATELIER…``: put workshops in a programme (a cohort of territories); ``--retirer``
takes them out. ``atelier workshops --programme NOM`` then lists that programme."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "programme",
        help="range des ateliers dans un programme (ex. « Nature en ville — Hauts-de-France 2024–2025 »)",
    )
    parser.add_argument("nom", metavar="NOM", help="le programme (créé s’il n’existe pas encore)")
    parser.add_argument(
        "ateliers", metavar="ATELIER", nargs="+", help="identifiants (ou leur début sans ambiguïté)"
    )
    parser.add_argument("--retirer", action="store_true", help="retire plutôt ces ateliers de leur programme")
    parser.set_defaults(handler=cmd_programme)


def cmd_programme(args: argparse.Namespace) -> int:
    from workshop_app.cli.export import resolve_workshop
    from workshop_app.store import open_store

    with open_store() as store:
        ids = [resolve_workshop(store, key) for key in args.ateliers]
        for workshop_id in ids:
            store.set_programme(workshop_id, "" if args.retirer else args.nom)
    if args.retirer:
        print(f"{len(ids)} atelier(s) retiré(s) de leur programme.")
    else:
        print(f"{len(ids)} atelier(s) dans le programme « {args.nom.strip()} ».")
    return 0
