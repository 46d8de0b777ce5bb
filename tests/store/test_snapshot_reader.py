"""The export's sqlite3-only read (``store.snapshot_reader``) gives exactly the store's snapshot, on real
databases made through the store; anything it is not sure of sends the export back to the store."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from workshop_app.cli import main
from workshop_app.core.deck import QuestionDeck
from workshop_app.core.deck_loader import load_deck
from workshop_app.store import open_store
from workshop_app.store.demo import create_demo_workshop
from workshop_app.store.demo_fullday import create_full_day_workshop
from workshop_app.store.snapshot_reader import Unsure, open_reader

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"


def _same_as_store(url: str, workshop_id: str) -> None:
    with open_store(url) as store:
        expected = store.snapshot(workshop_id)
        ids = sorted(store.workshop_ids())
        photos = {a.id: store.attachment_data(a.id) for a in expected.attachments}
    reader = open_reader(url)
    assert reader is not None
    with reader:
        got = reader.snapshot(workshop_id)
        assert sorted(reader.workshop_ids()) == ids
        assert {a.id: reader.attachment_data(a.id) for a in got.attachments} == photos
    assert got == expected
    # equality leaves these out (a snapshot without them is the same workshop): compared here
    assert got.programme == expected.programme and tuple(got.territories) == tuple(expected.territories)
    for field in ("groups", "participants", "sequences", "events", "actions", "attachments", "versions"):
        assert tuple(getattr(got, field)) == tuple(getattr(expected, field)), field  # the same order too


def test_the_full_day_and_the_demo_read_as_the_store_reads_them(sqlite_url: str) -> None:
    with open_store(sqlite_url) as store:
        full_day = create_full_day_workshop(store)
        demo = create_demo_workshop(store)
    _same_as_store(sqlite_url, full_day)
    _same_as_store(sqlite_url, demo)


def test_criteria_subjects_deletions_photos_and_territory_read_as_the_store_reads_them(
    sqlite_url: str,
) -> None:
    grid = load_deck(SCENARIOS / "grille-decision.yaml")
    rated = load_deck(SCENARIOS / "cotation-projet.yaml")
    assert isinstance(grid, QuestionDeck) and isinstance(rated, QuestionDeck) and rated.subject is not None
    with open_store(sqlite_url) as store:
        info = store.create_workshop("Grille — Centre-Est", territory="Lens", territory_kind="Commune")
        store.set_programme(info.id, "Nature en ville — Hauts-de-France 2024–2025")
        table, spare = store.add_group(info.id, "Table 1"), store.add_group(info.id, "Table 2")
        park = store.add_sequence(info.id, grid, title="Parc inondable")
        store.add_sequence(info.id, grid, title="Cour d’école")
        project = store.add_sequence(info.id, rated, title="Maison de santé")
        store.record_choice(info.id, park.id, table.id, "k1", "3", "Protège le quartier bas")
        cost = store.add_criterion(info.id, grid.id, "Coût pour la commune", weight=2)
        store.record_choice(info.id, park.id, table.id, cost, "1", "Cher")
        store.record_choice(
            info.id, project.id, table.id, rated.cards[0].id, rated.scale[-2].id, ""
        )
        person = store.add_participant(info.id, name="Claire Martin", group_id=table.id, kind="élu")
        gone = store.add_participant(info.id, name="Hugo Petit")
        action = store.add_action(info.id, "Planter la cour", owner="Services techniques")
        store.add_action(info.id, "Étudier le coût", deadline=date(2027, 3, 1))
        photo = store.add_attachment(info.id, "tableau.png", b"\x89PNG fake", "Le tableau")
        store.add_attachment(info.id, "carte.png", b"\x89PNG other", sequence_id=park.id, card_id="k1")
        store.update_workshop(info.id, context="Après la crue de 2024", date="2026-11-30")
        store.remove_group(spare.id)
        store.remove_participant(gone.id)
        store.remove_action(action.id)
        store.remove_attachment(photo.id)
        snapshot = store.snapshot(info.id)
    assert [g.id for g in snapshot.groups] == [table.id] and person.id in {
        p.id for p in snapshot.participants
    }
    assert {t.kind for t in snapshot.tombstones} == {"table", "participant", "action", "photo"}
    assert all(cost in {c.id for c in s.deck.cards} for s in snapshot.sequences if s.deck.id == grid.id)
    assert snapshot.programme is not None and snapshot.territories
    _same_as_store(sqlite_url, info.id)


def test_what_it_is_not_sure_of_goes_to_the_store(tmp_path: Path, sqlite_url: str) -> None:
    assert open_reader("postgresql://someone@localhost/atelier") is None
    assert open_reader(f"sqlite:///{tmp_path / 'none.sqlite3'}") is None  # no file yet: the store creates it
    assert open_reader(sqlite_url + "?timeout=5") is None
    with open_store(sqlite_url) as store:
        workshop_id = create_demo_workshop(store)
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_newer'")
    assert open_reader(sqlite_url) is None  # a newer app's schema: the store refuses it, in French
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = ?", (_head(),))
        conn.execute("UPDATE workshops SET debrief = 'not json' WHERE id = ?", (workshop_id,))
    reader = open_reader(sqlite_url)
    assert reader is not None
    with reader, pytest.raises(Unsure):
        reader.snapshot(workshop_id)


def _head() -> str:
    from workshop_app.paths import package_path
    from workshop_app.store.schema_head import head_from_scripts

    head = head_from_scripts(package_path("store", "migrations", "versions"))
    assert head is not None
    return head


def test_the_export_command_reads_without_sqlalchemy_or_yaml(
    tmp_path: Path, atelier_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The stored deck is data already: neither the store's SQLAlchemy nor PyYAML is needed."""
    assert main(["demo"]) == 0
    workshop_id = capsys.readouterr().out.split()[-1]
    script = (
        "import sys; from workshop_app.cli import main; "
        f"code = main(['export', '{workshop_id[:8]}', '--csv', sys.argv[1]]); "
        "print(code, 'sqlalchemy' in sys.modules, 'yaml' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "r.csv")], capture_output=True, text=True, check=True
    )  # a fresh process, as `atelier export`
    assert done.stdout.split()[-3:] == ["0", "False", "False"], done.stderr
    assert (tmp_path / "r.csv").stat().st_size > 0


def test_the_export_falls_back_to_the_store_for_what_the_reader_is_not_sure_of(
    tmp_path: Path, atelier_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo"]) == 0
    workshop_id = capsys.readouterr().out.split()[-1]
    with sqlite3.connect(atelier_home / "atelier.sqlite3") as conn:  # a timestamp SQLite's format never has
        conn.execute("UPDATE workshops SET created_at = 'hier' WHERE id = ?", (workshop_id,))
    code = main(["export", workshop_id, "--csv", str(tmp_path / "r.csv")])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert code == 1 and "atelier :" in err  # the store's own French message (the file is set aside)
