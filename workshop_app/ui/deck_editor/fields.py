"""A form field bound to one path of the draft, with its error shown beside it in French."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget

from workshop_app.core.deck_field_text import FieldTextError
from workshop_app.ui.theme_ink import follow_ink

Editor = QLineEdit | QPlainTextEdit | QSpinBox | QComboBox


class BoundField(QWidget):
    """``read()`` gives the draft's value to show; ``write(value)`` stores an edit (it may raise
    :class:`FieldTextError`, shown as the field's error); ``issue()`` is the deck model's problem, if any."""

    def __init__(
        self,
        editor: Editor,
        read: Callable[[], Any],
        write: Callable[[Any], None],
        issue: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.editor = editor
        self._read, self._write, self._issue = read, write, issue
        self._typing_error = ""
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        follow_ink(self.error, lambda ink: self.error.setStyleSheet(f"color: {ink.error};"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(editor)
        layout.addWidget(self.error)
        if isinstance(editor, QLineEdit):
            editor.textEdited.connect(self.on_edited)
        elif isinstance(editor, QPlainTextEdit):
            editor.setTabChangesFocus(True)
            editor.textChanged.connect(lambda: self.on_edited(editor.toPlainText()))
        elif isinstance(editor, QSpinBox):
            editor.valueChanged.connect(self.on_edited)
        else:
            editor.currentIndexChanged.connect(lambda _i: self.on_edited(editor.currentData()))
        self.load()

    def load(self) -> None:
        """Show the draft's value (another card was chosen): no edit is stored by this."""
        value = self._read()
        editor = self.editor
        editor.blockSignals(True)
        try:
            if isinstance(editor, QLineEdit):
                editor.setText("" if value is None else str(value))
            elif isinstance(editor, QPlainTextEdit):
                editor.setPlainText("" if value is None else str(value))
            elif isinstance(editor, QSpinBox):
                editor.setValue(int(value or 0))
            else:
                editor.setCurrentIndex(max(0, editor.findData(value)))
        finally:
            editor.blockSignals(False)
        self._typing_error = ""
        self.show_issue()

    def on_edited(self, value: Any) -> None:
        try:
            self._write(value)
            self._typing_error = ""
        except FieldTextError as exc:
            self._typing_error = str(exc)
        self.show_issue()

    def show_issue(self) -> None:
        text = self._typing_error or self._issue()
        self.error.setText(text)
        self.error.setVisible(bool(text))
        self.editor.setToolTip(text)

    @property
    def message(self) -> str:
        return self.error.text() if self.error.isVisibleTo(self) else ""
