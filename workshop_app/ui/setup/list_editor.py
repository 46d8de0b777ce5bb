"""The list-editing wiring the set-up lists share (tables, sequences, other steps): the remove and move
buttons, Suppr to remove, Ctrl+Haut / Ctrl+Bas to move, on the list itself only."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton, QWidget


def wire_list_editing(
    view: QWidget,
    remove_button: QPushButton,
    on_remove: Callable[[], None],
    moves: tuple[QPushButton, QPushButton, Callable[[int], None]] | None = None,
) -> None:
    """Connect ``remove_button`` and Suppr to ``on_remove``; with ``moves`` (up, down, on_move), the two
    buttons and Ctrl+Haut / Ctrl+Bas to ``on_move(-1)`` / ``on_move(+1)``. The tooltips have one translation
    context of their own (« ListEditor »), which ``lupdate`` can see."""
    keys: list[tuple[QKeySequence.StandardKey | str, Callable[[], None]]] = [
        (QKeySequence.StandardKey.Delete, on_remove)
    ]
    remove_button.clicked.connect(on_remove)
    if moves is not None:
        up, down, on_move = moves
        up.clicked.connect(lambda: on_move(-1))
        down.clicked.connect(lambda: on_move(+1))
        keys += [("Ctrl+Up", lambda: on_move(-1)), ("Ctrl+Down", lambda: on_move(+1))]
        up.setToolTip(QCoreApplication.translate("ListEditor", "Ctrl+Haut dans la liste"))
        down.setToolTip(QCoreApplication.translate("ListEditor", "Ctrl+Bas dans la liste"))
    for sequence, slot in keys:
        shortcut = QShortcut(QKeySequence(sequence), view)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(slot)
