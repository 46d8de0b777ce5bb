"""The tables (groups) of the workshop: add by typing a name and Enter, rename (F2), colour, remove.

Removing a table that has answers is refused by the service; the session reports the French message.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workshop_app.ui.setup.groups_model import COL_NAME, GroupsModel
from workshop_app.ui.setup.list_editor import wire_list_editing
from workshop_app.ui.setup.participants_moves import move_participants
from workshop_app.ui.theme import GROUP_COLOURS

if TYPE_CHECKING:
    from workshop_app.ui.session import WorkshopSession


def answers_per_group(session: WorkshopSession) -> Counter[str]:
    counts: Counter[str] = Counter()
    for state in session.state.sequences.values():
        for group_id, _card in state.answers:
            counts[group_id] += 1
        for group_id, picks in state.picks.items():
            counts[group_id] += len(picks)
    return counts


class GroupsPanel(QWidget):
    def __init__(self, session: WorkshopSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = GroupsModel(self)
        heading = QLabel(self.tr("Tables (groupes) — glissez-y des participants"))
        heading.setObjectName("sectionTitle")
        self.view = QTableView()
        self.view.setObjectName("groupsView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().setVisible(False)
        self.view.setAcceptDrops(True)  # participants dragged from their list onto a table are seated there
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.view.setDragDropOverwriteMode(True)
        self.view.setDropIndicatorShown(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("newGroupName")
        self.name_edit.setPlaceholderText(self.tr("Nom de la table, puis Entrée"))
        self.add_button = QPushButton(self.tr("Ajouter la table"))
        self.add_button.setObjectName("addGroupButton")
        self.colour_button = QPushButton(self.tr("C&hoisir la couleur…"))
        self.rename_button = QPushButton(self.tr("Renommer"))
        self.remove_button = QPushButton(self.tr("Retirer la table"))
        name_label = QLabel(self.tr("Nou&velle table :"))
        name_label.setBuddy(self.name_edit)
        add_row = QHBoxLayout()
        add_row.addWidget(name_label)
        add_row.addWidget(self.name_edit, 1)
        add_row.addWidget(self.add_button)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.rename_button)
        edit_row.addWidget(self.colour_button)
        edit_row.addWidget(self.remove_button)
        edit_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.view, 1)
        layout.addLayout(add_row)
        layout.addLayout(edit_row)
        self.name_edit.returnPressed.connect(self.on_add_clicked)
        self.add_button.clicked.connect(self.on_add_clicked)
        self.rename_button.clicked.connect(self.on_rename_clicked)
        self.rename_button.setToolTip(self.tr("F2 dans la liste"))
        self.remove_button.setToolTip(self.tr("Suppr dans la liste"))
        self.colour_button.clicked.connect(self.on_colour_clicked)
        self.model.sig_edit.connect(self.on_model_edit)
        self.model.sig_participants_dropped.connect(
            lambda ids, group_id: move_participants(self.session, ids, group_id)
        )
        wire_list_editing(self.view, self.remove_button, self.on_remove_clicked)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        session.sig_snapshot.connect(self.refresh)
        session.sig_event.connect(lambda _event: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        snapshot = self.session.snapshot
        participants = Counter(p.group_id for p in snapshot.participants if p.group_id)
        self.model.set_rows(snapshot.groups, participants, answers_per_group(self.session))
        if not self.view.currentIndex().isValid() and self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))  # the buttons act on a visible choice
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_current = self._current_id() is not None
        for button in (self.rename_button, self.colour_button, self.remove_button):
            button.setEnabled(has_current)

    def _current_id(self) -> str | None:
        index = self.view.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.group(index.row()).id

    def next_colour(self) -> str:
        used = {g.colour.upper() for g in self.session.snapshot.groups}
        free = [c for c in GROUP_COLOURS if c.upper() not in used]
        return free[0] if free else GROUP_COLOURS[len(used) % len(GROUP_COLOURS)]

    def default_name(self) -> str:
        return self.tr("Table %1").replace("%1", str(len(self.session.snapshot.groups) + 1))

    # -- handlers -------------------------------------------------------------------------------------------
    def on_add_clicked(self) -> None:
        name = self.name_edit.text().strip() or self.default_name()
        workshop_id, colour = self.session.workshop_id, self.next_colour()
        group = self.session.change_setup(lambda s: s.add_group(workshop_id, name, colour))
        if group is not None:
            self.name_edit.clear()
            self.view.selectRow(self.model.row_of(group.id))
            self.name_edit.setFocus()

    def on_rename_clicked(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.view.setFocus()
            self.view.edit(self.model.index(index.row(), COL_NAME))

    def on_colour_clicked(self) -> None:
        group_id = self._current_id()
        if group_id is None:
            return
        group = self.model.group(self.model.row_of(group_id))
        colour = self.pick_colour(QColor(group.colour))
        if colour is not None and colour.isValid():
            self.on_model_edit(group_id, "colour", colour.name().upper())

    def pick_colour(self, current: QColor) -> QColor | None:
        """Asks the user (tests replace this)."""
        chosen = QColorDialog.getColor(current, self, self.tr("Couleur de la table"))
        return chosen if chosen.isValid() else None

    def on_remove_clicked(self) -> None:
        group_id = self._current_id()
        if group_id is None:
            return
        row = self.model.row_of(group_id)
        self.session.change_setup(lambda s: s.remove_group(group_id))
        if self.model.rowCount():
            self.view.selectRow(min(row, self.model.rowCount() - 1))

    def on_model_edit(self, group_id: str, field: str, value: object) -> None:
        if field == "name":
            self.session.change_setup(lambda s: s.update_group(group_id, name=str(value)))
        elif field == "colour":
            self.session.change_setup(lambda s: s.update_group(group_id, colour=str(value)))
