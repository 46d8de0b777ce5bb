"""Editors of the debrief: an editable list of short lines (strengths, vulnerabilities) and a text box that
commits when it loses the focus. Both say « committed » with a signal; the page saves through the service.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)


def wants_typing(event: QEvent) -> bool:
    """A plain printable key: it starts editing a cell, even when the window has a one-letter shortcut."""
    if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
        return False
    plain = not event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
    return plain and event.text().isprintable() and bool(event.text().strip())


class TypingTableView(QTableView):
    """A table where typing a letter edits the cell (the shell's B, R, T… stay for the play screen).

    Tab never traps the keyboard: outside an editor it moves on to the next widget (arrows move between
    cells); inside an editor it saves the cell and opens the next one, and from the last cell (Shift+Tab: the
    first) it saves and leaves the table instead of wrapping around."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabKeyNavigation(False)

    def event(self, event: QEvent) -> bool:
        if wants_typing(event):
            event.accept()
            return True
        return super().event(event)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        Hint = QAbstractItemDelegate.EndEditHint
        index, model = self.currentIndex(), self.model()
        last = model is not None and index.row() == model.rowCount() - 1
        last = last and index.column() == model.columnCount() - 1
        first = index.row() == 0 and index.column() == 0
        leaving = (hint == Hint.EditNextItem and last) or (hint == Hint.EditPreviousItem and first)
        super().closeEditor(editor, Hint.NoHint if leaving else hint)
        if leaving:
            self.focusNextPrevChild(hint == Hint.EditNextItem)


class TypingListView(QListView):
    def event(self, event: QEvent) -> bool:
        if wants_typing(event):
            event.accept()
            return True
        return super().event(event)


class CommitTextEdit(QPlainTextEdit):
    #: the text was edited and the box lost the focus (or ``commit`` was called): the new text
    sig_committed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self._saved = ""

    def set_saved_text(self, text: str) -> None:
        """Show ``text`` as stored (unless the facilitator is typing in the box)."""
        self._saved = text
        if not self.hasFocus() or not self.document().isModified():
            self.setPlainText(text)
            self.document().setModified(False)

    def commit(self) -> None:
        text = self.toPlainText().strip()
        if text != self._saved.strip():
            self.sig_committed.emit(text)
        self.document().setModified(False)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.commit()
        super().focusOutEvent(event)


class FindingsModel(QStringListModel):
    """The lines of a list; a line the app proposed and the facilitator has not validated yet is in italics,
    and every line's tooltip says who wrote it (``origins``: line -> « proposed », « validated »,
    « written »)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.origins: dict[str, str] = {}
        self.notes: dict[str, str] = {}  # origin -> tooltip, set by the list (translated there)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ToolTipRole) and index.isValid():
            line = str(super().data(index, Qt.ItemDataRole.DisplayRole) or "").strip()
            origin = self.origins.get(line, "written")
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.notes.get(origin) or None
            if origin == "proposed":
                font = QFont()
                font.setItalic(True)
                return font
            return None
        return super().data(index, role)

    def set_origins(self, origins: dict[str, str]) -> None:
        if origins != self.origins:
            self.origins = origins
            if self.rowCount():
                roles = [Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ToolTipRole]
                self.dataChanged.emit(self.index(0), self.index(self.rowCount() - 1), roles)


class FindingsList(QWidget):
    #: a line was added, edited or removed: the whole list as it now reads
    sig_committed = Signal(list)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FindingsModel(self)
        self.model.notes = {
            "proposed": self.tr("Proposé par l’application d’après les scores : à relire et valider"),
            "validated": self.tr("Proposé par l’application d’après les scores, validé par l’animation"),
            "written": self.tr("Rédigé par l’animation"),
        }
        self.view = TypingListView()
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.setAccessibleName(title)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.add_button = QPushButton(self.tr("Ajouter"))
        self.add_button.clicked.connect(self.on_add_clicked)
        self.remove_button = QPushButton(self.tr("Supprimer"))
        self.remove_button.clicked.connect(self.on_remove_clicked)
        label = QLabel(title)
        label.setStyleSheet("font-weight: bold;")
        label.setBuddy(self.view)
        buttons = QHBoxLayout()
        buttons.addWidget(label, 1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        self._loading = False
        self.model.dataChanged.connect(self.on_model_changed)
        self.model.rowsRemoved.connect(self.on_model_changed)
        self.view.itemDelegate().closeEditor.connect(lambda *_: QTimer.singleShot(0, self.drop_empty))

    def lines(self) -> list[str]:
        return [line.strip() for line in self.model.stringList() if line.strip()]

    def set_lines(self, lines: list[str] | tuple[str, ...]) -> None:
        if list(lines) == self.lines() or self.view.state() == QAbstractItemView.State.EditingState:
            return
        self._loading = True
        self.model.setStringList(list(lines))
        self._loading = False

    def on_add_clicked(self) -> None:
        row = self.model.rowCount()
        self.model.insertRows(row, 1)
        index = self.model.index(row)
        self.view.setCurrentIndex(index)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.view.edit(index)

    def on_remove_clicked(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.model.removeRows(index.row(), 1)

    def set_origins(self, origins: dict[str, str]) -> None:
        """Who wrote each line (see ``FindingsModel``); a line not in ``origins`` was written by hand."""
        self._loading = True
        self.model.set_origins(origins)
        self._loading = False

    def on_model_changed(self, *_args: object) -> None:
        if not self._loading:
            self.sig_committed.emit(self.lines())

    def drop_empty(self) -> None:
        """A line left empty is no finding: remove it once its editor is closed."""
        if self.view.state() == QAbstractItemView.State.EditingState:
            return
        empty = [i for i, line in enumerate(self.model.stringList()) if not line.strip()]
        self._loading = True
        for row in reversed(empty):
            self.model.removeRows(row, 1)
        self._loading = False
