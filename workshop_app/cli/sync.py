"""``atelier sync --database URL``: a laptop and its cohort's shared database exchange whole workshops.

Laptops work offline on their own SQLite file during a workshop; back at the office (or on the town hall's
network) ``atelier sync --database postgresql+psycopg://…`` pushes each workshop to the cohort's database and
pulls back what the other facilitators added, by workshop id, with the same union as an archive import
(``store.transfer``): nothing is lost, nothing is counted twice, running it again changes nothing, and each
workshop is merged in its own transaction (a sync cut short keeps what was merged; run it again).
"""

from __future__ import annotations

import argparse
from typing import Any

from workshop_app.core.errors import AtelierError


def register(subparsers: Any) -> None:
    sync = subparsers.add_parser(
        "sync",
        help="échange les ateliers avec la base partagée d’une cohorte (envoi puis réception, sans doublon)",
        description="Envoie chaque atelier de ce portable vers la base partagée de la cohorte, puis reçoit "
        "ce que les autres y ont ajouté. Les saisies des deux côtés sont réunies (rien n’est perdu ni "
        "compté deux fois) ; relancer la commande ne change rien.",
    )
    sync.add_argument(
        "--database",
        dest="cohort_url",
        metavar="URL",
        required=True,
        help="la base partagée de la cohorte, p. ex. postgresql+psycopg://atelier@serveur/cohorte",
    )
    sync.add_argument(
        "workshops",
        nargs="*",
        metavar="ATELIER",
        help="identifiants (ou débuts) ; par défaut : tous les ateliers",
    )
    direction = sync.add_mutually_exclusive_group()
    direction.add_argument("--send-only", action="store_true", help="envoie seulement (rien n’est reçu)")
    direction.add_argument("--receive-only", action="store_true", help="reçoit seulement (rien n’est envoyé)")
    sync.set_defaults(handler=cmd_sync)

    conflicts = subparsers.add_parser(
        "conflicts",
        help="les valeurs que deux portables ont modifiées chacun de son côté (gardée / écartée)",
        description="Liste les conflits rencontrés en réunissant des copies d’un atelier dans cette base : "
        "pour chaque champ modifié sur deux portables, la valeur gardée (la plus récente) et celle qui a "
        "été écartée. Après « atelier sync », ceux de la cohorte : atelier --database URL conflicts ATELIER.",
    )
    conflicts.add_argument("workshop", metavar="ATELIER", help="identifiant (ou début d’identifiant)")
    conflicts.add_argument(
        "--settle",
        metavar="N",
        type=int,
        help="règle le conflit n° N de la liste : garde la valeur gardée, ou avec --take-other reprend "
        "l’autre ; le choix rejoint les autres copies à la prochaine synchronisation",
    )
    conflicts.add_argument(
        "--take-other", action="store_true", help="avec --settle : reprend la valeur écartée"
    )
    conflicts.set_defaults(handler=cmd_conflicts)


def cmd_sync(args: argparse.Namespace) -> int:
    from workshop_app.cli.export import resolve_workshop
    from workshop_app.services.sync import exchange
    from workshop_app.store import open_store

    with open_store() as local, open_store(args.cohort_url) as cohort:
        wanted = []
        for key in args.workshops:
            try:
                wanted.append(resolve_workshop(local, key))
            except AtelierError:
                wanted.append(resolve_workshop(cohort, key))
        exchange(  # each workshop's line is printed once it is merged both ways
            local,
            cohort,
            wanted,
            send=not args.receive_only,
            receive=not args.send_only,
            echo=lambda line: print(line, flush=True),
        )
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    from workshop_app.cli.export import resolve_workshop
    from workshop_app.export.french import iso_local
    from workshop_app.store import open_store

    with open_store() as store:
        workshop_id = resolve_workshop(store, args.workshop)
        found = store.conflicts(workshop_id)
        open_ones = [c for c in found if not c.settled]
        if args.settle is not None:
            if not 1 <= args.settle <= len(open_ones):
                raise AtelierError(
                    f"Pas de conflit n° {args.settle} à régler : la liste en compte {len(open_ones)}."
                )
            chosen = open_ones[args.settle - 1]
            store.settle_conflict(chosen.id, take_lost=args.take_other)
            value = chosen.lost if args.take_other else chosen.kept
            print(f"Conflit réglé — {chosen.label} : « {_shown(value)} ».")
            return 0
    if not found:
        print(
            "Aucun conflit dans cette base : jamais deux copies de cet atelier n’y ont apporté chacune "
            "sa valeur d’un même champ."
        )
        return 0
    for number, c in enumerate(open_ones, start=1):
        print(
            f"{number}. {iso_local(c.at)[:16].replace('T', ' ')} — {c.label} : gardé « {_shown(c.kept)} » "
            f"({_who(c.kept_stamp)}), écarté « {_shown(c.lost)} » ({_who(c.lost_stamp)})"
        )
    settled = len(found) - len(open_ones)
    if settled:
        print(f"({settled} conflit{'s' if settled > 1 else ''} déjà réglé{'s' if settled > 1 else ''})")
    return 0


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return " ; ".join(str(v) for v in value)
    return "" if value is None else str(value)


def _who(stamp: str) -> str:
    moment, _, author = stamp.partition("|")
    if not moment:
        return "version d’origine"
    return f"appareil {author[:8] or '?'}, {moment[:16].replace('T', ' ')} UTC"
