"""Decks parsed once, not at every start: the YAML composer that keeps line numbers for error messages costs
~0.1 s for the three shipped decks. A deck that loaded cleanly is kept as JSON (its validated data) in the
data folder's ``cache/decks/``, keyed by the file's SHA-256 and by the deck model's own version (the app's
version and the model modules' size and time), and validated again from that JSON at the next start. Broken
decks are never cached (their messages need the YAML's line numbers). Any doubt falls back to the file: the
cache is safe to delete at any time.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

from workshop_app.core.deck_loader import MAX_FILE_BYTES, AnyDeck, DeckLoadError, deck_from_data, load_deck

log = logging.getLogger(__name__)
FORMAT = 1


def _model_key() -> str:
    """What the cached JSON depends on besides the file: the app's version and every ``core/deck*.py`` module
    (the models, their parts, the loader), so that editing any of them during development invalidates the
    cache, not only a release. An authoring-only module in the set costs a needless re-parse, never a stale
    deck."""
    from workshop_app import __version__

    parts = [str(FORMAT), __version__]
    for source in sorted(Path(__file__).parent.glob("deck*.py")):
        if source.name == Path(__file__).name:
            continue
        try:
            stat = source.stat()
            parts.append(f"{source.name}:{stat.st_size}:{stat.st_mtime_ns}")
        except OSError:
            parts.append(f"{source.name}:?")
    return "/".join(parts)


def load_deck_cached(path: Path, cache_dir: Path | None) -> AnyDeck:
    """``load_deck(path)``, from the cache when the file has not changed since it was last loaded."""
    if cache_dir is None:
        return load_deck(path)
    from workshop_app.core.safe_files import FileRefused, read_regular

    try:  # only a regular file of a deck's size is read (a FIFO would block, /dev/zero never end)
        digest = hashlib.sha256(read_regular(path, MAX_FILE_BYTES)).hexdigest()
    except (OSError, FileRefused):
        return load_deck(path)  # says why, in French
    entry = cache_dir / f"{hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:24]}.json"
    key = _model_key()
    try:
        cached = json.loads(entry.read_text(encoding="utf-8"))
        if cached.get("sha256") == digest and cached.get("model") == key:
            return deck_from_data(cached["data"], path.name)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, DeckLoadError):
        pass
    deck = load_deck(path)
    _store(entry, {"sha256": digest, "model": key, "data": deck.model_dump(mode="json")})
    return deck


def _store(entry: Path, content: dict[str, object]) -> None:
    from workshop_app.core.atomic import write_text_atomic
    from workshop_app.core.errors import AtelierError

    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(entry, json.dumps(content, ensure_ascii=False))
    except (OSError, AtelierError, TypeError, ValueError) as error:  # a cache: never worth an error
        log.info("deck not cached (%s): %s", entry.name, error)
