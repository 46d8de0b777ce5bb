"""The participants: a table edited in place (F2 or typing), with a table picker for the group column."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workshop_app.ui.setup.participants_import import ParticipantsImport
from workshop_app.ui.setup.participants_model import COL_GROUP, COL_KIND, COL_NAME, KINDS, ParticipantsModel
from workshop_app.ui.setup.participants_moves import MoveMenu, UnseatedDropZone, move_participants

if TYPE_CHECKING:
    from workshop_app.ui.session import WorkshopSession

Index = QModelIndex | QPersistentModelIndex


class GroupDelegate(QStyledItemDelegate):
    """Edits the table column with a combo box of the workshop's tables (and « — » for none)."""

    def __init__(self, model: ParticipantsModel, parent: Any = None) -> None:
        super().__init__(parent)
        self._model = model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.addItem("—", "")
        for group in self._model.groups:
            combo.addItem(group.name, group.id)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole) or "")))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class KindDelegate(QStyledItemDelegate):
    """Edits the role column: « — », élu·e, agent·e, partenaire."""

    def __init__(self, model: ParticipantsModel, parent: Any = None) -> None:
        super().__init__(parent)
        self._model = model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        for kind in KINDS:
            combo.addItem(self._model.kind_label(kind), kind)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole) or "")))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class ParticipantsPanel(QWidget):
    def __init__(self, session: WorkshopSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = ParticipantsModel(self)
        heading = QLabel(self.tr("Participants"))
        heading.setObjectName("sectionTitle")
        hint = QLabel(self.tr(
            "Le nom est facultatif : la fonction et le service suffisent au compte-rendu. "
            "Collez des lignes d’un tableur (Ctrl+V) ou importez une liste CSV ou XLSX."))
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        self.view = QTableView()
        self.view.setObjectName("participantsView")
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(COL_GROUP, GroupDelegate(self.model, self.view))
        self.view.setItemDelegateForColumn(COL_KIND, KindDelegate(self.model, self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        # several at once (Maj, Ctrl): dragged onto a table, or « Déplacer vers… » (Ctrl+M)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setDragEnabled(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.view.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        self.view.setTabKeyNavigation(False)
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(header.fontMetrics().horizontalAdvance("Nom (facultatif)") // 2)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.add_button = QPushButton(self.tr("Ajouter un part&icipant"))
        self.add_button.setObjectName("addParticipantButton")
        self.remove_button = QPushButton(self.tr("Retirer le participant"))
        self.remove_button.setObjectName("removeParticipantButton")
        self.count_label = QLabel()
        self.count_label.setObjectName("muted")
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        self.importer = ParticipantsImport(session, self.view, self)
        self.mover = MoveMenu(session, self.view, self)
        self.unseated = UnseatedDropZone()
        self.unseated.sig_dropped.connect(lambda ids: move_participants(session, ids, None))
        row.addStretch(1)
        row.addWidget(self.count_label)
        # the list's tools on their own row: one row of five buttons was wider than the column with large text
        tools = QHBoxLayout()
        tools.addWidget(self.importer.import_button)
        tools.addWidget(self.importer.balance_button)
        tools.addWidget(self.mover.button)
        tools.addStretch(1)
        seats = QHBoxLayout()
        seats.addWidget(self.unseated, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(self.view, 1)
        layout.addLayout(seats)
        layout.addLayout(row)
        layout.addLayout(tools)
        self.add_button.clicked.connect(self.on_add_clicked)
        self.remove_button.clicked.connect(self.on_remove_clicked)
        self.model.sig_edit.connect(self.on_model_edit)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.on_remove_clicked)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        session.sig_snapshot.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        snapshot = self.session.snapshot
        self.model.set_rows(snapshot.participants, snapshot.groups)
        count = len(snapshot.participants)
        text = self.tr("%1 participant") if count <= 1 else self.tr("%1 participants")
        self.count_label.setText(text.replace("%1", str(count)))
        self.unseated.set_count(sum(1 for p in snapshot.participants if not p.group_id))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.view.currentIndex().isValid())

    def on_add_clicked(self) -> None:
        workshop_id = self.session.workshop_id
        person = self.session.change_setup(lambda s: s.add_participant(workshop_id))
        if person is None:
            return
        index = self.model.index(self.model.row_of(person.id), COL_NAME)
        self.view.setFocus()
        self.view.setCurrentIndex(index)
        self.view.edit(index)

    def on_remove_clicked(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        participant_id = self.model.participant(index.row()).id
        self.session.change_setup(lambda s: s.remove_participant(participant_id))

    def on_model_edit(self, participant_id: str, field: str, value: object) -> None:
        self.session.change_setup(lambda s: s.update_participant(participant_id, **{field: value}))
