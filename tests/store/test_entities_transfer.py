"""Programmes and territory entities travel with archives (and so with syncs): merged by id, then by name,
never duplicated, never overwriting what was typed here; an archive without them still imports."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from workshop_app.core.errors import AtelierError
from workshop_app.export.bundle import export_bundle, read_bundle
from workshop_app.store import WorkshopStore, open_store
from workshop_app.store.models import ProgrammeRow, TerritoryRow, WorkshopRow

PROGRAMME = "Nature en ville — Hauts-de-France 2024–2025"
EPCI = "Agglomération Creil Sud Oise"


def _laptop(path: Path) -> WorkshopStore:
    return open_store(f"sqlite:///{path}")


def _creil(store: WorkshopStore) -> str:
    """A workshop of Creil (INSEE code, in its EPCI) in the programme."""
    w = store.create_workshop(
        "Stratégie Nature en ville — Creil", territory="Creil", territory_kind="Commune"
    )
    store.set_programme(w.id, PROGRAMME)
    with store._write() as session:
        row = session.get(WorkshopRow, w.id)
        assert row is not None and row.territory_id is not None
        epci = TerritoryRow(id="epci-acso", name=EPCI, kind="epci", kind_label="EPCI", code="200067972")
        session.add(epci)
        territory = session.get(TerritoryRow, row.territory_id)
        assert territory is not None
        territory.code, territory.kind, territory.parent_id = "60175", "commune", "epci-acso"
    return w.id


def _count(store: WorkshopStore, model: type) -> int:
    with store._read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_an_archive_carries_the_programme_and_the_territory_chain(tmp_path: Path) -> None:
    with _laptop(tmp_path / "a.sqlite3") as a:
        wid = _creil(a)
        sent = a.snapshot(wid)
        export_bundle(sent, {}, tmp_path / "creil.zip")
    assert sent.programme is not None and [t.name for t in sent.territories] == ["Creil", EPCI]
    snapshot, photos = read_bundle(tmp_path / "creil.zip")
    assert snapshot.programme == sent.programme and tuple(snapshot.territories) == tuple(sent.territories)
    with _laptop(tmp_path / "b.sqlite3") as b:
        b.merge_snapshot(snapshot, photos)
        got = b.snapshot(wid)
        assert got.programme == sent.programme
        assert tuple(got.territories) == tuple(sent.territories)  # same ids, code, kind and parent
        assert [s.programme for s in b.list_workshops()] == [PROGRAMME]
        counts = (_count(b, ProgrammeRow), _count(b, TerritoryRow))
        b.merge_snapshot(snapshot, photos)  # again: nothing added
        assert (_count(b, ProgrammeRow), _count(b, TerritoryRow)) == counts == (1, 2)


def test_the_same_names_typed_on_two_laptops_meet(tmp_path: Path) -> None:
    with _laptop(tmp_path / "a.sqlite3") as a:
        snapshot = a.snapshot(_creil(a))
    with _laptop(tmp_path / "b.sqlite3") as b:
        mine = b.create_workshop("Atelier de Creil", territory="Creil", territory_kind="Commune")
        b.set_programme(mine.id, PROGRAMME)  # same name, another id
        b.merge_snapshot(snapshot, {})
        assert _count(b, ProgrammeRow) == 1 and _count(b, TerritoryRow) == 2  # Creil (one) and its EPCI
        got = b.snapshot(snapshot.info.id)
        assert got.programme is not None and got.programme.name == PROGRAMME
        here = b.snapshot(mine.id).territories
        assert here[0].code == "60175" and here[0].parent_id == "epci-acso"  # it gained what it lacked


def test_an_archive_without_entities_still_imports(tmp_path: Path) -> None:
    with _laptop(tmp_path / "a.sqlite3") as a:
        export_bundle(a.snapshot(_creil(a)), {}, tmp_path / "creil.zip")
    old = tmp_path / "old.zip"
    with zipfile.ZipFile(tmp_path / "creil.zip") as src, zipfile.ZipFile(old, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "workshop.json":
                manifest = json.loads(data)
                manifest.pop("programme"), manifest.pop("territories")
                data = json.dumps(manifest).encode()
            dst.writestr(item, data)
    snapshot, photos = read_bundle(old)
    assert snapshot.programme is None and snapshot.territories == ()
    with _laptop(tmp_path / "b.sqlite3") as b:
        b.merge_snapshot(snapshot, photos)
        assert [t.name for t in b.snapshot(snapshot.info.id).territories] == ["Creil"]  # by its name


def test_a_hostile_territory_is_refused_in_french(tmp_path: Path) -> None:
    with _laptop(tmp_path / "a.sqlite3") as a:
        export_bundle(a.snapshot(_creil(a)), {}, tmp_path / "creil.zip")
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(tmp_path / "creil.zip") as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "workshop.json":
                manifest = json.loads(data)
                manifest["territories"][0]["name"] = "x" * 500
                data = json.dumps(manifest).encode()
            dst.writestr(item, data)
    with pytest.raises(AtelierError, match=r"territories\[0\]\.name.*trop long"):
        read_bundle(bad)


def test_a_sync_brings_the_programmes_to_the_other_laptop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from workshop_app.cli import main
    from workshop_app.store.demo_cohort import EVOLUTION_PROGRAMME

    cohort = f"sqlite:///{tmp_path / 'cohorte.sqlite3'}"
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
    monkeypatch.setenv("ATELIER_HOME", str(tmp_path / "a"))
    assert main(["demo", "--cohort"]) == 0
    assert main(["sync", "--database", cohort]) == 0
    monkeypatch.setenv("ATELIER_HOME", str(tmp_path / "b"))
    assert main(["sync", "--database", cohort]) == 0
    capsys.readouterr()
    with open_store() as b:
        assert {s.programme for s in b.list_workshops()} == {PROGRAMME, EVOLUTION_PROGRAMME}
        assert _count(b, ProgrammeRow) == 2
    assert main(["compare", "--programme", PROGRAMME]) == 0
    assert "Cohorte — 5 territoires" in capsys.readouterr().out


def test_a_copy_that_only_brings_a_programme_or_a_territory_says_so(tmp_path: Path) -> None:
    """Only a link came (no event, no field): the report says what came, never « rien de nouveau »."""
    with _laptop(tmp_path / "a.sqlite3") as a, _laptop(tmp_path / "b.sqlite3") as b:
        w = a.create_workshop("Atelier de Laon", territory="Laon", territory_kind="Commune")
        b.merge_snapshot(a.snapshot(w.id), {})
        a.set_programme(w.id, PROGRAMME)  # A puts it in the programme: no event, no versioned field
        path = tmp_path / "a.zip"
        export_bundle(a.snapshot(w.id), {}, path)
        report = b.merge_snapshot(*read_bundle(path))
        assert report.anything and report.summary() == f"programme « {PROGRAMME} »"
        assert b.programme_of(w.id) == PROGRAMME
        with a._write() as session:  # then A learns Laon's INSEE code
            row = session.get(WorkshopRow, w.id)
            assert row is not None and row.territory_id is not None
            territory = session.get(TerritoryRow, row.territory_id)
            assert territory is not None
            territory.code = "02408"
        assert b.merge_snapshot(a.snapshot(w.id), {}).summary() == "territoire « Laon » complété"
        assert b.snapshot(w.id).territories[0].code == "02408"
        assert b.merge_snapshot(a.snapshot(w.id), {}).summary() == "rien de nouveau"
