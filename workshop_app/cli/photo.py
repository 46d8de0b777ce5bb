"""``atelier photo add ID FILE… [--caption TEXT] [--card CARD]``: photos of boards and post-its, headless.

Each file goes through :func:`workshop_app.services.photos.read_photo` (pixel limit, downscaling) like a photo
added in the app; a refused file is named with the reason, and nothing of that file is stored.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from workshop_app.cli.args import action_group, add_workshop
from workshop_app.cli.export import resolve_workshop


def register(subparsers: Any) -> None:
    actions = action_group(subparsers, "photo", "photos d’un atelier (tableaux, post-its) : ajouter, lister")
    add = actions.add_parser(
        "add",
        help="ajoute une ou plusieurs photos à un atelier (au bilan, ou à une carte avec --card)",
        description="Ajoute des photos à un atelier. Les grandes photos sont réduites (2 400 pixels au plus "
        "de côté) ; une image de plus de 60 millions de pixels est refusée.",
    )
    add_workshop(add)
    add.add_argument("files", metavar="FICHIER", type=Path, nargs="+", help="photo(s) JPEG, PNG, WebP…")
    add.add_argument("--caption", "-c", metavar="TEXTE", default="", help="légende (la même pour toutes)")
    add.add_argument("--card", metavar="CARTE", help="identifiant de la carte (ex. q05) ; sinon : le bilan")
    add.set_defaults(handler=cmd_photo_add)
    listing = actions.add_parser("list", help="liste les photos d’un atelier")
    add_workshop(listing)
    listing.set_defaults(handler=cmd_photo_list)


def cmd_photo_add(args: argparse.Namespace) -> int:
    from workshop_app.services.photos import read_photo
    from workshop_app.store import open_store

    prepared = [read_photo(path) for path in args.files]  # every file checked before anything is stored
    with open_store() as store:
        workshop_id = resolve_workshop(store, args.workshop)
        for photo in prepared:
            info = store.add_attachment(
                workshop_id, photo.filename, photo.data, caption=args.caption, media_type=photo.media_type,
                card_id=args.card or None,
            )
            where = f"carte {info.card_id}" if info.card_id else "bilan"
            resized = " (réduite)" if photo.downscaled else ""
            print(f"{info.id}\t{photo.filename}\t{photo.width}×{photo.height}{resized}\t{where}")
    return 0


def cmd_photo_list(args: argparse.Namespace) -> int:
    from workshop_app.store import open_store

    with open_store() as store:
        workshop_id = resolve_workshop(store, args.workshop)
        for info in store.snapshot(workshop_id).attachments:
            where = f"carte {info.card_id}" if info.card_id else "bilan"
            print(f"{info.id}\t{info.filename}\t{where}\t{info.caption}")
    return 0
