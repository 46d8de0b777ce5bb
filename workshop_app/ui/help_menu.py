"""The « Aide » menu's dialogs: the keyboard shortcuts and « À propos », imported when first asked for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from workshop_app.ui.actions import ActionRegistry


def show_shortcuts(registry: ActionRegistry, parent: QWidget) -> None:
    from workshop_app.ui.shortcuts_dialog import ShortcutsDialog

    dialog = ShortcutsDialog(registry, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()


def show_about(parent: QWidget) -> None:
    from workshop_app.ui.about import show_about as open_about

    open_about(parent)
