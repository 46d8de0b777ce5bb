"""Hostile deck files (reliability review §2): NaN and infinities, deep nesting, FIFOs and devices. Each is
refused at once with its file (line and field where they apply), never a RecursionError, a hang or a memory
blow-up; in the deck folder, one such file is listed as refused and changes nothing else."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

from workshop_app.core.catalogue import scan
from workshop_app.core.deck_loader import MAX_DEPTH, DeckLoadError, deck_from_data, load_deck, parse_deck
from workshop_app.core.safe_files import FileRefused, read_regular

ROOT = Path(__file__).resolve().parents[2]
ET_SI = (ROOT / "scenarios" / "et-si-33.yaml").read_text(encoding="utf-8")
NATURE = (ROOT / "scenarios" / "nature-en-ville.yaml").read_text(encoding="utf-8")


def _issue(text: str, name: str = "jeu.yaml") -> str:
    with pytest.raises(DeckLoadError) as caught:
        parse_deck(text, name)
    return str(caught.value.issues[0])


def _first_line(text: str, pattern: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if re.search(pattern, line))


@pytest.mark.parametrize("value", [".nan", ".NaN", ".inf", "-.inf", ".Inf"])
def test_non_finite_scale_value_is_refused_with_file_line_field(value: str) -> None:
    line = _first_line(ET_SI, r"^\s+value: ")
    lines = ET_SI.splitlines()
    lines[line - 1] = re.sub(r"value: .*", f"value: {value}", lines[line - 1])
    issue = _issue("\n".join(lines), "et-si.yaml")
    assert issue.startswith(f"et-si.yaml:{line}: scale[0].value: nombre attendu, pas ")


def test_non_finite_effect_of_a_strategy_card_is_refused() -> None:
    match = re.search(r"effects: \{(\w+): (-?\d+)", NATURE)
    assert match is not None
    text = NATURE.replace(match.group(0), f"effects: {{{match.group(1)}: .inf", 1)
    line = NATURE[: match.start()].count("\n") + 1
    issue = _issue(text, "nature.yaml")
    assert issue.startswith(f"nature.yaml:{line}: cards[") and "pas l’infini" in issue


def test_non_finite_number_in_stored_or_imported_deck_data() -> None:
    data = load_deck(ROOT / "scenarios" / "et-si-33.yaml").model_dump(mode="json")
    data["scale"][1]["value"] = float("nan")
    with pytest.raises(DeckLoadError, match=r"scale\[1\]\.value: nombre attendu, pas NaN"):
        deck_from_data(data, "archive")
    assert deck_from_data(data, "ancien atelier", finite=False).id == "et-si-33"  # old snapshots still open


@pytest.mark.parametrize(
    "text",
    [
        "[" * 1_000 + "]" * 1_000,
        "[" * 50_000 + "]" * 50_000,
        "{a: " * 10_000 + "1" + "}" * 10_000,
        "".join("  " * i + "-\n" for i in range(1_000)),
        "".join("  " * i + f"k{i}:\n" for i in range(300)) + "  " * 300 + "v",
    ],
    ids=["flow-1000", "flow-50000", "map-10000", "block-seq-1000", "block-map-300"],
)
def test_deep_nesting_is_refused_before_the_parser_recurses(text: str) -> None:
    started = time.perf_counter()
    issue = _issue(text)
    assert f"imbrication trop profonde ({MAX_DEPTH} niveaux au plus)" in issue
    assert re.match(r"jeu\.yaml:\d+: ", issue)
    assert time.perf_counter() - started < 5


def test_node_count_is_limited_while_composing() -> None:
    text = "cards: [" + ", ".join(["1"] * 60_000) + "]"
    assert "document trop volumineux" in _issue(text)


def test_fifo_is_refused_at_once_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "jeu.yaml"
    os.mkfifo(fifo)
    started = time.perf_counter()
    with pytest.raises(DeckLoadError) as caught:
        load_deck(fifo)  # opening a FIFO for reading would block until a writer comes: it is never opened
    assert str(caught.value) == "jeu.yaml: c’est un tube (FIFO), pas un fichier ordinaire"
    assert time.perf_counter() - started < 2


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_refused_at_once(tmp_path: Path, device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"no {device}")
    link = tmp_path / "jeu.yaml"
    link.symlink_to(device)
    for path in (Path(device), link):
        with pytest.raises(DeckLoadError, match="c’est un périphérique, pas un fichier ordinaire"):
            load_deck(path)


def test_read_regular_checks_the_size_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "gros.yaml"
    with big.open("wb") as handle:
        handle.truncate(5 * 1024 * 1024)  # sparse: nothing is read to find it too big
    with pytest.raises(FileRefused, match="fichier trop gros"):
        read_regular(big, 1024)
    small = tmp_path / "petit.yaml"
    small.write_bytes(b"abc")
    assert read_regular(small, 3) == b"abc"


def test_one_hostile_file_in_the_deck_folder_changes_nothing_else(tmp_path: Path) -> None:
    folder = tmp_path / "decks"
    folder.mkdir()
    (folder / "profond.yaml").write_text("[" * 5_000 + "]" * 5_000, encoding="utf-8")
    (folder / "nan.yaml").write_text(ET_SI.replace("value: 0", "value: .nan", 1), encoding="utf-8")
    os.mkfifo(folder / "tube.yaml")
    (folder / "zero.yaml").symlink_to("/dev/zero")
    good = NATURE.replace("id: nature-en-ville", "id: nature-copie", 1)
    (folder / "copie.yaml").write_text(good, encoding="utf-8")
    entries = scan([(ROOT / "scenarios", True), (folder, False)])
    by_name = {e.path.name: e for e in entries}
    assert sum(1 for e in entries if e.builtin and e.ok) == len(list((ROOT / "scenarios").glob("*.yaml")))
    assert by_name["copie.yaml"].ok
    hostile = ("profond.yaml", "nan.yaml", "tube.yaml", "zero.yaml")
    refused = {name: str(by_name[name].issues[0]) for name in hostile}
    assert "imbrication trop profonde" in refused["profond.yaml"]
    assert "pas NaN" in refused["nan.yaml"]
    assert "tube (FIFO)" in refused["tube.yaml"]
    assert "périphérique" in refused["zero.yaml"]


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("? [a, b]\n: 1", "YAML invalide : clé invalide (une liste ou un dictionnaire"),
        ("null: 1", "clé invalide : une clé est un texte"),
        ("12: 1", "clé invalide : une clé est un texte"),
    ],
)
def test_keys_that_are_not_texts_are_refused_in_french(key: str, expected: str) -> None:
    issue = _issue(ET_SI.replace("compass:", f"{key}\ncompass:", 1))
    assert expected in issue and "Keys should" not in issue and "unhashable" not in issue
