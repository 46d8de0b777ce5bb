"""The debrief page and its action-plan model, on the real store: what is typed is what a new store reads."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QAbstractItemModelTester
from test_play_support import make_workshop, store_url

from workshop_app.core.errors import AtelierError
from workshop_app.core.workshop import ActionItem
from workshop_app.store import open_store
from workshop_app.ui.debrief.actions_model import (
    COL_ACTION,
    COL_DEADLINE,
    COL_LEVER,
    COL_OWNER,
    NO_DATE,
    ActionPlanModel,
)
from workshop_app.ui.debrief.page import DebriefPage
from workshop_app.ui.session import WorkshopSession


@pytest.fixture
def setup(tmp_path: Path, qtbot: Any) -> Iterator[tuple[DebriefPage, WorkshopSession]]:
    store, workshop_id = make_workshop(tmp_path, groups=2)
    session = WorkshopSession(store, workshop_id)
    for group, option in zip(session.groups, ("s4", "s0"), strict=True):
        for card in session.deck.cards:  # type: ignore[union-attr]
            session.show_card(card.id)
            session.record_choice(group.id, option)
    page = DebriefPage(session)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    yield page, session
    store.close()


def _stored(tmp_path: Path, workshop_id: str) -> Any:
    other = open_store(store_url(tmp_path))
    try:
        return other.snapshot(workshop_id)
    finally:
        other.close()


def test_proposals_fill_empty_lists_when_shown_and_are_saved(setup, tmp_path) -> None:
    page, session = setup
    page.show()
    stored = _stored(tmp_path, session.workshop_id).debrief
    assert stored.strengths == () and stored.vulnerabilities == ()  # 50 % everywhere: neither
    assert stored.agreement.startswith("Désaccords :")  # but the tables disagree on every lever
    assert "(Table 2)" in stored.agreement and "(Table 1)" in stored.agreement
    page.strengths.set_lines(["Une culture du risque partagée"])
    page.strengths.on_model_changed()
    assert _stored(tmp_path, session.workshop_id).debrief.strengths == ("Une culture du risque partagée",)


def test_text_boxes_save_on_focus_out(setup, tmp_path, qtbot) -> None:
    page, session = setup
    page.show()
    page.felt.setFocus()
    page.felt.setPlainText("Une séance dense et conviviale.")
    page.felt.document().setModified(True)
    page.happened.setFocus()  # leaving the box commits it
    page.felt.commit()  # offscreen focus is not guaranteed: the same path the focus-out takes
    assert _stored(tmp_path, session.workshop_id).debrief.felt == "Une séance dense et conviviale."
    assert session.snapshot.debrief.felt == "Une séance dense et conviviale."


def test_action_plan_add_edit_remove_persisted(setup, tmp_path) -> None:
    page, session = setup
    page.on_add_action_clicked()
    model = page.plan
    assert model.rowCount() == 1
    model.setData(model.index(0, COL_ACTION), "Exercer le plan communal de sauvegarde")
    model.setData(model.index(0, COL_OWNER), "DGS")
    model.setData(model.index(0, COL_DEADLINE), QDate(2025, 9, 30))
    model.setData(model.index(0, COL_LEVER), "anticipation-1")
    action = _stored(tmp_path, session.workshop_id).actions[0]
    assert (action.action, action.owner, action.deadline, action.lever_id) == (
        "Exercer le plan communal de sauvegarde", "DGS", date(2025, 9, 30), "anticipation-1")
    assert model.index(0, COL_LEVER).data() == "3.1 Levier 3.1 de « Anticipation – Veille »"
    assert model.index(0, COL_DEADLINE).data() == "mardi 30 septembre 2025"
    model.setData(model.index(0, COL_DEADLINE), NO_DATE)
    assert _stored(tmp_path, session.workshop_id).actions[0].deadline is None
    page.table.setCurrentIndex(model.index(0, 0))
    page.on_remove_action_clicked()
    assert model.rowCount() == 0
    assert _stored(tmp_path, session.workshop_id).actions == ()


def test_export_commits_then_asks(setup, tmp_path, qtbot) -> None:
    page, session = setup
    page.transfer.setPlainText("Présenter au conseil municipal de juin")
    page.transfer.document().setModified(True)
    with qtbot.waitSignal(page.sig_export_requested):
        page.export_button.click()
    assert _stored(tmp_path, session.workshop_id).debrief.transfer == "Présenter au conseil municipal de juin"


def test_refusal_goes_to_sig_error(setup, qtbot, monkeypatch) -> None:
    page, session = setup

    def refuse(*_args: Any, **_kwargs: Any) -> None:
        raise AtelierError("La base de données est en lecture seule.")

    monkeypatch.setattr(session.service, "set_debrief", refuse)
    page.agreement.setPlainText("Accord large")
    with qtbot.waitSignal(session.sig_error) as signal:
        page.agreement.commit()
    assert signal.args == ["La base de données est en lecture seule."]
    with qtbot.assertNotEmitted(page.sig_export_requested):
        page.on_export_clicked()


def test_action_model_without_widgets(qapp: Any) -> None:
    saved: list[tuple[str, dict[str, Any]]] = []
    items = [ActionItem("a1", "Créer une veille", "Plan climat", date(2025, 7, 13), "3.1", 0)]

    def save(action_id: str, fields: dict[str, Any]) -> ActionItem | None:
        saved.append((action_id, fields))
        if fields.get("owner") == "refusé":
            return None
        owner = fields.get("owner", "Plan climat")
        return ActionItem(action_id, "Créer une veille", owner, date(2025, 7, 13), "3.1", 0)

    model = ActionPlanModel(items, [("3.1", "3.1 Connaître les aléas")], save)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert model.headerData(COL_DEADLINE, Qt.Orientation.Horizontal) == "Échéance"
    assert model.index(0, COL_LEVER).data() == "3.1 Connaître les aléas"
    assert model.index(0, COL_DEADLINE).data(Qt.ItemDataRole.EditRole) == QDate(2025, 7, 13)
    assert not model.setData(model.index(0, COL_ACTION), "   ")  # an action needs words
    assert not model.setData(model.index(0, COL_OWNER), "Plan climat")  # unchanged: nothing saved
    assert not model.setData(model.index(0, COL_OWNER), "refusé")  # refused: the row keeps the stored value
    assert model.index(0, COL_OWNER).data() == "Plan climat"
    assert model.setData(model.index(0, COL_OWNER), "L. Nguyen")
    assert model.index(0, COL_OWNER).data() == "L. Nguyen"
    assert saved == [("a1", {"owner": "refusé"}), ("a1", {"owner": "L. Nguyen"})]
    model.append_item(ActionItem("a2", "Deux", position=1))
    model.remove_item("a1")
    assert [a.id for a in model.items()] == ["a2"]


def test_typing_a_letter_in_the_plan_edits_the_cell_not_the_shortcut(setup, qtbot) -> None:
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import QAbstractItemView, QApplication

    page, _ = setup
    blank = QAction("Écran noir", page)
    blank.setShortcut(QKeySequence("B"))
    page.addAction(blank)
    fired: list[bool] = []
    blank.triggered.connect(lambda: fired.append(True))
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.add_action()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    page.table.setCurrentIndex(page.plan.index(0, COL_OWNER))
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    qtbot.keyClick(page.table, "b")
    assert not fired
    assert page.table.state() == QAbstractItemView.State.EditingState


def test_tab_leaves_the_action_plan(setup, qtbot, tmp_path) -> None:
    """Keyboard users are not trapped in the table: Tab goes on to the next button, Shift+Tab comes back, and
    Tab in the last cell's editor saves it and leaves too."""
    from PySide6.QtWidgets import QAbstractItemView, QApplication

    page, session = setup
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.add_action()
    page.add_action()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    page.table.setCurrentIndex(page.plan.index(0, COL_ACTION))
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    qtbot.keyClick(page.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.propose_button
    qtbot.keyClick(page.propose_button, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is page.table
    qtbot.keyClick(page.table, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is page.remove_action_button

    page.table.setFocus()
    page.table.setCurrentIndex(page.plan.index(1, COL_OWNER))
    qtbot.keyClick(page.table, "m")  # typing opens the owner's editor
    assert page.table.state() == QAbstractItemView.State.EditingState
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # inside an editor: the next cell
    assert page.table.currentIndex() == page.plan.index(1, COL_DEADLINE)
    assert page.plan.items()[1].owner == "m"
    page.table.setCurrentIndex(page.plan.index(1, COL_LEVER))
    page.table.edit(page.plan.index(1, COL_LEVER))
    assert page.table.state() == QAbstractItemView.State.EditingState
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # the last cell: out of the table
    assert page.table.state() != QAbstractItemView.State.EditingState
    assert QApplication.focusWidget() is page.propose_button
    assert session.snapshot.actions[1].owner == "m"  # the session's copy is in step with the store
    assert _stored(tmp_path, session.workshop_id).actions[1].owner == "m"


def test_each_line_records_who_wrote_it(setup, tmp_path) -> None:
    """Lines the app proposed stay « proposed » until validated; a line typed or reworded is « written »."""
    page, session = setup
    page._proposed = ("1.1 Un levier (80/100)",)
    page.strengths.set_lines(["1.1 Un levier (80/100)", "Une culture du risque partagée"])
    page.save_debrief()
    stored = _stored(tmp_path, session.workshop_id).debrief
    assert stored.origin("1.1 Un levier (80/100)") == "proposed"
    assert stored.origin("Une culture du risque partagée") == "written"
    assert page.validate_button.isEnabled() and "(1)" in page.validate_button.text()
    model = page.strengths.model
    proposed, typed = model.index(0), model.index(1)
    assert model.data(proposed, Qt.ItemDataRole.FontRole).italic()  # waiting for the facilitator
    assert model.data(typed, Qt.ItemDataRole.FontRole) is None
    assert "à relire" in model.data(proposed, Qt.ItemDataRole.ToolTipRole)
    assert model.data(typed, Qt.ItemDataRole.ToolTipRole) == "Rédigé par l’animation"
    assert "En italique" in page.hint.text()
    page.validate_button.click()
    assert not page.validate_button.isEnabled()
    assert model.data(proposed, Qt.ItemDataRole.FontRole) is None  # validated: set upright
    assert "validé" in model.data(proposed, Qt.ItemDataRole.ToolTipRole)
    stored = _stored(tmp_path, session.workshop_id).debrief
    assert stored.origin("1.1 Un levier (80/100)") == "validated"
    assert stored.origin("Une culture du risque partagée") == "written"
