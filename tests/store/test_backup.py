"""``atelier backup`` / ``atelier restore``: the whole local database (photos included) and the user's decks.

Real SQLite files in a temporary ``ATELIER_HOME``; the CLI is run through ``main`` as a facilitator would.
"""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest
from store_decks import question_deck, strategy_deck

from workshop_app.cli import main
from workshop_app.core.errors import AtelierError
from workshop_app.store import open_store
from workshop_app.store.backup import read_backup, restore_backup

PHOTO = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40  # opaque bytes: the store keeps them as they are


@pytest.fixture
def demo_home(atelier_home: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str, str]:
    """A home with the demo workshop, one photo attached to it and one deck of the user's own."""
    import workshop_app.store.demo as demo
    from workshop_app.core.deck import QuestionDeck

    qdeck, sdeck = question_deck(), strategy_deck()
    monkeypatch.setattr(demo, "_find", lambda deck_id, kind: qdeck if kind is QuestionDeck else sdeck)
    with open_store() as store:
        workshop_id = demo.create_demo_workshop(store)
        photo = store.add_attachment(workshop_id, "tableau.png", PHOTO, caption="Post-it de la table 2")
    (atelier_home / "decks").mkdir()
    (atelier_home / "decks" / "mon-jeu.yaml").write_text("titre: mon jeu\n", encoding="utf-8")
    return atelier_home, workshop_id, photo.id


def test_backup_then_delete_then_restore_brings_the_workshop_back(
    demo_home: tuple[Path, str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home, workshop_id, photo_id = demo_home
    with open_store() as store:
        events_before = len(store.snapshot(workshop_id).events)
    target = tmp_path / "cle-usb" / "sauvegarde"
    assert main(["backup", str(target)]) == 0
    out = capsys.readouterr().out
    archive = target.with_name("sauvegarde.zip")  # the .zip suffix is added
    assert f"Sauvegarde écrite : {archive}" in out
    assert "1 atelier, " in out and "1 photo " in out and "1 jeu personnel" in out
    names = set(zipfile.ZipFile(archive).namelist())
    assert names == {"manifest.json", "atelier.sqlite3", "decks/mon-jeu.yaml"}
    manifest = json.loads(zipfile.ZipFile(archive).read("manifest.json"))
    assert manifest["workshops"][0]["id"] == workshop_id and manifest["photos"] == 1
    assert manifest["events"] == events_before

    assert main(["workshops", "--delete", workshop_id]) == 0
    (home / "decks" / "mon-jeu.yaml").write_text("titre: modifié après la sauvegarde\n", encoding="utf-8")
    with open_store() as store:
        assert store.list_workshops() == []
    capsys.readouterr()

    assert main(["restore", str(archive)]) == 0
    out = capsys.readouterr().out
    assert "Données d’avant mises de côté dans « " in out
    assert "Restauré depuis « sauvegarde.zip »" in out and "Valmont-sur-Oise" in out
    with open_store() as store:
        assert [w.id for w in store.list_workshops()] == [workshop_id]
        assert len(store.snapshot(workshop_id).events) == events_before
        assert store.attachment_data(photo_id) == PHOTO
    assert (home / "decks" / "mon-jeu.yaml").read_text(encoding="utf-8") == "titre: mon jeu\n"
    # What was there before the restoration is kept, not destroyed: the database without the workshop and
    # the deck as edited after the backup.
    (aside,) = (home / "backups").glob("avant-restauration-*")
    conn = sqlite3.connect(aside / "atelier.sqlite3")
    assert conn.execute("SELECT COUNT(*) FROM workshops").fetchone()[0] == 0
    conn.close()
    assert "modifié après" in (aside / "decks" / "mon-jeu.yaml").read_text(encoding="utf-8")


def test_backup_holds_what_is_committed_but_still_in_the_wal(
    demo_home: tuple[Path, str, str], tmp_path: Path
) -> None:
    """A copy of the database file alone would miss rows still in the -wal file: the backup API does not."""
    home, workshop_id, _ = demo_home
    database = home / "atelier.sqlite3"
    writer = sqlite3.connect(database)
    try:
        writer.execute("PRAGMA wal_autocheckpoint = 0")
        assert writer.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        writer.execute("UPDATE workshops SET title = 'Titre écrit dans le WAL' WHERE id = ?", (workshop_id,))
        writer.commit()
        assert (home / "atelier.sqlite3-wal").stat().st_size > 0
        assert main(["backup", str(tmp_path / "b.zip")]) == 0  # while the writer is still connected
    finally:
        writer.close()
    contents, _, _ = read_backup(tmp_path / "b.zip", _scratch(tmp_path))
    assert [w.title for w in contents.workshops] == ["Titre écrit dans le WAL"]


def _scratch(tmp_path: Path) -> Path:
    folder = tmp_path / "scratch"
    folder.mkdir()
    return folder


def test_a_damaged_backup_is_refused_and_nothing_changes(
    demo_home: tuple[Path, str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home, workshop_id, _ = demo_home
    assert main(["backup", str(tmp_path / "b.zip")]) == 0
    original = zipfile.ZipFile(tmp_path / "b.zip")
    tampered = tmp_path / "abimee.zip"
    with zipfile.ZipFile(tampered, "w") as out:
        for info in original.infolist():
            data = original.read(info)
            if info.filename == "atelier.sqlite3":
                data = data[:-1] + bytes([data[-1] ^ 0xFF])
            out.writestr(info, data)
    assert main(["workshops", "--delete", workshop_id]) == 0
    capsys.readouterr()
    assert main(["restore", str(tampered)]) == 1
    err = capsys.readouterr().err
    assert "« abimee.zip » n’est pas une sauvegarde utilisable" in err and "SHA-256" in err
    assert not (home / "backups").exists() or not list((home / "backups").glob("avant-restauration-*"))
    with open_store() as store:
        assert store.list_workshops() == []  # untouched

    not_ours = tmp_path / "autre.zip"
    with zipfile.ZipFile(not_ours, "w") as out:
        out.writestr("manifest.json", json.dumps({"format": "autre chose"}))
    assert main(["restore", str(not_ours)]) == 1
    assert "champ « format »" in capsys.readouterr().err
    assert main(["restore", str(tmp_path / "absente.zip")]) == 1
    assert "Sauvegarde introuvable" in capsys.readouterr().err


def test_a_backup_from_a_newer_schema_is_refused(demo_home: tuple[Path, str, str], tmp_path: Path) -> None:
    home, _, _ = demo_home
    assert main(["backup", str(tmp_path / "b.zip")]) == 0
    with pytest.raises(AtelierError, match="version plus récente"):
        restore_backup(
            tmp_path / "b.zip", home / "atelier.sqlite3", home / "decks", home / "backups", {"0001"}
        )


def test_backup_of_a_server_database_says_what_to_do(
    atelier_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setenv("ATELIER_DATABASE_URL", "postgresql+psycopg://atelier@127.0.0.1/atelier")
    assert main(["backup", str(tmp_path / "b.zip")]) == 1
    assert "pg_dump" in capsys.readouterr().err
    assert not (tmp_path / "b.zip").exists()


def test_two_laptops_restored_from_one_backup_record_under_two_new_identities(
    demo_home: tuple[Path, str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from workshop_app import paths
    from workshop_app.services.sync import exchange

    _home, workshop_id, _ = demo_home
    original = paths.device_id()
    archive = tmp_path / "sauvegarde.zip"
    assert main(["backup", str(archive)]) == 0
    # the backup's home folder copied whole to two laptops (device-id file included), then restored on each
    ids = []
    for name in ("portable-a", "portable-b"):
        laptop = tmp_path / name
        laptop.mkdir()
        (laptop / paths.DEVICE_FILE).write_text(original + "\n", encoding="ascii")
        monkeypatch.setenv("ATELIER_HOME", str(laptop))
        assert paths.device_id() == original
        capsys.readouterr()
        assert main(["restore", str(archive)]) == 0
        out = capsys.readouterr().out
        new = paths.device_id()
        assert new != original and new not in ids
        assert f"nouvel identifiant d’appareil ({new[:8]})" in out
        assert (laptop / paths.DEVICE_FILE).read_text(encoding="ascii").strip() == new
        with open_store() as store:
            assert store.author == new  # what this laptop records from now on carries the new id
            snap = store.snapshot(workshop_id)
            sequence = snap.sequences[0]
            vote = store.record_choice(
                workshop_id, sequence.id, snap.groups[0].id, sequence.deck.cards[0].id, "1"
            )
            assert vote.author == new
            undone = store.undo(workshop_id)
            assert undone is not None and undone.target == vote.id  # its own entry, not the backup's
        ids.append(new)
    # the two copies meet: both laptops' undos merge (neither is taken for the other's)
    with (
        open_store(f"sqlite:///{tmp_path / 'portable-a' / 'atelier.sqlite3'}", author=ids[0]) as a,
        open_store(f"sqlite:///{tmp_path / 'portable-b' / 'atelier.sqlite3'}", author=ids[1]) as b,
    ):
        exchange(a, b)
        events = b.snapshot(workshop_id).events
        assert {e.author for e in events if e.kind.value == "undo"} >= set(ids)
