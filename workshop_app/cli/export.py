"""Export sub-commands: ``export`` (PDF / CSV / XLSX of a workshop) and ``bundle export|import`` (zip).

reportlab and openpyxl are imported only when a command runs, never when the parser is built, so that
``atelier`` starts fast.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workshop_app.core.errors import AtelierError

if TYPE_CHECKING:
    from workshop_app.core.workshop import WorkshopSnapshot


def register(subparsers: Any) -> None:
    export = subparsers.add_parser(
        "export",
        help="écrit le compte-rendu (PDF, DOCX), les réponses brutes (CSV, XLSX) ou le dossier (.zip) "
        "d’un atelier",
        description="Écrit le compte-rendu (PDF, ou DOCX modifiable), les réponses brutes (CSV pour Excel, "
        "XLSX) et/ou le dossier complet (.zip) d’un atelier. Les notes « hors compte-rendu » "
        "n’apparaissent dans aucun de ces fichiers. "
        "ATELIER : son identifiant, ou le début de son identifiant s’il n’y a pas d’ambiguïté.",
    )
    export.add_argument(
        "workshop", metavar="ATELIER", help="identifiant (ou début d’identifiant) de l’atelier"
    )
    export.add_argument("--pdf", metavar="FICHIER", type=Path, help="compte-rendu PDF")
    export.add_argument("--csv", metavar="FICHIER", type=Path, help="réponses brutes, CSV (UTF-8, « ; »)")
    export.add_argument(
        "--xlsx",
        metavar="FICHIER",
        type=Path,
        help="réponses brutes, boussole, plan d’action, notes et participants (Excel)",
    )
    export.add_argument(
        "--docx", metavar="FICHIER", type=Path, help="compte-rendu modifiable (Word, LibreOffice)"
    )
    export.add_argument(
        "--pack",
        metavar="FICHIER.zip",
        type=Path,
        help="dossier complet (.zip) : PDF, DOCX, chaque graphique en PNG (300 dpi) et SVG, CSV, XLSX, "
        "photos",
    )
    export.add_argument(
        "--anonymise",
        action="store_true",
        help="remplace les noms des participant·es par « Participant·e N » partout : liste, textes saisis "
        "(nom complet, nom seul, « M./Mme Nom », initiale et nom, majuscules, sans accents, « NOM Prénom »), "
        "noms des photos et métadonnées ; les porteurs d’actions deviennent leur service. Restent : le "
        "service et l’organisation de chacun·e, les noms des animateur·rices (en couverture) et des tables. "
        "Un surnom ou un nom mal orthographié n’est pas reconnu : relisez avant d’envoyer.",
    )
    export.add_argument(
        "--edition",
        choices=("complet", "synthese"),
        default="complet",
        help="complet (par défaut : synthèse, corps du compte-rendu puis annexes) ou synthese (version "
        "courte pour les élus, sans annexes)",
    )
    export.add_argument(
        "--inclusif",
        dest="inclusive",
        action="store_true",
        help="écriture inclusive (point médian : « participant·es ») dans le compte-rendu",
    )
    export.add_argument("--quiet", "-q", action="store_true", help="n’affiche pas la progression")
    export.set_defaults(handler=cmd_export, quick_exit=True)

    bundle = subparsers.add_parser("bundle", help="archive d’atelier (.zip) : exporter ou importer")
    actions = bundle.add_subparsers(dest="bundle_command", metavar="ACTION")
    bundle.set_defaults(handler=lambda args: _usage(bundle))
    out = actions.add_parser("export", help="écrit l’archive (.zip) d’un atelier, avec ses photos")
    out.add_argument("workshop", metavar="ATELIER", help="identifiant (ou début d’identifiant) de l’atelier")
    out.add_argument("file", metavar="FICHIER.zip", type=Path)
    out.add_argument(
        "--anonymise",
        action="store_true",
        help="retire les noms des participant·es (comme « export --anonymise ») et les notes « hors "
        "compte-rendu », que l’archive garde sinon",
    )
    out.set_defaults(handler=cmd_bundle_export)
    into = actions.add_parser("import", help="importe une archive (.zip) dans la base (sans doublon)")
    into.add_argument("file", metavar="FICHIER.zip", type=Path)
    into.set_defaults(handler=cmd_bundle_import)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def resolve_workshop(service: Any, key: str) -> str:
    """The id of the workshop whose id is ``key`` or starts with it (case-insensitive), or an AtelierError."""
    key = key.strip().lower()
    if not key:
        raise AtelierError("Indiquez l’identifiant de l’atelier (« atelier workshops » les liste).")
    lister = getattr(service, "workshop_ids", None)  # cheap: no event log folded
    ids = list(lister()) if lister is not None else [s.id for s in service.list_workshops()]
    if key in (i.lower() for i in ids):
        return next(i for i in ids if i.lower() == key)
    matches = [i for i in ids if i.lower().startswith(key)]
    if not matches:
        raise AtelierError(f"Aucun atelier ne correspond à « {key} » (« atelier workshops » les liste).")
    if len(matches) > 1:
        shown = ", ".join(m[:12] + "…" for m in matches[:5])
        raise AtelierError(f"« {key} » désigne plusieurs ateliers ({shown}) : donnez plus de caractères.")
    return matches[0]


def read_workshop(key: str, *, photos: bool) -> tuple[WorkshopSnapshot, dict[str, bytes]]:
    """The workshop ``key`` names and its photos' bytes (when ``photos``), read with sqlite3 alone when the
    database allows it (``store.snapshot_reader``: no SQLAlchemy to import, no store to open, the same
    snapshot), else through the store, which migrates, refuses or explains."""
    from workshop_app.store.snapshot_reader import Unsure, open_reader

    reader = open_reader()
    if reader is not None:
        try:
            with reader:
                return _read(reader, key, photos)
        except Unsure:
            pass  # something the reader is not sure of: the store reads it, and says what is wrong
    from workshop_app.store import open_store

    with open_store() as store:
        return _read(store, key, photos)


def _read(source: Any, key: str, photos: bool) -> tuple[WorkshopSnapshot, dict[str, bytes]]:
    snapshot = source.snapshot(resolve_workshop(source, key))
    data = {a.id: source.attachment_data(a.id) for a in snapshot.attachments} if photos else {}
    return snapshot, data


def _progress(quiet: bool) -> Any:
    if quiet or not sys.stderr.isatty():
        return None
    last = [-1]

    def report(fraction: float, message: str) -> None:
        percent = int(fraction * 100)
        if percent // 5 != last[0] // 5:
            last[0] = percent
            sys.stderr.write(f"\r{percent:3d} % {message[:60]:<60}")
            sys.stderr.flush()
            if percent >= 100:
                sys.stderr.write("\n")

    return report


#: the compte-rendu's three forms: option, module, writer (same arguments), what the command prints
_REPORTS = (
    ("pdf", "workshop_app.export.pdf", "build_pdf", "Compte-rendu écrit"),
    ("docx", "workshop_app.export.docx", "build_docx", "Compte-rendu modifiable écrit"),
    ("pack", "workshop_app.export.pack", "build_pack", "Dossier de compte-rendu écrit"),
)


def cmd_export(args: argparse.Namespace) -> int:
    if not (args.pdf or args.csv or args.xlsx or args.docx or args.pack):
        raise AtelierError(
            "Rien à écrire : indiquez --pdf, --docx, --csv, --xlsx et/ou --pack suivi du fichier."
        )
    snapshot, photos = read_workshop(args.workshop, photos=bool(args.pdf or args.docx or args.pack))
    if getattr(args, "own_process", False):
        # what is loaded now (modules, decks, the snapshot) lives until the process ends: the collector
        # stops looking at it, so its passes during the build and before the PDF/A step are short
        gc.freeze()
    for option, module, function, written in _REPORTS:
        target = getattr(args, option)
        if target:
            build = getattr(importlib.import_module(module), function)  # imported only when asked for
            build(
                snapshot,
                photos,
                target,
                anonymise=args.anonymise,
                progress=_progress(args.quiet),
                edition=args.edition,
                inclusive=args.inclusive,
            )
            print(f"{written} : {target}")
    if args.csv or args.xlsx:
        from workshop_app.export import tabular

        if args.csv:
            tabular.write_csv(snapshot, args.csv, anonymise=args.anonymise)
            print(f"Réponses (CSV) écrites : {args.csv}")
        if args.xlsx:
            tabular.write_xlsx(snapshot, args.xlsx, anonymise=args.anonymise)
            print(f"Classeur (XLSX) écrit : {args.xlsx}")
    return 0


def cmd_bundle_export(args: argparse.Namespace) -> int:
    from workshop_app.export.bundle import export_bundle

    snapshot, data = read_workshop(args.workshop, photos=True)
    export_bundle(snapshot, data, args.file, anonymise=args.anonymise)
    print(
        f"Archive écrite : {args.file} — « {snapshot.info.title} », {len(snapshot.events)} événements, "
        f"{len(data)} pièce(s) jointe(s)."
    )
    return 0


def cmd_bundle_import(args: argparse.Namespace) -> int:
    from workshop_app.export.bundle import read_bundle
    from workshop_app.store import open_store

    snapshot, data = read_bundle(args.file)
    with open_store() as store:
        report = store.merge_snapshot(snapshot, data)
    info = snapshot.info
    what = f"« {info.title} » ({info.territory or 'territoire non précisé'}, id {info.id})"
    if report.created:
        print(f"Atelier importé : {what} — {report.summary()}.")
    elif report.anything:
        print(f"Atelier mis à jour : {what} — {report.summary()}.")
    else:
        print(f"Atelier déjà à jour : {what} — rien de nouveau à importer.")
    return 0
