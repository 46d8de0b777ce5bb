"""Store sub-commands: ``demo`` (create the sample workshop) and ``workshops`` (list the workshops, or delete
one with ``--delete ID``)."""

from __future__ import annotations

import argparse
from typing import Any

from workshop_app.cli.filters import add_filters, apply_filters


def register(subparsers: Any) -> None:
    demo = subparsers.add_parser(
        "demo", help="crée un atelier de démonstration complet (Valmont-sur-Oise) et affiche son identifiant"
    )
    demo.add_argument(
        "--seed", type=int, default=None, help="graine (un autre atelier pour une autre graine)"
    )
    demo.add_argument(
        "--full-day",
        action="store_true",
        help="une journée complète : 12 tables × 33 cartes, argument et note sur chaque réponse, un tour "
        "stratégie, 20 actions (pour mesurer l’export)",
    )
    demo.add_argument(
        "--workshops",
        type=int,
        metavar="N",
        default=None,
        help="crée plutôt N ateliers d’exemple (une archive pour les mesures de performance)",
    )
    demo.add_argument(
        "--cohort",
        action="store_true",
        help="crée plutôt un programme d’exemple : « Nature en ville — Hauts-de-France 2024–2025 » (cinq "
        "villes) et Soissons qui joue l’autodiagnostic en 2024 puis en 2025 (pour « atelier compare »)",
    )
    demo.set_defaults(handler=cmd_demo)

    workshops = subparsers.add_parser("workshops", help="liste les ateliers de la base de données")
    workshops.add_argument(
        "--delete",
        metavar="ATELIER",
        help="supprime définitivement cet atelier (identifiant, ou son début sans ambiguïté) et tout ce "
        "qu’il contient ; « atelier bundle export » en garde d’abord une copie",
    )
    add_filters(workshops)
    workshops.set_defaults(handler=cmd_workshops)


def cmd_demo(args: argparse.Namespace) -> int:
    from workshop_app.store import open_store
    from workshop_app.store.demo import DEMO_SEED, create_demo_workshop

    if args.workshops is not None:
        return _demo_archive(args.workshops)
    if getattr(args, "cohort", False):
        from workshop_app.cli.compare import demo_cohort

        return demo_cohort()
    with open_store() as store:
        if getattr(args, "full_day", False):
            from workshop_app.store.demo_fullday import FULL_DAY_SEED, create_full_day_workshop

            print(create_full_day_workshop(store, seed=FULL_DAY_SEED if args.seed is None else args.seed))
            return 0
        print(create_demo_workshop(store, seed=DEMO_SEED if args.seed is None else args.seed))
    return 0


def cmd_workshops(args: argparse.Namespace) -> int:
    from workshop_app.store import open_store

    with open_store() as store:
        if args.delete is not None:
            return _delete(store, args.delete)
        summaries = store.list_workshops()
    if not summaries:
        print("Aucun atelier. (« atelier demo » crée un atelier de démonstration.)")
        return 0
    summaries = apply_filters(summaries, args)
    if not summaries:
        print("Aucun atelier ne correspond à ces filtres.")
        return 0
    print("identifiant\tdate\tterritoire\tjeux\trépondu/total")
    for s in summaries:
        when = s.date.strftime("%d/%m/%Y") if s.date else "—"
        decks = " + ".join(s.deck_titles) or "—"
        print(f"{s.id}\t{when}\t{s.territory or '—'}\t{decks}\t{s.answered}/{s.total}")
    return 0


def _demo_archive(count: int) -> int:
    import sys

    from workshop_app.store import open_store
    from workshop_app.store.demo_archive import create_demo_archive

    if count < 1:
        print("« --workshops » attend un nombre d’ateliers supérieur ou égal à 1.", file=sys.stderr)
        return 2
    with open_store() as store:
        create_demo_archive(store, count)
    print(f"{count} ateliers d’exemple dans la base.")
    return 0


def _delete(store: Any, key: str) -> int:
    from workshop_app.cli.export import resolve_workshop

    workshop_id = resolve_workshop(store, key)
    info = store.get_workshop(workshop_id)
    store.delete_workshop(workshop_id)
    where = info.territory or "territoire non précisé"
    print(f"Atelier supprimé : « {info.title} » ({where}, id {workshop_id}).")
    return 0
