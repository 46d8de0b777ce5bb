"""Editors for the action plan: a date typed in jj/mm/aaaa (empty: no deadline), and the deck's levers."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from workshop_app.core.french_date import DateError
from workshop_app.ui.date_edit import FrenchDateEdit
from workshop_app.ui.debrief.actions_model import NO_DATE, from_qdate, to_qdate

_Index = QModelIndex | QPersistentModelIndex


class DateDelegate(QStyledItemDelegate):
    """The deadline typed in jj/mm/aaaa (empty: no deadline). Enter or Tab on a date that is not one keeps the
    editor open with the French reason; leaving it otherwise keeps the stored deadline. Both say why."""

    #: a typed deadline was refused: the French sentence (the stored deadline did not change)
    sig_refused = Signal(str)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        editor = FrenchDateEdit(parent)
        editor.setToolTip(self.tr("jj/mm/aaaa, par exemple 15/10/2026 ; vide : sans échéance"))
        editor.setFrame(False)
        editor.editingFinished.disconnect(editor.commit)  # the view commits through setModelData
        editor.sig_refused.connect(self.sig_refused)
        return editor

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        if isinstance(editor, FrenchDateEdit):
            editor.set_value(from_qdate(index.data(Qt.ItemDataRole.EditRole)))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        if not isinstance(editor, FrenchDateEdit):
            return
        try:
            value = editor.read()
        except DateError:
            editor.commit()  # refuses, marks the field and says why (sig_refused)
            return
        model.setData(index, to_qdate(value) if value else NO_DATE, Qt.ItemDataRole.EditRole)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        if (
            isinstance(watched, FrenchDateEdit)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in keys
            and not watched.is_acceptable()
        ):
            watched.commit()  # marks the field and says why
            return True  # the editor stays open, nothing is stored
        return super().eventFilter(watched, event)


class LeverDelegate(QStyledItemDelegate):
    def __init__(self, levers: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.levers = levers

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        editor = QComboBox(parent)
        editor.addItem(self.tr("(aucun)"), "")
        for lever_id, label in self.levers:
            editor.addItem(label, lever_id)
        return editor

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        if isinstance(editor, QComboBox):
            found = editor.findData(index.data(Qt.ItemDataRole.EditRole) or "")
            editor.setCurrentIndex(max(0, found))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        if isinstance(editor, QComboBox):
            value: Any = editor.currentData()
            model.setData(index, value or "", Qt.ItemDataRole.EditRole)
