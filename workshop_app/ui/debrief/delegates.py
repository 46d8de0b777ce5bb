"""Editors for the action plan: a date with « — » for no deadline, and the deck's levers in a list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from workshop_app.ui.debrief.actions_model import NO_DATE

_Index = QModelIndex | QPersistentModelIndex


class DateDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        editor = QDateEdit(parent)
        editor.setCalendarPopup(True)
        editor.setDisplayFormat("dd/MM/yyyy")
        editor.setMinimumDate(NO_DATE)
        editor.setSpecialValueText(self.tr("— (sans échéance)"))
        editor.setToolTip(self.tr("Choisissez la date au plus bas pour « sans échéance »."))
        return editor

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QDateEdit):
            editor.setDate(value if isinstance(value, QDate) and value.isValid() else QDate.currentDate())

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        if isinstance(editor, QDateEdit):
            model.setData(index, editor.date(), Qt.ItemDataRole.EditRole)


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
