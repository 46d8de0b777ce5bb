"""Hostile archives (reliability review §3): numbers beyond 64 bits, sequence numbers that leave no room,
wrong types, deep nesting, huge titles, unknown payload keys, NaN, image bombs. Each is refused whole with a
French reason naming the JSON path, never a traceback; nothing is imported."""

from __future__ import annotations

import io
import json
import os
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from export_factory import make_snapshot

from workshop_app.core.errors import AtelierError
from workshop_app.export.archive_checks import MAX_JSON_DEPTH
from workshop_app.export.bundle import BundleError, export_bundle, read_bundle
from workshop_app.store import open_store

Manifest = dict[str, Any]


@pytest.fixture
def archive(tmp_path: Path) -> tuple[Manifest, dict[str, bytes]]:
    snapshot, data = make_snapshot(n_groups=2, n_cards=3, photos=1)
    path = tmp_path / "bon.zip"
    export_bundle(snapshot, data, path)
    with zipfile.ZipFile(path) as z:
        members = {n: z.read(n) for n in z.namelist() if n != "workshop.json"}
        return json.loads(z.read("workshop.json")), members


def _zip(path: Path, manifest: Manifest | str, members: dict[str, bytes]) -> Path:
    text = manifest if isinstance(manifest, str) else json.dumps(manifest)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("workshop.json", text)
        for name, data in members.items():
            z.writestr(name, data)
    return path


def _refused(tmp_path: Path, manifest: Manifest | str, members: dict[str, bytes]) -> str:
    path = _zip(tmp_path / "hostile.zip", manifest, members)
    with pytest.raises(BundleError) as caught:
        read_bundle(path)
    return str(caught.value)


def _event(m: Manifest, kind: str | None = None) -> dict[str, Any]:
    return next(e for e in m["events"] if kind is None or e["kind"] == kind)


Mutation = Callable[[Manifest], None]
CASES: list[tuple[str, Mutation, str]] = [
    (
        "position-2^70",
        lambda m: m["groups"][0].update(position=2**70),
        r"groups\[0\]\.position\) : nombre hors",
    ),
    ("seq-2^70", lambda m: _event(m).update(seq=2**70), r"events\[0\]\.seq\) : nombre hors limites"),
    ("seq-negative", lambda m: m["events"][-1].update(seq=-1), r"events\[\d+\]\.seq\) : nombre hors"),
    ("seq-negative", lambda m: _event(m).update(seq=-3), r"events\[0\]\.seq\) : nombre hors limites \(de 0"),
    (
        "minutes-2^70",
        lambda m: m["sequences"][0].update(planned_minutes=2**70),
        r"sequences\[0\]\.planned_minutes",
    ),
    (
        "minutes-negative",
        lambda m: m["sequences"][0].update(planned_minutes=-5),
        r"planned_minutes\) : nombre",
    ),
    ("payload-list", lambda m: _event(m).update(payload=[]), r"events\[0\]\.payload\) : objet attendu"),
    (
        "payload-extra-key",
        lambda m: _event(m, "choice_recorded")["payload"].update(cache="x"),
        r"payload\.cache\) : clé inconnue",
    ),
    (
        "payload-extra-20MB",
        lambda m: _event(m, "choice_recorded")["payload"].update(cache=os.urandom(1_000_000).hex()),
        r"payload\.cache\) : texte trop long",
    ),
    (
        "title-20MB",
        lambda m: m["sequences"][0].update(title=os.urandom(10_000_000).hex()),
        r"sequences\[0\]\.title\) : texte",
    ),
    ("title-300", lambda m: m["sequences"][0].update(title="x" * 300), r"title\) : texte trop long \(200"),
    ("workshop-title-int", lambda m: m["workshop"].update(title=12), r"workshop\.title\) : texte attendu"),
    ("group-name-list", lambda m: m["groups"][0].update(name=["a"]), r"groups\[0\]\.name\) : texte attendu"),
    (
        "id-too-long",
        lambda m: m["groups"][0].update(id="g" * 100),
        r"groups\[0\]\.id\) : identifiant trop long",
    ),
    ("size-negative", lambda m: m["attachments"][0].update(size=-1), r"attachments\[0\]\.size\) : nombre"),
    ("seq-as-text", lambda m: _event(m).update(seq="1"), r"events\[0\]\.seq\) : nombre entier attendu"),
    ("float-position", lambda m: m["groups"][0].update(position=1.5), r"position\) : nombre entier attendu"),
    ("debrief-item-int", lambda m: m["debrief"].update(strengths=[1]), r"debrief\.strengths\[0\]\) : texte"),
]


@pytest.mark.parametrize(("mutation", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_hostile_manifest_is_refused_with_its_json_path(
    tmp_path: Path, archive: tuple[Manifest, dict[str, bytes]], mutation: Mutation, expected: str
) -> None:
    manifest, members = archive
    mutation(manifest)
    message = _refused(tmp_path, manifest, members)
    assert message.startswith("Contenu invalide dans « hostile.zip »")
    assert re.search(expected, message), message


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_anywhere_is_refused(
    tmp_path: Path, archive: tuple[Manifest, dict[str, bytes]], constant: str
) -> None:
    manifest, members = archive
    _event(manifest, "choice_recorded")["payload"]["argument"] = "__X__"
    text = json.dumps(manifest).replace('"__X__"', constant)
    assert "nombre non fini" in _refused(tmp_path, text, members)


@pytest.mark.parametrize("levels", [100_000, 5_000, MAX_JSON_DEPTH + 5])
def test_deep_nesting_is_refused_without_recursion_error(
    tmp_path: Path, archive: tuple[Manifest, dict[str, bytes]], levels: int
) -> None:
    manifest, members = archive
    _event(manifest, "choice_recorded")["payload"]["argument"] = "__X__"
    text = json.dumps(manifest).replace('"__X__"', "[" * levels + "]" * levels)
    assert "imbrication trop profonde" in _refused(tmp_path, text, members)
    if levels >= 5_000:  # the whole manifest that deep: JSON's own parser stops, cleanly
        deep = "[" * levels + "]" * levels
        assert "imbrication trop profonde" in _refused(tmp_path, deep, members)


def _png(width: int, height: int) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("1", (width, height)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_png_bomb_is_refused_from_its_header(
    tmp_path: Path, archive: tuple[Manifest, dict[str, bytes]]
) -> None:
    import hashlib

    manifest, members = archive
    bomb = _png(30_000, 30_000)  # 900 Mpx in a few kB
    att = manifest["attachments"][0]
    att.update(media_type="image/png", size=len(bomb), sha256=hashlib.sha256(bomb).hexdigest())
    members[f"attachments/{att['id']}"] = bomb
    message = _refused(tmp_path, manifest, members)
    assert "La photo" in message and "bombe de décompression" in message


def test_png_of_72_megapixels_is_refused_with_its_size(
    tmp_path: Path, archive: tuple[Manifest, dict[str, bytes]]
) -> None:
    import hashlib

    manifest, members = archive
    big = _png(9_000, 8_000)  # 72 Mpx: over the limit, under Pillow's own bomb threshold
    att = manifest["attachments"][0]
    att.update(media_type="image/png", size=len(big), sha256=hashlib.sha256(big).hexdigest())
    members[f"attachments/{att['id']}"] = big
    message = _refused(tmp_path, manifest, members)
    assert "9000 × 8000 pixels (64 millions de pixels au plus)" in message


def test_big_png_becomes_a_placeholder_in_the_pdf_without_decoding() -> None:
    from workshop_app.export.pdf.sections.annex import image_flowable

    assert image_flowable(_png(12_000, 12_000), 400, 300) is None  # 144 Mpx: too big to decode in full
    assert image_flowable(_png(2_000, 1_000), 400, 300) is not None


def test_a_refused_archive_imports_nothing(
    tmp_path: Path, archive: tuple[Manifest, dict[str, bytes]]
) -> None:
    manifest, members = archive
    manifest["events"][-1]["seq"] = -1
    path = _zip(tmp_path / "hostile.zip", manifest, members)
    from workshop_app.cli import main

    assert main(["bundle", "import", str(path)]) == 1
    with open_store() as store:
        assert store.list_workshops() == []


def test_a_sound_archive_still_imports(tmp_path: Path, archive: tuple[Manifest, dict[str, bytes]]) -> None:
    manifest, members = archive
    snapshot, data = read_bundle(_zip(tmp_path / "bon2.zip", manifest, members))
    with open_store() as store:
        try:
            assert store.import_snapshot(snapshot, data)
        except AtelierError as error:  # pragma: no cover - shown if it ever fails
            pytest.fail(str(error))
        assert len(store.list_workshops()) == 1
