"""Fuzzing the two readers of untrusted files (reliability review §2–3, issue #18): whatever the bytes, the
deck loader and the archive reader give a valid result or a French :class:`AtelierError`, never anything else
(no RecursionError, OverflowError, TypeError, KeyError…)."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop_app.core.deck_loader import AnyDeck, deck_from_data, parse_deck
from workshop_app.core.errors import AtelierError
from workshop_app.core.workshop import WorkshopSnapshot
from workshop_app.export.bundle import export_bundle, read_bundle
from workshop_app.export.manifest_reader import snapshot_from_json

ROOT = Path(__file__).resolve().parents[2]
DECK_TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "scenarios").glob("*.yaml"))]
YAML_BITS = [*"[]{}:-,&*!|>'\"#%@`?\n\t ", ".nan", ".inf", "!!python/object:os.system", "<<: ", "---"]
FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _valid_or_french(run: Any) -> object:
    try:
        return run()
    except AtelierError as error:
        assert str(error).strip(), "an AtelierError always says something"
        assert "Traceback" not in str(error)
        return error


@st.composite
def mutated_deck(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(DECK_TEXTS))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "replace", "truncate", "repeat"]))
        piece = draw(st.one_of(st.sampled_from(YAML_BITS), st.text(max_size=8)))
        if action == "insert":
            text = text[:at] + piece + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 200)) :]
        elif action == "replace":
            text = text[:at] + piece + text[at + len(piece) :]
        elif action == "truncate":
            text = text[:at]
        else:
            text = text[:at] + piece * draw(st.integers(10, 3000)) + text[at:]
    return text


@FUZZ
@given(mutated_deck())
def test_deck_loader_on_mutated_decks(text: str) -> None:
    result = _valid_or_french(lambda: parse_deck(text, "fuzz.yaml"))
    assert isinstance(result, AtelierError | AnyDeck)


@FUZZ
@given(st.lists(st.sampled_from([*YAML_BITS, "a", "b", "1", "0", "cards", "id"]), max_size=1500).map("".join))
def test_deck_loader_on_yaml_punctuation(text: str) -> None:
    _valid_or_french(lambda: parse_deck(text, "fuzz.yaml"))


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**80), max_value=2**80)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=30,
)


@FUZZ
@given(JSON)
def test_deck_from_arbitrary_data(data: Any) -> None:
    _valid_or_french(lambda: deck_from_data(data if isinstance(data, dict) else {"x": data}, "fuzz"))


def _manifest() -> dict[str, Any]:
    import sys

    sys.path.insert(0, str(ROOT / "tests" / "export"))
    from export_factory import make_snapshot

    snapshot, data = make_snapshot(n_groups=2, n_cards=3, photos=0)
    buffer = io.BytesIO()
    target = ROOT / "tests" / ".fuzz-archive.zip"
    try:
        export_bundle(snapshot, data, target)
        buffer.write(target.read_bytes())
    finally:
        target.unlink(missing_ok=True)
    with zipfile.ZipFile(buffer) as z:
        return json.loads(z.read("workshop.json"))


MANIFEST = _manifest()


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            out += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            out += _paths(item, (*prefix, i))
    return out


PATHS = [p for p in _paths(MANIFEST) if p and p[0] not in ("format", "version")]
RECORDS = [p for p in PATHS if "deck" not in p]  # the deck snapshot has most paths: not to drown the rest


def _replace(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    copy = json.loads(json.dumps(data))
    node = copy
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return copy


def _leaf(path: tuple[Any, ...]) -> Any:
    node: Any = MANIFEST
    for part in path:
        node = node[part]
    return node


INT_PATHS = [p for p in RECORDS if isinstance(_leaf(p), int) and not isinstance(_leaf(p), bool)]
STR_PATHS = [p for p in RECORDS if isinstance(_leaf(p), str)]
EXTREME = st.sampled_from([2**63 - 1, 2**63, 2**70, -1, -(2**63) - 1, 2**31, 2**31 - 1]) | st.integers(
    -(2**80), 2**80
)
# A path of the manifest and a new value: often of the same type (so that the archive stays plausible and
# reaches the database), sometimes anything at all anywhere (the deck snapshot included).
_change = st.one_of(
    st.tuples(st.sampled_from(INT_PATHS), EXTREME),
    st.tuples(st.sampled_from(STR_PATHS), st.text(max_size=10) | st.integers(100, 30_000).map("x".__mul__)),
    st.tuples(st.sampled_from(RECORDS), JSON),
    st.tuples(st.sampled_from(PATHS), JSON),
)


@FUZZ
@given(st.lists(_change, min_size=1, max_size=3))
def test_archive_reader_on_mutated_manifests(changes: list[tuple[tuple[Any, ...], Any]]) -> None:
    data: Any = MANIFEST
    for path, value in changes:
        try:
            data = _replace(data, path, value)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed that path
    result = _valid_or_french(lambda: snapshot_from_json(data, "fuzz.zip"))
    if isinstance(result, WorkshopSnapshot):  # what the reader accepts, a fresh database accepts too
        from workshop_app.store import open_store

        with open_store("sqlite://") as store:
            _valid_or_french(lambda: store.import_snapshot(result, {}))


@FUZZ
@given(st.binary(max_size=2000), st.integers(0, 3))
def test_archive_reader_on_random_zips(noise: bytes, how: int) -> None:
    import tempfile

    raw = json.dumps(MANIFEST).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("workshop.json", raw if how else noise)
        if how == 2:
            z.writestr("attachments/x", noise)
    blob = buffer.getvalue()
    if how == 3:  # damaged bytes inside the zip itself
        at = len(noise) % max(1, len(blob))
        blob = blob[:at] + noise[:50] + blob[at + 50 :]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.zip"
        path.write_bytes(blob)
        _valid_or_french(lambda: read_bundle(path))
