"""Decks come from the cache only while their file is unchanged; broken decks and bad cache files never hide
a problem."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from workshop_app.core import deck_cache
from workshop_app.core.deck_cache import load_deck_cached
from workshop_app.core.deck_loader import DeckLoadError, load_deck


def test_a_cached_deck_is_the_parsed_deck_until_its_file_changes(
    tmp_path: Path, scenarios_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    for name in ("et-si-33.yaml", "nature-en-ville.yaml", "boussole-autodiagnostic.yaml"):
        path = tmp_path / name
        shutil.copy(scenarios_dir / name, path)
        parsed = load_deck(path)
        assert load_deck_cached(path, cache) == parsed  # first time: parsed and cached
        with monkeypatch.context() as m:
            m.setattr(deck_cache, "load_deck", lambda _p: pytest.fail("the file was parsed again"))
            assert load_deck_cached(path, cache) == parsed
    path = tmp_path / "et-si-33.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("title:", "title: ", 1), encoding="utf-8")
    calls: list[Path] = []
    real = deck_cache.load_deck
    monkeypatch.setattr(deck_cache, "load_deck", lambda p: calls.append(p) or real(p))
    load_deck_cached(path, cache)
    assert calls == [path]  # changed: parsed again


def test_broken_decks_and_bad_cache_files_fall_back_to_the_file(tmp_path: Path, scenarios_dir: Path) -> None:
    cache = tmp_path / "cache"
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: x\ntitle: [\n", encoding="utf-8")
    with pytest.raises(DeckLoadError) as first:
        load_deck_cached(broken, cache)
    assert not cache.exists() or not list(cache.glob("*.json"))
    assert first.value.issues[0].line is not None  # the message keeps its line number
    path = tmp_path / "et-si-33.yaml"
    shutil.copy(scenarios_dir / "et-si-33.yaml", path)
    deck = load_deck_cached(path, cache)
    for entry in cache.glob("*.json"):
        entry.write_text("{ not json", encoding="utf-8")
    assert load_deck_cached(path, cache) == deck


def test_the_cache_key_follows_every_deck_model_module(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Yesterday's key covered deck.py and deck_loader.py only: an edit to deck_subject.py (which shapes what
    a subject deck accepts) kept serving decks validated by the old rules."""
    real_core = Path(deck_cache.__file__).parent
    for source in real_core.glob("deck*.py"):
        shutil.copy(source, tmp_path / source.name)
    monkeypatch.setattr(deck_cache, "__file__", str(tmp_path / "deck_cache.py"))
    before = deck_cache._model_key()
    for name in ("deck_subject.py", "deck_compass.py", "deck_parts.py", "deck.py", "deck_loader.py"):
        (tmp_path / name).write_text((tmp_path / name).read_text(encoding="utf-8") + "\n# edited\n")
        after = deck_cache._model_key()
        assert after != before, name
        before = after
    (tmp_path / "deck_cache.py").write_text("# the cache's own module is not part of the key\n")
    assert deck_cache._model_key() == before
