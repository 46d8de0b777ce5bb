"""Programme steps that are not decks, in a real SQLite store: planned, changed, reordered, started, ended,
removed — as events, so two laptops' copies merge them like answers, and an archive carries them."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from workshop_app.core.errors import AtelierError
from workshop_app.core.events import EventKind
from workshop_app.core.programme import programme_steps
from workshop_app.store.service import WorkshopStore


def test_steps_planned_changed_played_and_removed(store: WorkshopStore) -> None:
    w = store.create_workshop("Journée")
    welcome = store.plan_step(w.id, "accueil", "Accueil café", 15, slot=0)
    lunch = store.plan_step(w.id, "pause", "", 60, slot=1)
    store.plan_step(w.id, "bilan", "Tour de table", 20, slot=1)
    assert [(s.kind, s.label, s.planned_minutes, s.slot) for s in store.programme_steps(w.id)] == [
        ("accueil", "Accueil café", 15, 0), ("pause", "", 60, 1), ("bilan", "Tour de table", 20, 1)]
    store.plan_step(w.id, "pause", "Déjeuner", 45, slot=2, step_id=lunch.id)  # changed and moved
    assert [s.label for s in store.programme_steps(w.id)] == ["Accueil café", "Tour de table", "Déjeuner"]
    with pytest.raises(AtelierError, match="pas commencé"):
        store.mark_step(w.id, welcome.id, started=False)
    started = store.mark_step(w.id, welcome.id, started=True)
    assert started.running and started.started_at is not None
    ended = store.mark_step(w.id, welcome.id, started=False)
    assert not ended.running and ended.actual_minutes == 0
    store.remove_step(w.id, lunch.id)
    assert [s.label for s in store.programme_steps(w.id)] == ["Accueil café", "Tour de table"]
    with pytest.raises(AtelierError, match="plus au programme"):
        store.mark_step(w.id, lunch.id, started=True)
    kinds = [e.kind for e in store.events(w.id)]
    assert kinds.count(EventKind.STEP_PLANNED) == 4 and EventKind.STEP_REMOVED in kinds


def test_bad_steps_are_refused_in_french(store: WorkshopStore) -> None:
    w = store.create_workshop("Journée")
    with pytest.raises(AtelierError, match="n’est pas une étape"):
        store.plan_step(w.id, "déjeuner")
    with pytest.raises(AtelierError, match="de 0 à 600 minutes"):
        store.plan_step(w.id, "pause", minutes=900)
    with pytest.raises(AtelierError, match="trop long"):
        store.plan_step(w.id, "autre", "x" * 201)
    assert store.programme_steps(w.id) == []


def test_two_copies_merge_as_the_union_of_their_events(store: WorkshopStore) -> None:
    w = store.create_workshop("Journée")
    step = store.plan_step(w.id, "pause", "Pause", 15, slot=1)
    store.mark_step(w.id, step.id, started=True)
    events = store.events(w.id)
    # a second laptop renamed it later; the union in the log's order gives the later name on both sides
    from dataclasses import replace

    renamed = replace(events[0], seq=99, id="other-laptop-1", at=events[-1].at + timedelta(minutes=5),
                      payload={**events[0].payload, "label": "Pause café"})
    for merged in ([*events, renamed], [renamed, *events]):
        steps = programme_steps(merged)
        assert [(s.label, s.started_at is not None) for s in steps] == [("Pause café", True)]


def test_an_archive_carries_the_steps_to_another_laptop(store: WorkshopStore, tmp_path: Path) -> None:
    from workshop_app.export.bundle import export_bundle, read_bundle
    from workshop_app.store.service import open_store

    w = store.create_workshop("Journée")
    step = store.plan_step(w.id, "pause", "Pause déjeuner", 60, slot=1)
    store.mark_step(w.id, step.id, started=True)
    welcome = store.plan_step(w.id, "accueil", "Café", 15, slot=1)
    store.plan_step(w.id, "accueil", "Café", 15, slot=1, step_id=welcome.id, order=step.order // 2)  # up
    assert [s.label for s in store.programme_steps(w.id)] == ["Café", "Pause déjeuner"]
    target = tmp_path / "journee.zip"
    export_bundle(store.snapshot(w.id), {}, target)
    snapshot, photos = read_bundle(target)  # the archive's checks accept the steps' payload keys
    with open_store(f"sqlite:///{tmp_path / 'other.sqlite3'}") as other:
        other.import_snapshot(snapshot, photos)
        [moved, copied] = other.programme_steps(w.id)
    assert moved.label == "Café"  # the move travels too
    assert (copied.label, copied.planned_minutes, copied.slot) == ("Pause déjeuner", 60, 1)
    assert copied.running


def test_an_old_database_takes_steps_without_a_migration(tmp_path: Path) -> None:
    """Steps are events: a database from revision 0001 upgrades as before and records them."""
    import shutil

    from workshop_app.store.service import open_store

    db = tmp_path / "atelier.sqlite3"
    shutil.copy(Path(__file__).parent / "fixtures" / "schema-0001.sqlite3", db)
    with open_store(f"sqlite:///{db}") as old:
        demo = next(s for s in old.list_workshops() if s.title != "Atelier court")
        assert old.programme_steps(demo.id) == []  # an old log holds no step
        step = old.plan_step(demo.id, "bilan", "Tour de table", 20, slot=9)
        old.mark_step(demo.id, step.id, started=True)
        [kept] = old.programme_steps(demo.id)
        assert (kept.label, kept.running) == ("Tour de table", True)

