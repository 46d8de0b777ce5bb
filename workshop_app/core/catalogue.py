"""The decks a facilitator can play: the built-in ones and those in the user's own folder."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from workshop_app.core.deck_loader import AnyDeck, DeckIssue, DeckLoadError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DeckEntry:
    path: Path
    builtin: bool
    deck: AnyDeck | None  # None when the file is broken
    issues: tuple[DeckIssue, ...] = ()

    @property
    def ok(self) -> bool:
        return self.deck is not None


def deck_files(folder: Path) -> list[Path]:
    """Every ``.yaml``/``.yml`` entry but folders: a FIFO, a device or a dangling link named like a deck is
    listed too, so that the loader refuses it by name instead of skipping it silently."""
    if not folder.is_dir():
        return []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    return sorted(p for p in entries if p.suffix.lower() in (".yaml", ".yml") and not p.is_dir())


def scan(folders: Iterable[tuple[Path, bool]], cache_dir: Path | None = None) -> list[DeckEntry]:
    """Load every deck in the given (folder, builtin) pairs; broken files are listed with their issues.

    A deck whose id an earlier one already has (a built-in deck copied by hand into the user's folder, say)
    is listed as refused, naming the other file: two decks with one id would make a workshop's deck
    ambiguous. With ``cache_dir``, decks unchanged since they were last read come from that cache
    (:mod:`workshop_app.core.deck_cache`).
    """
    from workshop_app.core.deck_cache import load_deck_cached

    entries: list[DeckEntry] = []
    seen: dict[str, Path] = {}
    for folder, builtin in folders:
        for path in deck_files(folder):
            try:
                deck = load_deck_cached(path, cache_dir)
            except DeckLoadError as exc:
                entries.append(DeckEntry(path, builtin, None, tuple(exc.issues)))
                continue
            except Exception as exc:  # one hostile file never empties the list of decks
                log.error("deck %s could not be read", path, exc_info=exc)
                message = "fichier illisible (erreur inattendue : voir le journal)"
                issue = DeckIssue(path.name, None, "", message)
                entries.append(DeckEntry(path, builtin, None, (issue,)))
                continue
            first = seen.setdefault(deck.id, path)
            if first != path:
                issue = DeckIssue(
                    path.name,
                    None,
                    "id",
                    f"l’identifiant « {deck.id} » est déjà celui du jeu « {first.name} » ({first.parent}) ; "
                    "changez le champ « id » de ce fichier pour garder les deux jeux",
                )
                entries.append(DeckEntry(path, builtin, None, (issue,)))
                continue
            entries.append(DeckEntry(path, builtin, deck))
    return entries


def available_decks() -> list[DeckEntry]:
    from workshop_app.paths import builtin_decks_dir, home, user_decks_dir

    return scan([(builtin_decks_dir(), True), (user_decks_dir(), False)], home() / "cache" / "decks")


def find_deck(deck_id: str) -> AnyDeck:
    for entry in available_decks():
        if entry.deck is not None and entry.deck.id == deck_id:
            return entry.deck
    raise KeyError(deck_id)
