"""A strategy round's words: the argument of one table for one card, and notes, like a question round's.

It follows the pick table's cursor (Alt+N puts it on table N's column): « Argument de Table 2 pour « … » ».
Enter in the pick table comes here; Enter here saves and goes back; Escape gives the stored text back.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from workshop_app.core.workshop import GroupInfo


class StrategyNotes(QWidget):
    #: the argument was edited and committed: (group_id, card_id, text)
    sig_argument = Signal(str, str, str)
    #: a note was typed for a table on a card: (group_id, card_id, text)
    sig_note = Signal(str, str, str)
    #: the facilitator is done here (Enter or Escape): the pick table takes the keyboard back
    sig_done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._group: GroupInfo | None = None
        self._card = ""
        self._saved = ""
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.argument = QLineEdit()
        self.argument.setObjectName("strategyArgument")
        self.argument.setPlaceholderText(self.tr("Argument de la table pour cette carte (Entrée : valider)"))
        self.argument.installEventFilter(self)
        self.note = QLineEdit()
        self.note.setObjectName("strategyNote")
        self.note.setPlaceholderText(self.tr("Note ou citation (Entrée pour l’ajouter)"))
        self.note.returnPressed.connect(self.on_note_entered)
        self.note.installEventFilter(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 2)
        row.addWidget(self.argument, 3)
        row.addWidget(self.note, 2)

    def set_target(
        self, group: GroupInfo | None, card_id: str, card_title: str, argument: str, card_number: str = ""
    ) -> None:
        if self.argument.hasFocus() and self.argument.isModified():
            self.commit()
        self._group, self._card, self._saved = group, card_id, argument
        enabled = group is not None and bool(card_id)
        for widget in (self.argument, self.note):
            widget.setEnabled(enabled)
        self.label.setText(
            self.tr("%1 · carte %2").replace("%1", group.name).replace("%2", card_number) if enabled and group
            else self.tr("Choisissez une table et une carte")
        )
        self.label.setToolTip(card_title)
        self.argument.setText(argument)
        self.argument.setCursorPosition(0)
        self.argument.setModified(False)

    def target(self) -> tuple[str, str]:
        return (self._group.id if self._group else "", self._card)

    def focus_argument(self) -> None:
        if self.argument.isEnabled():
            self.argument.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.argument.selectAll()

    def commit(self) -> None:
        text = self.argument.text().strip()
        if self._group is not None and self._card and text != self._saved.strip():
            self.sig_argument.emit(self._group.id, self._card, text)
            self._saved = text
        self.argument.setModified(False)

    def on_note_entered(self) -> None:
        text = self.note.text().strip()
        if text and self._group is not None and self._card:
            self.sig_note.emit(self._group.id, self._card, text)
        self.note.clear()
        self.sig_done.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Escape:
                if watched is self.argument:
                    self.argument.setText(self._saved)
                    self.argument.setModified(False)
                else:
                    self.note.clear()
                self.sig_done.emit()
                return True
            if watched is self.argument and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.commit()
                self.sig_done.emit()
                return True
        if watched is self.argument and event.type() == QEvent.Type.FocusOut:
            self.commit()
        return super().eventFilter(watched, event)
