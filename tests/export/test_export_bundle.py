"""The workshop bundle: round trip, anonymising, and every refusal of a hostile or broken zip."""

from __future__ import annotations

import hashlib
import json
import struct
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from export_factory import make_snapshot, participant_names

from workshop_app.core.errors import AtelierError
from workshop_app.core.workshop import WorkshopSnapshot
from workshop_app.export import bundle
from workshop_app.export.bundle import BundleError, export_bundle, normalised, read_bundle, snapshot_to_json


@pytest.fixture
def exported(tmp_path: Path) -> tuple[WorkshopSnapshot, dict[str, bytes], Path]:
    snapshot, data = make_snapshot(n_groups=3, n_cards=6, photos=2, hostile=True)
    target = tmp_path / "atelier.zip"
    export_bundle(snapshot, data, target)
    return snapshot, data, target


def _manifest(path: Path) -> dict:  # type: ignore[type-arg]
    with zipfile.ZipFile(path) as z:
        return json.loads(z.read("workshop.json"))


def _write(path: Path, members: dict[str, bytes], manifest: dict | None = None) -> Path:  # type: ignore[type-arg]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        if manifest is not None:
            z.writestr("workshop.json", json.dumps(manifest))
        for name, data in members.items():
            z.writestr(name, data)
    return path


def test_round_trip_is_equal(exported: tuple[WorkshopSnapshot, dict[str, bytes], Path]) -> None:
    snapshot, data, target = exported
    back, attachments = read_bundle(target)
    assert back == normalised(snapshot)
    assert attachments == data
    assert back.sequences[0].deck == snapshot.sequences[0].deck
    assert back.state().sequences == snapshot.state().sequences
    manifest = _manifest(target)
    assert manifest["format"] == "atelier-bundle" and manifest["version"] == 2
    with zipfile.ZipFile(target) as z:
        assert sorted(z.namelist()) == sorted(["workshop.json", "attachments/att01", "attachments/att02"])


def test_round_trip_of_an_empty_workshop(tmp_path: Path) -> None:
    from workshop_app.core.workshop import WorkshopInfo

    snapshot = WorkshopSnapshot(info=WorkshopInfo(id="w1", title="Vide"))
    export_bundle(snapshot, {}, tmp_path / "v.zip")
    back, data = read_bundle(tmp_path / "v.zip")
    assert back == normalised(snapshot) and data == {}


def test_anonymised_bundle_has_no_names(tmp_path: Path) -> None:
    snapshot, data = make_snapshot(n_groups=2, n_cards=4, notes_per_answer=True)
    target = tmp_path / "anonyme.zip"
    export_bundle(snapshot, data, target, anonymise=True)
    raw = zipfile.ZipFile(target).read("workshop.json").decode("utf-8")
    for name in participant_names(snapshot):
        assert name not in raw
    back, _ = read_bundle(target)
    assert all(p.name == "" and p.service for p in back.participants)
    assert _manifest(target)["anonymised"] is True


def test_export_is_atomic_and_needs_every_attachment(tmp_path: Path) -> None:
    snapshot, _ = make_snapshot(n_groups=2, n_cards=2, photos=1)
    target = tmp_path / "out" / "a.zip"
    target.parent.mkdir()
    target.write_bytes(b"previous")
    with pytest.raises(AtelierError, match="introuvable"):
        export_bundle(snapshot, {}, target)
    assert target.read_bytes() == b"previous"
    assert [p.name for p in target.parent.iterdir()] == ["a.zip"]


@pytest.mark.parametrize(
    "member",
    [
        "../evil.txt",
        "/etc/passwd",
        "attachments/../../x",
        "C:/Windows/x",
        "attachments\\..\\x",
        "a/./b",
        "x//y",
    ],
)
def test_refuses_paths_that_escape(
    tmp_path: Path, member: str, exported: tuple[WorkshopSnapshot, dict[str, bytes], Path]
) -> None:
    manifest = _manifest(exported[2])
    path = _write(tmp_path / "evil.zip", {member: b"x"}, manifest)
    with pytest.raises(BundleError, match="chemin refusé"):
        read_bundle(path)


def test_refuses_unexpected_members(
    tmp_path: Path, exported: tuple[WorkshopSnapshot, dict[str, bytes], Path]
) -> None:
    _, data, target = exported
    manifest = _manifest(target)
    members = {f"attachments/{k}": v for k, v in data.items()}
    for extra in ({"readme.txt": b"hi"}, {"attachments/unknown": b"x"}, {"sub/dir/file": b"x"}):
        path = _write(tmp_path / "extra.zip", {**members, **extra}, manifest)
        with pytest.raises(BundleError, match="inattendu"):
            read_bundle(path)


def test_refuses_missing_or_altered_attachments(
    tmp_path: Path, exported: tuple[WorkshopSnapshot, dict[str, bytes], Path]
) -> None:
    _, data, target = exported
    manifest = _manifest(target)
    path = _write(tmp_path / "missing.zip", {"attachments/att01": data["att01"]}, manifest)
    with pytest.raises(BundleError, match="incomplète"):
        read_bundle(path)
    altered = dict(data, att02=data["att02"][:-1] + b"\x00")
    path = _write(tmp_path / "altered.zip", {f"attachments/{k}": v for k, v in altered.items()}, manifest)
    with pytest.raises(BundleError, match="SHA-256"):
        read_bundle(path)


def test_refuses_not_a_zip_bad_json_unknown_format_and_version(
    tmp_path: Path, exported: tuple[WorkshopSnapshot, dict[str, bytes], Path]
) -> None:
    (tmp_path / "not.zip").write_bytes(b"PK\x03\x04 garbage")
    with pytest.raises(BundleError, match="zip invalide"):
        read_bundle(tmp_path / "not.zip")
    with pytest.raises(BundleError, match="introuvable"):
        read_bundle(tmp_path / "absent.zip")
    with zipfile.ZipFile(tmp_path / "json.zip", "w") as z:
        z.writestr("workshop.json", "{not json")
    with pytest.raises(BundleError, match="JSON invalide"):
        read_bundle(tmp_path / "json.zip")
    _write(tmp_path / "nomanifest.zip", {"attachments/a": b"x"})
    with pytest.raises(BundleError, match="ne contient pas"):
        read_bundle(tmp_path / "nomanifest.zip")
    manifest = _manifest(exported[2])
    path = _write(tmp_path / "format.zip", {}, {**manifest, "format": "autre-chose"})
    with pytest.raises(BundleError, match="format inconnu"):
        read_bundle(path)
    path = _write(tmp_path / "version.zip", {}, {**manifest, "version": 2})
    with pytest.raises(BundleError, match="version"):
        read_bundle(path)


def test_refuses_invalid_records_and_decks(
    tmp_path: Path, exported: tuple[WorkshopSnapshot, dict[str, bytes], Path]
) -> None:
    _, data, target = exported
    members = {f"attachments/{k}": v for k, v in data.items()}
    base = _manifest(target)
    broken_deck = json.loads(json.dumps(base))
    broken_deck["sequences"][0]["deck"]["cards"][0]["informs"] = [{"lever": "nope"}]
    cases = [
        (broken_deck, "jeu invalide"),
        ({**base, "events": [{**base["events"][0], "kind": "explode"}]}, "type d'événement inconnu"),
        ({**base, "events": [base["events"][0], base["events"][0]]}, "en double"),
        ({**base, "events": [{**base["events"][0], "at": "hier"}]}, "horodatage invalide"),
        ({**base, "groups": "table"}, "liste attendue"),
        ({**base, "workshop": {**base["workshop"], "date": "23/11/2026"}}, "date invalide"),
        ({**base, "workshop": {**base["workshop"], "status": "???"}}, "statut inconnu"),
        (
            {**base, "attachments": [{**base["attachments"][0], "sha256": "zz"}, base["attachments"][1]]},
            "empreinte invalide",
        ),
    ]
    for manifest, message in cases:
        path = _write(tmp_path / "bad.zip", members, manifest)
        with pytest.raises(BundleError, match=message):
            read_bundle(path)


def test_refuses_references_to_unknown_tables_sequences_cards_and_answers(
    tmp_path: Path, exported: tuple[WorkshopSnapshot, dict[str, bytes], Path]
) -> None:
    """What the app checks before recording an entry, an import checks too (else: a vague database error, or
    entries that mean nothing)."""
    _, data, target = exported
    members = {f"attachments/{k}": v for k, v in data.items()}
    base = _manifest(target)
    i = next(n for n, e in enumerate(base["events"]) if e["kind"] == "choice_recorded")
    choice = base["events"][i]

    def with_choice(**changes: object) -> dict:  # type: ignore[type-arg]
        events = list(base["events"])
        events[i] = {**choice, **changes}
        return {**base, "events": events}

    participant = {**base["participants"][0], "group_id": "table-fantome"}
    cases = [
        ({**base, "participants": [participant]}, r"participants\[0\]\.group_id\) : table inconnue"),
        (with_choice(group_id="table-fantome"), rf"events\[{i}\]\.group_id\) : table inconnue"),
        (with_choice(sequence_id="seq-fantome"), rf"events\[{i}\]\.sequence_id\) : séquence inconnue"),
        # one rule with the store's (core.event_rules): the same words as when the app refuses to record
        (with_choice(card_id="carte-fantome"), "carte « carte-fantome » n’est pas dans le jeu"),
        (with_choice(payload={"option": "99", "argument": ""}), "Réponse « 99 » inconnue sur l’échelle"),
        (with_choice(payload={"argument": "sans réponse"}), "Réponse «  » inconnue sur l’échelle"),
        (with_choice(group_id=None), "Saisie incomplète"),  # a choice with no table: the store refuses it too
        (with_choice(payload={**choice["payload"], "argument": "x" * 5_000}), "texte trop long"),
        (with_choice(payload={**choice["payload"], "argument": ["liste"]}), "texte attendu"),
        # refused by the manifest's type check (export.archive_checks) before the event rule is asked
        (with_choice(kind="undo", payload={"target": ["abc"]}), r"payload\.target\) : identifiant ou numéro"),
    ]
    for manifest, message in cases:
        path = _write(tmp_path / "bad.zip", members, manifest)
        with pytest.raises(BundleError, match=message):
            read_bundle(path)


def test_refuses_oversized_and_too_many_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exported: tuple[WorkshopSnapshot, dict[str, bytes], Path]
) -> None:
    _, _, target = exported
    monkeypatch.setattr(bundle, "MAX_MEMBER_BYTES", 100)
    with pytest.raises(BundleError, match="trop gros"):
        read_bundle(target)
    monkeypatch.setattr(bundle, "MAX_MEMBER_BYTES", 50 * 1024 * 1024)
    monkeypatch.setattr(bundle, "MAX_TOTAL_BYTES", 1000)
    with pytest.raises(BundleError, match="trop volumineuse"):
        read_bundle(target)
    monkeypatch.setattr(bundle, "MAX_TOTAL_BYTES", 200 * 1024 * 1024)
    monkeypatch.setattr(bundle, "MAX_MEMBERS", 1)
    many = _write(tmp_path / "many.zip", {f"attachments/a{i}": b"x" for i in range(5)}, _manifest(target))
    with pytest.raises(BundleError, match="trop de fichiers"):
        read_bundle(many)


def test_refuses_zip_bombs(tmp_path: Path, exported: tuple[WorkshopSnapshot, dict[str, bytes], Path]) -> None:
    manifest = _manifest(exported[2])
    # a member that declares its real size but compresses 1000:1
    bomb = _write(tmp_path / "bomb.zip", {"attachments/att01": b"\0" * (20 * 1024 * 1024)}, manifest)
    with pytest.raises(BundleError, match="bombe zip"):
        read_bundle(bomb)
    # a member whose headers lie about its size: read with a limit, refused
    liar = tmp_path / "liar.zip"
    export_bundle(*make_snapshot(n_groups=1, n_cards=1, photos=0, strategy=False), liar)
    blob = bytearray(liar.read_bytes())
    central = blob.rfind(b"PK\x01\x02")
    assert central > 0
    # uncompressed size field of the central directory entry (offset 24) and of the local header (offset 22)
    struct.pack_into("<I", blob, central + 24, 10)
    struct.pack_into("<I", blob, 22, 10)
    liar.write_bytes(bytes(blob))
    with pytest.raises(BundleError):
        read_bundle(liar)


def test_refuses_encrypted_and_duplicate_members(
    tmp_path: Path, exported: tuple[WorkshopSnapshot, dict[str, bytes], Path]
) -> None:
    _, data, target = exported
    manifest = _manifest(target)
    dup = tmp_path / "dup.zip"
    with pytest.warns(UserWarning), zipfile.ZipFile(dup, "w") as z:
        z.writestr("workshop.json", json.dumps(manifest))
        z.writestr("attachments/att01", data["att01"])
        z.writestr("attachments/att01", data["att01"])
    with pytest.raises(BundleError, match="deux fois"):
        read_bundle(dup)
    enc = tmp_path / "enc.zip"
    with zipfile.ZipFile(enc, "w") as z:
        z.writestr("workshop.json", json.dumps(manifest))
    blob = bytearray(enc.read_bytes())
    central = blob.rfind(b"PK\x01\x02")
    blob[central + 8] |= 0x1  # "encrypted" bit of the general purpose flags
    blob[6] |= 0x1
    enc.write_bytes(bytes(blob))
    with pytest.raises(BundleError, match="chiffré"):
        read_bundle(enc)


def test_json_helpers_are_consistent() -> None:
    snapshot, _ = make_snapshot(n_groups=2, n_cards=2, photos=0)
    data = snapshot_to_json(snapshot)
    assert data["workshop"]["date"] == "2026-11-23"
    assert all(e["at"].endswith("+00:00") for e in data["events"])
    digest = hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()
    assert (
        digest == hashlib.sha256(json.dumps(snapshot_to_json(snapshot), sort_keys=True).encode()).hexdigest()
    )
    assert bundle.snapshot_from_json(data) == normalised(replace(snapshot))
