"""The play screen on the real store (an SQLite file): keyboard play, undo/redo, strategy picks, timers."""

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
from workshop_app.ui.settings import COMPASS_VIEW, AppSettings


@pytest.fixture
def setup(tmp_path: Path, qtbot: Any) -> Iterator[tuple[PlayPage, WorkshopSession, str]]:
    page, session, store, workshop_id = open_play_page(tmp_path, qtbot)
    yield page, session, workshop_id
    store.close()


def _kinds(tmp_path: Path, workshop_id: str) -> list[EventKind]:
    return [e.kind for e in fresh_events(tmp_path, workshop_id)]


def test_keyboard_choice_is_committed_before_the_row_shows_it(setup, tmp_path, qtbot) -> None:
    page, session, workshop_id = setup
    row = page.groups.rows[1]
    seen_in_db: list[bool] = []
    original = row.set_answer

    def spy(answer, argument=""):  # the row is about to show the answer: it must already be in the file
        if answer is not None:
            events = fresh_events(tmp_path, workshop_id)
            seen_in_db.append(any(
                e.kind is EventKind.CHOICE_RECORDED and e.group_id == row.group.id
                and e.payload["option"] == "s3" for e in events
            ))
        original(answer, argument)

    row.set_answer = spy
    page.focus_group(1)
    qtbot.keyClick(row, "3")
    assert seen_in_db == [True]
    assert row.chosen() == "s3"
    assert row.button("s3").isChecked()
    assert page.outline_model.card_index(session.sequence_id, "q01", 1).data() == "1/4"


def test_keys_choose_non_concerne_withdraw_and_move(setup, tmp_path, qtbot) -> None:
    page, session, workshop_id = setup
    first, second = page.groups.rows[0], page.groups.rows[1]
    qtbot.keyClick(first, "n")
    assert first.chosen() == "nc"
    qtbot.keyClick(first, Qt.Key.Key_Delete)
    assert first.chosen() == ""
    assert _kinds(tmp_path, workshop_id)[-2:] == [EventKind.CHOICE_RECORDED, EventKind.CHOICE_WITHDRAWN]
    page.focus_group(0)
    qtbot.keyClick(first, Qt.Key.Key_Down)
    assert page.groups.focused_index() in (1, -1)  # -1 only when the offscreen window is not active
    qtbot.keyClick(second, "x")  # not a scale key: nothing recorded
    assert session.sequence_state().answer(second.group.id, "q01") is None


def test_argument_committed_on_enter_and_kept_with_the_choice(setup, tmp_path, qtbot) -> None:
    page, session, workshop_id = setup
    row = page.groups.rows[0]
    qtbot.keyClick(row, Qt.Key.Key_Return)
    qtbot.keyClicks(row.argument_edit, "Pas de plan canicule")
    qtbot.keyClick(row.argument_edit, Qt.Key.Key_Return)
    events = fresh_events(tmp_path, workshop_id)
    assert events[-1].kind is EventKind.ARGUMENT_SET
    assert events[-1].payload["argument"] == "Pas de plan canicule"
    qtbot.keyClick(row, "1")
    answer = session.sequence_state().answer(row.group.id, "q01")
    assert answer is not None and answer.argument == "Pas de plan canicule"


def test_argument_being_typed_goes_to_its_own_card_when_moving_on(setup, tmp_path, qtbot) -> None:
    page, session, workshop_id = setup
    row = page.groups.rows[2]
    row.argument_edit.setFocus()
    row.argument_edit.insert("Tapé sans valider")  # typed (QTest cannot type « é »), not committed
    assert row.argument_edit.isModified()
    page.next_card()
    assert session.card_id == "q02"
    argued = [e for e in fresh_events(tmp_path, workshop_id) if e.kind is EventKind.ARGUMENT_SET]
    assert [(e.card_id, e.payload["argument"]) for e in argued] == [("q01", "Tapé sans valider")]
    assert row.argument_edit.text() == ""


def test_undo_and_redo_through_the_page(setup, tmp_path, qtbot) -> None:
    page, _session, workshop_id = setup
    row = page.groups.rows[0]
    qtbot.keyClick(row, "2")
    qtbot.keyClick(row, "4")
    page.undo()
    assert row.chosen() == "s2"
    assert "Annulé" in page.status.text() and "Table 1" in page.status.text()
    page.undo()
    assert row.chosen() == ""
    page.redo()
    assert row.chosen() == "s2"
    kinds = _kinds(tmp_path, workshop_id)
    assert kinds[-3:] == [EventKind.UNDO, EventKind.UNDO, EventKind.REDO]
    page.undo()
    page.undo()
    page.undo()  # nothing left: a message, no error
    assert page.status.text() == "Rien à annuler."


def test_navigation_records_the_card_and_crosses_sequences(setup, tmp_path) -> None:
    page, session, workshop_id = setup
    page.next_card()
    assert page.card.title.text().endswith("(2)")
    for _ in range(5):  # q03 … q06, then over the end into the strategy sequence
        page.next_card()
    assert session.deck is not None and session.deck.mechanic == "strategy"
    assert session.card_id == "arbres"
    page.previous_card()
    assert session.card_id == "q06"
    shown = [e.card_id for e in fresh_events(tmp_path, workshop_id) if e.kind is EventKind.CARD_SHOWN]
    assert shown == ["q01", "q02", "q03", "q04", "q05", "q06", "arbres", "q06"]


def test_strategy_pick_by_keyboard_with_budget_gauge_and_warning(setup, tmp_path, qtbot) -> None:
    page, session, workshop_id = setup
    strategy_id = session.sequences[1].id
    session.select_sequence(strategy_id)
    session.show_card("friche")
    panel = page.groups.strategy
    assert panel is not None and not page.groups.rows
    page.focus_group(0)
    qtbot.keyClick(panel.table, Qt.Key.Key_Space)
    group = session.groups[0].id
    assert session.sequence_state().picked(group) == ["friche"]
    assert fresh_events(tmp_path, workshop_id)[-1].kind is EventKind.CARD_PICKED
    assert "demande aussi « Étude des sols »" in panel.warning_text()
    gauge = panel.gauges[0]
    assert gauge.bar.format() == "5 / 10" and not gauge.is_over()
    session.pick_card(group, "parking")
    session.pick_card(group, "arbres")
    assert gauge.bar.format() == "14 / 10" and gauge.is_over()
    warning = panel.warning_text()
    assert "budget dépassé de 4 points" in warning
    assert "« Parking silo en centre-ville » est incompatible avec « Renaturer la friche »" in warning
    row = panel.model.row_of("parking")
    unchecked = Qt.CheckState.Unchecked.value
    panel.model.setData(panel.model.index(row, 1), unchecked, Qt.ItemDataRole.CheckStateRole)
    assert fresh_events(tmp_path, workshop_id)[-1].kind is EventKind.CARD_DROPPED
    assert gauge.bar.format() == "9 / 10" and not gauge.is_over()
    assert "incompatible" not in panel.warning_text()
    page.undo()
    assert gauge.bar.format() == "14 / 10"


def test_timers_are_events_and_follow_the_card(setup, tmp_path) -> None:
    page, _session, workshop_id = setup
    page.toggle_card_timer()
    page.toggle_sequence_timer()
    assert page.timers.card_button.text() == "Pause"
    page.next_card()  # a running card timer moves with the facilitator
    events = [e for e in fresh_events(tmp_path, workshop_id) if e.kind.value.startswith("timer")]
    assert [(e.kind, e.card_id, e.payload["scope"]) for e in events] == [
        (EventKind.TIMER_STARTED, "q01", "card"),
        (EventKind.TIMER_STARTED, None, "sequence"),
        (EventKind.TIMER_STOPPED, "q01", "card"),
        (EventKind.TIMER_STARTED, "q02", "card"),
    ]
    page.toggle_card_timer()
    assert page.timers.card_button.text() == "Démarrer"


def test_reveal_toggle_and_compass_view_setting(setup, tmp_path) -> None:
    page, session, _workshop_id = setup
    page.toggle_reveal()
    assert session.sequence_state().revealed
    assert page.reveal_button.text().startswith("Masquer")
    page.toggle_reveal()
    assert not session.sequence_state().revealed
    page.compass.set_view("bars")
    assert page._settings.get(COMPASS_VIEW) == "bars"


def test_compass_redraw_is_coalesced(setup, qtbot) -> None:
    page, session, _ = setup
    # a 16 ms frame is shorter than a commit on a loaded machine: a wider interval keeps the 4 votes a burst
    page._compass_timer._interval = 0.5
    qtbot.wait(600)  # a quiet moment since the page's first drawing
    before = page.compass.redraws
    for i, group in enumerate(session.groups):
        session.record_choice(group.id, f"s{i}")
    assert page.compass.redraws == before + 1  # the first vote is drawn at once, the rest wait for the burst
    qtbot.waitUntil(lambda: page.compass.redraws == before + 2, timeout=3000)
    qtbot.wait(100)
    assert page.compass.redraws == before + 2  # the burst's three other votes made one redraw
    assert page.compass.coverage_text().startswith("Couverture : ")


def test_service_refusal_shows_a_message_not_a_traceback(setup, qtbot) -> None:
    page, session, _ = setup
    with qtbot.waitSignal(session.sig_error):
        session.record_choice(session.groups[0].id, "no-such-option")
    assert "inconnue" in page.status.text()
    assert page.groups.rows[0].chosen() == ""


def test_scale_keys_win_over_window_shortcuts_and_other_letters_do_not(setup, qtbot) -> None:
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import QApplication

    page, _session, _ = setup
    fired: list[str] = []
    for key in ("3", "R"):
        action = QAction(key, page)
        action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda _checked=False, k=key: fired.append(k))
        page.addAction(action)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.focus_group(2)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.groups.rows[2])
    qtbot.keyClick(page.groups.rows[2], "3")
    qtbot.keyClick(page.groups.rows[2], "r")
    assert page.groups.rows[2].chosen() == "s3"
    assert fired == ["R"]  # « 3 » is a scale key of the row; « R » (reveal) stays the shell's


def test_empty_workshop_then_set_up_while_open(tmp_path, qtbot) -> None:
    from test_play_support import question_deck

    from workshop_app.store import open_store
    from workshop_app.ui.debrief.page import DebriefPage
    from workshop_app.ui.projector import ProjectorWindow

    store = open_store(f"sqlite:///{tmp_path}/empty.sqlite3")
    workshop_id = store.create_workshop("Vide").id
    session = WorkshopSession(store, workshop_id)
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    page, projector = PlayPage(session, settings), ProjectorWindow(session, settings)
    debrief = DebriefPage(session)
    for widget in (page, projector, debrief):
        qtbot.addWidget(widget)
    page.show()
    projector.show_on_preferred_screen()
    debrief.show()
    slots = ("next_card", "previous_card", "undo", "redo", "toggle_reveal", "card_timer", "sequence_timer")
    for slot in slots:
        getattr(page, slot)()  # nothing to act on: no error, no traceback
    page.focus_group(3)
    assert page.card.title.text() == "Aucune carte affichée"
    session.change_setup(lambda service: service.add_group(workshop_id, "Table 1"))
    session.change_setup(lambda service: service.add_sequence(workshop_id, question_deck()))
    assert len(page.groups.rows) == 1 and page.outline_model.rowCount() == 1
    qtbot.keyClick(page.groups.rows[0], "4")
    assert session.sequence_state().answer(session.groups[0].id, "q01") is not None
    assert projector.title.text().startswith("Et si la canicule")
    store.close()


def test_a_long_argument_shows_its_beginning(setup, qtbot) -> None:
    page, session, _workshop_id = setup
    row = page.groups.rows[0]
    long = "Le plan communal de sauvegarde existe, " + "mais il n'a pas été exercé depuis longtemps, " * 4
    session.record_choice(row.group.id, "s2", long)  # arrives from the session (set_answer)
    assert row.argument_edit.text() == long
    assert row.argument_edit.cursorPosition() == 0
    page.next_card()
    page.previous_card()  # loaded again with its card (show_card)
    assert row.argument_edit.text() == long
    assert row.argument_edit.cursorPosition() == 0
    row.argument_edit.setFocus()
    row.argument_edit.end(False)
    row.argument_edit.insert(" Et après ?")
    qtbot.keyClick(row.argument_edit, Qt.Key.Key_Escape)  # reverts to the committed text, from its start
    assert row.argument_edit.text() == long
    assert row.argument_edit.cursorPosition() == 0


def test_the_first_card_is_logged_when_play_starts_and_is_not_undoable(tmp_path, qtbot) -> None:
    page, session, store, workshop_id = open_play_page(tmp_path, qtbot, groups=2, show=False)
    page.show()  # a look at the Jeu tab (the day before, say) does not start the sequence
    assert _kinds(tmp_path, workshop_id) == []
    qtbot.keyClick(page.groups.rows[0], "2")  # the first answer does: the card on screen is logged first
    first = fresh_events(tmp_path, workshop_id)
    assert [(e.kind, e.card_id) for e in first] == [
        (EventKind.SEQUENCE_STARTED, None), (EventKind.CARD_SHOWN, "q01"), (EventKind.CHOICE_RECORDED, "q01")
    ]
    assert first[1].sequence_id == session.sequence_id
    page.hide()
    page.show()  # shown again: the log already says q01, no duplicate
    assert len(fresh_events(tmp_path, workshop_id)) == 3
    page.undo()  # takes back the answer…
    assert page.groups.rows[0].chosen() == ""
    page.undo()  # …and nothing else: showing a card is navigation
    assert page.status.text() == "Rien à annuler."
    strategy = max(session.sequences, key=lambda s: s.position)
    page.on_outline_activated(page.outline_model.sequence_index(strategy.id))  # open the next sequence
    kinds = [(e.kind, e.sequence_id, e.card_id) for e in fresh_events(tmp_path, workshop_id)]
    assert kinds[-2:] == [
        (EventKind.SEQUENCE_STARTED, strategy.id, None), (EventKind.CARD_SHOWN, strategy.id, "arbres")
    ]
    assert session.sequence_state(strategy.id).cards_shown == ["arbres"]
    store.close()


def test_strategy_argument_and_note_per_table_with_real_keys(setup, tmp_path, qtbot) -> None:
    from PySide6.QtWidgets import QApplication

    page, session, workshop_id = setup
    session.select_sequence(session.sequences[1].id)
    session.show_card("friche")
    panel = page.groups.strategy
    assert panel is not None
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.focus_group(1)  # Alt+2: table 2's column, on the card on screen
    second = session.groups[1]
    assert panel.notes.target() == (second.id, "friche")
    assert panel.notes.label.text() == f"{second.name} · carte {panel.model.row_of('friche') + 1}"
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)  # Enter: the argument box
    assert QApplication.focusWidget() is panel.notes.argument
    qtbot.keyClicks(panel.notes.argument, "La friche est en zone inondable")
    qtbot.keyClick(panel.notes.argument, Qt.Key.Key_Return)  # saved, back to the pick table
    assert QApplication.focusWidget() is panel.table
    state = session.sequence_state()
    assert state.pick_arguments[(second.id, "friche")] == "La friche est en zone inondable"
    events = fresh_events(tmp_path, workshop_id)
    assert events[-1].kind is EventKind.ARGUMENT_SET and events[-1].group_id == second.id
    panel.notes.note.setFocus()
    from tests.ui.test_app_support import type_text

    type_text(panel.notes.note, "Vote serré")  # QTest.keyClicks aborts on « é »
    qtbot.keyClick(panel.notes.note, Qt.Key.Key_Return)
    notes = [n for n in session.sequence_state().notes if n.group_id == second.id]
    assert [(n.text, n.card_id) for n in notes] == [("Vote serré", "friche")]
    page.focus_group(0)  # another table: its own (empty) argument
    assert panel.notes.argument.text() == ""
    page.focus_group(1)
    assert panel.notes.argument.text() == "La friche est en zone inondable"
