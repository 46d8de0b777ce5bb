"""One table's row for a questions deck: colour chip, name, the scale as buttons, argument and notes.

Keyboard (when the row has focus): the scale keys (0–4, N « non concerné »), Delete withdraws, Up/Down move to
the neighbouring table, Enter or F2 edits the argument (Enter commits and comes back, Escape reverts).
The row shows only what the session committed: buttons never check themselves on click.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from workshop_app.core.deck import QuestionDeck, ScaleOption
from workshop_app.core.state import Answer, Note
from workshop_app.core.workshop import GroupInfo
from workshop_app.ui.play.chips import ColourChip, text_on
from workshop_app.ui.play.scale_text import button_text, option_key, scale_legend, short_label
from workshop_app.ui.theme_ink import Ink, follow_ink, visible_on

__all__ = ["QuestionRow", "option_key", "scale_legend", "short_label"]  # (they lived here before)


class ChosenText(QWidget):
    """The chosen option's wording beside the scale, wrapped on words, laid out as a QLabel would be.

    A label in a layout asks its row, and through it the eleven other rows, to be laid out again on every
    ``setText`` (~0.5 ms a vote). Here the label is placed by hand inside this widget, which passes that
    request on only when the wording's height at the current width changed (a second line) or the font did.
    Its minimum width is the longest word of the scale's wordings, and its height never less than one line,
    so a first answer (from empty to one line) moves nothing.
    """

    def __init__(self, texts: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self._words = [w for t in texts for w in t.split()]
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._shape = self._measure()

    def set_text(self, text: str) -> None:
        self.label.setText(text)

    def text(self) -> str:
        return self.label.text()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        one_line = self.label.fontMetrics().boundingRect(
            QRect(0, 0, max(1, width), 10_000), int(Qt.TextFlag.TextWordWrap), "Xg").height()
        return max(one_line, self.label.heightForWidth(width))

    def sizeHint(self) -> QSize:
        hint = self.label.sizeHint()
        return QSize(hint.width(), max(hint.height(), self.label.fontMetrics().height()))

    def minimumSizeHint(self) -> QSize:
        metrics = self.label.fontMetrics()
        return QSize(max([0, *(metrics.horizontalAdvance(w) for w in self._words)]), metrics.height())

    def _measure(self) -> tuple[str, int]:
        return self.label.font().key(), self.heightForWidth(self.width())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.label.setGeometry(self.rect())
        self._shape = self._measure()

    def event(self, event: QEvent) -> bool:
        # the label's updateGeometry arrives here as a LayoutRequest (there is no layout to take it)
        if event.type() == QEvent.Type.LayoutRequest:
            shape = self._measure()
            if shape != self._shape:
                self._shape = shape
                self.updateGeometry()
        return super().event(event)


class _ScaleButton(QToolButton):
    def nextCheckState(self) -> None:
        """A click asks for the choice; the check only follows the committed event."""


class QuestionRow(QFrame):
    #: the facilitator chose an option for this table: (group_id, option_id)
    sig_choice = Signal(str, str)
    #: Delete: withdraw this table's choice (group_id)
    sig_withdraw = Signal(str)
    #: the argument was edited and committed: (group_id, card_id, text), for the card it was typed on
    sig_argument = Signal(str, str, str)
    #: a note was typed for this table: (group_id, text)
    sig_note = Signal(str, str, bool)  # group id, text, « hors compte-rendu »
    #: move the focus to the previous (-1) or next (+1) table
    sig_move = Signal(int)

    def __init__(
        self, group: GroupInfo, number: int, deck: QuestionDeck, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.group = group
        self.setObjectName("groupRow")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._committed = ""
        self._option = ""  # the committed choice (the buttons may hide it in room mode)
        self._masked = False
        self._card_id = ""
        self._keys: dict[str, str] = {}
        self._buttons: dict[str, _ScaleButton] = {}
        self._chip = ColourChip(group.colour, str(number))
        self._name = QLabel(group.name)
        self._name.setMinimumWidth(110)
        self._name.setMaximumWidth(180)
        self._name.setWordWrap(True)
        self._name.setStyleSheet("font-weight: bold;")
        self._deck = deck
        self._labels = {o.id: short_label(o) for o in deck.scale}
        self._chosen = ChosenText(list(self._labels.values()))
        scale = QHBoxLayout()
        scale.setSpacing(4)
        for option in deck.scale:
            button = self._make_button(option)
            scale.addWidget(button)
        scale.addSpacing(6)
        scale.addWidget(self._chosen, 1)
        self._argument = QLineEdit()
        self._argument.setPlaceholderText(self.tr("Argument de la table (Entrée pour valider)"))
        self._argument.setAccessibleName(self.tr("Argument de {0}").format(group.name))
        self._argument.editingFinished.connect(self.on_argument_edited)
        self._argument.installEventFilter(self)
        self._notes_button = QToolButton()
        self._notes_button.setText(self.tr("Note…"))
        self._notes_button.setToolTip(self.tr("Ajouter une note pour cette table"))
        self._notes_button.clicked.connect(self.on_notes_clicked)
        self._note = QLineEdit()
        self._note.setPlaceholderText(self.tr("Note ou citation (anonyme), Entrée pour l’ajouter"))
        self._note.returnPressed.connect(self.on_note_entered)
        self._note.installEventFilter(self)
        self._note.hide()
        self._internal = QCheckBox(self.tr("Hors compte-rendu"))
        self._internal.setObjectName("noteInternal")
        self._internal.setToolTip(
            self.tr("La note reste dans l’application et l’archive, mais n’apparaît dans aucun export")
        )
        self._internal.hide()
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(3)
        grid.addWidget(self._chip, 0, 0)
        grid.addWidget(self._name, 0, 1)
        grid.addLayout(scale, 0, 2, 1, 2)
        grid.addWidget(self._argument, 1, 2)
        grid.addWidget(self._notes_button, 1, 3)
        note_row = QHBoxLayout()
        note_row.addWidget(self._note, 1)
        note_row.addWidget(self._internal)
        grid.addLayout(note_row, 2, 2, 1, 2)
        grid.setColumnStretch(2, 1)
        follow_ink(self, self.on_ink_changed)

    def on_ink_changed(self, colours: Ink) -> None:
        colour = self.group.colour
        self.setStyleSheet(
            f"QFrame#groupRow {{ border: 2px solid transparent; border-radius: 6px; }}"
            f"QFrame#groupRow:focus {{ border: 2px solid {visible_on(colour, colours)};"
            f" background: {colours.focus_background}; }}"
            f"QFrame#groupRow:focus QLabel {{ background: transparent; }}"
            f"QToolButton:checked {{ background: {colour}; color: {text_on(colour)};"
            f" font-weight: bold; border: 1px solid {colours.border if colours.high_contrast else '#333'};"
            f" border-radius: 4px; }}"
        )
        self._chosen.label.setStyleSheet(f"color: {colours.text}; font-weight: bold;")

    def _make_button(self, option: ScaleOption) -> _ScaleButton:
        key = option_key(option)
        button = _ScaleButton()
        button.setCheckable(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setText(button_text(self._deck, option))
        button.setMinimumWidth(38)
        button.setToolTip(self._tooltip(option, option.description))
        button.setAccessibleName(f"{self.group.name} : {option.label}")
        button.setMinimumHeight(30)
        button.clicked.connect(lambda _=False, oid=option.id: self._choose(oid))
        if key:
            self._keys[key] = option.id
        self._buttons[option.id] = button
        return button

    def _tooltip(self, option: ScaleOption, description: str) -> str:
        key = option_key(option)
        hint = self.tr("touche {0}").format(key) if key else ""
        return "\n".join(t for t in (option.label, description, hint) if t)

    def _show_levels(self, card_id: str) -> None:
        """Each button's tooltip: the card's own description of its level, else the scale's."""
        card = next((c for c in self._deck.cards if c.id == card_id), None)
        for option in self._deck.scale:
            own = card.levels.get(option.id, "") if card is not None else ""
            self._buttons[option.id].setToolTip(self._tooltip(option, own or option.description))

    # -- display (from the session only) --------------------------------------------------------------------
    def show_card(self, card_id: str, answer: Answer | None, argument: str = "") -> None:
        """Another card: an argument still being typed is first committed to the card it was typed on."""
        if card_id != self._card_id:
            self.commit_pending()
            self._card_id = card_id
            self._show_levels(card_id)
            self._argument.setModified(False)
            self._show_argument(answer.argument if answer else argument)
        self.set_answer(answer, argument)

    def commit_pending(self) -> None:
        if self._card_id and self._argument.isModified():
            self.on_argument_edited()

    def set_answer(self, answer: Answer | None, argument: str = "") -> None:
        self._option = answer.option if answer else ""
        self._show_choice()
        self._committed = answer.argument if answer else argument
        if not (self._argument.hasFocus() and self._argument.isModified()):
            if self._argument.text() != self._committed:
                self._show_argument(self._committed)
            self._argument.setModified(False)

    def _show_choice(self) -> None:
        shown = "" if self._masked else self._option
        for option_id, button in self._buttons.items():
            if button.isChecked() != (option_id == shown):
                button.setChecked(option_id == shown)
        if self._masked:
            self._chosen.set_text(self.tr("✓ réponse enregistrée (masquée)") if self._option else "")
        else:
            self._chosen.set_text(self._labels.get(self._option, ""))

    def set_masked(self, masked: bool) -> None:
        """Room mode: the answer and the argument are not shown (the room sees this screen)."""
        if masked == self._masked:
            return
        self._masked = masked
        self._show_choice()
        self._argument.setEchoMode(QLineEdit.EchoMode.Password if masked else QLineEdit.EchoMode.Normal)

    def is_masked(self) -> bool:
        return self._masked

    def _show_argument(self, text: str) -> None:
        """Load a committed argument showing its beginning: a long one reads from its first words."""
        self._argument.setText(text)
        self._argument.setCursorPosition(0)

    def set_notes(self, notes: Sequence[Note]) -> None:
        count = len(notes)
        self._notes_button.setText(self.tr("Notes ({0})").format(count) if count else self.tr("Note…"))
        hidden = self.tr(" (hors compte-rendu)")
        lines = [f"• {n.text}{hidden if n.internal else ''}" for n in notes[-8:]]
        self._notes_button.setToolTip("\n".join(lines) or self.tr("Aucune note"))

    def chosen(self) -> str:
        """The committed choice (also while room mode hides it)."""
        return self._option

    def argument_text(self) -> str:
        return self._argument.text().strip()

    def button(self, option_id: str) -> QToolButton:
        return self._buttons[option_id]

    @property
    def argument_edit(self) -> QLineEdit:
        return self._argument

    @property
    def note_edit(self) -> QLineEdit:
        return self._note

    # -- keyboard -------------------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        # Keep our keys even when the window declares a single-letter shortcut (B, R…).
        override = event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
        if override and self._handles(event):  # type: ignore[arg-type]
            event.accept()
            return True
        return super().event(event)

    def _handles(self, event: QKeyEvent) -> bool:
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        text = event.text().upper()
        return bool(text and text in self._keys) or event.key() in (
            Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_Up, Qt.Key.Key_Down,
            Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2,
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        text = event.text().upper()
        if not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier) and text in self._keys:
            self._choose(self._keys[text])
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            if self.chosen():
                self.sig_withdraw.emit(self.group.id)
        elif key == Qt.Key.Key_Up:
            self.sig_move.emit(-1)
        elif key == Qt.Key.Key_Down:
            self.sig_move.emit(1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
            self._argument.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self._argument.selectAll()
        else:
            super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Escape:
                if watched is self._argument:
                    self._show_argument(self._committed)
                    self._argument.setModified(False)
                else:
                    self._note.clear()
                    self._note.hide()
                    self._internal.hide()
                self.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
            if watched is self._argument and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.on_argument_edited()
                self.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)

    # -- handlers -------------------------------------------------------------------------------------------
    def _choose(self, option_id: str) -> None:
        if option_id != self.chosen():
            self.sig_choice.emit(self.group.id, option_id)

    def on_argument_edited(self) -> None:
        if not self._argument.isModified():
            return
        self._argument.setModified(False)
        text = self.argument_text()
        if text != self._committed.strip() and self._card_id:
            self.sig_argument.emit(self.group.id, self._card_id, text)
            if self._committed.strip() != text:  # refused: keep it marked as not saved, to retry
                self._argument.setModified(True)

    def on_notes_clicked(self) -> None:
        self._note.show()
        self._internal.setChecked(False)
        self._internal.show()
        self._note.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_note_entered(self) -> None:
        text = self._note.text().strip()
        if text:
            self.sig_note.emit(self.group.id, text, self._internal.isChecked())
        self._note.clear()
        self._note.hide()
        self._internal.hide()
        self.setFocus(Qt.FocusReason.OtherFocusReason)
