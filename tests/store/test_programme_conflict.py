"""A workshop's programme set differently on two copies is a conflict like any other field (« 1 conflit :
programme »), settled by hand and then merged without a new one; set on one copy only (or emptied there
after seeing it), it simply reaches the other. Through the real archive, on real SQLite files."""

from __future__ import annotations

from pathlib import Path

from laptops import open_laptop as _open
from laptops import ship as _ship

from workshop_app.services.sync import exchange
from workshop_app.services.sync_conflicts import describe

NATURE = "Nature en ville — Hauts-de-France 2024–2025"
EAU = "Eau et climat — Oise 2025"


def test_two_programmes_chosen_apart_are_a_conflict_to_settle(tmp_path: Path) -> None:
    with _open(tmp_path, "a") as a, _open(tmp_path, "b") as b:
        w = a.create_workshop("Atelier de Creil", territory="Creil")
        _ship(a, b, w.id, tmp_path)
        a.set_programme(w.id, NATURE)
        b.set_programme(w.id, EAU)  # later: the value kept on every copy until settled
        report = _ship(b, a, w.id, tmp_path)
        assert report.summary() == f"programme « {EAU} » ; 1 conflit : programme"
        assert a.programme_of(w.id) == EAU
        (conflict,) = a.conflicts(w.id, include_settled=False)
        view = describe(conflict, a.snapshot(w.id), a.author)
        assert (view.field, view.kept, view.lost) == ("programme", EAU, NATURE)
        assert view.lost_by.startswith("ce portable")
        a.settle_conflict(conflict.id, take_lost=True)  # « Reprendre »: A's programme after all
        assert a.programme_of(w.id) == NATURE
        report = _ship(a, b, w.id, tmp_path)
        assert report.conflicts == [] and b.programme_of(w.id) == NATURE  # no new conflict on B
        assert not _ship(b, a, w.id, tmp_path).anything and not _ship(a, b, w.id, tmp_path).anything


def test_a_programme_set_or_emptied_on_one_copy_reaches_the_other(tmp_path: Path) -> None:
    with _open(tmp_path, "a") as a, _open(tmp_path, "b") as b, _open(tmp_path, "c") as cohort:
        w = a.create_workshop("Atelier de Denain", territory="Denain")
        exchange(a, cohort)
        exchange(b, cohort)
        a.set_programme(w.id, NATURE)
        exchange(a, cohort)
        exchange(b, cohort)
        assert b.programme_of(w.id) == cohort.programme_of(w.id) == NATURE
        b.set_programme(w.id, "")  # B takes it out, having seen it
        assert "programme retiré" in exchange(b, cohort).lines()[0]
        exchange(a, cohort)
        for store in (a, b, cohort):
            assert store.programme_of(w.id) == "" and store.conflicts(w.id) == [], store.author


def test_two_programmes_set_before_this_version_are_a_conflict_too(tmp_path: Path) -> None:
    """Set before programmes had versions (written here without one): not resolved silently any more."""
    from workshop_app.store.models import WorkshopRow
    from workshop_app.store.territories import programme_for
    from workshop_app.store.versions import MERGING

    with _open(tmp_path, "a") as a, _open(tmp_path, "b") as b:
        w = a.create_workshop("Atelier d’Arras", territory="Arras")
        _ship(a, b, w.id, tmp_path)
        for store, name in ((a, NATURE), (b, EAU)):
            with store._write() as session:
                session.info[MERGING] = True  # no version, as an older version of the app wrote it
                row = session.get(WorkshopRow, w.id)
                assert row is not None
                row.programme_id = programme_for(session, name)
        assert _ship(b, a, w.id, tmp_path).conflicts == ["programme"]
        assert _ship(a, b, w.id, tmp_path).conflicts == ["programme"]
        assert a.programme_of(w.id) == b.programme_of(w.id)  # the same value kept on both
