"""The set-up page's table models, tested without any widget: what they show, and what an edit asks for."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from tests.ui.test_app_support import et_si_deck
from workshop_app.core.workshop import GroupInfo, ParticipantInfo, SequenceInfo
from workshop_app.ui.setup.groups_model import COL_ANSWERS, COL_NAME, COL_PARTICIPANTS, GroupsModel
from workshop_app.ui.setup.participants_model import COL_GROUP, COL_ROLE, ParticipantsModel
from workshop_app.ui.setup.sequences_model import COL_CARDS, COL_MINUTES, COL_TITLE, SequencesModel

DISPLAY, EDIT = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole
GROUPS = [GroupInfo("g2", "Le Canal", "#E69F00", 1), GroupInfo("g1", "Les Coteaux", "#0072B2", 0)]


def edits(model: Any) -> list[tuple[str, str, object]]:
    seen: list[tuple[str, str, object]] = []
    model.sig_edit.connect(lambda *args: seen.append(args))
    return seen


def test_groups_model_shows_groups_in_order_with_counts_and_colour() -> None:
    model = GroupsModel()
    model.set_rows(GROUPS, {"g1": 3}, {"g2": 7})
    assert model.rowCount() == 2 and model.columnCount() == 3
    assert model.index(0, COL_NAME).data() == "Les Coteaux"
    assert model.index(0, COL_PARTICIPANTS).data() == 3
    assert model.index(1, COL_ANSWERS).data() == 7
    assert model.index(0, COL_NAME).data(Qt.ItemDataRole.DecorationRole) == QColor("#0072B2")
    assert model.flags(model.index(0, COL_NAME)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, COL_ANSWERS)) & Qt.ItemFlag.ItemIsEditable


def test_groups_model_asks_for_a_rename_and_does_not_apply_it_itself() -> None:
    model = GroupsModel()
    model.set_rows(GROUPS)
    seen = edits(model)
    assert model.setData(model.index(1, COL_NAME), "  Le Port ", EDIT)
    assert seen == [("g2", "name", "Le Port")]
    assert model.index(1, COL_NAME).data() == "Le Canal"  # until the committed snapshot comes back
    assert not model.setData(model.index(1, COL_NAME), "   ", EDIT)  # a table keeps a name
    assert not model.setData(model.index(1, COL_NAME), "Le Canal", EDIT)  # nothing changed
    assert len(seen) == 1


def test_groups_model_keeps_rows_when_only_values_change() -> None:
    model = GroupsModel()
    model.set_rows(GROUPS)
    resets: list[bool] = []
    changes: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.dataChanged.connect(lambda *_: changes.append(True))
    model.set_rows([GroupInfo("g1", "Les Hauts", "#0072B2", 0), GROUPS[0]])
    assert not resets and changes
    assert model.index(0, COL_NAME).data() == "Les Hauts"
    model.set_rows(GROUPS[:1])
    assert resets


def test_participants_model_columns_and_group_names() -> None:
    model = ParticipantsModel()
    people = [
        ParticipantInfo("p1", "Hélène", "Maire-adjointe", "Élus", "Ville", "g1"),
        ParticipantInfo("p2", role="Directeur"),
    ]
    model.set_rows(people, GROUPS)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)] == [
        "Nom (facultatif)",
        "Fonction",
        "Service",
        "Organisation",
        "Rôle",
        "Table",
    ]
    assert model.index(0, COL_GROUP).data() == "Les Coteaux"
    assert model.index(0, COL_GROUP).data(EDIT) == "g1"
    assert model.index(1, COL_GROUP).data() == "—"
    assert model.index(1, COL_ROLE).data() == "Directeur"
    assert [g.id for g in model.groups] == ["g1", "g2"]


def test_participants_model_edits_text_and_group() -> None:
    model = ParticipantsModel()
    model.set_rows([ParticipantInfo("p1", role="Directeur", group_id="g1")], GROUPS)
    seen = edits(model)
    assert model.setData(model.index(0, COL_ROLE), " Directrice ", EDIT)
    assert model.setData(model.index(0, COL_GROUP), "g2", EDIT)
    assert model.setData(model.index(0, COL_GROUP), "", EDIT)
    assert not model.setData(model.index(0, COL_GROUP), "g9", EDIT)  # not a table of this workshop
    assert not model.setData(model.index(0, COL_GROUP), "g1", EDIT)  # unchanged
    assert seen == [("p1", "role", "Directrice"), ("p1", "group_id", "g2"), ("p1", "group_id", None)]


def test_sequences_model_order_cards_minutes() -> None:
    deck = et_si_deck()
    model = SequencesModel()
    model.set_rows([SequenceInfo("s2", 1, deck, None, "Deuxième"), SequenceInfo("s1", 0, deck, 45)])
    assert model.index(0, COL_TITLE).data() == deck.title
    assert model.index(1, COL_TITLE).data() == "Deuxième"
    assert model.index(0, COL_CARDS).data() == str(len(deck.cards)) == "33"
    assert model.index(0, COL_MINUTES).data() == "45"
    assert model.index(1, COL_MINUTES).data() == "—"
    assert model.total_minutes() == 45
    seen = edits(model)
    assert model.setData(model.index(0, COL_MINUTES), 60, EDIT)
    assert not model.setData(model.index(0, COL_MINUTES), 45, EDIT)
    assert not model.setData(model.index(0, COL_MINUTES), -5, EDIT)
    assert not model.setData(model.index(0, COL_MINUTES), "beaucoup", EDIT)
    assert model.setData(model.index(1, COL_TITLE), deck.title, EDIT)  # back to the deck's own title
    assert seen == [("s1", "planned_minutes", 60), ("s2", "title", "")]

def test_groups_model_announces_only_the_rows_that_changed() -> None:
    """Every vote refreshes the tables list: an unchanged row is not announced (the view would ask for all
    of its cells again), a changed count announces its own row only."""
    model = GroupsModel()
    model.set_rows(GROUPS, {}, {"g1": 3, "g2": 7})
    changes: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(
        lambda top, bottom, *_: changes.append((top.row(), top.column(), bottom.row(), bottom.column()))
    )
    model.set_rows(GROUPS, {}, {"g1": 3, "g2": 7})  # a vote that changed an answer, not the counts
    assert changes == []
    model.set_rows(GROUPS, {}, {"g1": 3, "g2": 8})  # Le Canal (row 1) answered one more card
    assert changes == [(1, COL_NAME, 1, COL_ANSWERS)]
    assert model.index(1, COL_ANSWERS).data() == 8 and model.index(0, COL_ANSWERS).data() == 3
    model.set_rows(GROUPS, {"g1": 1}, {"g1": 3, "g2": 8})  # a participant seated at Les Coteaux (row 0)
    assert changes[-1] == (0, COL_NAME, 0, COL_ANSWERS)
