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
        help="échange les ateliers avec la base partagée d'une cohorte (envoi puis réception, sans doublon)",
        description="Envoie chaque atelier de ce portable vers la base partagée de la cohorte, puis reçoit "
        "ce que les autres y ont ajouté. Les saisies des deux côtés sont réunies (rien n'est perdu ni "
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
    direction.add_argument("--send-only", action="store_true", help="envoie seulement (rien n'est reçu)")
    direction.add_argument("--receive-only", action="store_true", help="reçoit seulement (rien n'est envoyé)")
    sync.set_defaults(handler=cmd_sync)

    conflicts = subparsers.add_parser(
        "conflicts",
        help="les valeurs que deux portables ont modifiées chacun de son côté (gardée / écartée)",
        description="Liste les conflits rencontrés en réunissant des copies d'un atelier dans cette base : "
        "pour chaque champ modifié sur deux portables, la valeur gardée (la plus récente) et celle qui a "
        "été écartée. Après « atelier sync », ceux de la cohorte : atelier --database URL conflicts ATELIER.",
    )
    conflicts.add_argument("workshop", metavar="ATELIER", help="identifiant (ou début d'identifiant)")
    conflicts.set_defaults(handler=cmd_conflicts)


def cmd_sync(args: argparse.Namespace) -> int:
    from workshop_app.cli.export import resolve_workshop
    from workshop_app.store import open_store

    with open_store() as local, open_store(args.cohort_url) as cohort:
        if local.url == cohort.url:
            raise AtelierError("La base de la cohorte est celle de ce portable : rien à échanger.")
        mine = {s.id: s.title for s in local.list_workshops()}
        theirs = {s.id: s.title for s in cohort.list_workshops()}
        if args.workshops:
            wanted = []
            for key in args.workshops:
                try:
                    wanted.append(resolve_workshop(local, key))
                except AtelierError:
                    wanted.append(resolve_workshop(cohort, key))
        else:
            wanted = sorted(set(mine) | set(theirs), key=lambda i: (mine.get(i) or theirs.get(i) or "", i))
        for wid in wanted:
            title = mine.get(wid) or theirs.get(wid) or wid
            parts = []
            sent = wid in mine and not args.receive_only
            if sent:
                parts.append(f"envoyé : {_move(local, cohort, wid).summary()}")
            if not args.send_only and (sent or wid in theirs):
                parts.append(f"reçu : {_move(cohort, local, wid).summary()}")
            print(f"« {title} » ({wid[:8]}) — {' — '.join(parts) or 'rien à faire'}.", flush=True)
    return 0


def _move(source: Any, target: Any, workshop_id: str) -> Any:
    snapshot = source.snapshot(workshop_id)
    data = {a.id: source.attachment_data(a.id) for a in snapshot.attachments}
    return target.merge_snapshot(snapshot, data)


def cmd_conflicts(args: argparse.Namespace) -> int:
    from workshop_app.cli.export import resolve_workshop
    from workshop_app.export.french import iso_local
    from workshop_app.store import open_store

    with open_store() as store:
        workshop_id = resolve_workshop(store, args.workshop)
        found = store.conflicts(workshop_id)
    if not found:
        print(
            "Aucun conflit dans cette base : jamais deux copies de cet atelier n'y ont apporté chacune "
            "sa valeur d'un même champ."
        )
        return 0
    for c in found:
        print(
            f"{iso_local(c.at)[:16].replace('T', ' ')} — {c.label} : gardé « {_shown(c.kept)} » "
            f"({_who(c.kept_stamp)}), écarté « {_shown(c.lost)} » ({_who(c.lost_stamp)})"
        )
    return 0


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return " ; ".join(str(v) for v in value)
    return "" if value is None else str(value)


def _who(stamp: str) -> str:
    moment, _, author = stamp.partition("|")
    if not moment:
        return "version d'origine"
    return f"appareil {author[:8] or '?'}, {moment[:16].replace('T', ' ')} UTC"
