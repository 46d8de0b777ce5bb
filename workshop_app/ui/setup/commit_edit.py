"""A multi-line text field that commits when the user leaves it, like ``QLineEdit.editingFinished``.

Tab moves to the next field (a facilitator fills the form with the keyboard); Ctrl+Return also commits.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget


class CommitTextEdit(QPlainTextEdit):
    #: the text changed since the last commit and the user left the field (or pressed Ctrl+Return)
    sig_editing_finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self._committed = ""

    def set_committed_text(self, text: str) -> None:
        """Show the stored value, unless the user is typing in this field right now."""
        self._committed = text
        if not self.hasFocus() and self.toPlainText() != text:
            self.setPlainText(text)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._finish()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self._finish()
            return
        super().keyPressEvent(event)

    def _finish(self) -> None:
        if self.toPlainText() != self._committed:
            self._committed = self.toPlainText()
            self.sig_editing_finished.emit()
