"""A clicked vote on the play page is committed, then scored and painted on the compass before the event
loop turns and before the other listeners hear of it; another copy's vote is drawn too."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from test_play_support import fresh_events, open_play_page

from workshop_app.core.events import EventKind
from workshop_app.ui.play.page import PlayPage
from workshop_app.ui.session import WorkshopSession
from workshop_app.ui.settings import AppSettings


@pytest.fixture
def setup(tmp_path: Path, qtbot: Any) -> Iterator[tuple[PlayPage, WorkshopSession, str]]:
    page, session, store, workshop_id = open_play_page(tmp_path, qtbot)
    yield page, session, workshop_id
    store.close()


def test_a_clicked_vote_is_committed_then_drawn_before_the_event_loop_turns(setup, tmp_path, qtbot) -> None:
    page, _session, workshop_id = setup
    qtbot.wait(40)
    row = page.groups.rows[2]
    committed_when_drawn: list[bool] = []
    original = page.compass.flush

    def spy() -> None:  # the compass is about to draw the vote: it must already be in the file
        committed_when_drawn.append(any(
            e.kind is EventKind.CHOICE_RECORDED and e.group_id == row.group.id
            for e in fresh_events(tmp_path, workshop_id)
        ))
        original()

    page.compass.flush = spy
    before = page.compass.redraws
    qtbot.mouseClick(row.button("s2"), Qt.MouseButton.LeftButton)
    # no qtbot.wait: drawn in the click's own handler, ahead of anything the event loop has queued
    assert committed_when_drawn == [True]
    assert page.compass.redraws == before + 1
    series = page.compass.series
    assert series is not None
    drawn = next(s for s in series.groups if s.id == row.group.id)
    assert any(v is not None for v in drawn.values)  # the table's vote is in what was drawn


def test_a_vote_is_on_the_compass_before_the_other_listeners_hear_of_it(tmp_path, qtbot) -> None:
    """Even a listener connected before the page was built (as the outline's, the timers' are) hears of the
    vote after the compass has scored and painted it."""
    from test_play_support import make_workshop

    store, workshop_id = make_workshop(tmp_path, groups=3)
    session = WorkshopSession(store, workshop_id)
    heard: list[tuple[int, int]] = []  # what the compass had done when an ordinary listener heard the vote
    page: PlayPage | None = None

    def listener(event: Any) -> None:
        if page is not None and event.kind is EventKind.CHOICE_RECORDED:
            heard.append((page.compass.redraws, page.compass.radar.paints))

    session.sig_event.connect(listener)  # before the page connects its own
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    page = PlayPage(session, settings)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    qtbot.wait(40)
    redraws, paints = page.compass.redraws, page.compass.radar.paints
    qtbot.mouseClick(page.groups.rows[1].button("s3"), Qt.MouseButton.LeftButton)
    assert heard == [(redraws + 1, paints + 1)]  # scored, redrawn and painted before it heard
    store.close()


def test_another_copys_vote_is_drawn_too(setup, tmp_path, qtbot) -> None:
    """A vote another window recorded in the same file (seen by the poll) redraws the compass as ours do."""
    from test_play_support import store_url

    from workshop_app.store import open_store

    page, session, workshop_id = setup
    qtbot.wait(40)
    other = open_store(store_url(tmp_path))
    try:
        session.show_card(session.card_id or "")
        card, table = session.card_id or "", session.groups[2].id
        other.record_choice(workshop_id, session.sequence_id or "", table, card, "s4")
    finally:
        other.close()
    before = page.compass.redraws
    assert len(session.refresh()) == 1
    assert page.compass.redraws == before + 1
