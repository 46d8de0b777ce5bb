"""Seating participants at tables: drag rows of the participants' list onto a table (or onto « Sans table »),
or, from the keyboard, Ctrl+M on the list (« Déplacer vers… ») and a table's number.

A drag carries the participants' ids (:data:`MIME_PARTICIPANTS`); whatever receives it asks the session to
seat them all in one commit (``move_participants``), so the list and the tables show only what the database
holds.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMenu, QPushButton, QTableView, QWidget

if TYPE_CHECKING:
    from workshop_app.ui.session import WorkshopSession

MIME_PARTICIPANTS = "application/x-atelier-participants"


def participants_mime(ids: Sequence[str]) -> QMimeData:
    mime = QMimeData()
    mime.setData(MIME_PARTICIPANTS, json.dumps(list(ids)).encode("utf-8"))
    return mime


def participant_ids(mime: QMimeData | None) -> list[str]:
    """The ids a drag carries; [] for anything else (a file, text, a malformed payload)."""
    if mime is None or not mime.hasFormat(MIME_PARTICIPANTS):
        return []
    try:
        value = json.loads(bytes(mime.data(MIME_PARTICIPANTS).data()).decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return []
    return list(value)


def move_participants(session: WorkshopSession, ids: Sequence[str], group_id: str | None) -> int:
    """Seat ``ids`` at ``group_id`` (None: no table) through the service; how many moved."""
    if not ids:
        return 0
    moved = session.change_setup(lambda s: s.move_participants(list(ids), group_id))
    return moved or 0


class UnseatedDropZone(QLabel):
    """« Sans table » : drop participants here to take them off their table; shows how many have none."""

    sig_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unseatedDropZone")
        self.setAcceptDrops(True)
        self.setFrameShape(QLabel.Shape.StyledPanel)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMargin(4)
        self.setToolTip(self.tr("Déposez ici des participants pour les retirer de leur table"))
        self.set_count(0)

    def set_count(self, count: int) -> None:
        text = self.tr("Sans table : %1 (déposez ici)") if count else self.tr("Sans table (déposez ici)")
        self.setText(text.replace("%1", str(count)))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if participant_ids(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if participant_ids(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        ids = participant_ids(event.mimeData())
        if ids:
            event.acceptProposedAction()
            self.sig_dropped.emit(ids)


class MoveMenu(QObject):
    """« Déplacer vers… » (Ctrl+M on the list): the selected participants to a table picked by its number."""

    def __init__(self, session: WorkshopSession, view: QTableView, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.view = view
        self.button = QPushButton(self.tr("Déplacer vers…"))
        self.button.setObjectName("moveParticipantsButton")
        self.button.setToolTip(
            self.tr("Ctrl+M dans la liste, puis le numéro de la table ; ou glissez les lignes")
        )
        self.button.clicked.connect(self.on_button_clicked)
        shortcut = QShortcut(QKeySequence("Ctrl+M"), view)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(self.on_shortcut)

    def selected_ids(self) -> list[str]:
        from workshop_app.ui.setup.participants_model import PARTICIPANT_ROLE

        selection = self.view.selectionModel()
        rows = sorted({i.row() for i in selection.selectedIndexes()}) if selection is not None else []
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex().row()]
        model = self.view.model()
        return [model.index(r, 0).data(PARTICIPANT_ROLE).id for r in rows]

    def build_menu(self) -> QMenu:
        menu = QMenu(self.view)
        menu.setObjectName("moveParticipantsMenu")
        ids = self.selected_ids()
        groups = sorted(self.session.snapshot.groups, key=lambda g: g.position)
        for number, group in enumerate(groups, start=1):
            name = group.name.replace("&", "&&")  # a « & » in a name is text, not a menu mnemonic
            action = menu.addAction(f"&{number} {name}" if number < 10 else name)
            action.triggered.connect(lambda _=False, gid=group.id: self.move(ids, gid))
        if groups:
            menu.addSeparator()
        none = menu.addAction(self.tr("&0 Sans table"))
        none.triggered.connect(lambda _=False: self.move(ids, None))
        menu.setEnabled(bool(ids))
        return menu

    def move(self, ids: list[str], group_id: str | None) -> int:
        return move_participants(self.session, ids, group_id)

    def on_button_clicked(self) -> None:
        self.exec_menu(self.button.mapToGlobal(QPoint(0, self.button.height())))

    def on_shortcut(self) -> None:
        rect = self.view.visualRect(self.view.currentIndex())
        self.exec_menu(self.view.viewport().mapToGlobal(rect.bottomLeft()))

    def exec_menu(self, where: QPoint) -> None:
        """Shows the menu (tests replace this to pick an entry)."""
        self.build_menu().exec(where)
