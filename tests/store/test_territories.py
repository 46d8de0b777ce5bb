"""Territories as entities: made from the old free text by revision 0006, and kept linked on every write."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from workshop_app.core.deck import QuestionDeck
from workshop_app.store import WorkshopStore, open_store
from workshop_app.store.territories import guess_kind

FIXTURE = Path(__file__).parent / "fixtures" / "schema-0001.sqlite3"


def _links(db: Path) -> list[tuple[str, str, str, str, str]]:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute(
            "SELECT w.title, w.territory, t.name, t.kind, t.kind_label FROM workshops w "
            "LEFT JOIN territories t ON t.id = w.territory_id ORDER BY w.title"
        ).fetchall()


def test_the_migration_turns_the_territory_text_into_one_entity_losing_nothing(tmp_path: Path) -> None:
    db = tmp_path / "atelier.sqlite3"
    shutil.copy(FIXTURE, db)
    with open_store(f"sqlite:///{db}") as store:
        assert {s.territory for s in store.list_workshops()} == {"Valmont-sur-Oise"}
    links = _links(db)
    assert len(links) == 2
    for _title, text, name, kind, label in links:  # both workshops point at the same, single entity
        assert (text, name, kind, label) == (
            "Valmont-sur-Oise",
            "Valmont-sur-Oise",
            "epci",
            "Communauté d'agglomération",
        )
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT count(*) FROM territories").fetchone()[0] == 1


def test_create_edit_and_import_link_the_workshop_to_its_territory(
    store: WorkshopStore, tmp_path: Path, qdeck: QuestionDeck
) -> None:
    a = store.create_workshop("Arras 1", territory="Arras", territory_kind="Commune")
    b = store.create_workshop("Arras 2", territory="Arras ")  # same place, kind not typed: the same entity
    c = store.create_workshop("Sans territoire")
    with store._read() as session:
        from workshop_app.store.models import TerritoryRow, WorkshopRow

        ids = {w.id: w.territory_id for w in session.query(WorkshopRow)}
        assert ids[a.id] is not None and ids[a.id] == ids[b.id] and ids[c.id] is None
        arras = session.get(TerritoryRow, ids[a.id])
        assert arras is not None and (arras.name, arras.kind) == ("Arras", "commune")
    store.update_workshop(c.id, territory="Communauté urbaine d’Arras", territory_kind="Communauté urbaine")
    store.add_sequence(c.id, qdeck)
    snapshot = store.snapshot(c.id)
    with open_store(
        f"sqlite:///{tmp_path / 'autre.sqlite3'}"
    ) as other:  # an archive imported elsewhere links there too
        assert other.import_snapshot(snapshot, {})
        with other._read() as session:
            row = session.get(WorkshopRow, c.id)
            assert row is not None and row.territory_id is not None
            cu = session.get(TerritoryRow, row.territory_id)
            assert cu is not None and (cu.name, cu.kind) == ("Communauté urbaine d’Arras", "epci")


def test_kinds_are_guessed_from_the_usual_words() -> None:
    assert guess_kind("Communauté d’agglomération") == "epci"
    assert guess_kind("Métropole") == "epci"
    assert guess_kind("Communauté de communes") == "epci"  # not a commune
    assert guess_kind("Autre") == ""
    assert guess_kind("PETR du Pays de Soissons") == "petr"
    assert guess_kind("Département") == "departement"
    assert guess_kind("Commune") == "commune"
    assert guess_kind("Parc naturel régional") == ""
