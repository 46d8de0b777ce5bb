"""An archive of a workshop closed while a timer ran: the app stopped the timer (payload « reason ») and the
archive's checks must know that key, or the workshop could not be moved to another laptop."""

from __future__ import annotations

from pathlib import Path

from workshop_app.core.events import EventKind
from workshop_app.store.service import WorkshopStore


def test_an_archive_with_timers_stopped_at_closing_is_read_back(store: WorkshopStore, tmp_path: Path) -> None:
    import functools

    from workshop_app.core.catalogue import find_deck
    from workshop_app.export.bundle import export_bundle, read_bundle
    from workshop_app.services.workshop_life import stop_running_timers

    w = store.create_workshop("Journée")
    seq = store.add_sequence(w.id, find_deck("boussole-autodiagnostic"), 30)
    store.record_event(w.id, EventKind.TIMER_STARTED, sequence_id=seq.id, payload={"scope": "sequence"})
    assert stop_running_timers(functools.partial(store.record_event, w.id), store.events(w.id)) == 1
    target = tmp_path / "journee.zip"
    export_bundle(store.snapshot(w.id), {}, target)
    snapshot, _ = read_bundle(target)
    assert [e.payload.get("reason") for e in snapshot.events] == [None, "closed"]
