"""``atelier rescue``: save the workshops a damaged database still holds (see ``store.rescue``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from workshop_app.core.errors import AtelierError


def register(subparsers: Any) -> None:
    rescue = subparsers.add_parser(
        "rescue",
        help="vérifie la base et sauve les ateliers encore lisibles d’une base endommagée",
        description="Vérifie la base de données (vérification complète de SQLite, puis de tout ce que lit "
        "l’application) sans jamais y écrire, puis copie chaque atelier encore lisible dans une nouvelle "
        "base (-o) ou en une archive .zip par atelier (--archives), et nomme ceux qui n’ont pas pu être "
        "sauvés. Sans -o ni --archives : dit seulement ce qui peut être sauvé.",
    )
    where = rescue.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", metavar="NOUVELLE.sqlite3", type=Path, help="nouvelle base SQLite")
    where.add_argument("--archives", metavar="DOSSIER", type=Path, help="dossier des archives (.zip)")
    rescue.add_argument(
        "source", nargs="?", metavar="BASE.sqlite3", type=Path,
        help="la base à sauver (sinon celle de --database, d’ATELIER_DATABASE_URL ou d’ATELIER_HOME)",
    )
    rescue.set_defaults(handler=cmd_rescue)


def cmd_rescue(args: argparse.Namespace) -> int:
    from workshop_app import paths
    from workshop_app.store.engine import sqlite_path
    from workshop_app.store.rescue import rescue

    source = args.source or sqlite_path(paths.default_database_url())
    if source is None:
        raise AtelierError("« atelier rescue » sauve une base SQLite (un fichier) : indiquez-la.")
    if args.output is not None and args.output.exists() and args.output.stat().st_size > 0:
        raise AtelierError(
            f"« {args.output} » existe déjà : choisissez un nouveau fichier pour la base sauvée."
        )
    into = f"sqlite:///{args.output.resolve()}" if args.output is not None else None
    result = rescue(Path(source), into=into, archives=args.archives)
    report = result.report
    if report.damaged:
        print(f"Base endommagée : {report.describe(5)}.", file=sys.stderr)
    else:
        print("La vérification complète ne trouve aucun dégât.", file=sys.stderr)
    copy = args.output or args.archives
    verb = "sauvé" if copy is not None else "lisible"
    for saved in result.saved:
        line = f"{verb}\t{saved.workshop_id}\t{saved.title}" + (f"\t{saved.where}" if copy else "")
        if saved.missing:
            line = line.replace(f"{verb}\t", f"{verb} en partie\t", 1) + f"\tmanque : {saved.missing}"
        print(line)
    for lost in result.lost:
        print(f"PERDU\t{lost.label}\t{lost.reason}")
    total = len(result.saved) + len(result.lost)
    part = sum(1 for s in result.saved if s.missing)
    detail = f", dont {part} en partie (voir « manque »)" if part else ""
    if copy is None:
        print(
            f"{len(result.saved)} atelier(s) sur {total} lisible(s){detail}. Pour les copier : "
            "« atelier rescue --archives DOSSIER » ou « atelier rescue -o NOUVELLE.sqlite3 ».",
            file=sys.stderr,
        )
    else:
        counts = f"{len(result.saved)} atelier(s) sur {total} sauvé(s){detail}"
        print(f"{counts} dans « {copy} ».", file=sys.stderr)
    if result.lost:
        print(
            "Les ateliers perdus restent dans le fichier d’origine (jamais modifié) et dans sa copie du "
            "dossier « backups » : un spécialiste pourra peut-être en récupérer davantage.",
            file=sys.stderr,
        )
    return 1 if result.lost or report.damaged else 0
