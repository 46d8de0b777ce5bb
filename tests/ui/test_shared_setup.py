"""Two windows on one shared database: a table another window added, with its first vote, reaches this
window at its next look as a set-up change (``sig_snapshot``: every view reads again), not as a vote on a
table nobody here knows. Real SQLite file, real sessions, signals watched with qtbot."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from test_play_support import make_workshop, store_url

from workshop_app.store import open_store
from workshop_app.ui.session import WorkshopSession


def test_a_table_added_elsewhere_comes_with_a_snapshot_signal(tmp_path: Path, qtbot: QtBot) -> None:
    store, workshop_id = make_workshop(tmp_path, groups=2)
    other = open_store(store_url(tmp_path), author="autre-fenetre")
    try:
        here, there = WorkshopSession(store, workshop_id), WorkshopSession(other, workshop_id)
        card = here.deck.cards[0].id  # type: ignore[union-attr]
        here.show_card(card)
        added = other.add_group(workshop_id, "Table des services")
        there.reload()
        there.show_card(card)
        there.record_choice(added.id, "s3")
        with qtbot.waitSignal(here.sig_snapshot, timeout=1000):
            arrived = here.refresh()
        assert arrived and added.id in [g.id for g in here.groups]
        answer = here.sequence_state().answer(added.id, card)
        assert answer is not None and answer.option == "s3"
        there.record_choice(added.id, "s1")
        with qtbot.assertNotEmitted(here.sig_snapshot):  # a vote on what both know: no re-read
            assert here.refresh()
    finally:
        other.close()
        store.close()
