"""``atelier compare ID ID…``: one territory over time (évolution) or several territories (cohorte), the
same compass only; ``--pdf``, ``--docx``, ``--csv``, ``--xlsx`` write the reports. Also ``atelier demo
--cohort``'s handler. reportlab and openpyxl load only when a file is asked for."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from workshop_app.core.errors import AtelierError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "compare",
        help="compare des ateliers : un territoire dans le temps (évolution) ou plusieurs territoires "
        "(cohorte), sur la même boussole",
        description="Compare des ateliers qui ont joué la même boussole (même jeu, même version). Un seul "
        "territoire : son évolution, date par date. Plusieurs : la cohorte, par ordre alphabétique, sans "
        "classement. Les autres versions du jeu sont signalées et laissées de côté ; une couverture faible "
        "est marquée. Sans fichier demandé, affiche la comparaison.",
    )
    parser.add_argument(
        "ateliers", metavar="ATELIER", nargs="*", help="identifiants (ou leur début sans ambiguïté)"
    )
    parser.add_argument("--programme", metavar="NOM", help="compare les ateliers de ce programme")
    parser.add_argument("--territoire", metavar="NOM", help="compare les ateliers de ce territoire")
    parser.add_argument("--jeu", metavar="JEU", help="identifiant du jeu à comparer (sinon le plus joué)")
    parser.add_argument("--pdf", metavar="FICHIER", type=Path, help="rapport PDF")
    parser.add_argument("--docx", metavar="FICHIER", type=Path, help="rapport modifiable (Word, LibreOffice)")
    parser.add_argument("--csv", metavar="FICHIER", type=Path, help="tableau fusionné, CSV (UTF-8, « ; »)")
    parser.add_argument("--xlsx", metavar="FICHIER", type=Path, help="tableau fusionné, Excel")
    parser.add_argument(
        "--anonymise",
        action="store_true",
        help="nomme les territoires « Ville A, B… » (dans un ordre sans lien avec leurs noms) et retire les "
        "titres des ateliers",
    )
    parser.set_defaults(handler=cmd_compare)


def cmd_compare(args: argparse.Namespace) -> int:
    from workshop_app.cli.export import resolve_workshop
    from workshop_app.services.compare import compare_workshops, programme_workshops, territory_workshops
    from workshop_app.store import open_store

    with open_store() as store:
        ids = [resolve_workshop(store, key) for key in args.ateliers]
        # every workshop of the programme or territory: one that played another deck or version is named
        # in the report with the reason, not dropped silently
        if args.programme:
            ids += programme_workshops(store, args.programme)
        if args.territoire:
            ids += territory_workshops(store, args.territoire)
        if len(set(ids)) < 2:
            raise AtelierError(
                "Indiquez au moins deux ateliers à comparer (leurs identifiants, --programme NOM ou "
                "--territoire NOM ; « atelier workshops » les liste)."
            )
        comparison = compare_workshops(store, ids, deck_id=args.jeu, anonymise=args.anonymise)
    from workshop_app.export.compare import write_reports

    written = write_reports(comparison, pdf=args.pdf, docx=args.docx, csv=args.csv, xlsx=args.xlsx)
    for what, path in written:
        print(f"{what} écrit : {path}")
    if not written:
        from workshop_app.export.compare.text import summary

        print(summary(comparison))
    return 0


def demo_cohort() -> int:
    from workshop_app.store import open_store
    from workshop_app.store.demo_cohort import EVOLUTION_PROGRAMME, create_demo_cohort

    with open_store() as store:
        demo = create_demo_cohort(store)
    print(f"Programme « {demo.programme} » :")
    for city, workshop_id in demo.cities.items():
        print(f"  {workshop_id}\t{city}")
    print(f"Programme « {EVOLUTION_PROGRAMME} » (évolution) :")
    for workshop_id in demo.evolution:
        print(f"  {workshop_id}\tSoissons")
    print(f'Essayez : atelier compare --programme "{demo.programme}" --pdf cohorte.pdf')
    return 0
