"""Settling a merge conflict: the chosen value is a new edit made having seen the kept one, so it reaches
every copy without a new conflict, and each copy's record of the conflict ends settled. Real SQLite files
(and the cohort on PostgreSQL when ATELIER_TEST_POSTGRES_URL is set)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from workshop_app.core.errors import AtelierError
from workshop_app.services.sync import exchange
from workshop_app.store import WorkshopStore, open_store


def _laptop(tmp_path: Path, name: str) -> WorkshopStore:
    return open_store(f"sqlite:///{tmp_path / f'{name}.sqlite3'}", author=f"portable-{name}")


def test_a_conflict_lost_by_this_laptop_is_kept_once_and_its_settlement_merges(
    store_url: str, tmp_path: Path
) -> None:
    cohort = open_store(store_url, author="x")
    with _laptop(tmp_path, "a") as a, _laptop(tmp_path, "b") as b, cohort:
        w = a.create_workshop("Atelier partagé", place="Salle du conseil")
        action = a.add_action(w.id, "Cartographier les îlots de chaleur")
        exchange(a, cohort)
        exchange(b, cohort)
        a.update_workshop(w.id, place="Salle A")  # A edits first…
        a.update_action(action.id, deadline=date(2026, 6, 30))
        b.update_workshop(w.id, place="Salle B")  # …then B, apart: B's edit is the later one
        b.update_action(action.id, deadline=date(2026, 9, 1))
        report = exchange(b, cohort)
        assert report.workshops[0].conflicts == []  # the cohort had the original values
        report = exchange(a, cohort)  # A meets B's later edits there: conflicts in the cohort, A lost them
        (done,) = report.workshops
        assert sorted(done.conflicts) == ["lieu", "lieu", "échéance", "échéance"]  # sent, then received
        assert "2 conflits : lieu, échéance" in done.line()
        mine = a.conflicts(w.id)
        assert len(mine) == 2  # kept once on A, though the receiving met the same conflicts again
        place = next(c for c in mine if c.field == "place")
        deadline = next(c for c in mine if c.field == "deadline")
        assert (place.kept, place.lost) == ("Salle B", "Salle A")
        assert a.snapshot(w.id).info.place == "Salle B"

        a.settle_conflict(place.id, take_lost=True)  # A takes its own value back
        a.settle_conflict(deadline.id, take_lost=False)  # and keeps B's date
        assert a.snapshot(w.id).info.place == "Salle A"
        assert a.snapshot(w.id).actions[0].deadline == date(2026, 9, 1)
        assert a.conflicts(w.id, include_settled=False) == []
        with pytest.raises(AtelierError, match="déjà réglé"):
            a.settle_conflict(place.id, take_lost=False)

        report = exchange(a, cohort)
        assert report.workshops[0].conflicts == []
        report = exchange(b, cohort)
        assert report.workshops[0].conflicts == []  # the choice reaches B as a plain edit
        for store in (a, b, cohort):
            assert store.snapshot(w.id).info.place == "Salle A"
            assert store.snapshot(w.id).actions[0].deadline == date(2026, 9, 1)
        assert cohort.conflicts(w.id) and all(c.settled for c in cohort.conflicts(w.id))


def test_a_debrief_conflict_is_settled_in_place(tmp_path: Path) -> None:
    from workshop_app.core.workshop import Debrief

    with _laptop(tmp_path, "a") as a, _laptop(tmp_path, "b") as b, _laptop(tmp_path, "c") as cohort:
        w = a.create_workshop("Bilan à deux mains")
        exchange(a, cohort)
        exchange(b, cohort)
        b.set_debrief(w.id, Debrief(felt="Une salle attentive"))
        a.set_debrief(w.id, Debrief(felt="Des tables divisées"))
        exchange(b, cohort)
        exchange(a, cohort)  # met in the cohort; A won it (the later edit) and B's value is kept
        (conflict,) = a.conflicts(w.id)
        assert conflict.label == "ressenti" and conflict.lost == "Une salle attentive"
        a.settle_conflict(conflict.id, take_lost=True)
        assert a.snapshot(w.id).debrief.felt == "Une salle attentive"
        exchange(a, cohort)
        exchange(b, cohort)
        assert b.snapshot(w.id).debrief.felt == "Une salle attentive"
        assert all(c.settled for c in cohort.conflicts(w.id))


def test_an_unknown_conflict_is_refused_in_french(tmp_path: Path) -> None:
    with _laptop(tmp_path, "a") as a, pytest.raises(AtelierError, match="Conflit introuvable"):
        a.settle_conflict("00000000-0000-0000-0000-000000000000", take_lost=True)
