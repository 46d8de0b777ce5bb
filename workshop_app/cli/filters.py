"""Filters of ``atelier workshops``: territory, deck, programme and year, on the stored summaries."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from workshop_app.core.text_match import fold_text

if TYPE_CHECKING:
    from workshop_app.services.api import WorkshopSummary


def add_filters(parser: Any) -> None:
    parser.add_argument(
        "--territoire",
        metavar="NOM",
        help="seulement les ateliers de ce territoire (sans tenir compte des majuscules ni des accents ; "
        "un début de nom suffit)",
    )
    parser.add_argument(
        "--jeu",
        metavar="JEU",
        help="seulement les ateliers qui ont joué ce jeu (identifiant, ex. et-si-33, ou titre)",
    )
    parser.add_argument(
        "--programme",
        metavar="NOM",
        help="seulement les ateliers de ce programme (« atelier programme » y range des ateliers)",
    )
    parser.add_argument(
        "--annee",
        "--année",
        dest="annee",
        type=int,
        metavar="AAAA",
        help="seulement les ateliers de cette année",
    )


def matches(
    summary: WorkshopSummary,
    *,
    territory: str | None,
    deck: str | None,
    year: int | None,
    programme: str | None = None,
) -> bool:
    if programme and fold_text(summary.programme) != fold_text(programme):
        return False
    if territory and not fold_text(summary.territory).startswith(fold_text(territory)):
        return False
    if deck:
        wanted = fold_text(deck)
        names = [fold_text(d) for d in (*summary.deck_ids, *summary.deck_titles)]
        if wanted not in names:
            return False
    return not (year is not None and (summary.date is None or summary.date.year != year))


def apply_filters(summaries: Sequence[WorkshopSummary], args: argparse.Namespace) -> list[WorkshopSummary]:
    territory, deck, year = (
        getattr(args, "territoire", None),
        getattr(args, "jeu", None),
        getattr(args, "annee", None),
    )
    programme = getattr(args, "programme", None)
    return [
        s for s in summaries if matches(s, territory=territory, deck=deck, year=year, programme=programme)
    ]
